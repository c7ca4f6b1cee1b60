"""Staff sessions: the session cookie, the logged-in account and its role.

Sessions and login limits live in the database (`bot.store.accounts`), so any gateway replica can
serve any request. Cookies are HttpOnly, SameSite=Strict, and Secure behind HTTPS
(`X-Forwarded-Proto: https` from the reverse proxy).
"""

from __future__ import annotations

from aiohttp import web

from bot.store.accounts import Account, session_account
from bot.store.db import default_engine, session_scope

SESSION_COOKIE = "sessie"
LOGIN_CSRF_COOKIE = "login_csrf"


def _secure(request: web.Request) -> bool:
    return request.secure or request.headers.get("X-Forwarded-Proto", "") == "https"


def set_cookie(response: web.StreamResponse, request: web.Request, name: str, value: str) -> None:
    """Set a cookie the way every staff cookie is set: HttpOnly, SameSite=Strict, Secure over HTTPS."""
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
