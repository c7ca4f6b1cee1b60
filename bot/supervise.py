"""A small process supervisor: keeps a list of named processes running until Ctrl-C or SIGTERM.

Used by `make run` (`bot.embedded`) and `make cluster` (`bot.cluster`). For each process it
- starts `argv` with the supervisor's own environment plus `env`, in the supervisor's working
  directory, in a session of its own (Ctrl-C in the terminal reaches only the supervisor, which then
  stops them all; a child also gets SIGTERM when the supervisor itself dies, even by SIGKILL);
- writes the pid to `<run_dir>/<name>.pid` and the output to `<log_dir>/<name>.log` (by default
  `var/run/` and `var/log/`, or `run/` and `log/` under `VAR_DIR`; directories 0700, files 0600; the
  previous run's log is kept as `<name>.log.1`);
- when `ready_url` is set, polls it and says once when the process answers;
- restarts a process that exits when it was not asked to, after 1 s, then 2, 4, 8 ... up to 30 s
  when it keeps failing; the delay starts again at 1 s after a run of at least a minute. Each exit
  and each restart is one line on the supervisor's stderr;
- on SIGINT, SIGTERM or SIGHUP sends every process SIGTERM, after a grace period (10 s) SIGKILL, and
  removes the pid files.

API (for a profile that builds its own list of processes):

    from bot.supervise import ProcessSpec, run_supervised
    specs = [ProcessSpec("actions", (python, "-m", "actions.server"), {}, "http://127.0.0.1:5055/health")]
    raise SystemExit(run_supervised(specs))   # blocks until stopped; 0 after a clean stop

`supervise(specs)` is the same as a coroutine (it installs the signal handlers in the running loop);
`Supervisor` is the class behind both; directories and `RestartPolicy` (delays, grace) can be passed.
Any object with `name`, `argv`, `env` and `ready_url` attributes serves as a spec.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import os
import signal
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TextIO

ROOT = Path(__file__).resolve().parents[1]
PR_SET_PDEATHSIG = 1
READY_POLL_SECONDS = 0.5
READY_TIMEOUT_SECONDS = 2.0
# Opens the supervisor's own line in a process's log at each start.
START_MARK = "--- supervise:"


class ProcessLike(Protocol):
    """What the supervisor reads from a process description."""

    @property
    def name(self) -> str:
        """Names the pid file and the log file."""

    @property
    def argv(self) -> Sequence[str]:
        """The command."""

    @property
    def env(self) -> Mapping[str, str]:
        """Added to the supervisor's own environment."""

    @property
    def ready_url(self) -> str | None:
        """Answers with 200 once the process is ready, or None."""


@dataclass(frozen=True)
class ProcessSpec:
    """One supervised process: its name (pid and log file), command, extra environment, readiness URL."""

    name: str
    argv: Sequence[str]
    env: Mapping[str, str] = field(default_factory=dict)
    ready_url: str | None = None


@dataclass(frozen=True)
class RestartPolicy:
    """When a process that exited is started again, and how long a stopping process may take."""

    first_delay: float = 1.0
    max_delay: float = 30.0
    # A process that ran at least this long starts again after `first_delay`.
    stable_after: float = 60.0
    # Seconds between SIGTERM and SIGKILL when stopping.
    grace: float = 10.0


class Backoff:
    """The delays before one process's restarts: doubling while it keeps failing, reset when it held."""

    def __init__(self, policy: RestartPolicy) -> None:
        self.policy = policy
        self._next = policy.first_delay

    def after_exit(self, uptime: float) -> float:
        """The delay before the restart of a process that ran `uptime` seconds."""
        if uptime >= self.policy.stable_after:
            self._next = self.policy.first_delay
        delay = self._next
        self._next = min(self.policy.max_delay, delay * 2)
        return delay


def describe_exit(returncode: int) -> str:
    """'exited with code 1' or 'was killed by SIGKILL'."""
    if returncode < 0:
        try:
            return f"was killed by {signal.Signals(-returncode).name}"
        except ValueError:
            return f"was killed by signal {-returncode}"
    return f"exited with code {returncode}"


def last_line(path: Path, limit: int = 200) -> str:
    """The last non-empty line of a log file (for the crash line), shortened to `limit` characters."""
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            handle.seek(max(0, handle.tell() - 4096))
            tail = handle.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
    lines = [line.strip() for line in tail.splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith(START_MARK)]
    return lines[-1][:limit] if lines else ""


def _load_prctl() -> Callable[[int, int], int] | None:
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # not Linux
        return None


# Looked up here, not in the child: between fork and exec as little as possible happens.
_PRCTL = _load_prctl()


def _die_with_parent(parent: int) -> Callable[[], None]:
    """Run in the child before exec: SIGTERM when the supervisor dies (Linux), even by SIGKILL."""

    def set_death_signal() -> None:
        if _PRCTL is not None:
            _PRCTL(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # the supervisor died before prctl took effect
            os._exit(1)

    return set_death_signal


def answers(url: str) -> bool:
    """Whether `url` answers with a 2xx status right now."""
    try:
        with urllib.request.urlopen(url, timeout=READY_TIMEOUT_SECONDS) as response:
            return 200 <= int(response.status) < 300
    except (urllib.error.URLError, OSError, ValueError):
        return False


class Supervisor:
    """Starts the processes, restarts those that exit, stops them all on `stop()`."""

    def __init__(
        self,
        specs: Sequence[ProcessLike],
        run_dir: Path | None = None,
        log_dir: Path | None = None,
        policy: RestartPolicy | None = None,
        out: TextIO | None = None,
    ) -> None:
        names = [spec.name for spec in specs]
        if len(set(names)) != len(names):
            raise ValueError(f"process names must be unique: {names}")
        var = Path(os.environ.get("VAR_DIR") or ROOT / "var")
        self.specs = list(specs)
        self.run_dir = run_dir or var / "run"
        self.log_dir = log_dir or var / "log"
        self.policy = policy or RestartPolicy()
        self._out = out
        self._stopping = asyncio.Event()
        self._running: dict[str, asyncio.subprocess.Process] = {}

    def say(self, line: str) -> None:
        """One line of the supervisor's own log."""
        out = self._out or sys.stderr
        print(f"{time.strftime('%H:%M:%S')} supervise: {line}", file=out, flush=True)

    def pid_file(self, name: str) -> Path:
        """Where the pid of process `name` is."""
        return self.run_dir / f"{name}.pid"

    def log_file(self, name: str) -> Path:
        """Where the output of process `name` goes."""
        return self.log_dir / f"{name}.log"

    def _prepare_directories(self) -> None:
        for directory in (self.run_dir, self.log_dir):
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            directory.chmod(0o700)
        for spec in self.specs:
            log = self.log_file(spec.name)
            if log.exists():
                log.replace(log.with_name(log.name + ".1"))

    def _write_pid(self, name: str, pid: int) -> None:
        path = self.pid_file(name)
        temporary = path.with_name(path.name + ".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(f"{pid}\n")
        temporary.replace(path)  # readers never see a half-written file

    async def _start(self, spec: ProcessLike) -> asyncio.subprocess.Process:
        descriptor = os.open(self.log_file(spec.name), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            stamp = time.strftime("%Y-%m-%d %H:%M:%S")
            os.write(descriptor, f"{START_MARK} {stamp} starting {spec.name}\n".encode())
            process = await asyncio.create_subprocess_exec(
                *spec.argv,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=descriptor,
                stderr=asyncio.subprocess.STDOUT,
                env={**os.environ, "PYTHONUNBUFFERED": "1", **spec.env},
                start_new_session=True,
                preexec_fn=_die_with_parent(os.getpid()),
            )
        finally:
            os.close(descriptor)
        self._running[spec.name] = process
        self._write_pid(spec.name, process.pid)
        return process

    async def _watch_ready(
        self, spec: ProcessLike, process: asyncio.subprocess.Process, started: float
    ) -> None:
        url = spec.ready_url
        if url is None:
            return
        while process.returncode is None:
            if await asyncio.to_thread(answers, url):
                self.say(f"{spec.name} is ready (pid {process.pid}, {time.monotonic() - started:.0f} s)")
                return
            await asyncio.sleep(READY_POLL_SECONDS)

    async def _keep_running(self, spec: ProcessLike) -> None:
        """Run one process until the supervisor stops, restarting it with back-off when it exits."""
        backoff = Backoff(self.policy)
        restarts = 0
        while not self._stopping.is_set():
            try:
                process = await self._start(spec)
            except OSError as error:
                self.say(f"{spec.name} could not start: {error}")
                returncode, uptime = None, 0.0
            else:
                if self._stopping.is_set():  # started while everything was being stopped
                    self._signal(process, signal.SIGTERM)
                started = time.monotonic()
                if restarts:
                    self.say(f"{spec.name} restarted (pid {process.pid}, restart {restarts})")
                else:
                    self.say(f"{spec.name} started (pid {process.pid}, log {self.log_file(spec.name)})")
                watcher = asyncio.create_task(self._watch_ready(spec, process, started))
                returncode = await process.wait()
                watcher.cancel()
                uptime = time.monotonic() - started
                if self._stopping.is_set():
                    return
                self.pid_file(spec.name).unlink(missing_ok=True)
            delay = backoff.after_exit(uptime)
            restarts += 1
            what = describe_exit(returncode) if returncode is not None else "did not start"
            hint = last_line(self.log_file(spec.name))
            self.say(
                f"{spec.name} {what} after {uptime:.0f} s; restarting in {delay:g} s"
                + (f" (last log line: {hint})" if hint else "")
            )
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), timeout=delay)

    def stop(self) -> None:
        """Ask the supervisor to stop every process (safe to call from a signal handler)."""
        self._stopping.set()

    @staticmethod
    def _signal(process: asyncio.subprocess.Process, signum: int) -> None:
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signum)  # the process and anything it started

    def _still_running(self) -> list[str]:
        return [name for name, process in self._running.items() if process.returncode is None]

    async def _stop_all(self, keepers: list[asyncio.Task[None]]) -> None:
        """SIGTERM to all; SIGKILL to what still runs after the grace period; remove the pid files."""
        running = self._still_running()
        if running:
            self.say(f"stopping {', '.join(running)}")
        for process in list(self._running.values()):
            self._signal(process, signal.SIGTERM)
        _, pending = await asyncio.wait(keepers, timeout=self.policy.grace)
        if pending:
            late = ", ".join(self._still_running())
            self.say(f"still running after {self.policy.grace:g} s, killed: {late}")
            for process in list(self._running.values()):
                self._signal(process, signal.SIGKILL)
            await asyncio.wait(pending)
        for spec in self.specs:
            self.pid_file(spec.name).unlink(missing_ok=True)

    async def run(self) -> int:
        """Start everything, keep it running until `stop()`, then stop it all; 0 when done cleanly."""
        self._prepare_directories()
        keepers = [asyncio.create_task(self._keep_running(spec)) for spec in self.specs]
        try:
            await self._stopping.wait()
        finally:
            self._stopping.set()
            await self._stop_all(keepers)
        self.say("all stopped")
        return 0


async def supervise(
    specs: Sequence[ProcessLike],
    run_dir: Path | None = None,
    log_dir: Path | None = None,
    policy: RestartPolicy | None = None,
) -> int:
    """Run `specs` under a `Supervisor` until SIGINT, SIGTERM or SIGHUP arrives."""
    supervisor = Supervisor(specs, run_dir=run_dir, log_dir=log_dir, policy=policy)
    loop = asyncio.get_running_loop()
    signals = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    for signum in signals:
        loop.add_signal_handler(signum, supervisor.stop)
    try:
        return await supervisor.run()
    finally:
        for signum in signals:
            loop.remove_signal_handler(signum)


def run_supervised(specs: Sequence[ProcessLike]) -> int:
    """Block in `supervise(specs)`; the exit code for the command line."""
    return asyncio.run(supervise(specs))
