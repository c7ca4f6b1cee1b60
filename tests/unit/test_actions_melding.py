"""The melding form and the status question: consent, only what applies, a meldcode, status only."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import SlotSet

from actions.melding import (
    ActionMeldingStatus,
    ActionSubmitMelding,
    ValidateMeldingForm,
    code_in,
)
from bot.store.db import default_engine, session_scope
from bot.store.meldingen import set_status
from tests.support.trackers import load_domain, make_tracker, responses, run_action, slot_sets, user_event

pytestmark = pytest.mark.usefixtures("social_map")
FORM_SLOTS = load_domain()["forms"]["melding_form"]["required_slots"]


async def required(**slots: Any) -> list[str]:
    from rasa_sdk.executor import CollectingDispatcher

    return await ValidateMeldingForm().required_slots(
        list(FORM_SLOTS), CollectingDispatcher(), make_tracker(slots=slots), load_domain()
    )


async def test_questions_that_apply() -> None:
    assert await required(role="other") == FORM_SLOTS
    assert "melding_person_knows" not in await required(role="self")
    assert "melding_contact_value" not in await required(role="other", melding_contact="none")
    assert await required(role="other", melding_consent=False) == []


def form_tracker(slot: str, value: Any, **slots: Any) -> Any:
    return make_tracker(
        text=str(value),
        slots={"role": "other", slot: value, "requested_slot": slot, **slots},
        events=[user_event(str(value)), SlotSet(slot, value)],
        active_loop="melding_form",
    )


@pytest.mark.parametrize(
    ("slot", "typed", "expected", "extra"),
    [
        ("melding_description", "kort", None, {}),
        (
            "melding_description",
            "Buurvrouw, rond de 80, woont alleen.",
            "Buurvrouw, rond de 80, woont alleen.",
            {},
        ),
        ("melding_person_knows", "nee", "nee", {}),
        ("melding_person_knows", "weet ik niet", "onbekend", {}),
        ("melding_contact", "yes", "yes", {}),
        ("melding_contact", "none", "none", {}),
        ("melding_contact", "hm", None, {}),
        ("melding_contact_value", "06-1234 5678", "0612345678", {"melding_contact": "yes"}),
        ("melding_contact_value", "12345", None, {"melding_contact": "yes"}),
        ("melding_contact_value", "buur@example.org", "buur@example.org", {"melding_contact": "yes"}),
        ("melding_contact_value", "geen adres", None, {"melding_contact": "yes"}),
        # Longer than the column holds (found by review: on PostgreSQL the melding then failed to store).
        ("melding_contact_value", "a" * 60 + "@" + "b" * 60 + ".nl", None, {"melding_contact": "yes"}),
    ],
)
async def test_answers_are_checked(slot: str, typed: str, expected: Any, extra: dict[str, Any]) -> None:
    events, _ = await run_action(ValidateMeldingForm(), form_tracker(slot, typed, **extra))
    assert slot_sets(events)[slot] == expected


def submitted_tracker(**slots: Any) -> Any:
    base = {
        "role": "other",
        "melding_consent": True,
        "municipality": "Nijmegen",
        "municipality_code": "GM0268",
        "melding_description": "Buurvrouw, rond de 80, woont alleen.",
        "melding_person_knows": "nee",
        "melding_contact": "none",
    }
    return make_tracker(slots={**base, **slots})


async def test_submit_gives_a_meldcode_and_clears_the_details() -> None:
    events, dispatcher = await run_action(ActionSubmitMelding(), submitted_tracker())
    slots = slot_sets(events)
    assert responses(dispatcher) == ["utter_melding_sent"]
    code = dispatcher.messages[0]["melding_code"]
    assert slots["melding_code"] == code and len(code) == 6
    assert "Nijmegen" in dispatcher.messages[0]["meldpunt_name"]
    assert slots["melding_description"] is None and slots["melding_contact_value"] is None

    status_events, status_dispatcher = await run_action(
        ActionMeldingStatus(), make_tracker(text=f"hoe staat het met melding {code.lower()}?")
    )
    assert status_events == []
    assert responses(status_dispatcher) == ["utter_melding_status"]
    assert status_dispatcher.messages[0]["melding_status_text"].startswith("opgeslagen")
    assert "Buurvrouw" not in str(status_dispatcher.messages)

    with session_scope(default_engine()) as session:
        assert set_status(session, code, "picked_up", actor="wijkteam-test")
    _, later = await run_action(ActionMeldingStatus(), make_tracker(text=code))
    assert later.messages[0]["melding_status_text"].startswith("opgepakt")


async def test_refused_consent_stores_nothing() -> None:
    _, dispatcher = await run_action(ActionSubmitMelding(), submitted_tracker(melding_consent=False))
    assert responses(dispatcher) == ["utter_melding_declined"]


async def test_municipality_without_meldpunt_stores_nothing() -> None:
    _, dispatcher = await run_action(
        ActionSubmitMelding(), submitted_tracker(municipality="Amsterdam", municipality_code="GM0363")
    )
    assert responses(dispatcher) == ["utter_melding_no_meldpunt"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hoe staat het met melding K7QXM4?", "K7QXM4"),
        ("k7qxm4", "K7QXM4"),
        ("hoe staat het met mijn melding", None),
        ("wij hebben koffie", None),
    ],
)
def test_code_in(text: str, expected: str | None) -> None:
    assert code_in(text) == expected


async def test_status_without_or_with_unknown_code() -> None:
    _, dispatcher = await run_action(
        ActionMeldingStatus(), make_tracker(text="hoe staat het met mijn melding")
    )
    assert responses(dispatcher) == ["utter_ask_melding_code"]
    _, dispatcher = await run_action(ActionMeldingStatus(), make_tracker(text="melding 7XXXXX"))
    assert responses(dispatcher) == ["utter_melding_status_unknown"]


@pytest.mark.parametrize(("typed", "kind"), [("024-123 45 67", "phone"), ("buur@example.org", "email")])
async def test_contact_value_sets_the_kind(typed: str, kind: str) -> None:
    events, _ = await run_action(
        ValidateMeldingForm(), form_tracker("melding_contact_value", typed, melding_contact="yes")
    )
    assert slot_sets(events)["melding_contact"] == kind
