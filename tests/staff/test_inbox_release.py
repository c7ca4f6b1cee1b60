"""A melding held over the quota, in the inbox over HTTP: shown apart, released (CSRF, audit), then sent."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from sqlalchemy import select

from bot.escalation import worker
from bot.escalation.settings import DeliverySettings
from bot.store.accounts import add_user
from bot.store.db import make_engine, session_scope
from bot.store.meldingen import DeliveryJob, NewMelding, create_melding, status_for_code
from bot.store.models import AuditEntry
from bot.store.seed import prepare_database
from bot.web.rendering import setup_templates
from bot.web.routes import add_staff_routes

PASSWORD = "lang-genoeg-wachtwoord"
NEIGHBOUR = NewMelding("GM0268", "other", "Buurvrouw, rond de 80, woont alleen.", False, "none", None)


@pytest.fixture()
async def site(empty_url: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[dict[str, Any]]:
    monkeypatch.setenv("DATABASE_URL", empty_url)
    engine = make_engine(empty_url)
    prepare_database(engine, example_file=None)
    with session_scope(engine) as session:
        add_user(session, "wim", "wijkteam", PASSWORD, "GM0268")
        add_user(session, "els", "wijkteam", PASSWORD, "GM0153")
        held = create_melding(session, NEIGHBOUR, held=True)
        sent = create_melding(session, NEIGHBOUR)
    app = web.Application()
    setup_templates(app)
    add_staff_routes(app)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield {"base": str(server.make_url("")), "held": held, "sent": sent, "engine": engine}
    await server.close()
    engine.dispose()


def client() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def log_in(http: aiohttp.ClientSession, base: str, user: str) -> None:
    page = await (await http.get(f"{base}/login")).text()
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    response = await http.post(
        f"{base}/login", data={"csrf": csrf, "username": user, "password": PASSWORD}, allow_redirects=False
    )
    assert response.status == 302


async def csrf_of(http: aiohttp.ClientSession, url: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', await (await http.get(url)).text()).group(1)


async def sent_codes(site: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """One pass of the real delivery worker, with the e-mail channel recording instead of sending."""
    sent: list[str] = []

    async def record(job: DeliveryJob, settings: DeliverySettings) -> None:
        sent.append(job.code)

    monkeypatch.setitem(worker.SENDERS, "email", record)
    await worker.run_once(site["engine"], DeliverySettings())
    return sent


async def test_a_held_melding_is_sent_only_after_release_in_the_inbox(
    site: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    base, code = site["base"], site["held"]
    assert await sent_codes(site, monkeypatch) == [site["sent"]]

    async with client() as http:
        await log_in(http, base, "wim")
        inbox = await (await http.get(f"{base}/inbox")).text()
        held_list = inbox.split('data-testid="inbox-held"')[1].split("</ul>")[0]
        assert code in held_list and "wacht op controle" in held_list
        page = await (await http.get(f"{base}/inbox/{code}")).text()
        assert 'data-testid="inbox-release"' in page and f'action="/inbox/{code}/release"' in page

        refused = await http.post(f"{base}/inbox/{code}/release", data={"csrf": "verkeerd"})
        assert refused.status == 403
        assert await sent_codes(site, monkeypatch) == []

        csrf = await csrf_of(http, f"{base}/inbox/{code}")
        released = await http.post(f"{base}/inbox/{code}/release", data={"csrf": csrf}, allow_redirects=False)
        assert released.status == 302 and released.headers["Location"] == f"/inbox/{code}"
        again = await http.post(f"{base}/inbox/{code}/release", data={"csrf": csrf}, allow_redirects=False)
        assert again.status == 400

    assert await sent_codes(site, monkeypatch) == [code]
    with session_scope(site["engine"]) as session:
        assert status_for_code(session, code) == "delivered"
        audit = [(a.username, a.action, a.target) for a in session.scalars(select(AuditEntry))]
    assert ("wim", "melding.released", code) in audit


async def test_another_municipality_cannot_release_it(site: dict[str, Any]) -> None:
    async with client() as http:
        await log_in(http, site["base"], "els")
        csrf = await csrf_of(http, site["base"] + "/inbox")
        response = await http.post(f"{site['base']}/inbox/{site['held']}/release", data={"csrf": csrf})
        assert response.status == 404
    with session_scope(site["engine"]) as session:
        assert status_for_code(session, site["held"]) == "held"
