"""Normal visitors while one client floods the chat and someone floods the login: does the chat hold up?

Normal visitors chat through the gateway, each from an address of its own (127.0.1.x) and with a
short pause between messages, as people type. Rounds alternate (quiet, attack, attack, quiet):
- quiet: only the normal visitors;
- attack: the same visitors, while at the same time one client (127.0.0.66) opens as many chat
  sockets as it can, sends messages and typing frames on each as fast as it likes and keeps trying
  to open more; and a login flood posts to /login with random user names from a few addresses.
The gateway runs with its default limits. Latency is from sending a message to its `done` frame.
The target: the normal visitors' p95 during an attack within 1.5 times the quiet p95.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import secrets
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

import aiohttp

from bench.latency import percentile, rss_mb
from tests.support.gateway import RunningGateway, start_stack

VISITORS = 10
# Each normal visitor goes through this conversation once per round.
SCRIPT = [
    "hoi",
    "ik voel me de laatste tijd vaak alleen",
    "al een paar maanden",
    "ben jij een robot?",
    "doei",
]
PAUSE_SECONDS = 1.0
ROUNDS = ("quiet", "attack", "attack", "quiet")
FLOOD_ADDRESS = "127.0.0.66"
# The flooder tries to open this many sockets (the gateway allows it 20 by default).
FLOOD_SOCKETS = 60
# Frames per second the flooder sends on each socket it got: messages, and as many typing frames.
FLOOD_FRAMES_PER_SECOND = 5.0
LOGIN_FLOODERS = 4
TARGET_P95_RATIO = 1.5
TIMEOUT = aiohttp.ClientTimeout(total=300)


def _session(address: str) -> aiohttp.ClientSession:
    """An HTTP client whose connections come from `address` (one household, or one attacker)."""
    connector = aiohttp.TCPConnector(local_addr=(address, 0), limit=0)
    return aiohttp.ClientSession(connector=connector, timeout=TIMEOUT)


async def _hello(ws: aiohttp.ClientWebSocketResponse) -> bool:
    """Say hello; False when the socket was refused (an error frame instead of `welcome`)."""
    await ws.send_json({"type": "hello", "visitor": None})
    first = await ws.receive_json(timeout=60)
    if first["type"] != "welcome":
        return False
    await ws.receive_json(timeout=60)  # the (empty) history
    return True


async def _visitor(gateway: RunningGateway, index: int, latencies: list[float], errors: Counter[str]) -> None:
    async with _session(f"127.0.1.{index + 1}") as session:
        async with session.ws_connect(gateway.ws_url, origin=gateway.origin) as ws:
            if not await _hello(ws):
                errors["socket_refused"] += 1
                return
            for text in SCRIPT:
                started = time.perf_counter()
                await ws.send_json({"type": "message", "text": text})
                while True:
                    frame = await ws.receive_json(timeout=300)
                    if frame["type"] == "error":
                        errors[frame["code"]] += 1
                        if frame["code"] != "unavailable":
                            break  # refused: no `done` follows
                    if frame["type"] == "done":
                        break
                latencies.append(time.perf_counter() - started)
                await asyncio.sleep(PAUSE_SECONDS)


async def _flood_socket(ws: aiohttp.ClientWebSocketResponse, stats: Counter[str]) -> None:
    async def read() -> None:
        async for message in ws:
            if message.type == aiohttp.WSMsgType.TEXT:
                stats[f"frames_back:{message.json().get('code') or message.json()['type']}"] += 1

    reader = asyncio.create_task(read())
    try:
        with contextlib.suppress(ConnectionError, RuntimeError):
            await _flood(ws, stats)
    finally:
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reader


async def _flood(ws: aiohttp.ClientWebSocketResponse, stats: Counter[str]) -> None:
    while not ws.closed:
        await ws.send_json({"type": "message", "text": f"spam {secrets.token_hex(4)}"})
        await ws.send_json({"type": "typing", "typing": True})
        stats["messages_sent"] += 1
        stats["typing_sent"] += 1
        await asyncio.sleep(1 / FLOOD_FRAMES_PER_SECOND)


async def _socket_flooder(gateway: RunningGateway, stats: Counter[str]) -> None:
    """One client: opens sockets until refused, floods each, and keeps trying for more."""
    tasks: list[asyncio.Task[None]] = []
    async with _session(FLOOD_ADDRESS) as session:
        try:
            while True:
                if len(tasks) < FLOOD_SOCKETS:
                    try:
                        ws = await session.ws_connect(gateway.ws_url, origin=gateway.origin)
                        accepted = await _hello(ws)
                    except (aiohttp.ClientError, asyncio.TimeoutError, TypeError):
                        stats["sockets_failed"] += 1
                        await asyncio.sleep(0.5)
                        continue
                    if accepted:
                        stats["sockets_accepted"] += 1
                        tasks.append(asyncio.create_task(_flood_socket(ws, stats)))
                        continue
                    stats["sockets_refused"] += 1
                    await ws.close()
                await asyncio.sleep(0.5)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)


async def _login_flooder(gateway: RunningGateway, index: int, stats: Counter[str]) -> None:
    """Posts /login with random names as fast as the gateway answers."""
    jar = aiohttp.CookieJar(unsafe=True)
    connector = aiohttp.TCPConnector(local_addr=(f"127.0.2.{index + 1}", 0))
    async with aiohttp.ClientSession(connector=connector, cookie_jar=jar, timeout=TIMEOUT) as session:
        page = ""
        while True:
            found = re.search(r'name="csrf" value="([^"]+)"', page)
            if found is None:
                async with session.get(f"{gateway.url}/login") as response:
                    page = await response.text()
                continue
            form = {
                "csrf": found.group(1),
                "username": secrets.token_hex(6),
                "password": secrets.token_hex(8),
            }
            async with session.post(f"{gateway.url}/login", data=form, allow_redirects=False) as response:
                page = await response.text()
                stats[f"login_status:{response.status}"] += 1


async def _round(gateway: RunningGateway, attack: bool) -> tuple[list[float], Counter[str], Counter[str]]:
    latencies: list[float] = []
    errors: Counter[str] = Counter()
    stats: Counter[str] = Counter()
    attackers: list[asyncio.Task[None]] = []
    if attack:
        attackers.append(asyncio.create_task(_socket_flooder(gateway, stats)))
        attackers += [asyncio.create_task(_login_flooder(gateway, i, stats)) for i in range(LOGIN_FLOODERS)]
        await asyncio.sleep(3.0)  # the flood is under way before the visitors start
    try:
        await asyncio.gather(*(_visitor(gateway, i, latencies, errors) for i in range(VISITORS)))
    finally:
        for task in attackers:
            task.cancel()
        results = await asyncio.gather(*attackers, return_exceptions=True)
    for result in results:
        if isinstance(result, Exception) and not isinstance(result, asyncio.CancelledError):
            stats[f"attacker_failed:{type(result).__name__}"] += 1
    return latencies, errors, stats


def _summary(latencies: list[float]) -> dict[str, float]:
    return {
        "messages": len(latencies),
        "p50_ms": round(1000 * statistics.median(latencies), 1),
        "p95_ms": round(1000 * percentile(latencies, 0.95), 1),
    }


def measure(workdir: Path) -> dict[str, Any]:
    """Run the quiet and attack rounds against a stack with the gateway's default limits."""
    stack = start_stack(workdir / "abuse-bench", gateway_env={"RASA_TIMEOUT": "300"}, client_limits=True)
    collected: dict[str, list[float]] = {"quiet": [], "attack": []}
    errors: dict[str, Counter[str]] = {"quiet": Counter(), "attack": Counter()}
    attack_stats: Counter[str] = Counter()
    rounds: list[dict[str, Any]] = []
    try:
        asyncio.run(_round(stack.gateway, attack=False))  # warm-up, not measured
        for index, kind in enumerate(ROUNDS):
            latencies, round_errors, stats = asyncio.run(_round(stack.gateway, attack=kind == "attack"))
            collected[kind] += latencies
            errors[kind] += round_errors
            attack_stats += stats
            rounds.append({"round": index + 1, "kind": kind, **_summary(latencies)})
            print(f"  round {index + 1} ({kind}): {rounds[-1]}")
        gateway_memory = rss_mb(stack.gateway.process.pid)
    finally:
        stack.stop()
    quiet, attack = _summary(collected["quiet"]), _summary(collected["attack"])
    ratio = round(attack["p95_ms"] / quiet["p95_ms"], 3)
    return {
        "setup": {
            "what": "normal visitors through the gateway, quiet and during a socket flood and a login flood",
            "normal_visitors": VISITORS,
            "messages_per_visitor_per_round": len(SCRIPT),
            "pause_between_messages_s": PAUSE_SECONDS,
            "rounds": list(ROUNDS),
            "flooder_sockets_tried": FLOOD_SOCKETS,
            "flooder_messages_and_typing_frames_per_second_per_socket": FLOOD_FRAMES_PER_SECOND,
            "login_flooders": LOGIN_FLOODERS,
            "gateway_limits": "defaults (bot/web/settings.py)",
            "cpu_count": os.cpu_count(),
        },
        "quiet": {**quiet, "errors": dict(errors["quiet"])},
        "attack": {**attack, "errors": dict(errors["attack"])},
        "p95_ratio_attack_over_quiet": ratio,
        "p50_ratio_attack_over_quiet": round(attack["p50_ms"] / quiet["p50_ms"], 3),
        "attackers": dict(sorted(attack_stats.items())),
        "gateway_memory": gateway_memory,
        "per_round": rounds,
        "target": {"p95_ratio_max": TARGET_P95_RATIO},
        "target_met": ratio <= TARGET_P95_RATIO,
    }
