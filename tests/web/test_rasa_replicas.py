"""The gateway spreads visitors over Rasa replicas and moves on when one does not answer.

Small aiohttp servers stand in for the replicas' REST channel and API; they record what they got.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from bot.rasa_ext.channels.rest import answer_already_given
from bot.web.rasa_client import RasaClient, RasaUnavailable, first_choice
from bot.web.settings import Settings


class Replica:
    """A stand-in Rasa replica: answers, breaks the connection, or is slow, as told."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.mode = "answer"  # "answer", "drop", "slow", "bad request"
        self.received: list[dict[str, Any]] = []
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def webhook(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.received.append(body)
        if self.mode == "drop":
            assert request.transport is not None
            request.transport.close()  # as a replica killed mid-message
            await asyncio.sleep(1)
        if self.mode == "slow":
            await asyncio.sleep(5)
        if self.mode == "bad request":
            return web.json_response({"error": "nee"}, status=400)
        return web.json_response([{"recipient_id": body["sender"], "text": f"{self.name} zegt hoi"}])

    async def api(self, request: web.Request) -> web.StreamResponse:
        self.received.append({"path": request.path})
        if self.mode == "slow":
            await asyncio.sleep(5)
        return web.json_response({"messages": [{"text": self.name}]})

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self.webhook)
        app.router.add_post("/conversations/{sender}/execute", self.api)
        app.router.add_get("/webhooks/rest/", lambda _: web.json_response({"status": "ok"}))
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


def closed_port_url() -> str:
    """A URL nobody listens on (a replica that is down)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
async def replicas() -> AsyncIterator[list[Replica]]:
    started = [Replica("een"), Replica("twee")]
    for replica in started:
        await replica.start()
    yield started
    for replica in started:
        await replica.stop()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


def client(http: aiohttp.ClientSession, urls: list[str], timeout: float = 2.0) -> RasaClient:
    settings = Settings.from_env(
        {"RASA_URL": ",".join(urls), "RASA_TOKEN": "t", "RASA_TIMEOUT": str(timeout)}
    )
    return RasaClient(settings, http)


def sender_starting_on(index: int, replicas: int = 2) -> str:
    return next(s for s in (f"bezoeker-{n}" for n in range(100)) if first_choice(s, replicas) == index)


def test_settings_read_a_list_of_replicas_and_keep_one_url_working() -> None:
    several = Settings.from_env({"RASA_URL": "http://a:5005/, http://b:5005"})
    assert several.rasa_replicas == ("http://a:5005", "http://b:5005")
    assert several.rasa_url == "http://a:5005"
    assert Settings.from_env({}).rasa_replicas == ("http://127.0.0.1:5005",)
    assert Settings(rasa_url="http://x:1").rasa_replicas == ("http://x:1",)


def test_visitors_are_spread_and_each_stays_on_its_replica() -> None:
    starts = [first_choice(f"bezoeker-{n}", 2) for n in range(1000)]
    assert 400 < starts.count(0) < 600
    assert all(first_choice(f"bezoeker-{n}", 2) == starts[n] for n in range(1000))


async def test_messages_go_to_the_first_choice_with_an_id(
    replicas: list[Replica], http: aiohttp.ClientSession
) -> None:
    rasa = client(http, [r.url for r in replicas])
    sender = sender_starting_on(1)
    answer = await rasa.send(sender, "hallo")
    assert answer == [{"recipient_id": sender, "text": "twee zegt hoi"}]
    (body,) = replicas[1].received
    assert body["message"] == "hallo" and len(body["message_id"]) == 32 and "retry" not in body
    assert replicas[0].received == []


async def test_a_replica_that_is_down_is_passed_over_and_tried_last(
    replicas: list[Replica], http: aiohttp.ClientSession
) -> None:
    rasa = client(http, [closed_port_url(), replicas[1].url])
    sender = sender_starting_on(0)
    assert (await rasa.send(sender, "hallo"))[0]["text"] == "twee zegt hoi"
    assert replicas[1].received[0]["retry"] is True
    # Resting: the next message goes straight to the replica that answers.
    await rasa.send(sender, "nog een")
    assert "retry" not in replicas[1].received[1]
    assert rasa.order(sender)[0] == replicas[1].url


async def test_a_replica_dying_mid_message_is_resent_with_the_same_id(
    replicas: list[Replica], http: aiohttp.ClientSession
) -> None:
    replicas[0].mode = "drop"
    rasa = client(http, [r.url for r in replicas])
    answer = await rasa.send(sender_starting_on(0), "hallo")
    assert answer[0]["text"] == "twee zegt hoi"
    first, resent = replicas[0].received[0], replicas[1].received[0]
    assert resent["message_id"] == first["message_id"] and resent["retry"] is True


async def test_a_slow_replica_times_out_and_the_other_answers(
    replicas: list[Replica], http: aiohttp.ClientSession
) -> None:
    replicas[0].mode = "slow"
    rasa = client(http, [r.url for r in replicas], timeout=0.5)
    assert (await rasa.send(sender_starting_on(0), "hallo"))[0]["text"] == "twee zegt hoi"


async def test_a_refusal_is_not_sent_elsewhere(replicas: list[Replica], http: aiohttp.ClientSession) -> None:
    replicas[0].mode = "bad request"
    rasa = client(http, [r.url for r in replicas])
    with pytest.raises(RasaUnavailable):
        await rasa.send(sender_starting_on(0), "hallo")
    assert replicas[1].received == []


async def test_all_replicas_down_is_unavailable(http: aiohttp.ClientSession) -> None:
    rasa = client(http, [closed_port_url(), closed_port_url()])
    with pytest.raises(RasaUnavailable):
        await rasa.send("iemand", "hallo")
    assert (await rasa.health())["rasa"] is False


async def test_changes_to_a_conversation_are_not_repeated_after_a_timeout(
    replicas: list[Replica], http: aiohttp.ClientSession
) -> None:
    # A timed-out call may have been done; only a refused connection is safe to send elsewhere.
    replicas[0].mode = "slow"
    rasa = client(http, [r.url for r in replicas], timeout=0.5)
    with pytest.raises(RasaUnavailable):
        await rasa.execute(sender_starting_on(0), "utter_handover_back")
    assert replicas[1].received == []
    down = client(http, [closed_port_url(), replicas[1].url])
    assert await down.execute(sender_starting_on(0), "utter_handover_back") == [{"text": "twee"}]


async def test_health_is_good_while_one_replica_answers(
    replicas: list[Replica], http: aiohttp.ClientSession
) -> None:
    rasa = client(http, [closed_port_url(), replicas[0].url])
    assert (await rasa.health())["rasa"] is True


def test_a_resent_message_gets_the_answer_it_already_had() -> None:
    events = [
        UserUttered("hoi", message_id="m1"),
        ActionExecuted("utter_greet"),
        BotUttered("Hoi!", {"buttons": [{"title": "Ja", "payload": "/affirm"}]}),
        BotUttered("Hoe gaat het?"),
        ActionExecuted("action_listen"),
        UserUttered("goed", message_id="m2"),
        BotUttered("Fijn."),
    ]
    assert answer_already_given(events, "m1", "s") == [
        {"recipient_id": "s", "text": "Hoi!", "buttons": [{"title": "Ja", "payload": "/affirm"}]},
        {"recipient_id": "s", "text": "Hoe gaat het?"},
    ]
    assert answer_already_given(events, "m2", "s") == [{"recipient_id": "s", "text": "Fijn."}]
    assert answer_already_given(events, "m3", "s") is None
