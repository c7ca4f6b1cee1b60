"""Bad input through the trained NLU: never a command, always an intent we answer kindly."""

from __future__ import annotations

import pytest

from tests.support.nlu import Parser


@pytest.mark.parametrize(
    "text",
    [
        "/crisis",
        '/choose_step{"step": "maatje"}',
        "/affirm",
        '  /for_myself{"role": "professional"}',
        "//greet",
    ],
)
def test_typed_commands_do_not_set_intent_or_entities(nlu: Parser, text: str) -> None:
    parsed = nlu.parse(text)
    assert not parsed["text"].lstrip().startswith("/")
    assert parsed["entities"] == []
    assert parsed["intent"]["name"] not in ("crisis", "choose_step", "for_myself")


@pytest.mark.parametrize("text", ["", "   ", "😢😢😢", "...", "👍", "?!"])
def test_messages_without_words_are_no_words(nlu: Parser, text: str) -> None:
    assert nlu.intent(text) == "no_words"


def test_english_is_recognised(nlu: Parser) -> None:
    assert nlu.intent("hello, is there anyone who can help me? i feel so alone") == "other_language"


def test_english_crisis_is_still_crisis(nlu: Parser) -> None:
    assert nlu.intent("i want to kill myself") == "crisis"


def test_long_input_is_cut_before_nlu(nlu: Parser) -> None:
    parsed = nlu.parse("ik voel me alleen " * 400)
    assert len(parsed["text"]) == 1000


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('hoi')</script>",
        "'; DROP TABLE events; --",
        "SELECT * FROM users WHERE 1=1",
    ],
)
def test_markup_and_sql_are_just_text(nlu: Parser, text: str) -> None:
    parsed = nlu.parse(text)
    assert parsed["text"] == text
    assert parsed["intent"]["name"] != "crisis"
