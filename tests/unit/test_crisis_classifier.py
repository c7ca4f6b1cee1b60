"""The trained crisis classifier: the model itself and its Rasa component."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa_ext.nlp.crisis_classifier import PROBABILITY_KEY, SENTENCE_PROBABILITY_KEY, CrisisClassifier
from bot.safety.crisis_model import CrisisModel, CrisisScores, load_corpus, parts
from bot.safety.rules import prepare

CRISIS = [
    "ik wil niet meer leven",
    "ik wil dood",
    "ik denk aan zelfmoord",
    "ik heb pillen gespaard om er een eind aan te maken",
    "iedereen is beter af zonder mij",
    "ik wil niet meer wakker worden",
    "vanavond spring ik van de brug",
    "ik heb mezelf weer gesneden",
]
NOT_ACUTE = [
    "ik voel me alleen",
    "niemand belt me ooit",
    "ik mis mijn vrouw",
    "ik ga graag wandelen",
    "wat voor weer wordt het",
    "ik ben verdrietig vandaag",
    "mijn kat is ziek",
    "ik zoek een koffieochtend in de buurt",
]
CORPUS = """\
crisis:
  - "ik zie geen uitweg meer en wil er niet meer zijn"
not_acute:
  - "ik zie er tegenop om alleen naar een feestje te gaan"
"""


def test_parts_are_the_whole_message_then_its_longer_sentences() -> None:
    text = "Het was een gewone dag. Ja. Ik wil er niet meer zijn, echt niet"
    assert parts(text) == [text, "Het was een gewone dag", "Ik wil er niet meer zijn, echt niet"]
    assert parts("ik wil dood") == ["ik wil dood"]


def test_load_corpus_reads_both_lists(tmp_path: Path) -> None:
    path = tmp_path / "corpus.yml"
    path.write_text(CORPUS, encoding="utf-8")
    assert load_corpus([path]) == (
        ["ik zie geen uitweg meer en wil er niet meer zijn"],
        ["ik zie er tegenop om alleen naar een feestje te gaan"],
    )


class TestCrisisModel:
    model = CrisisModel().fit(CRISIS, NOT_ACUTE)

    def test_scores_risk_higher_than_ordinary_talk(self) -> None:
        risk, calm = self.model.probabilities(["ik wil echt niet meer leven", "ik ga graag naar de markt"])
        assert risk > 0.5 > calm

    def test_scores_are_those_of_the_fitted_pipeline(self) -> None:
        texts = ["ik wil echt niet meer leven", "ik ga graag naar de markt", "mn kat is dood", ""]
        expected = self.model.pipeline.predict_proba([prepare(text) for text in texts])[:, 1]
        assert self.model.probabilities(texts) == pytest.approx(list(expected), abs=1e-12)

    def test_one_risky_sentence_in_a_long_story_is_not_watered_down(self) -> None:
        story = (
            "Vanochtend ben ik naar de markt geweest en heb ik kaas gekocht. Het weer was mooi. "
            "De buurvrouw zwaaide nog. Maar ik wil niet meer leven."
        )
        scores = self.model.scores(story)
        assert scores.message == self.model.probabilities([story])[0]
        assert scores.sentence > scores.message
        assert scores.sentence > 0.5
        assert self.model.scores("ik wil niet meer leven").sentence == 0.0  # one sentence: no sentence score

    def test_parts_left_as_stubs_by_harmless_idioms_are_not_scored(self) -> None:
        # "Ik lach me dood" is "ik" once the idiom is removed: a stub that is not scored on its own.
        text = "Ik lach me dood. De buurvrouw zwaaide vanochtend nog."
        rest = "De buurvrouw zwaaide vanochtend nog"
        assert parts(text) == [text, "Ik lach me dood", rest]
        message, sentence = self.model.probabilities([text, rest])
        assert self.model.scores(text) == CrisisScores(message=message, sentence=sentence)
        assert self.model.scores("ik lach me dood") == CrisisScores(message=0.0, sentence=0.0)
        assert self.model.scores("ik wil dood").message == self.model.probabilities(["ik wil dood"])[0]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.yml"
    path.write_text(CORPUS, encoding="utf-8")
    return path


def _component(tmp_path: Path, corpus: Path) -> tuple[CrisisClassifier, LocalModelStorage, Resource]:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("crisis_classifier")
    config = {**CrisisClassifier.get_default_config(), "corpus": [str(corpus)]}
    component = CrisisClassifier.create(config, storage, resource, ExecutionContext({}, "test"))
    return component, storage, resource


def _training_data() -> TrainingData:
    examples = [Message(data={"text": t, "intent": "crisis"}) for t in CRISIS]
    examples += [Message(data={"text": t, "intent": "feel_lonely"}) for t in NOT_ACUTE]
    return TrainingData(training_examples=examples)


class TestCrisisClassifier:
    def test_trains_persists_loads_and_scores(self, tmp_path: Path, corpus: Path) -> None:
        component, storage, resource = _component(tmp_path, corpus)
        component.train(_training_data())
        loaded = CrisisClassifier.load(component.config, storage, resource, ExecutionContext({}, "test"))
        risky, calm, empty = (Message(data={"text": t}) for t in ("ik wil dood", "ik wandel graag", " "))
        loaded.process([risky, calm, empty])
        assert risky.get(PROBABILITY_KEY) > 0.5 > calm.get(PROBABILITY_KEY)
        assert empty.get(PROBABILITY_KEY) == 0.0 and empty.get(SENTENCE_PROBABILITY_KEY) == 0.0
        assert risky.get(SENTENCE_PROBABILITY_KEY) == 0.0  # one sentence
        # Both are part of the parse result, for the logs.
        assert {PROBABILITY_KEY, SENTENCE_PROBABILITY_KEY} <= risky.as_dict().keys()

    def test_without_a_trained_model_every_score_is_zero(self, tmp_path: Path, corpus: Path) -> None:
        _, storage, _ = _component(tmp_path, corpus)
        config = {"corpus": [str(corpus)], "c": 30.0}
        loaded = CrisisClassifier.load(config, storage, Resource("never_trained"), ExecutionContext({}, "t"))
        message = Message(data={"text": "ik wil dood"})
        loaded.process([message])
        assert message.get(PROBABILITY_KEY) == 0.0 and message.get(SENTENCE_PROBABILITY_KEY) == 0.0

    def test_a_missing_corpus_file_stops_training(self, tmp_path: Path) -> None:
        component, _, _ = _component(tmp_path, tmp_path / "missing.yml")
        with pytest.raises(FileNotFoundError, match="missing.yml"):
            component.train(_training_data())

    def test_editing_the_corpus_changes_the_fingerprint(self, corpus: Path) -> None:
        config = {"corpus": [str(corpus)], "c": 30.0}
        before = CrisisClassifier.fingerprint_addon(config)
        assert CrisisClassifier.fingerprint_addon(config) == before
        corpus.write_text(CORPUS + '  - "nog een voorbeeld"\n', encoding="utf-8")
        assert CrisisClassifier.fingerprint_addon(config) != before
