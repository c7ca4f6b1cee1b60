"""The practice-mode turn classifier: clear cases per label, its held-out score, speed and determinism."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from bench.practice import TARGET_MACRO_F1, load_heldout, score
from bot.practice.turn_labels import (
    LABELS,
    TRAINING_DATA,
    TurnLabeller,
    fitted_labeller,
    label_turn,
    load_labelled_turns,
    markers,
)
from bot.text import normalise

CLEAR_CASES = [
    ("Hoe is het om 's ochtends wakker te worden in een stil huis?", {"open_question"}),
    ("Bent u vanochtend nog naar buiten geweest?", {"closed_question"}),
    ("Het klinkt alsof je je heel alleen voelt sinds je vriendin weg is.", {"reflection"}),
    (
        "Als ik het goed begrijp: je bent hier een jaar, je werk valt tegen en je hebt nog geen vrienden.",
        {"summary"},
    ),
    ("Veel mensen voelen zich zo na een verhuizing, dat is heel gewoon.", {"normalising"}),
    ("Je moet gewoon wat vaker de deur uit gaan.", {"advice"}),
    ("Waarom ga je niet gewoon bij een sportclub?", {"advice"}),
    ("Zullen we volgende week samen een kopje koffie gaan drinken?", {"propose_step"}),
    ("Sinds wanneer voelt u zich zo eenzaam?", {"open_question", "ask_cause"}),
    ("Wat zou je het allerliefste anders willen zien?", {"open_question", "ask_wish"}),
    ("Waar was u vroeger heel goed in?", {"open_question", "ask_talent"}),
    ("Heb je nog contact met je broer?", {"closed_question", "ask_network"}),
    ("In het buurthuis is elke dinsdag een koffieochtend voor iedereen.", {"referring"}),
    ("Je moet echt naar de huisarts.", {"advice", "referring"}),
    ("Denk je er weleens aan om een eind aan je leven te maken?", {"closed_question", "ask_suicide"}),
    ("Hallo, ik ben Sanne en ik kom even bij je zitten.", {"other"}),
    ("Dat klinkt zwaar. Wat mis je het meest?", {"reflection", "open_question", "ask_wish"}),
]


@pytest.mark.parametrize(("text", "expected"), CLEAR_CASES)
def test_clear_cases_get_their_labels(text: str, expected: set[str]) -> None:
    assert label_turn(text) == frozenset(expected)


def test_other_never_comes_with_another_label() -> None:
    for turn in load_heldout():
        labels = label_turn(turn.text)
        assert labels, turn.text
        assert "other" not in labels or labels == {"other"}, turn.text


def test_empty_and_emoji_turns_are_other() -> None:
    assert label_turn("") == {"other"}
    assert label_turn("🙂") == {"other"}


def test_question_shape_markers() -> None:
    assert "xxwhquestion" in markers("Wat deed je vroeger graag?")
    assert "xxynquestion" in markers("Heb je nog contact met je zus?")
    assert "xxynquestion" not in markers("Je hebt nog contact met je zus.")
    assert "xxwhynot" in markers("Waarom ga je niet gewoon?")
    assert "xxmust" in markers("U zou eens wat vaker moeten bellen.")
    assert "xxservice" in markers("Er is een taalcafé in de bibliotheek.")


def test_heldout_is_apart_from_training() -> None:
    heldout = load_heldout()
    assert len(heldout) >= 300
    trained = {normalise(turn.text) for turn in load_labelled_turns()}
    assert not [turn.text for turn in heldout if normalise(turn.text) in trained]
    for label in LABELS:
        assert sum(label in turn.labels for turn in heldout) >= 15, label


def test_training_data_has_every_label() -> None:
    turns = load_labelled_turns(TRAINING_DATA)
    for label in LABELS:
        assert sum(label in turn.labels for turn in turns) >= 40, label
    assert all("other" not in turn.labels or turn.labels == {"other"} for turn in turns)


def test_heldout_macro_f1_meets_the_target() -> None:
    labeller = TurnLabeller().fit(load_labelled_turns())
    heldout = load_heldout()
    result = score([turn.labels for turn in heldout], labeller.label_many([turn.text for turn in heldout]))
    assert result["macro_f1"] >= TARGET_MACRO_F1, result["per_label"]


def test_fitting_is_deterministic() -> None:
    turns = load_labelled_turns()
    texts = [turn.text for turn in load_heldout()[:50]]
    first = TurnLabeller().fit(turns).probabilities(texts)
    second = TurnLabeller().fit(turns).probabilities(texts)
    assert np.array_equal(first, second)


def test_labelling_one_turn_is_fast() -> None:
    texts = [turn.text for turn in load_heldout()]
    label_turn(texts[0])
    started = time.perf_counter()
    for text in texts:
        label_turn(text)
    assert (time.perf_counter() - started) * 1000 / len(texts) < 5


def test_fitted_labeller_is_cached_and_read_back(tmp_path: Path) -> None:
    fresh = fitted_labeller(cache_dir=tmp_path)
    cached_files = list(tmp_path.glob("turn_labels-*.joblib"))
    assert len(cached_files) == 1
    again = fitted_labeller(cache_dir=tmp_path)
    texts = [turn.text for turn in load_heldout()[:30]]
    assert np.array_equal(fresh.probabilities(texts), again.probabilities(texts))


def test_broken_cache_is_trained_anew(tmp_path: Path) -> None:
    fitted_labeller(cache_dir=tmp_path)
    (cached,) = tmp_path.glob("turn_labels-*.joblib")
    cached.write_bytes(b"not a model")
    labeller = fitted_labeller(cache_dir=tmp_path)
    assert labeller.label_many(["Hoe gaat het met je?"]) == [frozenset({"open_question"})]
