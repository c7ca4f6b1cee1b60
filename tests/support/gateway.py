"""Starts the real gateway (`python -m bot.web`) on a free port, for web and browser tests and the bench."""

from __future__ import annotations

import os
import secrets
import subprocess
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bot.store.db import make_engine
from bot.store.seed import prepare_database
from tests.support.paths import ROOT, VENV_BIN
from tests.support.servers import QUIET_ENV, RunningAssistant, free_port, start_assistant, wait_for


@dataclass
class RunningGateway:
    """One gateway process, where it listens and its log."""

    port: int
    process: subprocess.Popen[bytes]
    log: Path
    socketio_port: int = 0

    @property
    def socketio_url(self) -> str:
        """Where stock Rasa widgets connect (Rasa's socket.io protocol, at /socket.io/)."""
        return f"http://127.0.0.1:{self.socketio_port}"

    @property
    def url(self) -> str:
        """The demo page."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def origin(self) -> str:
        """The origin of the demo page (allowed by default)."""
        return self.url

    @property
    def ws_url(self) -> str:
        """The chat WebSocket."""
        return f"ws://127.0.0.1:{self.port}/ws"

    def health(self) -> int:
        """The status code of /health."""
        try:
            with urllib.request.urlopen(f"{self.url}/health", timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)

    def stop(self) -> None:
        """Stop the gateway."""
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


# Every client of a test or bench gateway is 127.0.0.1, so the per-client limits (`bot.web.admission`)
# are lifted by default; tests of those limits pass their own values, or `client_limits=True`.
ONE_ADDRESS_LIMITS = {
    "GATEWAY_MAX_SOCKETS_PER_CLIENT": "1000",
    "GATEWAY_CLIENT_RATE_BURST": "100000",
    "GATEWAY_CLIENT_RATE_PER_SECOND": "100000",
    "GATEWAY_CLIENT_IN_FLIGHT": "1000",
    "GATEWAY_TYPING_BURST": "100000",
    "GATEWAY_TYPING_PER_SECOND": "100000",
}


def start_gateway(
    workdir: Path,
    assistant: RunningAssistant | None = None,
    rasa_url: str | None = None,
    actions_url: str | None = None,
    env: dict[str, str] | None = None,
    port: int | None = None,
    client_limits: bool = False,
) -> RunningGateway:
    """Start `python -m bot.web` against `assistant` (or explicit URLs); output in workdir/gateway.log.

    With `client_limits`, the gateway keeps its default per-client limits (else they are lifted).
    """
    workdir.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    log = workdir / "gateway.log"
    settings = {
        "GATEWAY_HOST": "127.0.0.1",
        "GATEWAY_PORT": str(port),
        "GATEWAY_ALLOWED_ORIGINS": f"http://127.0.0.1:{port},http://localhost:{port}",
        "RASA_URL": rasa_url or (assistant.rasa_url if assistant else "http://127.0.0.1:5005"),
        "ACTIONS_URL": actions_url or (assistant.actions_url if assistant else "http://127.0.0.1:5055"),
        "RASA_TOKEN": (assistant.api_token or "") if assistant else "",
        "SOCKETIO_PORT": str(free_port()),
        **({} if client_limits else ONE_ADDRESS_LIMITS),
    }
    if assistant:  # one database for the actions and the gateway, as `make run` has
        settings["DATABASE_URL"] = f"sqlite:///{assistant.workdir / 'bot.db'}"
    else:  # a database of its own, prepared as `make run` does (never the checkout's var/bot.db)
        settings["DATABASE_URL"] = f"sqlite:///{workdir / 'bot.db'}"
        engine = make_engine(settings["DATABASE_URL"])
        prepare_database(engine, example_file=None)
        engine.dispose()
    process = subprocess.Popen(
        [str(VENV_BIN / "python"), "-m", "bot.web"],
        cwd=ROOT,
        env={**os.environ, **QUIET_ENV, **settings, **(env or {})},
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )
    socketio_port = int({**settings, **(env or {})}["SOCKETIO_PORT"])
    gateway = RunningGateway(port=port, process=process, log=log, socketio_port=socketio_port)
    try:
        wait_for(f"{gateway.url}/widget/widget.js", process, log, 60)
    except Exception:
        gateway.stop()
        raise
    return gateway


@dataclass
class Stack:
    """Rasa (with its API token), the action server and the gateway in front of them."""

    assistant: RunningAssistant
    gateway: RunningGateway

    def stop(self) -> None:
        """Stop all three."""
        self.gateway.stop()
        self.assistant.stop()


def start_stack(
    workdir: Path,
    gateway_env: dict[str, str] | None = None,
    assistant_env: dict[str, str] | None = None,
    client_limits: bool = False,
) -> Stack:
    """Start the action server, Rasa with its API and a random token, and a gateway, as `make run` does."""
    assistant = start_assistant(workdir, api_token=secrets.token_urlsafe(24), env=assistant_env)
    try:
        gateway = start_gateway(workdir, assistant, env=gateway_env, client_limits=client_limits)
    except Exception:
        assistant.stop()
        raise
    return Stack(assistant, gateway)
