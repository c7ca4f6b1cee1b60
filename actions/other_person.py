"""Someone worried about another person, or a volunteer or professional with a case: one turn each."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import PENDING, latest_text, set_pending
from bot.conversation.other_person import (
    plan_consult_turn,
    plan_worry_turn,
    read_worry,
    state_from_slots,
    state_to_slots,
)
from bot.conversation.reading import Reading, read_message


def previous_role(tracker: Tracker) -> str | None:
    """The role as it was before the latest message (its intent may have just set "other")."""
    events = list(tracker.events)
    latest_user = max((i for i, event in enumerate(events) if event.get("event") == "user"), default=None)
    if latest_user is None:
        return None
    for event in reversed(events[:latest_user]):
        if event.get("event") == "slot" and event.get("name") == "role":
            value = event.get("value")
            return value if isinstance(value, str) else None
    return None


def other_turn(dispatcher: CollectingDispatcher, tracker: Tracker, reading: Reading) -> list[EventType]:
    """One turn for someone who writes about another person: a worried person or a professional.

    A worried person is asked what they saw, how long, and how it is for them, before anything fitting
    is offered; a volunteer or professional gets a short case consultation with one tip for the phase.
    """
    text = latest_text(tracker)
    address = "u" if reading.address == "u" or tracker.get_slot("address") == "u" else "je"
    worry = read_worry(text, health_signs=reading.health_signs)
    events: list[EventType] = []
    role = tracker.get_slot("role")
    if role not in ("other", "professional"):
        # Writing about someone else without having said for whom they chat: now it is known.
        role = "professional" if worry.professional else "other"
        events.append(SlotSet("role", role))
    elif role == "other" and (previous_role(tracker) == "professional" or worry.professional):
        # "een cliënt van mij ..." is read as worry about someone; the one who asks stays a professional.
        role = "professional"
        events.append(SlotSet("role", role))
    state = state_from_slots(tracker.current_slot_values())
    if role == "professional":
        turn = plan_consult_turn(state, worry, address, text)
    else:
        turn = plan_worry_turn(state, worry, address)
    for response, values in turn.messages:
        dispatcher.utter_message(response=response, **values)
    # Only what changed: every event is stored and read back on each later turn.
    events += [
        SlotSet(name, value)
        for name, value in state_to_slots(turn.state).items()
        if tracker.get_slot(name) != value
    ]
    if tracker.get_slot(PENDING) not in (None, "none"):
        events.append(set_pending("none"))  # no yes/no question is open after this turn
    return events


class ActionOtherPerson(BaseAction):
    """Someone tells about another person: reflect, ask one question, or offer what fits."""

    action_name = "action_other_person"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Read the latest message and plan one turn for a worried person or a professional."""
        return other_turn(dispatcher, tracker, read_message(latest_text(tracker)))
