"""Starts the real action server and Rasa server on free ports for integration tests and benchmarks."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.store.db import make_engine
from bot.store.seed import prepare_database
from tests.support.paths import MODEL, ROOT, VENV_BIN

QUIET_ENV = {
    "RASA_TELEMETRY_ENABLED": "false",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "LOG_LEVEL_LIBRARIES": "ERROR",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    "PYTHONWARNINGS": "ignore",
}

# The tracker store `make run` uses (endpoints.yml), pointed at a fresh SQLite file per test run.
ENDPOINTS = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8"))
TRACKER_STORE_TYPE = ENDPOINTS["tracker_store"]["type"]
# How long the integration tests' Rasa keeps an idle conversation in memory (see start_assistant).
SHORT_TRACKER_CACHE_SECONDS = 1.0


def free_port() -> int:
    """A TCP port that is free right now on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def post_json(url: str, body: Any, timeout: float = 30.0) -> tuple[int, Any]:
    """POST JSON and return (status, decoded body)."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read().decode("utf-8") or "null")


@dataclass
class RunningAssistant:
    """The two servers, their ports and the tracker database."""

    workdir: Path
    rasa_port: int
    actions_port: int
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    api_token: str | None = None
    # The action server answers only calls with this token (as `make run` sets it up).
    actions_token: str = field(default_factory=lambda: secrets.token_urlsafe(16))

    @property
    def rasa_url(self) -> str:
        """The Rasa server's base URL."""
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def actions_url(self) -> str:
        """The action server's base URL."""
        return f"http://127.0.0.1:{self.actions_port}"

    @property
    def webhook(self) -> str:
        """The REST channel URL."""
        return f"http://127.0.0.1:{self.rasa_port}/webhooks/rest/webhook"

    @property
    def tracker_db(self) -> Path:
        """The SQLite tracker store file."""
        return self.workdir / "tracker.db"

    def send(self, sender: str, message: Any) -> list[dict[str, Any]]:
        """Send one message and return the bot's replies."""
        status, body = post_json(self.webhook, {"sender": sender, "message": message})
        assert status == 200, body
        return list(body)

    def stop(self) -> None:
        """Stop both servers."""
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_for(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    """Wait until `url` answers, failing early with the log when the process exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not come up in {timeout:.0f}s:\n{log.read_text()[-3000:]}")


def start_assistant(
    workdir: Path,
    model: Path = MODEL,
    extra_args: tuple[str, ...] = (),
    sqlite_tracker_store: bool = True,
    api_token: str | None = None,
    env: dict[str, str] | None = None,
    tracker_cache_seconds: float | None = None,
    extra_endpoints: str = "",
) -> RunningAssistant:
    """Start the action server and Rasa with a fresh SQLite tracker store in `workdir`.

    `sqlite_tracker_store=False` keeps conversations in memory instead (for benchmark comparisons).
    `tracker_cache_seconds` shortens how long Rasa keeps an idle conversation in memory (10 minutes in
    `make run`), for tests that move stored events back in time and then wait that long.
    `api_token` also enables Rasa's HTTP API with that token, as `make run` does for the gateway.
    `env` adds environment variables for both servers (e.g. `VOLUNTEER_HOURS`).
    `extra_endpoints` is YAML added to Rasa's endpoints file (e.g. an `event_broker:`).
    """
    workdir.mkdir(parents=True, exist_ok=True)
    assistant = RunningAssistant(
        workdir, rasa_port=free_port(), actions_port=free_port(), api_token=api_token
    )
    if api_token:
        extra_args = ("--enable-api", *extra_args)  # the token goes in the environment, not on argv
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{assistant.actions_port}/webhook"\n'
        # As in endpoints.yml: Rasa reads the token from ACTIONS_TOKEN (set for both servers below).
        "  token: ${ACTIONS_TOKEN}\n"
        "nlg:\n  type: bot.rasa_ext.nlg.VariedNLG\n"
        + (
            f"tracker_store:\n  type: {TRACKER_STORE_TYPE}\n"
            f'  dialect: "sqlite"\n  db: "{assistant.tracker_db}"\n'
            + (f"  cache_seconds: {tracker_cache_seconds}\n" if tracker_cache_seconds is not None else "")
            if sqlite_tracker_store
            else ""
        )
        + extra_endpoints,
        encoding="utf-8",
    )
    # The actions' own database (activities, municipalities, meldpunten), prepared as `make run` does.
    database_url = f"sqlite:///{workdir / 'bot.db'}"
    engine = make_engine(database_url)
    prepare_database(engine)
    engine.dispose()
    env = {
        **os.environ,
        **QUIET_ENV,
        "DATABASE_URL": database_url,
        "ACTIONS_TOKEN": assistant.actions_token,
        **(env or {}),
    }
    actions_log = workdir / "actions.log"
    rasa_log = workdir / "rasa.log"
    actions = subprocess.Popen(
        [str(VENV_BIN / "python"), "-m", "actions.server", "--port", str(assistant.actions_port)],
        cwd=ROOT,
        env=env,
        stdout=actions_log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    assistant.processes.append(actions)
    # As `make run`: Rasa reads its API token from RASA_TOKEN (bot/rasa_ext/api_token.py).
    rasa_env = {**env, "RASA_TOKEN": api_token or ""}
    rasa = subprocess.Popen(
        [
            str(VENV_BIN / "python"),
            "-m",
            "bot.rasa_ext.server",  # `rasa run` as `make run` starts it
            "run",
            "--model",
            str(model),
            "--endpoints",
            str(endpoints),
            "--credentials",
            str(ROOT / "credentials.yml"),
            "--interface",
            "127.0.0.1",
            "--port",
            str(assistant.rasa_port),
            *extra_args,
        ],
        cwd=ROOT,
        env=rasa_env,
        stdout=rasa_log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    assistant.processes.append(rasa)
    try:
        wait_for(f"http://127.0.0.1:{assistant.actions_port}/health", actions, actions_log, 120)
        wait_for(f"http://127.0.0.1:{assistant.rasa_port}/webhooks/rest/", rasa, rasa_log, 240)
    except Exception:
        assistant.stop()
        raise
    return assistant
