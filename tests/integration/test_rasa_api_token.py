"""Rasa's HTTP API token: not on the command line, accepted in a header, a strange token is a 401.

Also: the files the servers create (the SQLite tracker store and the actions' database) are readable
by their owner only.
"""

from __future__ import annotations

import http.client
import os
import stat
import subprocess
from pathlib import Path

import pytest

from tests.support.paths import ROOT, VENV_BIN
from tests.support.servers import QUIET_ENV, RunningAssistant

pytestmark = pytest.mark.integration


def rasa_pid(assistant: RunningAssistant) -> int:
    [rasa] = [p for p in assistant.processes if "bot.rasa_ext.server" in " ".join(map(str, p.args))]
    return rasa.pid


def tracker_status(
    assistant: RunningAssistant, query: str = "", authorization: bytes | None = None, events: bytes = b""
) -> int:
    """GET the tracker of a conversation, or POST `events` to it."""
    connection = http.client.HTTPConnection("127.0.0.1", assistant.rasa_port, timeout=30)
    try:
        path = "/conversations/token-test/tracker" + ("/events" if events else "")
        connection.putrequest("POST" if events else "GET", path + query)
        if authorization is not None:
            connection.putheader("Authorization", authorization)
        if events:
            connection.putheader("Content-Type", "application/json")
            connection.putheader("Content-Length", str(len(events)))
        connection.endheaders(events or None)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def test_the_token_is_not_on_rasas_command_line(assistant: RunningAssistant) -> None:
    assert assistant.api_token
    # What `ps` shows every user of the machine.
    cmdline = Path(f"/proc/{rasa_pid(assistant)}/cmdline").read_bytes()
    assert b"--enable-api" in cmdline
    assert assistant.api_token.encode() not in cmdline and b"--auth-token" not in cmdline


def test_the_token_is_accepted_in_a_header(assistant: RunningAssistant) -> None:
    token = (assistant.api_token or "").encode()
    assert tracker_status(assistant, authorization=b"Bearer " + token) == 200
    assert tracker_status(assistant, query=f"?token={assistant.api_token}") == 200
    slot = b'[{"event": "slot", "name": "address", "value": "u"}]'
    assert tracker_status(assistant, authorization=b"Bearer " + token, events=slot) == 200
    assert tracker_status(assistant, authorization=b"Bearer verkeerd", events=slot) == 401


@pytest.mark.parametrize(
    ("query", "authorization"),
    [
        ("", None),
        ("?token=verkeerd", None),
        ("?token=%C3%A9%C3%A9n%E2%82%AC", None),
        ("", b"Bearer verkeerd"),
        ("", "Bearer één€".encode()),
        ("", b"Bearer "),
    ],
)
def test_a_missing_wrong_or_non_ascii_token_is_a_401(
    assistant: RunningAssistant, query: str, authorization: bytes | None
) -> None:
    assert tracker_status(assistant, query, authorization) == 401


def test_the_databases_are_readable_by_their_owner_only(assistant: RunningAssistant) -> None:
    for name in ("tracker.db", "bot.db"):
        mode = stat.S_IMODE((assistant.workdir / name).stat().st_mode)
        assert mode == 0o600, f"{name}: {oct(mode)}"


def test_rasa_refuses_its_api_without_a_token() -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("RASA_TOKEN")}
    result = subprocess.run(
        [str(VENV_BIN / "python"), "-m", "bot.rasa_ext.server", "run", "--enable-api", "--model", "x"],
        cwd=ROOT,
        env={**env, **QUIET_ENV},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0 and "RASA_TOKEN" in result.stderr
