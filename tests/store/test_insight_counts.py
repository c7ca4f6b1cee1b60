"""The stored counts of /inzicht on SQLite and PostgreSQL: adding from several writers, reading k-anonymous,
and the in-process event broker of the embedded default writing them."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa.core.brokers.broker import EventBroker
from rasa.utils.endpoints import EndpointConfig, read_endpoint_config
from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.insight.writing import DeltaWriter
from bot.rasa_ext.insight_broker import InsightEventBroker
from bot.store import migrate
from bot.store.db import make_engine, session_scope
from bot.store.insight import (
    CountKey,
    add_counts,
    counted_municipalities,
    municipality_name,
    shown,
    shown_count,
    week_counts,
)
from bot.store.models import InsightCount
from bot.store.seed import prepare_database
from tests.support.paths import ROOT

WEEK = "2026-W49"
WEDNESDAY = dt.datetime(2026, 12, 2, 11, 0, tzinfo=dt.timezone.utc).timestamp()


@pytest.fixture()
def engine(empty_url: str) -> Iterator[Engine]:
    engine = make_engine(empty_url)
    prepare_database(engine, example_file=None)
    yield engine
    engine.dispose()


def stored(engine: Engine) -> dict[CountKey, int]:
    with session_scope(engine) as session:
        rows = session.execute(
            select(
                InsightCount.municipality,
                InsightCount.week,
                InsightCount.kind,
                InsightCount.value,
                InsightCount.count,
            )
        )
        return {CountKey(*row[:4]): row[4] for row in rows}


def test_deltas_add_up_and_move_between_municipalities(engine: Engine) -> None:
    unknown = CountKey("onbekend", WEEK, "conversation", "")
    nijmegen = CountKey("GM0268", WEEK, "conversation", "")
    with session_scope(engine) as session:
        add_counts(session, {unknown: 3, CountKey("onbekend", WEEK, "cause", "loss"): 1})
    with session_scope(engine) as session:
        add_counts(session, {unknown: -1, nijmegen: 1})
    assert stored(engine) == {unknown: 2, nijmegen: 1, CountKey("onbekend", WEEK, "cause", "loss"): 1}


def test_unknown_kinds_are_refused(engine: Engine) -> None:
    with pytest.raises(ValueError), session_scope(engine) as session:
        add_counts(session, {CountKey("GM0268", WEEK, "free_text", "iets"): 1})
    assert stored(engine) == {}


def test_many_writers_at_once_lose_no_count(engine: Engine) -> None:
    key = CountKey("GM0268", WEEK, "conversation", "")
    errors: list[BaseException] = []

    def write() -> None:
        try:
            for _ in range(25):
                with session_scope(engine) as session:
                    add_counts(session, {key: 1})
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=write) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert stored(engine) == {key: 100}


def test_reading_never_gives_a_count_under_ten(engine: Engine) -> None:
    with session_scope(engine) as session:
        add_counts(
            session,
            {
                CountKey("GM0268", WEEK, "conversation", ""): 12,
                CountKey("GM0268", WEEK, "crisis", ""): 9,
                CountKey("GM0268", WEEK, "cause", "loss"): 10,
                CountKey("GM0363", WEEK, "crisis", ""): 4,
                CountKey("onbekend", WEEK, "conversation", ""): 3,
            },
        )
    with session_scope(engine) as session:
        nijmegen = week_counts(session, "GM0268", [WEEK])
        everywhere = week_counts(session, None, [WEEK])
        names = counted_municipalities(session)
        assert municipality_name(session, "GM0268") == "Nijmegen"
    assert shown_count(nijmegen, WEEK, "conversation").text == "12"
    assert shown_count(nijmegen, WEEK, "crisis").text == "minder dan 10"
    assert shown_count(nijmegen, WEEK, "crisis").exact is None
    assert shown_count(nijmegen, WEEK, "cause", "loss").exact == 10
    assert shown_count(nijmegen, WEEK, "handover").text == "minder dan 10"  # nothing stored: 0
    assert shown_count(nijmegen, "2026-W48", "conversation").text == "minder dan 10"
    # All municipalities together: summed before the rule (9 + 4 = 13; 12 + 3 = 15).
    assert shown_count(everywhere, WEEK, "crisis").exact == 13
    assert shown_count(everywhere, WEEK, "conversation").exact == 15
    every_exact = [
        value.exact for value in [*nijmegen.values(), *everywhere.values()] if value.exact is not None
    ]
    assert min(every_exact) >= 10
    assert names == [("GM0363", "Amsterdam"), ("GM0268", "Nijmegen"), ("onbekend", "Gemeente onbekend")]
    assert shown(9).exact is None


def test_counts_wait_while_the_database_cannot_take_them(empty_url: str) -> None:
    engine = make_engine(empty_url)
    key = CountKey("GM0268", WEEK, "conversation", "")
    writer = DeltaWriter(engine)
    assert writer.write({key: 2}) is False  # no tables yet: an error, and the counts are kept
    assert writer.waiting == 1
    migrate.upgrade(engine)
    assert writer.write({key: 1}) is True
    assert writer.waiting == 0
    assert stored(engine) == {key: 3}
    engine.dispose()


def _events(sender: str, municipality: str | None) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = [
        {"sender_id": sender, "event": "session_started", "timestamp": WEDNESDAY},
        {"sender_id": sender, "event": "user", "timestamp": WEDNESDAY, "text": "Ik ben vaak alleen"},
        {
            "sender_id": sender,
            "event": "slot",
            "timestamp": WEDNESDAY,
            "name": "loneliness_type",
            "value": "social",
        },
        {
            "sender_id": sender,
            "event": "bot",
            "timestamp": WEDNESDAY,
            "metadata": {"utter_action": "utter_crisis"},
        },
    ]
    if municipality:
        events.append(
            {
                "sender_id": sender,
                "event": "slot",
                "timestamp": WEDNESDAY,
                "name": "municipality_code",
                "value": municipality,
            }
        )
    return events


def test_the_in_process_broker_counts_what_rasa_publishes(engine: Engine, empty_url: str) -> None:
    async def run() -> None:
        # Loaded by module path, as Rasa loads the `event_broker:` of endpoints.yml.
        config = EndpointConfig(type="bot.rasa_ext.insight_broker.InsightEventBroker", database_url=empty_url)
        broker = await EventBroker.create(config)
        assert isinstance(broker, InsightEventBroker) and broker.is_ready()
        for number in range(12):
            for event in _events(f"bezoeker-{number}", "GM0268" if number < 11 else None):
                broker.publish(event)
        assert await asyncio.get_running_loop().run_in_executor(None, broker.flush)
        await broker.close()
        assert not broker.is_ready()

    asyncio.run(run())
    with session_scope(engine) as session:
        counts = week_counts(session, "GM0268", [WEEK])
        unknown = week_counts(session, "onbekend", [WEEK])
    assert shown_count(counts, WEEK, "conversation").exact == 11
    assert shown_count(counts, WEEK, "loneliness_type", "social").exact == 11
    assert shown_count(counts, WEEK, "crisis").exact == 11
    assert shown_count(unknown, WEEK, "conversation").exact is None
    assert stored(engine)[CountKey("onbekend", WEEK, "conversation", "")] == 1


def test_endpoints_yml_names_the_in_process_broker(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ACTIONS_TOKEN", "x")
    config = read_endpoint_config(str(ROOT / "endpoints.yml"), "event_broker")
    assert config is not None
    assert config.type == "bot.rasa_ext.insight_broker.InsightEventBroker"
