"""Listening: reflect what the person tells, answer their question, remember, ask one open question."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import (
    OFFER_RESPONSE,
    PENDING,
    latest_intent,
    latest_text,
    next_offer,
    set_pending,
    slot_list,
)
from bot.conversation.listening import find_duration, find_interests
from bot.conversation.reading import read_message
from bot.conversation.reflection import answer, open_question, reflect

# After this many listening turns the assistant offers the next phase instead of another question.
MAX_LISTEN_TURNS = 3


class ActionListenReflect(BaseAction):
    """One listening turn: reflect, answer a question, remember, then ask or offer the next phase."""

    action_name = "action_listen_reflect"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Reflect the latest message and steer the conversation gently."""
        text = latest_text(tracker)
        intent = latest_intent(tracker)
        reading = read_message(text)
        address = "u" if reading.address == "u" or tracker.get_slot("address") == "u" else "je"
        known_causes = slot_list(tracker, "causes")
        new_causes = [cause for cause in reading.causes if cause not in known_causes]
        causes = known_causes + new_causes
        duration = find_duration(text) if intent == "tell_duration" or not reading.causes else None
        duration = duration or tracker.get_slot("duration")
        kind = reading.kind(tracker.get_slot("loneliness_type"))
        isolated = bool(tracker.get_slot("social_isolation")) or reading.isolation
        interests = slot_list(tracker, "interests")
        interests += [name for name in find_interests(text) if name not in interests]
        turns = int(tracker.get_slot("listen_turns") or 0) + 1
        asked = slot_list(tracker, "listen_asked")
        if tracker.get_slot("asked_cause"):
            asked.append("utter_ask_what_happened")

        learned: dict[str, Any] = {
            "causes": causes,
            "duration": duration,
            "loneliness_type": kind,
            "social_isolation": isolated,
            "interests": interests,
            "listen_turns": turns,
        }

        role = tracker.get_slot("role")
        if role == "other" and reading.own_loneliness:
            # Someone who came for another person now tells about themselves: listen to them.
            role = learned["role"] = "self"
        if role in ("other", "professional"):
            dispatcher.utter_message(response="utter_reflect_other")
            dispatcher.utter_message(response="utter_other_menu")
            return self._changed(tracker, learned)

        reflection = reflect(
            reading, new_causes, intent, duration, address, turns > 1, interests=find_interests(text)
        )
        dispatcher.utter_message(response=reflection.response, **reflection.values)
        reply = answer(reading)
        if reply is not None:
            dispatcher.utter_message(response=reply.response, **reply.values)
        if intent == "health_signal" and reading.health_signs:
            # Signals that may point to depression or memory problems: after listening, the huisarts.
            dispatcher.utter_message(response="utter_huisarts")
            return self._changed(tracker, learned)

        events: list[EventType] = []
        question = open_question(reading, asked, duration is not None, bool(causes))
        if turns < MAX_LISTEN_TURNS and question is not None:
            dispatcher.utter_message(response=question)
            learned["listen_asked"] = [*slot_list(tracker, "listen_asked"), question]
            if question == "utter_ask_what_happened":
                events.append(SlotSet("asked_cause", True))
        elif (offer := next_offer(tracker)) is not None and tracker.get_slot(PENDING) != offer:
            dispatcher.utter_message(response=OFFER_RESPONSE[offer])
            events.append(set_pending(offer))
        elif offer is not None:
            pass  # the person went on talking past this offer: listen, do not offer it again
        else:
            # Every offer was declined: no new offer, the door stays open.
            dispatcher.utter_message(response="utter_ok_listen")
        return self._changed(tracker, learned) + events

    @staticmethod
    def _changed(tracker: Tracker, learned: dict[str, Any]) -> list[EventType]:
        # Only what changed: every event is stored and read back on each later turn.
        return [SlotSet(name, value) for name, value in learned.items() if tracker.get_slot(name) != value]
