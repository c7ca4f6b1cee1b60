"""The embedded default: Rasa loads the in-process insight broker from its endpoints (as endpoints.yml has
it), and real conversations become counts in the app database, without RabbitMQ and without text or ids."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bot.insight.counting import iso_week
from bot.store.insight import CountKey
from tests.support.databases import stored_insight_counts
from tests.support.paths import MODEL, ROOT
from tests.support.rest import new_sender, texts
from tests.support.servers import RunningAssistant, start_assistant

BROKER = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8"))["event_broker"]


@pytest.fixture(scope="module")
def counting_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningAssistant]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}; run `make train` (make test does).")
    running = start_assistant(
        Path(tmp_path_factory.mktemp("insight-assistant")),
        extra_endpoints=yaml.safe_dump({"event_broker": {**BROKER, "flush_seconds": 0.2}}),
    )
    yield running
    running.stop()


def stored(assistant: RunningAssistant) -> dict[CountKey, int]:
    return stored_insight_counts(f"sqlite:///{assistant.workdir / 'bot.db'}")


def test_conversations_in_rasa_become_counts_in_the_app_database(
    counting_assistant: RunningAssistant,
) -> None:
    week = iso_week(time.time())
    in_nijmegen, elsewhere = new_sender(), new_sender()
    counting_assistant.send(in_nijmegen, "hoi")
    counting_assistant.send(in_nijmegen, "wat doe ik hier nog")
    assert "112" in texts(counting_assistant.send(in_nijmegen, "soms"))  # the crisis answer
    said = texts(counting_assistant.send(in_nijmegen, "waar kan ik in nijmegen koffie drinken met anderen"))
    assert "Nijmegen" in said
    counting_assistant.send(elsewhere, "hoi")

    expected = {
        CountKey("GM0268", week, "conversation", ""): 1,
        CountKey("GM0268", week, "crisis", ""): 1,
        CountKey("onbekend", week, "conversation", ""): 1,
    }
    deadline = time.monotonic() + 20
    found: dict[CountKey, int] = {}
    while time.monotonic() < deadline:
        found = stored(counting_assistant)
        if found == expected:
            break
        time.sleep(0.3)
    assert found == expected, (counting_assistant.workdir / "rasa.log").read_text(errors="replace")[-3000:]
    # Only the fixed keys: no text, no sender id anywhere in the counts.
    dumped = repr(found)
    assert in_nijmegen not in dumped and elsewhere not in dumped and "koffie" not in dumped
