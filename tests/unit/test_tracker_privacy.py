"""The tracker stores keep names, addresses and numbers out of what they store; the live turn keeps them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions.melding import MELDING_SLOTS
from bot.rasa_ext.tracker_store import (
    CONSENTED_SLOTS,
    CachedSQLTrackerStore,
    PrivateSQLTrackerStore,
    deidentified,
)
from tests.support.trackers import DOMAIN_FILE

TYPED = "mijn buurman Piet de Vries woont op Kerkstraat 5, bel 0612345678"
PERSONAL = ("Piet", "Vries", "Kerkstraat", "0612345678")


class Broker(EventBroker):
    """Collects what would go to RabbitMQ."""

    def __init__(self) -> None:
        self.published: list[dict[str, Any]] = []

    def publish(self, event: dict[str, Any]) -> None:
        self.published.append(event)


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(DOMAIN_FILE))


@pytest.fixture(params=[CachedSQLTrackerStore, PrivateSQLTrackerStore])
def store(request: pytest.FixtureRequest, domain: Domain, tmp_path: Path) -> SQLTrackerStore:
    db = str(tmp_path / "tracker.db")
    store: SQLTrackerStore = request.param(domain=domain, dialect="sqlite", db=db)
    store.event_broker = Broker()
    return store


def start(at: float) -> list[Event]:
    return [ActionExecuted("action_session_start", timestamp=at), SessionStarted(timestamp=at + 0.01)]


def personal_turn(at: float) -> list[Event]:
    parse_data = {
        "text": TYPED,
        "intent": {"name": "worried_about_other", "confidence": 0.9},
        "entities": [{"entity": "person", "value": "Piet de Vries", "start": 13, "end": 26}],
    }
    return [
        UserUttered(TYPED, parse_data["intent"], parse_data["entities"], parse_data, timestamp=at),
        SlotSet("role", "other", timestamp=at + 0.1),
        SlotSet("wish_enjoy", "wandelen met Piet de Vries", timestamp=at + 0.2),
        SlotSet("melding_description", "Piet de Vries, 84, komt niet meer buiten", timestamp=at + 0.3),
        SlotSet("melding_contact_value", "0612345678", timestamp=at + 0.4),
        ActionExecuted("utter_greet", timestamp=at + 0.5),
        BotUttered("Hoi!", timestamp=at + 0.6),
        BotUttered("Bel je Piet op 0612345678?", metadata={"from": "volunteer"}, timestamp=at + 0.7),
        ActionExecuted("action_listen", timestamp=at + 0.8),
    ]


async def talk(store: SQLTrackerStore, sender: str, events: list[Event]) -> DialogueStateTracker:
    tracker = await store.retrieve(sender) or DialogueStateTracker(sender, store.domain.slots)
    for event in events:
        tracker.update(event)
    await store.save(tracker)
    return tracker


def stored_rows(db: Path) -> list[dict[str, Any]]:
    with sqlite3.connect(db) as connection:
        return [json.loads(data) for (data,) in connection.execute("SELECT data FROM events ORDER BY id")]


def leaks(data: dict[str, Any]) -> list[str]:
    if data.get("event") == "slot" and data.get("name") in CONSENTED_SLOTS:
        return []
    text = json.dumps(data, ensure_ascii=False)
    return [value for value in PERSONAL if value in text]


async def test_stored_events_hold_no_personal_data_outside_the_consented_slots(
    store: SQLTrackerStore, tmp_path: Path
) -> None:
    live = await talk(store, "a", start(1.0) + personal_turn(2.0))

    rows = stored_rows(tmp_path / "tracker.db")
    assert [leaks(row) for row in rows if leaks(row)] == []
    user = next(row for row in rows if row["event"] == "user")
    assert user["text"] == "mijn buurman [naam] woont op [adres], bel [telefoonnummer]"
    assert user["parse_data"]["text"] == user["text"]
    assert user["parse_data"]["entities"][0]["value"] == "[naam]"
    slots = {row["name"]: row["value"] for row in rows if row["event"] == "slot"}
    assert slots["wish_enjoy"] == "wandelen met [naam]"
    assert slots["melding_description"] == "Piet de Vries, 84, komt niet meer buiten"
    assert slots["melding_contact_value"] == "0612345678"
    bot_texts = [row["text"] for row in rows if row["event"] == "bot"]
    assert bot_texts == ["Hoi!", "Bel je [naam] op [telefoonnummer]?"]
    # The turn in progress keeps what was typed, for the actions of that turn.
    assert live.latest_message is not None and live.latest_message.text == TYPED


async def test_what_goes_to_the_event_broker_is_de_identified(store: SQLTrackerStore) -> None:
    await talk(store, "a", start(1.0) + personal_turn(2.0))
    broker = store.event_broker
    assert isinstance(broker, Broker)
    assert len(broker.published) == 2 + 9
    assert [leaks(body) for body in broker.published if leaks(body)] == []


async def test_a_reloaded_conversation_goes_on_with_its_slots_and_intent(
    store: SQLTrackerStore, domain: Domain, tmp_path: Path
) -> None:
    await talk(store, "a", start(1.0) + personal_turn(2.0))
    reloaded = await store.retrieve("a")
    plain = SQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    from_database = await plain.retrieve("a")
    assert reloaded is not None and from_database is not None
    # The cache serves exactly what the database holds.
    assert [e.as_dict() for e in reloaded.events] == [e.as_dict() for e in from_database.events]
    assert reloaded.get_slot("role") == "other"
    assert reloaded.get_slot("melding_contact_value") == "0612345678"
    assert reloaded.latest_message is not None
    assert reloaded.latest_message.intent_name == "worried_about_other"

    await talk(store, "a", [UserUttered("ik voel me alleen", {"name": "lonely"}, timestamp=3.0)])
    rows = stored_rows(tmp_path / "tracker.db")
    assert len(rows) == 2 + 9 + 1  # each event once, the new turn after the stored ones
    assert rows[-1]["text"] == "ik voel me alleen"


async def test_a_tracker_not_grown_from_the_cache_is_stored_de_identified_too(
    domain: Domain, tmp_path: Path
) -> None:
    store = CachedSQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    cached = await talk(store, "a", start(1.0))
    rebuilt = DialogueStateTracker.from_dict("a", [e.as_dict() for e in cached.events], domain.slots)
    for event in personal_turn(2.0):
        rebuilt.update(event)
    await store.save(rebuilt)  # other objects than the cached ones: Rasa's count query decides
    assert [leaks(row) for row in stored_rows(tmp_path / "tracker.db") if leaks(row)] == []


def test_events_without_personal_data_are_stored_as_they_are() -> None:
    for event in [
        UserUttered("ik voel me alleen sinds de verhuizing naar Groningen", {"name": "lonely"}),
        SlotSet("municipality", "Zwolle"),
        SlotSet("found_activities", ["a1", "a2"]),
        BotUttered("Bel gerust de Luisterlijn: 088 0767 000.", metadata={"from": "volunteer"}),
        BotUttered("Mijn naam is niet belangrijk, bel 0612345678"),  # the assistant's own text
    ]:
        assert deidentified(event) is event


def test_the_consented_slots_are_the_melding_forms_personal_answers(domain: Domain) -> None:
    assert CONSENTED_SLOTS <= set(MELDING_SLOTS)
    types = {slot.name: slot.type_name for slot in domain.slots}
    assert all(types[name] == "text" for name in CONSENTED_SLOTS)
