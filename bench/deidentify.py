"""De-identification of Dutch chat text: the project's rules against the `deduce` library.

On `bench/data/deidentify/messages.yml` (the set the rules were written on) and `heldout.yml`
(written after them; see its header): per kind of personal data the share of items removed (every
word or number of the item gone), harmless messages changed, words that had to stay (places, ages)
lost, and speed. `deduce` cannot be installed next to Rasa 3.6 in every version, so it runs in its
own process, under the Python named by `DEDUCE_PYTHON` or `var/deduce-venv/bin/python`
(`python -m bench.deidentify --install-deduce` makes that venv); without it only the rules are measured.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.privacy.deidentify import deidentify
from tests.support.paths import ROOT

MESSAGES = ROOT / "bench" / "data" / "deidentify" / "messages.yml"
HELDOUT = ROOT / "bench" / "data" / "deidentify" / "heldout.yml"
DEDUCE_VENV = ROOT / "var" / "deduce-venv"
DEDUCE_WORKER = ROOT / "bench" / "deduce_worker.py"
# The newest deduce whose wheel installs and runs next to Rasa 3.6.21's pins (regex < 2022.11);
# 3.0.4 and 3.0.5 wheels lack their base_config.json, 3.0.6 needs regex >= 2024.11.
DEDUCE_REQUIREMENT = ["deduce==3.0.3", "regex==2022.10.31", "numpy==1.23.5"]
# deduce made for this use: town names (the social map needs them), ages and care institutions stay.
DEDUCE_KEEPS = ["placename", "age", "hospital", "institution"]
RULE_REPEAT = 50
DEDUCE_REPEAT = 5
# Parts of a name that alone identify nobody ("Piet de Vries": "Piet" and "Vries" must go).
_PARTICLES = frozenset({"de", "van", "der", "den", "het"})


@dataclass(frozen=True)
class Message:
    """One labelled message."""

    text: str
    personal: tuple[tuple[str, str], ...]  # (kind, value as typed)
    keep: tuple[str, ...]


def load_messages(path: Path = MESSAGES) -> list[Message]:
    """The labelled messages."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Message(
            text=item["text"],
            personal=tuple(
                (kind, str(value)) for entry in item.get("personal") or [] for kind, value in entry.items()
            ),
            keep=tuple(str(word) for word in item.get("keep") or []),
        )
        for item in data["messages"]
    ]


def removed(value: str, output: str) -> bool:
    """Every word and number of `value` is gone from `output` (as a whole word, case as typed)."""
    parts = [part for part in re.findall(r"[^\W_]+", value) if part.lower() not in _PARTICLES]
    return not any(re.search(rf"(?<![^\W_]){re.escape(part)}(?![^\W_])", output) for part in parts)


def score(messages: list[Message], outputs: list[str]) -> dict[str, Any]:
    """Recall per kind, harmless messages changed, words that had to stay lost."""
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missed: list[dict[str, str]] = []
    changed: list[dict[str, str]] = []
    lost: list[dict[str, str]] = []
    keep_total = 0
    for message, output in zip(messages, outputs, strict=True):
        for kind, value in message.personal:
            total[kind] += 1
            if removed(value, output):
                found[kind] += 1
            else:
                missed.append({"kind": kind, "value": value, "output": output})
        if not message.personal and output != message.text:
            changed.append({"text": message.text, "output": output})
        for word in message.keep:
            keep_total += 1
            if word not in output:
                lost.append({"word": word, "output": output})
    harmless = sum(1 for message in messages if not message.personal)
    return {
        "recall": round(sum(found.values()) / sum(total.values()), 3),
        "recall_per_kind": {kind: round(found[kind] / total[kind], 3) for kind in sorted(total)},
        "items_per_kind": dict(sorted(total.items())),
        "harmless_messages": harmless,
        "harmless_changed": len(changed),
        "harmless_changed_rate": round(len(changed) / harmless, 3),
        "keep_words": keep_total,
        "keep_words_lost": len(lost),
        "missed": missed,
        "harmless_changed_examples": changed,
        "keep_words_lost_examples": lost,
    }


def run_rules(texts: list[str]) -> dict[str, Any]:
    """The project's rules, in this process."""
    outputs = [deidentify(text) for text in texts]
    started = time.perf_counter()
    for _ in range(RULE_REPEAT):
        for text in texts:
            deidentify(text)
    seconds = time.perf_counter() - started
    return {"outputs": outputs, "messages_per_second": round(RULE_REPEAT * len(texts) / seconds)}


def deduce_python() -> Path | None:
    """A Python with deduce installed, or None."""
    named = os.environ.get("DEDUCE_PYTHON")
    candidate = Path(named) if named else DEDUCE_VENV / "bin" / "python"
    return candidate if candidate.exists() else None


def install_deduce() -> Path:
    """Make `var/deduce-venv` with deduce (Python 3.10, the pins of the project's venv)."""
    subprocess.run([sys.executable, "-m", "venv", str(DEDUCE_VENV)], check=True)
    pip = [str(DEDUCE_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, *DEDUCE_REQUIREMENT], check=True)
    return DEDUCE_VENV / "bin" / "python"


def run_deduce(python: Path, texts: list[str], disabled: list[str]) -> dict[str, Any]:
    """deduce in its own process (its first start builds its look-up tables: a few minutes)."""
    request = json.dumps({"texts": texts, "disabled": disabled, "repeat": DEDUCE_REPEAT})
    done = subprocess.run(
        [str(python), str(DEDUCE_WORKER)], input=request, capture_output=True, text=True, check=True
    )
    reply = json.loads(done.stdout)
    return {
        "outputs": reply["outputs"],
        "messages_per_second": round(DEDUCE_REPEAT * len(texts) / reply["seconds"]),
        "load_seconds": round(reply["load_seconds"], 1),
        "process_memory_mb": round(reply["max_rss_mb"]),
        "version": reply["version"],
    }


def measure_set(path: Path, python: Path | None) -> dict[str, Any]:
    """Score every option that can run here on one labelled set."""
    messages = load_messages(path)
    texts = [message.text for message in messages]
    runs: dict[str, dict[str, Any]] = {"rules": run_rules(texts)}
    if python is not None:
        runs["deduce"] = run_deduce(python, texts, [])
        runs["deduce_for_chat"] = run_deduce(python, texts, DEDUCE_KEEPS)
        # Both: the rules first, then deduce (without towns, ages, institutions) on what is left.
        combined = run_deduce(python, runs["rules"]["outputs"], DEDUCE_KEEPS)
        combined["messages_per_second"] = round(
            1 / (1 / runs["rules"]["messages_per_second"] + 1 / combined["messages_per_second"])
        )
        runs["rules_then_deduce_for_chat"] = combined
    return {
        "file": str(path.relative_to(ROOT)),
        "messages": len(messages),
        "messages_with_personal_data": sum(1 for message in messages if message.personal),
        "options": {name: {**score(messages, run.pop("outputs")), **run} for name, run in runs.items()},
    }


def measure() -> dict[str, Any]:
    """Both sets: the one the rules were written on, and the held-out one."""
    python = deduce_python()
    return {
        "deduce": "measured" if python else "not installed: python -m bench.deidentify --install-deduce",
        "deduce_disabled_for_chat": DEDUCE_KEEPS,
        "sets": {"written_on": measure_set(MESSAGES, python), "heldout": measure_set(HELDOUT, python)},
    }


def summary(result: dict[str, Any]) -> str:
    """One line per set and option."""
    lines = []
    for set_name, measured in result["sets"].items():
        for name, option in measured["options"].items():
            per_kind = ", ".join(f"{kind} {value:.2f}" for kind, value in option["recall_per_kind"].items())
            lines.append(
                f"{set_name} / {name}: recall {option['recall']:.2f} ({per_kind}); harmless changed "
                f"{option['harmless_changed']}/{option['harmless_messages']}; kept words lost "
                f"{option['keep_words_lost']}/{option['keep_words']}; {option['messages_per_second']} msg/s"
            )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """`python -m bench.deidentify [--install-deduce]`: print the comparison and write the JSON."""
    if "--install-deduce" in argv:
        print(f"deduce installed for the benchmark: {install_deduce()}")
    result = measure()
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "deidentify.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(summary(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

