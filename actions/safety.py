"""The crisis answer (tier 1): 113 and 112 first, a human offered, and the conversation kept open."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import previous_reply, set_pending


def crisis_answer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Send the help lines and the offer of a human; stop a running form (its questions do not fit)."""
    if "utter_crisis" in previous_reply(tracker) or "utter_crisis_again" in previous_reply(tracker):
        # The help lines again, in other words: the same block twice in a row reads as a machine.
        dispatcher.utter_message(response="utter_crisis_again")
    else:
        dispatcher.utter_message(response="utter_crisis")
        dispatcher.utter_message(response="utter_crisis_offer")
    events: list[EventType] = [SlotSet("crisis_answered", True), set_pending("human")]
    if tracker.active_loop_name:
        events += [ActiveLoop(None), SlotSet("requested_slot", None)]
    return events


class ActionCrisisResponse(BaseAction):
    """Answer acute risk."""

    action_name = "action_crisis_response"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Send the help lines and the offer of a human."""
        return crisis_answer(dispatcher, tracker)
