"""Resistance: hear where it comes from, say it back in own words, and come back only with permission."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import latest_text, set_pending, slot_list
from bot.conversation.resistance import SOURCES, read_source

MAX_SOURCES = 5
# The buttons that ask where the resistance comes from, when the message does not say it.
SOURCE_BUTTONS = (
    ("Ik weet niet of het lukt", "onzeker"),
    ("Ik denk niet dat het helpt", "geen_zin"),
    ("Ik heb er slechte ervaringen mee", "slechte_ervaring"),
    ("Ik ben tevreden zoals het is", "tevreden"),
)


def source_buttons() -> list[dict[str, str]]:
    """The choice of sources as buttons (the payload names the source as an entity)."""
    return [
        {"title": title, "payload": '/resistance{"source": "' + source + '"}'}
        for title, source in SOURCE_BUTTONS
    ]


class ActionParkObjection(BaseAction):
    """Acknowledge resistance without pushing: name its source in own words, or ask it gently.

    Nothing the person wrote is quoted back or stored; only the label of the source is kept (for a
    later look-back and, with consent, the handover summary). Contentment is accepted as it is.
    """

    action_name = "action_park_objection"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Reflect the source, or ask for it, and ask permission to come back to it later."""
        source = next(tracker.get_latest_entity_values("source"), None)
        if source not in SOURCES:
            source = read_source(latest_text(tracker))
        if source is None:
            if tracker.get_slot("pending_question") == "resistance_source":
                # Asked already: do not ask again; accept and leave the door open.
                dispatcher.utter_message(response="utter_resistance_accept")
                return [set_pending("none")]
            dispatcher.utter_message(response="utter_resistance_ask_source", buttons=source_buttons())
            return [set_pending("resistance_source")]
        sources = slot_list(tracker, "resistance_sources")
        if source not in sources:
            sources = [*sources, source][-MAX_SOURCES:]
        dispatcher.utter_message(response=f"utter_resistance_{source}")
        events: list[EventType] = [SlotSet("resistance_sources", sources)]
        if source == "tevreden":
            # Contentment is not an objection: nothing is parked and nothing comes back.
            return [*events, set_pending("none")]
        dispatcher.utter_message(response="utter_ask_return_permission")
        return [*events, set_pending("return_permission")]


class ActionReturnPermission(BaseAction):
    """The person allows the assistant to come back to it later."""

    action_name = "action_return_permission"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Remember the permission and go on listening."""
        dispatcher.utter_message(response="utter_return_agreed")
        return [SlotSet("return_permission", True), set_pending("none")]
