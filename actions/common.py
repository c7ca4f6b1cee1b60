"""Small helpers shared by the actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

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


def previous_reply(tracker: Tracker) -> list[str]:
    """The responses the assistant sent in its reply before the latest message, in order."""
    reply: list[str] = []
    users_seen = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users_seen += 1
            if users_seen == 2:
                break
        elif event.get("event") == "bot" and users_seen == 1:
            reply.insert(0, str((event.get("metadata") or {}).get("utter_action") or ""))
    return reply


def slot_list(tracker: Tracker, name: str) -> list[Any]:
    """A list slot's value, or an empty list."""
    value = tracker.get_slot(name)
    return list(value) if isinstance(value, list) else []


def set_pending(value: str) -> SlotSet:
    """Remember what the assistant just offered, so "ja" and "nee" are understood."""
    return SlotSet(PENDING, value)


def next_offer(tracker: Tracker) -> str | None:
    """The next phase to offer (the scale, wishes and talents, small steps), skipping any declined.

    A "nee" to an offer holds for the whole conversation; None when everything was declined.
    """
    declined = slot_list(tracker, "declined_offers")
    if tracker.get_slot("scale_total") is None and "scale" not in declined:
        return "scale"
    wishes_known = slot_list(tracker, "interests") or tracker.get_slot("wish_enjoy") is not None
    if not wishes_known and "wishes" not in declined:
        return "wishes"
    return None if "steps" in declined else "steps"


OFFER_RESPONSE = {
    "scale": "utter_offer_scale",
    "wishes": "utter_offer_wishes",
    "steps": "utter_offer_steps",
}


# One check for every slot of a form: (slot, value, dispatcher, tracker) -> the slots to set.
SlotCheck = Callable[[str, Any, CollectingDispatcher, Tracker], dict[str, Any]]


def slot_validator(slot: str, check: SlotCheck) -> Callable[..., dict[str, Any]]:
    """The `validate_<slot>` method of a form whose slots share one check (rasa_sdk finds it by name)."""

    def validate(
        self: FormValidationAction, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, *_: Any
    ) -> dict[str, Any]:
        return check(slot, value, dispatcher, tracker)

    validate.__doc__ = f"Validate {slot}."
    return validate
