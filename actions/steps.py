"""Small first steps: propose a few that fit, let the person choose, and summarise the plan."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import latest_text, set_pending, slot_list
from bot.conversation.steps import SmallStep, match_step, match_title, propose_steps, step_by_id
from bot.socialmap.activity_match import when_text
from bot.store.activities import FoundActivity, find_by_source_id
from bot.store.db import default_engine, session_scope

ACTIVITY_PREFIX = "activity:"


def activity_label(activity: FoundActivity) -> str:
    """How the plan names a chosen activity: title, place and when."""
    where = ", ".join(part for part in (activity.municipality, activity.neighbourhood) if part)
    example = " (voorbeeld)" if activity.is_example else ""
    return f"{activity.title}{example} in {where}, {when_text(activity).lower()}"


def activity_choice(step_id: str | None, text: str, offered: list[str]) -> FoundActivity | None:
    """The activity picked by a button (its id) or by typing ("de tweede", "die wandelgroep")."""
    with session_scope(default_engine()) as session:
        if step_id and step_id.startswith(ACTIVITY_PREFIX):
            return find_by_source_id(session, step_id[len(ACTIVITY_PREFIX) :])
        activities = [found for source_id in offered if (found := find_by_source_id(session, source_id))]
    index = match_title(text, [activity.title for activity in activities])
    return activities[index] if index is not None else None


def choose_payload(step: SmallStep) -> str:
    """The button payload that picks this step."""
    return "/choose_step" + json.dumps({"step": step.id})


class ActionProposeSteps(BaseAction):
    """Offer three small steps that fit the kind of loneliness, interests and causes."""

    action_name = "action_propose_steps"

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
            exclude=slot_list(tracker, "failed_steps"),
        )
        buttons = [{"title": step.label, "payload": choose_payload(step)} for step in steps]
        buttons.append({"title": "Zoek iets bij mij in de buurt", "payload": "/find_activity"})
        buttons.append({"title": "Nu nog niet", "payload": "/deny"})
        dispatcher.utter_message(response="utter_propose_steps", buttons=buttons)
        return [
            SlotSet("proposed_steps", [step.id for step in steps]),
            SlotSet("found_activities", []),
            set_pending("steps"),
        ]


class ActionConfirmStep(BaseAction):
    """Put the chosen step in the plan and say the plan back."""

    action_name = "action_confirm_step"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Confirm the plan, or ask which step was meant."""
        step_id = next(tracker.get_latest_entity_values("step"), None)
        offered_activities = slot_list(tracker, "found_activities")
        if (step_id or "").startswith(ACTIVITY_PREFIX) or (not step_id and offered_activities):
            chosen = activity_choice(step_id, latest_text(tracker), offered_activities)
            if chosen is None:
                dispatcher.utter_message(response="utter_step_not_understood")
                return []
            plan_id, label = ACTIVITY_PREFIX + chosen.source_id, activity_label(chosen)
        else:
            offered = slot_list(tracker, "proposed_steps")
            step = (step_by_id(step_id) if step_id else None) or match_step(latest_text(tracker), offered)
            if step is None:
                dispatcher.utter_message(response="utter_step_not_understood")
                return []
            plan_id, label = step.id, step.label
        dispatcher.utter_message(response="utter_plan_summary", plan_step_label=label)
        if tracker.get_slot("return_permission") and slot_list(tracker, "resistance_sources"):
            # Only with the person's permission does the assistant come back to what held them back.
            dispatcher.utter_message(response="utter_plan_parked")
        return [
            SlotSet("plan_step", plan_id),
            SlotSet("plan_step_label", label),
            SlotSet("plan_set_on", dt.date.today().isoformat()),
            set_pending("none"),
        ]
