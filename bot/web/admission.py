"""Who may open a chat socket, and how much each client and each visitor may send.

Limits per socket alone are not enough: a script opens many sockets, or reconnects for a fresh
allowance. So the gateway also counts per client (a salted hash of the address, `bot.web.clients`):
- open visitor sockets in total and per client;
- one token bucket per client, shared by all its sockets, for new sockets and messages;
- one token bucket per visitor id, so that reconnecting with the same id gives no fresh allowance;
- a token bucket per client for typing frames (those above it are dropped silently);
- at most `client_in_flight` messages per client at Rasa at once (default one), so that one client
  cannot fill Rasa's message slots ahead of everyone else (its other messages wait in the gateway).
Everything lives in this replica's memory, bounded and forgotten once it is as good as new.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field

from bot.web.limits import Clock, Remembered, TokenBucket
from bot.web.protocol import BUSY, TOO_MANY_CHATS, ErrorCode
from bot.web.settings import Settings


class Refused(Exception):
    """A socket may not be opened; `code` is the error frame the visitor gets."""

    def __init__(self, code: ErrorCode) -> None:
        super().__init__(code)
        self.code: ErrorCode = code


@dataclass
class _Client:
    """What the gateway knows of one client: counts and buckets, no address."""

    messages: TokenBucket
    typing: TokenBucket
    in_flight: asyncio.Semaphore
    sockets: int = 0
    relaying: int = 0

    def idle(self) -> bool:
        return self.sockets == 0 and self.relaying == 0 and self.messages.full() and self.typing.full()

    def busy(self) -> bool:
        return self.sockets > 0 or self.relaying > 0


class Admission:
    """The gateway's per-client and per-visitor limits (one per gateway process)."""

    def __init__(self, settings: Settings, clock: Clock = time.monotonic) -> None:
        self.settings = settings
        self.open_sockets = 0
        self._clients: Remembered[_Client] = Remembered(
            lambda: _Client(
                messages=TokenBucket(settings.client_rate_burst, settings.client_rate_per_second, clock),
                typing=TokenBucket(settings.typing_burst, settings.typing_per_second, clock),
                in_flight=asyncio.Semaphore(max(1, settings.client_in_flight)),
            ),
            idle=_Client.idle,
            busy=_Client.busy,
        )
        self._visitors: Remembered[TokenBucket] = Remembered(
            lambda: TokenBucket(settings.rate_burst, settings.rate_per_second, clock), idle=TokenBucket.full
        )

    def admit(self, key: str) -> AdmittedClient:
        """Count a new socket of client `key`, or raise `Refused` (too many sockets, or too quick)."""
        if self.open_sockets >= self.settings.max_sockets:
            raise Refused(BUSY)
        client = self._clients.get(key)
        if client.sockets >= self.settings.max_sockets_per_client or not client.messages.allow():
            raise Refused(TOO_MANY_CHATS)
        client.sockets += 1
        self.open_sockets += 1
        return AdmittedClient(self, key)

    def release(self, key: str) -> None:
        """One socket of client `key` closed."""
        client = self._clients.get(key)
        client.sockets = max(0, client.sockets - 1)
        self.open_sockets = max(0, self.open_sockets - 1)

    def allow_message(self, key: str, visitor: str) -> bool:
        """Take a token from the visitor's and from the client's bucket, or neither."""
        mine, shared = self._visitors.get(visitor), self._clients.get(key).messages
        if mine.ready() and shared.ready():
            mine.take()
            shared.take()
            return True
        return False

    def allow_typing(self, key: str) -> bool:
        """Whether a typing frame may pass (those above the rate need no answer and are dropped)."""
        return self._clients.get(key).typing.allow()

    @asynccontextmanager
    async def at_rasa(self, key: str) -> AsyncIterator[None]:
        """Hold one of the client's places at Rasa while a message is relayed."""
        client = self._clients.get(key)
        client.relaying += 1
        try:
            async with client.in_flight:
                yield
        finally:
            client.relaying -= 1

    def sockets_of(self, key: str) -> int:
        """How many sockets client `key` has open (for tests and health)."""
        return self._clients.get(key).sockets


@dataclass
class AdmittedClient:
    """One admitted socket's handle on the limits of its client."""

    admission: Admission
    key: str
    _left: bool = field(default=False, repr=False)

    def allow_message(self, visitor: str) -> bool:
        """Whether a message or button may be relayed now."""
        return self.admission.allow_message(self.key, visitor)

    def allow_typing(self) -> bool:
        """Whether a typing frame may pass."""
        return self.admission.allow_typing(self.key)

    def at_rasa(self) -> AbstractAsyncContextManager[None]:
        """Hold one of the client's places at Rasa while a message is relayed."""
        return self.admission.at_rasa(self.key)

    def leave(self) -> None:
        """The socket closed and its accepted messages are relayed; count it no more."""
        if not self._left:
            self._left = True
            self.admission.release(self.key)
