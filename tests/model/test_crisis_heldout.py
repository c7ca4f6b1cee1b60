"""Crisis detection through the whole trained NLU (rules, crisis classifier, intent model, SafetyScreen).

Targets from the issue: recall 1.0 and at most 5% false alarms on held-out messages.
- The development set (`data/safety/crisis_dev.yml`) was used while writing the rules and is also
  training data for the crisis classifier, so the targets holding there (enforced here) says little
  about new text; it guards against regressions.
- The held-out set (`bench/data/crisis_heldout.yml`, written on 2026-11-30 by someone who read only the
  definition of acute risk and saw no rules, training data or earlier sets, and not looked at) is the
  honest measure; `make bench` reports it.
  This test guards the level measured when the set was first used (see README, "Safety net"), with a
  margin of about three messages for the differences between training runs.
"""

from __future__ import annotations

import pytest
import yaml

from bench.nlu_quality import HELDOUT_CRISIS, HELDOUT_NLU, load_nlu_examples, text_key, training_keys
from tests.support.nlu import Parser
from tests.support.paths import ROOT

DEV = ROOT / "data" / "safety" / "crisis_dev.yml"
CORPUS = ROOT / "data" / "safety" / "crisis_corpus.yml"


def _load(path: object) -> dict[str, list[str]]:
    return yaml.safe_load(open(str(path), encoding="utf-8"))


def _rates(nlu: Parser, sets: dict[str, list[str]]) -> tuple[float, float, list[str], list[str]]:
    missed = [text for text in sets["crisis"] if nlu.intent(text) != "crisis"]
    alarms = [text for text in sets["not_acute"] if nlu.intent(text) == "crisis"]
    recall = 1 - len(missed) / len(sets["crisis"])
    return recall, len(alarms) / len(sets["not_acute"]), missed, alarms


def test_evaluation_sets_are_large_enough_and_kept_apart() -> None:
    heldout, dev, corpus = _load(HELDOUT_CRISIS), _load(DEV), _load(CORPUS)
    assert len(heldout["crisis"]) >= 60 and len(heldout["not_acute"]) >= 60
    nlu = load_nlu_examples(HELDOUT_NLU)
    assert len(nlu) >= 300
    trained = training_keys()
    seen = trained | {text_key(text) for texts in [*dev.values(), *corpus.values()] for text in texts}
    assert [text for text, _ in nlu if text_key(text) in trained] == []
    assert [text for text in heldout["crisis"] + heldout["not_acute"] if text_key(text) in seen] == []


def test_development_set_meets_the_targets(nlu: Parser) -> None:
    recall, false_alarms, missed, alarms = _rates(nlu, _load(DEV))
    assert recall == 1.0, missed
    assert false_alarms <= 0.05, alarms


def test_heldout_set_does_not_fall_below_the_measured_level(nlu: Parser) -> None:
    recall, false_alarms, _, _ = _rates(nlu, _load(HELDOUT_CRISIS))
    # First measured on 2026-11-30 (the thirteenth set of that day, 100 / 100): recall 0.98 (98 of
    # 100), false alarms 0.12 (12 of 100).
    assert recall >= 95 / 100
    assert false_alarms <= 15 / 100


@pytest.mark.parametrize(
    "text",
    ["min of meer", "ja", "nee", "soms", "al jaren", "sinds de zomer", "niks meer", "weet ik niet", "slapen"],
)
def test_short_answers_to_the_assistants_questions_are_not_crisis(nlu: Parser, text: str) -> None:
    # Typed answers to the scale ("ja / min of meer / nee"; a click on its buttons is not screened, see
    # bot/rasa_ext/channels/rest.py) and to open questions. A model trained on 2026-11-30 scored "min of meer"
    # 0.755 with the crisis classifier, which would have interrupted the scale with the 113 answer.
    assert nlu.intent(text) != "crisis", nlu.parse(text).get("safety_screen")


@pytest.mark.parametrize(
    "text",
    [
        "ik ga daar niet meer naartoe hoor",
        "ik ga er niet nog een keer heen",
        "ik ga nooit meer naar die bingo",
    ],
)
def test_not_going_back_to_an_activity_is_not_crisis(nlu: Parser, text: str) -> None:
    # Answers to "how did the step go?". Before data/safety/crisis_replies.yml, the crisis classifier
    # scored "ik ga er niet meer heen" 0.94 (many crisis messages say "ik ga niet meer ...").
    assert nlu.intent(text) != "crisis", nlu.parse(text).get("safety_screen")
