"""Retention: delete closed meldingen and old anonymous conversations after configurable periods."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.store.clock import now
from bot.store.models import LoginFailure, Melding, WebSession

DEFAULT_CLOSED_MELDING_DAYS = 90
DEFAULT_CONVERSATION_DAYS = 30


@dataclass(frozen=True)
class PurgeReport:
    """What was deleted."""

    meldingen: int
    conversations: int


def purge_meldingen(session: Session, closed_days: int) -> int:
    """Delete meldingen closed more than `closed_days` ago, with their history and outbox rows."""
    cutoff = now() - dt.timedelta(days=closed_days)
    ids = list(
        session.scalars(select(Melding.id).where(Melding.status == "closed", Melding.updated_at < cutoff))
    )
    for melding in session.scalars(select(Melding).where(Melding.id.in_(ids))):
        session.delete(melding)
    session.execute(delete(WebSession).where(WebSession.expires_at < now()))
    session.execute(delete(LoginFailure).where(LoginFailure.at < now() - dt.timedelta(days=1)))
    return len(ids)


def purge_conversations(tracker_engine: Engine, days: int) -> int:
    """Delete every conversation in Rasa's SQL tracker store whose last event is older than `days`.

    Conversations are anonymous (a random sender id); this removes all their events.
    """
    cutoff = (now() - dt.timedelta(days=days)).replace(tzinfo=dt.timezone.utc).timestamp()
    with tracker_engine.begin() as connection:
        if "events" not in _tables(tracker_engine):
            return 0
        old = [
            row[0]
            for row in connection.execute(
                text("SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"),
                {"cutoff": cutoff},
            )
        ]
        for start in range(0, len(old), 400):
            chunk = old[start : start + 400]
            marks = ", ".join(f":s{i}" for i in range(len(chunk)))
            connection.execute(
                text(f"DELETE FROM events WHERE sender_id IN ({marks})"),
                {f"s{i}": s for i, s in enumerate(chunk)},
            )
    return len(old)


def _tables(engine: Engine) -> list[str]:
    from sqlalchemy import inspect

    return inspect(engine).get_table_names()
