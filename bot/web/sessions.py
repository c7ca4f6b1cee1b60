"""Staff sessions: the session cookie, the logged-in account and its role.

Sessions and login limits live in the database (`bot.store.accounts`), so any gateway replica can
serve any request. Cookies are HttpOnly, SameSite=Strict and Path=/; over HTTPS they are Secure and
carry the `__Host-` prefix (so no other host or path can set them). A session ends at logout, after
8 hours, after 30 minutes without a request, and when its account's password changes or the account
is switched off.
"""

from __future__ import annotations

from aiohttp import web

from bot.store.accounts import Account, ActiveSession, SessionEnd, check_session
from bot.store.db import default_engine, session_scope
from bot.web.security import secure_request

SESSION_COOKIE = "sessie"
LOGIN_CSRF_COOKIE = "login_csrf"
SECURE_PREFIX = "__Host-"


def cookie_name(request: web.Request, name: str) -> str:
    """The name a staff cookie has on this request: `__Host-` + name over HTTPS, else the name."""
    return SECURE_PREFIX + name if secure_request(request) else name


def read_cookie(request: web.Request, name: str) -> str:
    """The value of a staff cookie (set by `set_cookie`), or ""."""
    return request.cookies.get(cookie_name(request, name), "")


def set_cookie(response: web.StreamResponse, request: web.Request, name: str, value: str) -> None:
    """Set a staff cookie: HttpOnly, SameSite=Strict, Path=/, no Domain; Secure and `__Host-` over HTTPS."""
    response.set_cookie(
        cookie_name(request, name),
        value,
        httponly=True,
        samesite="Strict",
        secure=secure_request(request),
        path="/",
    )


def delete_cookie(response: web.StreamResponse, request: web.Request, name: str) -> None:
    """Remove a staff cookie from the browser (with the same attributes it was set with)."""
    response.set_cookie(
        cookie_name(request, name),
        "",
        max_age=0,
        expires="Thu, 01 Jan 1970 00:00:00 GMT",
        httponly=True,
        samesite="Strict",
        secure=secure_request(request),
        path="/",
    )


def session_token(request: web.Request) -> str:
    """The session cookie's value, or ""."""
    return read_cookie(request, SESSION_COOKIE)


def check(request: web.Request, touch: bool = True) -> ActiveSession | SessionEnd:
    """The logged-in session, or why there is none; `touch` counts the request for the idle timeout."""
    token = session_token(request)
    if not token:
        return "ended"
    with session_scope(default_engine()) as session:
        return check_session(session, token, touch)


def current(request: web.Request) -> tuple[Account, str] | None:
    """The logged-in account and its CSRF token, or None."""
    found = check(request)
    return (found.account, found.csrf) if isinstance(found, ActiveSession) else None


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
