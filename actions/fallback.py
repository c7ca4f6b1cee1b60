"""Fallback: ask to rephrase once; when it keeps failing, offer a human."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import set_pending

FALLBACK_INTENT = "nlu_fallback"


def misunderstood_in_a_row(tracker: Tracker) -> int:
    """How many of the visitor's latest messages in a row were not understood."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent != FALLBACK_INTENT:
            break
        count += 1
    return count


class ActionFallback(Action):
    """Rephrase once, then offer a human."""

    def name(self) -> str:
        """Action name (also the RulePolicy's core fallback)."""
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Send the rephrase question or the human offer."""
        if misunderstood_in_a_row(tracker) >= 2:
            dispatcher.utter_message(response="utter_fallback_human")
            return [set_pending("human")]
        dispatcher.utter_message(response="utter_rephrase")
        return []
