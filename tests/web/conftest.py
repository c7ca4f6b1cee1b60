"""One real assistant (Rasa with its API token + action server) and one gateway for all gateway tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.paths import MODEL
from tests.web.gateway_server import Stack, start_stack


@pytest.fixture(scope="package")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}; run `make train` (make test does).")
    running = start_stack(Path(tmp_path_factory.mktemp("web")))
    yield running
    running.stop()
