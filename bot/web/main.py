"""Builds the gateway application: settings, resources, templates, middleware and routes.

`python -m bot.web` runs it (`bot/web/__main__.py`). Every other module reads the application's
state through the keys in `bot.web.keys`, never by importing this one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from collections.abc import AsyncIterator

import aiohttp
from aiohttp import web

from bot.web.admission import Admission
from bot.web.handover import HandoverService, sweep
from bot.web.keys import ADMISSION, HANDOVERS, LIVE_FRAMES, RASA, SETTINGS, SOCKETS, SWEEPER
from bot.web.live_frames import LocalLiveFrames
from bot.web.rasa_client import RasaClient
from bot.web.redis_live_frames import RedisLiveFrames
from bot.web.rendering import setup_templates
from bot.web.routes import setup_routes
from bot.web.security import security_headers
from bot.web.settings import Settings
from bot.web.socketio_chat import SocketIoGateway

logger = logging.getLogger(__name__)


async def rasa_client(app: web.Application) -> AsyncIterator[None]:
    """The HTTP client to Rasa: opened at start, closed at cleanup."""
    async with aiohttp.ClientSession() as session:
        app[RASA] = RasaClient(app[SETTINGS], session)
        if not app[SETTINGS].rasa_token:
            logger.warning(
                "RASA_TOKEN is not set: after a reload the chat cannot show the conversation so far."
            )
        yield


async def redis_live_frames(app: web.Application) -> AsyncIterator[None]:
    """With `REDIS_URL`: live frames shared with the other gateway replicas, listened to from start on."""
    frames = app[LIVE_FRAMES]
    if isinstance(frames, RedisLiveFrames):
        await frames.start()
    yield
    if isinstance(frames, RedisLiveFrames):
        await frames.stop()


async def start_handovers(app: web.Application) -> None:
    """The handover service and its sweeper for conversations nobody accepted in time."""
    app[HANDOVERS] = HandoverService(app[RASA], app[LIVE_FRAMES])
    app[SWEEPER] = asyncio.create_task(sweep(app[HANDOVERS], app[SETTINGS].handover_wait_seconds))


async def shut_down(app: web.Application) -> None:
    """Stop the sweeper, then close every open socket so their handlers end."""
    app[SWEEPER].cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await app[SWEEPER]
    sockets = app[SOCKETS]
    for ws in list(sockets):
        await ws.close(code=aiohttp.WSCloseCode.GOING_AWAY, message=b"server shutting down")


def create_app(settings: Settings | None = None) -> web.Application:
    """Build the gateway application."""
    app = web.Application(middlewares=[security_headers])
    app[SETTINGS] = settings or Settings.from_env()
    app[SOCKETS] = weakref.WeakSet[web.WebSocketResponse]()
    app[ADMISSION] = Admission(app[SETTINGS])
    settings = app[SETTINGS]
    app[LIVE_FRAMES] = RedisLiveFrames(settings.redis_url) if settings.redis_url else LocalLiveFrames()
    app.cleanup_ctx.append(redis_live_frames)
    # The cleanup context starts before the startup signals, so the client is there for the handovers.
    app.cleanup_ctx.append(rasa_client)
    # Rasa's socket.io protocol on its own port, for stock widgets; its connections close at shutdown.
    socketio_gateway = SocketIoGateway(app)
    app.cleanup_ctx.append(socketio_gateway.serve)
    # aiohttp 3.9's hints for these signals do not fit aiosignal 1.4's generic Signal; the calls are right.
    app.on_startup.append(start_handovers)  # type: ignore[arg-type]
    app.on_shutdown.append(shut_down)  # type: ignore[arg-type]
    app.on_shutdown.append(socketio_gateway.stop)  # type: ignore[arg-type]
    setup_templates(app)
    setup_routes(app)
    return app
