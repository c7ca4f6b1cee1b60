"""Listening: reflect what the person tells, remember causes and kind, ask one open question."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import OFFER_RESPONSE, latest_intent, latest_text, next_offer, set_pending, slot_list
from bot.conversation.listening import (
    find_causes,
    find_duration,
    find_interests,
    infer_type,
    signals_isolation,
)

# After this many listening turns the assistant offers the next phase instead of another question.
MAX_LISTEN_TURNS = 3


class ActionListenReflect(BaseAction):
    """One listening turn: reflect, remember, and ask the next open question or offer the next phase."""

    action_name = "action_listen_reflect"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Reflect the latest message and steer the conversation gently."""
        text = latest_text(tracker)
        intent = latest_intent(tracker)
        known_causes = slot_list(tracker, "causes")
        found_causes = find_causes(text)
        new_causes = [cause for cause in found_causes if cause not in known_causes]
        causes = known_causes + new_causes
        duration = find_duration(text) if intent == "tell_duration" or found_causes == [] else None
        duration = duration or tracker.get_slot("duration")
        kind = infer_type(text, new_causes, tracker.get_slot("loneliness_type"))
        isolated = bool(tracker.get_slot("social_isolation")) or signals_isolation(text)
        interests = slot_list(tracker, "interests")
        interests += [name for name in find_interests(text) if name not in interests]
        turns = int(tracker.get_slot("listen_turns") or 0) + 1

        learned = {
            "causes": causes,
            "duration": duration,
            "loneliness_type": kind,
            "social_isolation": isolated,
            "interests": interests,
            "listen_turns": turns,
        }
        # Only what changed: every event is stored and read back on each later turn.
        events: list[EventType] = [
            SlotSet(name, value) for name, value in learned.items() if tracker.get_slot(name) != value
        ]

        if tracker.get_slot("role") in ("other", "professional"):
            dispatcher.utter_message(response="utter_reflect_other")
            dispatcher.utter_message(response="utter_other_menu")
            return events

        dispatcher.utter_message(response=self._reflection(intent, new_causes, text, duration))

        if duration is None and turns < MAX_LISTEN_TURNS:
            dispatcher.utter_message(response="utter_ask_duration")
        elif not causes and not tracker.get_slot("asked_cause") and turns < MAX_LISTEN_TURNS:
            dispatcher.utter_message(response="utter_ask_what_happened")
            events.append(SlotSet("asked_cause", True))
        else:
            offer = next_offer(tracker)
            dispatcher.utter_message(response=OFFER_RESPONSE[offer])
            events.append(set_pending(offer))
        return events

    @staticmethod
    def _reflection(intent: str | None, new_causes: list[str], text: str, duration: str | None) -> str:
        if new_causes:
            return f"utter_reflect_cause_{new_causes[0]}"
        if intent == "tell_duration" and duration:
            return f"utter_reflect_duration_{duration}"
        if signals_isolation(text):
            return "utter_reflect_isolation"
        if intent == "feel_sad":
            return "utter_reflect_sad"
        return "utter_reflect_lonely"
