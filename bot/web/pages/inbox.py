"""Pages for staff: log in, the wijkteam inbox of meldingen, status changes (with CSRF and audit).

Server-rendered HTML (every value escaped), no scripts. Sessions and login limits live in the
database (`bot.store.accounts`), so any gateway replica can serve any request. Cookies are HttpOnly,
SameSite=Strict, and Secure behind HTTPS (`X-Forwarded-Proto: https` from the reverse proxy).
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
from html import escape

from aiohttp import web

from bot.store.accounts import Account, audit, close_session, login, open_session, session_account
from bot.store.db import default_engine, session_scope
from bot.store.meldingen import InboxItem, inbox, inbox_item, set_status

SESSION_COOKIE = "sessie"
LOGIN_CSRF_COOKIE = "login_csrf"
STATUS_LABELS = {
    "new": "nieuw (nog niet per e-mail afgeleverd)",
    "delivered": "afgeleverd",
    "picked_up": "opgepakt",
    "closed": "afgerond",
    "undeliverable": "NIET AFGELEVERD (e-mail mislukt)",
}
NEXT_STATUSES = {
    "new": ("picked_up",),
    "delivered": ("picked_up", "closed"),
    "picked_up": ("closed",),
    "undeliverable": ("picked_up", "closed"),
    "closed": (),
}
ACTION_LABELS = {"picked_up": "Zet op: opgepakt", "closed": "Zet op: afgerond"}


def _secure(request: web.Request) -> bool:
    return request.secure or request.headers.get("X-Forwarded-Proto", "") == "https"


def _page(title: str, body: str, status: int = 200) -> web.Response:
    html = (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title></head><body><main>{body}</main></body></html>"
    )
    response = web.Response(text=html, content_type="text/html", status=status)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
    return response


def _set_cookie(response: web.StreamResponse, request: web.Request, name: str, value: str) -> None:
    response.set_cookie(name, value, httponly=True, samesite="Strict", secure=_secure(request), path="/")


def current(request: web.Request) -> tuple[Account, str] | None:
    """The logged-in account and its CSRF token, or None."""
    token = request.cookies.get(SESSION_COOKIE, "")
    if not token:
        return None
    with session_scope(default_engine()) as session:
        return session_account(session, token)


def require(request: web.Request, roles: tuple[str, ...]) -> tuple[Account, str]:
    """The account, or a redirect to the login page (GET) / 401 (POST); 403 for a wrong role."""
    found = current(request)
    if found is None:
        if request.method == "GET":
            raise web.HTTPFound("/login")
        raise web.HTTPUnauthorized(text="Log eerst in.")
    if found[0].role not in roles:
        raise web.HTTPForbidden(text="Deze pagina is niet voor jouw rol.")
    return found


async def check_csrf(request: web.Request, expected: str) -> dict[str, str]:
    """The posted form, after checking its CSRF token (403 when missing or wrong)."""
    form = {key: str(value) for key, value in (await request.post()).items()}
    if not expected or not hmac.compare_digest(form.get("csrf", ""), expected):
        raise web.HTTPForbidden(
            text="Het formulier is verlopen of niet van deze site. Laad de pagina opnieuw."
        )
    return form


def _login_form(csrf: str, message: str = "") -> str:
    note = f'<p role="alert">{escape(message)}</p>' if message else ""
    return (
        "<h1>Inloggen</h1>"
        f"{note}"
        '<form method="post" action="/login">'
        f'<input type="hidden" name="csrf" value="{escape(csrf)}">'
        '<p><label for="username">Gebruikersnaam</label><br>'
        '<input id="username" name="username" autocomplete="username" required '
        'data-testid="login-username"></p>'
        '<p><label for="password">Wachtwoord</label><br>'
        '<input id="password" name="password" type="password" autocomplete="current-password" required '
        'data-testid="login-password"></p>'
        '<p><button type="submit" data-testid="login-submit">Inloggen</button></p></form>'
    )


async def login_page(request: web.Request) -> web.Response:
    """The login form, with a fresh double-submit CSRF token."""
    csrf = secrets.token_urlsafe(32)
    response = _page("Inloggen", _login_form(csrf))
    _set_cookie(response, request, LOGIN_CSRF_COOKIE, csrf)
    return response


async def login_submit(request: web.Request) -> web.Response:
    """Check the password (rate-limited per account) and start a session."""
    form = await check_csrf(request, request.cookies.get(LOGIN_CSRF_COOKIE, ""))
    with session_scope(default_engine()) as session:
        result = login(session, form.get("username", "")[:80], form.get("password", ""))
        if isinstance(result, str):
            csrf = secrets.token_urlsafe(32)
            message = (
                "Te vaak een verkeerd wachtwoord. Probeer het over een kwartier opnieuw."
                if result == "locked"
                else "Gebruikersnaam of wachtwoord klopt niet."
            )
            response = _page(
                "Inloggen", _login_form(csrf, message), status=429 if result == "locked" else 401
            )
            _set_cookie(response, request, LOGIN_CSRF_COOKIE, csrf)
            return response
        token, _ = open_session(session, result)
        audit(session, result.username, "login")
    response = web.HTTPFound("/console" if result.role == "volunteer" else "/inbox")
    _set_cookie(response, request, SESSION_COOKIE, token)
    response.del_cookie(LOGIN_CSRF_COOKIE, path="/")
    raise response


async def logout(request: web.Request) -> web.Response:
    """End the session."""
    account, csrf = require(request, ("volunteer", "wijkteam", "admin"))
    await check_csrf(request, csrf)
    with session_scope(default_engine()) as session:
        close_session(session, request.cookies.get(SESSION_COOKIE, ""))
        audit(session, account.username, "logout")
    response = web.HTTPFound("/login")
    response.del_cookie(SESSION_COOKIE, path="/")
    raise response


def _when(moment: dt.datetime) -> str:
    return moment.strftime("%d-%m-%Y %H:%M") + " UTC"


def _logout_form(csrf: str) -> str:
    return (
        f'<form method="post" action="/logout"><input type="hidden" name="csrf" value="{escape(csrf)}">'
        '<button type="submit">Uitloggen</button></form>'
    )


def _visible(account: Account, item: InboxItem) -> bool:
    return account.role == "admin" or item.municipality_code == account.municipality_code


async def inbox_page(request: web.Request) -> web.Response:
    """The meldingen of the wijkteam's own municipality (admins see all)."""
    account, csrf = require(request, ("wijkteam", "admin"))
    scope = None if account.role == "admin" else account.municipality_code
    with session_scope(default_engine()) as session:
        items = inbox(session, scope)
        audit(session, account.username, "inbox.opened", scope or "alle")
    rows = "".join(
        "<li>"
        f'<a href="/inbox/{escape(item.code)}">{escape(item.code)}</a> · {escape(item.municipality)} · '
        f"{_when(item.created_at)} · <strong>{escape(STATUS_LABELS[item.status])}</strong> · "
        f"{'over iemand anders' if item.about == 'other' else 'over zichzelf'}"
        "</li>"
        for item in items
    )
    body = (
        f"<h1>Meldingen</h1><p>Ingelogd als {escape(account.username)}.</p>{_logout_form(csrf)}"
        f'<ul data-testid="inbox-list">{rows or "<li>Er zijn geen meldingen.</li>"}</ul>'
    )
    return _page("Meldingen", body)


async def melding_page(request: web.Request) -> web.Response:
    """One melding with its history; opening it is written to the audit log."""
    account, csrf = require(request, ("wijkteam", "admin"))
    code = request.match_info["code"]
    with session_scope(default_engine()) as session:
        item = inbox_item(session, code)
        if item is None or not _visible(account, item):
            raise web.HTTPNotFound(text="Deze melding bestaat niet of is niet van jouw gemeente.")
        audit(session, account.username, "melding.opened", code)
    knows = {True: "ja", False: "nee", None: "onbekend"}[item.person_knows]
    contact = escape(item.contact_value or "") if item.contact_preference != "none" else "geen (anoniem)"
    history = "".join(
        f"<li>{_when(at)} · {escape(STATUS_LABELS.get(status, status))} · {escape(note)} · "
        f"{escape(actor)}</li>"
        for at, status, note, actor in item.history
    )
    buttons = "".join(
        f'<form method="post" action="/inbox/{escape(code)}/status">'
        f'<input type="hidden" name="csrf" value="{escape(csrf)}">'
        f'<input type="hidden" name="status" value="{status}">'
        f'<button type="submit">{ACTION_LABELS[status]}</button></form>'
        for status in NEXT_STATUSES[item.status]
    )
    body = (
        f'<p><a href="/inbox">Terug naar de meldingen</a></p><h1>Melding {escape(code)}</h1>'
        f"<p>Status: <strong>{escape(STATUS_LABELS[item.status])}</strong></p>"
        f"<p>Gemeente: {escape(item.municipality)} · gedaan {_when(item.created_at)}</p>"
        f"<p>Gaat over: {'iemand anders' if item.about == 'other' else 'de melder zelf'}"
        f"{' · weet ervan: ' + knows if item.about == 'other' else ''}</p>"
        f"<p>Contact: {contact}</p><h2>Wat de melder schreef</h2><p>{escape(item.description)}</p>"
        f"{buttons}<h2>Geschiedenis</h2><ol>{history}</ol>"
    )
    return _page(f"Melding {code}", body)


async def melding_status(request: web.Request) -> web.Response:
    """Move a melding on (opgepakt, afgerond): CSRF-checked, own municipality only, audited."""
    account, csrf = require(request, ("wijkteam", "admin"))
    form = await check_csrf(request, csrf)
    code, status = request.match_info["code"], form.get("status", "")
    with session_scope(default_engine()) as session:
        item = inbox_item(session, code)
        if item is None or not _visible(account, item):
            raise web.HTTPNotFound(text="Deze melding bestaat niet of is niet van jouw gemeente.")
        if status not in NEXT_STATUSES[item.status]:
            raise web.HTTPBadRequest(text="Deze stap kan niet vanuit de huidige status.")
        set_status(session, code, status, actor=account.username, note="Gewijzigd in de inbox.")
        audit(session, account.username, "melding.status", code, status)
    raise web.HTTPFound(f"/inbox/{code}")


def add_staff_routes(app: web.Application) -> None:
    """Register the login and inbox pages."""
    app.router.add_get("/login", login_page)
    app.router.add_post("/login", login_submit)
    app.router.add_post("/logout", logout)
    app.router.add_get("/inbox", inbox_page)
    app.router.add_get("/inbox/{code}", melding_page)
    app.router.add_post("/inbox/{code}/status", melding_status)
