"""Logging in and out (staff: volunteers, wijkteam, admins), with a double-submit CSRF token at login."""

from __future__ import annotations

from aiohttp import web

from bot.store.accounts import audit, close_session, login, open_session
from bot.store.db import default_engine, session_scope
from bot.web.rendering import render_page
from bot.web.security import checked_form, new_csrf_token
from bot.web.sessions import LOGIN_CSRF_COOKIE, SESSION_COOKIE, require, set_cookie

STAFF_ROLES = ("volunteer", "wijkteam", "admin")


def _login_form(request: web.Request, message: str = "", status: int = 200) -> web.Response:
    csrf = new_csrf_token()
    response = render_page(
        "login.html", request, {"account": None, "csrf": csrf, "message": message}, status=status
    )
    set_cookie(response, request, LOGIN_CSRF_COOKIE, csrf)
    return response


async def login_page(request: web.Request) -> web.Response:
    """The login form, with a fresh double-submit CSRF token."""
    return _login_form(request)


async def login_submit(request: web.Request) -> web.Response:
    """Check the password (rate-limited per account) and start a session."""
    form = await checked_form(request, request.cookies.get(LOGIN_CSRF_COOKIE, ""))
    with session_scope(default_engine()) as session:
        result = login(session, form.get("username", "")[:80], form.get("password", ""))
        if isinstance(result, str):
            if result == "locked":
                message = "Te vaak een verkeerd wachtwoord. Probeer het over een kwartier opnieuw."
                return _login_form(request, message, status=429)
            return _login_form(request, "Gebruikersnaam of wachtwoord klopt niet.", status=401)
        token, _ = open_session(session, result)
        audit(session, result.username, "login")
    response = web.HTTPFound("/console" if result.role == "volunteer" else "/inbox")
    set_cookie(response, request, SESSION_COOKIE, token)
    response.del_cookie(LOGIN_CSRF_COOKIE, path="/")
    raise response


async def logout(request: web.Request) -> web.Response:
    """End the session."""
    account, csrf = require(request, STAFF_ROLES)
    await checked_form(request, csrf)
    with session_scope(default_engine()) as session:
        close_session(session, request.cookies.get(SESSION_COOKIE, ""))
        audit(session, account.username, "logout")
    response = web.HTTPFound("/login")
    response.del_cookie(SESSION_COOKIE, path="/")
    raise response
