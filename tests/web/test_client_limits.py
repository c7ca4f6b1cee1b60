"""Per-client limits of the chat sockets, against the real gateway, Rasa and action server.

Each "client" connects from its own loopback address (127.0.0.x), as different households would.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from bot.web.keys import LIVE_FRAMES
from bot.web.main import create_app
from bot.web.protocol import ConsoleFrame
from bot.web.settings import Settings
from tests.support.chat_client import ChatClient, bot_text
from tests.support.gateway import RunningGateway, Stack, start_gateway

pytestmark = pytest.mark.integration

# Small limits, so that a test reaches them quickly; the buckets refill too slowly to matter here.
LIMITS = {
    "GATEWAY_MAX_SOCKETS_PER_CLIENT": "3",
    "GATEWAY_RATE_BURST": "6",
    "GATEWAY_RATE_PER_SECOND": "0.001",
    "GATEWAY_CLIENT_RATE_BURST": "12",
    "GATEWAY_CLIENT_RATE_PER_SECOND": "0.001",
}


@pytest.fixture(scope="module")
def limited(stack: Stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningGateway]:
    """A gateway with small limits in front of the shared Rasa and action server."""
    workdir = Path(tmp_path_factory.mktemp("limited"))
    gateway = start_gateway(workdir, stack.assistant, env=LIMITS, client_limits=True)
    yield gateway
    gateway.stop()


@asynccontextmanager
async def household(address: str) -> AsyncIterator[aiohttp.ClientSession]:
    """An HTTP client whose connections come from `address`."""
    connector = aiohttp.TCPConnector(local_addr=(address, 0), force_close=True)
    async with aiohttp.ClientSession(connector=connector) as session:
        yield session


async def open_chat(session: aiohttp.ClientSession, gateway: RunningGateway) -> ChatClient:
    return ChatClient(await session.ws_connect(gateway.ws_url, origin=gateway.origin))


async def refusal(client: ChatClient) -> dict[str, Any]:
    """The error frame of a refused socket, after checking that the socket is closed with 1013."""
    frame = await client.receive()
    closing = await client.ws.receive(timeout=30)
    assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    assert client.ws.close_code == aiohttp.WSCloseCode.TRY_AGAIN_LATER
    return frame


async def replies_to_a_burst(client: ChatClient, count: int) -> list[dict[str, Any]]:
    """Send `count` messages at once; every frame until each was answered or refused."""
    for _ in range(count):
        await client.ws.send_json({"type": "message", "text": "hoi"})
    frames: list[dict[str, Any]] = []
    while sum(f["type"] in ("done", "error") for f in frames) < count:
        frames.append(await client.receive())
    return frames


async def test_a_second_client_still_chats_while_one_has_its_maximum_of_sockets(
    limited: RunningGateway,
) -> None:
    async with household("127.0.0.2") as flooder, household("127.0.0.3") as neighbour:
        mine = [await open_chat(flooder, limited) for _ in range(3)]
        for client in mine:
            await client.hello()
        refused = await refusal(await open_chat(flooder, limited))
        assert refused["code"] == "too_many_chats"
        assert "Je tekst blijft staan" in refused["text"] and "113" in refused["text"]

        other = await open_chat(neighbour, limited)
        await other.hello()
        assert "digitale assistent" in bot_text(await other.say("hoi"))

        # A closed socket is counted no more: the first client may open one again.
        await mine[0].ws.close()
        for _ in range(20):
            again = await open_chat(flooder, limited)
            await again.ws.send_json({"type": "hello", "visitor": None})
            first = await again.receive()
            if first["type"] == "welcome":
                break
            await asyncio.sleep(0.1)  # the gateway may still be finishing the closed socket
        else:
            pytest.fail("the closed socket was still counted")
        for client in (*mine[1:], again, other):
            await client.ws.close()


async def test_a_reconnect_does_not_reset_the_allowance(limited: RunningGateway) -> None:
    async with household("127.0.0.4") as session:
        client = await open_chat(session, limited)
        visitor, _ = await client.hello()
        frames = await replies_to_a_burst(client, 7)
        assert [f["code"] for f in frames if f["type"] == "error"] == ["rate_limited"]
        await client.ws.close()

        # The same visitor on a new socket: still over its limit, and told so kindly.
        client = await open_chat(session, limited)
        assert (await client.hello(visitor))[0] == visitor
        refused = await client.say("hoi")
        assert refused[0]["code"] == "rate_limited" and "Je tekst staat er nog" in refused[0]["text"]
        await client.ws.close()

        # A new visitor id gets its own allowance, but the client's shared bucket (12) runs out:
        # three sockets and six messages took nine tokens (a refused message takes none).
        client = await open_chat(session, limited)
        await client.hello()
        frames = await replies_to_a_burst(client, 5)
        assert [f["type"] for f in frames].count("typing") == 3
        assert [f["code"] for f in frames if f["type"] == "error"] == ["rate_limited"] * 2
        await client.ws.close()


@pytest.fixture()
async def in_process_gateway(stack: Stack, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[TestServer]:
    """The gateway application in this process (so a test can see its live frames), on the real Rasa."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{stack.assistant.workdir / 'bot.db'}")
    settings = Settings.from_env(
        {
            "RASA_URL": stack.assistant.rasa_url,
            "RASA_TOKEN": stack.assistant.api_token or "",
            "GATEWAY_ALLOWED_ORIGINS": "http://127.0.0.1",
            "GATEWAY_TYPING_BURST": "5",
            "GATEWAY_TYPING_PER_SECOND": "0.001",
        }
    )
    server = TestServer(create_app(settings), host="127.0.0.1")
    await server.start_server()
    yield server
    await server.close()


async def test_a_typing_flood_is_dropped_before_it_reaches_the_volunteer(
    in_process_gateway: TestServer,
) -> None:
    app = in_process_gateway.app
    assert app is not None
    to_volunteer: list[ConsoleFrame] = []

    async def volunteer(frame: ConsoleFrame) -> None:
        to_volunteer.append(frame)

    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(in_process_gateway.make_url("/ws"), origin="http://127.0.0.1")
        client = ChatClient(ws)
        visitor, _ = await client.hello()
        # A volunteer has this conversation (as after an accept in the console).
        app[LIVE_FRAMES].add_volunteer(visitor, volunteer)
        await app[LIVE_FRAMES].to_visitor(visitor, {"type": "handover", "state": "active"})
        assert await client.receive() == {"type": "handover", "state": "active"}
        for i in range(50):
            await ws.send_json({"type": "typing", "typing": i % 2 == 0})
        # Frames are handled in order: once this message is accepted, every typing frame was seen.
        await ws.send_json({"type": "message", "text": "ben je er nog?"})
        assert (await client.receive())["type"] == "typing"
        await ws.close()
    typing = [f for f in to_volunteer if f["type"] == "visitor_typing"]
    assert len(typing) == 5
    assert [f for f in to_volunteer if f["type"] == "visitor"][0]["text"] == "ben je er nog?"
