"""The stored conversation keeps a melding's typed answers only until the melding is made, and never
puts them into an error message."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    Event,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_ext.melding_turns import PLACEHOLDER, READ_TYPES, forget_answers
from bot.rasa_ext.tracker_store import CONSENTED_SLOTS, CachedSQLTrackerStore, PrivateSQLTrackerStore
from tests.support.trackers import DOMAIN_FILE

BEFORE = "ik maak me zorgen over de vrouw naast ons"
REPORT = "Ze komt al weken niet buiten en de gordijnen blijven dicht."
PHONE = "0612345678"
AFTER = "dank je wel voor het doorgeven"


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(DOMAIN_FILE))


@pytest.fixture(params=[CachedSQLTrackerStore, PrivateSQLTrackerStore])
def store(request: pytest.FixtureRequest, domain: Domain, tmp_path: Path) -> SQLTrackerStore:
    store: SQLTrackerStore = request.param(domain=domain, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    return store


def user(text: str, intent: str, at: float) -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 0.9}, [], timestamp=at)


def ask(slot: str, at: float) -> list[Event]:
    return [
        ActionExecuted("melding_form", timestamp=at),
        SlotSet("requested_slot", slot, timestamp=at + 0.01),
        BotUttered("Een vraag voor de melding.", timestamp=at + 0.02),
        ActionExecuted("action_listen", timestamp=at + 0.03),
    ]


TURNS: list[list[Event]] = [
    [user(BEFORE, "worried_about_other", 1.0), ActionExecuted("utter_ok", timestamp=1.1)],
    [
        user("ik wil een melding doen", "make_report", 2.0),
        ActiveLoop("melding_form", timestamp=2.05),
        *ask("melding_consent", 2.1),
    ],
    [
        user("/affirm", "affirm", 3.0),
        SlotSet("melding_consent", True, timestamp=3.05),
        *ask("melding_description", 3.1),
    ],
    [
        user(REPORT, "tell_situation", 4.0),
        SlotSet("melding_description", REPORT, timestamp=4.05),
        *ask("melding_contact_value", 4.1),
    ],
    [
        user(PHONE, "inform", 5.0),
        SlotSet("melding_contact_value", PHONE, timestamp=5.05),
        ActionExecuted("melding_form", timestamp=5.1),
        ActiveLoop(None, timestamp=5.11),
        SlotSet("requested_slot", None, timestamp=5.12),
        ActionExecuted("action_submit_melding", timestamp=5.2),
        BotUttered("Je meldcode is K7QXM4.", timestamp=5.21),
        SlotSet("melding_description", None, timestamp=5.22),
        SlotSet("melding_contact_value", None, timestamp=5.23),
        SlotSet("melding_code", "K7QXM4", timestamp=5.24),
        ActionExecuted("action_listen", timestamp=5.3),
    ],
    [user(AFTER, "thank", 6.0), ActionExecuted("action_listen", timestamp=6.1)],
]


async def talk(store: SQLTrackerStore, sender: str, events: list[Event]) -> None:
    tracker = await store.retrieve(sender) or DialogueStateTracker(sender, store.domain.slots)
    for event in events:
        tracker.update(event)
    await store.save(tracker)


def stored_data(store: SQLTrackerStore, sender: str = "melder") -> str:
    query = "SELECT data FROM events WHERE sender_id = ? ORDER BY id"
    with sqlite3.connect(store.engine.url.database) as connection:
        return "\n".join(row[0] for row in connection.execute(query, (sender,)))


async def test_the_melding_answers_leave_the_stored_events_once_it_is_made(store: SQLTrackerStore) -> None:
    for turn in TURNS[:4]:
        await talk(store, "melder", turn)
    # While the form runs, the answer is stored as typed: the melding action reads it later.
    assert REPORT in stored_data(store)

    for turn in TURNS[4:]:
        await talk(store, "melder", turn)
    stored = stored_data(store)
    assert "gordijnen" not in stored and PHONE not in stored
    assert PLACEHOLDER in stored
    assert BEFORE in stored and AFTER in stored and "ik wil een melding doen" in stored
    tracker = await store.retrieve("melder")
    assert tracker is not None
    texts = [event.text for event in tracker.events if isinstance(event, UserUttered)]
    assert texts == [BEFORE, "ik wil een melding doen", "/affirm", PLACEHOLDER, PLACEHOLDER, AFTER]


async def test_other_conversations_keep_their_texts(store: SQLTrackerStore) -> None:
    for turn in TURNS[:4]:
        await talk(store, "ander", turn)
    for turn in TURNS:
        await talk(store, "melder", turn)
    assert REPORT not in stored_data(store, "melder")
    # The other visitor's melding is not made yet: their message and their answer stay.
    assert REPORT in stored_data(store, "ander")


def test_only_answers_to_the_free_text_questions_are_replaced() -> None:
    events = [
        {"event": "active_loop", "name": "melding_form"},
        {"event": "slot", "name": "requested_slot", "value": "melding_description"},
        {"event": "restart"},
        {"event": "user", "text": "na een herstart: geen antwoord", "parse_data": {"text": "x"}},
        {"event": "active_loop", "name": "melding_form"},
        {"event": "slot", "name": "requested_slot", "value": "melding_person_knows"},
        {"event": "user", "text": "nee", "parse_data": {"text": "nee"}},
        {"event": "slot", "name": "requested_slot", "value": "melding_description"},
        {"event": "user", "text": REPORT, "parse_data": {"text": REPORT, "entities": [{"value": "buiten"}]}},
        {"event": "slot", "name": "melding_description", "value": REPORT},
        {"event": "slot", "name": "role", "value": "other"},
    ]
    assert forget_answers(events, CONSENTED_SLOTS) == [8, 9]
    assert events[3]["text"] == "na een herstart: geen antwoord" and events[6]["text"] == "nee"
    assert events[8]["text"] == events[8]["parse_data"]["text"] == PLACEHOLDER
    assert events[8]["parse_data"]["entities"] == [{"value": PLACEHOLDER}]
    assert events[9]["value"] == PLACEHOLDER and events[10]["value"] == "other"
    assert forget_answers(events, CONSENTED_SLOTS) == []  # done once


def test_the_event_types_read_are_rasas_own() -> None:
    kinds = {Restarted.type_name, SessionStarted.type_name, ActiveLoop.type_name, SlotSet.type_name}
    assert set(READ_TYPES) == kinds | {UserUttered.type_name}


async def test_a_failed_write_does_not_carry_the_typed_text(store: SQLTrackerStore) -> None:
    await talk(store, "melder", TURNS[0])
    with sqlite3.connect(store.engine.url.database) as connection:
        connection.execute("ALTER TABLE events RENAME TO events_elders")
    if isinstance(store, CachedSQLTrackerStore):
        store.forget("melder")
    with pytest.raises(Exception) as failure:
        await talk(store, "melder", TURNS[3])
    assert "gordijnen" not in str(failure.value) and "parameters hidden" in str(failure.value)
