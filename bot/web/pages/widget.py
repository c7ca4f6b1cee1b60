"""The demo page with the widget on it, and the visitor's chat socket."""

from __future__ import annotations

import contextlib
from pathlib import Path

from aiohttp import WSCloseCode, web

from bot.web.admission import Refused
from bot.web.clients import request_client_key
from bot.web.keys import ADMISSION, LIVE_FRAMES, RASA, SETTINGS, SOCKETS
from bot.web.limits import MAX_FRAME_BYTES
from bot.web.protocol import error_frame
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
    """The visitor's WebSocket; refused with 403 before the upgrade when the page's origin is not allowed.

    A socket over a client's or the gateway's limit is opened only to say so kindly (an error frame,
    which the widget shows while it keeps the typed text) and closed with 1013, try again later.
    """
    settings = request.app[SETTINGS]
    if not chat_origin_allowed(request, settings):
        raise web.HTTPForbidden(text="This page may not open the chat.")
    ws = web.WebSocketResponse(max_msg_size=MAX_FRAME_BYTES, heartbeat=HEARTBEAT_SECONDS)
    await ws.prepare(request)
    try:
        client = request.app[ADMISSION].admit(request_client_key(request, settings.trusted_proxies))
    except Refused as refused:
        with contextlib.suppress(ConnectionError, RuntimeError):  # the visitor may be gone already
            await ws.send_json(error_frame(refused.code))
        await ws.close(code=WSCloseCode.TRY_AGAIN_LATER, message=refused.code.encode())
        return ws
    request.app[SOCKETS].add(ws)
    try:
        await ChatConnection(ws, request.app[RASA], settings, request.app[LIVE_FRAMES], client).run()
    finally:
        request.app[SOCKETS].discard(ws)
        client.leave()
    return ws
