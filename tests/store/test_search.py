"""The activity look-up on the seeded example data (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from bot.store.activities import find_by_source_id, search_activities
from bot.store.db import session_scope

ENSCHEDE, NIJMEGEN, AMSTERDAM = "GM0153", "GM0268", "GM0363"


def test_walking_groups_in_enschede(prepared: Engine) -> None:
    with session_scope(prepared) as session:
        found = search_activities(session, [ENSCHEDE], interest="wandelen")
    assert len(found) >= 3
    assert all(a.municipality == "Enschede" and "wandelen" in a.interests for a in found)
    assert all(a.is_example for a in found)


def test_day_and_free_filters(prepared: Engine) -> None:
    with session_scope(prepared) as session:
        tuesday = search_activities(session, [NIJMEGEN], day=1)
        free = search_activities(session, [NIJMEGEN], free_only=True)
        everything = search_activities(session, [NIJMEGEN])
    assert tuesday and all(any(day == 1 for day, _, _ in a.sessions) for a in tuesday)
    assert free and all(a.cost_cents == 0 for a in free)
    assert len(tuesday) < len(everything) and len(free) < len(everything)


def test_nothing_in_a_municipality_without_data(prepared: Engine) -> None:
    with session_scope(prepared) as session:
        assert search_activities(session, [AMSTERDAM]) == []
        assert search_activities(session, []) == []


def test_find_by_source_id(prepared: Engine) -> None:
    with session_scope(prepared) as session:
        found = find_by_source_id(session, "voorbeeld-nijmegen-001")
        assert found is not None and found.municipality == "Nijmegen"
        assert find_by_source_id(session, "bestaat-niet") is None
