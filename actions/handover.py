"""Live handover to a volunteer: two consent steps, then a place in the queue and a paused conversation.

The gateway does the rest (the console, the live chat, resuming). When no volunteer can come, the
assistant says so honestly and offers a call-back through the meldpunt, De Luisterlijn and, after acute
risk, 113 and 112; the conversation is then not paused.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ConversationPaused, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import PENDING, latest_intent, misunderstood_in_a_row, set_pending, slot_list
from bot.conversation.handover import REASONS, HandoverSummary, volunteer_hours, within_hours
from bot.store.db import default_engine, session_scope
from bot.store.handovers import start_handover, volunteers_online

logger = logging.getLogger(__name__)

SUMMARY_STEP = "handover_summary"
TRANSCRIPT_STEP = "handover_transcript"
HANDOVER_STEPS = (SUMMARY_STEP, TRANSCRIPT_STEP)
LONELINESS_TYPES = {"social": "sociaal", "emotional": "emotioneel", "existential": "existentieel"}
SCALE_BANDS = {"not_lonely": "niet eenzaam", "moderate": "matig eenzaam", "strong": "sterk eenzaam"}


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


def handover_reason(tracker: Tracker) -> str:
    """Why the person is handed over: asked, after the crisis answer, or not understood."""
    if latest_intent(tracker) == "ask_human":
        return "asked"
    if misunderstood_in_a_row(tracker, skip_latest=True) >= 2:
        return "not_understood"
    if tracker.get_slot("crisis_answered"):
        return "crisis"
    return "asked"


def phase_reached(tracker: Tracker) -> str:
    """The furthest phase of the approach the conversation reached, in Dutch."""
    if tracker.get_slot("plan_step"):
        return "kleine stappen: een stap gekozen"
    if slot_list(tracker, "proposed_steps"):
        return "kleine stappen bekeken"
    if tracker.get_slot("wish_enjoy") or slot_list(tracker, "interests"):
        return "wensen en talenten"
    if tracker.get_slot("scale_total") is not None:
        return "vragenlijst over eenzaamheid ingevuld"
    if (tracker.get_slot("listen_turns") or 0) > 0:
        return "luisteren naar de situatie"
    return "begin van het gesprek"


def build_summary(tracker: Tracker) -> HandoverSummary:
    """The short summary the person agreed to share; nothing that names them."""
    total, band = tracker.get_slot("scale_total"), tracker.get_slot("scale_band")
    scale = f"{total:g} van 6 ({SCALE_BANDS.get(band, band)})" if total is not None else None
    wishes = [
        str(value)[:120]
        for value in (
            tracker.get_slot("wish_enjoy"),
            tracker.get_slot("wish_talent"),
            tracker.get_slot("wish_at_ease"),
            *slot_list(tracker, "interests"),
        )
        if value
    ]
    reason = tracker.get_slot("handover_reason") or "asked"
    return HandoverSummary(
        reason=REASONS.get(reason, REASONS["asked"]),
        phase=phase_reached(tracker),
        loneliness_type=LONELINESS_TYPES.get(tracker.get_slot("loneliness_type") or ""),
        scale_result=scale,
        wishes=wishes,
        chosen_step=tracker.get_slot("plan_step_label"),
        municipality=tracker.get_slot("municipality"),
    )


def say_unavailable(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Honest: nobody can come now; the alternatives, with 113 and 112 after acute risk."""
    dispatcher.utter_message(response="utter_handover_unavailable")
    if tracker.get_slot("crisis_answered"):
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
            say_unavailable(dispatcher, tracker)
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
        say_unavailable(dispatcher, tracker)
        return [set_pending("none")]
    summary = build_summary(tracker) if share_summary else None
    with session_scope(default_engine()) as session:
        start_handover(
            session,
            tracker.sender_id,
            summary,
            share_transcript,
            acute_risk=bool(tracker.get_slot("crisis_answered")),
        )
    if not share_summary:
        dispatcher.utter_message(response="utter_handover_nothing_shared")
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
        say_unavailable(dispatcher, tracker)
        return [set_pending("none")]
