"""What a trainee does in one turn of a practice conversation: open question, reflection, advice, ...

A volunteer or professional practising a conversation with a persona types a turn; `label_turn` gives
its labels (a turn can carry several: "Dat klinkt zwaar. Wat mis je het meest?" is a reflection, an open
question and a question about a wish). The persona engine reacts to them and the feedback counts them.

How it works: one logistic regression per label over word and letter n-grams of the turn, plus a few
marker words that say what n-grams cannot see: the shape of each sentence that is a question (it starts
with "wat/hoe/waarom/wie" or with a verb and then "je/u", as in "heb je", "zou u"), advice with a gap
in it ("waarom ... niet", "je zou ... moeten"), and how many parts a turn has (summaries are long).
It learns from `data/practice/trainee_turns/train.yml`; the labels and when each applies are in
`data/practice/trainee_turns/README.md`. Training takes a few seconds, so the fitted model is kept
under `var/practice/`, named by a hash of the training data and of this file; a changed file trains anew.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import joblib  # type: ignore[import-untyped]
import numpy as np
import yaml
from scipy import sparse  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import CountVectorizer  # type: ignore[import-untyped]
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.preprocessing import normalize  # type: ignore[import-untyped]

from bot.text import normalise

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TRAINING_DATA = PROJECT_ROOT / "data" / "practice" / "trainee_turns" / "train.yml"
CACHE_DIR = PROJECT_ROOT / "var" / "practice"

OTHER = "other"
LABELS: tuple[str, ...] = (
    "open_question",
    "closed_question",
    "reflection",
    "summary",
    "normalising",
    "advice",
    "propose_step",
    "ask_cause",
    "ask_wish",
    "ask_talent",
    "ask_network",
    "referring",
    "ask_suicide",
    OTHER,
)

# Regularisation of each label's model, and the probability from which a label is given.
_C = 30.0
_THRESHOLD = 0.65
# Sentences shorter than this are not labelled alone ("Klopt dat?" after a summary is no question).
_MIN_SENTENCE_WORDS = 3

# Question words that open an open question (also after a preposition: "met wie", "sinds wanneer").
_WH_WORDS = frozenset(
    "wat hoe waar waarom wie wanneer welke welk waardoor waarover waarmee waarvan waarnaar waaraan "
    "waarop hoeveel hoelang hoezo".split()
)
_PREPOSITIONS = frozenset("met bij van voor over aan naar op sinds in tot".split())
# Words a sentence may start with before the part that tells its shape ("en hoe ...", "dus heb je ...").
_LEAD_INS = frozenset("en maar dus oke ok okee nou ja nee he hee zo even oh ah goed mooi".split())
# The subject right after a verb in a yes/no question: "heb je", "zou u", "is het", "zijn er".
_SUBJECTS = frozenset("je jij u jullie het er hij zij ze we wij".split())
# First words that make "<word> je/u ..." a statement rather than a verb-first question.
_NOT_VERBS = _WH_WORDS | frozenset(
    "je jij u jullie het er hij zij ze we wij ik dat dit die de een als dan nu toen misschien "
    "want omdat zodat ook nog al wel niet echt gewoon heel soms vaak altijd dus en maar".split()
)
# Words that tell what a question is about; a marker says a question sentence holds one of them.
_TOPIC_WORDS: dict[str, re.Pattern[str]] = {
    "network": re.compile(
        r"\b(?:famil\w*|kind|kinderen|zoon|dochter|klein\w+|vriend\w*|buren|buur\w+|broers?|zus\w*|"
        r"zwager|schoon\w+|ouders|moeder|vader|mama|papa|oma|opa|collegas?|klasgeno\w+|maten|kennissen|"
        r"neef|nicht|partner|iemand|wie|contact|bezoek|langs|omgeving|mensen om)\b"
    ),
    "talent": re.compile(
        r"\b(?:goed in|goed met|goed kunnen|kun\w* goed|kan goed|hobby\w*|plezier|energie|enthousiast|trots|"
        r"handig|creatief|vrije tijd|hou\w* (?:je|u) van|leuk om|leuk te|graag deed|graag doe\w*|"
        r"vroeger graag|sterk in|blij van)\b"
    ),
    "cause": re.compile(
        r"\b(?:sinds\w*|hoe komt|komt het|komt dat|waardoor|veranderd|begonnen|begon|gebeurd|hoe lang|"
        r"hoelang|oorzaak|te maken met|ligt het|geleden|tegen|zo gekomen|gelopen|misging|mis ging|"
        r"zo moeilijk|zo lastig|zo zwaar|anders dan)\b"
    ),
    "wish": re.compile(
        r"\b(?:mis|mist|missen|wens\w*|hoop\w*|liefst\w*|verlang\w*|behoefte|nodig|zou \w+ willen|"
        r"willen|anders zien|veranderen|fijn vinden|blij worden|kijkt \w+ uit)\b"
    ),
    "death": re.compile(
        r"\b(?:zelfmoord|zelfdoding|dood\w*|sterven|levens?einde|leven te beeindigen|leven beeindigen|"
        r"eind\w* aan|niet meer leven|niet meer wakker|niet meer zijn|iets aan te doen|iets aandoen|"
        r"hoeft (?:niet )?meer)\b"
    ),
}
# Help outside the conversation: professionals, services and the kind of local activity they run.
_SERVICES = re.compile(
    r"\b(?:huisarts\w*|113|0800\w*|wijkteam|wmo|loket|maatschappelijk werk\w*|schuld\w*hulp\w*|"
    r"schuldhulp\w*|buurthuis|wijkcentrum|buurtcentrum|bibliotheek|bieb|taal(?:cafe|maatje\w*|les\w*|cursus)|"
    r"humanitas|zonnebloem|luisterlijn|sensoor|ouderenbond|soos|ouderensoos|koffieochtend|inloop|eettafel|eetclub|koor|"
    r"wandel(?:groep|club)|praatgroep\w*|gespreksgroep\w*|steunpunt|dagbesteding|dagopvang|psycholoog|"
    r"praktijkondersteuner|jongeren\w+|kerk|moskee|vereniging|maatje\w*|cursus|club|website|folder)\b"
)
# Questions after a short fact (a number, a duration, an age): closed, even though they start with "hoe".
_FACT_QUESTION = re.compile(r"^(?:hoeveel|hoelang|hoe lang|hoe oud|hoe laat|welke dag)\b")
# Invitations to tell more, open although they start with a verb ("kun je daar meer over vertellen?").
_INVITATION = re.compile(r"\b(?:vertel\w*|meer over|iets over zeggen|meer zeggen)\b")
_SENTENCE = re.compile(r"[^.!?;:\n]+[.!?;:\n]*")
# Advice whose parts n-grams cannot join: "waarom ga je niet ...", "je zou eens ... moeten".
_WHY_NOT = re.compile(r"\bwaarom\b(?:\s+\w+){1,4}\s+(?:niet|geen)\b")
_SHOULD = re.compile(r"\b(?:zou|zouden)\b(?:\s+\w+){1,8}\s+moeten\b")
_MUST = re.compile(r"\b(?:je|jij|u)\s+(?:moet|moeten)\b|\bmoet\s+(?:je|jij|u)\b")


@dataclass(frozen=True)
class LabelledTurn:
    """One trainee turn and its labels."""

    text: str
    labels: frozenset[str]


def load_labelled_turns(path: Path = TRAINING_DATA) -> list[LabelledTurn]:
    """The turns of a training file: blocks of `labels` with turns one per line after `- `."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    turns: list[LabelledTurn] = []
    for block in data["turns"]:
        labels = frozenset(block["labels"])
        unknown = labels - set(LABELS)
        if unknown:
            raise ValueError(f"{path}: unknown labels {sorted(unknown)}")
        for line in str(block["turns"]).splitlines():
            text = line.strip()
            if text.startswith("- "):
                turns.append(LabelledTurn(text=text[2:].strip(), labels=labels))
    return turns


def _sentence_markers(sentence: str) -> list[str]:
    """Marker words for the shape of one sentence: a question mark, and how the sentence opens."""
    words = normalise(sentence).split()
    while words and words[0] in _LEAD_INS:
        words = words[1:]
    markers: list[str] = []
    asks = sentence.rstrip().endswith("?")
    if asks:
        markers.append("xxqmark")
    if not words:
        return markers
    flat = " ".join(words)
    question = asks or flat.split()[0] in _WH_WORDS
    if _FACT_QUESTION.search(flat):
        markers.append("xxfactquestion")
    if _INVITATION.search(flat):
        markers.append("xxinvitation")
    for topic, pattern in _TOPIC_WORDS.items():
        if pattern.search(flat):
            markers.append(f"xx{topic}word")
            if question:
                markers.append(f"xx{topic}question")
    if _SERVICES.search(flat):
        markers.append("xxservice")
    first = words[0]
    second = words[1] if len(words) > 1 else ""
    if first in _WH_WORDS or (first in _PREPOSITIONS and second in _WH_WORDS):
        markers.append("xxwhstart")
        if asks:
            markers.append("xxwhquestion")
    elif second in _SUBJECTS and first not in _NOT_VERBS:
        markers.append("xxverbstart")
        if asks:
            markers.append("xxynquestion")
    return markers


def markers(text: str) -> list[str]:
    """Marker words for what n-grams do not see: sentence shapes, advice with a gap, the turn's size."""
    sentences = [part for part in _SENTENCE.findall(text) if part.strip()]
    found: list[str] = []
    for sentence in sentences:
        found.extend(_sentence_markers(sentence))
    if sentences:
        found.extend(f"{marker}last" for marker in _sentence_markers(sentences[-1]))
    flat = normalise(text)
    if _WHY_NOT.search(flat):
        found.append("xxwhynot")
    if _SHOULD.search(flat) or _MUST.search(flat):
        found.append("xxmust")
    parts = len(re.findall(r"[,.;:]", text)) + len(re.findall(r"\ben\b", flat))
    found.append(f"xxparts{min(parts, 4)}")
    words = len(flat.split())
    found.append("xxlong" if words >= 20 else "xxmedium" if words >= 9 else "xxshort")
    return found


def sentences(text: str) -> list[str]:
    """The sentences of a turn that has several, each long enough to be labelled alone; else none."""
    found = [part.strip() for part in _SENTENCE.findall(text) if part.strip()]
    if len(found) < 2:
        return []
    return [part for part in found if len(normalise(part).split()) >= _MIN_SENTENCE_WORDS]


def word_text(text: str) -> str:
    """The text the word n-grams read: normalised words and the marker words."""
    return " ".join([normalise(text), *markers(text)])


class _Tfidf:
    """Counts of one vectoriser, weighted by tf-idf with sublinear term frequency, then L2-normalised.

    Done by hand rather than with `TfidfVectorizer`: scikit-learn 1.1's version recomputes its idf
    weights on every call, which would be most of the time per turn.
    """

    def __init__(self, vectoriser: CountVectorizer) -> None:
        self.vectoriser = vectoriser
        self.idf = np.zeros(0)

    def fit_transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Learn the vocabulary and the idf weights, and return the weighted texts."""
        counts = self.vectoriser.fit_transform(texts).tocsc()
        documents = np.bincount(counts.indices, minlength=counts.shape[1])
        self.idf = np.log((1 + len(texts)) / (1 + documents)) + 1
        return self._weigh(counts.tocsr())

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """The weighted texts."""
        return self._weigh(self.vectoriser.transform(texts))

    def _weigh(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        weighted = counts.astype(np.float64)
        np.log(weighted.data, weighted.data)
        weighted.data += 1
        weighted.data *= self.idf[weighted.indices]
        return normalize(weighted, copy=False)


class TurnLabeller:
    """One logistic regression per label over word and letter n-grams and marker words."""

    def __init__(self, c: float = _C, threshold: float = _THRESHOLD) -> None:
        """Make an unfitted labeller with regularisation strength `c` and decision `threshold`."""
        self.c = c
        self.threshold = threshold
        self.words = _Tfidf(CountVectorizer(ngram_range=(1, 3), min_df=1))
        self.letters = _Tfidf(CountVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2))
        self.weights = np.zeros((0, len(LABELS)))
        self.bias = np.zeros(len(LABELS))

    def fit(self, turns: Sequence[LabelledTurn]) -> TurnLabeller:
        """Learn every label from the labelled turns."""
        features = sparse.hstack(
            [
                self.words.fit_transform([word_text(turn.text) for turn in turns]),
                self.letters.fit_transform([normalise(turn.text) for turn in turns]),
            ],
            format="csr",
        )
        columns: list[np.ndarray] = []
        biases: list[float] = []
        for label in LABELS:
            target = np.array([label in turn.labels for turn in turns], dtype=int)
            model = LogisticRegression(
                C=self.c, class_weight="balanced", solver="liblinear", random_state=0, max_iter=1000
            ).fit(features, target)
            columns.append(model.coef_[0])
            biases.append(float(model.intercept_[0]))
        self.weights = np.column_stack(columns)
        self.bias = np.array(biases)
        return self

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """For each text, the probability of each label in `LABELS` order."""
        features = sparse.hstack(
            [
                self.words.transform([word_text(text) for text in texts]),
                self.letters.transform([normalise(text) for text in texts]),
            ],
            format="csr",
        )
        scores = features @ self.weights + self.bias
        return np.asarray(1.0 / (1.0 + np.exp(-scores)))

    def decide(self, probabilities: np.ndarray) -> frozenset[str]:
        """The labels of one turn from its label probabilities.

        Every label at or above the threshold; `other` only when nothing else is; a summary is not
        also counted as a reflection; and a turn always gets at least its most likely label.
        """
        chosen = {label for label, p in zip(LABELS, probabilities, strict=True) if p >= self.threshold}
        if len(chosen) > 1:
            chosen.discard(OTHER)
        if "summary" in chosen:
            chosen.discard("reflection")
        if not chosen:
            chosen = {LABELS[int(np.argmax(probabilities))]}
        return frozenset(chosen)

    def label_many(self, texts: Sequence[str]) -> list[frozenset[str]]:
        """The labels of each text: of the whole turn and of each of its sentences.

        "Je mist haar. Heb je iemand om over haar te praten?" is a reflection and a question, but
        the whole turn looks like neither as much as each sentence does alone.
        """
        if not texts:
            return []
        pieces = [[text, *sentences(text)] for text in texts]
        flat = [piece for group in pieces for piece in group]
        probabilities = self.probabilities(flat)
        decided: list[frozenset[str]] = []
        start = 0
        for group in pieces:
            decided.append(self.decide(probabilities[start : start + len(group)].max(axis=0)))
            start += len(group)
        return decided


def _fingerprint(paths: Iterable[Path]) -> str:
    """A short hash of the training data and of this module, so either changing trains anew."""
    digest = hashlib.sha256()
    for path in [*paths, Path(__file__)]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def fitted_labeller(training: Path = TRAINING_DATA, cache_dir: Path | None = CACHE_DIR) -> TurnLabeller:
    """A labeller fitted on `training`, from the cache in `cache_dir` when it is there and current."""
    cached = cache_dir / f"turn_labels-{_fingerprint([training])}.joblib" if cache_dir else None
    if cached is not None and cached.exists():
        try:
            loaded = joblib.load(cached)
            if isinstance(loaded, TurnLabeller):
                return loaded
        except Exception:  # a broken or foreign cache file is simply trained anew
            pass
    labeller = TurnLabeller().fit(load_labelled_turns(training))
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.tmp")
            joblib.dump(labeller, partial)
            os.replace(partial, cached)
        except OSError:
            pass  # a read-only checkout still works, it trains in every process
    return labeller


_labeller: TurnLabeller | None = None
_lock = threading.Lock()


def default_labeller() -> TurnLabeller:
    """The labeller fitted on the project's training data, made once per process."""
    global _labeller
    with _lock:
        if _labeller is None:
            _labeller = fitted_labeller()
        return _labeller


def label_turn(text: str) -> frozenset[str]:
    """The labels of one trainee turn, e.g. `frozenset({"reflection", "open_question"})`."""
    if not normalise(text):
        return frozenset({OTHER})
    return default_labeller().label_many([text])[0]
