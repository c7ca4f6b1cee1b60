"""Test databases: a fresh SQLite file, or a fresh schema in the local PostgreSQL.

PostgreSQL runs on every machine of this project (127.0.0.1:5432, trust auth, database `test`).
Locally a missing PostgreSQL skips its tests; in CI (`CI=true`) it is a failure.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, select, text

from bot.store.db import make_engine, session_scope
from bot.store.insight import CountKey
from bot.store.models import InsightCount

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
BACKENDS = ("sqlite", "postgresql")


def postgres_available() -> bool:
    """Tell whether the test PostgreSQL answers."""
    try:
        engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:  # noqa: BLE001 - any failure means "not available"
        return False


def require_postgres() -> None:
    """Skip without PostgreSQL, except in CI where it must be there."""
    if postgres_available():
        return
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"PostgreSQL is not reachable at {POSTGRES_URL}, and CI requires it.")
    pytest.skip(f"PostgreSQL is not reachable at {POSTGRES_URL}")


@contextmanager
def fresh_database(backend: str, tmp_dir: Path) -> Iterator[str]:
    """Yield the URL of an empty database; it is removed afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_dir / f'store-{secrets.token_hex(4)}.db'}"
        return
    require_postgres()
    schema = f"test_{secrets.token_hex(6)}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{POSTGRES_URL}?options={quote(f'-csearch_path={schema}')}"
    finally:
        from bot.store.db import engine_for

        engine_for.cache_clear()
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def stored_insight_counts(database_url: str) -> dict[CountKey, int]:
    """Every non-zero count of /inzicht in that app database, exactly as stored."""
    engine = make_engine(database_url)
    with session_scope(engine) as session:
        rows = session.execute(
            select(
                InsightCount.municipality,
                InsightCount.week,
                InsightCount.kind,
                InsightCount.value,
                InsightCount.count,
            )
        ).all()
    engine.dispose()
    return {CountKey(*row[:4]): row[4] for row in rows if row[4]}
