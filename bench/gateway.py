"""The website gateway's cost: 50 concurrent WebSocket visitors versus the same load straight to REST.

Both paths run against the same Rasa and action server, in the same run, in alternating rounds
(ABBA BAAB, so a slow drift such as a growing tracker store hits both equally), after one unmeasured
warm-up round of each at full concurrency (the first 50-visitor round is slower on either path).
Latency per message is from sending it to having the whole answer: for REST the HTTP response, for
the gateway the `done` frame. Sockets are opened and greeted before the clock starts, as a visitor's
socket stays open during a conversation.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from pathlib import Path
from typing import Any

import aiohttp

from bench.latency import percentile, rss_mb
from tests.support.gateway import RunningGateway, start_stack

VISITORS = 50
# A short Dutch conversation; "/for_myself" is the button the welcome offers (a click in the widget).
SCRIPT: list[tuple[str, str]] = [
    ("message", "hoi"),
    ("button", "/for_myself"),
    ("message", "ik voel me de laatste tijd vaak alleen"),
    ("message", "al een paar maanden"),
    ("message", "ben jij een robot?"),
    ("message", "doei"),
]
ROUNDS = ("gateway", "rest", "rest", "gateway", "rest", "gateway", "gateway", "rest")
SINGLE_ROUNDS = ROUNDS * 2
# The bench measures relaying, not the rate limit: each visitor here waits for every answer anyway.
GATEWAY_ENV = {"GATEWAY_RATE_BURST": "1000", "GATEWAY_RATE_PER_SECOND": "1000", "RASA_TIMEOUT": "300"}
TIMEOUT = aiohttp.ClientTimeout(total=600)


async def _rest_visitor(
    session: aiohttp.ClientSession, url: str, sender: str, latencies: list[float]
) -> None:
    for _, text in SCRIPT:
        started = time.perf_counter()
        async with session.post(url, json={"sender": sender, "message": text}) as response:
            await response.read()
            if response.status != 200:
                raise RuntimeError(f"REST answered {response.status}")
        latencies.append(time.perf_counter() - started)


async def _gateway_visitor(ws: aiohttp.ClientWebSocketResponse, latencies: list[float]) -> None:
    for kind, text in SCRIPT:
        frame = {"type": "message", "text": text}
        if kind == "button":
            frame = {"type": "button", "title": "Voor mezelf", "payload": text}
        started = time.perf_counter()
        await ws.send_json(frame)
        while True:
            answer = await ws.receive_json(timeout=600)
            if answer["type"] == "error":
                raise RuntimeError(f"gateway answered {answer}")
            if answer["type"] == "done":
                break
        latencies.append(time.perf_counter() - started)


async def _rest_round(url: str, tag: str, visitors: int = VISITORS) -> tuple[list[float], float]:
    latencies: list[float] = []
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(timeout=TIMEOUT, connector=connector) as session:
        started = time.perf_counter()
        await asyncio.gather(
            *(_rest_visitor(session, url, f"bench-{tag}-{i}", latencies) for i in range(visitors))
        )
        return latencies, time.perf_counter() - started


async def _gateway_round(gateway: RunningGateway, visitors: int = VISITORS) -> tuple[list[float], float]:
    latencies: list[float] = []
    async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
        sockets = [await session.ws_connect(gateway.ws_url, origin=gateway.origin) for _ in range(visitors)]
        try:
            for ws in sockets:
                await ws.send_json({"type": "hello", "visitor": None})
                assert (await ws.receive_json())["type"] == "welcome"
                assert (await ws.receive_json())["type"] == "history"
            started = time.perf_counter()
            await asyncio.gather(*(_gateway_visitor(ws, latencies) for ws in sockets))
            return latencies, time.perf_counter() - started
        finally:
            for ws in sockets:
                await ws.close()


def _summary(latencies: list[float], seconds: float) -> dict[str, float]:
    return {
        "messages": len(latencies),
        "p50_ms": round(1000 * statistics.median(latencies), 1),
        "p95_ms": round(1000 * percentile(latencies, 0.95), 1),
        "messages_per_second": round(len(latencies) / seconds, 2),
    }


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return round((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), 2)


def measure(workdir: Path) -> dict[str, Any]:
    """Run the alternating rounds and compare the two paths."""
    stack = start_stack(workdir / "gateway-bench", gateway_env=GATEWAY_ENV)
    try:
        webhook = stack.assistant.webhook
        # Warm-up, not measured: one full round on each path.
        asyncio.run(_rest_round(webhook, "warm-up"))
        asyncio.run(_gateway_round(stack.gateway))
        cpu_before = _cpu_seconds(stack.gateway.process.pid)
        collected: dict[str, list[float]] = {"gateway": [], "rest": []}
        elapsed: dict[str, float] = {"gateway": 0.0, "rest": 0.0}
        rounds: list[dict[str, Any]] = []
        for index, path in enumerate(ROUNDS):
            if path == "gateway":
                latencies, seconds = asyncio.run(_gateway_round(stack.gateway))
            else:
                latencies, seconds = asyncio.run(_rest_round(webhook, f"r{index}"))
            collected[path] += latencies
            elapsed[path] += seconds
            rounds.append({"round": index + 1, "path": path, **_summary(latencies, seconds)})
            print(f"  round {index + 1} ({path}): {rounds[-1]}")
        gateway_cpu = round(_cpu_seconds(stack.gateway.process.pid) - cpu_before, 2)
        gateway_memory = rss_mb(stack.gateway.process.pid)
        # One visitor at a time shows the gateway's own cost without queueing at Rasa.
        single: dict[str, list[float]] = {"gateway": [], "rest": []}
        single_time: dict[str, float] = {"gateway": 0.0, "rest": 0.0}
        for index, path in enumerate(SINGLE_ROUNDS):
            if path == "gateway":
                latencies, seconds = asyncio.run(_gateway_round(stack.gateway, visitors=1))
            else:
                latencies, seconds = asyncio.run(_rest_round(webhook, f"s{index}", visitors=1))
            single[path] += latencies
            single_time[path] += seconds
    finally:
        stack.stop()
    gateway = _summary(collected["gateway"], elapsed["gateway"])
    rest = _summary(collected["rest"], elapsed["rest"])
    p95_ratio = round(gateway["p95_ms"] / rest["p95_ms"], 3)
    return {
        "setup": {
            "what": "one Rasa + action server (SQLite tracker store); the gateway relays to its REST channel",
            "concurrent_visitors": VISITORS,
            "messages_per_visitor": len(SCRIPT),
            "rounds": list(ROUNDS),
            "latency": "send to complete answer (REST response; gateway `done` frame), socket already open",
            "gateway_rate_limit": "raised for the bench (each visitor waits for every answer anyway)",
            "cpu_count": os.cpu_count(),
        },
        "gateway": gateway,
        "rest": rest,
        "ratios_gateway_over_rest": {
            "p95": p95_ratio,
            "p50": round(gateway["p50_ms"] / rest["p50_ms"], 3),
            "throughput": round(gateway["messages_per_second"] / rest["messages_per_second"], 3),
        },
        "gateway_process": {
            "cpu_seconds_during_rounds": gateway_cpu,
            "cpu_ms_per_message": round(1000 * gateway_cpu / gateway["messages"], 2),
            **gateway_memory,
        },
        "one_visitor": {
            "gateway": _summary(single["gateway"], single_time["gateway"]),
            "rest": _summary(single["rest"], single_time["rest"]),
            "added_p50_ms": round(
                1000 * (statistics.median(single["gateway"]) - statistics.median(single["rest"])), 1
            ),
        },
        "per_round": rounds,
        "target": {"p95_ratio_max": 1.10},
        "target_met": p95_ratio <= 1.10,
    }

