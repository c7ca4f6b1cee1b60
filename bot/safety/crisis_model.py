"""A small trained model for acute risk: the second opinion next to the rules in `bot.safety.rules`.

The rules catch the phrasings someone thought of; this model learns from many more examples
(`data/safety/*.yml` plus every NLU training example) and catches indirect phrasings the rules miss.
It is a linear model over word and letter n-grams of the same prepared text the rules read (chat
spellings corrected, harmless idioms removed), so it trains in seconds and needs no extra packages
(scikit-learn comes with Rasa).

A long message is scored as a whole and sentence by sentence, so one sentence with a risk in an
otherwise ordinary story is not watered down by the rest. The two scores are kept apart: a single
sentence says less than a whole message, so `bot.rasa_ext.nlp.safety_screen` asks more of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import normalize

from bot.safety.rules import has_harmless_idiom, prepare

# Where a message is split into parts that are scored on their own.
_SENTENCE_END = re.compile(r"[.!?;\n]+|\s-\s|,\s*(?:maar|en|want|dus|omdat)\s")
# Parts shorter than this many words are not scored alone (too little to go on).
_MIN_PART_WORDS = 3


def load_corpus(paths: Iterable[Path]) -> tuple[list[str], list[str]]:
    """Crisis and not-acute messages from YAML files with the keys `crisis` and `not_acute`."""
    crisis: list[str] = []
    not_acute: list[str] = []
    for path in paths:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        crisis.extend(str(text) for text in data.get("crisis") or [])
        not_acute.extend(str(text) for text in data.get("not_acute") or [])
    return crisis, not_acute


def parts(text: str) -> list[str]:
    """The message itself and, when it has several, each sentence long enough to be scored alone."""
    pieces = [piece.strip() for piece in _SENTENCE_END.split(text) if piece and piece.strip()]
    long_enough = [piece for piece in pieces if len(piece.split()) >= _MIN_PART_WORDS]
    return [text, *long_enough] if len(pieces) > 1 else [text]


@dataclass(frozen=True)
class CrisisScores:
    """Risk probability of the whole message, and the highest of its sentences (0 with only one)."""

    message: float
    sentence: float


class CrisisModel:
    """Probability that a message shows acute risk."""

    def __init__(self, pipeline: Pipeline | None = None, c: float = 4.0) -> None:
        """Wrap a fitted pipeline, or make an unfitted one with regularisation strength `c`."""
        self.pipeline = pipeline or Pipeline(
            [
                (
                    "features",
                    FeatureUnion(
                        [
                            ("words", TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True)),
                            (
                                "letters",
                                TfidfVectorizer(
                                    analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True
                                ),
                            ),
                        ]
                    ),
                ),
                ("model", LogisticRegression(C=c, class_weight="balanced", max_iter=5000)),
            ]
        )
        # The vectorisers' idf weights, read on first use (see `_tfidf`).
        self._idf: list[np.ndarray] | None = None

    def fit(self, crisis: Sequence[str], not_acute: Sequence[str]) -> CrisisModel:
        """Learn from examples of both kinds."""
        texts = [prepare(text) for text in [*crisis, *not_acute]]
        labels = [1] * len(crisis) + [0] * len(not_acute)
        self.pipeline.fit(texts, labels)
        self._idf = None
        return self

    def scores(self, text: str) -> CrisisScores:
        """The risk probability of the whole message and the highest of its sentences.

        A part that is left with fewer than three words once its harmless idioms are removed ("ik heb
        me dood gelachen" -> "ik heb me") is not scored: such stubs carry no risk of their own, but a
        few common words alone can score high. A part that is not scored counts as 0.
        """
        prepared = [prepare(part) for part in parts(text)]
        scored = [
            index
            for index, part in enumerate(prepared)
            if len(part.split()) >= _MIN_PART_WORDS or (index == 0 and not has_harmless_idiom(text))
        ]
        if not scored:
            return CrisisScores(message=0.0, sentence=0.0)
        values = dict(zip(scored, self._scores([prepared[index] for index in scored]), strict=True))
        return CrisisScores(
            message=values.get(0, 0.0),
            sentence=max((value for index, value in values.items() if index > 0), default=0.0),
        )

    def probabilities(self, texts: Sequence[str]) -> list[float]:
        """Risk probability of each text as a whole (not split into sentences).

        The same as `self.pipeline.predict_proba`, with the feature union and the tf-idf weighting
        done by hand: scikit-learn's `FeatureUnion.transform` goes through joblib even for one message,
        and its tf-idf step recomputes its weights on every call (see `_tfidf`); this runs on every
        message.
        """
        return self._scores([prepare(text) for text in texts])

    def _scores(self, prepared: list[str]) -> list[float]:
        """Risk probability of each text already prepared by `bot.safety.rules.prepare`."""
        union = self.pipeline.named_steps["features"]
        if self._idf is None:
            self._idf = [vectoriser.idf_ for _, vectoriser in union.transformer_list]
        blocks = [
            _tfidf(vectoriser, idf, prepared)
            for (_, vectoriser), idf in zip(union.transformer_list, self._idf, strict=True)
        ]
        scores = self.pipeline.named_steps["model"].predict_proba(sparse.hstack(blocks, format="csr"))
        return [float(p) for p in scores[:, 1]]


def _tfidf(vectoriser: TfidfVectorizer, idf: np.ndarray, texts: list[str]) -> sparse.csr_matrix:
    """`vectoriser.transform(texts)` with its idf weights `idf` read beforehand: the same computation.

    scikit-learn 1.1's `TfidfTransformer.transform` checks that it is fitted by reading its `idf_`
    property, which sums a vocabulary-sized sparse matrix on every call: that was most of this
    model's time per message.
    """
    counts = CountVectorizer.transform(vectoriser, texts).astype(np.float64)
    if vectoriser.sublinear_tf:
        np.log(counts.data, counts.data)
        counts.data += 1
    counts.data *= idf[counts.indices]
    return normalize(counts, norm=vectoriser.norm, copy=False) if vectoriser.norm else counts
