"""At most a few messages in progress in the Rasa server at once; the others wait their turn.

The Rasa server runs every conversation on one event loop, and nearly all of its work for a message
(NLU, the policies, writing the tracker) is CPU work that does not wait. Under load, the messages of
many conversations become ready together and the loop runs the first part of each of them back to
back before it looks at the network again. A message waiting for its custom action's reply then waits
for such a long loop turn each time, although the action server itself answers in a few milliseconds.

With `MessageSlots`, only `size` messages are handled at once, in about the order they arrived (an
asyncio semaphore); the others wait without using the loop. A message keeps its slot while its action
runs, so the loop has only a few messages' work in each turn and handles the action server's reply
almost at once. The default of 4 gave the lowest p95 latency at 20 concurrent conversations of the
sizes tried (`make bench`, the latency benchmark). The order of the messages within one conversation
does not change (Rasa's lock store already handles them one by one).

If the action server hangs, the messages waiting for it hold their slots until Rasa's request to it
times out; every custom action would fail then anyway.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any

from rasa.core.processor import MessageProcessor

ENV_VAR = "RASA_MESSAGE_SLOTS"
DEFAULT_SLOTS = 4


class MessageSlots:
    """A limit on how many messages are handled at once, per event loop."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError(f"{ENV_VAR} must be at least 1, not {size}.")
        self.size = size
        # The semaphore of the running event loop (a semaphore belongs to one loop).
        self._loop: asyncio.AbstractEventLoop | None = None
        self._slots = asyncio.Semaphore(size)

    def _semaphore(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            self._loop, self._slots = loop, asyncio.Semaphore(self.size)
        return self._slots

    def limit(self, handle: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        """Wrap an async message handler so that it runs inside a slot."""

        @wraps(handle)
        async def handle_in_slot(*args: Any, **kwargs: Any) -> Any:
            async with self._semaphore():
                return await handle(*args, **kwargs)

        return handle_in_slot


def slots_from_environment(environ: dict[str, str] | os._Environ[str] = os.environ) -> int:
    """The number of slots: `RASA_MESSAGE_SLOTS`, or 4."""
    value = environ.get(ENV_VAR, "").strip()
    if not value:
        return DEFAULT_SLOTS
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"{ENV_VAR} must be a whole number, not {value!r}.") from None


def install(size: int | None = None) -> None:
    """Handle every message Rasa receives (any channel) inside a slot."""
    if getattr(MessageProcessor.handle_message, "__wrapped__", None) is not None:
        return
    slots = MessageSlots(slots_from_environment() if size is None else size)
    MessageProcessor.handle_message = slots.limit(MessageProcessor.handle_message)  # type: ignore[method-assign]
