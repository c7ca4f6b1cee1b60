"""Test trackers built from the domain: a rasa_sdk `Tracker`, its events, and running an action."""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from tests.support.paths import ROOT

DOMAIN_FILE = ROOT / "domain"  # a folder: one file per topic, merged as Rasa merges it

Event = dict[str, Any]


@lru_cache(maxsize=1)
def _parsed_domain() -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for path in sorted(DOMAIN_FILE.glob("*.yml")):
        for key, value in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if isinstance(value, list):
                merged.setdefault(key, []).extend(value)
            elif isinstance(value, dict):
                merged.setdefault(key, {}).update(value)
            else:
                merged[key] = value
    return merged


def load_domain() -> dict[str, Any]:
    """The domain as a fresh dict (parsed once; each caller gets its own copy)."""
    return copy.deepcopy(_parsed_domain())


def initial_slots(domain: dict[str, Any]) -> dict[str, Any]:
    """Every domain slot with its initial value, as Rasa sends them to the action server."""
    return {name: spec.get("initial_value") for name, spec in domain["slots"].items()}


def user_event(
    text: str = "", intent: str | None = None, entities: list[dict[str, Any]] | None = None
) -> Event:
    """A `user` event as the tracker's event list holds it."""
    return {
        "event": "user",
        "timestamp": None,
        "text": text,
        "parse_data": {
            "text": text,
            "intent": {"name": intent, "confidence": 1.0} if intent else {},
            "entities": entities or [],
        },
    }


def bot_action(name: str) -> Event:
    """An `action` event."""
    return {"event": "action", "timestamp": None, "name": name}


def entity(name: str, value: str) -> dict[str, Any]:
    """An entity as it appears in `latest_message["entities"]`."""
    return {"entity": name, "value": value, "start": 0, "end": len(value)}


def make_tracker(
    *,
    slots: dict[str, Any] | None = None,
    text: str = "",
    intent: str | None = None,
    entities: list[dict[str, Any]] | None = None,
    events: list[Event] | None = None,
    active_loop: str | None = None,
    sender_id: str = "unit-test-visitor",
) -> Tracker:
    """A tracker whose slots are the domain's initial values updated with `slots`.

    Without `events`, the event list holds just the latest user message.
    """
    all_slots = initial_slots(load_domain())
    all_slots.update(slots or {})
    latest_message = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0} if intent else {},
        "entities": entities or [],
    }
    return Tracker(
        sender_id=sender_id,
        slots=all_slots,
        latest_message=latest_message,
        events=list(events) if events is not None else [user_event(text, intent, entities)],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def responses(dispatcher: CollectingDispatcher) -> list[str | None]:
    """The response names the action sent, in order."""
    return [message["response"] for message in dispatcher.messages]


def slot_sets(events: list[Event]) -> dict[str, Any]:
    """Slot name -> value for the `slot` events (the last one wins)."""
    return {event["name"]: event["value"] for event in events if event["event"] == "slot"}


async def run_action(
    action: Action, tracker: Tracker, domain: dict[str, Any] | None = None
) -> tuple[list[Event], CollectingDispatcher]:
    """Run an action with a fresh dispatcher; return its events and the dispatcher."""
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, domain if domain is not None else load_domain())
    return events, dispatcher
