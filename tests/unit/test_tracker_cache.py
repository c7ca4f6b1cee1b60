"""The cached SQL tracker store gives what Rasa's SQL store gives, and writes every event through."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore, create_tracker_store
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

from bot.cli import build_parser
from bot.rasa_ext.tracker_store import CachedSQLTrackerStore, current_session
from tests.support.paths import ROOT
from tests.support.trackers import DOMAIN_FILE


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(DOMAIN_FILE))


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "tracker.db"


@pytest.fixture
def store(domain: Domain, db: Path, clock: Clock) -> CachedSQLTrackerStore:
    return CachedSQLTrackerStore(domain=domain, dialect="sqlite", db=str(db), clock=clock)


def plain(domain: Domain, db: Path) -> SQLTrackerStore:
    """Rasa's own SQL store on the same file: what the database really holds."""
    return SQLTrackerStore(domain=domain, dialect="sqlite", db=str(db))


def turn(text: str, at: float) -> list[Event]:
    return [
        UserUttered(text, {"name": "greet", "confidence": 1.0}, timestamp=at),
        SlotSet("role", "self", timestamp=at + 0.1),
        ActionExecuted("utter_greet", timestamp=at + 0.2),
        BotUttered("Hoi!", timestamp=at + 0.3),
        ActionExecuted("action_listen", timestamp=at + 0.4),
    ]


def session_start(at: float) -> list[Event]:
    return [ActionExecuted("action_session_start", timestamp=at), SessionStarted(timestamp=at + 0.01)]


async def talk(store: CachedSQLTrackerStore, sender: str, events: list[Event]) -> DialogueStateTracker:
    """What Rasa does per message: retrieve (or start) the tracker, add the turn, save."""
    tracker = await store.retrieve(sender) or DialogueStateTracker(sender, store.domain.slots)
    for event in events:
        tracker.update(event)
    await store.save(tracker)
    return tracker


def dicts(tracker: DialogueStateTracker | None) -> list[dict[str, object]]:
    assert tracker is not None
    return [event.as_dict() for event in tracker.events]


async def test_every_turn_is_in_the_database_and_read_back_the_same(
    store: CachedSQLTrackerStore, domain: Domain, db: Path
) -> None:
    await talk(store, "a", session_start(1.0) + turn("hoi", 2.0))
    await talk(store, "a", turn("nog een keer", 3.0))
    await talk(store, "a", turn("en nog een keer", 4.0))

    from_database = await plain(domain, db).retrieve("a")
    from_cache = await store.retrieve("a")
    assert len(dicts(from_database)) == 1 + 3 * 5  # from `session_started` on, as Rasa reads it
    assert dicts(from_cache) == dicts(from_database)
    assert from_cache is not None and from_cache.get_slot("role") == "self"


async def test_the_rows_written_are_those_rasas_sql_store_writes(
    store: CachedSQLTrackerStore, domain: Domain, tmp_path: Path
) -> None:
    turns = [session_start(1.0) + turn("hoi", 2.0), turn("nog een keer", 3.0), turn("", 4.0)]
    turns[2].insert(
        1, ActionExecuted("action_listen_reflect", policy="TEDPolicy", confidence=0.9, timestamp=4.05)
    )
    rasas = plain(domain, tmp_path / "rasa.db")
    for events in turns:
        await talk(store, "a", events)  # the fast path: one insert per turn
        await talk(rasas, "a", events)  # type: ignore[arg-type]  # Rasa's own save
    query = "SELECT sender_id, type_name, timestamp, intent_name, action_name, data FROM events ORDER BY id"
    with sqlite3.connect(tmp_path / "tracker.db") as ours, sqlite3.connect(tmp_path / "rasa.db") as theirs:
        rows = ours.execute(query).fetchall()
        assert len(rows) == 2 + 3 * 5 + 1
        assert rows == theirs.execute(query).fetchall()


def test_the_sqlite_file_uses_a_write_ahead_log(store: CachedSQLTrackerStore, db: Path) -> None:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


async def test_a_new_session_is_served_like_the_sql_store_serves_it(
    store: CachedSQLTrackerStore, domain: Domain, db: Path
) -> None:
    await talk(store, "a", session_start(1.0) + turn("hoi", 2.0))
    await talk(store, "a", session_start(5000.0) + turn("ik ben er weer", 5001.0))

    from_database = await plain(domain, db).retrieve("a")
    from_cache = await store.retrieve("a")
    assert dicts(from_cache) == dicts(from_database)
    assert [e["event"] for e in dicts(from_cache)][0] == "session_started"
    full = await plain(domain, db).retrieve_full_tracker("a")
    assert full is not None and len(full.events) == 2 * (2 + 5)  # nothing of the first session was lost


async def test_the_cache_is_used_after_the_first_read(
    store: CachedSQLTrackerStore, db: Path, clock: Clock
) -> None:
    await talk(store, "a", session_start(1.0) + turn("hoi", 2.0))
    with sqlite3.connect(db) as connection:  # the database changes behind the store's back
        connection.execute("DELETE FROM events WHERE sender_id = 'a'")
    assert await store.retrieve("a") is not None  # still served from memory

    clock.now += store.cache_seconds + 1  # idle for longer than the cache keeps it
    assert await store.retrieve("a") is None  # read from the database again


async def test_a_tracker_that_did_not_grow_from_the_cache_is_saved_the_rasa_way(
    store: CachedSQLTrackerStore, domain: Domain, db: Path
) -> None:
    await talk(store, "a", session_start(1.0) + turn("hoi", 2.0))
    rebuilt = DialogueStateTracker.from_dict("a", dicts(await store.retrieve("a")), domain.slots)
    for event in turn("weer", 3.0):
        rebuilt.update(event)
    await store.save(rebuilt)  # equal events, but other objects: Rasa's count query decides

    assert len(dicts(await plain(domain, db).retrieve("a"))) == 1 + 2 * 5
    assert "a" not in store._cache
    assert dicts(await store.retrieve("a")) == dicts(await plain(domain, db).retrieve("a"))


async def test_a_failed_save_drops_the_conversation_from_the_cache(
    store: CachedSQLTrackerStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    await talk(store, "a", session_start(1.0) + turn("hoi", 2.0))
    tracker = await store.retrieve("a")
    assert tracker is not None
    tracker.update(UserUttered("kwijt?", timestamp=3.0))

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("database is weg")

    monkeypatch.setattr(store, "session_scope", broken)
    with pytest.raises(RuntimeError):
        await store.save(tracker)
    assert "a" not in store._cache


async def test_only_the_most_recent_conversations_are_kept(domain: Domain, db: Path) -> None:
    store = CachedSQLTrackerStore(domain=domain, dialect="sqlite", db=str(db), cache_size=2)
    for sender in ("a", "b", "c"):
        await talk(store, sender, session_start(1.0) + turn("hoi", 2.0))
    assert list(store._cache) == ["b", "c"]
    assert dicts(await store.retrieve("a")) == dicts(await plain(domain, db).retrieve("a"))


def test_current_session_starts_at_the_latest_session_start() -> None:
    events = session_start(1.0) + turn("hoi", 2.0) + session_start(10.0) + turn("weer", 11.0)
    assert current_session(events) == events[8:]
    assert current_session(turn("hoi", 2.0)) == turn("hoi", 2.0)


def test_endpoints_yml_loads_the_cached_store(
    tmp_path: Path, domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rasa quietly falls back to an in-memory store when a custom type cannot be imported.
    # endpoints.yml names ${ACTIONS_TOKEN}; `make run` sets it, and this test must not depend on order.
    monkeypatch.setenv("ACTIONS_TOKEN", "unit-test-token")
    config = read_endpoint_config(str(ROOT / "endpoints.yml"), "tracker_store")
    assert config is not None
    config.kwargs["db"] = str(tmp_path / "tracker.db")
    store = create_tracker_store(config, domain)
    assert isinstance(getattr(store, "_tracker_store", store), CachedSQLTrackerStore)


@pytest.mark.parametrize("days", ["0", "-3", "een"])
def test_purge_never_takes_todays_conversations(days: str, capsys: pytest.CaptureFixture[str]) -> None:
    # They may live in the cache of the running Rasa server, so `purge` needs at least one day.
    with pytest.raises(SystemExit):
        build_parser().parse_args(["purge", "--conversation-days", days])
    assert "1 of meer" in capsys.readouterr().err
    assert build_parser().parse_args(["purge", "--conversation-days", "1"]).conversation_days == 1
