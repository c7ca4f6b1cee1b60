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
from actions.network import offer_network_map
from actions.other_person import other_turn
from bot.conversation.listening import find_duration, find_interests
from bot.conversation.reading import read_message
from bot.conversation.reflection import answer, open_question, reflect
from bot.conversation.summary import summary_due, summary_text

# Questions in which the person asks what to do: then the summary (and after it an offer) comes now.
ASKS_WHAT_TO_DO = ("what_can_i_do", "tip")
# People whose loss the summary names ("het verlies van je man").
MISSED_PEOPLE = ("partner", "children", "parents", "friends")


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
        current_kind = tracker.get_slot("loneliness_type")
        # A kind the person chose stays; the listening only guesses while nothing was chosen.
        kind = current_kind if tracker.get_slot("kind_confirmed") else reading.kind(current_kind)
        isolated = bool(tracker.get_slot("social_isolation")) or reading.isolation
        interests = slot_list(tracker, "interests")
        interests += [name for name in find_interests(text) if name not in interests]
        turns = int(tracker.get_slot("listen_turns") or 0) + 1

        lost = [word for key, word in reading.people if key in MISSED_PEOPLE]
        lost_person = tracker.get_slot("lost_person") or (lost[0] if "loss" in new_causes and lost else None)
        learned: dict[str, Any] = {
            "lost_person": lost_person,
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
            # About someone else: what they saw, how it is for them, then what fits (or a case consultation).
            # What is told about the other person goes to the worry slots, not to this person's own.
            return other_turn(dispatcher, tracker, reading)

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

        events = self._next_step(dispatcher, tracker, reading, learned, address)
        return self._changed(tracker, learned) + events

    @staticmethod
    def _next_step(
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        reading: Any,
        learned: dict[str, Any],
        address: str,
    ) -> list[EventType]:
        """After the reflection: a summary, one open question, or an offer — the person leads.

        There is no fixed number of turns. Before any offer the assistant says back what it heard and
        asks whether that is right; an offer the person talked past is not repeated unasked, and a "nee"
        holds for the whole conversation.
        """
        turns = int(learned["listen_turns"])
        asked = slot_list(tracker, "listen_asked")
        if learned.get("role") == "self" and tracker.get_slot("role") != "self":
            # The role changes with this very message, after which the replies are already written for
            # the old one: leave out the questions that have a text per role ("bij die persoon").
            asked += ["utter_ask_duration", "utter_ask_what_happened"]
        if tracker.get_slot("asked_cause"):
            asked.append("utter_ask_what_happened")
        known_duration = learned["duration"] is not None
        kind = learned["loneliness_type"]
        question = open_question(reading, asked, known_duration, bool(learned["causes"]), kind)
        asks_what_to_do = reading.question in ASKS_WHAT_TO_DO
        summarised_at = tracker.get_slot("summary_at")
        confirmed = bool(tracker.get_slot("summary_confirmed"))
        due = summary_due(
            turns,
            int(summarised_at) if summarised_at is not None else None,
            bool(learned["causes"]),
            asks_what_to_do,
            question is not None,
        )
        if not confirmed and due:
            people = [word for key, word in reading.people if key in MISSED_PEOPLE]
            if tracker.get_slot("lost_person"):
                people = [tracker.get_slot("lost_person")]
            summary = summary_text(
                learned["causes"], learned["duration"], bool(learned["social_isolation"]), address, people
            )
            dispatcher.utter_message(response="utter_listen_summary", summary=summary)
            return [SlotSet("summary_at", float(turns)), set_pending("summary")]
        offered = slot_list(tracker, "offered")
        offer = next_offer(tracker) if confirmed else None
        if offer is not None and (asks_what_to_do or offer not in offered):
            dispatcher.utter_message(response=OFFER_RESPONSE[offer])
            return [SlotSet("offered", sorted({*offered, offer})), set_pending(offer)]
        if question == "utter_ask_who_still_there" and not tracker.get_slot("network_map"):
            # "Wie is er nog wel?" as a simple map of four circles, if the person wants it.
            learned["listen_asked"] = [*slot_list(tracker, "listen_asked"), question]
            return offer_network_map(dispatcher)
        if question is not None:
            dispatcher.utter_message(response=question)
            learned["listen_asked"] = [*slot_list(tracker, "listen_asked"), question]
            pending = tracker.get_slot(PENDING)
            events: list[EventType] = [set_pending("none")] if pending not in (None, "none") else []
            if question == "utter_ask_what_happened":
                events.append(SlotSet("asked_cause", True))
            return events
        # Everything was asked, offered or declined: no new offer, the door stays open.
        dispatcher.utter_message(response="utter_ok_listen")
        return []

    @staticmethod
    def _changed(tracker: Tracker, learned: dict[str, Any]) -> list[EventType]:
        # Only what changed: every event is stored and read back on each later turn.
        return [SlotSet(name, value) for name, value in learned.items() if tracker.get_slot(name) != value]
