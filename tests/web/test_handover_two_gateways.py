"""A visitor on one gateway chats live with a volunteer on another, through Redis pub/sub.

Two gateways (`REDIS_URL` set), two Rasa replicas on one PostgreSQL tracker store with a Redis lock
store, one action server, and the app database on PostgreSQL, as `make cluster` has them.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

from bot.store.accounts import add_user
from bot.store.db import make_engine, session_scope
from tests.support.chat_client import bot_text
from tests.support.cluster import (
    REDIS_HOST,
    REDIS_PORT,
    Replicas,
    fresh_postgres_database,
    require_redis,
    start_replicas,
)
from tests.support.gateway import RunningGateway, start_gateway
from tests.support.paths import MODEL
from tests.web.test_handover import (
    Console,
    Visitor,
    ask_for_a_human,
    first_waiting,
    frames_until,
    log_in,
)


@dataclass
class TwoGateways:
    replicas: Replicas
    gateways: list[RunningGateway]

    def stop(self) -> None:
        for gateway in self.gateways:
            gateway.stop()
        self.replicas.stop()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TwoGateways]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}; run `make train` (make test does).")
    require_redis()
    workdir = Path(tmp_path_factory.mktemp("two-gateways"))
    with fresh_postgres_database("trackers") as trackers, fresh_postgres_database("app") as app:
        replicas = start_replicas(
            workdir, trackers, count=2, env={"VOLUNTEER_HOURS": "00:00-24:00"}, app_database_url=app
        )
        engine = make_engine(app)
        with session_scope(engine) as session:
            add_user(session, "anna", "volunteer", "lang-genoeg-wachtwoord")
        engine.dispose()
        env = {
            "DATABASE_URL": app,
            "RASA_TOKEN": replicas.api_token,
            "REDIS_URL": f"redis://{REDIS_HOST}:{REDIS_PORT}/0",
        }
        rasa_urls = ",".join(replica.url for replica in replicas.rasa)
        gateways: list[RunningGateway] = []
        try:
            for name in ("a", "b"):
                gateways.append(
                    start_gateway(
                        workdir / f"gateway-{name}",
                        rasa_url=rasa_urls,
                        actions_url=replicas.actions.url,
                        env=env,
                    )
                )
        except Exception:
            TwoGateways(replicas, gateways).stop()
            raise
        running = TwoGateways(replicas, gateways)
        yield running
        running.stop()


@pytest.fixture()
async def visitor_on_a(cluster: TwoGateways) -> AsyncIterator[Visitor]:
    gateway = cluster.gateways[0]
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(gateway.ws_url, origin=gateway.origin)
        client = Visitor(ws)
        client.id, _ = await client.hello()
        yield client
        await ws.close()


async def console_on(gateway: RunningGateway, user: str) -> Console:
    http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    response = await log_in(http, gateway.url, user)
    assert response.status == 302
    page = await (await http.get(f"{gateway.url}/console")).text()
    csrf = page.split('data-csrf="', 1)[1].split('"', 1)[0]
    ws = await http.ws_connect(f"ws://127.0.0.1:{gateway.port}/console/ws", origin=gateway.url)
    await ws.send_json({"type": "hello", "csrf": csrf})
    console = Console(http, ws)
    await console.until("queue")
    return console


async def test_a_visitor_on_gateway_a_chats_live_with_a_volunteer_on_gateway_b(
    cluster: TwoGateways, visitor_on_a: Visitor
) -> None:
    anna = await console_on(cluster.gateways[1], "anna")
    try:
        visitor = visitor_on_a
        await ask_for_a_human(visitor)
        await visitor.click("Ja, dat mag", "/affirm")
        frames = await visitor.click("Ja, dat mag", "/affirm")
        assert {"type": "handover", "state": "waiting"} in frames

        item = await first_waiting(anna)
        await anna.ws.send_json({"type": "accept", "id": item["id"]})
        accepted = await anna.until("accepted")
        assert any("met een echt mens" in (m["text"] or "") for m in accepted["transcript"])
        # The handover's state and the assistant's announcement cross from gateway B to A.
        frames = await frames_until(visitor, "bot")
        assert {"type": "handover", "state": "active"} in frames
        assert "Vanaf nu praat je met een mens" in frames[-1]["text"]

        greeting = f"Hoi, ik ben Anna ({secrets.token_hex(2)})."
        await anna.ws.send_json({"type": "typing", "typing": True})
        assert await visitor.receive() == {"type": "volunteer_typing", "typing": True}
        await anna.ws.send_json({"type": "message", "text": greeting})
        assert await visitor.receive() == {"type": "volunteer", "text": greeting}

        await visitor.ws.send_json({"type": "typing", "typing": True})
        assert await anna.until("visitor_typing") == {"type": "visitor_typing", "typing": True}
        frames = await visitor.say("Dank je, ik voel me vaak alleen.")
        assert not [f for f in frames if f["type"] == "bot"]
        assert (await anna.until("visitor"))["text"] == "Dank je, ik voel me vaak alleen."

        await anna.ws.send_json({"type": "end", "note": ""})
        await anna.until("ended")
        frames = await frames_until(visitor, "bot")
        assert {"type": "handover", "state": "ended"} in frames
        assert "weer met mij, de digitale assistent" in frames[-1]["text"]
        assert bot_text(await visitor.say("hallo")), "the assistant answers again"
    finally:
        await anna.close()
