"""Activities in the database: upsert from checked rows, export, and the look-up the conversation uses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, cast, func, literal, select
from sqlalchemy.orm import Session, joinedload, selectinload
from sqlalchemy.sql import Select

from bot.socialmap.activity_file import ActivityRow
from bot.store.models import Activity, ActivityAudience, ActivityInterest, ActivitySession, Municipality

# Everything `_found` reads, loaded in a fixed number of queries (no lazy loads per row).
_LOAD_ALL = (
    joinedload(Activity.municipality),
    selectinload(Activity.interests),
    selectinload(Activity.audiences),
    selectinload(Activity.sessions),
)
# SQLite allows 999 bound parameters per statement in older builds; stay well below.
CHUNK = 400


@dataclass(frozen=True)
class FoundActivity:
    """An activity as the conversation shows it."""

    source_id: str
    title: str
    description: str
    organiser: str
    municipality_code: str
    municipality: str
    neighbourhood: str
    address: str
    interests: tuple[str, ...]
    audiences: tuple[str, ...]
    sessions: tuple[tuple[int, dt.time | None, dt.time | None], ...]
    cost_cents: int
    wheelchair_access: bool
    contact_phone: str
    contact_email: str
    contact_website: str
    updated: dt.date
    is_example: bool


def _apply(activity: Activity, row: ActivityRow) -> None:
    activity.title = row.title
    activity.description = row.description
    activity.organiser = row.organiser
    activity.municipality_code = row.municipality_code
    activity.neighbourhood = row.neighbourhood
    activity.address = row.address
    activity.cost_cents = row.cost_cents
    activity.wheelchair_access = row.wheelchair_access
    activity.contact_phone = row.contact_phone
    activity.contact_email = row.contact_email
    activity.contact_website = row.contact_website
    activity.updated = row.updated
    activity.is_example = row.is_example
    activity.interests = [ActivityInterest(interest=name, position=i) for i, name in enumerate(row.interests)]
    activity.audiences = [ActivityAudience(audience=name) for name in row.audiences]
    activity.sessions = [
        ActivitySession(day=day, start_time=row.start_time, end_time=row.end_time) for day in row.days
    ]


def upsert_activities(session: Session, rows: Sequence[ActivityRow]) -> tuple[int, int]:
    """Insert new activities and update known ones by source id; return (added, updated).

    Runs inside the caller's transaction, so an import is all-or-nothing.
    """
    added = updated = 0
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        known = {
            activity.source_id: activity
            for activity in session.scalars(
                select(Activity)
                .where(Activity.source_id.in_([row.source_id for row in chunk]))
                .options(
                    selectinload(Activity.interests),
                    selectinload(Activity.audiences),
                    selectinload(Activity.sessions),
                )
            )
        }
        for row in chunk:
            activity = known.get(row.source_id)
            if activity is None:
                activity = Activity(source_id=row.source_id)
                session.add(activity)
                added += 1
            else:
                updated += 1
            # Replacing the child lists deletes the old rows first (delete-orphan).
            if activity.id is not None:
                activity.interests, activity.audiences, activity.sessions = [], [], []
                session.flush()
            _apply(activity, row)
        session.flush()
    return added, updated


def count_activities(session: Session) -> int:
    """How many activities the database holds."""
    return int(session.scalar(select(func.count()).select_from(Activity)) or 0)


def _found(activity: Activity) -> FoundActivity:
    return FoundActivity(
        source_id=activity.source_id,
        title=activity.title,
        description=activity.description,
        organiser=activity.organiser,
        municipality_code=activity.municipality_code,
        municipality=activity.municipality.name,
        neighbourhood=activity.neighbourhood,
        address=activity.address,
        interests=tuple(item.interest for item in activity.interests),
        audiences=tuple(item.audience for item in activity.audiences),
        sessions=tuple((item.day, item.start_time, item.end_time) for item in activity.sessions),
        cost_cents=activity.cost_cents,
        wheelchair_access=activity.wheelchair_access,
        contact_phone=activity.contact_phone,
        contact_email=activity.contact_email,
        contact_website=activity.contact_website,
        updated=activity.updated,
        is_example=activity.is_example,
    )


def _joined(session: Session, expression: Any) -> Any:
    """string_agg on PostgreSQL, group_concat on SQLite: the values of a column joined with ';'."""
    if session.get_bind().dialect.name == "postgresql":
        return func.string_agg(expression, literal(";"))
    return func.group_concat(expression, ";")


def _parse_time(value: str) -> dt.time | None:
    return dt.time.fromisoformat(value[:8]) if value else None


def _load(session: Session, query: Select[Any]) -> list[FoundActivity]:
    """Run a query on activity ids and build the results in one round trip, without ORM objects.

    Each row carries its interests, audiences and weekly times as joined strings (correlated
    subqueries on the primary keys), which keeps a look-up of a hundred candidates within a few
    milliseconds on SQLite and PostgreSQL.
    """
    interests = (
        select(_joined(session, cast(ActivityInterest.position, String) + ":" + ActivityInterest.interest))
        .where(ActivityInterest.activity_id == Activity.id)
        .scalar_subquery()
    )
    audiences = (
        select(_joined(session, ActivityAudience.audience))
        .where(ActivityAudience.activity_id == Activity.id)
        .scalar_subquery()
    )
    times = (
        select(
            _joined(
                session,
                cast(ActivitySession.day, String)
                + "|"
                + func.coalesce(cast(ActivitySession.start_time, String), "")
                + "|"
                + func.coalesce(cast(ActivitySession.end_time, String), ""),
            )
        )
        .where(ActivitySession.activity_id == Activity.id)
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            Activity.__table__,
            Municipality.name.label("municipality_name"),
            interests.label("interest_list"),
            audiences.label("audience_list"),
            times.label("time_list"),
        )
        .join(Municipality, Municipality.cbs_code == Activity.municipality_code)
        .where(Activity.id.in_(query))
        .order_by(Activity.updated.desc(), Activity.id)
    ).all()
    found = []
    for row in rows:
        numbered = sorted(
            (int(position), name)
            for position, name in (
                item.split(":", 1) for item in (row.interest_list or "").split(";") if item
            )
        )
        slots = []
        for item in (row.time_list or "").split(";"):
            if item:
                day, start, end = item.split("|")
                slots.append((int(day), _parse_time(start), _parse_time(end)))
        found.append(
            FoundActivity(
                source_id=row.source_id,
                title=row.title,
                description=row.description,
                organiser=row.organiser,
                municipality_code=row.municipality_code,
                municipality=row.municipality_name,
                neighbourhood=row.neighbourhood,
                address=row.address,
                interests=tuple(name for _, name in numbered),
                audiences=tuple(sorted(item for item in (row.audience_list or "").split(";") if item)),
                sessions=tuple(sorted(slots)),
                cost_cents=row.cost_cents,
                wheelchair_access=bool(row.wheelchair_access),
                contact_phone=row.contact_phone,
                contact_email=row.contact_email,
                contact_website=row.contact_website,
                updated=row.updated,
                is_example=bool(row.is_example),
            )
        )
    return found


def search_activities(
    session: Session,
    municipality_codes: Sequence[str],
    interest: str | None = None,
    day: int | None = None,
    free_only: bool = False,
    limit: int = 100,
) -> list[FoundActivity]:
    """The newest `limit` activities in these municipalities, optionally for one interest, one day, free.

    Uses ix_activities_municipality_cost for the municipality (and cost), and the
    (interest, activity_id) and (day, activity_id) indexes for the two filters. Ranking for the
    person happens in `bot.socialmap.activity_match`.
    """
    if not municipality_codes:
        return []
    query = select(Activity.id).where(Activity.municipality_code.in_(list(municipality_codes)))
    if free_only:
        query = query.where(Activity.cost_cents == 0)
    if interest:
        query = query.where(
            Activity.id.in_(select(ActivityInterest.activity_id).where(ActivityInterest.interest == interest))
        )
    if day is not None:
        query = query.where(
            Activity.id.in_(select(ActivitySession.activity_id).where(ActivitySession.day == day))
        )
    return _load(session, query.order_by(Activity.updated.desc(), Activity.id).limit(limit))


def find_by_source_id(session: Session, source_id: str) -> FoundActivity | None:
    """One activity by its source id, or None."""
    found = _load(session, select(Activity.id).where(Activity.source_id == source_id))
    return found[0] if found else None


def export_rows(session: Session) -> list[tuple[ActivityRow, str]]:
    """Every activity as a row in the import format, with its municipality name, by source id."""
    query = select(Activity).options(*_LOAD_ALL).order_by(Activity.source_id)
    result = []
    for activity in session.scalars(query).unique():
        found = _found(activity)
        _, start, end = found.sessions[0] if found.sessions else (0, None, None)
        row = ActivityRow(
            source_id=found.source_id,
            title=found.title,
            description=found.description,
            organiser=found.organiser,
            municipality_code=found.municipality_code,
            neighbourhood=found.neighbourhood,
            address=found.address,
            interests=found.interests,
            audiences=tuple(sorted(found.audiences)),
            days=tuple(day for day, _, _ in found.sessions),
            start_time=start,
            end_time=end,
            cost_cents=found.cost_cents,
            wheelchair_access=found.wheelchair_access,
            contact_phone=found.contact_phone,
            contact_email=found.contact_email,
            contact_website=found.contact_website,
            updated=found.updated,
            is_example=found.is_example,
        )
        result.append((row, found.municipality))
    return result
