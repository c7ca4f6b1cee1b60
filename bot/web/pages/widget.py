"""The demo page with the widget on it, and the visitor's chat socket."""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

from bot.web.keys import LIVE_FRAMES, RASA, SETTINGS, SOCKETS
from bot.web.limits import MAX_FRAME_BYTES
from bot.web.relay import ChatConnection
from bot.web.security import chat_origin_allowed, protect_page

DEMO_PAGE = Path(__file__).resolve().parents[1] / "static" / "demo" / "index.html"
# Browsers ping-pong on their own; this closes sockets of visitors who vanished without closing.
HEARTBEAT_SECONDS = 30.0


async def demo_page(request: web.Request) -> web.FileResponse:
    """The demo information site with the widget on it."""
    response = web.FileResponse(DEMO_PAGE)
    protect_page(response, request, "demo")
    return response


async def chat_socket(request: web.Request) -> web.StreamResponse:
    """The visitor's WebSocket; refused with 403 before the upgrade when the page's origin is not allowed."""
    settings = request.app[SETTINGS]
    if not chat_origin_allowed(request, settings):
        raise web.HTTPForbidden(text="This page may not open the chat.")
    ws = web.WebSocketResponse(max_msg_size=MAX_FRAME_BYTES, heartbeat=HEARTBEAT_SECONDS)
    await ws.prepare(request)
    request.app[SOCKETS].add(ws)
    try:
        await ChatConnection(ws, request.app[RASA], settings, request.app[LIVE_FRAMES]).run()
    finally:
        request.app[SOCKETS].discard(ws)
    return ws
