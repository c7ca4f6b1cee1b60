"""Live handover to a volunteer: two consent steps, then a place in the queue and a paused conversation.

The gateway does the rest (the console, the live chat, resuming). When no volunteer can come, the
queue is full or this visitor asked often this hour, the assistant says so honestly and offers De
Luisterlijn (when nobody is there also a call-back through the meldpunt) and, after acute risk, 113 and
112; the conversation is then not paused.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ConversationPaused, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import PENDING, latest_intent, misunderstood_in_a_row, set_pending
from bot.conversation.handover import handover_quota, handover_summary, volunteer_hours, within_hours
from bot.store.db import default_engine, session_scope
from bot.store.handovers import Refusal, queue_refusal, start_handover, volunteers_online

logger = logging.getLogger(__name__)

SUMMARY_STEP = "handover_summary"
TRANSCRIPT_STEP = "handover_transcript"
HANDOVER_STEPS = (SUMMARY_STEP, TRANSCRIPT_STEP)
REFUSAL_RESPONSES: dict[Refusal, str] = {
    "visitor_quota": "utter_handover_visitor_quota",
    "queue_full": "utter_handover_queue_full",
}


def volunteer_available() -> bool:
    """Within the opening hours (`VOLUNTEER_HOURS`) and at least one volunteer console online."""
    if not within_hours(volunteer_hours()):
        return False
    try:
        with session_scope(default_engine()) as session:
            return volunteers_online(session) > 0
    except Exception:  # noqa: BLE001 - a database problem means: nobody can come now
        logger.exception("Could not check whether a volunteer is online.")
        return False


def acute(tracker: Tracker) -> bool:
    """The crisis answer was given in this conversation; the volunteer always sees that."""
    return bool(tracker.get_slot("crisis_answered"))


def refusal(tracker: Tracker) -> Refusal | None:
    """Why this visitor cannot join the queue now (`HANDOVER_PER_VISITOR_PER_HOUR`, `HANDOVER_QUEUE_MAX`)."""
    with session_scope(default_engine()) as session:
        return queue_refusal(session, tracker.sender_id, acute(tracker), handover_quota())


def handover_reason(tracker: Tracker) -> str:
    """Why the person is handed over: asked, after the crisis answer, or not understood."""
    if latest_intent(tracker) == "ask_human":
        return "asked"
    if misunderstood_in_a_row(tracker, skip_latest=True) >= 2:
        return "not_understood"
    if tracker.get_slot("crisis_answered"):
        return "crisis"
    return "asked"


def say_unavailable(dispatcher: CollectingDispatcher, tracker: Tracker, response: str) -> None:
    """Say honestly why nobody can come now (`response`); after acute risk also 113 and 112."""
    dispatcher.utter_message(response=response)
    if acute(tracker):
        dispatcher.utter_message(response="utter_handover_crisis_lines")


class ActionOfferHandover(BaseAction):
    """The person wants a human: ask the first consent question, or say honestly that nobody is there."""

    action_name = "action_offer_handover"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Offer the handover when a volunteer can come."""
        reason = SlotSet("handover_reason", handover_reason(tracker))
        if not volunteer_available():
            say_unavailable(dispatcher, tracker, "utter_handover_unavailable")
            return [reason, set_pending("none")]
        refused = refusal(tracker)
        if refused is not None:
            say_unavailable(dispatcher, tracker, REFUSAL_RESPONSES[refused])
            return [reason, set_pending("none")]
        dispatcher.utter_message(response="utter_ask_handover_summary")
        return [reason, set_pending("handover_summary")]


async def handover_consent(dispatcher: CollectingDispatcher, tracker: Tracker, yes: bool) -> list[EventType]:
    """Handle a yes or no to one of the two consent questions (also called by `action_offer_next`)."""
    step = tracker.get_slot(PENDING)
    if step == SUMMARY_STEP and yes:
        dispatcher.utter_message(response="utter_ask_handover_transcript")
        return [set_pending("handover_transcript")]
    share_summary = step == TRANSCRIPT_STEP
    share_transcript = share_summary and yes
    if not volunteer_available():
        say_unavailable(dispatcher, tracker, "utter_handover_unavailable")
        return [set_pending("none")]
    summary = handover_summary(tracker.current_slot_values()) if share_summary else None
    with session_scope(default_engine()) as session:
        refused = queue_refusal(session, tracker.sender_id, acute(tracker), handover_quota())
        if refused is None:
            start_handover(session, tracker.sender_id, summary, share_transcript, acute_risk=acute(tracker))
    if refused is not None:
        say_unavailable(dispatcher, tracker, REFUSAL_RESPONSES[refused])
        return [set_pending("none")]
    if not share_summary:
        # Nothing of the conversation is shown, but a possible emergency always is, and the person is told.
        told = "utter_handover_nothing_shared_urgent" if acute(tracker) else "utter_handover_nothing_shared"
        dispatcher.utter_message(response=told)
    dispatcher.utter_message(response="utter_handover_waiting")
    return [set_pending("none"), ConversationPaused()]


class ActionHandoverConsent(BaseAction):
    """A yes to one of the two consent questions."""

    action_name = "action_handover_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Ask the second question, or put the person in the queue and pause."""
        return await handover_consent(dispatcher, tracker, yes=True)


class ActionHandoverTimeout(BaseAction):
    """Run by the gateway after nobody accepted in time (the conversation was resumed first)."""

    action_name = "action_handover_timeout"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Say honestly that nobody came in time, and offer the alternatives."""
        dispatcher.utter_message(response="utter_handover_timeout")
        say_unavailable(dispatcher, tracker, "utter_handover_unavailable")
        return [set_pending("none")]
