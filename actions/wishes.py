"""Wishes, talents and what matters: ask, say the answers back, and remember them as interests."""

from __future__ import annotations

from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import BaseAction, Named
from actions.common import slot_list
from bot.conversation.listening import find_interests
from bot.conversation.say_back import says_nothing
from bot.conversation.wishes import WISH_SLOTS, said_back


class ValidateWishesForm(Named, FormValidationAction):
    """Ask what matters only when the loneliness is about meaning; ask talents once more, differently."""

    action_name = "validate_wishes_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """The form's questions; "what do you find important" for existential loneliness only."""
        if tracker.get_slot("loneliness_type") == "existential":
            return list(domain_slots)
        return [slot for slot in domain_slots if slot != "wish_values"]

    def validate_wish_talent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """After "nergens goed in", ask once what others would say the person is good at."""
        if says_nothing(value if isinstance(value, str) else None) and not tracker.get_slot(
            "talent_reframed"
        ):
            return {"wish_talent": None, "talent_reframed": True}
        return {"wish_talent": value}


class ActionSummariseWishes(BaseAction):
    """Say back what the person hopes, enjoys, is good at and values, and remember it as interests."""

    action_name = "action_summarise_wishes"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Summarise the wishes and talents in the assistant's own words."""
        interests = slot_list(tracker, "interests")
        answers: dict[str, str | None] = {}
        for slot in WISH_SLOTS:
            answer = tracker.get_slot(slot)
            answers[slot] = answer if isinstance(answer, str) else None
            if isinstance(answer, str):
                interests += [name for name in find_interests(answer) if name not in interests]
        address = "u" if tracker.get_slot("address") == "u" else "je"
        lines = said_back(answers, interests, address)
        if lines:
            text = "\n".join(f"- {line}" for line in lines)
            dispatcher.utter_message(response="utter_wishes_said_back", wishes_text=text)
        else:
            dispatcher.utter_message(response="utter_wishes_summary_general")
        return [SlotSet("interests", interests)]
