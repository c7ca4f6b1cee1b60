"""The network map: ask who the person sees in four circles, then show the map as a card.

The listening flow offers it with `offer_network_map`; the intent `network_map` ("wie zijn er nog om me
heen?") or the button `/network_map` starts `network_map_form`. Only codes are kept, never names.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction, Named
from actions.common import previous_reply, set_pending, slot_validator
from bot.conversation.cards import card_payload
from bot.conversation.network_map import (
    CIRCLE_SLOTS,
    CIRCLES,
    CLOSENESS_LABELS,
    Closeness,
    NetworkMap,
    circle_names,
    network_card,
    read_closeness,
)

REFLECTIONS = {
    "nobody_close": "utter_network_map_nobody_close",
    "few_circles": "utter_network_map_few_circles",
    "spread": "utter_network_map_spread",
    "too_little": "utter_network_map_too_little",
}


def offer_network_map(dispatcher: CollectingDispatcher) -> list[EventType]:
    """Offer the network map (buttons "/network_map" and "/deny"); a "ja" then starts it."""
    dispatcher.utter_message(response="utter_offer_network_map")
    return [set_pending("network_map")]


def _validate_circle(
    slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    # A button sends the code itself (the entity "closeness"); a typed answer is read.
    if value in CLOSENESS_LABELS:
        closeness = value
    else:
        closeness = read_closeness(value) if isinstance(value, str) else None
    if closeness is None:
        if "utter_network_map_invalid" in previous_reply(tracker):
            # Never the same question a third time: this circle is left open.
            dispatcher.utter_message(response="utter_network_map_skip")
            return {slot: "skipped"}
        dispatcher.utter_message(response="utter_network_map_invalid")
    return {slot: closeness}


class ValidateNetworkMapForm(Named, FormValidationAction):
    """Read each answer as niemand / een paar, niet dichtbij / iemand dichtbij / sla over."""

    action_name = "validate_network_map_form"

    # rasa_sdk looks up `validate_<slot>` by name; one rule serves all four circles.
    validate_network_family = slot_validator("network_family", _validate_circle)
    validate_network_friends = slot_validator("network_friends", _validate_circle)
    validate_network_neighbourhood = slot_validator("network_neighbourhood", _validate_circle)
    validate_network_club = slot_validator("network_club", _validate_circle)


def map_from_form(tracker: Tracker) -> NetworkMap:
    """The map from the form's four slots."""
    answers: dict[Any, Closeness] = {}
    for circle in CIRCLES:
        value = tracker.get_slot(CIRCLE_SLOTS[circle])
        answers[circle] = value if value in ("none", "few", "close") else "skipped"
    return NetworkMap(answers)


class ActionShowNetworkMap(BaseAction):
    """Show the map as a card, ask what the person thinks of it, and keep only the codes."""

    action_name = "action_show_network_map"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Send the card and a tentative reflection; the kind hint becomes the guess to ask about."""
        network = map_from_form(tracker)
        card = card_payload(network_card(network))
        dispatcher.utter_message(response="utter_network_map_shown", json_message=card)
        shape = network.shape()
        if shape == "few_circles":
            dispatcher.utter_message(response=REFLECTIONS[shape], network_circles=circle_names(network.seen))
        else:
            dispatcher.utter_message(response=REFLECTIONS[shape])
        events: list[EventType] = [SlotSet("network_map", network.as_slot())]
        events += [SlotSet(slot, None) for slot in CIRCLE_SLOTS.values()]
        hint = network.kind_hint()
        current = tracker.get_slot("loneliness_type")
        # Only a guess to ask about: a kind the person chose, or existential loneliness, stays.
        if hint and not tracker.get_slot("kind_confirmed") and current != "existential":
            events.append(SlotSet("loneliness_type", hint))
        return [*events, set_pending("none")]
