"""Faults in the cluster profile, survived: a Rasa replica or a gateway killed, Redis down, and the
database closing every connection.

The cluster is the one `make cluster` runs (`bot/cluster.py`: two Rasa replicas on PostgreSQL with a
Redis lock store, gateways with Redis pub/sub, HAProxy in front), started on free ports with a Redis
server of its own, so that stopping it touches nobody else. The system PostgreSQL is never stopped:
its restart is simulated by terminating every server-side connection (`pg_terminate_backend`).
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import create_engine, text

from tests.support.chat_client import ChatClient, bot_text
from tests.support.cluster import (
    LIFTED_LIMITS,
    RunningCluster,
    fresh_postgres_database,
    start_cluster,
    start_redis,
)
from tests.support.databases import POSTGRES_URL
from tests.support.paths import MODEL

pytestmark = pytest.mark.integration

# Each visitor's messages; all different, so that every one can be found once in the tracker.
SCRIPT = [
    "hoi",
    "ik voel me vaak alleen",
    "sinds mijn pensioen zie ik weinig mensen",
    "ik zou wel iets willen doen",
    "misschien wandelen",
    "dank je wel",
]
VISITORS = 8


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningCluster]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}; run `make train` (make test does).")
    with fresh_postgres_database("app") as app, fresh_postgres_database("trackers") as trackers:
        running = start_cluster(
            Path(tmp_path_factory.mktemp("cluster")),
            app.rsplit("/", 1)[1],
            trackers.rsplit("/", 1)[1],
            env=LIFTED_LIMITS,
        )
        yield running
        running.stop()


async def connect(
    session: aiohttp.ClientSession, cluster: RunningCluster, visitor: str | None = None
) -> tuple[ChatClient, str, list[dict[str, Any]] | None]:
    ws = await session.ws_connect(cluster.ws_url, origin=cluster.url)
    client = ChatClient(ws)
    visitor_id, history = await client.hello(visitor)
    return client, visitor_id, history


def stored_user_texts(cluster: RunningCluster, visitor: str) -> tuple[list[str], list[str]]:
    """The user texts in the tracker database, and the kinds of all events, in order."""
    engine = create_engine(cluster.settings.tracker_database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT type_name, data FROM events WHERE sender_id = :s ORDER BY id"), {"s": visitor}
        ).all()
    engine.dispose()
    return [json.loads(data)["text"] for kind, data in rows if kind == "user"], [kind for kind, _ in rows]


def answered_once_each(kinds: list[str]) -> bool:
    """Every user message is followed by the assistant's answer before the next user message."""
    starts = [i for i, kind in enumerate(kinds) if kind == "user"]
    return all("bot" in kinds[a:b] for a, b in zip(starts, [*starts[1:], len(kinds)], strict=True))


async def test_killing_a_rasa_replica_under_load_loses_no_message_and_answers_none_twice(
    cluster: RunningCluster,
) -> None:
    results: dict[str, list[list[dict[str, Any]]]] = {}
    answered: list[float] = []  # when each turn ended
    killed_at: list[float] = []

    async def visitor_talks(session: aiohttp.ClientSession) -> None:
        client, visitor, _ = await connect(session, cluster)
        results[visitor] = []
        for message in SCRIPT:
            results[visitor].append(await client.say(message))
            answered.append(time.monotonic())
        await client.ws.close()

    async def kill_under_load() -> None:
        while len(answered) < VISITORS:  # about one turn in six done, every visitor busy
            await asyncio.sleep(0.05)
        cluster.processes["rasa-1"].kill()  # kill -9 while messages are being handled
        killed_at.append(time.monotonic())

    try:
        async with aiohttp.ClientSession() as session:
            await asyncio.wait_for(
                asyncio.gather(*(visitor_talks(session) for _ in range(VISITORS)), kill_under_load()), 150
            )
        assert len([moment for moment in answered if moment > killed_at[0]]) >= 2 * VISITORS
        for visitor, turns in results.items():
            for message, frames in zip(SCRIPT, turns, strict=True):
                assert not [f for f in frames if f["type"] == "error"], (message, frames)
                assert bot_text(frames), f"no answer to {message!r}"
            texts, kinds = stored_user_texts(cluster, visitor)
            assert texts == SCRIPT, "every message stored once, in order"
            assert answered_once_each(kinds)
        gateways = cluster.log("gateway-1") + cluster.log("gateway-2")
        assert "did not answer" in gateways, "the gateways moved visitors to the other replica"
    finally:
        cluster.restart("rasa-1")  # as the supervisor does; the next tests have both replicas again


def gateway_with_sessions(cluster: RunningCluster) -> str:
    """The gateway HAProxy has open connections to (from its status page as CSV)."""
    stats = f"http://127.0.0.1:{cluster.settings.stats_port}/;csv"
    with urllib.request.urlopen(stats, timeout=5) as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode().lstrip("# "))))
    busy = [r["svname"] for r in rows if r["pxname"] == "gateways" and r["svname"].startswith("gateway-")]
    busy = [name for name in busy if int(next(r for r in rows if r["svname"] == name)["scur"] or 0) > 0]
    assert len(busy) == 1, busy
    return busy[0]


async def test_killing_a_gateway_the_visitor_reconnects_through_the_balancer_with_history(
    cluster: RunningCluster,
) -> None:
    async with aiohttp.ClientSession() as session:
        client, visitor, _ = await connect(session, cluster)
        await client.say(SCRIPT[0])
        await client.say(SCRIPT[1])
        cluster.processes[gateway_with_sessions(cluster)].kill()
        closing = await client.ws.receive(timeout=10)
        assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR)
        # The widget reconnects with its visitor id; HAProxy sends it to the gateway that is left.
        again, same, history = await connect(session, cluster, visitor)
        assert same == visitor
        assert history is not None
        shown = [m["text"] for m in history if m["from"] == "visitor"]
        assert SCRIPT[0] in shown and SCRIPT[1] in shown
        assert bot_text(await again.say(SCRIPT[2]))
        await again.ws.close()
    for name in ("gateway-1", "gateway-2"):
        if not cluster.processes[name].alive():
            cluster.restart(name)


async def test_redis_down_is_a_logged_degraded_mode_and_conversations_go_on(cluster: RunningCluster) -> None:
    async with aiohttp.ClientSession() as session:
        client, visitor, _ = await connect(session, cluster)
        await client.say(SCRIPT[0])
        redis_port = cluster.processes["redis"].port
        cluster.processes["redis"].kill()
        for message in SCRIPT[1:3]:
            assert bot_text(await client.say(message)), "the assistant still answers without Redis"
        rasa_logs = cluster.log("rasa-1") + cluster.log("rasa-2")
        assert "degraded mode, conversation locks are kept in this Rasa process" in rasa_logs
        await until_logged(cluster, ("gateway-1", "gateway-2"), "degraded mode, live handover frames")

        # Redis back on the same port: both notice by themselves, without a restart of their own.
        cluster.processes["redis"] = start_redis(cluster.workdir, port=redis_port)
        assert bot_text(await client.say(SCRIPT[3]))
        await client.ws.close()
    await until_logged(cluster, ("rasa-1", "rasa-2"), "reachable again: conversation locks")
    await until_logged(cluster, ("gateway-1", "gateway-2"), "reachable again: live handover frames")
    texts, kinds = stored_user_texts(cluster, visitor)
    assert texts == SCRIPT[:4] and answered_once_each(kinds)


async def until_logged(
    cluster: RunningCluster, names: tuple[str, ...], line: str, seconds: float = 15
) -> None:
    """Wait until one of the processes logged `line`."""
    deadline = time.monotonic() + seconds
    while line not in "".join(cluster.log(name) for name in names):
        assert time.monotonic() < deadline, f"none of {names} logged {line!r}"
        await asyncio.sleep(0.3)


def terminate_connections(database: str) -> int:
    """What a PostgreSQL restart does to the clients: every server-side connection to `database` ends."""
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        ended = connection.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = :db AND pid <> pg_backend_pid()"
            ),
            {"db": database},
        ).scalar_one()
    admin.dispose()
    return int(ended)


async def test_after_the_database_closed_every_connection_the_services_recover_by_themselves(
    cluster: RunningCluster,
) -> None:
    async with aiohttp.ClientSession() as session:
        client, visitor, _ = await connect(session, cluster)
        await client.say(SCRIPT[0])
        ended = terminate_connections(cluster.settings.tracker_database) + terminate_connections(
            cluster.settings.app_database
        )
        assert ended > 0, "the services held connections"
        for message in SCRIPT[1:4]:
            frames = await client.say(message)
            assert not [f for f in frames if f["type"] == "error"], frames
            assert bot_text(frames), f"no answer to {message!r} after the connections were closed"
        await client.ws.close()
        # A reload shows the conversation (the gateway reads it through Rasa from the database).
        _, _, history = await connect(session, cluster, visitor)
        assert history is not None and len(history) >= 4
    texts, kinds = stored_user_texts(cluster, visitor)
    assert texts == SCRIPT[:4] and answered_once_each(kinds)
    for name, process in cluster.processes.items():
        assert process.alive(), f"{name} stopped"
