"""Staff sessions end, and an open console socket ends with them (SQLite and PostgreSQL).

Logout, a new password, a switched-off account and 30 minutes without a request all end a session;
the console's socket notices at the volunteer's next frame or at its next check, and closes with a
Dutch reason.
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.store import accounts
from bot.store.accounts import IDLE_TIMEOUT, add_user, deactivate_user
from bot.store.db import make_engine, session_scope
from bot.store.seed import prepare_database
from bot.web import session_watch
from bot.web.handover import HandoverService
from bot.web.keys import HANDOVERS, SOCKETS
from bot.web.live_frames import LocalLiveFrames
from bot.web.rasa_client import RasaClient
from bot.web.rendering import setup_templates
from bot.web.routes import add_console_routes, add_staff_routes
from bot.web.settings import Settings

PASSWORD = "lang-genoeg-wachtwoord"


class Clock:
    """The store's clock, moved on by hand."""

    def __init__(self) -> None:
        self.moment = accounts.now()

    def __call__(self) -> dt.datetime:
        return self.moment


@pytest.fixture()
async def site(empty_url: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[dict[str, Any]]:
    """The staff pages and the console (no Rasa needed: nobody is handed over here)."""
    monkeypatch.setenv("DATABASE_URL", empty_url)
    clock = Clock()
    monkeypatch.setattr(accounts, "now", clock)
    engine = make_engine(empty_url)
    prepare_database(engine, example_file=None)
    with session_scope(engine) as session:
        add_user(session, "anna", "volunteer", PASSWORD)
        add_user(session, "wim", "wijkteam", PASSWORD, "GM0268")
    app = web.Application()
    setup_templates(app)
    add_staff_routes(app)
    add_console_routes(app)
    app[SOCKETS] = weakref.WeakSet()
    async with aiohttp.ClientSession() as rasa_http:
        rasa = RasaClient(Settings(rasa_url="http://127.0.0.1:9"), rasa_http)
        app[HANDOVERS] = HandoverService(rasa, LocalLiveFrames())
        server = TestServer(app, host="127.0.0.1")
        await server.start_server()
        yield {"base": str(server.make_url("")).rstrip("/"), "engine": engine, "clock": clock}
        await server.close()
    engine.dispose()


def browser() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def log_in(http: aiohttp.ClientSession, base: str, user: str) -> None:
    page = await (await http.get(f"{base}/login")).text()
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    response = await http.post(
        f"{base}/login", data={"csrf": csrf, "username": user, "password": PASSWORD}, allow_redirects=False
    )
    assert response.status == 302


async def open_console(http: aiohttp.ClientSession, base: str) -> tuple[aiohttp.ClientWebSocketResponse, str]:
    await log_in(http, base, "anna")
    page = await (await http.get(f"{base}/console")).text()
    csrf = re.search(r'data-csrf="([^"]+)"', page).group(1)
    ws = await http.ws_connect(f"{base}/console/ws", origin=base)
    await ws.send_json({"type": "hello", "csrf": csrf})
    assert (await ws.receive_json(timeout=10))["type"] == "queue"
    return ws, csrf


async def close_reason(ws: aiohttp.ClientWebSocketResponse) -> str:
    """Read frames until the gateway closes the socket; the reason it gives."""
    while True:
        message = await ws.receive(timeout=15)
        if message.type == aiohttp.WSMsgType.CLOSE:
            assert message.data == 1008
            return str(message.extra)
        assert message.type == aiohttp.WSMsgType.TEXT, message


async def test_after_logout_the_console_closes_at_its_next_frame(site: dict[str, Any]) -> None:
    async with browser() as http:
        ws, csrf = await open_console(http, site["base"])
        response = await http.post(f"{site['base']}/logout", data={"csrf": csrf}, allow_redirects=False)
        assert response.status == 302
        await ws.send_json({"type": "typing", "typing": True})
        assert "uitgelogd" in await close_reason(ws)


def new_password(site: dict[str, Any]) -> None:
    with session_scope(site["engine"]) as session:
        add_user(session, "anna", "volunteer", "een-nieuw-wachtwoord")


def switched_off(site: dict[str, Any]) -> None:
    with session_scope(site["engine"]) as session:
        deactivate_user(session, "anna")


def idle(site: dict[str, Any]) -> None:
    site["clock"].moment += IDLE_TIMEOUT + dt.timedelta(minutes=1)


@pytest.mark.parametrize(
    ("end", "reason"),
    [(new_password, "uitgelogd"), (switched_off, "uitgelogd"), (idle, "niet actief")],
    ids=["new password", "account switched off", "idle"],
)
async def test_the_console_checks_its_session_on_a_timer(
    site: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    end: Callable[[dict[str, Any]], None],
    reason: str,
) -> None:
    monkeypatch.setattr(session_watch, "SESSION_CHECK_SECONDS", 0.2)
    async with browser() as http:
        ws, _ = await open_console(http, site["base"])
        end(site)
        assert reason in await close_reason(ws)  # without a frame from the volunteer


async def test_a_session_ends_after_thirty_minutes_without_a_request(site: dict[str, Any]) -> None:
    async with browser() as http:
        await log_in(http, site["base"], "wim")
        for _ in range(3):  # a request every 20 minutes keeps it going
            site["clock"].moment += IDLE_TIMEOUT * 2 / 3
            assert (await http.get(f"{site['base']}/inbox", allow_redirects=False)).status == 200
        idle(site)
        response = await http.get(f"{site['base']}/inbox", allow_redirects=False)
        assert response.status == 302 and response.headers["Location"] == "/login"
