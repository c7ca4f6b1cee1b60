"""Declining an offer: accept it warmly and offer the next, smaller thing, never pushing."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import PENDING, set_pending, slot_list
from actions.handover import HANDOVER_STEPS, handover_consent
from actions.summary import offer_next_phase


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
        if pending == "network_map":
            # No map: the same question in plain words, without any drawing.
            dispatcher.utter_message(response="utter_offer_declined")
            dispatcher.utter_message(response="utter_ask_who_still_there")
            return [set_pending("none")]
        if pending == "summary":
            # The summary was not right: listen again; a new summary waits a few turns.
            dispatcher.utter_message(response="utter_summary_missed")
            return [set_pending("none")]
        if pending == "kind":
            dispatcher.utter_message(response="utter_kind_no_name")
            return [SlotSet("summary_confirmed", True), *offer_next_phase(dispatcher, tracker)]
        if pending == "scale_result":
            dispatcher.utter_message(response="utter_scale_not_recognised")
            return offer_next_phase(dispatcher, tracker)
        if pending == "return_permission":
            dispatcher.utter_message(response="utter_no_return")
            return [SlotSet("return_permission", False), set_pending("none")]
        declined = slot_list(tracker, "declined_offers")
        events: list[EventType] = []
        if pending in ("scale", "wishes", "steps") and pending not in declined:
            # A "nee" holds for the whole conversation: this offer does not come back.
            declined = [*declined, pending]
            events.append(SlotSet("declined_offers", declined))
        if pending == "scale" and "wishes" not in declined:
            dispatcher.utter_message(response="utter_offer_declined")
            dispatcher.utter_message(response="utter_offer_wishes")
            return [*events, set_pending("wishes")]
        if pending == "wishes" and "steps" not in declined:
            dispatcher.utter_message(response="utter_offer_declined")
            dispatcher.utter_message(response="utter_offer_steps")
            return [*events, set_pending("steps")]
        if pending in ("scale", "wishes", "steps", "look_back"):
            dispatcher.utter_message(response="utter_door_open")
        elif pending == "human":
            dispatcher.utter_message(response="utter_ok_listen")
        else:
            dispatcher.utter_message(response="utter_offer_declined")
        return [*events, set_pending("none")]
