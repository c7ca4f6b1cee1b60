"""One real assistant (action server + Rasa server) for all integration tests."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.paths import MODEL
from tests.support.servers import SHORT_TRACKER_CACHE_SECONDS, RunningAssistant, start_assistant


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningAssistant]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}; run `make train` (make test does).")
    # With Rasa's HTTP API behind a token, as `make run` starts it.
    running = start_assistant(
        Path(tmp_path_factory.mktemp("assistant")),
        tracker_cache_seconds=SHORT_TRACKER_CACHE_SECONDS,
        api_token=secrets.token_urlsafe(24),
    )
    yield running
    running.stop()
