from __future__ import annotations

import pytest

from bot.text import MAX_MESSAGE_CHARS, cut, has_letters, looks_english, normalise, strip_command_prefix


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("", 5, ""),
        ("abc", 5, "abc"),
        ("abcde", 5, "abcde"),
        ("abcdef", 5, "abcde"),
        ("😀😀😀", 2, "😀😀"),
    ],
)
def test_cut(text: str, limit: int, expected: str) -> None:
    assert cut(text, limit) == expected


def test_cut_default_limit() -> None:
    assert len(cut("a" * (MAX_MESSAGE_CHARS + 50))) == MAX_MESSAGE_CHARS
    assert cut("kort") == "kort"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("   ", ""),
        ("Hallo!", "hallo"),
        ("IK BEN EENZAAM", "ik ben eenzaam"),
        ("eenzaaam", "eenzaam"),
        ("eenzaaaaaam!!!", "eenzaam"),
        ("heel", "heel"),  # a double letter stays
        ("één café", "een cafe"),
        ("Ik ben 's avonds alleen", "ik ben s avonds alleen"),
        ("Nijmegen-Oost", "nijmegen oost"),
        ("ik   voel\tme\nalleen", "ik voel me alleen"),
        ("😢😢", ""),
        ("ik 😢 ben verdrietig", "ik ben verdrietig"),
        ("sinds 2019", "sinds 2019"),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_normalise_is_idempotent() -> None:
    once = normalise("Ééééénzaam, HÈÈL erg!!")
    assert normalise(once) == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", False),
        ("😀👍", False),
        ("!!! ???", False),
        ("12345", False),
        ("___", False),
        ("a", True),
        ("é", True),
        ("😀 hoi", True),
        ("ik", True),
    ],
)
def test_has_letters(text: str, expected: bool) -> None:
    assert has_letters(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I feel so lonely", True),
        ("Hello, can anyone help me please?", True),
        ("Do you speak English?", True),
        ("", False),
        ("hi", False),  # one word is not enough
        ("Ik voel me zo eenzaam", False),
        ("ik voel me lonely", False),
        ("ik ben alleen en wil praten", False),
        ("I am alone, ik ben alleen en ik wil praten met iemand", False),
    ],
)
def test_looks_english(text: str, expected: bool) -> None:
    assert looks_english(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/greet", "greet"),
        ('/choose_step{"step": "maatje"}', 'choose_step{"step": "maatje"}'),
        ("  //affirm", "affirm"),
        ("hoi / doei", "hoi / doei"),
        ("", ""),
        ("/", ""),
    ],
)
def test_strip_command_prefix(text: str, expected: str) -> None:
    assert strip_command_prefix(text) == expected


@pytest.mark.parametrize("text", ["/ /deny", '/ /choose_step{"step": "maatje"}', " / / /affirm"])
def test_strip_command_prefix_never_leaves_a_command(text: str) -> None:
    assert not strip_command_prefix(text).startswith("/")
