"""Local activities: understand what the person looks for, ask what is missing, show the best three."""

from __future__ import annotations

import json
import re
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import BaseAction, Named
from actions.common import latest_text, set_pending, slot_list
from actions.places import gazetteer, validate_place_answer
from bot.conversation.listening import find_interests
from bot.socialmap.activity_match import EXAMPLE_NOTICE, Person, best_activities, describe
from bot.socialmap.activity_terms import DAY_NAMES, INTERESTS, day_from_text
from bot.store.activities import FoundActivity, search_activities
from bot.store.db import default_engine, session_scope
from bot.store.places import neighbour_codes
from bot.text import normalise

ANY_INTEREST = "alles"
_FREE = re.compile(
    r"\b(gratis|kost niks|kost niets|geen geld|weinig geld|niet duur|goedkoop|zonder kosten)\b"
)
_ANY = re.compile(r"\b(maakt niet uit|weet ik niet|weet niet|geen idee|alles|maakt me niet uit|verras me)\b")
ACTIVITY_PREFIX = "activity:"


def choose_payload(activity: FoundActivity) -> str:
    """The button payload that puts this activity in the plan (the same intent as a small step)."""
    return "/choose_step" + json.dumps({"step": ACTIVITY_PREFIX + activity.source_id})


def interest_from(text: str) -> str | None:
    """The first interest named in the text, or None."""
    found = find_interests(text)
    return found[0] if found else None


class ActionPrepareActivitySearch(BaseAction):
    """Read place, interest, day and cost from the request, so the form only asks what is missing."""

    action_name = "action_prepare_activity_search"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Fill what the request already says; keep a municipality named earlier."""
        text = latest_text(tracker)
        cleaned = normalise(text)
        events: list[EventType] = [SlotSet("place_tries", 0)]
        match = gazetteer().find(text)
        if match is not None and match.resolved is not None:
            events += [
                SlotSet("municipality", match.resolved.name),
                SlotSet("municipality_code", match.resolved.code),
            ]
        elif match is not None:
            # Ambiguous ("Hengelo"): the form's check asks which one is meant.
            events += [SlotSet("municipality", match.name), SlotSet("municipality_code", None)]
        elif tracker.get_slot("municipality_code"):
            municipality = gazetteer().by_code(tracker.get_slot("municipality_code"))
            events.append(SlotSet("municipality", municipality.name if municipality else None))
        else:
            events.append(SlotSet("municipality", None))
        interest = interest_from(text)
        searched_before = bool(slot_list(tracker, "found_activities"))
        if interest is None and _ANY.search(cleaned) is None and not searched_before:
            # A first search uses what the person told about their wishes; "iets anders" asks again.
            wished = slot_list(tracker, "interests")
            interest = wished[0] if wished else None
        events.append(SlotSet("activity_interest", interest))
        events.append(
            SlotSet("activity_day", DAY_NAMES[day] if (day := day_from_text(cleaned)) is not None else None)
        )
        events.append(SlotSet("activity_free", _FREE.search(cleaned) is not None))
        understood = understood_request(events)
        if understood:
            # Say back what was read, so that a misread place or day shows at once.
            dispatcher.utter_message(response="utter_activity_understood", understood=understood)
        return events


def understood_request(events: list[EventType]) -> str:
    """"In Groningen, op dinsdag, gratis": the place, day and cost read from the request, in Dutch."""
    slots = {event["name"]: event["value"] for event in events if event.get("event") == "slot"}
    parts = []
    if slots.get("municipality_code") and slots.get("municipality"):
        parts.append(f"In {slots['municipality']}")
    if slots.get("activity_day"):
        parts.append(f"op {slots['activity_day']}")
    if slots.get("activity_free"):
        parts.append("gratis")
    if parts and slots.get("activity_interest") and slots["activity_interest"] != ANY_INTEREST:
        parts.append(f"iets met {slots['activity_interest']}")
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


class ValidateActivityForm(Named, FormValidationAction):
    """Check the place and the interest of an activity search."""

    action_name = "validate_activity_form"

    def validate_municipality(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Map the answer to a municipality; a name already resolved is kept."""
        return validate_place_answer(slot_value, dispatcher, tracker)

    def validate_activity_interest(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """An interest from the list, or "alles" when the person does not mind."""
        if slot_value is None:
            return {"activity_interest": None}
        text = slot_value if isinstance(slot_value, str) else ""
        if text in INTERESTS or text == ANY_INTEREST:
            return {"activity_interest": text}
        interest = interest_from(text)
        if interest is not None:
            return {"activity_interest": interest}
        # Anything else ("weet ik niet", a free answer): search broadly rather than ask again.
        return {"activity_interest": ANY_INTEREST}


class ActionFindActivities(BaseAction):
    """Look up activities, rank them for this person and show the best three, or say honestly none fit."""

    action_name = "action_find_activities"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Search in the municipality, then without day/cost limits, then in neighbouring municipalities."""
        code = tracker.get_slot("municipality_code")
        reset = [
            SlotSet("activity_interest", None),
            SlotSet("activity_day", None),
            SlotSet("activity_free", None),
        ]
        if not code:
            dispatcher.utter_message(response="utter_activities_no_place")
            return [*reset, set_pending("none")]
        wanted = tracker.get_slot("activity_interest")
        interest = wanted if wanted in INTERESTS else None
        day_name = tracker.get_slot("activity_day")
        day = DAY_NAMES.index(day_name) if day_name in DAY_NAMES else None
        free_only = bool(tracker.get_slot("activity_free"))
        municipality = tracker.get_slot("municipality") or ""
        person = Person(
            loneliness_type=tracker.get_slot("loneliness_type"),
            interests=tuple(slot_list(tracker, "interests")),
            causes=tuple(slot_list(tracker, "causes")),
            wanted_interest=interest,
        )
        with session_scope(default_engine()) as session:
            found = search_activities(session, [code], interest, day, free_only)
            relaxed = not found and (day is not None or free_only)
            if relaxed:
                found = search_activities(session, [code], interest)
            nearby = False
            if not found:
                found = search_activities(session, neighbour_codes(session, code), interest, day, free_only)
                nearby = bool(found)
        what = interest or "iets"
        if not found:
            dispatcher.utter_message(
                response="utter_activities_none", municipality_name=municipality, interest=what
            )
            return [*reset, SlotSet("found_activities", []), set_pending("none")]
        if relaxed:
            dispatcher.utter_message(response="utter_activities_relaxed", municipality_name=municipality)
        elif nearby:
            dispatcher.utter_message(
                response="utter_activities_nearby", municipality_name=municipality, interest=what
            )
        chosen = best_activities(found, person)
        dispatcher.utter_message(response="utter_activities_intro", municipality_name=municipality)
        if any(activity.is_example for activity in chosen):
            dispatcher.utter_message(text=EXAMPLE_NOTICE)
        for number, activity in enumerate(chosen, start=1):
            dispatcher.utter_message(text=describe(activity, person, number))
        buttons = [
            {"title": f"Ik kies {number}: {activity.title}", "payload": choose_payload(activity)}
            for number, activity in enumerate(chosen, start=1)
        ]
        buttons += [
            {"title": "Iets anders zoeken", "payload": "/find_activity"},
            {"title": "Nu nog niet", "payload": "/deny"},
        ]
        dispatcher.utter_message(response="utter_activities_choose", buttons=buttons)
        return [
            *reset,
            SlotSet("found_activities", [activity.source_id for activity in chosen]),
            SlotSet("proposed_steps", []),
            set_pending("steps"),
        ]
