"""Look-up speed of local activities on a generated catalogue of 10,000, on SQLite and PostgreSQL.

The query is the one `action_find_activities` runs (`search_activities`) followed by the ranking
(`best_activities`). Each backend is measured twice in the same run: with the project's indexes and,
as the baseline, with those indexes dropped, so the JSON shows what the indexes buy.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.engine import Engine

from bot.socialmap.activity_file import ActivityRow
from bot.socialmap.activity_match import Person, best_activities
from bot.socialmap.activity_terms import AUDIENCES, INTERESTS
from bot.store.activities import search_activities, upsert_activities
from bot.store.db import make_engine, session_scope
from bot.store.models import Municipality
from bot.store.seed import prepare_database
from tests.support.databases import fresh_database, postgres_available

CATALOGUE_SIZE = 10_000
QUERIES = 400
WARM_UP = 30
# The big pilot municipalities get 40% of the catalogue: the worst case for a look-up.
HEAVY = ("GM0268", "GM0153", "GM0344", "GM0014", "GM0164", "GM0141")
PROJECT_INDEXES = {
    "ix_activities_municipality_cost": "activities (municipality_code, cost_cents)",
    "ix_activity_interests_interest": "activity_interests (interest, activity_id)",
    "ix_activity_sessions_day": "activity_sessions (day, activity_id)",
}
TARGET_P95_MS = 20.0


def generated_rows(codes: list[str], size: int, seed: int = 7) -> list[ActivityRow]:
    """A reproducible catalogue: 40% in the heavy municipalities, the rest spread over all of them."""
    rng = random.Random(seed)
    rows = []
    for number in range(size):
        code = rng.choice(HEAVY) if rng.random() < 0.4 else rng.choice(codes)
        days = tuple(sorted(rng.sample(range(7), rng.choice((0, 1, 1, 1, 2)))))
        start = dt.time(rng.choice((9, 10, 13, 14, 19)), rng.choice((0, 30))) if days else None
        rows.append(
            ActivityRow(
                source_id=f"bench-{number:05d}",
                title=f"Activiteit {number}",
                description="Een gegenereerde activiteit voor de benchmark.",
                organiser="Benchmark",
                municipality_code=code,
                neighbourhood="",
                address="",
                interests=tuple(rng.sample(INTERESTS, rng.choice((1, 1, 2, 3)))),
                audiences=tuple(rng.sample(AUDIENCES, rng.choice((1, 2)))),
                days=days,
                start_time=start,
                end_time=dt.time(start.hour + 2, start.minute) if start else None,
                cost_cents=rng.choice((0, 0, 150, 250, 500)),
                wheelchair_access=rng.random() < 0.5,
                contact_phone="",
                contact_email="bench@example.org",
                contact_website="",
                updated=dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(300)),
                is_example=True,
            )
        )
    return rows


def query_mix(seed: int = 11) -> list[dict[str, Any]]:
    """Look-ups as people ask them: a heavy municipality, often an interest, sometimes a day or free."""
    rng = random.Random(seed)
    return [
        {
            "municipality_codes": [rng.choice(HEAVY)],
            "interest": rng.choice((*INTERESTS, None)),
            "day": rng.choice((None, None, None, rng.randrange(7))),
            "free_only": rng.random() < 0.25,
        }
        for _ in range(WARM_UP + QUERIES)
    ]


def timed_queries(engine: Engine, queries: list[dict[str, Any]]) -> dict[str, float]:
    """Run each look-up in its own session, as the action does; return percentiles in ms."""
    person = Person(loneliness_type="social", interests=("wandelen",))
    samples = []
    for number, query in enumerate(queries):
        started = time.perf_counter()
        with session_scope(engine) as session:
            best_activities(search_activities(session, **query), person)
        if number >= WARM_UP:
            samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[int(0.95 * len(samples)) - 1], 2),
        "max_ms": round(samples[-1], 2),
        "queries": len(samples),
    }


def query_plan(engine: Engine) -> list[str]:
    """The database's plan for a typical look-up (Nijmegen, wandelen, on Tuesday)."""
    with session_scope(engine) as session:
        sql = (
            "SELECT activities.id FROM activities WHERE activities.municipality_code = 'GM0268' "
            "AND activities.id IN (SELECT activity_id FROM activity_interests WHERE interest = 'wandelen') "
            "AND activities.id IN (SELECT activity_id FROM activity_sessions WHERE day = 1) "
            "ORDER BY activities.updated DESC LIMIT 200"
        )
        if engine.dialect.name == "sqlite":
            return [str(row[-1]) for row in session.execute(text("EXPLAIN QUERY PLAN " + sql))]
        return [str(row[0]) for row in session.execute(text("EXPLAIN " + sql))]


def measure_backend(url: str) -> dict[str, Any]:
    """Fill one database, measure with and without the project's indexes."""
    engine = make_engine(url)
    prepare_database(engine, example_file=None)
    with session_scope(engine) as session:
        codes = list(session.scalars(select(Municipality.cbs_code)))
        started = time.perf_counter()
        upsert_activities(session, generated_rows(codes, CATALOGUE_SIZE))
    fill_seconds = time.perf_counter() - started
    with engine.begin() as connection:
        connection.execute(text("ANALYZE"))
    queries = query_mix()
    with_indexes = timed_queries(engine, queries)
    plan = query_plan(engine)
    with engine.begin() as connection:
        for name in PROJECT_INDEXES:
            connection.execute(text(f"DROP INDEX {name}"))
        connection.execute(text("ANALYZE"))
    without_indexes = timed_queries(engine, queries)
    engine.dispose()
    return {
        "catalogue_size": CATALOGUE_SIZE,
        "fill_seconds": round(fill_seconds, 1),
        "with_project_indexes": with_indexes,
        "baseline_without_project_indexes": without_indexes,
        "p95_ratio_with_vs_without": round(with_indexes["p95_ms"] / without_indexes["p95_ms"], 3),
        "target_p95_ms_max": TARGET_P95_MS,
        "target_met": with_indexes["p95_ms"] <= TARGET_P95_MS,
        "query_plan": plan,
    }


def measure(workdir: Path) -> dict[str, Any]:
    """Both backends (PostgreSQL when reachable), in one result."""
    result: dict[str, Any] = {"indexes": PROJECT_INDEXES, "backends": {}}
    with fresh_database("sqlite", workdir) as url:
        result["backends"]["sqlite"] = measure_backend(url)
    if postgres_available():
        with fresh_database("postgresql", workdir) as url:
            result["backends"]["postgresql"] = measure_backend(url)
    else:
        result["backends"]["postgresql"] = {"skipped": "PostgreSQL not reachable"}
    return result
