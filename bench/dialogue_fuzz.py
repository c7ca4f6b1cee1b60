"""Random conversations through the real assistant, checking what must hold in every turn.

The invariants: every message gets at least one reply; no text is sent twice in one reply, nor twice in
a row across two replies (the last message of one reply again as the first of the next); Rasa never hits
its limit of actions in one turn; no traceback in any log. A whole reply that repeats the one before is
counted (`repeated_replies`), not forbidden: asking the same question twice may get the same answer.
The messages are drawn from the NLU data, the development part of the real-voices set, the
buttons of the latest reply (clicked as payloads, or typed as their titles), long messages made of
several of these, typos, a switch of role mid-way, and a return after more than an hour. A seed makes
every failure reproducible: the failure names the seed and the conversation.
"""

from __future__ import annotations

import random
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tests.support.rest import age_conversation
from tests.support.servers import RunningAssistant, start_assistant

ROOT = Path(__file__).resolve().parents[1]
REAL_VOICES_DEV = ROOT / "bench" / "data" / "real_voices" / "development.yml"
ROLE_SWITCHES = (
    "ik vraag het eigenlijk voor mijn moeder",
    "ik ben zelf wijkverpleegkundige",
    "nee het gaat over mezelf",
    "mijn buurman is zo alleen",
)
# Seconds a turn's conversation is moved back to play a visitor who returns after more than an hour.
AN_HOUR_AND_MORE = 3700


@dataclass
class Violation:
    """One broken invariant, with what is needed to replay it."""

    seed: int
    conversation: int
    turn: int
    rule: str
    sent: str
    replies: list[str]


@dataclass
class FuzzReport:
    """What a fuzz run did and found."""

    seed: int
    conversations: int = 0
    messages: int = 0
    violations: list[Violation] = field(default_factory=list)
    repeated_replies: int = 0
    log_tracebacks: int = 0
    log_circuit_breaker: int = 0

    def as_dict(self) -> dict[str, Any]:
        """For the benchmark JSON."""
        return {
            "seed": self.seed,
            "conversations": self.conversations,
            "messages": self.messages,
            "violations": [vars(violation) for violation in self.violations[:50]],
            "violation_count": len(self.violations),
            "repeated_replies": self.repeated_replies,
            "log_tracebacks": self.log_tracebacks,
            "log_circuit_breaker": self.log_circuit_breaker,
        }


def nlu_examples() -> list[str]:
    """Every training example of the NLU data."""
    examples: list[str] = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in str(block.get("examples", "")).splitlines():
                line = line.strip()
                if line.startswith("- "):
                    examples.append(line[2:].strip())
    return examples


def real_voice_examples() -> list[str]:
    """The development part of the real-voices set (never the held-out part)."""
    if not REAL_VOICES_DEV.exists():
        return []
    return [str(item["text"]) for item in yaml.safe_load(REAL_VOICES_DEV.read_text(encoding="utf-8")) or []]


def with_typos(text: str, rng: random.Random) -> str:
    """The text with one or two letters swapped, dropped or doubled."""
    chars = list(text)
    for _ in range(rng.randint(1, 2)):
        if len(chars) < 3:
            break
        index = rng.randrange(len(chars) - 1)
        kind = rng.choice(("swap", "drop", "double"))
        if kind == "swap":
            chars[index], chars[index + 1] = chars[index + 1], chars[index]
        elif kind == "drop":
            del chars[index]
        else:
            chars.insert(index, chars[index])
    return "".join(chars)


class Fuzzer:
    """Drives random conversations and checks the invariants after every message."""

    def __init__(self, assistant: RunningAssistant, seed: int) -> None:
        """Prepare the message pools."""
        self.assistant = assistant
        self.rng = random.Random(seed)
        self.report = FuzzReport(seed=seed)
        self.nlu = nlu_examples()
        self.voices = real_voice_examples() or self.nlu

    def next_message(self, replies: list[dict[str, Any]]) -> str:
        """One message as a visitor might send it after these replies."""
        buttons = [button for reply in replies for button in reply.get("buttons") or []]
        roll = self.rng.random()
        if buttons and roll < 0.3:
            button = self.rng.choice(buttons)
            return str(button["payload"] if self.rng.random() < 0.7 else button["title"])
        if roll < 0.55:
            return self.rng.choice(self.voices)
        if roll < 0.8:
            return self.rng.choice(self.nlu)
        if roll < 0.88:
            return " ".join(self.rng.choice(self.voices + self.nlu) for _ in range(self.rng.randint(2, 4)))
        if roll < 0.96:
            return with_typos(self.rng.choice(self.nlu), self.rng)
        return self.rng.choice(ROLE_SWITCHES)

    def check(
        self, number: int, turn: int, sent: str, replies: list[dict[str, Any]], before: list[str]
    ) -> list[str]:
        """Check one turn; return its texts."""
        texts = [str(reply.get("text") or reply.get("custom") or "") for reply in replies]

        def fail(rule: str) -> None:
            self.report.violations.append(Violation(self.report.seed, number, turn, rule, sent, texts))

        if not texts:
            fail("no reply")
        if len(set(texts)) != len(texts):
            fail("the same text twice in one reply")
        if texts and before and texts[0] == before[-1]:
            fail("the same message twice in a row")
        if texts and texts == before:
            self.report.repeated_replies += 1
        return texts

    def conversation(self, number: int) -> None:
        """One random conversation of 3 to 9 messages."""
        sender = f"fuzz-{self.report.seed}-{number}-{uuid.uuid4().hex[:6]}"
        replies = self.assistant.send(sender, self.rng.choice(("hoi", "hallo", "goedemiddag", "hey")))
        before = self.check(number, 0, "hoi", replies, [])
        for turn in range(1, self.rng.randint(3, 9)):
            if self.rng.random() < 0.03:
                age_conversation(self.assistant, sender, AN_HOUR_AND_MORE)
                message = self.rng.choice(("hoi", "ik ben er weer"))
            else:
                message = self.next_message(replies)
            replies = self.assistant.send(sender, message)
            self.report.messages += 1
            before = self.check(number, turn, message, replies, before)
        self.report.conversations += 1

    def run(self, conversations: int) -> FuzzReport:
        """Run the conversations and read the logs."""
        for number in range(conversations):
            self.conversation(number)
        workdir = self.assistant.workdir
        logs = "".join((workdir / name).read_text(errors="replace") for name in ("rasa.log", "actions.log"))
        self.report.log_tracebacks = logs.count("Traceback")
        self.report.log_circuit_breaker = logs.count("Circuit breaker tripped")
        return self.report


def measure(workdir: Path, conversations: int, seed: int) -> dict[str, Any]:
    """Start the assistant, run the conversations, and report (for `make bench`)."""
    cache_seconds = 1.0
    assistant = start_assistant(workdir / "dialogue", tracker_cache_seconds=cache_seconds)
    started = time.perf_counter()
    try:
        report = Fuzzer(assistant, seed).run(conversations)
    finally:
        assistant.stop()
    result = report.as_dict()
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["targets"] = {"violation_count_max": 0, "log_tracebacks_max": 0, "log_circuit_breaker_max": 0}
    return result
