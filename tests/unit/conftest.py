"""Fixtures for the unit tests: the domain as a dict, a dispatcher, trackers and the actions' database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from tests.support.trackers import load_domain, make_tracker


@pytest.fixture()
def domain() -> dict[str, Any]:
    """The domain as a dict."""
    return load_domain()


@pytest.fixture()
def dispatcher() -> CollectingDispatcher:
    """A fresh dispatcher."""
    return CollectingDispatcher()


@pytest.fixture()
def tracker_factory() -> Callable[..., Tracker]:
    """`make_tracker`, for tests that prefer a fixture."""
    return make_tracker


@pytest.fixture(scope="session")
def _social_map_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from bot.store.db import make_engine
    from bot.store.seed import prepare_database

    url = f"sqlite:///{tmp_path_factory.mktemp('social-map') / 'bot.db'}"
    engine = make_engine(url)
    prepare_database(engine)
    engine.dispose()
    return url


@pytest.fixture()
def social_map(_social_map_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The actions' database: a SQLite file with the reference data and the example activities."""
    monkeypatch.setenv("DATABASE_URL", _social_map_url)
    return _social_map_url
