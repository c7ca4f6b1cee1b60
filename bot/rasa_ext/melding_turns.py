"""Once a melding is done, what the person typed for it leaves the stored conversation.

While the melding form runs, its free-text answers (what is going on; a phone number or e-mail
address) are stored as typed, because the melding action reads them in a later turn. As soon as
`action_submit_melding` has run (stored, declined, or failed), the tracker store replaces them in the
stored events with `PLACEHOLDER`: the visitor's messages that answered those questions, and the
values of those slots. The meldpunt has the melding; the conversation no longer holds it.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from typing import Any

import sqlalchemy as sa
from rasa.shared.core.events import ActionExecuted, Event
from sqlalchemy.orm import Session

PLACEHOLDER = "[melding, niet bewaard]"
FORM = "melding_form"
SUBMIT = "action_submit_melding"
# The stored events that say which question a message answered, or that start over.
READ_TYPES = ("user", "slot", "active_loop", "restart", "session_started")


def melding_finished(events: Iterable[Event]) -> bool:
    """Whether the melding action ran among these (new) events."""
    return any(isinstance(event, ActionExecuted) and event.action_name == SUBMIT for event in events)


def _forget_message(event: dict[str, Any]) -> None:
    event["text"] = PLACEHOLDER
    parse_data = event.get("parse_data")
    if isinstance(parse_data, dict):
        parse_data["text"] = PLACEHOLDER
        for entity in parse_data.get("entities") or []:
            if isinstance(entity, dict):
                entity["value"] = PLACEHOLDER


def forget_answers(events: list[dict[str, Any]], slots: Collection[str]) -> list[int]:
    """Replace the melding's answers to `slots` in these stored events (oldest first), in place.

    A visitor's message is an answer when the melding form was active and asked for one of `slots`.
    Returns the positions of the events that changed.
    """
    changed: list[int] = []
    loop: Any = None
    requested: Any = None
    for position, event in enumerate(events):
        kind, name = event.get("event"), event.get("name")
        if kind in ("restart", "session_started"):
            loop = requested = None
        elif kind == "active_loop":
            loop = name
        elif kind == "slot" and name == "requested_slot":
            requested = event.get("value")
        elif kind == "slot" and name in slots and event.get("value") not in (None, PLACEHOLDER):
            event["value"] = PLACEHOLDER
            changed.append(position)
        elif kind == "user" and loop == FORM and requested in slots and event.get("text") != PLACEHOLDER:
            _forget_message(event)
            changed.append(position)
    return changed


def forget_melding_turns(session: Session, table: sa.Table, sender_id: str, slots: Collection[str]) -> int:
    """Rewrite one conversation's stored events with `forget_answers`; how many rows changed."""
    rows = session.execute(
        sa.select(table.c.id, table.c.data)
        .where(table.c.sender_id == sender_id, table.c.type_name.in_(READ_TYPES))
        .order_by(table.c.id)
    ).all()
    events = [json.loads(row.data) for row in rows]
    changed = forget_answers(events, slots)
    for position in changed:
        session.execute(
            sa.update(table).where(table.c.id == rows[position].id).values(data=json.dumps(events[position]))
        )
    return len(changed)
