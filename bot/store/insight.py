"""The anonymous counts behind /inzicht: added to per municipality and ISO week, read back k-anonymous.

Writing adds deltas (an upsert, so any number of writers can add at once). Reading never hands out a
count under `MIN_SHOWN` as a number: it comes back as `Shown(None)`, which every caller shows as
"minder dan 10" (the page, the CSV). Sums over municipalities ("alle gemeenten") are made here, before
the rule is applied.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from bot.store.models import InsightCount, Municipality

KINDS = ("conversation", "loneliness_type", "cause", "step", "handover", "melding", "crisis")
UNKNOWN_MUNICIPALITY = "onbekend"
# The smallest count shown as a number; anything less is "minder dan 10".
MIN_SHOWN = 10
LESS_THAN_MIN = "minder dan 10"


class CountKey(NamedTuple):
    """One stored count: where, which week, what."""

    municipality: str  # a CBS code (GM0268) or UNKNOWN_MUNICIPALITY
    week: str  # ISO week, "2026-W49"
    kind: str  # one of KINDS
    value: str  # a key from a fixed list per kind, "" for kinds without values


@dataclass(frozen=True)
class Shown:
    """A count as it may leave the store: the number when it is at least MIN_SHOWN, else None."""

    exact: int | None

    @property
    def text(self) -> str:
        """The count as people read it: "23", or "minder dan 10"."""
        return LESS_THAN_MIN if self.exact is None else str(self.exact)


def shown(count: int) -> Shown:
    """Apply the k-anonymity rule to one count."""
    return Shown(count if count >= MIN_SHOWN else None)


def _upsert(session: Session, rows: list[dict[str, Any]]) -> None:
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(InsightCount)
    statement = statement.on_conflict_do_update(
        index_elements=["municipality", "week", "kind", "value"],
        set_={"count": InsightCount.count + statement.excluded.count},
    )
    session.execute(statement, rows)


def add_counts(session: Session, deltas: Mapping[CountKey, int]) -> None:
    """Add each delta to its count (a delta may be negative: a conversation moved to its municipality)."""
    rows = [{**key._asdict(), "count": delta} for key, delta in sorted(deltas.items()) if delta]
    for kind in {row["kind"] for row in rows} - set(KINDS):
        raise ValueError(f"Unknown insight kind: {kind}")
    if rows:
        _upsert(session, rows)


def week_counts(
    session: Session, municipality: str | None, weeks: Sequence[str]
) -> dict[tuple[str, str, str], Shown]:
    """The counts of these weeks for one municipality (None: all together), keyed (week, kind, value).

    A count that is not stored is 0, and shown the same way as any other count under MIN_SHOWN: ask
    with `shown_count` for keys that are missing here.
    """
    query = (
        select(InsightCount.week, InsightCount.kind, InsightCount.value, func.sum(InsightCount.count))
        .where(InsightCount.week.in_(list(weeks)))
        .group_by(InsightCount.week, InsightCount.kind, InsightCount.value)
    )
    if municipality is not None:
        query = query.where(InsightCount.municipality == municipality)
    return {
        (week, kind, value): shown(int(total or 0)) for week, kind, value, total in session.execute(query)
    }


def shown_count(counts: Mapping[tuple[str, str, str], Shown], week: str, kind: str, value: str = "") -> Shown:
    """One count from `week_counts`, with a missing one as 0 (so: "minder dan 10")."""
    return counts.get((week, kind, value), shown(0))


def counted_municipalities(session: Session) -> list[tuple[str, str]]:
    """(code, name) of every municipality with counts, by name; "onbekend" last when it has any."""
    codes = set(session.scalars(select(InsightCount.municipality).distinct()))
    query = select(Municipality.cbs_code, Municipality.name).where(Municipality.cbs_code.in_(codes))
    names = {code: name for code, name in session.execute(query)}
    known = sorted(
        ((code, names.get(code, code)) for code in codes if code != UNKNOWN_MUNICIPALITY),
        key=lambda pair: pair[1],
    )
    return known + ([(UNKNOWN_MUNICIPALITY, "Gemeente onbekend")] if UNKNOWN_MUNICIPALITY in codes else [])


def municipality_name(session: Session, code: str) -> str:
    """The name of a municipality by its CBS code ("Gemeente onbekend" for UNKNOWN_MUNICIPALITY)."""
    if code == UNKNOWN_MUNICIPALITY:
        return "Gemeente onbekend"
    return session.scalar(select(Municipality.name).where(Municipality.cbs_code == code)) or code
