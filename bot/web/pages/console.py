"""The volunteer console: the page, and its WebSocket (login, same origin, CSRF token in the first frame).

The page's script (`static/staff/console.js`) does the rest over the socket; what the socket does is
in `bot.web.console_relay`, its frames in `bot.web.protocol`.
"""

from __future__ import annotations

import asyncio

from aiohttp import web

from bot.web.console_relay import ConsoleConnection
from bot.web.keys import HANDOVERS, SOCKETS
from bot.web.limits import MAX_FRAME_BYTES, MAX_TEXT_CHARS
from bot.web.protocol import MAX_NOTE_CHARS, console_hello_token
from bot.web.rendering import render_page
from bot.web.security import csrf_matches, same_origin
from bot.web.session_watch import SessionWatch
from bot.web.sessions import current, require, session_token

CONSOLE_ROLES = ("volunteer", "admin")
HELLO_TIMEOUT_SECONDS = 10.0
HEARTBEAT_SECONDS = 30.0
POLICY_VIOLATION = 1008


async def console_page(request: web.Request) -> web.Response:
    """The console page (login as volunteer or admin; otherwise to the login page / 403)."""
    account, csrf = require(request, CONSOLE_ROLES)
    context = {
        "account": account,
        "csrf": csrf,
        "max_text_chars": MAX_TEXT_CHARS,
        "max_note_chars": MAX_NOTE_CHARS,
    }
    return render_page("console.html", request, context, kind="console")


async def console_socket(request: web.Request) -> web.StreamResponse:
    """The console's WebSocket: logged in (volunteer/admin), same origin, CSRF token in the hello."""
    found = current(request)
    if found is None:
        raise web.HTTPUnauthorized(text="Log eerst in.")
    account, csrf = found
    if account.role not in CONSOLE_ROLES:
        raise web.HTTPForbidden(text="Deze pagina is niet voor jouw rol.")
    if not same_origin(request):
        raise web.HTTPForbidden(text="Deze pagina mag de console niet openen.")
    ws = web.WebSocketResponse(max_msg_size=MAX_FRAME_BYTES, heartbeat=HEARTBEAT_SECONDS)
    await ws.prepare(request)
    try:
        hello = await ws.receive_json(timeout=HELLO_TIMEOUT_SECONDS)
    except (asyncio.TimeoutError, ValueError, TypeError):
        hello = None
    token = console_hello_token(hello)
    if token is None or not csrf_matches(token, csrf):
        await ws.close(code=POLICY_VIOLATION, message=b"csrf token expected")
        return ws
    request.app[SOCKETS].add(ws)
    try:
        watch = SessionWatch(ws, session_token(request))
        await ConsoleConnection(ws, account, request.app[HANDOVERS], watch).run()
    finally:
        request.app[SOCKETS].discard(ws)
    return ws
