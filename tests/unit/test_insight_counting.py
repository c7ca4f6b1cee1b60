"""Counting Rasa's published events for /inzicht: what counts, once, where, in which week; the k rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bot.insight.categories import step_labels
from bot.insight.counting import InsightCounter, iso_week
from bot.store.insight import LESS_THAN_MIN, CountKey, shown

# Wednesday 2 December 2026, 12:00 Dutch time (ISO week 49).
WEDNESDAY = dt.datetime(2026, 12, 2, 11, 0, tzinfo=dt.timezone.utc).timestamp()
WEEK = "2026-W49"
SOME_STEP = next(iter(step_labels()))


def user(sender: str, at: float = WEDNESDAY, text: str = "Ik voel me alleen") -> dict[str, Any]:
    return {"sender_id": sender, "event": "user", "timestamp": at, "text": text, "parse_data": {}}


def slot(sender: str, name: str, value: Any, at: float = WEDNESDAY) -> dict[str, Any]:
    return {"sender_id": sender, "event": "slot", "timestamp": at, "name": name, "value": value}


def bot(sender: str, response: str, at: float = WEDNESDAY) -> dict[str, Any]:
    return {
        "sender_id": sender,
        "event": "bot",
        "timestamp": at,
        "text": "…",
        "data": {},
        "metadata": {"utter_action": response},
    }


def session_started(sender: str, at: float = WEDNESDAY) -> dict[str, Any]:
    return {"sender_id": sender, "event": "session_started", "timestamp": at}


def counted(*events: dict[str, Any]) -> dict[CountKey, int]:
    counter = InsightCounter()
    for event in events:
        counter.observe(event)
    return counter.take_deltas()


def key(kind: str, value: str = "", municipality: str = "onbekend", week: str = WEEK) -> CountKey:
    return CountKey(municipality, week, kind, value)


def test_a_conversation_counts_once_at_its_first_user_message() -> None:
    deltas = counted(
        session_started("a"), bot("a", "utter_welcome"), user("a"), user("a"), user("a", text="nog iets")
    )
    assert deltas == {key("conversation"): 1}


def test_a_session_without_a_user_message_is_no_conversation() -> None:
    assert counted(session_started("a"), bot("a", "utter_welcome")) == {}


def test_types_causes_and_steps_count_once_per_conversation() -> None:
    deltas = counted(
        user("a"),
        slot("a", "loneliness_type", "social"),
        slot("a", "loneliness_type", "social"),
        slot("a", "loneliness_type", "emotional"),
        slot("a", "causes", ["moving"]),
        slot("a", "causes", ["moving", "loss"]),
        slot("a", "plan_step", SOME_STEP),
        slot("a", "plan_step", "activity:wandelclub-nijmegen-12"),
    )
    assert deltas == {
        key("conversation"): 1,
        key("loneliness_type", "social"): 1,
        key("loneliness_type", "emotional"): 1,
        key("cause", "moving"): 1,
        key("cause", "loss"): 1,
        key("step", SOME_STEP): 1,
        key("step", "activity"): 1,  # any activity from the social map, never which one
    }


def test_crisis_handover_and_melding_are_recognised_by_their_responses() -> None:
    deltas = counted(
        user("a"),
        bot("a", "utter_crisis"),
        bot("a", "utter_crisis_offer"),
        bot("a", "utter_crisis_again"),
        bot("a", "utter_handover_waiting"),
        bot("a", "utter_melding_sent"),
        bot("a", "utter_melding_held"),
        bot("a", "utter_melding_declined"),
    )
    assert deltas == {key("conversation"): 1, key("crisis"): 1, key("handover"): 1, key("melding"): 2}


def test_values_outside_the_fixed_lists_are_never_counted() -> None:
    deltas = counted(
        user("a"),
        slot("a", "loneliness_type", "Jan de Vries, Dorpsstraat 1"),
        slot("a", "causes", ["loss", "mijn man Piet is overleden", 42]),
        slot("a", "causes", "loss"),  # not a list
        slot("a", "plan_step", "iets wat ik zelf typte"),
        slot("a", "municipality", "Jan de Vries"),  # the typed name is never a key
        slot("a", "municipality_code", "'; DROP TABLE"),
        slot("a", "melding_description", "Mijn buurvrouw woont alleen"),
    )
    assert deltas == {key("conversation"): 1, key("cause", "loss"): 1}


def test_a_known_municipality_takes_everything_the_conversation_counted_along() -> None:
    counter = InsightCounter()
    for event in (user("a"), slot("a", "loneliness_type", "social"), bot("a", "utter_crisis")):
        counter.observe(event)
    first = counter.take_deltas()
    assert first == {key("conversation"): 1, key("loneliness_type", "social"): 1, key("crisis"): 1}
    counter.observe(slot("a", "municipality_code", "GM0268"))
    counter.observe(bot("a", "utter_melding_sent"))
    moved = counter.take_deltas()
    assert moved == {
        key("conversation"): -1,
        key("loneliness_type", "social"): -1,
        key("crisis"): -1,
        key("conversation", municipality="GM0268"): 1,
        key("loneliness_type", "social", municipality="GM0268"): 1,
        key("crisis", municipality="GM0268"): 1,
        key("melding", municipality="GM0268"): 1,
    }
    # Another municipality later: it all moves again, nothing is counted twice.
    counter.observe(slot("a", "municipality_code", "GM0363"))
    again = counter.take_deltas()
    assert sum(delta for k, delta in again.items() if k.municipality == "GM0268") == -4
    assert sum(delta for k, delta in again.items() if k.municipality == "GM0363") == 4


def test_a_municipality_known_before_the_first_message_is_used_from_the_start() -> None:
    deltas = counted(session_started("a"), slot("a", "municipality_code", "GM0268"), user("a"))
    assert deltas == {key("conversation", municipality="GM0268"): 1}


def test_carried_over_slots_are_not_counted_again_in_a_new_session() -> None:
    deltas = counted(
        session_started("a"),
        slot("a", "loneliness_type", "social"),
        slot("a", "causes", ["moving"]),
        slot("a", "plan_step", SOME_STEP),
        user("a"),
        slot("a", "causes", ["moving", "loss"]),  # the listening step sets the whole list again
        slot("a", "plan_step", SOME_STEP),
    )
    assert deltas == {key("conversation"): 1, key("cause", "loss"): 1}


def test_a_new_session_is_a_new_conversation() -> None:
    later = WEDNESDAY + 3 * 3600
    deltas = counted(
        user("a"),
        bot("a", "utter_crisis"),
        session_started("a", later),
        user("a", later),
        bot("a", "utter_crisis", later),
    )
    assert deltas == {key("conversation"): 2, key("crisis"): 2}


def test_conversations_are_kept_apart_and_counted_in_the_week_they_started() -> None:
    sunday_late = dt.datetime(2026, 12, 6, 22, 50, tzinfo=dt.timezone.utc).timestamp()  # 23:50 Dutch time
    monday = sunday_late + 3600
    deltas = counted(
        user("a", sunday_late),
        user("b", monday),
        slot("a", "loneliness_type", "social", monday),
        slot("b", "loneliness_type", "social", monday),
    )
    assert deltas == {
        key("conversation"): 1,
        key("loneliness_type", "social"): 1,
        key("conversation", week="2026-W50"): 1,
        key("loneliness_type", "social", week="2026-W50"): 1,
    }


def test_iso_weeks_follow_dutch_time_and_iso_years() -> None:
    assert iso_week(WEDNESDAY) == WEEK
    # 31 December 2026 is in ISO week 53 of 2026; 1 January 2029 is week 1 of 2029; 31 December 2029
    # (a Monday) is already week 1 of 2030.
    assert iso_week(dt.datetime(2026, 12, 31, 12, tzinfo=dt.timezone.utc).timestamp()) == "2026-W53"
    assert iso_week(dt.datetime(2029, 12, 31, 12, tzinfo=dt.timezone.utc).timestamp()) == "2030-W01"
    # 23:30 UTC on Sunday is already Monday in Amsterdam.
    assert iso_week(dt.datetime(2026, 12, 6, 23, 30, tzinfo=dt.timezone.utc).timestamp()) == "2026-W50"


def test_no_sender_id_or_text_is_kept_and_idle_conversations_are_forgotten() -> None:
    now = [WEDNESDAY]
    counter = InsightCounter(clock=lambda: now[0], idle_seconds=600, max_conversations=2)
    counter.observe(user("geheime-afzender-123", text="Mijn naam is Truus"))
    state = repr(counter.__dict__)
    assert "geheime-afzender-123" not in state and "Truus" not in state
    counter.observe(user("b"))
    counter.observe(user("c"))
    assert counter.active_conversations == 2  # the oldest went when the table was full
    now[0] += 601
    counter.observe(user("d"))
    assert counter.active_conversations == 1
    assert counter.take_deltas() == {key("conversation"): 4}


def test_two_counters_hash_the_same_sender_differently() -> None:
    one, other = InsightCounter(), InsightCounter()
    one.observe(user("a"))
    other.observe(user("a"))
    assert list(one._conversations) != list(other._conversations)


def test_odd_events_are_ignored() -> None:
    deltas = counted(
        {"event": "user", "text": "geen afzender"},
        {"sender_id": 12, "event": "user"},
        {"sender_id": "a"},
        {"sender_id": "a", "event": "bot", "metadata": "geen dict"},
        user("a"),
        {"sender_id": "a", "event": "bot", "text": "zonder metadata"},
    )
    assert deltas == {key("conversation"): 1}


@pytest.mark.parametrize(
    ("count", "text", "exact"),
    [
        (0, LESS_THAN_MIN, None),
        (1, LESS_THAN_MIN, None),
        (9, LESS_THAN_MIN, None),
        (10, "10", 10),
        (123, "123", 123),
    ],
)
def test_counts_under_ten_are_only_shown_as_minder_dan_10(count: int, text: str, exact: int | None) -> None:
    assert shown(count).text == text
    assert shown(count).exact == exact
    assert LESS_THAN_MIN == "minder dan 10"
