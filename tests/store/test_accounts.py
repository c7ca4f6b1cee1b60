"""Accounts: argon2 hashes, rate-limited logins, sessions, audit; `add-user` and `purge` commands."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from bot.store.accounts import (
    MAX_FAILURES,
    AccountError,
    add_user,
    audit,
    close_session,
    login,
    open_session,
    session_account,
)
from bot.store.db import make_engine, session_scope
from bot.store.meldingen import NewMelding, create_melding, set_status
from bot.store.models import AuditEntry, Melding, User
from bot.store.retention import purge_conversations, purge_meldingen
from bot.store.seed import prepare_database
from tests.support.paths import ROOT

PASSWORD = "lang-genoeg-wachtwoord"


@pytest.fixture()
def engine(empty_url: str) -> Iterator[Engine]:
    engine = make_engine(empty_url)
    prepare_database(engine, example_file=None)
    yield engine
    engine.dispose()


def test_password_is_hashed_with_argon2(engine: Engine) -> None:
    with session_scope(engine) as session:
        add_user(session, "anna", "volunteer", PASSWORD)
    with session_scope(engine) as session:
        stored = session.scalar(select(User.password_hash))
    assert stored.startswith("$argon2") and PASSWORD not in stored


@pytest.mark.parametrize(
    ("role", "password", "municipality", "message"),
    [
        ("baas", PASSWORD, None, "Onbekende rol"),
        ("wijkteam", PASSWORD, None, "hoort bij één gemeente"),
        ("volunteer", "kort", None, "te kort"),
    ],
)
def test_bad_accounts_are_refused(
    engine: Engine, role: str, password: str, municipality: str | None, message: str
) -> None:
    with pytest.raises(AccountError, match=message), session_scope(engine) as session:
        add_user(session, "x", role, password, municipality)


def test_login_session_and_logout(engine: Engine) -> None:
    with session_scope(engine) as session:
        add_user(session, "wim", "wijkteam", PASSWORD, "GM0268")
    with session_scope(engine) as session:
        account = login(session, "wim", PASSWORD)
        assert not isinstance(account, str) and account.municipality_code == "GM0268"
        token, csrf = open_session(session, account)
    with session_scope(engine) as session:
        found = session_account(session, token)
        assert found is not None and found[0].username == "wim" and found[1] == csrf
        assert session_account(session, "verzonnen") is None
        close_session(session, token)
    with session_scope(engine) as session:
        assert session_account(session, token) is None


def test_ten_wrong_passwords_are_rate_limited(engine: Engine) -> None:
    with session_scope(engine) as session:
        add_user(session, "anna", "volunteer", PASSWORD)
    results = []
    for _ in range(10):
        with session_scope(engine) as session:
            results.append(login(session, "anna", "fout-wachtwoord-123"))
    assert results[:MAX_FAILURES] == ["wrong"] * MAX_FAILURES
    assert set(results[MAX_FAILURES:]) == {"locked"}
    with session_scope(engine) as session:
        assert login(session, "anna", PASSWORD) == "locked"  # even the right password waits
        assert login(session, "bestaat-niet", PASSWORD) == "wrong"


def test_audit_log(engine: Engine) -> None:
    with session_scope(engine) as session:
        audit(session, "wim", "melding.opened", "K7QXM4")
    with session_scope(engine) as session:
        entry = session.scalar(select(AuditEntry))
        assert (entry.username, entry.action, entry.target) == ("wim", "melding.opened", "K7QXM4")


def test_add_user_command(empty_url: str, engine: Engine) -> None:
    env = {**os.environ, "DATABASE_URL": empty_url}
    ok = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "add-user",
            "wim",
            "--role",
            "wijkteam",
            "--municipality",
            "Nijmegen",
            "--password-stdin",
        ],
        input=PASSWORD + "\n",
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ok.returncode == 0, ok.stderr
    assert "GM0268" in ok.stdout and PASSWORD not in ok.stdout + ok.stderr
    refused = subprocess.run(
        [sys.executable, "-m", "bot", "add-user", "piet", "--role", "wijkteam", "--password-stdin"],
        input=PASSWORD + "\n",
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 1 and "gemeente" in refused.stderr


def test_purge_closed_meldingen(engine: Engine) -> None:
    new = NewMelding("GM0268", "self", "Ik zou graag iemand spreken.", None, "none", None)
    with session_scope(engine) as session:
        old_code, open_code = create_melding(session, new), create_melding(session, new)
        set_status(session, old_code, "closed", actor="wim")
    with engine.begin() as connection:
        connection.execute(
            update(Melding).where(Melding.code == old_code).values(updated_at=dt.datetime(2020, 1, 1))
        )
    with session_scope(engine) as session:
        assert purge_meldingen(session, closed_days=90) == 1
    with session_scope(engine) as session:
        assert set(session.scalars(select(Melding.code))) == {open_code}


def test_purge_old_conversations(tmp_path: Path) -> None:
    tracker = tmp_path / "tracker.db"
    with sqlite3.connect(tracker) as db:
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, timestamp REAL, data TEXT)")
        old = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc).timestamp()
        new = dt.datetime.now(dt.timezone.utc).timestamp()
        db.executemany(
            "INSERT INTO events (sender_id, timestamp, data) VALUES (?, ?, '{}')",
            [("oud", old), ("oud", old + 5), ("nieuw", old), ("nieuw", new)],
        )
    engine = make_engine(f"sqlite:///{tracker}")
    assert purge_conversations(engine, days=30) == 1
    engine.dispose()
    with sqlite3.connect(tracker) as db:
        assert [row[0] for row in db.execute("SELECT DISTINCT sender_id FROM events")] == ["nieuw"]
