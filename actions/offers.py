"""Declining an offer: accept it warmly and offer the next, smaller thing, never pushing."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import PENDING, set_pending
from actions.handover import HANDOVER_STEPS, handover_consent


class ActionOfferNext(BaseAction):
    """Answer "nee": respect it, and depending on what was offered, offer the next phase once."""

    action_name = "action_offer_next"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Respond to a declined offer."""
        pending = tracker.get_slot(PENDING) or "none"
        if pending in HANDOVER_STEPS:
            return await handover_consent(dispatcher, tracker, yes=False)
        if pending == "scale":
            dispatcher.utter_message(response="utter_offer_declined")
            dispatcher.utter_message(response="utter_offer_wishes")
            return [set_pending("wishes")]
        if pending == "wishes":
            dispatcher.utter_message(response="utter_offer_declined")
            dispatcher.utter_message(response="utter_offer_steps")
            return [set_pending("steps")]
        if pending in ("steps", "look_back"):
            dispatcher.utter_message(response="utter_door_open")
        elif pending == "human":
            dispatcher.utter_message(response="utter_ok_listen")
        else:
            dispatcher.utter_message(response="utter_offer_declined")
        return [set_pending("none")]
