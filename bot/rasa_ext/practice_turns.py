"""Once practice mode stops, the practice conversation leaves the stored conversation.

A practice conversation is not a real conversation and is not kept as one. While it runs, Rasa stores
its events as usual (the slot `practice` must be read back in the next turn). As soon as
`action_practice_stop` has run, the tracker store rewrites the stored events from the practice's start
up to and including the feedback: the trainee's messages and the assistant's messages (persona lines,
setup questions, feedback, score card) become `PLACEHOLDER`, and the values of the slot `practice`
(with the trainee's lines in it) become empty. A message that got the crisis answer is kept: the
practice ended there, and the human who may be asked to help must be able to read it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from rasa.shared.core.events import ActionExecuted, Event
from sqlalchemy.orm import Session

PLACEHOLDER = "[oefengesprek, niet bewaard]"
START = "action_practice_start"
STOP = "action_practice_stop"
SLOT = "practice"
CRISIS_SLOT = "crisis_answered"
PRACTICE_ACTIONS = frozenset({START, STOP, "action_practice_turn"})
READ_TYPES = ("user", "bot", "slot", "action", "restart", "session_started")


def practice_finished(events: Iterable[Event]) -> bool:
    """Whether the practice stop action ran among these (new) events."""
    return any(isinstance(event, ActionExecuted) and event.action_name == STOP for event in events)


def _is_crisis_message(event: dict[str, Any]) -> bool:
    parse_data = event.get("parse_data") or {}
    intent = (parse_data.get("intent") or {}).get("name")
    screen = parse_data.get("safety_screen") or {}
    return intent == "crisis" or (isinstance(screen, dict) and bool(screen.get("tier")))


def _forget_user(event: dict[str, Any]) -> bool:
    if event.get("text") == PLACEHOLDER or _is_crisis_message(event):
        return False
    event["text"] = PLACEHOLDER
    parse_data = event.get("parse_data")
    if isinstance(parse_data, dict):
        parse_data["text"] = PLACEHOLDER
        for entity in parse_data.get("entities") or []:
            if isinstance(entity, dict):
                entity["value"] = PLACEHOLDER
    return True


def _forget_bot(event: dict[str, Any]) -> bool:
    data = event.get("data") if isinstance(event.get("data"), dict) else {}
    if event.get("text") == PLACEHOLDER and not (data or {}).get("custom"):
        return False
    event["text"] = PLACEHOLDER
    if isinstance(event.get("data"), dict):
        event["data"]["custom"] = None
        event["data"]["buttons"] = None
    return True


def forget_practice(events: list[dict[str, Any]]) -> list[int]:
    """Replace the finished practice turns in these stored events (oldest first), in place.

    A practice runs from `action_practice_start` to `action_practice_stop`; the stop action's own
    messages (the feedback) count too. A crisis answer ends it early. Returns the changed positions.
    """
    changed: list[int] = []
    active = stopping = False
    speaking = False  # the latest action is a practice action, so its messages belong to the practice
    for position, event in enumerate(events):
        kind, name = event.get("event"), event.get("name")
        if kind in ("restart", "session_started"):
            active = stopping = False
        elif kind == "action":
            speaking = name in PRACTICE_ACTIONS
            if name == START:
                active, stopping = True, False
            elif name == STOP and active:
                active, stopping = False, True
            elif name == "action_listen":
                stopping = False
        elif kind == "slot" and name == CRISIS_SLOT and event.get("value"):
            active = False
        elif kind == "slot" and name == SLOT and event.get("value") is not None:
            event["value"] = None
            changed.append(position)
        elif kind == "user" and active and _forget_user(event):
            changed.append(position)
        elif kind == "bot" and speaking and (active or stopping) and _forget_bot(event):
            changed.append(position)
    return changed


def forget_practice_turns(session: Session, table: sa.Table, sender_id: str) -> int:
    """Rewrite one conversation's stored events with `forget_practice`; how many rows changed."""
    rows = session.execute(
        sa.select(table.c.id, table.c.data)
        .where(table.c.sender_id == sender_id, table.c.type_name.in_(READ_TYPES))
        .order_by(table.c.id)
    ).all()
    events = [json.loads(row.data) for row in rows]
    changed = forget_practice(events)
    for position in changed:
        session.execute(
            sa.update(table).where(table.c.id == rows[position].id).values(data=json.dumps(events[position]))
        )
    return len(changed)
