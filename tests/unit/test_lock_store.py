"""The Redis lock store's degraded mode: without Redis, locks are kept in the process and it is logged."""

from __future__ import annotations

import asyncio
import logging
import secrets
import socket

import pytest
from rasa.utils.endpoints import EndpointConfig

from bot.rasa_ext.lock_store import DegradableRedisLockStore
from tests.support.cluster import REDIS_HOST, REDIS_PORT, require_redis


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def store_at(port: int, host: str = "127.0.0.1") -> DegradableRedisLockStore:
    config = EndpointConfig(
        url=host, type="bot.rasa_ext.lock_store.DegradableRedisLockStore", port=port, db=3,
        key_prefix=f"t{secrets.token_hex(4)}", socket_timeout=1,
    )  # fmt: skip
    return DegradableRedisLockStore(endpoint_config=config)


async def test_with_redis_a_second_replica_waits_for_the_first() -> None:
    require_redis()
    one = store_at(REDIS_PORT, REDIS_HOST)
    two = DegradableRedisLockStore(
        host=REDIS_HOST, port=REDIS_PORT, db=3, key_prefix=one.key_prefix.split(":")[0]
    )
    order: list[str] = []

    async def hold(store: DegradableRedisLockStore, name: str, seconds: float) -> None:
        async with store.lock("gesprek", wait_time_in_seconds=0.05):
            order.append(f"{name} in")
            await asyncio.sleep(seconds)
            order.append(f"{name} uit")

    first = asyncio.create_task(hold(one, "een", 0.3))
    await asyncio.sleep(0.05)
    await hold(two, "twee", 0)
    await first
    assert order == ["een in", "een uit", "twee in", "twee uit"]
    assert not one.degraded and not two.degraded


async def test_without_redis_locks_still_work_in_the_process_and_it_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.rasa_ext.lock_store")
    store = store_at(closed_port())
    order: list[str] = []

    async def hold(name: str) -> None:
        async with store.lock("gesprek", wait_time_in_seconds=0.05):
            order.append(f"{name} in")
            await asyncio.sleep(0.05)
            order.append(f"{name} uit")

    await asyncio.gather(hold("een"), hold("twee"))
    assert order in (
        ["een in", "een uit", "twee in", "twee uit"],
        ["twee in", "twee uit", "een in", "een uit"],
    )
    assert store.degraded
    warnings = [r.getMessage() for r in caplog.records if "degraded mode" in r.getMessage()]
    assert len(warnings) == 1
    assert store.get_lock("gesprek") is None or not store.get_lock("gesprek").tickets
