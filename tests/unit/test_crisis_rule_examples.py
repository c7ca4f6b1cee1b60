"""Every crisis rule and harmless idiom on its own examples; names say what a rule catches."""

from __future__ import annotations

import re

import pytest

from bot.safety.rules import RULES, Rule, detect_crisis, prepare
from bot.safety.rules.chat_spellings import correct_spellings
from bot.safety.rules.harmless import IDIOMS, Idiom, has_harmless_idiom

# A name says what is caught, never the batch or the date it came from.
_DESCRIPTIVE_NAME = re.compile(r"[a-z]+(_[a-z]+)*")
_BATCH_WORDS = ("heldout", "corpus", "batch")


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_catches_its_examples(rule: Rule) -> None:
    missed = [text for text in rule.catches if not rule.matches(prepare(text))]
    assert not missed
    for text in rule.catches:
        signal = detect_crisis(text)
        assert signal is not None and rule.name in signal.reasons


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_ignores_its_examples(rule: Rule) -> None:
    wrongly_caught = [text for text in rule.ignores if rule.matches(prepare(text))]
    assert not wrongly_caught


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_has_a_descriptive_name_and_examples_both_ways(rule: Rule) -> None:
    assert _DESCRIPTIVE_NAME.fullmatch(rule.name)
    assert not set(rule.name.split("_")) & set(_BATCH_WORDS)
    assert rule.catches and rule.ignores


def test_rule_and_idiom_names_are_unique() -> None:
    assert len({rule.name for rule in RULES}) == len(RULES)
    assert len({idiom.name for idiom in IDIOMS}) == len(IDIOMS)


@pytest.mark.parametrize("idiom", IDIOMS, ids=lambda idiom: idiom.name)
def test_idiom_recognises_its_examples(idiom: Idiom) -> None:
    pattern = re.compile(rf"\b(?:{idiom.pattern})\b")
    assert _DESCRIPTIVE_NAME.fullmatch(idiom.name)
    assert idiom.examples
    for text in idiom.examples:
        assert has_harmless_idiom(text)
        assert pattern.search(correct_spellings(text)), text


def test_beer_is_not_read_as_pills() -> None:
    # Found while checking: pils is beer ("pils" used to be corrected to "pillen").
    text = "ik heb een hele krat pils gekocht en ga ze allemaal opdrinken"
    assert detect_crisis(text) is None, "found while checking: pils is beer"
    assert "pillen" not in prepare(text)
