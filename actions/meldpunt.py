"""Where to voice worries: the meldpunt / sociaal wijkteam of the person's municipality."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.meldpunt import load_guide
from bot.text import cut

MAX_MUNICIPALITY_CHARS = 60


class ValidateMunicipalityForm(FormValidationAction):
    """Accept any short answer; the look-up decides whether the municipality is known."""

    def name(self) -> str:
        """Action name."""
        return "validate_municipality_form"

    def validate_municipality(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        """Keep a short, clean answer."""
        if not isinstance(slot_value, str) or not slot_value.strip():
            return {"municipality": None}
        return {"municipality": cut(slot_value.strip(), MAX_MUNICIPALITY_CHARS)}


class ActionShowMeldpunt(Action):
    """Show the meldpunt of the named municipality, or the general route."""

    def name(self) -> str:
        """Action name."""
        return "action_show_meldpunt"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Send the contact details."""
        meldpunt = load_guide().find(tracker.get_slot("municipality") or "")
        if meldpunt is None:
            dispatcher.utter_message(response="utter_meldpunt_unknown")
        else:
            dispatcher.utter_message(
                response="utter_meldpunt",
                municipality_name=meldpunt.municipality,
                meldpunt_name=meldpunt.name,
                meldpunt_phone=meldpunt.phone,
                meldpunt_website=meldpunt.website,
            )
        if tracker.get_slot("role") in ("other", "professional"):
            dispatcher.utter_message(response="utter_other_menu")
        return []
