"""Latency and throughput over the REST channel, against the stock `rasa init` assistant as baseline."""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any

import aiohttp

from tests.integration.servers import QUIET_ENV, free_port, start_assistant, wait_for
from tests.paths import VENV_BIN

OUR_SCRIPT = [
    "hoi",
    "/for_myself",
    "ik voel me zo alleen de laatste tijd",
    "al een paar maanden",
    "sinds mijn pensioen zie ik weinig mensen",
    "nee liever niet",
    "nee",
    "ja",
    "ben jij een robot?",
    "doei",
]
BASELINE_SCRIPT = [
    "hello",
    "I am sad",
    "yes",
    "no",
    "great",
    "are you a bot?",
    "bye",
    "hi",
    "I feel very sad",
    "goodbye",
]
MESSAGES_PER_CONVERSATION = 20
TOTAL_MESSAGES = 400


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, int(round(fraction * len(ordered) + 0.5)) - 1))
    return ordered[index]


async def _conversation(
    session: aiohttp.ClientSession, url: str, script: list[str], latencies: list[float]
) -> None:
    sender = f"bench-{uuid.uuid4().hex[:12]}"
    for index in range(MESSAGES_PER_CONVERSATION):
        body = {"sender": sender, "message": script[index % len(script)]}
        started = time.perf_counter()
        async with session.post(url, json=body) as response:
            await response.read()
            if response.status != 200:
                raise RuntimeError(f"{url} answered {response.status}")
        latencies.append(time.perf_counter() - started)


async def _load(url: str, script: list[str], concurrency: int) -> dict[str, float]:
    conversations = TOTAL_MESSAGES // MESSAGES_PER_CONVERSATION
    latencies: list[float] = []
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        for _ in range(2):  # warm-up, not measured
            await _conversation(session, url, script, [])
        started = time.perf_counter()
        for first in range(0, conversations, concurrency):
            batch = range(first, min(first + concurrency, conversations))
            await asyncio.gather(*(_conversation(session, url, script, latencies) for _ in batch))
        elapsed = time.perf_counter() - started
    return {
        "messages": len(latencies),
        "concurrent_conversations": concurrency,
        "p50_ms": round(1000 * statistics.median(latencies), 1),
        "p95_ms": round(1000 * percentile(latencies, 0.95), 1),
        "messages_per_second": round(len(latencies) / elapsed, 1),
    }


def rss_mb(pid: int) -> dict[str, float]:
    """Current and peak resident memory of a process, from /proc."""
    fields: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = round(int(value.split()[0]) / 1024, 1)
    return {"rss_mb": fields.get("VmRSS", 0.0), "peak_rss_mb": fields.get("VmHWM", 0.0)}


def prepare_baseline(workdir: Path) -> Path:
    """Create and train the stock `rasa init` assistant; return its model."""
    project = workdir / "rasa-init"
    project.mkdir(parents=True, exist_ok=True)
    if not list((project / "models").glob("*.tar.gz")):
        subprocess.run(
            [str(VENV_BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(project)],
            check=True,
            env={**os.environ, **QUIET_ENV},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    return sorted((project / "models").glob("*.tar.gz"))[-1]


def start_baseline(project: Path, model: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Run the stock assistant as `rasa init` made it (REST channel, in-memory tracker store)."""
    port = free_port()
    process = subprocess.Popen(
        [
            str(VENV_BIN / "rasa"),
            "run",
            "--model",
            str(model),
            "--port",
            str(port),
            "--interface",
            "127.0.0.1",
        ],
        cwd=project,
        env={**os.environ, **QUIET_ENV},
        stdout=(project / "rasa.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/webhooks/rest/", process, project / "rasa.log", 240)
    except Exception:
        process.kill()
        raise
    return process, f"http://127.0.0.1:{port}/webhooks/rest/webhook"


def measure(workdir: Path) -> dict[str, Any]:
    """Measure ours and the baseline in the same run, and give the ratios."""
    baseline_model = prepare_baseline(workdir)
    ours = start_assistant(workdir / "ours")
    try:
        our_results = {
            "1": asyncio.run(_load(ours.webhook, OUR_SCRIPT, 1)),
            "20": asyncio.run(_load(ours.webhook, OUR_SCRIPT, 20)),
        }
        our_memory = rss_mb(ours.processes[1].pid)
    finally:
        ours.stop()
    process, url = start_baseline(workdir / "rasa-init", baseline_model)
    try:
        base_results = {
            "1": asyncio.run(_load(url, BASELINE_SCRIPT, 1)),
            "20": asyncio.run(_load(url, BASELINE_SCRIPT, 20)),
        }
        base_memory = rss_mb(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)
    ratios = {
        level: {
            "p95_ratio": round(our_results[level]["p95_ms"] / base_results[level]["p95_ms"], 3),
            "p50_ratio": round(our_results[level]["p50_ms"] / base_results[level]["p50_ms"], 3),
            "throughput_ratio": round(
                our_results[level]["messages_per_second"] / base_results[level]["messages_per_second"], 3
            ),
        }
        for level in ("1", "20")
    }
    return {
        "setup": {
            "ours": "this assistant: Rasa + action server, SQLite tracker store (embedded default)",
            "baseline": "stock `rasa init` assistant, trained in the same run, in-memory tracker store",
            "messages_per_conversation": MESSAGES_PER_CONVERSATION,
            "cpu_count": os.cpu_count(),
        },
        "ours": {**our_results, "rasa_server_memory": our_memory},
        "baseline": {**base_results, "rasa_server_memory": base_memory},
        "ratios_ours_over_baseline": ratios,
        "targets": {"p95_ratio_at_20_max": 1.0, "rasa_server_memory_max_mb": 1536},
    }
