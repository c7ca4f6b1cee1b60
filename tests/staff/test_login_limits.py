"""Staff login under load and under guessing, over real HTTP (SQLite and PostgreSQL).

Password checks run off the event loop behind a bounded queue; wrong passwords slow down the client
that types them (per account and per client) instead of locking the account for everyone.
"""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from sqlalchemy import select

from bot.store import accounts
from bot.store.accounts import ACCOUNT_FREE_FAILURES, add_user
from bot.store.db import make_engine, session_scope
from bot.store.models import AuditEntry
from bot.store.seed import prepare_database
from bot.web import password_checks
from bot.web.keys import LOGIN_THROTTLE, PASSWORD_CHECKS
from bot.web.login_throttle import CLIENT_FREE_FAILURES, LoginThrottle
from bot.web.pages.login import BUSY
from bot.web.password_checks import PasswordChecks
from bot.web.rendering import setup_templates
from bot.web.routes import add_staff_routes

PASSWORD = "lang-genoeg-wachtwoord"
WRONG = "fout-wachtwoord-123"
ATTACKER, VOLUNTEER = "203.0.113.5", "198.51.100.7"


class Clock:
    """The throttle's clock, moved on by hand."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


@pytest.fixture()
async def site(empty_url: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[dict[str, Any]]:
    """The staff pages behind a trusted proxy at 127.0.0.1, so `X-Forwarded-For` names the client."""
    monkeypatch.setenv("DATABASE_URL", empty_url)
    engine = make_engine(empty_url)
    prepare_database(engine, example_file=None)
    with session_scope(engine) as session:
        add_user(session, "wim", "wijkteam", PASSWORD, "GM0268")
    clock = Clock()
    app = web.Application()
    setup_templates(app)
    add_staff_routes(app)
    app[LOGIN_THROTTLE] = LoginThrottle(frozenset({"127.0.0.1"}), clock=clock)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield {"base": str(server.make_url("")), "engine": engine, "app": app, "clock": clock}
    await server.close()
    engine.dispose()


@pytest.fixture()
def held_checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Password checks that wait (in their thread) until the test lets them go, then say "wrong"."""
    release = threading.Event()

    def held(password_hash: str, password: str) -> bool:
        release.wait(30)
        return False

    monkeypatch.setattr(password_checks, "verify_password", held)
    yield release
    release.set()


async def log_in(
    http: aiohttp.ClientSession, base: str, user: str, password: str, client: str
) -> aiohttp.ClientResponse:
    headers = {"X-Forwarded-For": client}
    page = await (await http.get(f"{base}/login", headers=headers)).text()
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    return await http.post(
        f"{base}/login",
        headers=headers,
        data={"csrf": csrf, "username": user, "password": password},
        allow_redirects=False,
    )


def browser() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def until(condition: Any) -> None:
    """Wait (up to 30 s) until `condition()` holds; for ordering only, never as a timing assert."""
    for _ in range(3000):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the condition never held")


def audit_rows(site: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    with session_scope(site["engine"]) as session:
        return [(a.username, a.action, a.target, a.detail) for a in session.scalars(select(AuditEntry))]


async def test_a_burst_of_logins_does_not_block_the_event_loop(site: dict[str, Any]) -> None:
    checks = site["app"][PASSWORD_CHECKS]
    finished: list[int] = []

    async def flood(http: aiohttp.ClientSession, i: int) -> None:
        response = await log_in(http, site["base"], f"naam-{i}", WRONG, f"203.0.113.{i + 10}")
        assert response.status == 401
        finished.append(i)

    async with browser() as http:
        logins = [asyncio.create_task(flood(http, i)) for i in range(10)]
        await until(lambda: checks.admitted >= checks.workers)
        cheap = await http.get(f"{site['base']}/login")  # a page that needs only the event loop
        assert cheap.status == 200
        done_when_cheap_answered = len(finished)
        await asyncio.gather(*logins)
    # The cheap page answered while most of the argon2 checks were still running or waiting.
    assert done_when_cheap_answered <= 5, done_when_cheap_answered
    assert len(finished) == 10


async def test_another_client_logs_in_while_one_client_is_throttled(site: dict[str, Any]) -> None:
    base = site["base"]
    async with browser() as attacker:
        statuses = [(await log_in(attacker, base, "wim", WRONG, ATTACKER)).status for _ in range(5)]
        assert statuses == [401, 401, 401, 429, 429]
        waiting = await log_in(attacker, base, "wim", PASSWORD, ATTACKER)
        assert waiting.status == 429 and waiting.headers["Retry-After"] == "1"
        assert "Wacht 1 seconde" in await waiting.text()
    async with browser() as volunteer:
        response = await log_in(volunteer, base, "wim", PASSWORD, VOLUNTEER)
        assert response.status == 302 and response.headers["Location"] == "/inbox"
    site["clock"].seconds += 1  # a growing wait, not a lock: after it the right password works
    async with browser() as attacker:
        assert (await log_in(attacker, base, "wim", PASSWORD, ATTACKER)).status == 302
    rows = audit_rows(site)
    actions = [action for _, action, _, _ in rows]
    assert actions.count("login.failed") == 3 and actions.count("login") == 2
    assert ("wim", "login.throttled", "", "account+client: 1 s") in rows
    assert ("wim", "login.refused", "", "account+client") in rows
    assert actions.count("login.refused") == 1  # once per wait, however often it is tried
    written = repr(rows)
    assert ATTACKER not in written and VOLUNTEER not in written and WRONG not in written


async def test_one_client_trying_many_names_is_slowed_down(site: dict[str, Any]) -> None:
    async with browser() as http:
        statuses = [
            (await log_in(http, site["base"], f"naam-{i}", WRONG, ATTACKER)).status
            for i in range(CLIENT_FREE_FAILURES + 1)
        ]
        assert statuses == [401] * CLIENT_FREE_FAILURES + [429]
        assert (await log_in(http, site["base"], "wim", PASSWORD, VOLUNTEER)).status == 302


async def test_guessing_from_many_clients_slows_the_account_but_not_a_known_client(
    site: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    moment = accounts.now()
    monkeypatch.setattr(accounts, "now", lambda: moment)  # the database's clock stands still
    base = site["base"]
    async with browser() as volunteer:
        assert (await log_in(volunteer, base, "wim", PASSWORD, VOLUNTEER)).status == 302
    async with browser() as http:
        for i in range(ACCOUNT_FREE_FAILURES):
            assert (await log_in(http, base, "wim", WRONG, f"203.0.113.{i + 10}")).status == 401
        newcomer = await log_in(http, base, "wim", PASSWORD, "192.0.2.99")
        assert newcomer.status == 429
    async with browser() as volunteer:  # has logged in from here before
        assert (await log_in(volunteer, base, "wim", PASSWORD, VOLUNTEER)).status == 302
    assert ("wim", "login.throttled", "", "account: 1 s") in audit_rows(site)


async def test_a_full_queue_of_password_checks_is_told_kindly_not_queued(
    site: dict[str, Any], held_checks: threading.Event
) -> None:
    checks = PasswordChecks(workers=1, queue=3, per_client=2)
    site["app"][PASSWORD_CHECKS] = checks
    base = site["base"]
    async with browser() as http:
        first = [asyncio.create_task(log_in(http, base, "wim", WRONG, ATTACKER)) for _ in range(2)]
        await until(lambda: checks.admitted == 2)
        same_client = await log_in(http, base, "wim", WRONG, ATTACKER)
        assert same_client.status == 429 and BUSY in await same_client.text()
        other = asyncio.create_task(log_in(http, base, "wim", WRONG, VOLUNTEER))
        third = asyncio.create_task(log_in(http, base, "wim", WRONG, "192.0.2.1"))
        await until(lambda: checks.admitted == 4)
        full = await log_in(http, base, "wim", WRONG, "192.0.2.2")
        assert full.status == 429 and full.headers["Retry-After"] == "5" and BUSY in await full.text()
        held_checks.set()
        assert [r.status for r in await asyncio.gather(*first, other, third)] == [401] * 4
    await until(lambda: checks.admitted == 0)
