"""Small first steps: propose a few that fit, let the person choose, and summarise the plan."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import latest_text, set_pending, slot_list
from bot.steps import SmallStep, match_step, propose_steps, step_by_id


def choose_payload(step: SmallStep) -> str:
    """The button payload that picks this step."""
    return "/choose_step" + json.dumps({"step": step.id})


class ActionProposeSteps(Action):
    """Offer three small steps that fit the kind of loneliness, interests and causes."""

    def name(self) -> str:
        """Action name."""
        return "action_propose_steps"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Send the steps as buttons; someone worried about another person gets ways to help instead."""
        if tracker.get_slot("role") in ("other", "professional"):
            dispatcher.utter_message(response="utter_steps_for_other")
            return [set_pending("none")]
        steps = propose_steps(
            tracker.get_slot("loneliness_type"),
            slot_list(tracker, "interests"),
            slot_list(tracker, "causes"),
        )
        buttons = [{"title": step.label, "payload": choose_payload(step)} for step in steps]
        buttons.append({"title": "Nu nog niet", "payload": "/deny"})
        dispatcher.utter_message(response="utter_propose_steps", buttons=buttons)
        return [SlotSet("proposed_steps", [step.id for step in steps]), set_pending("steps")]


class ActionConfirmStep(Action):
    """Put the chosen step in the plan and say the plan back."""

    def name(self) -> str:
        """Action name."""
        return "action_confirm_step"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Confirm the plan, or ask which step was meant."""
        step_id = next(tracker.get_latest_entity_values("step"), None)
        offered = slot_list(tracker, "proposed_steps")
        step = (step_by_id(step_id) if step_id else None) or match_step(latest_text(tracker), offered)
        if step is None:
            dispatcher.utter_message(response="utter_step_not_understood")
            return []
        dispatcher.utter_message(response="utter_plan_summary", plan_step_label=step.label)
        parked = slot_list(tracker, "parked_objections")
        if parked:
            dispatcher.utter_message(response="utter_plan_parked", objection=parked[-1])
        return [
            SlotSet("plan_step", step.id),
            SlotSet("plan_step_label", step.label),
            SlotSet("plan_set_on", dt.date.today().isoformat()),
            set_pending("none"),
        ]
