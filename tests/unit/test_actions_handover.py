"""Handover actions: two consent steps, a place in the queue and a pause, or honest alternatives."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet

import actions.handover as handover
from actions.handover import (
    ActionHandoverConsent,
    ActionHandoverTimeout,
    ActionOfferHandover,
    build_summary,
)
from actions.offers import ActionOfferNext
from bot.store.db import default_engine, session_scope
from bot.store.handovers import open_handover
from tests.support.trackers import make_tracker, responses, run_action, slot_sets, user_event

pytestmark = pytest.mark.usefixtures("social_map")


@pytest.fixture()
def available(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handover, "volunteer_available", lambda: True)


@pytest.fixture()
def unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handover, "volunteer_available", lambda: False)


def paused(events: list[dict]) -> bool:
    return any(event["event"] == "pause" for event in events)


@pytest.mark.usefixtures("available")
async def test_asking_for_a_human_asks_first_about_the_summary() -> None:
    events, dispatcher = await run_action(ActionOfferHandover(), make_tracker(intent="ask_human"))
    assert responses(dispatcher) == ["utter_ask_handover_summary"]
    assert slot_sets(events) == {"handover_reason": "asked", "pending_question": "handover_summary"}


@pytest.mark.usefixtures("unavailable")
async def test_nobody_available_is_said_honestly_without_pausing() -> None:
    events, dispatcher = await run_action(ActionOfferHandover(), make_tracker(intent="ask_human"))
    assert responses(dispatcher) == ["utter_handover_unavailable"]
    assert slot_sets(events)["pending_question"] == "none" and not paused(events)


@pytest.mark.usefixtures("unavailable")
async def test_after_acute_risk_the_alternatives_include_113_and_112() -> None:
    tracker = make_tracker(intent="affirm", slots={"crisis_answered": True, "pending_question": "human"})
    events, dispatcher = await run_action(ActionOfferHandover(), tracker)
    assert responses(dispatcher) == ["utter_handover_unavailable", "utter_handover_crisis_lines"]
    assert slot_sets(events)["handover_reason"] == "crisis"


@pytest.mark.usefixtures("available")
async def test_yes_to_the_summary_asks_separately_about_the_conversation() -> None:
    tracker = make_tracker(intent="affirm", slots={"pending_question": "handover_summary"})
    events, dispatcher = await run_action(ActionHandoverConsent(), tracker)
    assert responses(dispatcher) == ["utter_ask_handover_transcript"]
    assert slot_sets(events) == {"pending_question": "handover_transcript"} and not paused(events)


@pytest.mark.usefixtures("available")
async def test_yes_to_both_stores_summary_and_transcript_consent_and_pauses() -> None:
    sender = "unit-handover-both-0001"
    tracker = make_tracker(
        intent="affirm",
        sender_id=sender,
        slots={
            "pending_question": "handover_transcript",
            "handover_reason": "asked",
            "loneliness_type": "social",
            "scale_total": 4.0,
            "scale_band": "moderate",
            "wish_enjoy": "wandelen",
            "municipality": "Nijmegen",
        },
    )
    events, dispatcher = await run_action(ActionHandoverConsent(), tracker)
    assert responses(dispatcher) == ["utter_handover_waiting"]
    assert paused(events)
    with session_scope(default_engine()) as session:
        info = open_handover(session, sender)
    assert info is not None and info.status == "waiting" and info.share_transcript
    assert info.summary == {
        "reason": "vroeg zelf om een mens",
        "phase": "wensen en talenten",
        "loneliness_type": "sociaal",
        "scale_result": "4 van 6 (matig eenzaam)",
        "wishes": ["wandelen"],
        "chosen_step": None,
        "municipality": "Nijmegen",
    }


@pytest.mark.usefixtures("available")
async def test_no_to_the_conversation_shares_only_the_summary() -> None:
    sender = "unit-handover-summary-only"
    tracker = make_tracker(intent="deny", sender_id=sender, slots={"pending_question": "handover_transcript"})
    events, dispatcher = await run_action(ActionOfferNext(), tracker)
    assert responses(dispatcher) == ["utter_handover_waiting"] and paused(events)
    with session_scope(default_engine()) as session:
        info = open_handover(session, sender)
    assert info is not None and info.summary is not None and not info.share_transcript


@pytest.mark.usefixtures("available")
async def test_no_to_the_summary_shares_nothing_but_still_finds_a_volunteer() -> None:
    sender = "unit-handover-nothing-000"
    tracker = make_tracker(intent="deny", sender_id=sender, slots={"pending_question": "handover_summary"})
    events, dispatcher = await run_action(ActionOfferNext(), tracker)
    assert responses(dispatcher) == ["utter_handover_nothing_shared", "utter_handover_waiting"]
    assert paused(events)
    with session_scope(default_engine()) as session:
        info = open_handover(session, sender)
    assert info is not None and info.summary is None and not info.share_transcript


@pytest.mark.usefixtures("unavailable")
async def test_a_volunteer_gone_meanwhile_is_said_honestly() -> None:
    tracker = make_tracker(intent="affirm", slots={"pending_question": "handover_transcript"})
    events, dispatcher = await run_action(ActionHandoverConsent(), tracker)
    assert responses(dispatcher) == ["utter_handover_unavailable"] and not paused(events)


async def test_timeout_is_honest_and_offers_the_alternatives() -> None:
    tracker = make_tracker(slots={"crisis_answered": True})
    events, dispatcher = await run_action(ActionHandoverTimeout(), tracker)
    assert responses(dispatcher) == [
        "utter_handover_timeout",
        "utter_handover_unavailable",
        "utter_handover_crisis_lines",
    ]
    assert events == [SlotSet("pending_question", "none")]


def test_reason_after_repeated_misunderstanding() -> None:
    fallback = user_event("bla", "nlu_fallback")
    tracker = make_tracker(intent="affirm", events=[fallback, fallback, user_event("ja", "affirm")])
    assert handover.handover_reason(tracker) == "not_understood"
    tracker = make_tracker(intent="affirm", events=[fallback, user_event("ja", "affirm")])
    assert handover.handover_reason(tracker) == "asked"
    assert build_summary(make_tracker())["phase"] == "begin van het gesprek"


def test_availability_follows_the_opening_hours(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOLUNTEER_HOURS", "00:00-00:00")  # never open (start == end)
    assert handover.volunteer_available() is False
    monkeypatch.setenv("VOLUNTEER_HOURS", "00:00-24:00")
    assert handover.volunteer_available() is False  # open, but no console online
