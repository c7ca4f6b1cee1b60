"""The short De Jong Gierveld scale: validate each answer, then score and explain gently."""

from __future__ import annotations

from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction, Named
from actions.common import previous_reply, set_pending, slot_validator
from actions.summary import offer_next_phase
from bot.conversation.scale import ITEMS, parse_answer, score


def _validate_item(
    slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    answer = parse_answer(value) if isinstance(value, str) else None
    if answer is None:
        # Never the same words twice in a row: the second time, offer to stop and just talk.
        again = "utter_scale_invalid" in previous_reply(tracker)
        dispatcher.utter_message(response="utter_scale_invalid_again" if again else "utter_scale_invalid")
    return {slot: answer}


class ValidateLonelinessScaleForm(Named, FormValidationAction):
    """Map each typed answer to "ja", "min of meer" or "nee", and ask again kindly otherwise.

    rasa_sdk calls `validate_<slot>` for the slot the form just asked; all six share one rule.
    """

    action_name = "validate_loneliness_scale_form"

    # rasa_sdk looks up `validate_<slot>` by name; one rule serves all six items.
    validate_scale_q1 = slot_validator("scale_q1", _validate_item)
    validate_scale_q2 = slot_validator("scale_q2", _validate_item)
    validate_scale_q3 = slot_validator("scale_q3", _validate_item)
    validate_scale_q4 = slot_validator("scale_q4", _validate_item)
    validate_scale_q5 = slot_validator("scale_q5", _validate_item)
    validate_scale_q6 = slot_validator("scale_q6", _validate_item)


class ActionScoreScale(BaseAction):
    """Score the six answers exactly as in facts.md and let the subscales steer the next phase."""

    action_name = "action_score_scale"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Explain the result, keep only the scores, and ask whether the person recognises it."""
        answers = {item: tracker.get_slot(item) for item in ITEMS}
        try:
            result = score(answers)
        except ValueError:
            dispatcher.utter_message(response="utter_scale_stopped")
            return [SlotSet(item, None) for item in ITEMS]
        dispatcher.utter_message(response=f"utter_scale_result_{result.band}", scale_total=result.total)
        # Existential loneliness (the feeling of not mattering) is not measured by the scale: a kind the
        # listening found or the person chose stays, and the scale does not overwrite it.
        existential = tracker.get_slot("loneliness_type") == "existential"
        keep_kind = existential or bool(tracker.get_slot("kind_confirmed"))
        if existential:
            dispatcher.utter_message(response="utter_scale_existential_note")
        if result.leading_type == "emotional":
            dispatcher.utter_message(response="utter_scale_emotional", scale_emotional=result.emotional)
        elif result.leading_type == "social":
            dispatcher.utter_message(response="utter_scale_social", scale_social=result.social)
        else:
            dispatcher.utter_message(response="utter_scale_recognise")
        # A pause: the person says whether they recognise it before anything else is offered.
        events: list[EventType] = [
            SlotSet("scale_total", float(result.total)),
            SlotSet("scale_emotional", float(result.emotional)),
            SlotSet("scale_social", float(result.social)),
            SlotSet("scale_band", result.band),
            set_pending("scale_result"),
        ]
        if result.leading_type is not None and not keep_kind:
            events.append(SlotSet("loneliness_type", result.leading_type))
        # The separate answers are not needed any more; only the scores are kept.
        events += [SlotSet(item, None) for item in ITEMS]
        return events


class ActionScaleRecognised(BaseAction):
    """The person recognises the scale's result: thank, and offer the next phase."""

    action_name = "action_scale_recognised"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Thank and offer the next phase that was not declined."""
        dispatcher.utter_message(response="utter_scale_recognised")
        return offer_next_phase(dispatcher, tracker)
