"""The conversation a volunteer may read after a handover, from the events of a Rasa tracker.

Only the current session, and without the melding: the turns while the melding form runs or a melding
action answers, and any message that is a melding slot's value (a phone number, an e-mail address,
what was reported). Earlier sessions of the same visitor are never shown. What people typed is
de-identified (`bot.privacy.deidentify`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from bot.privacy.deidentify import deidentify
from bot.web.history import history_messages
from bot.web.protocol import HistoryMessage

# Events after which the conversation starts anew (Rasa's session start, and a restart).
SESSION_BOUNDARIES = frozenset({"session_started", "restart"})
# From domain/melding.yml: the form, the actions that ask, check, store and look up a melding.
MELDING_FORM = "melding_form"
MELDING_ACTIONS = frozenset(
    {MELDING_FORM, "validate_melding_form", "action_submit_melding", "action_melding_status"}
)
MELDING_SLOT_PREFIX = "melding_"


def transcript_text(message: HistoryMessage) -> str | None:
    """A message's text as the volunteer reads it; the one place where transcript texts are made.

    What the visitor (or an earlier volunteer) typed loses names, addresses, phone numbers and e-mail
    addresses; the assistant's own texts stay as they are, helpline numbers included.
    """
    text = message["text"]
    if text is None or message["from"] == "assistant":
        return text
    return deidentify(text)


def current_session(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events after the latest session start or restart (all events when there is none)."""
    listed = [event for event in events if isinstance(event, dict)]
    for index in range(len(listed) - 1, -1, -1):
        if listed[index].get("event") in SESSION_BOUNDARIES:
            return listed[index + 1 :]
    return listed


def _turns(events: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Split into turns: a visitor's message and everything until their next one."""
    turn: list[dict[str, Any]] = []
    for event in events:
        if event.get("event") == "user" and turn:
            yield turn
            turn = []
        turn.append(event)
    if turn:
        yield turn


def without_melding(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Leave out every turn that belongs to a melding, and any message equal to a melding slot's value."""
    melding_values = {
        event["value"].strip()
        for event in events
        if event.get("event") == "slot"
        and str(event.get("name", "")).startswith(MELDING_SLOT_PREFIX)
        and isinstance(event.get("value"), str)
        and event["value"].strip()
    }
    kept: list[dict[str, Any]] = []
    active_loop: str | None = None
    for turn in _turns(events):
        in_melding = active_loop == MELDING_FORM
        for event in turn:
            if event.get("event") == "active_loop":
                active_loop = event.get("name")
                in_melding = in_melding or active_loop == MELDING_FORM
            elif event.get("event") == "action" and event.get("name") in MELDING_ACTIONS:
                in_melding = True
        if not in_melding:
            kept += [event for event in turn if str(event.get("text") or "").strip() not in melding_values]
    return kept


def handover_transcript(events: Iterable[dict[str, Any]]) -> list[HistoryMessage]:
    """The conversation so far for the volunteer: this session only, without the melding."""
    messages = history_messages(without_melding(current_session(events)))
    for message in messages:
        message["text"] = transcript_text(message)
    return messages
