"""Wishes and talents: turn the three open answers into interests the small steps can use."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import slot_list
from bot.conversation.listening import find_interests

WISH_SLOTS = ("wish_enjoy", "wish_talent", "wish_at_ease")


def join_dutch(items: list[str]) -> str:
    """Join words the Dutch way: "a", "a en b", "a, b en c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


class ActionSummariseWishes(BaseAction):
    """Say back what the person enjoys, and remember it as interests."""

    action_name = "action_summarise_wishes"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Summarise the wishes and talents."""
        interests = slot_list(tracker, "interests")
        for slot in WISH_SLOTS:
            answer = tracker.get_slot(slot)
            if isinstance(answer, str):
                interests += [name for name in find_interests(answer) if name not in interests]
        if interests:
            dispatcher.utter_message(response="utter_wishes_summary", interests_text=join_dutch(interests))
        else:
            dispatcher.utter_message(response="utter_wishes_summary_general")
        return [SlotSet("interests", interests)]
