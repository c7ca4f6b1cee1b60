"""Fixtures for the store tests: every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine

from bot.store.db import make_engine
from bot.store.seed import prepare_database
from tests.support.databases import BACKENDS, fresh_database


@pytest.fixture(params=BACKENDS, scope="module")
def prepared_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database with migrations, reference data and the example activities (shared by a module)."""
    with fresh_database(request.param, tmp_path_factory.mktemp("db")) as url:
        engine = make_engine(url)
        prepare_database(engine)
        engine.dispose()
        yield url


@pytest.fixture(scope="module")
def prepared(prepared_url: str) -> Iterator[Engine]:
    """An engine on the prepared database."""
    engine = make_engine(prepared_url)
    yield engine
    engine.dispose()
