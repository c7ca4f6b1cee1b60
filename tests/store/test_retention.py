"""Retention covers everything stored: meldingen of any status, handovers left open, the audit log, the
short-lived rows and Rasa's conversations."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine

from bot.store.clock import now
from bot.store.db import make_engine, session_scope
from bot.store.meldingen import NewMelding, create_melding
from bot.store.models import (
    AuditEntry,
    Delivery,
    Handover,
    LoginFailure,
    Melding,
    QuotaEvent,
    User,
    VolunteerPresence,
    WebSession,
)
from bot.store.retention import RetentionPolicy, purge_all
from bot.store.seed import prepare_database
from tests.support.paths import ROOT

NEW = NewMelding("GM0268", "other", "Buurvrouw komt niet meer buiten.", None, "none", None)


@pytest.fixture()
def engine(empty_url: str) -> Iterator[Engine]:
    engine = make_engine(empty_url)
    prepare_database(engine, example_file=None)
    yield engine
    engine.dispose()


def tracker_store(path: Path, conversations: dict[str, dt.datetime]) -> Engine:
    rows = [(sender, at.replace(tzinfo=dt.timezone.utc).timestamp()) for sender, at in conversations.items()]
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, timestamp REAL, data TEXT)")
        db.executemany("INSERT INTO events (sender_id, timestamp, data) VALUES (?, ?, '{}')", rows)
    return make_engine(f"sqlite:///{path}")


def fill(engine: Engine) -> dict[str, str]:
    """One old and one recent record of each kind; returns the meldcodes by name."""
    moment = now()
    days = dt.timedelta(days=1)
    with session_scope(engine) as session:
        codes = {name: create_melding(session, NEW) for name in ("undeliverable_old", "held_old", "recent")}
        user = User(username="vera", password_hash="x", role="volunteer", created_at=moment)
        session.add(user)
        session.flush()
        handovers = {
            "crashed_active": ("active", moment - 2 * days),
            "crashed_waiting": ("waiting", moment - 2 * days),
            "ancient_active": ("active", moment - 40 * days),
            "live": ("active", moment - dt.timedelta(minutes=5)),
        }
        for visitor, (status, created) in handovers.items():
            session.add(Handover(visitor=visitor, status=status, created_at=created, volunteer_id=user.id))
        session.add_all(
            [
                AuditEntry(at=moment - 400 * days, username="wim", action="melding.opened"),
                AuditEntry(at=moment - 2 * days, username="wim", action="melding.opened"),
                LoginFailure(username="wim", at=moment - 2 * days),
                LoginFailure(username="wim", at=moment),
                QuotaEvent(kind="melding", sender_key="a" * 64, at=moment - 2 * days),
                VolunteerPresence(user_id=user.id, seen_at=moment - 2 * days),
                WebSession(
                    token_hash="b" * 64,
                    user_id=user.id,
                    csrf_token="c",
                    created_at=moment - days,
                    expires_at=moment - days / 2,
                    last_seen=moment - days / 2,
                ),
            ]
        )
    with engine.begin() as connection:
        for name, status in (("undeliverable_old", "undeliverable"), ("held_old", "held")):
            connection.execute(
                update(Melding)
                .where(Melding.code == codes[name])
                .values(status=status, updated_at=moment - 400 * days)
            )
    return codes


def count(engine: Engine, model: type) -> int:
    with session_scope(engine) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_everything_stored_has_a_period(engine: Engine, tmp_path: Path) -> None:
    codes = fill(engine)
    tracker = tracker_store(tmp_path / "tracker.db", {"oud": now() - dt.timedelta(days=31), "nieuw": now()})

    with session_scope(engine) as session:
        report = purge_all(session, tracker, RetentionPolicy())
    tracker.dispose()

    assert report.meldingen == 2 and report.handovers_closed == 3 and report.conversations == 1
    with session_scope(engine) as session:
        assert set(session.scalars(select(Melding.code))) == {codes["recent"]}
        assert session.scalar(select(func.count()).select_from(Delivery)) == 1
        rows = session.execute(select(Handover.visitor, Handover.status))
        statuses = {row.visitor: row.status for row in rows}
        assert statuses == {"crashed_active": "ended", "crashed_waiting": "expired", "live": "active"}
        kept = list(session.scalars(select(AuditEntry.at)))
        assert len(kept) == 1 and kept[0] > now() - dt.timedelta(days=3)
    assert count(engine, LoginFailure) == 1
    for model in (QuotaEvent, VolunteerPresence, WebSession):
        assert count(engine, model) == 0, model.__name__
    with sqlite3.connect(tmp_path / "tracker.db") as db:
        assert [row[0] for row in db.execute("SELECT DISTINCT sender_id FROM events")] == ["nieuw"]


def test_purge_on_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    engine = make_engine(url)
    prepare_database(engine, example_file=None)
    fill(engine)
    tracker_store(tmp_path / "tracker.db", {"oud": now() - dt.timedelta(days=31)}).dispose()
    result = subprocess.run(
        [sys.executable, "-m", "bot", "purge", "--audit-days", "30"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url, "TRACKER_DATABASE_URL": f"sqlite:///{tmp_path}/tracker.db"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "2 melding(en), 1 gesprek(ken)" in result.stdout and "3 open gebleven" in result.stdout
    assert count(engine, AuditEntry) == 1
    engine.dispose()
