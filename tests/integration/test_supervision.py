"""The supervisor (`bot.supervise`) and `make run`'s processes under it (`bot.embedded`), with real kills.

First small stand-in processes: a killed one comes back with a log line and a new pid file, the
back-off grows and starts again after a stable run, Ctrl-C stops all (SIGKILL for one that ignores
SIGTERM), and the processes die with a supervisor that was killed itself. Then the real stack of
`make run` (action server, delivery worker, Rasa, gateway): kill -9 of the action server, while a
visitor chats through the gateway.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.store.db import make_engine
from bot.store.seed import prepare_database
from tests.support.chat_client import ChatClient, bot_text
from tests.support.paths import MODEL, ROOT, VENV_BIN
from tests.support.servers import QUIET_ENV, TRACKER_STORE_TYPE, free_port

pytestmark = pytest.mark.integration

PYTHON = str(VENV_BIN / "python")
# Runs specs given as JSON under the supervisor, with a restart policy given as JSON.
DRIVER = """
import asyncio, json, sys
from bot.supervise import ProcessSpec, RestartPolicy, supervise
specs = [ProcessSpec(**spec) for spec in json.loads(sys.argv[1])]
raise SystemExit(asyncio.run(supervise(specs, policy=RestartPolicy(**json.loads(sys.argv[2])))))
"""
SLEEP = "import time; time.sleep(600)"
IGNORE_SIGTERM = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(600)"
TROUBLE = "er ging bij mij iets mis"


def wait_until(condition: Callable[[], Any], timeout: float, what: str, log: Path | None = None) -> Any:
    """Poll `condition` until it returns something true; fail with `what` (and the log) after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.1)
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    pytest.fail(f"{what} did not happen in {timeout:.0f} s\n{tail}")


def alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie, dead but not yet reaped by init, counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return int(response.status) == 200
    except (urllib.error.URLError, OSError):
        return False


@dataclass
class Supervised:
    """A supervisor process, its directory (run/, log/) and its own output."""

    process: subprocess.Popen[bytes]
    var: Path
    output: Path

    def pid(self, name: str) -> int | None:
        return read_pid(self.var / "run" / f"{name}.pid")

    def wait_pid(self, name: str, other_than: int | None = None, timeout: float = 20) -> int:
        """The pid of `name` once its pid file names a running process other than `other_than`."""

        def current() -> int | None:
            pid = self.pid(name)
            return pid if pid and pid != other_than and alive(pid) else None

        return int(wait_until(current, timeout, f"a new pid for {name}", self.output))

    def said(self) -> str:
        return self.output.read_text(errors="replace")

    def stop(self, signum: int = signal.SIGINT, timeout: float = 30) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signum)
        return self.process.wait(timeout=timeout)


def start_supervisor(workdir: Path, specs: list[dict[str, Any]], policy: dict[str, float]) -> Supervised:
    var = workdir / "var"
    output = workdir / "supervise.out"
    process = subprocess.Popen(
        [PYTHON, "-c", DRIVER, json.dumps(specs), json.dumps(policy)],
        cwd=ROOT,
        env={**os.environ, **QUIET_ENV, "VAR_DIR": str(var)},
        stdout=output.open("wb"),
        stderr=subprocess.STDOUT,
    )
    return Supervised(process, var, output)


def test_a_killed_process_is_restarted_with_growing_back_off(tmp_path: Path) -> None:
    web_port = free_port()
    specs = [
        {"name": "sleeper", "argv": [PYTHON, "-c", SLEEP]},
        {
            "name": "web",
            "argv": [PYTHON, "-m", "http.server", str(web_port), "--bind", "127.0.0.1"],
            "ready_url": f"http://127.0.0.1:{web_port}/",
        },
    ]
    supervised = start_supervisor(tmp_path, specs, {"stable_after": 3.0, "grace": 5.0})
    try:
        web = supervised.wait_pid("web")
        first = supervised.wait_pid("sleeper")
        wait_until(lambda: "web is ready" in supervised.said(), 20, "the readiness line", supervised.output)
        # Private: directories 0700, pid and log files 0600.
        for path in (supervised.var / "run", supervised.var / "log"):
            assert path.stat().st_mode & 0o777 == 0o700
        for path in (supervised.var / "run" / "sleeper.pid", supervised.var / "log" / "sleeper.log"):
            assert path.stat().st_mode & 0o777 == 0o600

        # Killed three times right after each start: 1 s, then 2 s, then 4 s before the restart.
        waited = []
        pid = first
        for _ in range(3):
            os.kill(pid, signal.SIGKILL)
            killed = time.monotonic()
            pid = supervised.wait_pid("sleeper", other_than=pid)
            waited.append(time.monotonic() - killed)
        said = supervised.said()
        assert re.findall(r"sleeper was killed by SIGKILL after \d+ s; restarting in (\d+) s", said) == [
            "1",
            "2",
            "4",
        ], said
        assert said.count("sleeper restarted") == 3
        assert 0.9 <= waited[0] < 3.5 and 1.9 <= waited[1] < 4.5 and 3.9 <= waited[2] < 7, waited

        # After a run longer than `stable_after` (3 s here), the delay is 1 s again.
        time.sleep(3.5)
        os.kill(pid, signal.SIGKILL)
        supervised.wait_pid("sleeper", other_than=pid)
        assert supervised.said().count("restarting in 1 s") == 2

        assert supervised.pid("web") == web and alive(web)  # the other process was left alone
    finally:
        assert supervised.stop() == 0
    assert not list((supervised.var / "run").glob("*.pid"))
    assert not alive(web)


def test_ctrl_c_stops_everything_and_kills_what_ignores_sigterm(tmp_path: Path) -> None:
    specs = [
        {"name": "sleeper", "argv": [PYTHON, "-c", SLEEP]},
        {"name": "stubborn", "argv": [PYTHON, "-c", IGNORE_SIGTERM]},
    ]
    supervised = start_supervisor(tmp_path, specs, {"grace": 2.0})
    sleeper, stubborn = supervised.wait_pid("sleeper"), supervised.wait_pid("stubborn")
    time.sleep(1.0)  # the stubborn one has set up its handler
    started = time.monotonic()
    assert supervised.stop(signal.SIGINT) == 0
    assert time.monotonic() - started < 8
    assert not alive(sleeper) and not alive(stubborn)
    assert not list((supervised.var / "run").glob("*.pid"))
    said = supervised.said()
    assert "stopping sleeper, stubborn" in said and "killed: stubborn" in said and "all stopped" in said


def test_the_processes_end_with_a_supervisor_that_was_killed(tmp_path: Path) -> None:
    supervised = start_supervisor(tmp_path, [{"name": "sleeper", "argv": [PYTHON, "-c", SLEEP]}], {})
    sleeper = supervised.wait_pid("sleeper")
    supervised.process.kill()
    supervised.process.wait(timeout=10)
    wait_until(lambda: not alive(sleeper), 10, "the orphan's end")


# ---- the real stack of `make run` ----


@dataclass
class EmbeddedStack:
    """`python -m bot.embedded` with its own ports, database, tracker store and var directory."""

    supervised: Supervised
    rasa_port: int
    actions_port: int
    gateway_port: int

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.gateway_port}/ws"

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.gateway_port}"

    def log(self, name: str) -> Path:
        return self.supervised.var / "log" / f"{name}.log"


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStack]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}; run `make train` (make test does).")
    workdir = tmp_path_factory.mktemp("embedded")
    rasa_port, actions_port, gateway_port = free_port(), free_port(), free_port()
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n  token: ${{ACTIONS_TOKEN}}\n'
        "nlg:\n  type: bot.rasa_ext.nlg.VariedNLG\n"
        f"tracker_store:\n  type: {TRACKER_STORE_TYPE}\n"
        f'  dialect: "sqlite"\n  db: "{workdir / "tracker.db"}"\n',
        encoding="utf-8",
    )
    database_url = f"sqlite:///{workdir / 'bot.db'}"
    engine = make_engine(database_url)
    prepare_database(engine)
    engine.dispose()
    env = {
        **os.environ,
        **QUIET_ENV,
        "RASA_PORT": str(rasa_port),
        "ACTIONS_PORT": str(actions_port),
        "GATEWAY_PORT": str(gateway_port),
        "GATEWAY_HOST": "127.0.0.1",
        "SOCKETIO_PORT": str(free_port()),
        "GATEWAY_ALLOWED_ORIGINS": f"http://127.0.0.1:{gateway_port}",
        "RASA_ENDPOINTS": str(endpoints),
        "RASA_MODEL": str(MODEL),
        "VAR_DIR": str(workdir / "var"),
        "DATABASE_URL": database_url,
        "RASA_TOKEN": secrets.token_urlsafe(24),
        "ACTIONS_TOKEN": secrets.token_urlsafe(24),
    }
    output = workdir / "supervise.out"
    process = subprocess.Popen(
        [PYTHON, "-m", "bot.embedded"],
        cwd=ROOT,
        env=env,
        stdout=output.open("wb"),
        stderr=subprocess.STDOUT,
    )
    stack = EmbeddedStack(Supervised(process, workdir / "var", output), rasa_port, actions_port, gateway_port)
    try:
        for url in (
            f"http://127.0.0.1:{actions_port}/health",
            f"http://127.0.0.1:{gateway_port}/widget/widget.js",
            f"http://127.0.0.1:{rasa_port}/webhooks/rest/",
        ):
            wait_until(lambda url=url: answers(url), 240, f"{url} answering", output)
        yield stack
    finally:
        stack.supervised.stop()


async def open_chat(session: aiohttp.ClientSession, stack: EmbeddedStack) -> ChatClient:
    chat = ChatClient(await session.ws_connect(stack.ws_url, origin=stack.origin))
    await chat.hello()
    return chat


def trouble_count(frames: list[dict[str, Any]]) -> int:
    return sum(TROUBLE in (f.get("text") or "").lower() for f in frames if f["type"] == "bot")


async def test_the_action_server_killed_under_make_run(embedded: EmbeddedStack) -> None:
    supervised = embedded.supervised
    others = {name: supervised.pid(name) for name in ("rasa", "gateway", "deliver")}
    async with aiohttp.ClientSession() as session:
        talking = await open_chat(session, embedded)
        assert "geen mens" in bot_text(await talking.say("hallo"))

        actions = supervised.pid("actions")
        assert actions is not None
        os.kill(actions, signal.SIGKILL)
        # Within the first second nothing runs on the action server's port: every custom action fails.
        during = await talking.say("ik voel me zo alleen")
        text = bot_text(during)
        assert TROUBLE in text.lower() and "113" in text and "112" in text, during
        assert trouble_count(during) == 1, during  # once, however many actions failed
        newcomer = await open_chat(session, embedded)
        first = await newcomer.say("hallo")  # the session start is a custom action too
        assert trouble_count(first) == 1 and "112" in bot_text(first), first

        restarted = supervised.wait_pid("actions", other_than=actions, timeout=10)
        wait_until(lambda: answers(f"http://127.0.0.1:{embedded.actions_port}/health"), 60, "actions")
        said = supervised.said()
        assert "actions was killed by SIGKILL" in said and "restarting in 1 s" in said
        assert f"actions restarted (pid {restarted}" in said

        after = await talking.say("ik voel me zo alleen")
        assert bot_text(after) and trouble_count(after) == 0, after
        welcome = await newcomer.say("hallo")
        assert "geen mens" in bot_text(welcome) and trouble_count(welcome) == 0, welcome

    # The rest kept running, untouched.
    assert {name: supervised.pid(name) for name in others} == others
    assert all(pid is not None and alive(pid) for pid in others.values())


def test_ctrl_c_stops_the_whole_stack(embedded: EmbeddedStack) -> None:
    supervised = embedded.supervised
    pids = [supervised.pid(name) for name in ("actions", "deliver", "rasa", "gateway")]
    assert all(pid is not None for pid in pids)
    assert supervised.stop(signal.SIGINT, timeout=40) == 0
    assert not any(alive(pid) for pid in pids if pid is not None)
    assert not list((supervised.var / "run").glob("*.pid"))
    assert not answers(f"http://127.0.0.1:{embedded.gateway_port}/widget/widget.js")
