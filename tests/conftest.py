"""Fixtures used by more than one test folder: the running stack and an empty database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.databases import BACKENDS, fresh_database
from tests.support.gateway import Stack, start_stack
from tests.support.paths import MODEL


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """Rasa with its API token, the action server and a gateway, as `make run` starts them (web, browser)."""
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}; run `make train` (make test does).")
    running = start_stack(Path(tmp_path_factory.mktemp("stack")))
    yield running
    running.stop()


@pytest.fixture(params=BACKENDS)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with nothing in it, on SQLite and on PostgreSQL (store and staff tests that change data)."""
    with fresh_database(request.param, tmp_path) as url:
        yield url
