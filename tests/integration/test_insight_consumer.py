"""`python -m bot insight-consumer` against the real RabbitMQ, fed by Rasa's own `pika` event broker.

The events go through a fanout exchange and queue of this test's own (so a running cluster's consumer
sees none of them), into PostgreSQL as the cluster profile has it. The consumer is stopped while
events keep coming: they wait in the durable queue and are counted after the restart; nothing is
counted twice.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import secrets
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aio_pika
import pytest
import rasa.shared.core.events  # noqa: F401 - Rasa's pika broker uses it without importing it (a Rasa server has)
from rasa.core.brokers.broker import EventBroker
from rasa.utils.endpoints import EndpointConfig

from bot.store.db import make_engine
from bot.store.insight import CountKey
from bot.store.seed import prepare_database
from tests.support.databases import fresh_database, stored_insight_counts
from tests.support.paths import ROOT, VENV_BIN

RABBITMQ_URL = os.environ.get("TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672")
WEDNESDAY = dt.datetime(2026, 12, 2, 11, 0, tzinfo=dt.timezone.utc).timestamp()
WEEK = "2026-W49"


def require_rabbitmq() -> None:
    """Skip without RabbitMQ, except in CI where it must be there."""

    async def probe() -> None:
        connection = await aio_pika.connect(RABBITMQ_URL, timeout=3)
        await connection.close()

    try:
        asyncio.run(probe())
    except Exception as error:  # noqa: BLE001 - any failure means "not available"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"RabbitMQ is not reachable at {RABBITMQ_URL}, and CI requires it: {error}")
        pytest.skip(f"RabbitMQ is not reachable at {RABBITMQ_URL}")


def conversation(sender: str, municipality: str | None, melding: bool = False) -> list[dict[str, Any]]:
    """The events Rasa publishes for one short conversation (the parts the counter reads, and text)."""
    at = WEDNESDAY

    def event(kind: str, **fields: Any) -> dict[str, Any]:
        return {"sender_id": sender, "event": kind, "timestamp": at, **fields}

    events = [
        event("action", name="action_session_start"),
        event("session_started"),
        event("action", name="action_listen"),
        event(
            "user",
            text="Sinds mijn verhuizing ken ik niemand meer",
            parse_data={"intent": {"name": "feel_lonely"}},
        ),
        event("slot", name="causes", value=["moving"]),
        event("slot", name="loneliness_type", value="social"),
        event("bot", text="Dat klinkt eenzaam.", data={}, metadata={"utter_action": "utter_listen"}),
    ]
    if municipality:
        events.append(event("slot", name="municipality", value="Nijmegen"))
        events.append(event("slot", name="municipality_code", value=municipality))
    if melding:
        events.append(
            event("bot", text="Je melding is opgeslagen.", metadata={"utter_action": "utter_melding_sent"})
        )
    return events


async def publish(exchange: str, queue: str, events: list[dict[str, Any]]) -> None:
    """Publish as Rasa does: its PikaEventBroker, from an endpoints configuration."""
    config = EndpointConfig(
        url="127.0.0.1",
        type="pika",
        username="guest",
        password="guest",
        port=5672,
        queues=[queue],
        exchange_name=exchange,
    )
    broker = await EventBroker.create(config)
    assert broker is not None
    for event in events:
        broker.publish(event)
    # publish() only schedules; let the broker's tasks finish before closing.
    while getattr(broker, "_background_tasks", None):
        await asyncio.sleep(0.05)
    await broker.close()


async def queue_depth(queue: str) -> int:
    connection = await aio_pika.connect(RABBITMQ_URL)
    async with connection:
        channel = await connection.channel()
        declared = await channel.declare_queue(queue, durable=True, passive=True)
        return int(declared.declaration_result.message_count or 0)


async def remove(exchange: str, queue: str) -> None:
    connection = await aio_pika.connect(RABBITMQ_URL)
    async with connection:
        channel = await connection.channel()
        await channel.queue_delete(queue)
        await channel.exchange_delete(exchange)


@pytest.fixture()
def database(tmp_path: Path) -> Iterator[str]:
    with fresh_database("postgresql", tmp_path) as url:
        engine = make_engine(url)
        prepare_database(engine, example_file=None)
        engine.dispose()
        yield url


def start_consumer(database_url: str, exchange: str, queue: str, log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [str(VENV_BIN / "python"), "-m", "bot", "insight-consumer", "--queue", queue, "--exchange", exchange],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url, "RABBITMQ_URL": RABBITMQ_URL},
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )


def stored(database_url: str) -> dict[CountKey, int]:
    return stored_insight_counts(database_url)


def wait_for_counts(database_url: str, expected: dict[CountKey, int], log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    found: dict[CountKey, int] = {}
    while time.monotonic() < deadline:
        found = stored(database_url)
        if found == expected:
            return
        time.sleep(0.3)
    raise AssertionError(f"Counts {found} != {expected}\n{log.read_text(errors='replace')[-3000:]}")


def test_the_consumer_counts_rasas_events_from_rabbitmq_and_survives_a_restart(
    database: str, tmp_path: Path
) -> None:
    require_rabbitmq()
    suffix = secrets.token_hex(4)
    exchange, queue = f"inzicht-test-{suffix}", f"inzicht-test-{suffix}"
    log = tmp_path / "consumer.log"
    consumer = start_consumer(database, exchange, queue, log)
    try:
        first = [
            e for n in range(11) for e in conversation(f"bezoeker-{suffix}-{n}", "GM0268", melding=n < 2)
        ]
        first += conversation(f"bezoeker-{suffix}-zonder-gemeente", None)
        asyncio.run(publish(exchange, queue, first))

        def key(kind: str, value: str = "", municipality: str = "GM0268") -> CountKey:
            return CountKey(municipality, WEEK, kind, value)

        expected = {
            key("conversation"): 11,
            key("cause", "moving"): 11,
            key("loneliness_type", "social"): 11,
            key("melding"): 2,
            key("conversation", municipality="onbekend"): 1,
            key("cause", "moving", municipality="onbekend"): 1,
            key("loneliness_type", "social", municipality="onbekend"): 1,
        }
        wait_for_counts(database, expected, log)

        consumer.send_signal(signal.SIGTERM)
        assert consumer.wait(timeout=30) == 0, log.read_text(errors="replace")
        # While it is down, events wait in RabbitMQ's durable queue.
        asyncio.run(
            publish(exchange, queue, conversation(f"bezoeker-{suffix}-later", "GM0268", melding=True))
        )
        time.sleep(0.5)
        assert asyncio.run(queue_depth(queue)) > 0
        consumer = start_consumer(database, exchange, queue, log)
        expected[key("conversation")] += 1
        expected[key("cause", "moving")] += 1
        expected[key("loneliness_type", "social")] += 1
        expected[key("melding")] += 1
        wait_for_counts(database, expected, log)
        deadline = time.monotonic() + 10
        while asyncio.run(queue_depth(queue)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert asyncio.run(queue_depth(queue)) == 0  # everything acknowledged once stored
        time.sleep(1.0)
        assert stored(database) == expected  # nothing counted twice
        output = log.read_text(errors="replace")
        assert "bezoeker-" not in output and "verhuizing" not in output
    finally:
        if consumer.poll() is None:
            consumer.send_signal(signal.SIGTERM)
            try:
                consumer.wait(timeout=30)
            except subprocess.TimeoutExpired:
                consumer.kill()
        asyncio.run(remove(exchange, queue))
