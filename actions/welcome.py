"""Session start: carry the plan over, so a returning visitor can look back on the chosen step."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import set_pending

# What a new session remembers: who is chatting and the plan. Nothing else is carried over.
CARRIED_SLOTS = (
    "role",
    "loneliness_type",
    "social_isolation",
    "causes",
    "duration",
    "scale_total",
    "scale_emotional",
    "scale_social",
    "scale_band",
    "interests",
    "plan_step",
    "plan_step_label",
    "plan_set_on",
    "plan_when",
    "plan_with",
    "plan_obstacle",
    "plan_follow_up",
    "network_map",
    "person_needs",
    "resistance_sources",
    "return_permission",
    "failed_steps",
)


class ActionSessionStart(BaseAction):
    """Start a session, keeping only the plan slots, and mark a returning visitor."""

    action_name = "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Return the session start events."""
        carried = {
            name: tracker.get_slot(name)
            for name in CARRIED_SLOTS
            if tracker.get_slot(name) not in (None, [], "")
        }
        events: list[EventType] = [SessionStarted()]
        events += [SlotSet(name, value) for name, value in carried.items()]
        events.append(SlotSet("returning_visitor", bool(carried)))
        events.append(ActionExecuted("action_listen"))
        return events


def look_back_agreed(tracker: Tracker) -> bool:
    """A returning visitor with a plan who did not say "nee" to being asked about it next time."""
    return bool(
        tracker.get_slot("returning_visitor")
        and tracker.get_slot("plan_step")
        and tracker.get_slot("plan_follow_up") is not False
    )


class ActionWelcome(BaseAction):
    """Greet: look back on the chosen step for a returning visitor, otherwise welcome and ask who."""

    action_name = "action_welcome"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Send the welcome or the look-back question."""
        if look_back_agreed(tracker):
            dispatcher.utter_message(response="utter_look_back")
            # An open question first; only now do "het ging goed" and the like answer a question.
            return [SlotSet("returning_visitor", False), set_pending("look_back")]
        if tracker.get_slot("returning_visitor"):
            dispatcher.utter_message(response="utter_welcome_back")
        else:
            dispatcher.utter_message(response="utter_welcome")
            dispatcher.utter_message(response="utter_ask_role")
        return [SlotSet("returning_visitor", False), set_pending("none")]
