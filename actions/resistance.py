"""Resistance: acknowledge, do not push, write the objection down, and leave the door open."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import latest_text, set_pending, slot_list

MAX_OBJECTION_CHARS = 120
MAX_PARKED = 5


class ActionParkObjection(BaseAction):
    """Park the objection (write it down together) so the person can come back to it later."""

    action_name = "action_park_objection"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Acknowledge and park."""
        objection = latest_text(tracker, MAX_OBJECTION_CHARS).strip()
        parked = slot_list(tracker, "parked_objections")
        if objection and objection not in parked:
            parked = (parked + [objection])[-MAX_PARKED:]
        dispatcher.utter_message(response="utter_resistance", objection=objection)
        return [SlotSet("parked_objections", parked), set_pending("none")]
