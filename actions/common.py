"""Small helpers shared by the actions."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from bot.text import MAX_MESSAGE_CHARS, cut

PENDING = "pending_question"
FALLBACK_INTENT = "nlu_fallback"


def latest_intent(tracker: Tracker) -> str | None:
    """Name of the intent of the visitor's latest message."""
    intent = (tracker.latest_message or {}).get("intent") or {}
    return intent.get("name")


def latest_text(tracker: Tracker, limit: int = MAX_MESSAGE_CHARS) -> str:
    """Text of the visitor's latest message, cut to `limit` characters."""
    return cut((tracker.latest_message or {}).get("text") or "", limit)


def misunderstood_in_a_row(tracker: Tracker, skip_latest: bool = False) -> int:
    """How many of the visitor's latest messages in a row were not understood.

    With `skip_latest`, counting starts at the message before the latest one (the "ja" to an offer).
    """
    count, skipping = 0, skip_latest
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        if skipping:
            skipping = False
            continue
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent != FALLBACK_INTENT:
            break
        count += 1
    return count


def slot_list(tracker: Tracker, name: str) -> list[Any]:
    """A list slot's value, or an empty list."""
    value = tracker.get_slot(name)
    return list(value) if isinstance(value, list) else []


def set_pending(value: str) -> SlotSet:
    """Remember what the assistant just offered, so "ja" and "nee" are understood."""
    return SlotSet(PENDING, value)


def next_offer(tracker: Tracker) -> str:
    """The next phase to offer: the scale, then wishes and talents, then small steps."""
    if tracker.get_slot("scale_total") is None:
        return "scale"
    if not slot_list(tracker, "interests") and tracker.get_slot("wish_enjoy") is None:
        return "wishes"
    return "steps"


OFFER_RESPONSE = {
    "scale": "utter_offer_scale",
    "wishes": "utter_offer_wishes",
    "steps": "utter_offer_steps",
}
