"""Limits on what the chat may be sent: frame size, text length, token buckets and remembered buckets."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

from bot.text import MAX_MESSAGE_CHARS

# The longest text a visitor may send; one source of truth with the REST channel and the NLU guard.
MAX_TEXT_CHARS = MAX_MESSAGE_CHARS
# The largest WebSocket frame the gateway reads. A text at the limit fits easily, even with every
# character escaped in JSON; a bigger frame closes the connection (WebSocket code 1009).
MAX_FRAME_BYTES = 16 * 1024
# Messages accepted but not yet answered on one connection; more than this is treated as flooding.
MAX_QUEUED_MESSAGES = 10
# How many clients or visitors the gateway remembers at most (about 200 bytes each).
MAX_REMEMBERED = 50_000
# How many of the longest-unused entries one look-up checks for dropping.
PRUNE_STEP = 4

Clock = Callable[[], float]
V = TypeVar("V")


class TokenBucket:
    """A token bucket: `burst` messages at once, then `per_second` messages per second on average.

    With the defaults (6 and 0.5) a visitor can send six messages in a row and then one every two
    seconds, far more than anyone types or clicks, while a script is slowed down at once.
    """

    def __init__(self, burst: int, per_second: float, clock: Clock = time.monotonic) -> None:
        self.capacity = float(max(1, burst))
        self.per_second = max(0.0, per_second)
        self._clock = clock
        self._tokens = self.capacity
        self._updated = clock()

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self.capacity, self._tokens + (now - self._updated) * self.per_second)
        self._updated = now

    def ready(self) -> bool:
        """Whether a token is there now (nothing is taken)."""
        self._refill()
        return self._tokens >= 1.0

    def take(self) -> None:
        """Take one token (after `ready()` said there is one)."""
        self._tokens = max(0.0, self._tokens - 1.0)

    def allow(self) -> bool:
        """Take one token if there is one; tell whether the message may pass."""
        if self.ready():
            self.take()
            return True
        return False

    def full(self) -> bool:
        """Whether the bucket is full again, so that forgetting it changes nothing."""
        self._refill()
        return self._tokens >= self.capacity


class Remembered(Generic[V]):
    """Entries by key, kept in memory: bounded in number, forgotten once they are as good as new.

    Look-ups move an entry to the back; each look-up checks the longest-unused entries at the front
    and drops those that are `idle` (a full bucket, no open socket), so forgetting one gives nobody a
    fresh allowance. Beyond `limit` entries the longest-unused one is dropped even when not idle, but
    never one that is `busy` (it holds an open socket; their number is capped elsewhere).
    """

    def __init__(
        self,
        new: Callable[[], V],
        idle: Callable[[V], bool],
        busy: Callable[[V], bool] = lambda _: False,
        limit: int = MAX_REMEMBERED,
    ) -> None:
        self._new = new
        self._idle = idle
        self._busy = busy
        self._limit = max(1, limit)
        self._entries: OrderedDict[str, V] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> V:
        """The entry of `key` (a new one when it was not remembered)."""
        entry = self._entries.pop(key, None)
        if entry is None:
            entry = self._new()
        self._prune()
        self._entries[key] = entry
        return entry

    def _prune(self) -> None:
        for _ in range(PRUNE_STEP):
            if not self._entries:
                return
            key, oldest = next(iter(self._entries.items()))
            over = len(self._entries) >= self._limit
            if self._idle(oldest) or (over and not self._busy(oldest)):
                del self._entries[key]
            else:
                return
