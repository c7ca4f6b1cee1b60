"""bot.safety.check_answer: only a clear no is a no."""

from __future__ import annotations

import pytest

from bot.safety.check_answer import read_check_answer

# The wordings named in the safety issue.
ISSUE_NO = ["nee", "nee hoor", "zo bedoelde ik het niet", "nee, gewoon moe"]
ISSUE_YES = ["ja", "soms", "weet ik niet", "hmm"]

# Twenty more, as people answer such a question in a chat.
MORE_NO = [
    "Nee.",
    "neee",
    "nee hoor, echt niet",
    "nee zeker niet",
    "welnee",
    "nee, ik ben gewoon heel moe",
    "nee dat niet, ik voel me alleen erg alleen",
    "zo bedoel ik het niet",
    "ik bedoelde het niet zo",
    "helemaal niet",
    "nooit",
    "ik denk er niet aan",
]
MORE_YES = [
    "ja soms wel",
    "af en toe",
    "misschien",
    "ik weet het niet",
    "nee, maar soms wel",
    "nee... eigenlijk wel",
    "niet echt",
    "ik wil niet zo verder",
]


@pytest.mark.parametrize("text", ISSUE_NO + MORE_NO)
def test_a_clear_no_is_a_no(text: str) -> None:
    assert read_check_answer(text) == "no"


@pytest.mark.parametrize("text", ISSUE_YES + MORE_YES + ["", "   "])
def test_yes_sometimes_unsure_or_unclear_is_a_yes(text: str) -> None:
    assert read_check_answer(text) == "yes"


def test_there_are_twenty_more_wordings_than_the_issue_names() -> None:
    assert len(MORE_NO) + len(MORE_YES) >= 20
