"""Rasa's event broker for the embedded default: the anonymous counts of /inzicht, inside the Rasa process.

In endpoints.yml:

    event_broker:
      type: bot.rasa_ext.insight_broker.InsightEventBroker

Rasa loads a broker by module path when `type` is not one of its own (`pika`, `kafka`, `sql`, `file`)
and calls `from_endpoint_config`. `publish` is called from the tracker store on Rasa's event loop; it
only puts the event on a queue. One thread counts (`bot.insight.counting`) and adds the counts to the
app database (`DATABASE_URL`, else var/bot.db) at most every `flush_seconds`, so Rasa never waits for
the database. Only for one Rasa process: with several replicas use RabbitMQ and one
`python -m bot insight-consumer` (the cluster profile), so that one counter sees every conversation.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
from asyncio import AbstractEventLoop
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.utils.endpoints import EndpointConfig

from bot.insight.counting import InsightCounter
from bot.insight.writing import DeltaWriter
from bot.store.db import default_engine, engine_for

logger = logging.getLogger(__name__)
DEFAULT_FLUSH_SECONDS = 2.0
MAX_BATCH = 1000
_STOP = object()


class InsightEventBroker(EventBroker):
    """Counts published events in a thread of its own and writes the counts to the app database."""

    def __init__(self, database_url: str | None = None, flush_seconds: float = DEFAULT_FLUSH_SECONDS) -> None:
        self.flush_seconds = float(flush_seconds)
        self.counter = InsightCounter()
        self.writer = DeltaWriter(engine_for(database_url) if database_url else default_engine())
        self._events: queue.Queue[Any] = queue.Queue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="insight-counter", daemon=True)
        self._thread.start()

    @classmethod
    async def from_endpoint_config(
        cls, broker_config: EndpointConfig, event_loop: AbstractEventLoop | None = None
    ) -> InsightEventBroker:
        """Create the broker; `database_url` and `flush_seconds` may be set in endpoints.yml."""
        options = broker_config.kwargs if broker_config else {}
        return cls(
            database_url=options.get("database_url") or None,
            flush_seconds=float(options.get("flush_seconds", DEFAULT_FLUSH_SECONDS)),
        )

    def publish(self, event: dict[str, Any]) -> None:
        """Hand one event to the counting thread (never blocks)."""
        self._events.put(event)

    def is_ready(self) -> bool:
        """Ready while the counting thread runs."""
        return self._thread.is_alive()

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until every event published so far is counted and written; False on timeout."""
        done = threading.Event()
        self._events.put(done)
        return done.wait(timeout)

    async def close(self) -> None:
        """Count and write what is left, then stop the thread."""
        self._events.put(_STOP)
        await asyncio.get_running_loop().run_in_executor(None, self._thread.join, 30.0)

    def _next_batch(self) -> list[Any]:
        """Wait for an event, then gather more for up to `flush_seconds` (less when asked to flush)."""
        batch = [self._events.get()]
        deadline = time.monotonic() + self.flush_seconds
        while (
            len(batch) < MAX_BATCH and not isinstance(batch[-1], threading.Event) and batch[-1] is not _STOP
        ):
            try:
                batch.append(self._events.get(timeout=max(0.0, deadline - time.monotonic())))
            except queue.Empty:
                break
        return batch

    def _run(self) -> None:
        """Take events in batches: count them, write, repeat; stop on `_STOP`."""
        stopping = False
        while not stopping:
            batch = self._next_batch()
            waiters: list[threading.Event] = []
            for item in batch:
                if item is _STOP:
                    stopping = True
                elif isinstance(item, threading.Event):
                    waiters.append(item)
                elif isinstance(item, dict):
                    try:
                        self.counter.observe(item)
                    except Exception:  # noqa: BLE001 - one odd event must not stop the counting
                        logger.exception("Inzicht: een gebeurtenis kon niet worden geteld.")
            if stopping:
                self._stop.set()
            self.writer.write_until_done(self.counter.take_deltas(), self._stop)
            for waiter in waiters:
                waiter.set()
