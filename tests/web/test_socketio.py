"""Rasa's socket.io protocol on the gateway, as stock Rasa widgets speak it, against the real servers.

Every guard of the own widget's protocol holds here too: origin, sizes, rate limits, buttons, commands.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
import socketio

from bot.text import MAX_MESSAGE_CHARS
from bot.web.limits import MAX_FRAME_BYTES
from bot.web.protocol import ERROR_TEXTS
from tests.support.gateway import RunningGateway, Stack, start_gateway
from tests.support.servers import RunningAssistant
from tests.support.socketio_client import WebchatClient, quick_replies, tracker_events, user_texts

pytestmark = pytest.mark.integration

PAGE = "http://webchat.test"
# Four messages per visitor at once and (practically) none after; the client's own bucket stays out of it.
LIMITS = {
    "GATEWAY_ALLOWED_ORIGINS": PAGE,
    "GATEWAY_RATE_BURST": "4",
    "GATEWAY_RATE_PER_SECOND": "0.001",
    "GATEWAY_CLIENT_RATE_BURST": "200",
}


@pytest.fixture(scope="module")
def gateway(stack: Stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningGateway]:
    running = start_gateway(Path(tmp_path_factory.mktemp("socketio")), stack.assistant, env=LIMITS)
    yield running
    running.stop()


@asynccontextmanager
async def widget(gateway: RunningGateway) -> AsyncIterator[WebchatClient]:
    client = WebchatClient()
    await client.connect(gateway.socketio_url, PAGE)
    try:
        yield client
    finally:
        await client.close()


async def user_texts_when(assistant: RunningAssistant, sender: str, count: int) -> list[str]:
    """The visitor's messages in the tracker, once Rasa has handled `count` of them (at most 60 s)."""
    deadline = time.monotonic() + 60
    while True:
        texts = await asyncio.to_thread(user_texts, assistant, sender)
        if len(texts) >= count or time.monotonic() > deadline:
            return texts
        await asyncio.sleep(0.2)


def has_buttons(message: dict[str, Any]) -> bool:
    return bool(message.get("quick_replies"))


async def test_only_pages_from_an_allowed_origin_may_connect(gateway: RunningGateway) -> None:
    for origin in ("http://elders.example", None):
        client = WebchatClient()
        with pytest.raises(socketio.exceptions.ConnectionError):
            await client.connect(gateway.socketio_url, origin)
        await client.close()
    async with widget(gateway) as client:
        assert re.fullmatch(r"[A-Za-z0-9_-]{24}", await client.start_session())


async def test_hoi_gets_the_welcome_with_buttons_and_only_an_offered_payload_counts(
    stack: Stack, gateway: RunningGateway
) -> None:
    async with widget(gateway) as client:
        visitor = await client.start_session()
        await client.say("hoi")
        welcome = await client.messages_until(has_buttons)
        assert "digitale assistent" in " ".join(m.get("text", "") for m in welcome)
        assert [r["payload"] for r in quick_replies(welcome)] == [
            "/for_myself",
            "/worried_about_other",
            "/professional_or_volunteer",
        ]
        await client.say("/for_myself")
        await client.messages_until(lambda m: "3 op de 10" in m.get("text", ""))
        # Offered in an earlier turn, not in the last one: read as typed text.
        await client.say("/worried_about_other")
        texts = await user_texts_when(stack.assistant, visitor, 3)
    assert texts == ["hoi", "/for_myself", "worried_about_other"]


async def test_a_typed_restart_is_text_and_a_message_stays_in_its_own_conversation(
    stack: Stack, gateway: RunningGateway
) -> None:
    async with widget(gateway) as client:
        visitor = await client.start_session()
        someone_else = await client.start_session()  # a repeated request keeps the session
        assert someone_else == visitor
        someone_else = "another-visitor-id-0123456"
        await client.say("hoi")
        await client.messages_until(has_buttons)
        await client.say("/restart", session_id=someone_else)  # the session id in a message is ignored
        texts = await user_texts_when(stack.assistant, visitor, 2)
    assert texts == ["hoi", "restart"]
    assert not [e for e in tracker_events(stack.assistant, visitor) if e["event"] == "restart"]
    assert user_texts(stack.assistant, someone_else) == []


async def test_a_stored_session_goes_on_and_the_buttons_shown_before_still_count(
    stack: Stack, gateway: RunningGateway
) -> None:
    async with widget(gateway) as client:
        visitor = await client.start_session()
        await client.say("hoi")
        await client.messages_until(has_buttons)
    async with widget(gateway) as client:
        assert await client.start_session(visitor) == visitor
        await client.say("/for_myself")
        await client.messages_until(lambda m: "3 op de 10" in m.get("text", ""))
    async with widget(gateway) as client:
        fresh = await client.start_session("../../etc/passwd")
    assert re.fullmatch(r"[A-Za-z0-9_-]{24}", fresh) and fresh != visitor
    assert user_texts(stack.assistant, visitor) == ["hoi", "/for_myself"]


async def test_a_burst_above_the_visitors_rate_is_refused_kindly(
    stack: Stack, gateway: RunningGateway
) -> None:
    async with widget(gateway) as client:
        visitor = await client.start_session()
        for i in range(7):
            await client.say(f"bericht {i}")
        sent_back = await client.barrier()
        refused = [m for m in sent_back if m.get("text") == ERROR_TEXTS["rate_limited"]]
        assert len(refused) == 3
        texts = await user_texts_when(stack.assistant, visitor, 4)
    assert texts == ["bericht 0", "bericht 1", "bericht 2", "bericht 3"]


async def test_a_text_too_long_is_refused_and_an_oversized_frame_closes_the_connection(
    stack: Stack, gateway: RunningGateway
) -> None:
    async with widget(gateway) as client:
        visitor = await client.start_session()
        await client.say("a" * (MAX_MESSAGE_CHARS + 1))
        assert await client.barrier() == [{"text": ERROR_TEXTS["too_long"]}]
        await client.sio.emit("user_uttered", {"message": "b" * MAX_FRAME_BYTES})
        assert (await client.next_event())[0] == "disconnect"
    assert user_texts(stack.assistant, visitor) == []
