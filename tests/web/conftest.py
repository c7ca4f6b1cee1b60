"""One real assistant (Rasa with its API token + action server) and one gateway for all gateway tests."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.integration.servers import RunningAssistant, start_assistant
from tests.paths import MODEL
from tests.web.gateway_server import RunningGateway, start_gateway


@dataclass
class Stack:
    """Rasa, the action server and the gateway in front of them."""

    assistant: RunningAssistant
    gateway: RunningGateway


@pytest.fixture(scope="package")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}; run `make train` (make test does).")
    workdir = Path(tmp_path_factory.mktemp("web"))
    assistant = start_assistant(workdir, api_token=secrets.token_urlsafe(24))
    try:
        gateway = start_gateway(workdir, assistant)
    except Exception:
        assistant.stop()
        raise
    yield Stack(assistant, gateway)
    gateway.stop()
    assistant.stop()
