"""Handover actions: two consent steps, a place in the queue and a pause, or honest alternatives."""

from __future__ import annotations

import json

import pytest
from rasa_sdk.events import SlotSet
from sqlalchemy import func, select, update

import actions.handover as handover
from actions.handover import (
    ActionHandoverConsent,
    ActionHandoverTimeout,
    ActionOfferHandover,
)
from actions.offers import ActionOfferNext
from bot.store.db import default_engine, session_scope
from bot.store.handovers import open_handover, start_handover
from bot.store.models import Handover
from tests.support.trackers import load_domain, make_tracker, responses, run_action, slot_sets, user_event

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
            "causes": ["loss", "moving"],
            "wish_enjoy": "wandelen met mijn buurvrouw Truus de Graaf",
            "municipality": "Nijmegen",
            "municipality_code": "GM0268",
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
        "themes": ["verlies van een dierbare", "verhuisd"],
        "duration": None,
        "wishes": ["wandelen"],
        "chosen_step": None,
        "municipality": "Nijmegen",
    }
    assert "Truus" not in json.dumps(info.summary)  # labels only, never the person's own words


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
    assert not info.acute_risk


@pytest.mark.usefixtures("available")
async def test_no_after_the_crisis_answer_shares_only_the_urgency_and_says_so() -> None:
    sender = "unit-handover-nothing-acute"
    tracker = make_tracker(
        intent="deny",
        sender_id=sender,
        slots={"pending_question": "handover_summary", "crisis_answered": True, "wish_enjoy": "wandelen"},
    )
    events, dispatcher = await run_action(ActionOfferNext(), tracker)
    assert responses(dispatcher) == ["utter_handover_nothing_shared_urgent", "utter_handover_waiting"]
    assert paused(events)
    with session_scope(default_engine()) as session:
        info = open_handover(session, sender)
    assert info is not None and info.summary is None and not info.share_transcript and info.acute_risk


def test_the_reply_after_a_no_tells_the_person_what_the_volunteer_sees() -> None:
    domain_responses = load_domain()["responses"]
    for variant in domain_responses["utter_handover_nothing_shared_urgent"]:
        assert "niets van ons gesprek" in variant["text"] and "dringend" in variant["text"]
    for variant in domain_responses["utter_handover_nothing_shared"]:
        assert "dringend" not in variant["text"]


def _count_waiting(acute_risk: bool) -> int:
    with session_scope(default_engine()) as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(Handover)
                .where(Handover.status == "waiting", Handover.acute_risk == acute_risk)
            )
            or 0
        )


@pytest.mark.usefixtures("available")
async def test_a_full_queue_is_said_kindly_with_113_after_acute_risk(monkeypatch: pytest.MonkeyPatch) -> None:
    with session_scope(default_engine()) as session:
        start_handover(session, "unit-handover-someone-acute", None, False, acute_risk=True)
    monkeypatch.setenv("HANDOVER_QUEUE_MAX", str(_count_waiting(acute_risk=True)))
    tracker = make_tracker(
        intent="affirm",
        sender_id="unit-handover-full-acute-0",
        slots={"crisis_answered": True, "pending_question": "human"},
    )
    events, dispatcher = await run_action(ActionOfferHandover(), tracker)
    assert responses(dispatcher) == ["utter_handover_queue_full", "utter_handover_crisis_lines"]
    assert slot_sets(events)["pending_question"] == "none" and not paused(events)

    # The consent step checks again: the queue may have filled up meanwhile.
    sender = "unit-handover-queue-full-0"
    tracker = make_tracker(
        intent="affirm", sender_id=sender, slots={"pending_question": "handover_transcript"}
    )
    monkeypatch.setenv("HANDOVER_QUEUE_MAX", str(_count_waiting(acute_risk=False)))
    events, dispatcher = await run_action(ActionHandoverConsent(), tracker)
    assert responses(dispatcher) == ["utter_handover_queue_full"] and not paused(events)
    with session_scope(default_engine()) as session:
        assert open_handover(session, sender) is None


@pytest.mark.usefixtures("available")
async def test_a_visitor_who_asked_often_this_hour_is_told_to_try_later(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sender = "unit-handover-often-00000"
    with session_scope(default_engine()) as session:
        first = start_handover(session, sender, None, False)
        session.execute(update(Handover).where(Handover.id == first).values(status="expired"))
    monkeypatch.setenv("HANDOVER_PER_VISITOR_PER_HOUR", "1")
    tracker = make_tracker(intent="ask_human", sender_id=sender)
    events, dispatcher = await run_action(ActionOfferHandover(), tracker)
    assert responses(dispatcher) == ["utter_handover_visitor_quota"] and not paused(events)
    monkeypatch.setenv("HANDOVER_PER_VISITOR_PER_HOUR", "2")
    events, dispatcher = await run_action(ActionOfferHandover(), tracker)
    assert responses(dispatcher) == ["utter_ask_handover_summary"]


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


def test_availability_follows_the_opening_hours(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOLUNTEER_HOURS", "00:00-00:00")  # never open (start == end)
    assert handover.volunteer_available() is False
    monkeypatch.setenv("VOLUNTEER_HOURS", "00:00-24:00")
    assert handover.volunteer_available() is False  # open, but no console online
