"""The gateway against the real Rasa and action servers, as the widget talks to it."""

from __future__ import annotations

import json
import re
import urllib.parse
import urllib.request
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.text import MAX_MESSAGE_CHARS
from bot.web.settings import Settings
from tests.support.chat_client import ChatClient, bot_text, buttons
from tests.support.gateway import RunningGateway, Stack, start_gateway
from tests.support.servers import free_port

pytestmark = pytest.mark.integration

UA_MARKER = "PrivacyProbe/7.7 (niet-bewaren)"


@asynccontextmanager
async def chat(gateway: RunningGateway, origin: str | None = None) -> AsyncIterator[ChatClient]:
    async with aiohttp.ClientSession(headers={"User-Agent": UA_MARKER}) as session:
        async with session.ws_connect(gateway.ws_url, origin=origin or gateway.origin) as ws:
            yield ChatClient(ws)


def tracker_user_texts(stack: Stack, visitor: str) -> list[str]:
    """What Rasa's tracker store holds as this visitor's messages (read with the API token)."""
    query = urllib.parse.urlencode({"token": stack.assistant.api_token})
    url = f"{stack.assistant.rasa_url}/conversations/{visitor}/tracker?{query}"
    with urllib.request.urlopen(url, timeout=30) as response:
        events = json.loads(response.read())["events"]
    return [event["text"] for event in events if event["event"] == "user"]


def get_json(url: str) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


async def test_health_reports_rasa_and_actions(stack: Stack) -> None:
    status, body = get_json(f"{stack.gateway.url}/health")
    assert status == 200
    assert body == {"status": "ok", "rasa": True, "actions": True}


async def test_new_visitor_gets_an_id_and_an_empty_history(stack: Stack) -> None:
    async with chat(stack.gateway) as client:
        visitor, history = await client.hello(None)
    assert re.fullmatch(r"[A-Za-z0-9_-]{24}", visitor)
    assert history == []


async def test_a_malformed_visitor_id_is_replaced(stack: Stack) -> None:
    async with chat(stack.gateway) as client:
        visitor, history = await client.hello("../etc/passwd")
    assert visitor != "../etc/passwd" and len(visitor) == 24
    assert history == []


async def test_hoi_is_relayed_and_the_dutch_welcome_comes_back_with_buttons(stack: Stack) -> None:
    async with chat(stack.gateway) as client:
        await client.hello()
        frames = await client.say("hoi")
    assert frames[0] == {"type": "typing"} and frames[-1] == {"type": "done"}
    said = bot_text(frames)
    assert "digitale assistent" in said and "geen mens" in said and "113" in said
    assert [b["payload"] for b in buttons(frames)] == [
        "/for_myself",
        "/worried_about_other",
        "/professional_or_volunteer",
    ]
    assert all(b["title"] and not b["title"].startswith("/") for b in buttons(frames))


async def test_a_button_click_is_relayed_as_its_payload(stack: Stack) -> None:
    async with chat(stack.gateway) as client:
        visitor, _ = await client.hello()
        offered = buttons(await client.say("hoi"))
        mine = next(b for b in offered if b["payload"] == "/for_myself")
        frames = await client.click(mine["title"], mine["payload"])
    assert "3 op de 10" in bot_text(frames)
    assert tracker_user_texts(stack, visitor) == ["hoi", "/for_myself"]


async def test_typed_text_that_looks_like_a_command_is_relayed_as_text(stack: Stack) -> None:
    async with chat(stack.gateway) as client:
        visitor, _ = await client.hello()
        await client.say("hoi")
        await client.say("/for_myself")
    # Relayed without its slash, so Rasa reads it as words (which may still mean "for myself").
    assert tracker_user_texts(stack, visitor) == ["hoi", "for_myself"]


async def test_reconnecting_with_the_same_id_brings_back_the_whole_conversation(stack: Stack) -> None:
    async with chat(stack.gateway) as client:
        visitor, _ = await client.hello()
        welcome = await client.say("hoi")
        await client.click("Voor mezelf", "/for_myself")
        await client.say("ik voel me vaak alleen")

    async with chat(stack.gateway) as client:
        again, history = await client.hello(visitor)
    assert again == visitor
    assert history is not None
    mine = [m["text"] for m in history if m["from"] == "visitor"]
    assert mine == ["hoi", "Voor mezelf", "ik voel me vaak alleen"]  # a click shows the button's title
    theirs = [m for m in history if m["from"] == "assistant"]
    assert theirs[0]["text"] == welcome[1]["text"]
    assert any(m["buttons"] and m["buttons"][0]["payload"] == "/for_myself" for m in theirs)
    assert history[-1]["from"] == "assistant"


async def test_an_oversized_message_is_refused_and_not_relayed(stack: Stack) -> None:
    async with chat(stack.gateway) as client:
        visitor, _ = await client.hello()
        frames = await client.say("eenzaam " * (MAX_MESSAGE_CHARS // 8 + 1))
        assert frames == [
            {"type": "error", "code": "too_long", "text": frames[0]["text"]},
        ]
        assert "te lang" in frames[0]["text"] and str(MAX_MESSAGE_CHARS) in frames[0]["text"]
        # The connection stays usable.
        assert "digitale assistent" in bot_text(await client.say("hoi"))
    assert tracker_user_texts(stack, visitor) == ["hoi"]


async def test_a_frame_over_the_size_cap_closes_the_socket(stack: Stack) -> None:
    async with chat(stack.gateway) as client:
        visitor, _ = await client.hello()
        await client.ws.send_str(json.dumps({"type": "message", "text": "x" * 20_000}))
        closing = await client.ws.receive(timeout=30)
        assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        assert client.ws.close_code == aiohttp.WSCloseCode.MESSAGE_TOO_BIG
    assert tracker_user_texts(stack, visitor) == []


@pytest.mark.parametrize("origin", ["https://kwaadwillend.example", None])
async def test_a_page_from_another_origin_cannot_open_the_chat(stack: Stack, origin: str | None) -> None:
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            headers = {"Origin": origin} if origin else {}
            await session.ws_connect(stack.gateway.ws_url, headers=headers)
    assert refused.value.status == 403


async def test_sending_too_fast_is_rate_limited(stack: Stack) -> None:
    burst = Settings().rate_burst  # the default per-visitor burst (this stack keeps it)
    async with chat(stack.gateway) as client:
        await client.hello()
        for _ in range(burst + 2):
            await client.ws.send_json({"type": "message", "text": "hallo"})
        frames: list[dict[str, Any]] = []
        while sum(f["type"] == "done" for f in frames) < burst:
            frames.append(await client.receive())
    kinds = [f["type"] for f in frames]
    assert kinds.count("typing") == burst
    refused = [f for f in frames if f["type"] == "error"]
    assert [f["code"] for f in refused] == ["rate_limited", "rate_limited"]
    assert "Wacht" in refused[0]["text"]


async def test_broken_frames_get_a_bad_frame_error_and_hello_must_come_first(stack: Stack) -> None:
    async with chat(stack.gateway) as client:
        await client.ws.send_json({"type": "message", "text": "hoi"})
        assert (await client.receive())["code"] == "bad_frame"
        closing = await client.ws.receive(timeout=30)
        assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    async with chat(stack.gateway) as client:
        await client.hello()
        for broken in ("{niet json", '["lijst"]', '{"type": "onbekend"}', '{"type": "message"}'):
            await client.ws.send_str(broken)
            assert (await client.receive())["code"] == "bad_frame"


async def test_rasas_api_is_not_reachable_through_the_gateway(stack: Stack) -> None:
    async with aiohttp.ClientSession() as session:
        for path in ("/conversations/iemand/tracker", "/model/parse", "/webhooks/rest/webhook", "/status"):
            async with session.get(f"{stack.gateway.url}{path}") as response:
                assert response.status == 404, path
            async with session.post(f"{stack.gateway.url}{path}", json={}) as response:
                assert response.status in (404, 405), path


async def test_demo_page_and_widget_are_served_without_outside_resources(stack: Stack) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{stack.gateway.url}/") as response:
            assert response.status == 200
            page = await response.text()
            csp = response.headers["Content-Security-Policy"]
            assert response.headers["Referrer-Policy"] == "no-referrer"
        async with session.get(f"{stack.gateway.url}/widget/widget.js") as response:
            assert response.status == 200
            widget = await response.text()
        async with session.get(f"{stack.gateway.url}/widget/widget.css") as response:
            assert response.status == 200
    assert '<html lang="nl">' in page and 'src="/widget/widget.js"' in page
    assert "default-src 'self'" in csp
    assert not re.search(r'(src|href)="(https?:)?//', page.replace('href="https://www.113.nl"', ""))
    assert not re.search(r"\.(inner|outer)HTML\s*[+]?=|insertAdjacentHTML|document\.write", widget)
    for hook in ("chat-launcher", "chat-input", "chat-send", "chat-log", "chat-quick-exit"):
        assert f'"{hook}"' in widget


async def test_the_gateway_logs_no_ip_address_or_user_agent(stack: Stack) -> None:
    async with chat(stack.gateway) as client:
        await client.hello()
        await client.say("hoi")
    async with aiohttp.ClientSession(headers={"User-Agent": UA_MARKER}) as session:
        async with session.get(f"{stack.gateway.url}/health") as response:
            await response.read()
        async with session.get(f"{stack.gateway.url}/bestaat-niet") as response:
            await response.read()
    log = stack.gateway.log.read_text()
    assert UA_MARKER not in log and "PrivacyProbe" not in log
    without_urls = re.sub(r"https?://127\.0\.0\.1:\d+", "", log)
    assert "127.0.0.1" not in without_urls, log
    assert "GET /" not in log


@pytest.fixture(scope="module")
def gateway_without_rasa(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningGateway]:
    closed = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    gateway = start_gateway(
        Path(tmp_path_factory.mktemp("no-rasa")),
        rasa_url=closed,
        actions_url=closed,
        env={"RASA_TOKEN": "geheim"},
    )
    yield gateway
    gateway.stop()


async def test_rasa_down_gives_a_kind_message_and_the_gateway_keeps_running(
    gateway_without_rasa: RunningGateway,
) -> None:
    gateway = gateway_without_rasa
    assert gateway.health() == 503
    status, body = get_json(f"{gateway.url}/health")
    assert body == {"status": "degraded", "rasa": False, "actions": False}

    async with chat(gateway) as client:
        await client.hello()
        frames = await client.say("hoi")
    assert [f["type"] for f in frames] == ["typing", "error", "done"]
    error = frames[1]
    assert error["code"] == "unavailable"
    assert "even niet bereikbaar" in error["text"] and "113" in error["text"] and "112" in error["text"]

    # A returning visitor is told too, instead of seeing an empty conversation.
    async with chat(gateway) as client:
        await client.ws.send_json({"type": "hello", "visitor": "a" * 24})
        assert (await client.receive())["type"] == "welcome"
        assert (await client.receive())["code"] == "unavailable"

    assert gateway.process.poll() is None
    assert gateway.health() == 503
    async with chat(gateway) as client:
        visitor, history = await client.hello()
        assert history == []
