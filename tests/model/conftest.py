"""Loads the trained model once for all model tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.nlu import Parser
from tests.support.paths import MODEL


@pytest.fixture(scope="session")
def nlu() -> Iterator[Parser]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}; run `make train` (make test does).")
    parser = Parser()
    yield parser
    parser.loop.close()
