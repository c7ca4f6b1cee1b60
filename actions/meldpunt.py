"""Where to voice worries: the meldpunt / sociaal wijkteam of the person's municipality."""

from __future__ import annotations

from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import BaseAction, Named
from actions.places import resolve_place
from bot.store.db import default_engine, session_scope
from bot.store.places import find_meldpunt


class ValidateMunicipalityForm(Named, FormValidationAction):
    """Recognise the municipality (or place) in the answer; ask back when it is unknown or ambiguous."""

    action_name = "validate_municipality_form"

    def validate_municipality(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        """Map the answer to a municipality."""
        return resolve_place(slot_value, dispatcher, tracker)


class ActionShowMeldpunt(BaseAction):
    """Show the meldpunt of the municipality from the database, or the general route."""

    action_name = "action_show_meldpunt"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Send the contact details."""
        code = tracker.get_slot("municipality_code")
        meldpunt = None
        if code:
            with session_scope(default_engine()) as session:
                meldpunt = find_meldpunt(session, code)
        if meldpunt is None:
            dispatcher.utter_message(response="utter_meldpunt_unknown")
        else:
            dispatcher.utter_message(
                response="utter_meldpunt",
                buttons=[{"title": "Geef het via deze chat door", "payload": "/make_report"}],
                municipality_name=meldpunt.municipality,
                meldpunt_name=meldpunt.name,
                meldpunt_phone=meldpunt.phone,
                meldpunt_website=meldpunt.website,
                meldpunt_hours=meldpunt.opening_hours,
            )
        if tracker.get_slot("role") in ("other", "professional"):
            dispatcher.utter_message(response="utter_other_menu")
        return []
