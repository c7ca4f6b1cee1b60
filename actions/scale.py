"""The short De Jong Gierveld scale: validate each answer, then score and explain gently."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import set_pending
from bot.scale import ITEMS, parse_answer, score


def _validate_item(slot: str, value: Any, dispatcher: CollectingDispatcher) -> dict[str, Any]:
    answer = parse_answer(value) if isinstance(value, str) else None
    if answer is None:
        dispatcher.utter_message(response="utter_scale_invalid")
    return {slot: answer}


class ValidateLonelinessScaleForm(FormValidationAction):
    """Map each typed answer to "ja", "min of meer" or "nee", and ask again kindly otherwise."""

    def name(self) -> str:
        """Action name."""
        return "validate_loneliness_scale_form"

    async def validate(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Validate the slot the form just asked for."""
        events: list[EventType] = []
        for slot, value in tracker.slots_to_validate().items():
            if slot in ITEMS:
                result = _validate_item(slot, value, dispatcher)
                events += [SlotSet(name, answer) for name, answer in result.items()]
        return events


class ActionScoreScale(Action):
    """Score the six answers exactly as in facts.md and let the subscales steer the next phase."""

    def name(self) -> str:
        """Action name."""
        return "action_score_scale"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Explain the result, keep only the scores, and offer wishes and talents."""
        answers = {item: tracker.get_slot(item) for item in ITEMS}
        try:
            result = score(answers)
        except ValueError:
            dispatcher.utter_message(response="utter_scale_stopped")
            return [SlotSet(item, None) for item in ITEMS]
        dispatcher.utter_message(response=f"utter_scale_result_{result.band}", scale_total=result.total)
        if result.leading_type == "emotional":
            dispatcher.utter_message(response="utter_scale_emotional", scale_emotional=result.emotional)
        elif result.leading_type == "social":
            dispatcher.utter_message(response="utter_scale_social", scale_social=result.social)
        dispatcher.utter_message(response="utter_scale_not_diagnosis")
        dispatcher.utter_message(response="utter_offer_wishes")
        events: list[EventType] = [
            SlotSet("scale_total", float(result.total)),
            SlotSet("scale_emotional", float(result.emotional)),
            SlotSet("scale_social", float(result.social)),
            SlotSet("scale_band", result.band),
            set_pending("wishes"),
        ]
        if result.leading_type is not None:
            events.append(SlotSet("loneliness_type", result.leading_type))
        # The separate answers are not needed any more; only the scores are kept.
        events += [SlotSet(item, None) for item in ITEMS]
        return events
