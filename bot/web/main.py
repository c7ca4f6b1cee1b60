"""The aiohttp application: demo page, widget files, the chat WebSocket, `/health`, staff pages.

Nothing of Rasa's own HTTP API is reachable through these routes.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import weakref
from pathlib import Path

import aiohttp
from aiohttp import web

from bot.web.console import HandoverService, add_console_routes
from bot.web.delivery import Delivery, LocalDelivery
from bot.web.limits import MAX_FRAME_BYTES
from bot.web.rasa_client import RasaClient
from bot.web.relay import ChatConnection
from bot.web.settings import Settings
from bot.web.staff import add_staff_routes

logger = logging.getLogger(__name__)

DEMO_DIR = Path(__file__).resolve().parent / "demo"
WIDGET_DIR = Path(__file__).resolve().parents[1] / "widget"

SETTINGS: web.AppKey[Settings] = web.AppKey("settings", Settings)
RASA: web.AppKey[RasaClient] = web.AppKey("rasa", RasaClient)
SOCKETS: web.AppKey[weakref.WeakSet[web.WebSocketResponse]] = web.AppKey("sockets", weakref.WeakSet)
DELIVERY: web.AppKey[Delivery] = web.AppKey("delivery", LocalDelivery)
HANDOVERS: web.AppKey[HandoverService] = web.AppKey("handovers", HandoverService)
SWEEPER: web.AppKey[asyncio.Task[None]] = web.AppKey("sweeper", asyncio.Task)
# How often the gateway looks for handovers that waited too long.
SWEEP_SECONDS = 2.0

# Browsers ping-pong on their own; this closes sockets of visitors who vanished without closing.
HEARTBEAT_SECONDS = 30.0


def _content_security_policy(request: web.Request) -> str:
    host = request.host
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"connect-src 'self' ws://{host} wss://{host}; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )


@web.middleware
async def security_headers(request: web.Request, handler: web.Handler) -> web.StreamResponse:
    """Headers that keep the pages private and safe: no referrer, no sniffing, a strict CSP."""
    response = await handler(request)
    if not response.prepared:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if request.path == "/":
            response.headers["Content-Security-Policy"] = _content_security_policy(request)
            response.headers["Cache-Control"] = "no-cache"
    return response


async def demo_page(_: web.Request) -> web.FileResponse:
    """The demo information site with the widget on it."""
    return web.FileResponse(DEMO_DIR / "index.html")


async def health(request: web.Request) -> web.Response:
    """Whether Rasa and the action server answer: 200 when both do, 503 otherwise."""
    state = await request.app[RASA].health()
    healthy = all(state.values())
    body = {"status": "ok" if healthy else "degraded", **state}
    return web.json_response(body, status=200 if healthy else 503)


async def chat_socket(request: web.Request) -> web.StreamResponse:
    """The visitor's WebSocket; refused with 403 before the upgrade when the page's origin is not allowed."""
    settings = request.app[SETTINGS]
    if not settings.origin_allowed(request.headers.get("Origin")):
        raise web.HTTPForbidden(text="This page may not open the chat.")
    ws = web.WebSocketResponse(max_msg_size=MAX_FRAME_BYTES, heartbeat=HEARTBEAT_SECONDS)
    await ws.prepare(request)
    request.app[SOCKETS].add(ws)
    try:
        await ChatConnection(ws, request.app[RASA], settings, request.app[DELIVERY]).run()
    finally:
        request.app[SOCKETS].discard(ws)
    return ws


async def _open_client(app: web.Application) -> None:
    session = aiohttp.ClientSession()
    app[RASA] = RasaClient(app[SETTINGS], session)
    if not app[SETTINGS].rasa_token:
        logger.warning("RASA_TOKEN is not set: after a reload the chat cannot show the conversation so far.")


async def _sweep(app: web.Application) -> None:
    wait = dt.timedelta(seconds=app[SETTINGS].handover_wait_seconds)
    while True:
        await asyncio.sleep(min(SWEEP_SECONDS, wait.total_seconds() / 4))
        try:
            await app[HANDOVERS].expire(wait)
        except Exception:  # noqa: BLE001 - keep sweeping; the next round tries again
            logger.exception("Looking for handovers that waited too long failed.")


async def _start_handovers(app: web.Application) -> None:
    app[HANDOVERS] = HandoverService(app[RASA], app[DELIVERY])
    app[SWEEPER] = asyncio.create_task(_sweep(app))


async def _stop_handovers(app: web.Application) -> None:
    app[SWEEPER].cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await app[SWEEPER]


async def _close_sockets(app: web.Application) -> None:
    for ws in list(app[SOCKETS]):
        await ws.close(code=aiohttp.WSCloseCode.GOING_AWAY, message=b"server shutting down")


async def _close_client(app: web.Application) -> None:
    await app[RASA].session.close()


def create_app(settings: Settings | None = None) -> web.Application:
    """Build the gateway application (`python -m bot.web` runs it)."""
    app = web.Application(middlewares=[security_headers])
    app[SETTINGS] = settings or Settings.from_env()
    app[SOCKETS] = weakref.WeakSet()
    app[DELIVERY] = LocalDelivery()
    app.on_startup.append(_open_client)
    app.on_startup.append(_start_handovers)
    app.on_shutdown.append(_stop_handovers)
    app.on_shutdown.append(_close_sockets)
    app.on_cleanup.append(_close_client)
    app.router.add_get("/", demo_page)
    app.router.add_get("/health", health)
    app.router.add_get("/ws", chat_socket)
    app.router.add_static("/demo/", DEMO_DIR)
    app.router.add_static("/widget/", WIDGET_DIR)
    add_staff_routes(app)
    add_console_routes(app)
    return app
