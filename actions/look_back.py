"""Looking back and forward: how did the chosen step go, and what next."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import latest_intent, set_pending

REPLIES = {
    "step_went_well": "utter_look_back_well",
    "step_went_badly": "utter_look_back_badly",
    "step_not_done": "utter_look_back_not_done",
}


class ActionLookBackReply(BaseAction):
    """Answer how the step went, and offer to look at a next or smaller step."""

    action_name = "action_look_back_reply"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Reply to the look-back answer."""
        response = REPLIES.get(latest_intent(tracker) or "", "utter_look_back_not_done")
        dispatcher.utter_message(response=response)
        return [SlotSet("returning_visitor", False), set_pending("steps")]
