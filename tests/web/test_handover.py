"""Live handover through the real gateway, Rasa and action server: consent, accept, chat, end, timeout.

One visitor WebSocket (as the widget) and volunteer console WebSockets (as console.js), logged in
through the real login page.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.store.accounts import add_user
from bot.store.db import make_engine, session_scope
from tests.support.chat_client import ChatClient, bot_text, buttons
from tests.support.gateway import Stack, start_stack
from tests.support.paths import MODEL

PASSWORD = "lang-genoeg-wachtwoord"
WAIT_SECONDS = 25


@pytest.fixture(scope="module")
def handover_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}; run `make train` (make test does).")
    running = start_stack(
        Path(tmp_path_factory.mktemp("handover")),
        gateway_env={"HANDOVER_WAIT_SECONDS": str(WAIT_SECONDS)},
        assistant_env={"VOLUNTEER_HOURS": "00:00-24:00"},
    )
    engine = make_engine(f"sqlite:///{running.assistant.workdir / 'bot.db'}")
    with session_scope(engine) as session:
        add_user(session, "anna", "volunteer", PASSWORD)
        add_user(session, "bram", "volunteer", PASSWORD)
        add_user(session, "wim", "wijkteam", PASSWORD, "GM0268")
    engine.dispose()
    yield running
    running.stop()


def http_client() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def log_in(http: aiohttp.ClientSession, base: str, user: str) -> aiohttp.ClientResponse:
    page = await (await http.get(f"{base}/login")).text()
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    return await http.post(
        f"{base}/login", data={"csrf": csrf, "username": user, "password": PASSWORD}, allow_redirects=False
    )


class Console:
    """A volunteer's console socket."""

    def __init__(self, http: aiohttp.ClientSession, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.http, self.ws = http, ws

    async def until(self, kind: str, timeout: float = 60) -> dict[str, Any]:
        while True:
            frame = await self.ws.receive_json(timeout=timeout)
            if frame["type"] == kind:
                return frame

    async def close(self) -> None:
        await self.ws.close()
        await self.http.close()


@pytest.fixture()
async def consoles(handover_stack: Stack) -> AsyncIterator[list[Console]]:
    opened: list[Console] = []
    yield opened
    for console in opened:
        await console.close()


async def open_console(stack: Stack, user: str, opened: list[Console]) -> Console:
    base = stack.gateway.url
    http = http_client()
    response = await log_in(http, base, user)
    assert response.status == 302 and response.headers["Location"] == "/console"
    page = await (await http.get(f"{base}/console")).text()
    assert 'data-testid="console-queue"' in page and "<script src=" in page
    csrf = re.search(r'data-csrf="([^"]+)"', page).group(1)
    ws = await http.ws_connect(f"{stack.gateway.ws_url.rsplit('/', 1)[0]}/console/ws", origin=base)
    await ws.send_json({"type": "hello", "csrf": csrf})
    console = Console(http, ws)
    opened.append(console)
    await console.until("queue")
    return console


class Visitor(ChatClient):
    """A visitor's socket that knows its visitor id (Rasa's sender id)."""

    id = ""


@pytest.fixture()
async def visitor(handover_stack: Stack) -> AsyncIterator[Visitor]:
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(handover_stack.gateway.ws_url, origin=handover_stack.gateway.origin)
        client = Visitor(ws)
        client.id, _ = await client.hello()
        yield client
        await ws.close()


async def frames_until(client: ChatClient, kind: str, timeout: float = 60) -> list[dict[str, Any]]:
    frames = []
    while not frames or frames[-1]["type"] != kind:
        frames.append(await client.receive(timeout))
    return frames


async def tracker(stack: Stack, visitor_id: str) -> list[dict[str, Any]]:
    async with aiohttp.ClientSession() as session:
        url = f"{stack.assistant.rasa_url}/conversations/{visitor_id}/tracker"
        async with session.get(url, params={"token": stack.assistant.api_token}) as response:
            return (await response.json())["events"]


async def ask_for_a_human(client: ChatClient) -> list[dict[str, Any]]:
    return await client.say("kan ik met een echt mens praten")


# --- security --------------------------------------------------------------------------------


async def test_console_refuses_without_login_wrong_role_origin_or_csrf(handover_stack: Stack) -> None:
    base = handover_stack.gateway.url
    ws_url = f"{handover_stack.gateway.ws_url.rsplit('/', 1)[0]}/console/ws"
    async with http_client() as http:
        response = await http.get(f"{base}/console", allow_redirects=False)
        assert response.status == 302 and response.headers["Location"] == "/login"
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(ws_url, origin=base)
        assert refused.value.status == 401
    async with http_client() as http:
        await log_in(http, base, "wim")  # wijkteam: not a volunteer
        assert (await http.get(f"{base}/console", allow_redirects=False)).status == 403
    async with http_client() as http:
        await log_in(http, base, "anna")
        page = await (await http.get(f"{base}/console")).text()
        csp = (await http.get(f"{base}/console")).headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "<script>" not in page
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(ws_url, origin="https://evil.example")
        assert refused.value.status == 403
        ws = await http.ws_connect(ws_url, origin=base)
        await ws.send_json({"type": "hello"})  # no CSRF token
        closing = await ws.receive(timeout=10)
        assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        assert ws.close_code == 1008
        await ws.close()


# --- nobody online ---------------------------------------------------------------------------


async def test_without_a_volunteer_online_the_assistant_says_so_and_does_not_pause(
    visitor: Visitor,
) -> None:
    frames = await ask_for_a_human(visitor)
    text = bot_text(frames)
    assert "niemand beschikbaar" in text and "088 0767 000" in text
    assert {"title": "Laat me terugbellen", "payload": "/make_report"} in buttons(frames)
    assert not any(f["type"] == "handover" for f in frames)
    assert bot_text(await visitor.say("hallo")), "the assistant still answers"


# --- the whole handover ----------------------------------------------------------------------


async def test_handover_accept_chat_both_ways_end_and_the_assistant_is_back(
    handover_stack: Stack, visitor: Visitor, consoles: list[Console]
) -> None:
    anna = await open_console(handover_stack, "anna", consoles)
    bram = await open_console(handover_stack, "bram", consoles)

    frames = await ask_for_a_human(visitor)
    assert "korte samenvatting" in bot_text(frames)
    frames = await visitor.click("Ja, dat mag", "/affirm")
    assert "ons gesprek tot nu toe lezen" in bot_text(frames)
    frames = await visitor.click("Ja, dat mag", "/affirm")
    assert "Ik zoek nu een vrijwilliger" in bot_text(frames)
    assert {"type": "handover", "state": "waiting"} in frames

    # Every volunteer online sees only how long the person waits and whether it may be urgent.
    item, seen_by_bram = await first_waiting(anna), await first_waiting(bram)
    for seen in (item, seen_by_bram):
        assert set(seen) == {"id", "waiting_seconds", "acute_risk"} and seen["acute_risk"] is False
    assert seen_by_bram["id"] == item["id"]

    # Both volunteers click at the same moment: exactly one gets the conversation.
    await asyncio.gather(
        anna.ws.send_json({"type": "accept", "id": item["id"]}),
        bram.ws.send_json({"type": "accept", "id": item["id"]}),
    )
    results = await asyncio.gather(*(asyncio.wait_for(_accept_result(c), 60) for c in (anna, bram)))
    assert sorted(r["type"] for r in results) == ["accepted", "taken"]
    volunteer = anna if results[0]["type"] == "accepted" else bram
    accepted = results[0] if results[0]["type"] == "accepted" else results[1]
    taken = results[1] if accepted is results[0] else results[0]
    # The summary goes only to the volunteer who took the conversation.
    assert ["Reden", "vroeg zelf om een mens"] in accepted["summary"]
    assert taken == {"type": "taken", "id": item["id"]}
    assert any("met een echt mens" in (m["text"] or "") for m in accepted["transcript"])

    frames = await frames_until(visitor, "bot")
    assert {"type": "handover", "state": "active"} in frames
    assert "Vanaf nu praat je met een mens" in frames[-1]["text"]

    # Volunteer -> visitor, with typing.
    await volunteer.ws.send_json({"type": "typing", "typing": True})
    assert await visitor.receive() == {"type": "volunteer_typing", "typing": True}
    await volunteer.ws.send_json({"type": "message", "text": "Hoi, ik ben Anna. Fijn dat je er bent."})
    assert await visitor.receive() == {"type": "volunteer", "text": "Hoi, ik ben Anna. Fijn dat je er bent."}

    # Visitor -> volunteer, with typing; Rasa records it and answers nothing.
    await visitor.ws.send_json({"type": "typing", "typing": True})
    assert await volunteer.until("visitor_typing") == {"type": "visitor_typing", "typing": True}
    frames = await visitor.say("Dank je, ik voel me vaak alleen.")
    assert not [f for f in frames if f["type"] == "bot"]
    assert (await volunteer.until("visitor"))["text"] == "Dank je, ik voel me vaak alleen."

    # Acute risk while Rasa is paused: the gateway answers with 113 and 112, the volunteer is warned.
    frames = await visitor.say("eigenlijk wil ik er niet meer zijn")
    crisis = [f for f in frames if f["type"] == "bot"]
    assert len(crisis) == 1 and "113" in crisis[0]["text"] and "112" in crisis[0]["text"]
    warned = await volunteer.until("visitor")
    assert warned["text"] == "eigenlijk wil ik er niet meer zijn" and warned["acute_risk"] is True

    visitor_id = visitor.id
    events = await tracker(handover_stack, visitor_id)
    assert any(e["event"] == "bot" and (e.get("metadata") or {}).get("from") == "volunteer" for e in events)
    assert any(e["event"] == "user" and e["text"] == "Dank je, ik voel me vaak alleen." for e in events)
    assert any(e["event"] == "pause" for e in events)

    # End with a note: the assistant is back, and answers again.
    await volunteer.ws.send_json({"type": "end", "note": "Wil graag teruggebeld worden."})
    await volunteer.until("ended")
    frames = await frames_until(visitor, "bot")
    assert {"type": "handover", "state": "ended"} in frames
    assert "weer met mij, de digitale assistent" in frames[-1]["text"]
    events = await tracker(handover_stack, visitor_id)
    assert any(e["event"] == "resume" for e in events)
    assert bot_text(await visitor.say("hallo"))


async def first_waiting(console: Console) -> dict[str, Any]:
    """The first item of the first queue frame that has someone waiting."""
    queue = await console.until("queue")
    while not queue["items"]:
        queue = await console.until("queue")
    return queue["items"][0]


async def _accept_result(console: Console) -> dict[str, Any]:
    while True:
        frame = await console.ws.receive_json()
        if frame["type"] in ("accepted", "taken"):
            return frame


# --- nobody accepts in time ------------------------------------------------------------------


async def test_nobody_accepting_in_time_is_said_honestly_and_the_assistant_takes_over(
    handover_stack: Stack, visitor: Visitor, consoles: list[Console]
) -> None:
    await open_console(handover_stack, "anna", consoles)  # online, but does not accept
    await ask_for_a_human(visitor)
    frames = await visitor.click("Nee, niets laten zien", "/deny")
    text = bot_text(frames)
    assert "niets van ons gesprek zien" in text and "dringend" not in text
    assert "Ik zoek nu een vrijwilliger" in text
    frames = await frames_until(visitor, "handover", timeout=WAIT_SECONDS + 30)
    assert frames[-1] == {"type": "handover", "state": "ended"}
    first = await visitor.receive(timeout=30)
    second = await visitor.receive(timeout=30)
    assert "niet gelukt om op tijd een vrijwilliger te vinden" in first["text"]
    assert "088 0767 000" in second["text"]
    assert {"title": "Laat me terugbellen", "payload": "/make_report"} in second["buttons"]
    assert bot_text(await visitor.say("hallo"))


# --- acute risk and a "nee" to sharing -------------------------------------------------------


async def test_after_acute_risk_and_a_no_only_the_urgency_is_shown_and_the_person_is_told(
    handover_stack: Stack, visitor: Visitor, consoles: list[Console]
) -> None:
    anna = await open_console(handover_stack, "anna", consoles)
    bram = await open_console(handover_stack, "bram", consoles)
    await visitor.say("hoi")
    frames = await visitor.say("ik wil er niet meer zijn, ik heb de pillen al klaargelegd")
    assert "112" in bot_text(frames)
    frames = await visitor.click("Ja, met een mens praten", "/affirm")
    assert "korte samenvatting" in bot_text(frames)
    frames = await visitor.click("Nee, niets laten zien", "/deny")
    text = bot_text(frames)
    assert "niets van ons gesprek zien" in text and "dringend" in text
    assert {"type": "handover", "state": "waiting"} in frames

    item = await first_waiting(bram)
    assert set(item) == {"id", "waiting_seconds", "acute_risk"} and item["acute_risk"] is True
    await anna.ws.send_json({"type": "accept", "id": item["id"]})
    accepted = await anna.until("accepted")
    assert accepted["summary"] == [] and accepted["transcript"] == [] and accepted["acute_risk"] is True
    await anna.ws.send_json({"type": "end", "note": ""})
    await anna.until("ended")
