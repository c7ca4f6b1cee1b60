"""The cluster profile's configuration (bot/cluster.py): the files it writes and the processes it runs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from rasa.utils.endpoints import read_endpoint_config

from bot.cluster import ClusterSettings, processes, render, write_configuration


@pytest.fixture
def settings(tmp_path: Path) -> ClusterSettings:
    return ClusterSettings.from_env(
        {"CLUSTER_CONFIG_DIR": str(tmp_path), "RABBITMQ_URL": "amqp://u:p@mq:5673"}
    )


def test_settings_come_from_the_environment() -> None:
    settings = ClusterSettings.from_env(
        {"CLUSTER_POSTGRES_URL": "postgresql://app:geheim@db:5433", "CLUSTER_RASA_PORTS": "6000,6001,6002"}
    )
    assert settings.rasa_ports == (6000, 6001, 6002)
    assert settings.app_database_url == "postgresql://app:geheim@db:5433/eenzaamheid"
    assert settings.tracker_database_url == "postgresql://app:geheim@db:5433/eenzaamheid_tracker"


def test_a_template_field_without_a_value_is_an_error() -> None:
    assert render("a ${x} b ${KEEP}", {"x": 1}, frozenset({"KEEP"})) == "a 1 b ${KEEP}"
    with pytest.raises(KeyError):
        render("a ${y}", {"x": 1})


def test_rasa_reads_the_endpoints_with_shared_cache_redis_locks_and_the_broker(
    settings: ClusterSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACTIONS_TOKEN", "t0k3n")
    path = write_configuration(settings)["endpoints.yml"]
    assert path.stat().st_mode & 0o077 == 0
    tracker = read_endpoint_config(str(path), "tracker_store")
    assert (
        tracker is not None
        and tracker.kwargs["shared"] is True
        and tracker.kwargs["db"] == "eenzaamheid_tracker"
    )
    lock = read_endpoint_config(str(path), "lock_store")
    assert lock is not None and lock.type == "bot.rasa_ext.lock_store.DegradableRedisLockStore"
    broker = read_endpoint_config(str(path), "event_broker")
    assert (
        broker is not None and broker.type == "pika" and broker.url == "mq" and broker.kwargs["port"] == 5673
    )
    assert broker.kwargs["queues"] == ["rasa_events"]
    action = read_endpoint_config(str(path), "action_endpoint")
    assert action is not None and action.token == "t0k3n" and action.url == "http://127.0.0.1:5055/webhook"
    assert yaml.safe_load(path.read_text())["nlg"]["type"] == "bot.rasa_ext.nlg.VariedNLG"


@pytest.mark.skipif(shutil.which("haproxy") is None, reason="HAProxy is not installed")
def test_haproxy_accepts_the_configuration(settings: ClusterSettings) -> None:
    path = write_configuration(settings)["haproxy.cfg"]
    text = path.read_text()
    assert "server gateway-1 127.0.0.1:8180" in text and "server gateway-2 127.0.0.1:8181" in text
    checked = subprocess.run(["haproxy", "-c", "-f", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_every_process_of_the_profile_with_its_settings(settings: ClusterSettings) -> None:
    specs = {spec.name: spec for spec in processes(settings, {"RASA_TOKEN": "r", "ACTIONS_TOKEN": "a"})}
    assert set(specs) == {
        "actions-1", "actions-2", "rasa-1", "rasa-2", "gateway-1", "gateway-2", "deliver", "insight",
        "haproxy",
    }  # fmt: skip
    gateway = specs["gateway-1"].env
    assert gateway["RASA_URL"] == "http://127.0.0.1:5005,http://127.0.0.1:5006"
    assert gateway["REDIS_URL"] == settings.redis_url and gateway["GATEWAY_TRUSTED_PROXIES"] == "127.0.0.1"
    assert gateway["DATABASE_URL"].endswith("/eenzaamheid")
    rasa = specs["rasa-2"]
    assert (
        "--enable-api" in rasa.argv and "5006" in rasa.argv and "r" not in rasa.argv
    )  # tokens never on argv
    assert rasa.env["RASA_TOKEN"] == "r" and rasa.env["TICKET_LOCK_LIFETIME"] == "10"
    assert specs["haproxy"].argv[-1] == "-db"  # in the foreground, under the supervisor
