"""Talk to the real servers over the REST channel, as a visitor would."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest

from bot.rasa_ext.nlp.input_guard import VERIFIED_BUTTON_KEY
from tests.support.rest import age_conversation, new_sender, payloads, texts
from tests.support.servers import RunningAssistant, post_json

pytestmark = pytest.mark.integration


def test_welcome_says_it_is_a_digital_assistant_and_asks_who(assistant: RunningAssistant) -> None:
    replies = assistant.send(new_sender(), "hoi")
    said = texts(replies)
    assert "digitale assistent" in said and "geen mens" in said and "anoniem" in said
    assert payloads(replies) == ["/for_myself", "/worried_about_other", "/professional_or_volunteer"]


def _run_scale(assistant: RunningAssistant, sender: str, answers: list[str]) -> list[dict[str, Any]]:
    replies: list[dict[str, Any]] = []
    for answer in answers:
        replies = assistant.send(sender, answer)
    return replies


def test_every_phase_for_oneself(assistant: RunningAssistant) -> None:
    sender = new_sender()
    assistant.send(sender, "hallo")
    said = texts(assistant.send(sender, "/for_myself"))
    assert "3 op de 10" in said

    said = texts(assistant.send(sender, "ik voel me de laatste tijd zo alleen"))
    assert "Hoe lang" in said

    said = texts(assistant.send(sender, "al een paar jaar eigenlijk"))
    assert "gebeurd" in said

    replies = assistant.send(sender, "mijn vrouw is overleden en sindsdien zie ik bijna niemand")
    assert "verloren" in texts(replies)
    # Before any offer, a summary with a check.
    assert "het verlies van je vrouw" in texts(replies) and "Klopt dat" in texts(replies)

    replies = assistant.send(sender, "/affirm")
    # The kind of loneliness is asked as a choice, the one heard first; never stated as a fact.
    assert "Het klinkt alsof je vooral één iemand dichtbij mist" in texts(replies)
    assert payloads(replies)[0] == '/choose_kind{"kind": "emotional"}'

    replies = assistant.send(sender, payloads(replies)[0])
    assert "/affirm" in payloads(replies)  # the scale is offered, not forced

    replies = assistant.send(sender, "/affirm")
    assert "1 van 6" in texts(replies)
    assert payloads(replies) == ["ja", "min of meer", "nee"]

    # Emotional items 1, 4, 6: ja, ja, nee -> 2. Social items 2, 3, 5: nee, min of meer, ja -> 2.
    said = texts(_run_scale(assistant, sender, ["ja", "nee", "min of meer", "ja", "ja", "nee"]))
    assert "score 4 van 6" in said and "matig eenzaam" in said
    assert "geen diagnose" in said and "Herken je" in said  # a pause before anything is offered

    said = texts(assistant.send(sender, "ja, dat herken ik"))
    assert "wensen" in said.lower() or "graag" in said

    said = texts(assistant.send(sender, "ja graag"))
    assert "half jaar" in said
    assistant.send(sender, "dan heb ik weer iemand om mee te praten")
    assistant.send(sender, "ik wandel graag en vroeger zong ik in een koor")
    assistant.send(sender, "ik kan goed luisteren")
    replies = assistant.send(sender, "bij mijn zus voel ik me op mijn gemak")
    said = texts(replies)
    # Said back in the assistant's words, also what no keyword matches.
    assert "je kunt goed luisteren" in said and "bij je zus" in said
    step_buttons = [p for p in payloads(replies) if p.startswith("/choose_step")]
    assert len(step_buttons) == 3

    replies = assistant.send(sender, step_buttons[0])
    assert "Wanneer zou je het willen doen" in texts(replies)


def test_crisis_in_the_middle_of_the_scale(assistant: RunningAssistant) -> None:
    sender = new_sender()
    assistant.send(sender, "/for_myself")
    assistant.send(sender, "ik ben zo eenzaam sinds de scheiding, al twee jaar")
    assert "1 van 6" in texts(assistant.send(sender, "ik wil graag de vragenlijst invullen"))
    said = texts(assistant.send(sender, "ja"))
    assert "2 van 6" in said
    said = texts(assistant.send(sender, "eerlijk gezegd wil ik er niet meer zijn"))
    assert "113" in said and "0800-0113" in said and "112" in said
    # The conversation stays open and the form is stopped: "ja" now means "a human, please".
    said = texts(assistant.send(sender, "ja"))
    assert "De Luisterlijn" in said and "3 van 6" not in said


def _last_user_event(assistant: RunningAssistant, sender: str) -> dict[str, Any]:
    with sqlite3.connect(assistant.tracker_db) as db:
        rows = db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id DESC LIMIT 1",
            (sender,),
        ).fetchall()
    event: dict[str, Any] = json.loads(rows[0][0])
    return event


def test_a_clicked_plain_text_button_is_not_screened_but_typed_words_are(assistant: RunningAssistant) -> None:
    sender = new_sender()
    assistant.send(sender, "/for_myself")
    assistant.send(sender, "ik ben zo eenzaam sinds de scheiding, al twee jaar")
    replies = assistant.send(sender, "ik wil graag de vragenlijst invullen")
    assert payloads(replies) == ["ja", "min of meer", "nee"]
    said = texts(assistant.send(sender, "min of meer"))
    assert "2 van 6" in said
    # The assistant's own button words skip the crisis screen; anything else typed is screened.
    assert _last_user_event(assistant, sender)["metadata"][VERIFIED_BUTTON_KEY] is True
    said = texts(assistant.send(sender, "min of meer, ik wil er eigenlijk niet meer zijn"))
    assert "113" in said
    event = _last_user_event(assistant, sender)
    assert event["metadata"][VERIFIED_BUTTON_KEY] is False
    assert event["parse_data"]["safety_screen"]


@pytest.mark.parametrize(
    "message",
    ["ik wil nie meer leve", "IK WIL DOOD", "zelfmoort"],
)
def test_crisis_in_any_turn(assistant: RunningAssistant, message: str) -> None:
    sender = new_sender()
    assistant.send(sender, "hoi")
    said = texts(assistant.send(sender, message))
    assert "113" in said and "0800-0113" in said and "112" in said


def test_returning_visitor_is_asked_how_the_step_went(assistant: RunningAssistant) -> None:
    sender = new_sender()
    assistant.send(sender, "/for_myself")
    replies = assistant.send(sender, "wat kan ik eraan doen")
    step_buttons = [p for p in payloads(replies) if p.startswith("/choose_step")]
    assert step_buttons
    said = texts(assistant.send(sender, step_buttons[0]))
    label = said.split("Je kiest: ")[1].split(".")[0]
    assistant.send(sender, "stoppen")  # the step stays, the plan questions stop

    age_conversation(assistant, sender, seconds=2 * 60 * 60)
    replies = assistant.send(sender, "hallo")
    said = texts(replies)
    # An open question first, no buttons to pick from.
    assert "De vorige keer koos je" in said and label in said and "sindsdien" in said
    assert "/step_went_well" not in payloads(replies)
    said = texts(assistant.send(sender, "ik ben er geweest en het was best gezellig"))
    assert "Wat hielp je daarbij" in said and "trots" not in said


@pytest.mark.parametrize(
    "message",
    [
        "",
        "😢😢",
        "x" * 5000,
        "hello, can anybody help me please",
        "<script>alert(1)</script>",
        "'; DROP TABLE events; --",
        '/intent{"role": "professional"}',
    ],
)
def test_bad_input_gets_a_kind_answer(assistant: RunningAssistant, message: str) -> None:
    replies = assistant.send(new_sender(), message)
    assert replies and all(reply.get("text") or reply.get("buttons") for reply in replies)


def test_typed_commands_cannot_pick_a_step(assistant: RunningAssistant) -> None:
    sender = new_sender()
    assistant.send(sender, "hoi")
    said = texts(assistant.send(sender, '/choose_step{"step": "maatje"}'))
    assert "Je plan is" not in said


def test_typed_commands_cannot_set_the_role(assistant: RunningAssistant) -> None:
    sender = new_sender()
    said = texts(assistant.send(sender, "/professional_or_volunteer"))
    assert "signalen van eenzaamheid" not in said  # utter_pro_intro was not triggered


@pytest.mark.parametrize(
    "body",
    [b"this is not json", b"[1, 2]", {"message": "hoi"}, {"sender": "x", "message": 42}, {"sender": ""}],
)
def test_malformed_requests_get_a_clear_400(assistant: RunningAssistant, body: Any) -> None:
    status, answer = post_json(assistant.webhook, body)
    assert status == 400
    assert isinstance(answer, dict) and answer["error"]
