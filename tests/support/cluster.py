"""Several Rasa replicas, action servers and gateways on one PostgreSQL and Redis, for tests and the bench.

Everything runs as real processes on free ports: Rasa through `bot.rasa_ext.server` (as `make run`),
with the tracker store on a fresh PostgreSQL database and Rasa's Redis lock store under a prefix of
its own, so that tests never meet each other's conversations or locks.
"""

from __future__ import annotations

import dataclasses
import os
import secrets
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.cluster import ClusterSettings, processes, write_configuration
from bot.store.db import make_engine
from bot.store.seed import prepare_database
from bot.supervise import ProcessSpec
from tests.support.databases import POSTGRES_URL, require_postgres
from tests.support.gateway import ONE_ADDRESS_LIMITS
from tests.support.paths import MODEL, ROOT, VENV_BIN
from tests.support.servers import QUIET_ENV, free_port, post_json, wait_for

REDIS_HOST = os.environ.get("TEST_REDIS_HOST", "127.0.0.1")
REDIS_PORT = int(os.environ.get("TEST_REDIS_PORT", "6379"))
# Rasa's lock store uses this Redis database in the tests (the cluster profile uses 1, Rasa's default).
REDIS_LOCK_DB = 3


def redis_available() -> bool:
    """Tell whether the test Redis answers."""
    import redis

    try:
        return bool(redis.Redis(host=REDIS_HOST, port=REDIS_PORT, socket_timeout=3).ping())
    except redis.RedisError:
        return False


def require_redis() -> None:
    """Skip without Redis, except in CI where it must be there."""
    if redis_available():
        return
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"Redis is not reachable at {REDIS_HOST}:{REDIS_PORT}, and CI requires it.")
    pytest.skip(f"Redis is not reachable at {REDIS_HOST}:{REDIS_PORT}")


@contextmanager
def fresh_postgres_database(prefix: str = "replicas") -> Iterator[str]:
    """Yield the URL of a new, empty PostgreSQL database; it is dropped afterwards."""
    require_postgres()
    name = f"{prefix}_{secrets.token_hex(5)}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield str(make_url(POSTGRES_URL).set(database=name))
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def tracker_store_yaml(database_url: str, shared: bool = True) -> str:
    """The cluster's tracker store on `database_url` (`bot.rasa_ext.tracker_store`, shared tables)."""
    url = make_url(database_url)
    return (
        "tracker_store:\n"
        "  type: bot.rasa_ext.tracker_store.CachedSQLTrackerStore\n"
        '  dialect: "postgresql"\n'
        f'  url: "{url.host or "127.0.0.1"}"\n'
        f"  port: {url.port or 5432}\n"
        f'  db: "{url.database}"\n'
        f'  username: "{url.username or "postgres"}"\n'
        + (f'  password: "{url.password}"\n' if url.password else "")
        + f"  shared: {'true' if shared else 'false'}\n"
    )


def lock_store_yaml(prefix: str) -> str:
    """Rasa's Redis lock store (with the degraded mode), under a key prefix of its own (alphanumeric)."""
    return (
        "lock_store:\n  type: bot.rasa_ext.lock_store.DegradableRedisLockStore\n"
        f'  url: "{REDIS_HOST}"\n  port: {REDIS_PORT}\n  db: {REDIS_LOCK_DB}\n  key_prefix: "{prefix}"\n'
    )


def write_endpoints(
    path: Path, actions_url: str, database_url: str, lock_prefix: str, shared: bool = True
) -> Path:
    """An endpoints file for one replica: actions, varied NLG, PostgreSQL tracker store, Redis locks."""
    path.write_text(
        f'action_endpoint:\n  url: "{actions_url}/webhook"\n  token: ${{ACTIONS_TOKEN}}\n'
        "nlg:\n  type: bot.rasa_ext.nlg.VariedNLG\n"
        + tracker_store_yaml(database_url, shared)
        + lock_store_yaml(lock_prefix),
        encoding="utf-8",
    )
    return path


@dataclass
class Process:
    """One started process, where it listens and its log."""

    name: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        """Its base URL."""
        return f"http://127.0.0.1:{self.port}"

    def alive(self) -> bool:
        """Whether it still runs."""
        return self.process.poll() is None

    def kill(self) -> None:
        """kill -9."""
        self.process.kill()
        self.process.wait(timeout=20)

    def stop(self) -> None:
        """Terminate, then kill when it does not stop."""
        if not self.alive():
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=20)


def start_process(name: str, args: list[str], workdir: Path, env: dict[str, str], port: int) -> Process:
    """Start `python <args>` from the project root with its output in workdir/<name>.log."""
    log = workdir / f"{name}.log"
    process = subprocess.Popen(
        [str(VENV_BIN / "python"), *args],
        cwd=ROOT,
        env={**os.environ, **QUIET_ENV, **env},
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )
    return Process(name, port, process, log)


@dataclass
class Replicas:
    """An action server and Rasa replicas sharing one tracker database and one lock store."""

    workdir: Path
    database_url: str
    api_token: str
    actions_token: str
    actions: Process
    app_database_url: str
    rasa: list[Process] = field(default_factory=list)

    def stop(self) -> None:
        """Stop every process."""
        for process in [*self.rasa, self.actions]:
            process.stop()

    def send(
        self, replica: int, sender: str, message: str, message_id: str | None = None
    ) -> list[dict[str, object]]:
        """Send one message through one replica's REST channel; the replies."""
        body: dict[str, str] = {"sender": sender, "message": message}
        if message_id:
            body["message_id"] = message_id
        status, replies = post_json(f"{self.rasa[replica].url}/webhooks/rest/webhook", body, timeout=60)
        assert status == 200, replies
        return list(replies)

    def seen_by(self, replica: int, sender: str) -> list[dict[str, object]]:
        """The tracker's events as this replica works with them (its tracker store's `retrieve`).

        Rasa's `/predict` loads the conversation exactly as a new message would, and changes nothing.
        """
        request = urllib.request.Request(
            f"{self.rasa[replica].url}/conversations/{sender}/predict",
            data=b"",
            method="POST",
            headers={"Authorization": f"Bearer {self.api_token}"},
        )
        import json

        with urllib.request.urlopen(request, timeout=60) as response:
            return list(json.loads(response.read())["tracker"]["events"])


def start_rasa_replica(
    name: str, workdir: Path, endpoints: Path, env: dict[str, str], model: Path = MODEL
) -> Process:
    """`rasa run` (through `bot.rasa_ext.server`, with the API behind RASA_TOKEN) on a free port."""
    port = free_port()
    args = [
        "-m", "bot.rasa_ext.server", "run", "--model", str(model), "--endpoints", str(endpoints),
        "--credentials", str(ROOT / "credentials.yml"), "--interface", "127.0.0.1", "--port", str(port),
        "--enable-api",
    ]  # fmt: skip
    return start_process(name, args, workdir, env, port)


def start_actions(name: str, workdir: Path, env: dict[str, str]) -> Process:
    """The action server on a free port."""
    port = free_port()
    return start_process(name, ["-m", "actions.server", "--port", str(port)], workdir, env, port)


def start_replicas(
    workdir: Path,
    database_url: str,
    count: int = 2,
    shared: bool = True,
    env: dict[str, str] | None = None,
    model: Path = MODEL,
    app_database_url: str | None = None,
) -> Replicas:
    """One action server and `count` Rasa replicas on `database_url` with a Redis lock store.

    The actions' own database is `app_database_url` (prepared here), else a SQLite file in `workdir`.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    app_database = app_database_url or f"sqlite:///{workdir / 'bot.db'}"
    engine = make_engine(app_database)
    prepare_database(engine)
    engine.dispose()
    api_token, actions_token = secrets.token_urlsafe(24), secrets.token_urlsafe(16)
    base_env = {
        "DATABASE_URL": app_database,
        "ACTIONS_TOKEN": actions_token,
        "RASA_TOKEN": api_token,
        **(env or {}),
    }
    actions = start_actions("actions", workdir, base_env)
    replicas = Replicas(workdir, database_url, api_token, actions_token, actions, app_database)
    endpoints = write_endpoints(
        workdir / "endpoints.yml", actions.url, database_url, f"test{secrets.token_hex(4)}", shared
    )
    try:
        wait_for(f"{actions.url}/health", actions.process, actions.log, 120)
        for index in range(count):
            replicas.rasa.append(start_rasa_replica(f"rasa-{index + 1}", workdir, endpoints, base_env, model))
        for replica in replicas.rasa:
            wait_for(f"{replica.url}/webhooks/rest/", replica.process, replica.log, 300)
    except Exception:
        replicas.stop()
        raise
    return replicas


# --- the whole cluster profile (bot/cluster.py) on free ports -----------------------------------

# All test visitors come from 127.0.0.1 and type fast: the gateways' per-visitor and per-address limits
# are lifted (their own tests check them).
LIFTED_LIMITS = {
    **ONE_ADDRESS_LIMITS,
    "GATEWAY_RATE_BURST": "100000",
    "GATEWAY_RATE_PER_SECOND": "100000",
}


@dataclass
class RunningCluster:
    """The processes of `make cluster` (bot/cluster.py), started here on free ports; a Redis of its own."""

    workdir: Path
    settings: ClusterSettings
    api_token: str
    processes: dict[str, Process] = field(default_factory=dict)

    @property
    def url(self) -> str:
        """The load balancer (the website)."""
        return f"http://127.0.0.1:{self.settings.public_port}"

    @property
    def ws_url(self) -> str:
        """The chat socket through the load balancer."""
        return f"ws://127.0.0.1:{self.settings.public_port}/ws"

    def log(self, name: str) -> str:
        """What one process wrote so far."""
        return self.processes[name].log.read_text(errors="replace")

    def restart(self, name: str, env: dict[str, str] | None = None) -> None:
        """Start a stopped or killed process again, as the supervisor would; `env` changes its settings."""
        self.processes[name].stop()
        if env:
            spec = self._specs[name]
            self._specs[name] = dataclasses.replace(spec, env={**spec.env, **env})
        self.processes[name] = self._start(self._specs[name])

    def stop(self) -> None:
        """Stop every process, the load balancer first."""
        for process in reversed(list(self.processes.values())):
            process.stop()

    def _start(self, spec: ProcessSpec) -> Process:
        port = int(spec.ready_url.split(":")[2].split("/")[0]) if spec.ready_url else 0
        log = self.workdir / f"{spec.name}.log"
        process = subprocess.Popen(
            list(spec.argv),
            cwd=ROOT,
            env={**os.environ, **QUIET_ENV, **spec.env},
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
        )
        started = Process(spec.name, port, process, log)
        if spec.ready_url:
            wait_for(spec.ready_url, process, log, 300)
        return started

    _specs: dict[str, ProcessSpec] = field(default_factory=dict)


def start_redis(workdir: Path, port: int | None = None) -> Process:
    """A Redis server of its own (no persistence) on a free port, so a test may stop it."""
    port = port or free_port()
    log = workdir / "redis.log"
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )
    started = Process("redis", port, process, log)
    import redis

    client = redis.Redis(port=port, socket_timeout=1)
    for _ in range(50):
        try:
            client.ping()
            return started
        except redis.RedisError:
            time.sleep(0.1)
    started.stop()
    raise RuntimeError(f"redis-server did not start:\n{log.read_text()}")


def start_cluster(
    workdir: Path,
    app_database: str,
    tracker_database: str,
    model: Path = MODEL,
    env: dict[str, str] | None = None,
    rasa_replicas: int = 2,
    broker: bool = False,
) -> RunningCluster:
    """The cluster profile's processes (without the delivery worker) on free ports and a private Redis.

    `app_database` and `tracker_database` are names of databases on the test PostgreSQL. Without
    `broker` the RabbitMQ event broker is left out of the endpoints (the tests here do not need it).
    """
    require_postgres()
    if shutil.which("haproxy") is None:
        pytest.skip("HAProxy is not installed (make cluster installs it)")
    workdir.mkdir(parents=True, exist_ok=True)
    redis_server = start_redis(workdir)
    settings = ClusterSettings(
        postgres_url=str(make_url(POSTGRES_URL).set(database=None)),
        app_database=app_database,
        tracker_database=tracker_database,
        redis_url=f"redis://127.0.0.1:{redis_server.port}/0",
        public_port=free_port(),
        public_socketio_port=free_port(),
        actions_port=free_port(),
        rasa_ports=tuple(free_port() for _ in range(rasa_replicas)),
        actions_ports=(free_port(),),
        gateway_ports=(free_port(), free_port()),
        socketio_ports=(free_port(), free_port()),
        stats_port=free_port(),
        config_dir=workdir / "config",
    )
    written = write_configuration(settings)
    if not broker:
        endpoints = written["endpoints.yml"].read_text(encoding="utf-8")
        written["endpoints.yml"].write_text(endpoints.split("event_broker:")[0] + _after_broker(endpoints))
    engine = make_engine(settings.app_database_url)
    prepare_database(engine)
    engine.dispose()
    api_token = secrets.token_urlsafe(24)
    tokens = {"RASA_TOKEN": api_token, "ACTIONS_TOKEN": secrets.token_urlsafe(16), **(env or {})}
    cluster = RunningCluster(workdir, settings, api_token)
    cluster.processes["redis"] = redis_server
    specs = [spec for spec in processes(settings, tokens, model) if spec.name != "deliver"]
    cluster._specs = {spec.name: spec for spec in specs}
    try:
        # Rasa replicas load their model side by side; the others start when they are up.
        by_kind = [
            [s for s in specs if s.name.startswith(kind)]
            for kind in ("actions", "rasa", "gateway", "haproxy")
        ]
        for group in by_kind:
            started = []
            for spec in group:
                port = int(spec.ready_url.split(":")[2].split("/")[0]) if spec.ready_url else 0
                log = workdir / f"{spec.name}.log"
                process = subprocess.Popen(
                    list(spec.argv),
                    cwd=ROOT,
                    env={**os.environ, **QUIET_ENV, **spec.env},
                    stdout=log.open("ab"),
                    stderr=subprocess.STDOUT,
                )
                cluster.processes[spec.name] = Process(spec.name, port, process, log)
                started.append(spec)
            for spec in started:
                if spec.ready_url:
                    process = cluster.processes[spec.name]
                    wait_for(spec.ready_url, process.process, process.log, 300)
    except Exception:
        cluster.stop()
        raise
    return cluster


def _after_broker(endpoints: str) -> str:
    """What follows the event broker's block in an endpoints file (the next top-level key on)."""
    lines = endpoints.split("event_broker:")[1].splitlines(keepends=True)[1:]
    for index, line in enumerate(lines):
        if line.strip() and not line.startswith((" ", "#")):
            return "".join(lines[index:])
    return ""
