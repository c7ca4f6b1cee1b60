"""Accounts: argon2, login limits, sessions and their end, audit; `add-user`, `deactivate-user`, `purge`."""

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

from bot.store import accounts
from bot.store.accounts import (
    ACCOUNT_FREE_FAILURES,
    IDLE_TIMEOUT,
    MAX_LOGIN_DELAY,
    SESSION_LIFETIME,
    AccountError,
    account_wait,
    add_user,
    audit,
    check_session,
    close_session,
    confirm_login,
    deactivate_user,
    login_candidate,
    login_delay,
    open_session,
    record_failure,
    session_account,
    verify_password,
)
from bot.store.db import make_engine, session_scope
from bot.store.meldingen import NewMelding, create_melding, set_status
from bot.store.models import AuditEntry, Melding, User, WebSession
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


class Clock:
    """The store's clock, moved on by hand."""

    def __init__(self) -> None:
        self.moment = accounts.now()

    def __call__(self) -> dt.datetime:
        return self.moment

    def advance(self, delta: dt.timedelta) -> None:
        self.moment += delta


@pytest.fixture()
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(accounts, "now", clock)
    return clock


def log_in(engine: Engine, username: str, password: str) -> accounts.Account | None:
    """What the login page does, without the thread pool: candidate, verify, confirm or count a failure."""
    with session_scope(engine) as session:
        candidate = login_candidate(session, username)
    ok = verify_password(candidate.password_hash, password)
    with session_scope(engine) as session:
        account = confirm_login(session, candidate) if ok else None
        if account is None:
            record_failure(session, username)
        return account


def test_login_session_and_logout(engine: Engine) -> None:
    with session_scope(engine) as session:
        add_user(session, "wim", "wijkteam", PASSWORD, "GM0268")
    account = log_in(engine, "wim", PASSWORD)
    assert account is not None and account.municipality_code == "GM0268"
    assert log_in(engine, "wim", "fout-wachtwoord-123") is None
    assert log_in(engine, "bestaat-niet", PASSWORD) is None
    with session_scope(engine) as session:
        token, csrf = open_session(session, account)
    with session_scope(engine) as session:
        found = session_account(session, token)
        assert found is not None and found[0].username == "wim" and found[1] == csrf
        assert session_account(session, "verzonnen") is None
        close_session(session, token)
    with session_scope(engine) as session:
        assert session_account(session, token) is None


def test_login_delays_grow_and_are_capped() -> None:
    assert [login_delay(n, 3) for n in range(7)] == [0, 0, 0, 1, 2, 4, 8]
    assert login_delay(60, 3) == login_delay(10_000, 3) == MAX_LOGIN_DELAY.total_seconds()


def test_wrong_passwords_make_the_account_wait_longer_each_time_not_lock(
    engine: Engine, clock: Clock
) -> None:
    with session_scope(engine) as session:
        add_user(session, "anna", "volunteer", PASSWORD)
    for _ in range(ACCOUNT_FREE_FAILURES - 1):
        assert log_in(engine, "anna", "fout-wachtwoord-123") is None
    with session_scope(engine) as session:
        assert account_wait(session, "anna") == 0
        assert record_failure(session, "anna") == 1.0  # the free failures are used up: 1 second
        assert record_failure(session, "anna") == 2.0
        assert account_wait(session, "bestaat-niet") == 0  # other names are not touched
    clock.advance(dt.timedelta(seconds=2))
    with session_scope(engine) as session:
        assert account_wait(session, "anna") == 0
    assert log_in(engine, "anna", PASSWORD) is not None  # after the wait the right password works
    with session_scope(engine) as session:
        assert account_wait(session, "anna") == 0  # and the failures are forgotten


def test_a_new_password_or_deactivation_ends_every_session(engine: Engine) -> None:
    with session_scope(engine) as session:
        anna = add_user(session, "anna", "volunteer", PASSWORD)
        first, _ = open_session(session, anna)
        second, _ = open_session(session, anna)
        bram = add_user(session, "bram", "volunteer", PASSWORD)
        other, _ = open_session(session, bram)
    with session_scope(engine) as session:
        add_user(session, "anna", "volunteer", "een-nieuw-wachtwoord")
    with session_scope(engine) as session:
        assert check_session(session, first) == check_session(session, second) == "ended"
        assert session_account(session, other) is not None
        third, _ = open_session(session, anna)
    with session_scope(engine) as session:
        assert deactivate_user(session, "anna") and not deactivate_user(session, "bestaat-niet")
    with session_scope(engine) as session:
        assert check_session(session, third) == "ended"
        assert session.scalar(select(WebSession.user_id).where(WebSession.user_id == anna.id)) is None
    assert log_in(engine, "anna", "een-nieuw-wachtwoord") is None


def test_a_changed_password_during_the_check_does_not_log_in(engine: Engine) -> None:
    with session_scope(engine) as session:
        add_user(session, "anna", "volunteer", PASSWORD)
        candidate = login_candidate(session, "anna")
    assert verify_password(candidate.password_hash, PASSWORD)
    with session_scope(engine) as session:
        add_user(session, "anna", "volunteer", "een-nieuw-wachtwoord")
    with session_scope(engine) as session:
        assert confirm_login(session, candidate) is None


def test_sessions_end_when_idle_and_after_their_lifetime(engine: Engine, clock: Clock) -> None:
    with session_scope(engine) as session:
        anna = add_user(session, "anna", "volunteer", PASSWORD)
        busy, _ = open_session(session, anna)
        idle, _ = open_session(session, anna)
    for _ in range(3):  # `busy` is used every 20 minutes, `idle` only looked at without use
        clock.advance(IDLE_TIMEOUT * 2 / 3)
        with session_scope(engine) as session:
            assert session_account(session, busy) is not None
    with session_scope(engine) as session:
        assert check_session(session, idle, touch=False) == "idle"
    with session_scope(engine) as session:
        assert check_session(session, idle) == "ended"  # deleted when found idle
    clock.advance(SESSION_LIFETIME)
    with session_scope(engine) as session:
        assert check_session(session, busy) == "expired"


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
    off = subprocess.run(
        [sys.executable, "-m", "bot", "deactivate-user", "wim"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert off.returncode == 0, off.stderr
    with session_scope(engine) as session:
        assert session.scalar(select(User.active).where(User.username == "wim")) is False


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
