"""`make bench`: runs every benchmark (or those named) and writes one JSON file each to bench/results/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import (
    abuse,
    activities,
    crisis_tiers,
    deidentify,
    dialogue_fuzz,
    gateway,
    handover,
    latency,
    nlu_quality,
    practice,
    real_voices,
    scale,
)
from tests.support.nlu import Parser
from tests.support.paths import ROOT, VENV_BIN
from tests.support.servers import QUIET_ENV

RESULTS = ROOT / "bench" / "results"
FUZZ_CONVERSATIONS = 2000
FUZZ_SEED = 20261204


def time_full_training(workdir: Path) -> float:
    """Seconds for a full training run from scratch (no cache), as a new user would have it."""
    env = {**os.environ, **QUIET_ENV}
    started = time.perf_counter()
    subprocess.run(
        [
            str(VENV_BIN / "rasa"),
            "train",
            "--force",
            "--config",
            "config.yml",
            "--domain",
            "domain",
            "--data",
            "data/nlu",
            "data/rules",
            "data/stories",
            "--out",
            str(workdir / "models"),
            "--fixed-model-name",
            "bench",
        ],
        cwd=ROOT,
        env={**env, "RASA_CACHE_DIRECTORY": str(workdir / "cache")},
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def write(name: str, data: dict[str, object]) -> None:
    """Write one result file and say where."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks named on the command line, or all of them."""
    wanted = set(sys.argv[1:] if argv is None else argv) or {
        "nlu",
        "latency",
        "activities",
        "gateway",
        "handover",
        "crisis",
        "real_voices",
        "dialogue",
        "abuse",
        "deidentify",
        "practice",
        "scale",
    }
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        workdir = Path(tmp)
        if "nlu" in wanted:
            print("NLU quality on the held-out sets...")
            nlu = nlu_quality.measure()
            print("Full training from scratch (timed)...")
            nlu["full_training_seconds"] = round(time_full_training(workdir), 1)
            nlu["target_full_training_seconds_max"] = 300
            write("nlu.json", nlu)
        if "latency" in wanted:
            print("Latency: ours and the stock `rasa init` baseline (trains the baseline first)...")
            write("latency.json", latency.measure(workdir))
        if "activities" in wanted:
            print("Activity look-up on 10,000 generated activities (SQLite and PostgreSQL)...")
            write("activities.json", activities.measure(workdir))
        if "gateway" in wanted:
            print("Website gateway: 50 WebSocket visitors versus straight to REST, alternating rounds...")
            write("gateway.json", gateway.measure(workdir))
        if "deidentify" in wanted:
            print("De-identification: the project's rules and, where installed, deduce...")
            write("deidentify.json", deidentify.measure())
        if "scale" in wanted:
            print("Scale: stock `rasa init`, one and two Rasa replicas behind HAProxy (20/50/100)...")
            write("scale.json", scale.measure(workdir))
        if "practice" in wanted:
            print("Practice mode: the trainee-turn classifier on its held-out turns...")
            write("practice.json", practice.run())
        if "abuse" in wanted:
            print("Abuse: normal visitors, quiet and during a socket flood and a login flood...")
            write("abuse.json", abuse.measure(workdir))
        if "handover" in wanted:
            print("Live handover: 20 visitors with 20 volunteers at once, visitor -> volunteer -> visitor...")
            write("handover.json", handover.measure(workdir))
        if "crisis" in wanted:
            print("Safety tiers on the held-out and development sets, synthetic and real...")
            write("crisis.json", crisis_tiers.measure(Parser()))
        if "real_voices" in wanted:
            print("Real voices: the held-out part, each message after 'hoi', and the conversations...")
            write("real_voices.json", real_voices.measure(workdir, ("heldout",)))
        if "dialogue" in wanted:
            print(f"Dialogue invariants: {FUZZ_CONVERSATIONS} random conversations through the real model...")
            write("dialogue.json", dialogue_fuzz.measure(workdir, FUZZ_CONVERSATIONS, FUZZ_SEED))
    return 0


if __name__ == "__main__":
    sys.exit(main())
