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

from tests.support.paths import VENV_BIN
from tests.support.servers import QUIET_ENV, free_port, start_assistant, wait_for

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
ROUNDS = 4  # per level and assistant, alternating


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


async def _round(url: str, script: list[str], concurrency: int) -> tuple[list[float], float]:
    """One round: TOTAL_MESSAGES messages in conversations of MESSAGES_PER_CONVERSATION, `concurrency`
    conversations at a time. Returns every message's latency and the round's duration."""
    conversations = TOTAL_MESSAGES // MESSAGES_PER_CONVERSATION
    latencies: list[float] = []
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        await _conversation(session, url, script, [])  # warm-up, not measured
        started = time.perf_counter()
        for first in range(0, conversations, concurrency):
            batch = range(first, min(first + concurrency, conversations))
            await asyncio.gather(*(_conversation(session, url, script, latencies) for _ in batch))
        elapsed = time.perf_counter() - started
    return latencies, elapsed


def summary(latencies: list[float], elapsed: float, concurrency: int) -> dict[str, float]:
    """p50, p95 and messages per second over all measured rounds."""
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
    """Measure ours and the baseline in the same run, in alternating rounds, and give the ratios.

    Both assistants are up during the whole run and take turns (ours, baseline, baseline, ours, ...),
    so a machine that gets slower or faster during the run affects both alike. Per level each does
    ROUNDS rounds of TOTAL_MESSAGES messages; the per-round p95 ratios show the run-to-run spread.
    """
    baseline_model = prepare_baseline(workdir)
    ours = start_assistant(workdir / "ours")
    base_process: subprocess.Popen[bytes] | None = None
    try:
        base_process, base_url = start_baseline(workdir / "rasa-init", baseline_model)
        urls = {"ours": (ours.webhook, OUR_SCRIPT), "baseline": (base_url, BASELINE_SCRIPT)}
        results: dict[str, dict[str, Any]] = {"ours": {}, "baseline": {}}
        round_ratios: dict[str, list[float]] = {}
        for level in (1, 20):
            collected = {name: ([], 0.0) for name in urls}
            ratios: list[float] = []
            for index in range(ROUNDS):
                order = ["ours", "baseline"] if index % 2 == 0 else ["baseline", "ours"]
                p95s: dict[str, float] = {}
                for name in order:
                    url, script = urls[name]
                    latencies, elapsed = asyncio.run(_round(url, script, level))
                    all_latencies, total = collected[name]
                    collected[name] = (all_latencies + latencies, total + elapsed)
                    p95s[name] = percentile(latencies, 0.95)
                ratios.append(round(p95s["ours"] / p95s["baseline"], 3))
            for name, (latencies, elapsed) in collected.items():
                results[name][str(level)] = summary(latencies, elapsed, level)
            round_ratios[str(level)] = ratios
        results["ours"]["rasa_server_memory"] = rss_mb(ours.processes[1].pid)
        results["baseline"]["rasa_server_memory"] = rss_mb(base_process.pid)
    finally:
        ours.stop()
        if base_process is not None:
            base_process.terminate()
            base_process.wait(timeout=30)
    ratios_over_baseline = {
        level: {
            "p95_ratio": round(results["ours"][level]["p95_ms"] / results["baseline"][level]["p95_ms"], 3),
            "p50_ratio": round(results["ours"][level]["p50_ms"] / results["baseline"][level]["p50_ms"], 3),
            "throughput_ratio": round(
                results["ours"][level]["messages_per_second"]
                / results["baseline"][level]["messages_per_second"],
                3,
            ),
            "p95_ratio_per_round": round_ratios[level],
        }
        for level in ("1", "20")
    }
    return {
        "setup": {
            "ours": "this assistant: Rasa + action server, cached SQLite tracker store (embedded default)",
            "baseline": "stock `rasa init` assistant, trained in the same run, in-memory tracker store",
            "messages_per_conversation": MESSAGES_PER_CONVERSATION,
            "rounds_per_level": ROUNDS,
            "messages_per_round": TOTAL_MESSAGES,
            "cpu_count": os.cpu_count(),
        },
        "ours": results["ours"],
        "baseline": results["baseline"],
        "ratios_ours_over_baseline": ratios_over_baseline,
        "targets": {"p95_ratio_at_20_max": 1.0, "rasa_server_memory_max_mb": 1536},
    }
