"""Practice mode: how well the turn classifier reads what a trainee does, on turns it never saw.

`bench/data/practice_heldout.yml` holds trainee turns written apart from the training data
(`data/practice/trainee_turns/train.yml`), as fragments of practice conversations with the personas,
labelled with the rules in `data/practice/trainee_turns/README.md`. Measured: macro-F1 over the labels
(multi-label, scikit-learn's `f1_score(average="macro")`), and per label F1, precision, recall and
support; the turns it got wrong; the set sizes; the time per turn. The labeller is fitted here from the
training file (not read from the cache), so the figure is for the training data as it is now.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from sklearn.metrics import f1_score, precision_recall_fscore_support  # type: ignore[import-untyped]

from bot.practice.turn_labels import LABELS, LabelledTurn, TurnLabeller, load_labelled_turns
from bot.text import normalise
from tests.support.paths import ROOT

HELDOUT = ROOT / "bench" / "data" / "practice_heldout.yml"
TARGET_MACRO_F1 = 0.85
TIMING_REPEAT = 3


def load_heldout(path: Path = HELDOUT) -> list[LabelledTurn]:
    """The held-out turns: per conversation, lines `labels, comma-separated | turn`."""
    turns: list[LabelledTurn] = []
    for conversation in yaml.safe_load(path.read_text(encoding="utf-8"))["conversations"]:
        for line in str(conversation["turns"]).splitlines():
            if not line.strip():
                continue
            labels, text = line.split("|", 1)
            found = frozenset(label.strip() for label in labels.split(","))
            unknown = found - set(LABELS)
            if unknown:
                raise ValueError(f"{path}: unknown labels {sorted(unknown)} in {line!r}")
            turns.append(LabelledTurn(text=text.strip(), labels=found))
    return turns


def indicator(label_sets: list[frozenset[str]]) -> np.ndarray:
    """One row per turn, one column per label in `LABELS` order: 1 where the turn has the label."""
    return np.array([[label in labels for label in LABELS] for labels in label_sets], dtype=int)


def score(gold: list[frozenset[str]], predicted: list[frozenset[str]]) -> dict[str, Any]:
    """Macro-F1 over the labels and, per label, F1, precision, recall and support."""
    truth, guess = indicator(gold), indicator(predicted)
    precision, recall, f1, support = precision_recall_fscore_support(truth, guess, zero_division=0)
    return {
        "macro_f1": round(float(f1_score(truth, guess, average="macro", zero_division=0)), 4),
        "exact_match": round(float(np.mean([g == p for g, p in zip(gold, predicted, strict=True)])), 4),
        "per_label": {
            label: {
                "f1": round(float(f1[index]), 4),
                "precision": round(float(precision[index]), 4),
                "recall": round(float(recall[index]), 4),
                "support": int(support[index]),
            }
            for index, label in enumerate(LABELS)
        },
    }


def ms_per_turn(labeller: TurnLabeller, texts: list[str]) -> float:
    """Mean milliseconds to label one turn on its own, as the practice engine does it."""
    started = time.perf_counter()
    for _ in range(TIMING_REPEAT):
        for text in texts:
            labeller.label_many([text])
    return (time.perf_counter() - started) * 1000 / (TIMING_REPEAT * len(texts))


def run() -> dict[str, Any]:
    """Fit on the training data, label every held-out turn, and report the figures."""
    training = load_labelled_turns()
    heldout = load_heldout()
    trained_texts = {normalise(turn.text) for turn in training}
    started = time.perf_counter()
    labeller = TurnLabeller().fit(training)
    fit_seconds = time.perf_counter() - started
    texts = [turn.text for turn in heldout]
    predicted = labeller.label_many(texts)
    gold = [turn.labels for turn in heldout]
    result = score(gold, predicted)
    return {
        **result,
        "target_macro_f1_min": TARGET_MACRO_F1,
        "met": result["macro_f1"] >= TARGET_MACRO_F1,
        "training_turns": len(training),
        "heldout_turns": len(heldout),
        "heldout_turns_also_in_training": sum(normalise(text) in trained_texts for text in texts),
        "fit_seconds": round(fit_seconds, 2),
        "ms_per_turn": round(ms_per_turn(labeller, texts), 3),
        "errors": [
            {"text": turn.text, "gold": sorted(turn.labels), "predicted": sorted(labels)}
            for turn, labels in zip(heldout, predicted, strict=True)
            if labels != turn.labels
        ],
    }


if __name__ == "__main__":
    import json

    print(json.dumps({key: value for key, value in run().items() if key != "errors"}, indent=2))
