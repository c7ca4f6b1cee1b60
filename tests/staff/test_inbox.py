"""The wijkteam inbox over HTTP: login with CSRF, cookies, own municipality only (none without one), audit."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from sqlalchemy import select, update

from bot.store.accounts import add_user
from bot.store.db import make_engine, session_scope
from bot.store.meldingen import NewMelding, create_melding, status_for_code
from bot.store.models import AuditEntry, User
from bot.store.seed import prepare_database
from bot.web.rendering import setup_templates
from bot.web.routes import add_staff_routes

PASSWORD = "lang-genoeg-wachtwoord"


@pytest.fixture()
async def site(empty_url: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[dict[str, Any]]:
    monkeypatch.setenv("DATABASE_URL", empty_url)
    engine = make_engine(empty_url)
    prepare_database(engine, example_file=None)
    melding = NewMelding("GM0268", "other", "Buurvrouw, rond de 80, woont alleen.", False, "none", None)
    with session_scope(engine) as session:
        add_user(session, "wim", "wijkteam", PASSWORD, "GM0268")
        add_user(session, "els", "wijkteam", PASSWORD, "GM0153")
        nijmegen = create_melding(session, melding)
        enschede = create_melding(
            session, NewMelding("GM0153", "self", "Ik zou graag iemand spreken.", None, "none", None)
        )
    app = web.Application()
    setup_templates(app)
    add_staff_routes(app)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield {"base": str(server.make_url("")), "nijmegen": nijmegen, "enschede": enschede, "engine": engine}
    await server.close()
    engine.dispose()


def client() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def log_in(
    http: aiohttp.ClientSession, base: str, user: str, password: str = PASSWORD
) -> aiohttp.ClientResponse:
    page = await (await http.get(f"{base}/login")).text()
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    return await http.post(
        f"{base}/login", data={"csrf": csrf, "username": user, "password": password}, allow_redirects=False
    )


async def csrf_of(http: aiohttp.ClientSession, url: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', await (await http.get(url)).text()).group(1)


@pytest.mark.parametrize("path", ["/inbox", "/inbox/ABC123"])
async def test_pages_refuse_without_login(site: dict[str, Any], path: str) -> None:
    async with client() as http:
        response = await http.get(site["base"] + path, allow_redirects=False)
        assert response.status == 302 and response.headers["Location"] == "/login"
        response = await http.post(site["base"] + "/inbox/ABC123/status", data={"status": "closed"})
        assert response.status == 401


async def test_login_needs_the_csrf_token(site: dict[str, Any]) -> None:
    async with client() as http:
        response = await http.post(site["base"] + "/login", data={"username": "wim", "password": PASSWORD})
        assert response.status == 403


async def test_cookies_are_strict(site: dict[str, Any]) -> None:
    async with client() as http:
        response = await log_in(http, site["base"], "wim")
        assert response.status == 302 and response.headers["Location"] == "/inbox"
        cookie = next(v for v in response.headers.getall("Set-Cookie") if v.startswith("sessie="))
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Secure" not in cookie


async def test_behind_https_cookies_are_host_only_and_read_back_by_that_name(site: dict[str, Any]) -> None:
    https = {"X-Forwarded-Proto": "https"}
    async with aiohttp.ClientSession() as http:  # cookies by hand: the jar keeps Secure ones from http://
        form = await http.get(site["base"] + "/login", headers=https)
        login_cookie = form.cookies["__Host-login_csrf"]
        csrf = re.search(r'name="csrf" value="([^"]+)"', await form.text()).group(1)
        response = await http.post(
            site["base"] + "/login",
            headers={**https, "Cookie": f"__Host-login_csrf={login_cookie.value}"},
            data={"csrf": csrf, "username": "wim", "password": PASSWORD},
            allow_redirects=False,
        )
        assert response.status == 302
        cookie = next(v for v in response.headers.getall("Set-Cookie") if v.startswith("__Host-sessie="))
        assert "Secure" in cookie and "Path=/" in cookie and "Domain" not in cookie
        token = response.cookies["__Host-sessie"].value
        page = await http.get(
            site["base"] + "/inbox",
            headers={**https, "Cookie": f"__Host-sessie={token}"},
            allow_redirects=False,
        )
        assert page.status == 200
        plain = await http.get(
            site["base"] + "/inbox", headers={**https, "Cookie": f"sessie={token}"}, allow_redirects=False
        )
        assert plain.status == 302  # over https only the __Host- name counts


async def test_a_wijkteam_account_without_municipality_sees_nothing(site: dict[str, Any]) -> None:
    with site["engine"].begin() as connection:
        connection.execute(update(User).where(User.username == "wim").values(municipality_code=None))
    async with client() as http:
        await log_in(http, site["base"], "wim")
        page = await (await http.get(site["base"] + "/inbox")).text()
        assert site["nijmegen"] not in page and site["enschede"] not in page
        assert "hoort nog niet bij een gemeente" in page
        for code in (site["nijmegen"], site["enschede"]):
            assert (await http.get(f"{site['base']}/inbox/{code}")).status == 404


async def test_wijkteam_sees_only_its_own_municipality(site: dict[str, Any]) -> None:
    async with client() as http:
        await log_in(http, site["base"], "wim")
        page = await (await http.get(site["base"] + "/inbox")).text()
        assert 'data-testid="inbox-list"' in page
        assert site["nijmegen"] in page and site["enschede"] not in page
        detail = await http.get(f"{site['base']}/inbox/{site['nijmegen']}")
        assert detail.status == 200 and "Buurvrouw, rond de 80" in await detail.text()
        other = await http.get(f"{site['base']}/inbox/{site['enschede']}")
        assert other.status == 404
        csrf = await csrf_of(http, f"{site['base']}/inbox/{site['nijmegen']}")
        response = await http.post(
            f"{site['base']}/inbox/{site['enschede']}/status",
            data={"csrf": csrf, "status": "picked_up"},
            allow_redirects=False,
        )
        assert response.status == 404
    with session_scope(site["engine"]) as session:
        assert status_for_code(session, site["enschede"]) == "new"


async def test_status_change_needs_csrf_and_is_audited(site: dict[str, Any]) -> None:
    code = site["nijmegen"]
    async with client() as http:
        await log_in(http, site["base"], "wim")
        missing = await http.post(f"{site['base']}/inbox/{code}/status", data={"status": "picked_up"})
        assert missing.status == 403
        wrong = await http.post(
            f"{site['base']}/inbox/{code}/status", data={"csrf": "x", "status": "picked_up"}
        )
        assert wrong.status == 403
        csrf = await csrf_of(http, f"{site['base']}/inbox/{code}")
        ok = await http.post(
            f"{site['base']}/inbox/{code}/status",
            data={"csrf": csrf, "status": "picked_up"},
            allow_redirects=False,
        )
        assert ok.status == 302
    with session_scope(site["engine"]) as session:
        assert status_for_code(session, code) == "picked_up"
        actions = [(a.username, a.action, a.target) for a in session.scalars(select(AuditEntry))]
    assert ("wim", "melding.opened", code) in actions and ("wim", "melding.status", code) in actions


async def test_undeliverable_meldingen_show_first_and_clearly(site: dict[str, Any]) -> None:
    from sqlalchemy import update

    from bot.store.models import Melding

    with site["engine"].begin() as connection:
        connection.execute(
            update(Melding).where(Melding.code == site["nijmegen"]).values(status="undeliverable")
        )
    async with client() as http:
        await log_in(http, site["base"], "wim")
        page = await (await http.get(site["base"] + "/inbox")).text()
    assert "NIET AFGELEVERD" in page


async def test_logout(site: dict[str, Any]) -> None:
    async with client() as http:
        await log_in(http, site["base"], "wim")
        csrf = await csrf_of(http, site["base"] + "/inbox")
        response = await http.post(site["base"] + "/logout", data={"csrf": csrf}, allow_redirects=False)
        assert response.status == 302
        again = await http.get(site["base"] + "/inbox", allow_redirects=False)
        assert again.status == 302
