"""Possible risk (tier 2): one warm, direct check question, then the answer decides.

The question names 113 in one line and not 112. A clear "nee" is thanked and the conversation goes on
where it was: a form that was running asks its question again, with what was typed for it kept.
Anything else ("ja", "soms", "weet ik niet", no clear answer) gets the full crisis answer.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import PENDING, latest_text, set_pending
from actions.safety import crisis_answer
from bot.conversation.reading import read_message
from bot.conversation.reflection import heard_phrase
from bot.safety.check_answer import read_check_answer
from bot.safety.possible_risk import past_risk_told


class ActionRiskCheck(BaseAction):
    """Ask the check question; pause a running form and remember where the conversation was."""

    action_name = "action_risk_check"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Take in what was said, ask plainly about ending one's life now, and give 113."""
        text = latest_text(tracker)
        if past_risk_told(text):
            dispatcher.utter_message(response="utter_risk_check_past")
        else:
            reading = read_message(text)
            address = "u" if reading.address == "u" or tracker.get_slot("address") == "u" else "je"
            heard = heard_phrase(reading, address)
            if heard:
                dispatcher.utter_message(response="utter_risk_check_heard", heard=heard)
            else:
                dispatcher.utter_message(response="utter_risk_check")
        events: list[EventType] = [
            SlotSet("paused_form", tracker.active_loop_name),
            SlotSet("paused_pending", tracker.get_slot(PENDING)),
            set_pending("risk_check"),
        ]
        if tracker.active_loop_name:
            events += [ActiveLoop(None)]
            requested = tracker.get_slot("requested_slot")
            if requested:
                # The form already took this message as its answer; it was not one.
                events.append(SlotSet(str(requested), None))
        return events


class ActionRiskCheckAnswer(BaseAction):
    """A clear "nee": thanks, and back to where the conversation was. Anything else: the crisis answer."""

    action_name = "action_risk_check_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Read the answer to the check question."""
        resume: list[EventType] = [SlotSet("paused_form", None), SlotSet("paused_pending", None)]
        if read_check_answer(latest_text(tracker)) != "no":
            return [*resume, *crisis_answer(dispatcher, tracker)]
        dispatcher.utter_message(response="utter_risk_check_thanks")
        events: list[EventType] = [*resume, SlotSet("risk_checked", True)]
        form = tracker.get_slot("paused_form")
        if form:
            # The form is active again and asks its open question again; earlier answers are kept.
            # Without a requested slot, the "nee" itself is not taken as the answer to that question.
            return [*events, set_pending("none"), SlotSet("requested_slot", None), ActiveLoop(form)]
        pending = tracker.get_slot("paused_pending") or "none"
        return [*events, SlotSet(PENDING, pending)]
