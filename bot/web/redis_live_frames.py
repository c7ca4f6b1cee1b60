"""Live-handover frames between gateway replicas over Redis pub/sub (`LiveFrames` for `make cluster`).

A visitor's socket and the volunteer's console may sit on different gateways behind the load balancer.
Every frame is delivered to the sockets on this gateway at once and published on a channel per visitor
and direction (`<prefix>:visitor:<id>`, `<prefix>:volunteer:<id>`); every gateway listens to all of
them with one pattern subscription and hands what another gateway published to its own sockets. Only
live frames travel here; the handover's state (queue, who accepted, ended) stays in the database.

Redis down is a degraded mode, not an outage: frames still reach the sockets on the same gateway, a
warning says once that they no longer reach other gateways, the listener reconnects with a growing
wait, and a line says when Redis is back.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
from typing import Any

import redis.asyncio as aioredis  # type: ignore[import-untyped]  # redis 4.6 ships no hints
from redis.exceptions import RedisError  # type: ignore[import-untyped]

from bot.web.live_frames import LocalLiveFrames, SendToVisitor, SendToVolunteer
from bot.web.protocol import ConsoleFrame, WidgetFrame

logger = logging.getLogger(__name__)

DEFAULT_PREFIX = "live"
# Seconds before a Redis call counts as failed; a live chat should not wait longer than this.
REDIS_TIMEOUT_SECONDS = 2.0
# The listener's waits between reconnects: from the first to the longest.
FIRST_RETRY_SECONDS = 0.5
LONGEST_RETRY_SECONDS = 5.0


class RedisLiveFrames:
    """`LiveFrames` shared by all gateway replicas through Redis pub/sub."""

    def __init__(self, url: str, prefix: str = DEFAULT_PREFIX, client: aioredis.Redis | None = None) -> None:
        self.prefix = prefix
        self.local = LocalLiveFrames()
        # Frames this gateway published come back through the subscription; they are skipped by origin.
        self.origin = secrets.token_hex(8)
        self._redis = client or aioredis.Redis.from_url(
            url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS
        )
        self._listener: asyncio.Task[None] | None = None
        self._subscribed = asyncio.Event()
        self.degraded = False

    # -- the sockets on this gateway ------------------------------------------------------------

    def add_visitor(self, visitor: str, send: SendToVisitor) -> None:
        """A visitor socket for this conversation opened on this gateway."""
        self.local.add_visitor(visitor, send)

    def remove_visitor(self, visitor: str, send: SendToVisitor) -> None:
        """That visitor socket closed."""
        self.local.remove_visitor(visitor, send)

    def add_volunteer(self, visitor: str, send: SendToVolunteer) -> None:
        """A volunteer on this gateway took this conversation."""
        self.local.add_volunteer(visitor, send)

    def remove_volunteer(self, visitor: str, send: SendToVolunteer) -> None:
        """The volunteer left this conversation."""
        self.local.remove_volunteer(visitor, send)

    # -- sending ---------------------------------------------------------------------------------

    def channel(self, direction: str, visitor: str) -> str:
        """The channel of one conversation's frames in one direction ("visitor" or "volunteer")."""
        return f"{self.prefix}:{direction}:{visitor}"

    async def to_visitor(self, visitor: str, frame: WidgetFrame) -> None:
        """Send to the visitor's sockets, here and on every other gateway."""
        await self.local.to_visitor(visitor, frame)
        await self._publish(self.channel("visitor", visitor), frame)

    async def to_volunteer(self, visitor: str, frame: ConsoleFrame) -> None:
        """Send to the volunteer who has this conversation, on whichever gateway."""
        await self.local.to_volunteer(visitor, frame)
        await self._publish(self.channel("volunteer", visitor), frame)

    async def _publish(self, channel: str, frame: Any) -> None:
        payload = json.dumps({"origin": self.origin, "frame": frame})
        try:
            await self._redis.publish(channel, payload)
        except (RedisError, OSError) as error:
            self._degrade(error)
        else:
            self._recovered()

    def _degrade(self, error: BaseException) -> None:
        if not self.degraded:
            logger.warning(
                "Redis is not reachable (%s): degraded mode, live handover frames reach only the "
                "sockets on this gateway until it is back.",
                type(error).__name__,
            )
        self.degraded = True

    def _recovered(self) -> None:
        if self.degraded:
            logger.warning("Redis is reachable again: live handover frames reach every gateway.")
        self.degraded = False

    # -- receiving -------------------------------------------------------------------------------

    async def start(self) -> None:
        """Start listening to the other gateways' frames (returns once subscribed, or after a timeout)."""
        self._listener = asyncio.create_task(self._listen())
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._subscribed.wait(), REDIS_TIMEOUT_SECONDS * 2)

    async def stop(self) -> None:
        """Stop listening and close the connections."""
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
        await self._redis.close()

    async def _listen(self) -> None:
        wait = FIRST_RETRY_SECONDS
        while True:
            pubsub = self._redis.pubsub()
            try:
                await pubsub.psubscribe(f"{self.prefix}:*")
                self._subscribed.set()
                self._recovered()
                wait = FIRST_RETRY_SECONDS
                while True:
                    # No socket timeout while waiting: a quiet hour is not an error.
                    message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
                    if message is not None:
                        await self._hand_over(message)
            except (RedisError, OSError) as error:
                self._degrade(error)
                await asyncio.sleep(wait)
                wait = min(wait * 2, LONGEST_RETRY_SECONDS)
            finally:
                with contextlib.suppress(RedisError, OSError):
                    await pubsub.close()

    async def _hand_over(self, message: dict[str, Any]) -> None:
        """Deliver one frame another gateway published to the sockets on this gateway."""
        try:
            channel = _text(message["channel"])
            body = json.loads(_text(message["data"]))
        except (KeyError, TypeError, ValueError):
            return
        if not isinstance(body, dict) or body.get("origin") == self.origin:
            return
        frame = body.get("frame")
        direction, _, visitor = channel.removeprefix(f"{self.prefix}:").partition(":")
        if not isinstance(frame, dict) or not visitor:
            return
        try:
            if direction == "visitor":
                await self.local.to_visitor(visitor, frame)  # type: ignore[arg-type]
            elif direction == "volunteer":
                await self.local.to_volunteer(visitor, frame)  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - one socket's failure must not stop the listener
            logger.exception("Delivering a live frame from another gateway failed.")


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)
