"""Live handover frames between two gateway replicas over the real Redis, and without it."""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.web.redis_live_frames import RedisLiveFrames
from tests.support.cluster import REDIS_HOST, REDIS_PORT, require_redis
from tests.web.test_rasa_replicas import closed_port_url

REDIS_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/0"


class Inbox:
    """A socket's send function that keeps what it got."""

    def __init__(self) -> None:
        self.frames: list[dict[str, Any]] = []
        self.arrived = asyncio.Event()

    async def __call__(self, frame: Any) -> None:
        self.frames.append(frame)
        self.arrived.set()

    async def wait_for(self, count: int) -> list[dict[str, Any]]:
        async def enough() -> None:
            while len(self.frames) < count:
                self.arrived.clear()
                await self.arrived.wait()

        await asyncio.wait_for(enough(), 5)
        return self.frames


@pytest.fixture
async def gateways() -> AsyncIterator[tuple[RedisLiveFrames, RedisLiveFrames]]:
    require_redis()
    prefix = f"live-test-{secrets.token_hex(4)}"
    one, two = RedisLiveFrames(REDIS_URL, prefix), RedisLiveFrames(REDIS_URL, prefix)
    await one.start()
    await two.start()
    yield one, two
    await one.stop()
    await two.stop()


async def test_a_visitor_on_one_gateway_and_a_volunteer_on_the_other_reach_each_other(
    gateways: tuple[RedisLiveFrames, RedisLiveFrames],
) -> None:
    on_a, on_b = gateways
    tab_one, tab_two, volunteer = Inbox(), Inbox(), Inbox()
    on_a.add_visitor("v1", tab_one)
    on_b.add_visitor("v1", tab_two)  # the same visitor in a second tab, routed to the other gateway
    on_b.add_volunteer("v1", volunteer)

    await on_b.to_visitor("v1", {"type": "volunteer", "text": "Hoi, ik ben Anna."})
    await on_b.to_visitor("v1", {"type": "volunteer_typing", "typing": False})
    await on_a.to_volunteer("v1", {"type": "visitor", "text": "Dank je.", "acute_risk": False})

    expected = [
        {"type": "volunteer", "text": "Hoi, ik ben Anna."},
        {"type": "volunteer_typing", "typing": False},
    ]
    assert await tab_one.wait_for(2) == expected  # in order, across gateways
    assert await tab_two.wait_for(2) == expected  # once on its own gateway, not again via Redis
    assert await volunteer.wait_for(1) == [{"type": "visitor", "text": "Dank je.", "acute_risk": False}]
    await asyncio.sleep(0.3)
    assert len(tab_one.frames) == len(tab_two.frames) == 2 and len(volunteer.frames) == 1


async def test_frames_of_other_conversations_and_closed_sockets_do_not_arrive(
    gateways: tuple[RedisLiveFrames, RedisLiveFrames],
) -> None:
    on_a, on_b = gateways
    mine, other = Inbox(), Inbox()
    on_a.add_visitor("v1", mine)
    on_a.add_visitor("v2", other)
    on_a.remove_visitor("v2", other)
    await on_b.to_visitor("v2", {"type": "volunteer", "text": "niet voor jou"})
    await on_b.to_visitor("v1", {"type": "volunteer", "text": "voor jou"})
    assert await mine.wait_for(1) == [{"type": "volunteer", "text": "voor jou"}]
    assert other.frames == []


async def test_without_redis_frames_stay_on_this_gateway_and_that_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    frames = RedisLiveFrames(closed_port_url().replace("http", "redis"), "live-down")
    caplog.set_level(logging.WARNING, logger="bot.web.redis_live_frames")
    await frames.start()
    visitor, volunteer = Inbox(), Inbox()
    frames.add_visitor("v1", visitor)
    frames.add_volunteer("v1", volunteer)
    await frames.to_visitor("v1", {"type": "volunteer", "text": "hoi"})
    await frames.to_volunteer("v1", {"type": "visitor", "text": "hallo", "acute_risk": False})
    assert visitor.frames == [{"type": "volunteer", "text": "hoi"}]
    assert volunteer.frames == [{"type": "visitor", "text": "hallo", "acute_risk": False}]
    assert frames.degraded
    warnings = [r.getMessage() for r in caplog.records if "degraded mode" in r.getMessage()]
    assert len(warnings) == 1, "said once, not for every frame"
    await frames.stop()
