"""Logging in and out (staff: volunteers, wijkteam, admins), with a double-submit CSRF token at login.

The password is checked off the event loop (`bot.web.password_checks`). Wrong passwords slow down the
client that types them, per account and per client (`bot.web.login_throttle`), and the account over
all clients (`bot.store.accounts.account_wait`). Failures, the waits they start and refused tries are
in the audit log, with the name that was typed: never the password or the address.
"""

from __future__ import annotations

import math

from aiohttp import web

from bot.store.accounts import (
    account_wait,
    audit,
    close_session,
    confirm_login,
    login_candidate,
    open_session,
    record_failure,
)
from bot.store.db import default_engine, session_scope
from bot.web.keys import LOGIN_THROTTLE, PASSWORD_CHECKS, SETTINGS
from bot.web.login_throttle import LoginThrottle, Wait
from bot.web.password_checks import Busy, PasswordChecks
from bot.web.rendering import render_page
from bot.web.security import checked_form, new_csrf_token
from bot.web.sessions import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    delete_cookie,
    read_cookie,
    require,
    set_cookie,
)

STAFF_ROLES = ("volunteer", "wijkteam", "admin")
WRONG = "Gebruikersnaam of wachtwoord klopt niet."
TOO_SOON = "Te vaak een verkeerd wachtwoord. Wacht {wait} en probeer het dan opnieuw."
BUSY = "Er loggen nu veel mensen tegelijk in. Probeer het over een paar seconden opnieuw."
BUSY_RETRY_SECONDS = 5


def setup_login(app: web.Application) -> None:
    """Give the app its password checks and login limits (closed again at cleanup)."""
    settings = app.get(SETTINGS)
    app[LOGIN_THROTTLE] = LoginThrottle(settings.trusted_proxies if settings else frozenset())
    app[PASSWORD_CHECKS] = PasswordChecks()

    async def close_checks(app: web.Application) -> None:
        app[PASSWORD_CHECKS].close()

    # aiohttp 3.9's hints for this signal do not fit aiosignal 1.4's generic Signal; the call is right.
    app.on_cleanup.append(close_checks)  # type: ignore[arg-type]


def wait_text(seconds: float) -> str:
    """How long to wait, in words: "3 seconden", "1 minuut", "15 minuten"."""
    if seconds <= 60:
        whole = max(1, math.ceil(seconds))
        return "1 seconde" if whole == 1 else f"{whole} seconden"
    minutes = math.ceil(seconds / 60)
    return "1 minuut" if minutes == 1 else f"{minutes} minuten"


def _login_form(
    request: web.Request, message: str = "", status: int = 200, retry_after: float | None = None
) -> web.Response:
    csrf = new_csrf_token()
    response = render_page(
        "login.html", request, {"account": None, "csrf": csrf, "message": message}, status=status
    )
    if retry_after is not None:
        response.headers["Retry-After"] = str(max(1, math.ceil(retry_after)))
    set_cookie(response, request, LOGIN_CSRF_COOKIE, csrf)
    return response


def _too_soon(request: web.Request, wait: Wait) -> web.Response:
    message = TOO_SOON.format(wait=wait_text(wait.seconds))
    return _login_form(request, message, status=429, retry_after=wait.seconds)


async def login_page(request: web.Request) -> web.Response:
    """The login form, with a fresh double-submit CSRF token."""
    return _login_form(request)


async def login_submit(request: web.Request) -> web.Response:
    """Check the password (throttled, off the event loop) and start a session."""
    form = await checked_form(request, read_cookie(request, LOGIN_CSRF_COOKIE))
    username, password = form.get("username", "")[:80], form.get("password", "")
    throttle, checks = request.app[LOGIN_THROTTLE], request.app[PASSWORD_CHECKS]
    client = throttle.client_of(request)
    wait = throttle.wait(client, username)
    if wait is not None and not throttle.first_refusal(wait):
        return _too_soon(request, wait)  # a client that keeps trying costs no database work (a flood)
    with session_scope(default_engine()) as session:
        if wait is None and not throttle.known(client, username):
            seconds = account_wait(session, username)
            if seconds > 0:
                wait = throttle.account_wait(username, seconds)
                if not throttle.first_refusal(wait):
                    return _too_soon(request, wait)  # audited when this wait began
        if wait is not None:
            audit(session, username, "login.refused", detail=wait.scope)
            return _too_soon(request, wait)
        candidate = login_candidate(session, username)
    try:
        ok = await checks.verify(candidate.password_hash, password, client)
    except Busy:
        return _login_form(request, BUSY, status=429, retry_after=BUSY_RETRY_SECONDS)
    with session_scope(default_engine()) as session:
        account = confirm_login(session, candidate) if ok else None
        if account is None:
            audit(session, username, "login.failed")
            account_seconds = record_failure(session, username)
            started = throttle.failed(client, username)
            if account_seconds > 0:
                started.append(throttle.account_wait(username, account_seconds))
            for wait in started:
                detail = f"{wait.scope}: {math.ceil(wait.seconds)} s"
                audit(session, username, "login.throttled", detail=detail)
            return _login_form(request, WRONG, status=401)
        throttle.succeeded(client, username)
        token, _ = open_session(session, account)
        audit(session, account.username, "login")
    response = web.HTTPFound("/console" if account.role == "volunteer" else "/inbox")
    set_cookie(response, request, SESSION_COOKIE, token)
    delete_cookie(response, request, LOGIN_CSRF_COOKIE)
    raise response


async def logout(request: web.Request) -> web.Response:
    """End the session (an open console notices at its next frame or check)."""
    account, csrf = require(request, STAFF_ROLES)
    await checked_form(request, csrf)
    with session_scope(default_engine()) as session:
        close_session(session, read_cookie(request, SESSION_COOKIE))
        audit(session, account.username, "logout")
    response = web.HTTPFound("/login")
    delete_cookie(response, request, SESSION_COOKIE)
    raise response
