"""A new SQLite database is readable by its owner only: the file 0600, a new folder 0700."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sqlalchemy import text

from bot.store.db import make_engine


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_folder_are_private(tmp_path: Path) -> None:
    path = tmp_path / "var" / "bot.db"
    usual = os.umask(0o022)  # the common default, which would make them readable for everyone
    try:
        engine = make_engine(f"sqlite:///{path}")
    finally:
        os.umask(usual)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
        connection.execute(text("INSERT INTO t VALUES (1)"))
        # The write-ahead log and its index get the database file's mode.
        assert mode(path.with_name("bot.db-wal")) == 0o600
    engine.dispose()
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
