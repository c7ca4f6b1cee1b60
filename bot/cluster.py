"""The cluster profile (`make cluster`): its settings, its configuration files and its processes.

On this machine's PostgreSQL, Redis and RabbitMQ: two Rasa replicas (SQL tracker store on PostgreSQL
with the cache checked against the database, Redis lock store, RabbitMQ event broker), two action
servers and two gateways behind HAProxy, the delivery worker, all under the supervisor
(`bot.supervise`). `python -m bot.cluster` prepares the databases and the configuration and runs them
all; Ctrl-C stops all.

Ports (each can be changed through the environment, see `ClusterSettings`): the website on 8080 and
socket.io on 8081 (HAProxy), Rasa replicas on 5005 and 5006 (the gateways spread visitors over them
themselves and fail over), action servers on 5155 and 5156 behind HAProxy on 5055, gateways on 8180
and 8181 (socket.io 8182 and 8183), HAProxy's status page on 127.0.0.1:8404.
"""

from __future__ import annotations

import os
import shutil
import string
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from bot.supervise import ProcessSpec, run_supervised

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "deploy" / "cluster"
VAR = ROOT / "var"
CONFIG_DIR = VAR / "cluster"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
# The lock store's Redis database (Rasa's default); live frames use the database in REDIS_URL.
REDIS_LOCK_DB = 1
# Seconds a replica's lock on a conversation lasts at most: after a replica was killed, the other one
# takes over its conversations this much later at the latest (Rasa's default is 60).
TICKET_LOCK_LIFETIME = 10


def _ports(value: str) -> tuple[int, ...]:
    return tuple(int(part) for part in value.split(",") if part.strip())


@dataclass(frozen=True)
class ClusterSettings:
    """Where the cluster's services are and which ports its processes use.

    Environment variables (all optional): `CLUSTER_POSTGRES_URL` (postgresql://postgres@127.0.0.1:5432),
    `CLUSTER_APP_DATABASE` (eenzaamheid), `CLUSTER_TRACKER_DATABASE` (eenzaamheid_tracker), `REDIS_URL`
    (redis://127.0.0.1:6379/0), `RABBITMQ_URL` (amqp://guest:guest@127.0.0.1:5672), `EVENTS_QUEUE`
    (rasa_events), `CLUSTER_HOST` (127.0.0.1), `GATEWAY_PORT` (8080), `SOCKETIO_PORT` (8081),
    `ACTIONS_PORT` (5055), `CLUSTER_RASA_PORTS` (5005,5006), `CLUSTER_ACTIONS_PORTS` (5155,5156),
    `CLUSTER_GATEWAY_PORTS` (8180,8181), `CLUSTER_SOCKETIO_PORTS` (8182,8183), `HAPROXY_STATS_PORT`
    (8404), `HAPROXY` (haproxy on PATH).
    """

    postgres_url: str = "postgresql://postgres@127.0.0.1:5432"
    app_database: str = "eenzaamheid"
    tracker_database: str = "eenzaamheid_tracker"
    redis_url: str = "redis://127.0.0.1:6379/0"
    rabbitmq_url: str = "amqp://guest:guest@127.0.0.1:5672"
    events_queue: str = "rasa_events"
    host: str = "127.0.0.1"
    public_port: int = 8080
    public_socketio_port: int = 8081
    actions_port: int = 5055
    rasa_ports: tuple[int, ...] = (5005, 5006)
    actions_ports: tuple[int, ...] = (5155, 5156)
    gateway_ports: tuple[int, ...] = (8180, 8181)
    socketio_ports: tuple[int, ...] = (8182, 8183)
    stats_port: int = 8404
    haproxy: str = "haproxy"
    config_dir: Path = field(default=CONFIG_DIR)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ClusterSettings:
        """Settings from the environment; unset ones keep their default."""
        env = os.environ if env is None else env
        d = cls()

        def get(name: str, default: str) -> str:
            return env.get(name, "").strip() or default

        return cls(
            postgres_url=get("CLUSTER_POSTGRES_URL", d.postgres_url),
            app_database=get("CLUSTER_APP_DATABASE", d.app_database),
            tracker_database=get("CLUSTER_TRACKER_DATABASE", d.tracker_database),
            redis_url=get("REDIS_URL", d.redis_url),
            rabbitmq_url=get("RABBITMQ_URL", d.rabbitmq_url),
            events_queue=get("EVENTS_QUEUE", d.events_queue),
            host=get("CLUSTER_HOST", d.host),
            public_port=int(get("GATEWAY_PORT", str(d.public_port))),
            public_socketio_port=int(get("SOCKETIO_PORT", str(d.public_socketio_port))),
            actions_port=int(get("ACTIONS_PORT", str(d.actions_port))),
            rasa_ports=_ports(get("CLUSTER_RASA_PORTS", "5005,5006")),
            actions_ports=_ports(get("CLUSTER_ACTIONS_PORTS", "5155,5156")),
            gateway_ports=_ports(get("CLUSTER_GATEWAY_PORTS", "8180,8181")),
            socketio_ports=_ports(get("CLUSTER_SOCKETIO_PORTS", "8182,8183")),
            stats_port=int(get("HAPROXY_STATS_PORT", str(d.stats_port))),
            haproxy=get("HAPROXY", d.haproxy),
            config_dir=Path(get("CLUSTER_CONFIG_DIR", str(CONFIG_DIR))),
        )

    def database_url(self, name: str) -> str:
        """The URL of one database on the cluster's PostgreSQL."""
        return str(make_url(self.postgres_url).set(database=name).render_as_string(hide_password=False))

    @property
    def app_database_url(self) -> str:
        """The app database (activities, meldingen, accounts, handovers)."""
        return self.database_url(self.app_database)

    @property
    def tracker_database_url(self) -> str:
        """Rasa's tracker store."""
        return self.database_url(self.tracker_database)

    @property
    def rasa_urls(self) -> list[str]:
        """The Rasa replicas, as the gateways reach them."""
        return [f"http://127.0.0.1:{port}" for port in self.rasa_ports]


def ensure_databases(settings: ClusterSettings) -> list[str]:
    """Create the app and tracker databases when they are missing; the names of those created."""
    admin = create_engine(settings.database_url("postgres"), isolation_level="AUTOCOMMIT")
    created = []
    try:
        with admin.connect() as connection:
            for name in (settings.app_database, settings.tracker_database):
                exists = connection.execute(
                    text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
                ).first()
                if exists is None:
                    connection.execute(text(f'CREATE DATABASE "{name}"'))
                    created.append(name)
    finally:
        admin.dispose()
    return created


def _servers(prefix: str, ports: tuple[int, ...]) -> str:
    return "\n".join(f"    server {prefix}-{n} 127.0.0.1:{port}" for n, port in enumerate(ports, start=1))


def render(template: str, values: Mapping[str, object], keep: frozenset[str] = frozenset()) -> str:
    """Fill a template's `${name}` fields; every field must be known, except those in `keep`."""
    pattern = string.Template(template)
    fields = {m.group("named") or m.group("braced") for m in pattern.pattern.finditer(template)} - {None}
    unknown = {name for name in fields if name not in values} - keep
    if unknown:
        raise KeyError(f"template fields without a value: {sorted(unknown)}")
    return pattern.safe_substitute({k: str(v) for k, v in values.items()})


def template_values(settings: ClusterSettings) -> dict[str, object]:
    """Every field the cluster's templates use."""
    pg = make_url(settings.postgres_url)
    redis = make_url(settings.redis_url.replace("redis://", "redis+x://", 1))
    rabbit: URL = make_url(settings.rabbitmq_url.replace("amqp://", "amqp+x://", 1))
    password = f'  password: "{pg.password}"' if pg.password else ""
    return {
        "host": settings.host,
        "public_port": settings.public_port,
        "public_socketio_port": settings.public_socketio_port,
        "actions_port": settings.actions_port,
        "stats_port": settings.stats_port,
        "gateway_servers": _servers("gateway", settings.gateway_ports),
        "socketio_servers": _servers("socketio", settings.socketio_ports),
        "actions_servers": _servers("actions", settings.actions_ports),
        "pg_host": pg.host or "127.0.0.1",
        "pg_port": pg.port or 5432,
        "pg_user": pg.username or "postgres",
        "pg_password_line": password,
        "tracker_database": settings.tracker_database,
        "redis_host": redis.host or "127.0.0.1",
        "redis_port": redis.port or 6379,
        "redis_lock_db": REDIS_LOCK_DB,
        "rabbitmq_host": rabbit.host or "127.0.0.1",
        "rabbitmq_port": rabbit.port or 5672,
        "rabbitmq_user": rabbit.username or "guest",
        "rabbitmq_password": rabbit.password or "guest",
        "events_queue": settings.events_queue,
    }


def write_configuration(settings: ClusterSettings) -> dict[str, Path]:
    """Write HAProxy's configuration and Rasa's endpoints for the cluster; their paths."""
    settings.config_dir.mkdir(parents=True, exist_ok=True)
    values = template_values(settings)
    written = {}
    for name, keep in (("haproxy.cfg", frozenset()), ("endpoints.yml", frozenset({"ACTIONS_TOKEN"}))):
        template = (TEMPLATES / f"{name}.template").read_text(encoding="utf-8")
        path = settings.config_dir / name
        path.write_text(render(template, values, keep), encoding="utf-8")
        path.chmod(0o600)  # the endpoints name the database user and RabbitMQ's password
        written[name] = path
    return written


def processes(
    settings: ClusterSettings, secrets: Mapping[str, str], model: Path = ROOT / "models" / "current.tar.gz"
) -> list[ProcessSpec]:
    """Every process of the cluster, in start order: action servers, Rasa replicas, gateways, HAProxy.

    `secrets` holds RASA_TOKEN and ACTIONS_TOKEN (made by scripts/cluster.sh when not set).
    """
    common = {
        "DATABASE_URL": settings.app_database_url,
        "TRACKER_DATABASE_URL": settings.tracker_database_url,
        **secrets,
    }
    endpoints = settings.config_dir / "endpoints.yml"
    result = [
        ProcessSpec(
            f"actions-{n}",
            (PYTHON, "-m", "actions.server", "--port", str(port)),
            common,
            f"http://127.0.0.1:{port}/health",
        )
        for n, port in enumerate(settings.actions_ports, start=1)
    ]
    result += [
        ProcessSpec(
            f"rasa-{n}",
            (
                PYTHON, "-m", "bot.rasa_ext.server", "run", "--model", str(model),
                "--endpoints", str(endpoints), "--credentials", str(ROOT / "credentials.yml"),
                "--interface", "127.0.0.1", "--port", str(port), "--enable-api",
            ),  # fmt: skip
            {**common, "TICKET_LOCK_LIFETIME": str(TICKET_LOCK_LIFETIME)},
            f"http://127.0.0.1:{port}/webhooks/rest/",
        )
        for n, port in enumerate(settings.rasa_ports, start=1)
    ]
    origins = f"http://localhost:{settings.public_port},http://127.0.0.1:{settings.public_port}"
    result += [
        ProcessSpec(
            f"gateway-{n}",
            (PYTHON, "-m", "bot.web"),
            {
                **common,
                "GATEWAY_HOST": "127.0.0.1",
                "GATEWAY_PORT": str(port),
                "SOCKETIO_PORT": str(socketio_port),
                "GATEWAY_ALLOWED_ORIGINS": os.environ.get("GATEWAY_ALLOWED_ORIGINS", origins),
                "GATEWAY_TRUSTED_PROXIES": "127.0.0.1",
                "RASA_URL": ",".join(settings.rasa_urls),
                "ACTIONS_URL": f"http://127.0.0.1:{settings.actions_port}",
                "REDIS_URL": settings.redis_url,
            },
            f"http://127.0.0.1:{port}/widget/widget.js",
        )
        for n, (port, socketio_port) in enumerate(
            zip(settings.gateway_ports, settings.socketio_ports, strict=True), start=1
        )
    ]
    result.append(ProcessSpec("deliver", (PYTHON, "-m", "bot", "deliver"), common))
    # Exactly one consumer of Rasa's events: the anonymous counts of /inzicht (bot/insight/consumer.py).
    result.append(
        ProcessSpec(
            "insight",
            (PYTHON, "-m", "bot", "insight-consumer"),
            {**common, "RABBITMQ_URL": settings.rabbitmq_url, "EVENTS_QUEUE": settings.events_queue},
        )
    )
    result.append(
        ProcessSpec(
            "haproxy",
            (settings.haproxy, "-f", str(settings.config_dir / "haproxy.cfg"), "-db"),
            {},
            f"http://127.0.0.1:{settings.stats_port}/",
        )
    )
    return result


def find_haproxy(settings: ClusterSettings) -> str | None:
    """The HAProxy program, or None when it is not installed."""
    return shutil.which(settings.haproxy)


def prepare(settings: ClusterSettings) -> dict[str, Path]:
    """Everything before the processes start: databases, migrations and reference data, configuration."""
    from bot.store.db import make_engine  # noqa: PLC0415 - the store is only needed here
    from bot.store.seed import prepare_database  # noqa: PLC0415

    for name in ensure_databases(settings):
        print(f"Created the PostgreSQL database {name}.")
    engine = make_engine(settings.app_database_url)
    try:
        prepare_database(engine)
    finally:
        engine.dispose()
    return write_configuration(settings)


def main() -> int:
    """Prepare the databases and the configuration, then run every process under the supervisor."""
    settings = ClusterSettings.from_env()
    if find_haproxy(settings) is None:
        print(f"HAProxy ({settings.haproxy}) is missing; scripts/cluster.sh installs it.", file=sys.stderr)
        return 1
    missing = [name for name in ("RASA_TOKEN", "ACTIONS_TOKEN") if not os.environ.get(name)]
    if missing:
        print(f"Set {' and '.join(missing)} (scripts/cluster.sh makes random ones).", file=sys.stderr)
        return 1
    prepare(settings)
    secrets = {name: os.environ[name] for name in ("RASA_TOKEN", "ACTIONS_TOKEN")}
    print(f"Website chat through HAProxy: http://localhost:{settings.public_port}/")
    print(f"Stock Rasa widgets (socket.io): http://localhost:{settings.public_socketio_port}/socket.io/")
    print(f"HAProxy status: http://127.0.0.1:{settings.stats_port}/")
    return run_supervised(processes(settings, secrets))


if __name__ == "__main__":
    sys.exit(main())
