"""The counts of /inzicht from RabbitMQ: `python -m bot insight-consumer` (the cluster profile).

Rasa's `pika` event broker publishes every stored event, as JSON, to a fanout exchange ("rasa-exchange")
with our queue bound to it (`EVENTS_QUEUE`, "rasa_events"). This consumer declares the same exchange and
queue (so it may start before Rasa), takes the events in order, counts them (`bot.insight.counting`) and
adds the counts to the app database (`DATABASE_URL`). A batch is acknowledged only after its counts are
stored, so a crash costs no count; while the database is away it waits and tries again. Run one
consumer: the counter must see all events of a conversation.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from dataclasses import dataclass

import aio_pika
from aio_pika.abc import AbstractIncomingMessage
from sqlalchemy.engine import Engine

from bot.insight.counting import InsightCounter
from bot.insight.writing import DeltaWriter

logger = logging.getLogger(__name__)
RASA_EXCHANGE = "rasa-exchange"  # Rasa's PikaEventBroker default
DEFAULT_URL = "amqp://guest:guest@127.0.0.1:5672"
DEFAULT_QUEUE = "rasa_events"
PREFETCH = 1000


@dataclass(frozen=True)
class ConsumerSettings:
    """Where the events come from and how they are batched."""

    url: str = DEFAULT_URL
    queue: str = DEFAULT_QUEUE
    exchange: str = RASA_EXCHANGE
    batch: int = 500
    flush_seconds: float = 0.5


class InsightConsumer:
    """Reads Rasa's events from RabbitMQ and keeps the counts up to date until `stop` is set."""

    def __init__(self, settings: ConsumerSettings, engine: Engine) -> None:
        self.settings = settings
        self.counter = InsightCounter()
        self.writer = DeltaWriter(engine)
        self.events_counted = 0
        self._stopping = threading.Event()

    async def run(self, stop: asyncio.Event) -> None:
        """Connect (reconnecting when RabbitMQ restarts), consume, count and store until `stop` is set."""
        connection = await aio_pika.connect_robust(self.settings.url)
        async with connection:
            channel = await connection.channel()
            await channel.set_qos(prefetch_count=PREFETCH)
            # Declared exactly as Rasa's broker declares them (a different flag would be refused).
            fanout = aio_pika.ExchangeType.FANOUT
            exchange = await channel.declare_exchange(self.settings.exchange, type=fanout)
            queue = await channel.declare_queue(self.settings.queue, durable=True)
            await queue.bind(exchange, "")
            inbox: asyncio.Queue[AbstractIncomingMessage] = asyncio.Queue()
            tag = await queue.consume(inbox.put)
            mirror = asyncio.ensure_future(self._mirror(stop))
            logger.info(
                "Inzicht: ik tel de gebeurtenissen uit RabbitMQ-wachtrij '%s'.", self.settings.queue
            )
            try:
                while not stop.is_set():
                    batch = await self._next_batch(inbox, stop)
                    if batch:
                        await self._handle(batch)
            finally:
                mirror.cancel()
                self._stopping.set()
                await queue.cancel(tag)
        logger.info("Inzicht: gestopt na %d gebeurtenissen.", self.events_counted)

    async def _mirror(self, stop: asyncio.Event) -> None:
        """Tell a database retry in the worker thread to give up once `stop` is set."""
        await stop.wait()
        self._stopping.set()

    async def _next_batch(
        self, inbox: asyncio.Queue[AbstractIncomingMessage], stop: asyncio.Event
    ) -> list[AbstractIncomingMessage]:
        """The next messages: wait for one (or for `stop`), then take what arrives within flush_seconds."""
        getting = asyncio.ensure_future(inbox.get())
        stopping = asyncio.ensure_future(stop.wait())
        await asyncio.wait({getting, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not getting.done():
            getting.cancel()
            return []
        batch = [getting.result()]
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.settings.flush_seconds
        while len(batch) < self.settings.batch:
            try:
                batch.append(await asyncio.wait_for(inbox.get(), max(0.0, deadline - loop.time())))
            except asyncio.TimeoutError:
                break
        return batch

    async def _handle(self, batch: list[AbstractIncomingMessage]) -> None:
        """Count a batch, store its counts, then acknowledge it (all at once)."""
        for message in batch:
            try:
                event = json.loads(message.body)
            except (UnicodeDecodeError, json.JSONDecodeError):
                logger.warning("Inzicht: een bericht in de wachtrij is geen JSON en wordt overgeslagen.")
                continue
            if isinstance(event, dict):
                self.counter.observe(event)
                self.events_counted += 1
        deltas = self.counter.take_deltas()
        loop = asyncio.get_running_loop()
        stored = await loop.run_in_executor(None, self.writer.write_until_done, deltas, self._stopping)
        if not stored:
            return  # not acknowledged: RabbitMQ hands the batch to the next consumer
        try:
            await batch[-1].ack(multiple=True)
        except aio_pika.exceptions.AMQPError as error:
            # The channel was replaced after a reconnect; RabbitMQ sends the batch again.
            logger.warning("Inzicht: bevestigen lukte niet (%s).", type(error).__name__)


async def consume(settings: ConsumerSettings, engine: Engine, stop: asyncio.Event) -> int:
    """Run the consumer until `stop` is set; the number of events counted."""
    consumer = InsightConsumer(settings, engine)
    await consumer.run(stop)
    return consumer.events_counted
