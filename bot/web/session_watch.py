"""Keeps an open staff socket tied to its login session.

The console's socket outlives the request that opened it, so the session is checked again on every
frame the volunteer sends (which also counts as use for the idle timeout) and every 30 seconds. When
the session is over (logout, 8 hours, 30 minutes idle, a new password, an account switched off) the
socket is closed with a Dutch reason that the console shows.
"""

from __future__ import annotations

import asyncio
import contextlib

from aiohttp import web

from bot.store.accounts import IDLE_TIMEOUT, SESSION_LIFETIME, ActiveSession, SessionEnd, check_session
from bot.store.db import default_engine, session_scope

SESSION_CHECK_SECONDS = 30.0
POLICY_VIOLATION = 1008
END_REASONS: dict[SessionEnd, str] = {
    "ended": "Je bent uitgelogd. Log opnieuw in om verder te gaan.",
    "expired": f"Je sessie is na {SESSION_LIFETIME.seconds // 3600} uur verlopen. Log opnieuw in.",
    "idle": f"Je was {IDLE_TIMEOUT.seconds // 60} minuten niet actief. Log opnieuw in.",
}


class SessionWatch:
    """The session behind one staff socket: checked on demand and on a timer."""

    def __init__(self, ws: web.WebSocketResponse, token: str) -> None:
        self.ws = ws
        self.token = token
        self.closing = False
        self._timer: asyncio.Task[None] | None = None

    async def still_valid(self, touch: bool) -> bool:
        """Check the session; when it is over, close the socket with the reason and return False."""
        with session_scope(default_engine()) as session:
            found = check_session(session, self.token, touch)
        if isinstance(found, ActiveSession):
            return True
        self.closing = True
        await self.ws.close(code=POLICY_VIOLATION, message=END_REASONS[found].encode())
        return False

    def start(self) -> None:
        """Start checking every `SESSION_CHECK_SECONDS`."""
        self._timer = asyncio.create_task(self._every_interval())

    async def stop(self) -> None:
        """Stop checking; a close the timer started is finished first, so its reason reaches the page."""
        if self._timer is None:
            return
        if self.closing:
            with contextlib.suppress(asyncio.CancelledError):
                await self._timer
        else:
            self._timer.cancel()

    async def _every_interval(self) -> None:
        while not self.ws.closed:
            await asyncio.sleep(SESSION_CHECK_SECONDS)
            if not await self.still_valid(touch=False):
                return
