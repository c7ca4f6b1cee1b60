"""The three tiers over REST: a check question for possible risk, and an answer to the form read first."""

from __future__ import annotations

import re

import pytest

from tests.support.rest import new_sender, texts
from tests.support.servers import RunningAssistant

pytestmark = pytest.mark.integration


def test_a_dark_phrase_gets_the_check_question_and_no_goes_on(assistant: RunningAssistant) -> None:
    sender = new_sender()
    assistant.send(sender, "hoi")
    said = texts(assistant.send(sender, "ik kan zo niet verder leven"))
    assert "113" in said and "112" not in said and "eind aan je leven" in said
    said = texts(assistant.send(sender, "nee hoor, gewoon moe"))
    assert "Dank je voor je eerlijke antwoord" in said and "112" not in said


@pytest.mark.parametrize("message", ["het hoeft voor mij allemaal niet meer", "wat doe ik hier nog"])
def test_phrases_a_counsellor_would_check_get_the_question(assistant: RunningAssistant, message: str) -> None:
    # The safety issue: these are possible risk (tier 2), not the full crisis answer.
    sender = new_sender()
    assistant.send(sender, "hoi")
    said = texts(assistant.send(sender, message))
    assert "113" in said and "112" not in said and "eind aan je leven" in said


def test_sometimes_to_the_check_question_gets_the_acute_answer(assistant: RunningAssistant) -> None:
    sender = new_sender()
    assistant.send(sender, "hoi")
    assistant.send(sender, "wat doe ik hier nog")
    said = texts(assistant.send(sender, "soms"))
    assert "113" in said and "0800-0113" in said and "112" in said


def test_no_to_the_check_question_resumes_the_scale_with_its_answers(assistant: RunningAssistant) -> None:
    sender = new_sender()
    assistant.send(sender, "/for_myself")
    assert "1 van 6" in texts(assistant.send(sender, "ik wil graag de vragenlijst invullen"))
    assert "2 van 6" in texts(assistant.send(sender, "ja"))
    said = texts(assistant.send(sender, "het hoeft voor mij allemaal niet meer"))
    assert "eind aan je leven" in said and "112" not in said
    said = texts(assistant.send(sender, "nee, zo bedoelde ik het niet"))
    assert "2 van 6" in said  # the scale asks its open question again; question 1 stays answered
    assert "3 van 6" in texts(assistant.send(sender, "nee"))


def test_an_answer_in_the_melding_form_is_read_as_that_answer(assistant: RunningAssistant) -> None:
    # Found on real text: "nee, hij weet het niet" scored 0.80 and stopped the melding with 113.
    sender = new_sender()
    assistant.send(sender, "hoi")
    assistant.send(sender, "/worried_about_other")
    assistant.send(sender, "ik wil een melding doen over mijn buurman")
    assistant.send(sender, "/affirm")
    assistant.send(sender, "Nijmegen")
    said = texts(assistant.send(sender, "Mijn buurman van 84 komt nooit meer buiten en krijgt geen bezoek."))
    assert "Weet de persoon" in said
    said = texts(assistant.send(sender, "nee, hij weet het niet"))
    assert "112" not in said and "contact" in said
    said = texts(assistant.send(sender, "/deny"))
    assert re.search(r"meldcode is ([A-Z0-9]{6})", said), said
