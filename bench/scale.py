"""Throughput and latency with one and with two Rasa replicas, beside the stock `rasa init` assistant.

At 20, 50 and 100 concurrent conversations, in one run:
- `stock`: the assistant `rasa init` makes, over its REST channel (in-memory tracker store);
- `one_replica` and `two_replicas`: this assistant in the cluster profile (`bot/cluster.py`: PostgreSQL
  tracker store, Redis lock store, two gateways behind HAProxy), visitors on WebSockets through the load
  balancer, the gateways told about one replica or about both.
The one- and two-replica rounds alternate (the gateways are restarted with the other replica list in
between), so a machine that gets busier during the run affects both alike. Where the time goes is
measured per process as CPU seconds per message (from /proc), and as the machine's idle share.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
import uuid
from pathlib import Path
from typing import Any

import aiohttp

from bench.latency import BASELINE_SCRIPT, OUR_SCRIPT, percentile, prepare_baseline, start_baseline
from tests.support.chat_client import ChatClient
from tests.support.cluster import LIFTED_LIMITS, RunningCluster, fresh_postgres_database, start_cluster

LEVELS = (20, 50, 100)
MESSAGES_PER_CONVERSATION = 8
ROUNDS = 2  # per level and set-up, alternating
# Measuring, not protecting: the gateways' per-visitor and per-address limits are lifted.
BENCH_ENV = {
    **LIFTED_LIMITS,
    "RASA_TIMEOUT": "300",
    "GATEWAY_MAX_SOCKETS": "100000",
}
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def machine_idle() -> tuple[float, float]:
    """(idle, total) jiffies of the whole machine so far."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return values[3] + values[4], sum(values)


async def _ws_conversation(url: str, origin: str, latencies: list[float]) -> None:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=600)) as session:
        ws = await session.ws_connect(url, origin=origin)
        client = ChatClient(ws)
        await client.hello()
        for index in range(MESSAGES_PER_CONVERSATION):
            started = time.perf_counter()
            frames = await client.say(OUR_SCRIPT[index % len(OUR_SCRIPT)])
            if frames[0]["type"] == "error" or any(f["type"] == "error" for f in frames):
                raise RuntimeError(f"the gateway answered with an error: {frames}")
            latencies.append(time.perf_counter() - started)
        await ws.close()


async def _rest_conversation(
    session: aiohttp.ClientSession, url: str, script: list[str], latencies: list[float]
) -> None:
    sender = f"scale-{uuid.uuid4().hex[:12]}"
    for index in range(MESSAGES_PER_CONVERSATION):
        started = time.perf_counter()
        async with session.post(
            url, json={"sender": sender, "message": script[index % len(script)]}
        ) as reply:
            await reply.read()
            if reply.status != 200:
                raise RuntimeError(f"{url} answered {reply.status}")
        latencies.append(time.perf_counter() - started)


async def _stock_round(url: str, level: int) -> tuple[list[float], float]:
    latencies: list[float] = []
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=600)) as session:
        await _rest_conversation(session, url, BASELINE_SCRIPT, [])  # warm-up
        started = time.perf_counter()
        await asyncio.gather(
            *(_rest_conversation(session, url, BASELINE_SCRIPT, latencies) for _ in range(level))
        )
    return latencies, time.perf_counter() - started


async def _cluster_round(cluster: RunningCluster, level: int) -> tuple[list[float], float]:
    latencies: list[float] = []
    await _ws_conversation(cluster.ws_url, cluster.url, [])  # warm-up
    started = time.perf_counter()
    await asyncio.gather(*(_ws_conversation(cluster.ws_url, cluster.url, latencies) for _ in range(level)))
    return latencies, time.perf_counter() - started


def use_replicas(cluster: RunningCluster, count: int) -> None:
    """Restart both gateways with the first `count` Rasa replicas in RASA_URL."""
    urls = ",".join(cluster.settings.rasa_urls[:count])
    for name in ("gateway-1", "gateway-2"):
        cluster.restart(name, {"RASA_URL": urls})


def _summary(latencies: list[float], elapsed: float, level: int) -> dict[str, float]:
    return {
        "concurrent_conversations": level,
        "messages": len(latencies),
        "messages_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(1000 * statistics.median(latencies), 1),
        "p95_ms": round(1000 * percentile(latencies, 0.95), 1),
    }


def _where_the_time_goes(
    before: dict[str, float], after: dict[str, float], idle: tuple[float, float], messages: int
) -> dict[str, Any]:
    idle_share = idle[0] / idle[1] if idle[1] else 0.0
    per_message = {name: round(1000 * (after[name] - before[name]) / messages, 2) for name in after}
    return {"cpu_ms_per_message": per_message, "machine_idle_share": round(idle_share, 3)}


def _cpu_of(cluster: RunningCluster) -> dict[str, float]:
    return {name: cpu_seconds(p.process.pid) for name, p in cluster.processes.items() if p.alive()}


def measure(workdir: Path) -> dict[str, Any]:
    """Run every set-up at every level; the figures, the ratio two/one and the CPU per process."""
    baseline_model = prepare_baseline(workdir)
    results: dict[str, dict[str, Any]] = {"stock": {}, "one_replica": {}, "two_replicas": {}}
    cpu: dict[str, dict[str, Any]] = {"one_replica": {}, "two_replicas": {}}
    stock_process, stock_url = start_baseline(workdir / "rasa-init", baseline_model)
    try:
        for level in LEVELS:
            latencies, elapsed = asyncio.run(_stock_round(stock_url, level))
            results["stock"][str(level)] = _summary(latencies, elapsed, level)
    finally:
        stock_process.terminate()
        stock_process.wait(timeout=30)
    with fresh_postgres_database("scaleapp") as app, fresh_postgres_database("scaletrackers") as trackers:
        cluster = start_cluster(
            workdir / "cluster", app.rsplit("/", 1)[1], trackers.rsplit("/", 1)[1], env=BENCH_ENV
        )
        try:
            for level in LEVELS:
                collected: dict[str, tuple[list[float], float]] = {name: ([], 0.0) for name in cpu}
                for index in range(ROUNDS):
                    order = (
                        ["one_replica", "two_replicas"] if index % 2 == 0 else ["two_replicas", "one_replica"]
                    )
                    for name in order:
                        use_replicas(cluster, 1 if name == "one_replica" else 2)
                        before, idle_before = _cpu_of(cluster), machine_idle()
                        latencies, elapsed = asyncio.run(_cluster_round(cluster, level))
                        after, idle_after = _cpu_of(cluster), machine_idle()
                        idle = (idle_after[0] - idle_before[0], idle_after[1] - idle_before[1])
                        cpu[name].setdefault(str(level), []).append(
                            _where_the_time_goes(before, after, idle, len(latencies))
                        )
                        all_latencies, total = collected[name]
                        collected[name] = (all_latencies + latencies, total + elapsed)
                for name, (latencies, elapsed) in collected.items():
                    results[name][str(level)] = _summary(latencies, elapsed, level)
        finally:
            cluster.stop()
    ratios = {
        str(level): round(
            results["two_replicas"][str(level)]["messages_per_second"]
            / results["one_replica"][str(level)]["messages_per_second"],
            3,
        )
        for level in LEVELS
    }
    return {
        "setup": {
            "stock": "stock `rasa init` assistant over REST, in-memory tracker store, one process",
            "one_replica": "this assistant, cluster profile (PostgreSQL tracker store, Redis lock store, "
            "one action server), WebSockets through HAProxy and two gateways, the gateways using one "
            "Rasa replica",
            "two_replicas": "the same, the gateways spreading visitors over two Rasa replicas",
            "messages_per_conversation": MESSAGES_PER_CONVERSATION,
            "rounds_per_level": ROUNDS,
            "cpu_count": os.cpu_count(),
            "where_the_time_goes": "CPU ms per message of each process of the cluster (PostgreSQL, the load "
            "generator and other work on the machine are not in it; the machine's idle share shows what "
            "was left)",
        },
        **results,
        "throughput_two_over_one": ratios,
        "where_the_time_goes": cpu,
        "targets": {"throughput_two_over_one_min": 1.8, "p95_ms_at_20_max": 250},
    }
