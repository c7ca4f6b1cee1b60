"""Small first steps: propose a few that fit, let the person choose, and make a plan with who and when."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction, Named
from actions.common import latest_text, previous_reply, set_pending, slot_list
from bot.conversation.cards import card_payload
from bot.conversation.network_map import NetworkMap
from bot.conversation.person_needs import PersonNeeds, read_needs
from bot.conversation.plan import (
    OBSTACLE_TIPS,
    WHEN_UNSURE,
    Plan,
    companion_buttons,
    plan_card,
    read_companion,
    read_follow_up,
    read_obstacle,
    read_when,
)
from bot.conversation.steps import SmallStep, match_step, match_title, propose_steps, step_by_id
from bot.socialmap.activity_match import when_text
from bot.store.activities import FoundActivity, find_by_source_id
from bot.store.db import default_engine, session_scope

ACTIVITY_PREFIX = "activity:"
PLAN_ANSWER_SLOTS = ("plan_when", "plan_with", "plan_obstacle", "plan_follow_up")


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


def user_texts(tracker: Tracker) -> list[str]:
    """The person's messages in this conversation (read for needs, never stored)."""
    return [str(event.get("text") or "") for event in tracker.events if event.get("event") == "user"]


def person_needs(tracker: Tracker) -> PersonNeeds:
    """What steps must fit: the needs kept so far plus those in this conversation's messages."""
    known = PersonNeeds.from_slot(tracker.get_slot("person_needs"))
    return read_needs(user_texts(tracker), slot_list(tracker, "causes"), known)


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
        needs = person_needs(tracker)
        steps = propose_steps(
            tracker.get_slot("loneliness_type"),
            slot_list(tracker, "interests"),
            slot_list(tracker, "causes"),
            exclude=slot_list(tracker, "failed_steps"),
            needs=needs,
            network=NetworkMap.from_slot(tracker.get_slot("network_map")),
        )
        buttons = [{"title": step.label, "payload": choose_payload(step)} for step in steps]
        buttons.append({"title": "Zoek iets bij mij in de buurt", "payload": "/find_activity"})
        buttons.append({"title": "Nu nog niet", "payload": "/deny"})
        dispatcher.utter_message(response="utter_propose_steps", buttons=buttons)
        return [
            SlotSet("proposed_steps", [step.id for step in steps]),
            SlotSet("found_activities", []),
            SlotSet("person_needs", needs.as_slot()),
            set_pending("steps"),
        ]


class ActionConfirmStep(BaseAction):
    """Put the chosen step in the plan; the plan questions (when, with whom, ...) follow."""

    action_name = "action_confirm_step"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Say the chosen step back and start the plan form, or ask which step was meant."""
        step_id = next(tracker.get_latest_entity_values("step"), None)
        offered_activities = slot_list(tracker, "found_activities")
        not_understood: list[EventType] = [SlotSet("plan_asking", False)]
        if (step_id or "").startswith(ACTIVITY_PREFIX) or (not step_id and offered_activities):
            chosen = activity_choice(step_id, latest_text(tracker), offered_activities)
            if chosen is None:
                dispatcher.utter_message(response="utter_step_not_understood")
                return not_understood
            plan_id, label = ACTIVITY_PREFIX + chosen.source_id, activity_label(chosen)
        else:
            offered = slot_list(tracker, "proposed_steps")
            step = (step_by_id(step_id) if step_id else None) or match_step(latest_text(tracker), offered)
            if step is None:
                dispatcher.utter_message(response="utter_step_not_understood")
                return not_understood
            plan_id, label = step.id, step.label
        dispatcher.utter_message(response="utter_step_chosen", plan_step_label=label)
        return [
            SlotSet("plan_step", plan_id),
            SlotSet("plan_step_label", label),
            SlotSet("plan_set_on", dt.date.today().isoformat()),
            # A new plan: its questions are asked again.
            *(SlotSet(slot, None) for slot in PLAN_ANSWER_SLOTS),
            SlotSet("plan_asking", True),
            set_pending("none"),
        ]


def _asked_again(tracker: Tracker, response: str) -> bool:
    return response in previous_reply(tracker)


class ValidatePlanForm(Named, FormValidationAction):
    """Turn each plan answer into fixed words or a code; nothing typed is kept as it was typed."""

    action_name = "validate_plan_form"

    def validate_plan_when(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """A day, a part of the day or a phrase such as "volgende week"; asked again once."""
        if value is None:
            return {"plan_when": None}  # emptied when a new step was chosen: nothing was answered yet
        when = read_when(value) if isinstance(value, str) else None
        if when is None:
            if _asked_again(tracker, "utter_plan_when_invalid"):
                return {"plan_when": WHEN_UNSURE}
            dispatcher.utter_message(response="utter_plan_when_invalid")
        return {"plan_when": when}

    def validate_plan_with(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """Who comes along or helps, as a code (a name typed anyway is not kept)."""
        return {"plan_with": read_companion(value) if isinstance(value, str) else None}

    def validate_plan_obstacle(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """What could get in the way, as a code."""
        return {"plan_obstacle": read_obstacle(value) if isinstance(value, str) else None}

    def validate_plan_follow_up(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """Yes or no; unclear twice counts as no (the assistant never asks about it uninvited)."""
        if value is None:
            return {"plan_follow_up": None}  # emptied when a new step was chosen: nothing was answered yet
        answer = read_follow_up(value) if isinstance(value, str) else None
        if answer is None:
            if _asked_again(tracker, "utter_plan_follow_up_invalid"):
                return {"plan_follow_up": False}
            dispatcher.utter_message(response="utter_plan_follow_up_invalid")
        return {"plan_follow_up": answer}


class ActionAskPlanWith(BaseAction):
    """Ask who can come along or help, with the circles of the person's network map first."""

    action_name = "action_ask_plan_with"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Send the question with buttons."""
        network = NetworkMap.from_slot(tracker.get_slot("network_map"))
        dispatcher.utter_message(response="utter_ask_plan_with", buttons=companion_buttons(network))
        return []


class ActionShowPlan(BaseAction):
    """Say the plan back with a tip for what may get in the way, and send it as a card."""

    action_name = "action_show_plan"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """The plan in words, a tip, and the card (no names, no dates of the person)."""
        done: list[EventType] = [SlotSet("plan_asking", False), set_pending("none")]
        plan = Plan.from_slots(tracker.current_slot_values())
        if plan is None:
            return done
        dispatcher.utter_message(
            response="utter_plan_summary",
            plan_when_label=plan.when_label,
            plan_with_label=plan.companion_label,
        )
        tip = OBSTACLE_TIPS.get(plan.obstacle) if plan.obstacle else None
        if tip:
            dispatcher.utter_message(response=tip)
        card = card_payload(plan_card(plan))
        follow_up = "utter_plan_card_follow_up" if plan.follow_up else "utter_plan_card_no_follow_up"
        dispatcher.utter_message(response=follow_up, json_message=card)
        if tracker.get_slot("return_permission") and slot_list(tracker, "resistance_sources"):
            # Only with the person's permission does the assistant come back to what held them back.
            dispatcher.utter_message(response="utter_plan_parked")
        return done
