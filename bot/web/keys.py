"""The typed keys of everything the gateway keeps on its application.

They live here, apart from `bot.web.main` (which builds the app) and the pages (which read them), so
that no module has to import the one that built the app.
"""

from __future__ import annotations

import asyncio
import weakref

from aiohttp import web

from bot.web.admission import Admission
from bot.web.handover import HandoverService
from bot.web.live_frames import LiveFrames
from bot.web.login_throttle import LoginThrottle
from bot.web.password_checks import PasswordChecks
from bot.web.rasa_client import RasaClient
from bot.web.settings import Settings

SETTINGS = web.AppKey("settings", Settings)
RASA = web.AppKey("rasa", RasaClient)
# Every open WebSocket (visitors and volunteers), closed when the gateway shuts down.
SOCKETS = web.AppKey[weakref.WeakSet[web.WebSocketResponse]]("sockets")
LIVE_FRAMES = web.AppKey[LiveFrames]("live_frames")
HANDOVERS = web.AppKey("handovers", HandoverService)
# The per-client and per-visitor limits of the chat sockets (`bot.web.admission`).
ADMISSION = web.AppKey("admission", Admission)
# Staff logins: password checks off the event loop, and the per-client login limits.
PASSWORD_CHECKS = web.AppKey("password_checks", PasswordChecks)
LOGIN_THROTTLE = web.AppKey("login_throttle", LoginThrottle)
# The task that hands back conversations nobody accepted in time.
SWEEPER = web.AppKey[asyncio.Task[None]]("sweeper")
