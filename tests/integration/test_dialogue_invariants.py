"""Random conversations through the real model: every message answered, nothing repeated, no traceback.

`FUZZ_CONVERSATIONS` and `FUZZ_SEED` set the size and the seed (make bench runs 2,000 conversations);
a failure names the seed and the conversation, so `FUZZ_SEED=<seed>` replays it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.dialogue_fuzz import Fuzzer
from tests.support.servers import SHORT_TRACKER_CACHE_SECONDS, RunningAssistant, start_assistant

pytestmark = pytest.mark.integration

CONVERSATIONS = int(os.environ.get("FUZZ_CONVERSATIONS", "120"))
SEED = int(os.environ.get("FUZZ_SEED", "20261204"))


@pytest.fixture(scope="module")
def own_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningAssistant]:
    # Its own servers, so that the logs hold only what these conversations caused.
    running = start_assistant(
        Path(tmp_path_factory.mktemp("fuzz")), tracker_cache_seconds=SHORT_TRACKER_CACHE_SECONDS
    )
    yield running
    running.stop()


def test_random_conversations_keep_the_dialogue_invariants(own_assistant: RunningAssistant) -> None:
    report = Fuzzer(own_assistant, SEED).run(CONVERSATIONS)

    assert report.conversations == CONVERSATIONS
    assert [vars(violation) for violation in report.violations] == []
    assert report.log_tracebacks == 0
    assert report.log_circuit_breaker == 0
