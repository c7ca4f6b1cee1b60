"""The counts behind the melding quotas: meldingen per visitor and per municipality, unknown meldcodes.

A visitor is counted by a hash of the chat's sender id (`sender_key`), in `quota_events`, apart from
the meldingen themselves; rows older than a day are deleted whenever a new one is written. The quotas
are checked in the same transaction as the write; with several action servers at once a limit can be
passed by one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bot.escalation.quota import MeldingQuota
from bot.store.clock import now
from bot.store.meldingen import NewMelding, create_melding, status_for_code
from bot.store.models import Melding, QuotaEvent

HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)
QuotaKind = Literal["melding", "code_miss"]
# What `status_within_budget` answers when the visitor has asked about too many unknown codes.
TRY_LATER = "try_later"


def sender_key(sender_id: str) -> str:
    """The hash that stands for a chat visitor in the quota counts."""
    return hashlib.sha256(f"quota:{sender_id}".encode()).hexdigest()


def _events(session: Session, kind: QuotaKind, since: dt.datetime, key: str | None = None) -> int:
    query = select(func.count()).select_from(QuotaEvent).where(QuotaEvent.kind == kind, QuotaEvent.at > since)
    if key is not None:
        query = query.where(QuotaEvent.sender_key == key)
    return int(session.scalar(query) or 0)


def _meldingen(session: Session, municipality_code: str, since: dt.datetime) -> int:
    query = select(func.count()).select_from(Melding).where(
        Melding.municipality_code == municipality_code, Melding.created_at > since
    )
    return int(session.scalar(query) or 0)


def record(session: Session, kind: QuotaKind, key: str, moment: dt.datetime | None = None) -> None:
    """Count one event of this visitor, and forget events of this kind older than a day."""
    moment = moment or now()
    session.execute(delete(QuotaEvent).where(QuotaEvent.kind == kind, QuotaEvent.at <= moment - DAY))
    session.add(QuotaEvent(kind=kind, sender_key=key, at=moment))
    session.flush()


def melding_over_quota(session: Session, key: str, municipality_code: str, quota: MeldingQuota) -> bool:
    """Whether a new melding of this visitor for this municipality goes over a quota (then it is held)."""
    moment = now()
    return (
        _events(session, "melding", moment - HOUR, key) >= quota.visitor_hour
        or _events(session, "melding", moment - DAY, key) >= quota.visitor_day
        or _meldingen(session, municipality_code, moment - HOUR) >= quota.municipality_hour
        or _meldingen(session, municipality_code, moment - DAY) >= quota.municipality_day
    )


def code_lookup_allowed(session: Session, key: str, quota: MeldingQuota) -> bool:
    """Whether this visitor may look up a meldcode now: unknown codes asked about, theirs and everyone's."""
    since = now() - HOUR
    return (
        _events(session, "code_miss", since, key) < quota.code_misses_visitor_hour
        and _events(session, "code_miss", since) < quota.code_misses_hour
    )


def submit_melding(
    session: Session, new: NewMelding, sender_id: str, quota: MeldingQuota, webhook_url: str | None
) -> tuple[str, bool]:
    """Store a melding, held when it goes over a quota; its meldcode and whether it is held."""
    key = sender_key(sender_id)
    held = melding_over_quota(session, key, new.municipality_code, quota)
    code = create_melding(session, new, webhook_url, held=held)
    record(session, "melding", key)
    return code, held


def status_within_budget(session: Session, sender_id: str, code: str, quota: MeldingQuota) -> str | None:
    """A melding's status, None for an unknown code (counted), or `TRY_LATER` over the budget.

    The budget is checked before the look-up, so that answer never tells whether the code exists.
    """
    key = sender_key(sender_id)
    if not code_lookup_allowed(session, key, quota):
        return TRY_LATER
    status = status_for_code(session, code)
    if status is None:
        record(session, "code_miss", key)
    return status
