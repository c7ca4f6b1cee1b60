"""A failing action tells neither Rasa nor the log what the visitor typed: only an error id."""

from __future__ import annotations

import os
import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.paths import ROOT, VENV_BIN
from tests.support.servers import QUIET_ENV, free_port, post_json, wait_for

pytestmark = pytest.mark.integration

PRIVATE = "Piet Jansen 0612345678"


@pytest.fixture(scope="module")
def action_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The real action server alone (no Rasa): its webhook URL with the token, and its log."""
    workdir = tmp_path_factory.mktemp("actions")
    port, token, log = free_port(), secrets.token_urlsafe(16), workdir / "actions.log"
    env = {
        **os.environ,
        **QUIET_ENV,
        "ACTIONS_TOKEN": token,
        "DATABASE_URL": f"sqlite:///{workdir / 'bot.db'}",
    }
    process = subprocess.Popen(
        [str(VENV_BIN / "python"), "-m", "actions.server", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/health", process, log, 120)
        yield f"http://127.0.0.1:{port}/webhook?token={token}", log
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_failing_action_answers_and_logs_no_values(action_server: tuple[str, Path]) -> None:
    url, log = action_server
    # A forged tracker whose counter slot holds text: int() fails with the text in its message.
    call = {
        "next_action": "action_listen_reflect",
        "sender_id": "fout-test",
        "tracker": {
            "sender_id": "fout-test",
            "slots": {"listen_turns": PRIVATE},
            "latest_message": {"text": f"ik ben {PRIVATE}", "intent": {"name": "tell_situation"}},
            "events": [],
        },
        "domain": {},
    }
    status, body = post_json(url, call)
    assert status == 500
    assert set(body) == {"error", "error_id"} and len(body["error_id"]) == 12
    assert "Piet" not in str(body) and "0612345678" not in str(body)
    logged = log.read_text(encoding="utf-8", errors="replace")
    assert f"error id {body['error_id']}" in logged and "action_listen_reflect" in logged
    assert "ValueError" in logged
    assert "Piet" not in logged and "0612345678" not in logged and "token=" not in logged


def test_an_unknown_action_is_a_404_without_values(action_server: tuple[str, Path]) -> None:
    url, log = action_server
    status, body = post_json(url, {"next_action": "action_bestaat_niet", "tracker": {"sender_id": PRIVATE}})
    assert status == 404
    assert "Piet" not in str(body)
