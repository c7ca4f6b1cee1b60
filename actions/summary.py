"""After the summary: ask which kind of loneliness fits (never state it), then offer the next phase."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import OFFER_RESPONSE, latest_intent, latest_text, next_offer, set_pending, slot_list
from bot.conversation.summary import kind_buttons, kind_guess, read_kind_answer


def address_of(tracker: Tracker) -> str:
    """The form of address: "u" when the person writes with "u", otherwise "je"."""
    return "u" if tracker.get_slot("address") == "u" else "je"


def offer_next_phase(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Offer the next phase that was not declined (the scale, wishes and talents, small steps)."""
    offer = next_offer(tracker)
    if offer is None:
        dispatcher.utter_message(response="utter_ok_listen")
        return [set_pending("none")]
    dispatcher.utter_message(response=OFFER_RESPONSE[offer])
    return [SlotSet("offered", sorted({*slot_list(tracker, "offered"), offer})), set_pending(offer)]


class ActionAskKind(BaseAction):
    """The summary was recognised: ask what the person misses most, with what was heard as a guess."""

    action_name = "action_ask_kind"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Ask the kind as a choice, or go on to an offer when the person chose it before."""
        events: list[EventType] = [SlotSet("summary_confirmed", True)]
        if tracker.get_slot("kind_confirmed"):
            return events + offer_next_phase(dispatcher, tracker)
        guess = tracker.get_slot("loneliness_type")
        phrase = kind_guess(guess, address_of(tracker))  # type: ignore[arg-type]
        if phrase is None:
            dispatcher.utter_message(response="utter_ask_kind", buttons=kind_buttons(None))
        else:
            dispatcher.utter_message(
                response="utter_ask_kind_guess", kind_guess=phrase, buttons=kind_buttons(guess)
            )
        return [*events, set_pending("kind")]


class ActionChooseKind(BaseAction):
    """Take the kind the person chose (a button, typed words, or "ja" to the guess) and go on."""

    action_name = "action_choose_kind"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Remember the chosen kind; an existential one first gets a question about meaning."""
        chosen = next(tracker.get_latest_entity_values("kind"), None)
        if chosen not in ("social", "emotional", "existential"):
            chosen = read_kind_answer(latest_text(tracker))
        if chosen is None and latest_intent(tracker) == "affirm":
            chosen = tracker.get_slot("loneliness_type")
        events: list[EventType] = [SlotSet("summary_confirmed", True)]
        if chosen is None:
            dispatcher.utter_message(response="utter_kind_no_name")
        else:
            dispatcher.utter_message(response="utter_kind_thanks")
            events += [SlotSet("loneliness_type", chosen), SlotSet("kind_confirmed", True)]
        asked = slot_list(tracker, "listen_asked")
        if chosen == "existential" and "utter_ask_meaning" not in asked:
            # Existential loneliness is about meaning: ask about it before anything is offered.
            dispatcher.utter_message(response="utter_ask_meaning")
            return [*events, SlotSet("listen_asked", [*asked, "utter_ask_meaning"]), set_pending("none")]
        return events + offer_next_phase(dispatcher, tracker)
