"""Retention: everything the project stores is deleted after a period (`python -m bot purge`, daily).

- meldingen: 90 days after they were closed; any melding 365 days after its last change (one that was
  never closed, such as an undeliverable one), with its history and outbox rows;
- live handovers: one still waiting or active a day after it started (left so by a crash) is closed;
  closed ones go with the conversations (30 days);
- conversations in Rasa's tracker store: 30 days after their last event;
- the audit log: 365 days;
- expired sessions, login failures, quota counts and volunteer presence: after a day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, inspect, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.store.clock import now
from bot.store.handovers import purge_handovers
from bot.store.models import (
    AuditEntry,
    Handover,
    LoginFailure,
    Melding,
    QuotaEvent,
    VolunteerPresence,
    WebSession,
)

DEFAULT_CLOSED_MELDING_DAYS = 90
DEFAULT_MELDING_DAYS = 365
DEFAULT_CONVERSATION_DAYS = 30
DEFAULT_AUDIT_DAYS = 365
# A live handover is a conversation of minutes; one open this long was left open by a crash.
STALE_HANDOVER = dt.timedelta(days=1)
# Login failures, quota counts and presence only matter for the last hour or so.
SHORT_LIVED = dt.timedelta(days=1)


@dataclass(frozen=True)
class RetentionPolicy:
    """How many days each kind of record is kept."""

    closed_melding_days: int = DEFAULT_CLOSED_MELDING_DAYS
    melding_days: int = DEFAULT_MELDING_DAYS
    conversation_days: int = DEFAULT_CONVERSATION_DAYS
    audit_days: int = DEFAULT_AUDIT_DAYS


@dataclass(frozen=True)
class PurgeReport:
    """What was closed and deleted."""

    meldingen: int
    handovers_closed: int
    handovers: int
    audit_entries: int
    conversations: int


def _days_ago(days: int) -> dt.datetime:
    return now() - dt.timedelta(days=days)


def purge_meldingen(session: Session, closed_days: int, any_days: int = DEFAULT_MELDING_DAYS) -> int:
    """Delete meldingen closed more than `closed_days` ago, and any unchanged for `any_days`."""
    closed = (Melding.status == "closed") & (Melding.updated_at < _days_ago(closed_days))
    ids = list(session.scalars(select(Melding.id).where(closed | (Melding.updated_at < _days_ago(any_days)))))
    for melding in session.scalars(select(Melding).where(Melding.id.in_(ids))):
        session.delete(melding)  # with its history and outbox rows (cascade)
    return len(ids)


def close_stale_handovers(session: Session, older_than: dt.timedelta = STALE_HANDOVER) -> int:
    """Close handovers still waiting (expired) or active (ended) `older_than` after they started."""
    moment = now()
    closed = 0
    for status, end in (("waiting", "expired"), ("active", "ended")):
        result = session.execute(
            update(Handover)
            .where(Handover.status == status, Handover.created_at < moment - older_than)
            .values(status=end, ended_at=moment)
            .execution_options(synchronize_session=False)
        )
        closed += int(result.rowcount or 0)
    return closed


def purge_audit_log(session: Session, days: int) -> int:
    """Delete audit entries older than `days`."""
    result = session.execute(delete(AuditEntry).where(AuditEntry.at < _days_ago(days)))
    return int(result.rowcount or 0)


def purge_short_lived(session: Session) -> None:
    """Delete expired sessions, and login failures, quota counts and presence older than a day."""
    moment = now()
    session.execute(delete(WebSession).where(WebSession.expires_at < moment))
    session.execute(delete(LoginFailure).where(LoginFailure.at < moment - SHORT_LIVED))
    session.execute(delete(QuotaEvent).where(QuotaEvent.at < moment - SHORT_LIVED))
    session.execute(delete(VolunteerPresence).where(VolunteerPresence.seen_at < moment - SHORT_LIVED))


def purge_conversations(tracker_engine: Engine, days: int) -> int:
    """Delete every conversation in Rasa's SQL tracker store whose last event is older than `days`.

    Conversations are anonymous (a random sender id); this removes all their events.
    """
    cutoff = (now() - dt.timedelta(days=days)).replace(tzinfo=dt.timezone.utc).timestamp()
    with tracker_engine.begin() as connection:
        if "events" not in inspect(tracker_engine).get_table_names():
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


def purge_all(session: Session, tracker_engine: Engine, policy: RetentionPolicy) -> PurgeReport:
    """Apply every period of `policy` to the project's database and to Rasa's tracker store."""
    meldingen = purge_meldingen(session, policy.closed_melding_days, policy.melding_days)
    closed = close_stale_handovers(session)
    handovers = purge_handovers(session, policy.conversation_days)
    audit_entries = purge_audit_log(session, policy.audit_days)
    purge_short_lived(session)
    session.flush()
    conversations = purge_conversations(tracker_engine, policy.conversation_days)
    return PurgeReport(meldingen, closed, handovers, audit_entries, conversations)
