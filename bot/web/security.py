"""What keeps the gateway's pages safe: the Content-Security-Policy, security headers, origin checks, CSRF.

Every page loads only the gateway's own files (no inline scripts or styles, nothing from elsewhere),
may not be framed and sends no referrer. Staff pages are never cached. Forms carry a CSRF token that
is compared in constant time; the console's socket gets it in its first frame. Over HTTPS (directly,
or `X-Forwarded-Proto: https` from the reverse proxy) every response says to use HTTPS only (HSTS).
"""

from __future__ import annotations

import hmac
import secrets
from typing import Literal

from aiohttp import web
from aiohttp.typedefs import Handler

from bot.web.settings import Settings

# demo: the information page with the widget; staff: login and inbox (forms, no scripts);
# console: the volunteer console (its script and its socket).
PageKind = Literal["demo", "staff", "console"]


def content_security_policy(host: str, kind: PageKind) -> str:
    """The Content-Security-Policy of one kind of page served from `host`."""
    sockets = f"connect-src 'self' ws://{host} wss://{host}"
    if kind == "demo":
        return (
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            f"{sockets}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        )
    if kind == "console":
        return (
            f"default-src 'none'; script-src 'self'; style-src 'self'; {sockets}; form-action 'self'; "
            "base-uri 'none'; frame-ancestors 'none'"
        )
    return "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"


def protect_page(response: web.StreamResponse, request: web.Request, kind: PageKind) -> None:
    """Give a page its policy; the demo page is revalidated, staff pages are never stored."""
    response.headers["Content-Security-Policy"] = content_security_policy(request.host, kind)
    response.headers["Cache-Control"] = "no-cache" if kind == "demo" else "no-store"


# One year, for this host and the hosts under it.
HSTS = "max-age=31536000; includeSubDomains"


def secure_request(request: web.Request) -> bool:
    """Whether the browser reached the gateway over HTTPS (directly, or through the reverse proxy)."""
    return request.secure or request.headers.get("X-Forwarded-Proto", "") == "https"


def _add_headers(response: web.StreamResponse, request: web.Request) -> None:
    if response.prepared:
        return
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    if secure_request(request):
        response.headers.setdefault("Strict-Transport-Security", HSTS)


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Headers for every response, redirects and errors too: no referrer, no sniffing, HSTS over HTTPS."""
    try:
        response = await handler(request)
    except web.HTTPException as answer:
        _add_headers(answer, request)
        raise
    _add_headers(response, request)
    return response


def chat_origin_allowed(request: web.Request, settings: Settings) -> bool:
    """Whether the page that opens the chat socket is from an allowed origin (`GATEWAY_ALLOWED_ORIGINS`)."""
    return settings.origin_allowed(request.headers.get("Origin"))


def same_origin(request: web.Request) -> bool:
    """Whether the request comes from a page of the gateway itself (the console's socket)."""
    origin = request.headers.get("Origin", "")
    return origin in (f"http://{request.host}", f"https://{request.host}")


def new_csrf_token() -> str:
    """A fresh random CSRF token."""
    return secrets.token_urlsafe(32)


def csrf_matches(given: str, expected: str) -> bool:
    """Compare a CSRF token in constant time, as bytes (non-ASCII is a mismatch, not an error)."""
    return bool(expected) and hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


async def checked_form(request: web.Request, expected: str) -> dict[str, str]:
    """The posted form, after checking its CSRF token (403 when missing or wrong)."""
    form = {key: str(value) for key, value in (await request.post()).items()}
    if not csrf_matches(form.get("csrf", ""), expected):
        raise web.HTTPForbidden(
            text="Het formulier is verlopen of niet van deze site. Laad de pagina opnieuw."
        )
    return form
