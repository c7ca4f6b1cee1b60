"""A melding to the meldpunt: consent first, only what helps, stored with an outbox, a meldcode back."""

from __future__ import annotations

import logging
import re
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.base import BaseAction, Named
from actions.common import latest_text, set_pending
from actions.places import validate_place_answer
from bot.escalation.quota import melding_quota
from bot.escalation.settings import DeliverySettings
from bot.store.db import default_engine, session_scope
from bot.store.meldingen import CODE_ALPHABET, CODE_LENGTH, NewMelding
from bot.store.models import Melding
from bot.store.places import find_meldpunt
from bot.store.quotas import TRY_LATER, status_within_budget, submit_melding
from bot.text import cut, normalise

MIN_DESCRIPTION_CHARS = 10
# The column sizes are the limits: a longer answer is cut (description) or asked again (contact).
MAX_DESCRIPTION_CHARS = int(Melding.__table__.c.description.type.length)
MAX_CONTACT_CHARS = int(Melding.__table__.c.contact_value.type.length)
# Said when the meldpunt's own number is not known (the municipality's general number).
GENERAL_NUMBER = "14 en het netnummer"
logger = logging.getLogger(__name__)
_PHONE = re.compile(r"^(\+31|0031|0)[1-9]\d{8}$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_CODE = re.compile(rf"\b([{CODE_ALPHABET}]{{{CODE_LENGTH}}})\b", re.IGNORECASE)
KNOWS = {"ja": "ja", "nee": "nee"}
STATUS_TEXT = {
    "held": "opgeslagen. Er wordt eerst even naar gekeken. Daarna gaat hij naar het meldpunt.",
    "new": "opgeslagen. Hij gaat zo snel mogelijk naar het meldpunt.",
    "delivered": "aangekomen bij het meldpunt. Daar heeft nog niemand hem opgepakt.",
    "picked_up": "opgepakt. Iemand van het meldpunt is ermee bezig.",
    "closed": "afgerond door het meldpunt.",
    "undeliverable": (
        "nog niet aangekomen: afleveren lukt nu niet. Bel het meldpunt gerust zelf via 14 en het netnummer."
    ),
}
MELDING_SLOTS = (
    "melding_consent",
    "melding_description",
    "melding_person_knows",
    "melding_contact",
    "melding_contact_value",
)


class ValidateMeldingForm(Named, FormValidationAction):
    """Ask only what applies; check each answer kindly."""

    action_name = "validate_melding_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """Stop after a no; ask "does the person know" only about someone else; a value only for contact."""
        if tracker.get_slot("melding_consent") is False:
            return []
        slots = list(domain_slots)
        if tracker.get_slot("role") not in ("other", "professional"):
            slots.remove("melding_person_knows")
        if tracker.get_slot("melding_contact") == "none":
            slots.remove("melding_contact_value")
        return slots

    def validate_melding_consent(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Yes or no; anything else is asked again."""
        return {"melding_consent": slot_value if isinstance(slot_value, bool) else None}

    def validate_municipality(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Recognise the place as elsewhere; an earlier recognised municipality is kept."""
        return validate_place_answer(slot_value, dispatcher, tracker)

    def validate_melding_description(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A few words at least; cut to 1,000 characters."""
        text = slot_value.strip() if isinstance(slot_value, str) else ""
        if len(text) < MIN_DESCRIPTION_CHARS:
            dispatcher.utter_message(response="utter_melding_description_short")
            return {"melding_description": None}
        return {"melding_description": cut(text, MAX_DESCRIPTION_CHARS)}

    def validate_melding_person_knows(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """ja, nee or onbekend."""
        cleaned = normalise(slot_value) if isinstance(slot_value, str) else ""
        words = cleaned.split()
        if "weet" in words or "geen idee" in cleaned:
            return {"melding_person_knows": "onbekend"}
        return {"melding_person_knows": KNOWS.get(words[0] if words else "", "onbekend")}

    def validate_melding_contact(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Yes (then the number or address is asked) or none; anything else is asked again."""
        return {"melding_contact": slot_value if slot_value in ("yes", "none", "phone", "email") else None}

    def validate_melding_contact_value(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A Dutch phone number or an e-mail address; which one it is sets the contact preference."""
        text = slot_value.strip() if isinstance(slot_value, str) else ""
        digits = re.sub(r"[\s().-]", "", text)
        if _PHONE.match(digits):
            return {"melding_contact_value": digits, "melding_contact": "phone"}
        if _EMAIL.match(text) and len(text) <= MAX_CONTACT_CHARS:
            return {"melding_contact_value": text, "melding_contact": "email"}
        dispatcher.utter_message(response="utter_melding_contact_value_invalid")
        return {"melding_contact_value": None}


class ActionSubmitMelding(BaseAction):
    """Store the melding (delivery follows from the outbox) and give the meldcode."""

    action_name = "action_submit_melding"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Respect a no; otherwise store and answer with the code. The typed details are cleared."""
        cleared = [SlotSet(name, None) for name in MELDING_SLOTS]
        if tracker.get_slot("melding_consent") is not True:
            dispatcher.utter_message(response="utter_melding_declined")
            return [*cleared, set_pending("none")]
        code_slot = tracker.get_slot("municipality_code")
        knows = tracker.get_slot("melding_person_knows")
        new = NewMelding(
            municipality_code=code_slot or "",
            about="other" if tracker.get_slot("role") in ("other", "professional") else "self",
            description=tracker.get_slot("melding_description") or "",
            person_knows={"ja": True, "nee": False}.get(knows or ""),
            contact_preference=contact
            if (contact := tracker.get_slot("melding_contact")) in ("phone", "email")
            else "none",
            contact_value=tracker.get_slot("melding_contact_value"),
        )
        phone = GENERAL_NUMBER
        try:
            with session_scope(default_engine()) as session:
                meldpunt = find_meldpunt(session, code_slot) if code_slot else None
                if meldpunt is None:
                    dispatcher.utter_message(
                        response="utter_melding_no_meldpunt",
                        municipality_name=tracker.get_slot("municipality") or "deze plaats",
                    )
                    return [*cleared, set_pending("none")]
                phone = meldpunt.phone or GENERAL_NUMBER
                webhook = DeliverySettings.from_env().webhook_url
                code, held = submit_melding(session, new, tracker.sender_id, melding_quota(), webhook)
        except SQLAlchemyError as error:
            # The error's text can hold what was reported; the type is enough to look further.
            logger.error("A melding could not be stored: %s", type(error).__name__)
            dispatcher.utter_message(response="utter_melding_not_saved", meldpunt_phone=phone)
            return [*cleared, set_pending("none")]
        dispatcher.utter_message(
            response="utter_melding_held" if held else "utter_melding_sent",
            melding_code=code,
            meldpunt_name=meldpunt.name,
        )
        return [*cleared, SlotSet("melding_code", code), set_pending("none")]


def code_in(text: str) -> str | None:
    """A meldcode in the text ("hoe staat het met melding k7qxm4?"), upper-cased, or None."""
    for match in _CODE.finditer(text):
        candidate = match.group(1).upper()
        if any(ch.isdigit() for ch in candidate):
            return candidate
    return None


class ActionMeldingStatus(BaseAction):
    """Tell the status of a melding by its meldcode, and nothing else."""

    action_name = "action_melding_status"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Look the code up; without a code, ask for it; over the budget, ask to try again later."""
        code = code_in(latest_text(tracker))
        if code is None:
            dispatcher.utter_message(response="utter_ask_melding_code")
            return []
        with session_scope(default_engine()) as session:
            status = status_within_budget(session, tracker.sender_id, code, melding_quota())
        if status is None or status == TRY_LATER:
            unknown, later = "utter_melding_status_unknown", "utter_melding_status_later"
            dispatcher.utter_message(response=later if status == TRY_LATER else unknown)
            return []
        dispatcher.utter_message(
            response="utter_melding_status", melding_code=code, melding_status_text=STATUS_TEXT[status]
        )
        return []
