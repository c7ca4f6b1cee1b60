"""Live handovers in the database: quotas, start, the waiting queue, atomic accept, end, expiry, presence.

All handover state lives here, so any gateway replica (and the action server) sees the same queue.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bot.conversation.handover import ONLINE_WITHIN, HandoverQuota, HandoverSummary
from bot.store.clock import now
from bot.store.models import Handover, VolunteerPresence

OPEN_STATUSES = ("waiting", "active")
QUOTA_WINDOW = dt.timedelta(hours=1)
# Why a visitor cannot join the queue now: asked too often this hour, or too many people waiting.
Refusal = Literal["visitor_quota", "queue_full"]


@dataclass(frozen=True)
class HandoverInfo:
    """One handover as the gateway and the console use it."""

    id: int
    visitor: str
    status: str
    summary: HandoverSummary | None
    share_transcript: bool
    acute_risk: bool
    volunteer_id: int | None
    created_at: dt.datetime
    accepted_at: dt.datetime | None


def _info(row: Handover) -> HandoverInfo:
    summary: HandoverSummary | None = json.loads(row.summary) if row.summary else None
    return HandoverInfo(
        id=row.id,
        visitor=row.visitor,
        status=row.status,
        summary=summary,
        share_transcript=bool(row.share_transcript),
        acute_risk=bool(row.acute_risk),
        volunteer_id=row.volunteer_id,
        created_at=row.created_at,
        accepted_at=row.accepted_at,
    )


def start_handover(
    session: Session,
    visitor: str,
    summary: HandoverSummary | None,
    share_transcript: bool,
    acute_risk: bool = False,
) -> int:
    """Put a visitor in the queue (an open handover of the same visitor is reused); return its id."""
    existing = session.scalar(
        select(Handover).where(Handover.visitor == visitor, Handover.status.in_(OPEN_STATUSES))
    )
    if existing is not None:
        return int(existing.id)
    row = Handover(
        visitor=visitor,
        status="waiting",
        summary=json.dumps(summary, ensure_ascii=False) if summary is not None else None,
        share_transcript=share_transcript and summary is not None,
        acute_risk=acute_risk,
        note="",
        created_at=now(),
    )
    session.add(row)
    session.flush()
    return int(row.id)


def queue_refusal(session: Session, visitor: str, acute_risk: bool, quota: HandoverQuota) -> Refusal | None:
    """Why this visitor may not join the queue now, or None when they may.

    A visitor with an open handover is never refused (`start_handover` reuses it). Checked in the same
    transaction as `start_handover`; with several action servers at once a limit can be passed by one.
    """
    if open_handover(session, visitor) is not None:
        return None
    started = session.scalar(
        select(func.count())
        .select_from(Handover)
        .where(Handover.visitor == visitor, Handover.created_at > now() - QUOTA_WINDOW)
    )
    if int(started or 0) >= quota.per_visitor_per_hour:
        return "visitor_quota"
    waiting = session.scalar(
        select(func.count())
        .select_from(Handover)
        .where(Handover.status == "waiting", Handover.acute_risk == acute_risk)
    )
    if int(waiting or 0) >= quota.queue_max:
        return "queue_full"
    return None


def waiting_queue(session: Session, limit: int = 50) -> list[HandoverInfo]:
    """Waiting handovers: acute risk first, then longest waiting first."""
    rows = session.scalars(
        select(Handover)
        .where(Handover.status == "waiting")
        .order_by(Handover.acute_risk.desc(), Handover.created_at, Handover.id)
        .limit(limit)
    )
    return [_info(row) for row in rows]


def get_handover(session: Session, handover_id: int) -> HandoverInfo | None:
    """One handover, or None."""
    row = session.get(Handover, handover_id)
    return _info(row) if row is not None else None


def open_handover(session: Session, visitor: str) -> HandoverInfo | None:
    """The visitor's waiting or active handover, or None."""
    row = session.scalar(
        select(Handover)
        .where(Handover.visitor == visitor, Handover.status.in_(OPEN_STATUSES))
        .order_by(Handover.id.desc())
    )
    return _info(row) if row is not None else None


def accept(session: Session, handover_id: int, volunteer_id: int) -> bool:
    """Take a waiting handover. One conditional UPDATE: of two volunteers at once exactly one wins."""
    result = session.execute(
        update(Handover)
        .where(Handover.id == handover_id, Handover.status == "waiting")
        .values(status="active", volunteer_id=volunteer_id, accepted_at=now())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def end_handover(session: Session, handover_id: int, volunteer_id: int, note: str = "") -> str | None:
    """End an active handover of this volunteer with a short note; return the visitor, or None."""
    visitor = session.scalar(select(Handover.visitor).where(Handover.id == handover_id))
    result = session.execute(
        update(Handover)
        .where(
            Handover.id == handover_id,
            Handover.status == "active",
            Handover.volunteer_id == volunteer_id,
        )
        .values(status="ended", ended_at=now(), note=note.strip()[:500])
        .execution_options(synchronize_session=False)
    )
    return visitor if result.rowcount == 1 else None


def expire_waiting(session: Session, max_wait: dt.timedelta, moment: dt.datetime | None = None) -> list[str]:
    """Expire handovers nobody accepted within `max_wait`; return their visitors.

    Each row is expired with a conditional UPDATE, so with several gateways each visitor is told once.
    """
    moment = moment or now()
    due = session.execute(
        select(Handover.id, Handover.visitor).where(
            Handover.status == "waiting", Handover.created_at <= moment - max_wait
        )
    ).all()
    expired = []
    for handover_id, visitor in due:
        result = session.execute(
            update(Handover)
            .where(Handover.id == handover_id, Handover.status == "waiting")
            .values(status="expired", ended_at=moment)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:
            expired.append(visitor)
    return expired


def mark_online(session: Session, user_id: int) -> None:
    """Record that this volunteer's console is open right now."""
    row = session.get(VolunteerPresence, user_id)
    if row is None:
        session.add(VolunteerPresence(user_id=user_id, seen_at=now()))
    else:
        row.seen_at = now()


def mark_offline(session: Session, user_id: int) -> None:
    """The console was closed."""
    session.execute(delete(VolunteerPresence).where(VolunteerPresence.user_id == user_id))


def volunteers_online(session: Session, within: dt.timedelta = ONLINE_WITHIN) -> int:
    """How many volunteer consoles were seen recently."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(VolunteerPresence)
            .where(VolunteerPresence.seen_at > now() - within)
        )
        or 0
    )


def purge_handovers(session: Session, days: int) -> int:
    """Delete ended and expired handovers (summary and note) older than `days`."""
    cutoff = now() - dt.timedelta(days=days)
    result = session.execute(
        delete(Handover).where(Handover.status.in_(("ended", "expired")), Handover.created_at < cutoff)
    )
    return int(result.rowcount or 0)
