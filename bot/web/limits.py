"""Limits on what one chat connection may send: frame size, text length and a rate limit."""

from __future__ import annotations

import time
from collections.abc import Callable

from bot.text import MAX_MESSAGE_CHARS

# The longest text a visitor may send; one source of truth with the REST channel and the NLU guard.
MAX_TEXT_CHARS = MAX_MESSAGE_CHARS
# The largest WebSocket frame the gateway reads. A text at the limit fits easily, even with every
# character escaped in JSON; a bigger frame closes the connection (WebSocket code 1009).
MAX_FRAME_BYTES = 16 * 1024
# Messages accepted but not yet answered on one connection; more than this is treated as flooding.
MAX_QUEUED_MESSAGES = 10


class TokenBucket:
    """A token bucket: `burst` messages at once, then `per_second` messages per second on average.

    With the defaults (6 and 0.5) a visitor can send six messages in a row and then one every two
    seconds, far more than anyone types or clicks, while a script is slowed down at once.
    """

    def __init__(self, burst: int, per_second: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(max(1, burst))
        self.per_second = max(0.0, per_second)
        self._clock = clock
        self._tokens = self.capacity
        self._updated = clock()

    def allow(self) -> bool:
        """Take one token if there is one; tell whether the message may pass."""
        now = self._clock()
        self._tokens = min(self.capacity, self._tokens + (now - self._updated) * self.per_second)
        self._updated = now
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        return False
