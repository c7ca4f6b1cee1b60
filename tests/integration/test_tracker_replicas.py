"""Two Rasa replicas on one PostgreSQL tracker store and a Redis lock store keep one conversation right.

`CachedSQLTrackerStore` keeps active conversations in memory. With `shared: true` (the cluster profile)
a replica checks the database before it trusts its memory, so turns taken by the other replica are
never missed.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import make_url

from bot.rasa_ext.tracker_store import CachedSQLTrackerStore
from tests.support.cluster import Replicas, fresh_postgres_database, require_redis, start_replicas
from tests.support.paths import MODEL
from tests.support.trackers import DOMAIN_FILE


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(DOMAIN_FILE))


def store_on(url: str, domain: Domain, shared: bool) -> CachedSQLTrackerStore:
    parts = make_url(url)
    return CachedSQLTrackerStore(
        domain=domain,
        dialect="postgresql",
        host=parts.host,
        port=parts.port,
        db=parts.database,
        username=parts.username,
        shared=shared,
    )


def turn(text: str, at: float) -> list[Event]:
    return [
        UserUttered(text, {"name": "greet", "confidence": 1.0}, timestamp=at),
        ActionExecuted("utter_greet", timestamp=at + 0.1),
        BotUttered("Hoi!", timestamp=at + 0.2),
        ActionExecuted("action_listen", timestamp=at + 0.3),
    ]


async def take_turn(store: CachedSQLTrackerStore, sender: str, events: list[Event]) -> None:
    """What Rasa does per message: retrieve the tracker, add the turn, save."""
    tracker = await store.retrieve(sender) or DialogueStateTracker(sender, store.domain.slots)
    for event in events:
        tracker.update(event)
    await store.save(tracker)


async def user_texts(store: CachedSQLTrackerStore, sender: str) -> list[str]:
    tracker = await store.retrieve(sender)
    assert tracker is not None
    return [e.text for e in tracker.events if isinstance(e, UserUttered) and e.text]


async def test_a_shared_cache_sees_the_turns_of_the_other_replica(domain: Domain) -> None:
    with fresh_postgres_database() as url:
        one, two = store_on(url, domain, shared=True), store_on(url, domain, shared=True)
        await take_turn(one, "s", turn("eerste", 1.0))
        await take_turn(two, "s", turn("tweede", 2.0))
        await take_turn(one, "s", turn("derde", 3.0))
        await take_turn(two, "s", turn("vierde", 4.0))
        expected = ["eerste", "tweede", "derde", "vierde"]
        assert await user_texts(one, "s") == expected
        assert await user_texts(two, "s") == expected
        for store in (one, two):
            store.engine.dispose()


async def test_without_shared_a_replica_would_miss_the_other_ones_turn(domain: Domain) -> None:
    # Why the cluster profile sets `shared: true`: the cache alone is right for one writer only.
    with fresh_postgres_database() as url:
        one, two = store_on(url, domain, shared=False), store_on(url, domain, shared=False)
        await take_turn(one, "s", turn("eerste", 1.0))
        await take_turn(two, "s", turn("tweede", 2.0))
        assert await user_texts(one, "s") == ["eerste"]
        for store in (one, two):
            store.engine.dispose()


# --- two real Rasa processes -------------------------------------------------------------------

MESSAGES = [
    "hoi",
    "ik voel me vaak alleen",
    "sinds mijn vrouw overleden is zie ik bijna niemand meer",
    "ik zou wel weer iets willen doen",
    "misschien wandelen",
    "dank je",
]


@pytest.fixture(scope="module")
def replicas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replicas]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}; run `make train` (make test does).")
    require_redis()
    with fresh_postgres_database() as url:
        running = start_replicas(Path(tmp_path_factory.mktemp("replicas")), url, count=2)
        yield running
        running.stop()


def user_texts_in(events: list[dict[str, object]]) -> list[object]:
    return [event.get("text") for event in events if event.get("event") == "user"]


def test_two_replicas_taking_turns_keep_one_conversation_whole(replicas: Replicas) -> None:
    sender = f"replicas-{secrets.token_hex(4)}"
    sent: list[str] = []
    for number, message in enumerate(MESSAGES):
        replica = number % 2  # turns alternate between the replicas
        replies = replicas.send(replica, sender, message)
        sent.append(message)
        assert replies, f"replica {replica + 1} gave no answer to {message!r}"
        # Both replicas now work from the whole conversation, including the other one's turns.
        for other in (0, 1):
            assert user_texts_in(replicas.seen_by(other, sender)) == sent


def test_the_database_holds_every_turn_once_in_order(replicas: Replicas) -> None:
    from sqlalchemy import create_engine, text

    sender = f"replicas-{secrets.token_hex(4)}"
    for number, message in enumerate(MESSAGES[:4]):
        replicas.send(number % 2, sender, message)
    engine = create_engine(replicas.database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT type_name, data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender}
        ).all()
    engine.dispose()
    import json

    users = [json.loads(data)["text"] for kind, data in rows if kind == "user"]
    assert users == MESSAGES[:4]
    # Each turn is answered once: every user message is followed by the bot before the next one.
    kinds = [kind for kind, _ in rows]
    starts = [i for i, kind in enumerate(kinds) if kind == "user"]
    for begin, end in zip(starts, [*starts[1:], len(kinds)], strict=True):
        assert "bot" in kinds[begin:end]
        assert kinds[begin:end].count("user") == 1
