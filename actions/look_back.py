"""Looking back and forward: an open question about the chosen step first, then build on it."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import latest_intent, latest_text, previous_reply, set_pending, slot_list
from actions.summary import address_of
from bot.conversation.reading import read_message
from bot.conversation.reflection import reflect
from bot.text import normalise

REPLIES = {
    "step_went_well": "utter_look_back_well",
    "step_went_badly": "utter_look_back_badly",
    "step_not_done": "utter_look_back_not_done",
}
# How the step went, read from a typed answer when the intent model did not place it; in this order.
_OUTCOMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "step_not_done",
        re.compile(
            r"\b(nog niet|niet (aan )?toe ?gekomen|kwam er niet van|niet gedaan|niet gegaan|niet durven|"
            r"durfde (het )?toch niet|"
            r"durfde (het )?niet|niet geweest|vergeten|uitgesteld|niet gelukt om te gaan)"
        ),
    ),
    (
        "step_went_badly",
        re.compile(
            r"\b(viel tegen|tegenvallen|niet leuk|vervelend|niemand (sprak|zei)|voelde me (er )?niet thuis|"
            r"ongemakkelijk|saai|teleurgesteld|ging niet goed|slecht|nare|afgewezen)"
        ),
    ),
    (
        "step_went_well",
        re.compile(
            r"\b(ging goed|goed gegaan|leuk|fijn|gezellig|gelukt|viel mee|heerlijk|blij|prima|aardig|"
            r"ik ben geweest|ik heb (het )?gedaan|gebeld)"
        ),
    ),
)


def read_outcome(text: str) -> str | None:
    """How the step went, from the person's own words, or None when the message does not say."""
    cleaned = normalise(text)
    return next((outcome for outcome, pattern in _OUTCOMES if pattern.search(cleaned)), None)


class ActionLookBackOpen(BaseAction):
    """The first message of a new session with a plan: listen to it, then ask openly how it went."""

    action_name = "action_look_back_open"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Reflect a personal first message, then the open look-back question."""
        reading = read_message(latest_text(tracker))
        if reading.disclosure:
            reflection = reflect(
                reading, list(reading.causes), latest_intent(tracker), None, address_of(tracker), False
            )  # type: ignore[arg-type]
            dispatcher.utter_message(response=reflection.response, **reflection.values)
        dispatcher.utter_message(response="utter_look_back")
        return [SlotSet("returning_visitor", False), set_pending("look_back")]


class ActionLookBackReply(BaseAction):
    """Answer how the step went: build on what went well; after a hard time, a smaller, other step."""

    action_name = "action_look_back_reply"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Reply to the look-back answer and offer a next (or smaller) step."""
        intent = latest_intent(tracker) or ""
        outcome = intent if intent in REPLIES else read_outcome(latest_text(tracker))
        if outcome is None and "utter_look_back_how" not in previous_reply(tracker):
            # Not clear yet: ask once more, now with the three answers as buttons.
            dispatcher.utter_message(response="utter_look_back_how")
            return [SlotSet("returning_visitor", False), set_pending("look_back")]
        outcome = outcome or "step_not_done"
        dispatcher.utter_message(response=REPLIES[outcome])
        events: list[EventType] = [SlotSet("returning_visitor", False), set_pending("steps")]
        plan_step = tracker.get_slot("plan_step")
        failed = slot_list(tracker, "failed_steps")
        if outcome != "step_went_well" and plan_step and plan_step not in failed:
            # "Kleiner" means a smaller step: never the same one again.
            events.append(SlotSet("failed_steps", [*failed, plan_step]))
        events.append(SlotSet("look_back_outcome", outcome))
        return events
