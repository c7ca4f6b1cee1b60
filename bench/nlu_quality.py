"""NLU quality on held-out data that is never used in training: intent macro-F1 and crisis detection."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from bot.text import normalise
from tests.support.paths import MODEL, ROOT

HELDOUT_NLU = ROOT / "bench" / "data" / "nlu_heldout.yml"
HELDOUT_CRISIS = ROOT / "bench" / "data" / "crisis_heldout.yml"


def load_nlu_examples(path: Path) -> list[tuple[str, str]]:
    """(text, intent) pairs from a Rasa NLU YAML file."""
    pairs: list[tuple[str, str]] = []
    for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
        for line in block["examples"].splitlines():
            text = line.strip()
            if text.startswith("- "):
                pairs.append((text[2:].strip(), block["intent"]))
    return pairs


def quiet_structlog() -> None:
    """Rasa logs every parse at debug level through structlog; keep warnings and errors only."""
    import logging

    import structlog

    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))


def text_key(text: str) -> str:
    """How two utterances are compared: normalised words, or the raw text when it has none."""
    return normalise(text) or text.strip().lower()


def training_keys() -> set[str]:
    """Keys of every training utterance in data/nlu/."""
    keys: set[str] = set()
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        keys.update(text_key(text) for text, _ in load_nlu_examples(path))
    return keys


def crisis_training_keys() -> set[str]:
    """Keys of the crisis classifier's extra training messages in data/safety/."""
    keys: set[str] = set()
    for path in sorted((ROOT / "data" / "safety").glob("*.yml")):
        for texts in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).values():
            keys.update(text_key(str(text)) for text in texts)
    return keys


def flagged_by(results: list[dict[str, Any]]) -> dict[str, int]:
    """How many parses were set to `crisis` by the rules, the crisis classifier or the intent model."""
    counts: Counter[str] = Counter()
    for result in results:
        if result["intent"]["name"] == "crisis":
            counts.update((result.get("safety_screen") or {"intent_model_alone": True}).keys())
    return dict(counts)


def macro_f1(gold: list[str], predicted: list[str]) -> tuple[float, dict[str, dict[str, float]]]:
    """Macro-averaged F1 over the gold intents, and per-intent precision/recall/F1."""
    per_intent: dict[str, dict[str, float]] = {}
    for intent in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == intent and p == intent)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != intent and p == intent)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == intent and p != intent)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_intent[intent] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    score = sum(values["f1"] for values in per_intent.values()) / len(per_intent)
    return score, per_intent


def measure(model: Path = MODEL) -> dict[str, Any]:
    """Parse both held-out sets with the trained model and compute the figures."""
    from rasa.core.agent import Agent

    quiet_structlog()
    loop = asyncio.new_event_loop()
    agent = Agent.load(str(model))

    def intent_of(text: str) -> str:
        return str(loop.run_until_complete(agent.parse_message(text))["intent"]["name"])

    examples = load_nlu_examples(HELDOUT_NLU)
    started = time.perf_counter()
    predicted = [intent_of(text) for text, _ in examples]
    parse_seconds = time.perf_counter() - started
    gold = [intent for _, intent in examples]
    score, per_intent = macro_f1(gold, predicted)
    confusions = Counter(f"{g} -> {p}" for g, p in zip(gold, predicted, strict=True) if g != p)

    crisis_sets = yaml.safe_load(HELDOUT_CRISIS.read_text(encoding="utf-8"))
    screened = {
        kind: [loop.run_until_complete(agent.parse_message(text)) for text in texts]
        for kind, texts in crisis_sets.items()
    }
    missed = [r["text"] for r in screened["crisis"] if r["intent"]["name"] != "crisis"]
    alarms = [r["text"] for r in screened["not_acute"] if r["intent"]["name"] == "crisis"]
    loop.close()
    in_training = training_keys() | crisis_training_keys()
    overlap = [text for text, _ in examples if text_key(text) in in_training]
    overlap += [text for texts in crisis_sets.values() for text in texts if text_key(text) in in_training]
    return {
        "heldout_utterances": len(examples),
        "heldout_utterances_also_in_training": len(overlap),
        "intents": len(per_intent),
        "intent_macro_f1": round(score, 4),
        "intent_accuracy": round(sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold), 4),
        "target_macro_f1": 0.90,
        "per_intent": {k: {m: round(v, 3) for m, v in d.items()} for k, d in per_intent.items()},
        "top_confusions": confusions.most_common(15),
        "parse_ms_mean": round(1000 * parse_seconds / len(examples), 2),
        "crisis": {
            "crisis_messages": len(crisis_sets["crisis"]),
            "not_acute_messages": len(crisis_sets["not_acute"]),
            "recall": round(1 - len(missed) / len(crisis_sets["crisis"]), 4),
            "false_alarm_rate": round(len(alarms) / len(crisis_sets["not_acute"]), 4),
            "target_recall": 1.0,
            "target_false_alarm_rate_max": 0.05,
            # Which part of the safety net flagged each message (see bot/rasa_ext/nlp/safety_screen.py).
            "flagged_by": {kind: flagged_by(results) for kind, results in screened.items()},
            "missed": missed,
            "false_alarms": alarms,
        },
    }
