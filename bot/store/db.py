"""Engine and sessions: SQLite under `var/` by default, PostgreSQL when `DATABASE_URL` says so.

Engines never put the values of a statement into an error message (`hide_parameters`): a failed
INSERT of a melding must not carry what was reported into a log. A new SQLite file is readable by
its owner only (0600, in a folder made 0700).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from bot.socialmap.catalogue import PROJECT_ROOT

DEFAULT_URL = f"sqlite:///{PROJECT_ROOT / 'var' / 'bot.db'}"


def database_url() -> str:
    """The database URL: `DATABASE_URL` from the environment, else the embedded SQLite file."""
    url = os.environ.get("DATABASE_URL", "").strip() or DEFAULT_URL
    # Heroku-style URLs say postgres://; SQLAlchemy 1.4 only knows postgresql://.
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_private_file(path: str) -> None:
    """Create the file (mode 0600) and its missing folders (0700), unless it exists."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), mode=0o700, exist_ok=True)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets foreign keys and WAL, and a private file (see above)."""
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///") :]
        if path and path != ":memory:":
            # SQLite gives its -wal and -shm files the mode of the database file.
            create_private_file(path)
        engine = create_engine(
            url, future=True, hide_parameters=True, connect_args={"check_same_thread": False}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, future=True, pool_pre_ping=True, hide_parameters=True)


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """One engine per URL per process."""
    return make_engine(url)


def default_engine() -> Engine:
    """The engine for `database_url()`."""
    return engine_for(database_url())


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A session that commits when the block succeeds and rolls back when it raises."""
    factory = sessionmaker(bind=engine or default_engine(), future=True, expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
