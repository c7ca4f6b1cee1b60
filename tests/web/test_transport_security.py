"""HTTPS-only headers and cookie names: HSTS and `__Host-` cookies when the browser came over HTTPS."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.web.security import HSTS, security_headers
from bot.web.sessions import SESSION_COOKIE, read_cookie, set_cookie


async def page(request: web.Request) -> web.Response:
    response = web.Response(text=read_cookie(request, SESSION_COOKIE) or "geen")
    set_cookie(response, request, SESSION_COOKIE, "waarde")
    return response


async def moved(request: web.Request) -> web.Response:
    raise web.HTTPFound("/")


@pytest.fixture()
async def base() -> AsyncIterator[str]:
    app = web.Application(middlewares=[security_headers])
    app.router.add_get("/", page)
    app.router.add_get("/weg", moved)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield str(server.make_url("")).rstrip("/")
    await server.close()


@pytest.mark.parametrize("path", ["/", "/weg", "/bestaat-niet"])
async def test_hsts_on_every_response_behind_https_only(base: str, path: str) -> None:
    async with aiohttp.ClientSession() as http:
        secure = await http.get(base + path, headers={"X-Forwarded-Proto": "https"}, allow_redirects=False)
        assert secure.headers["Strict-Transport-Security"] == HSTS
        assert secure.headers["X-Content-Type-Options"] == "nosniff"
        plain = await http.get(base + path, allow_redirects=False)
        assert "Strict-Transport-Security" not in plain.headers


async def test_cookie_name_follows_the_scheme_and_is_read_by_the_name_it_was_set_with(base: str) -> None:
    async with aiohttp.ClientSession() as http:
        https = {"X-Forwarded-Proto": "https"}
        secure = await http.get(base, headers=https)
        assert set(secure.cookies) == {"__Host-sessie"}
        assert secure.cookies["__Host-sessie"]["secure"] and secure.cookies["__Host-sessie"]["path"] == "/"
        assert not secure.cookies["__Host-sessie"]["domain"]
        read = await http.get(base, headers={**https, "Cookie": "__Host-sessie=abc; sessie=xyz"})
        assert await read.text() == "abc"
        plain = await http.get(base, headers={"Cookie": "__Host-sessie=abc; sessie=xyz"})
        assert set(plain.cookies) == {"sessie"} and await plain.text() == "xyz"
