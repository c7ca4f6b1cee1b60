"""Fallback: ask to rephrase once; when it keeps failing, offer a human."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import misunderstood_in_a_row, set_pending


class ActionFallback(BaseAction):
    """Rephrase once, then offer a human."""

    action_name = "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Send the rephrase question or the human offer."""
        if misunderstood_in_a_row(tracker) >= 2:
            dispatcher.utter_message(response="utter_fallback_human")
            return [set_pending("human")]
        dispatcher.utter_message(response="utter_rephrase")
        return []
