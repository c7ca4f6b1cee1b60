"""The practice personas: people a trainee can practise a conversation with, one YAML file each.

A persona file (`data/practice/personas/<id>.yml`) has a public introduction the trainee reads, a hidden
card (what the persona "has": its kind of loneliness, causes, wishes, talents, ...) and the lines it
can say, in layers that open one by one as trust grows: situation, feeling, causes, wishes, talents,
and last a small step the persona chooses itself. See docs/practice.md for the fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PERSONA_DIR = PROJECT_ROOT / "data" / "practice" / "personas"

# The layers in the order they open; the step is the last one and is chosen by the persona itself.
LAYERS: tuple[str, ...] = ("situation", "feeling", "causes", "wishes", "talents", "step")
HIDDEN_LAYERS: tuple[str, ...] = LAYERS[1:]
KINDS = frozenset({"social", "emotional", "existential", "isolation"})
REFERRALS = frozenset({"huisarts", "local"})
# Short answers to closed questions, by what the question is about.
CLOSED_TOPICS: tuple[str, ...] = ("default", "network", "feeling", "cause", "wish", "talent")
# Pools of lines the engine picks from (each needs at least one line).
LINE_POOLS: tuple[str, ...] = (
    "opening",
    "resistance",
    "resistance_explained",
    "head_on",
    "not_mine",
    "holding",
    "suicide",
    "referral_yes",
    "referral_no",
    "follow_up",
    "after_step",
)
Address = Literal["je", "u"]


class PersonaError(ValueError):
    """A persona file is missing something or has a value the engine cannot use."""


@dataclass(frozen=True)
class Step:
    """A small step the persona would accept, because it chose it itself."""

    id: str
    label: str  # the step in a few words, for the feedback ("koffie bij buurman Jan")
    words: tuple[str, ...]  # word stems that say a trainee's turn is about this step
    says: str  # the persona naming the step as its own idea
    accept: str  # the persona saying yes to it, once the trainee backs it


@dataclass(frozen=True)
class Tripwire:
    """Something a trainee may bring up that this persona reacts badly to (its own words)."""

    words: tuple[str, ...]
    says: str


@dataclass(frozen=True)
class Card:
    """What the persona has, hidden from the trainee until the feedback."""

    kind: str  # social, emotional, existential or isolation (social isolation)
    kind_words: str  # the kind in words, for the feedback
    causes: tuple[str, ...]
    duration: str
    network: str
    resistance_source: str
    wishes: tuple[str, ...]
    talents: tuple[str, ...]
    drives: str
    referral: str  # "huisarts" (signals for the doctor) or "local" (the local network)
    referral_words: str  # what a fitting referral is, in words


@dataclass(frozen=True)
class Persona:
    """One persona: its introduction, its card and every line it can say."""

    id: str
    name: str
    age: int
    address: Address  # how a trainee would address this persona in the model lines
    simple_language: bool  # needs short sentences and common words
    summary: str  # one line for the choice buttons
    public_intro: str
    card: Card
    layers: dict[str, tuple[str, ...]]  # situation .. talents -> variants
    steps: tuple[Step, ...]
    closed: dict[str, tuple[str, ...]]  # topic -> short answers
    pools: dict[str, tuple[str, ...]]  # LINE_POOLS and "confused" -> lines
    tripwires: tuple[Tripwire, ...]
    model_lines: dict[str, str]  # layer -> a good trainee line that opens it (B1)

    def lines(self, pool: str) -> tuple[str, ...]:
        """The lines of one pool (a layer, `closed:<topic>`, or a pool of `LINE_POOLS`)."""
        if pool in self.layers:
            return self.layers[pool]
        if pool.startswith("closed:"):
            return self.closed.get(pool.split(":", 1)[1], ())
        if pool.startswith("step:"):
            step = self.step(pool.split(":", 1)[1])
            return (step.says,) if step else ()
        if pool.startswith("accept:"):
            step = self.step(pool.split(":", 1)[1])
            return (step.accept,) if step else ()
        if pool.startswith("tripwire:"):
            index = int(pool.split(":", 1)[1])
            return (self.tripwires[index].says,) if index < len(self.tripwires) else ()
        return self.pools.get(pool, ())

    def step(self, step_id: str) -> Step | None:
        """The step with this id, or None."""
        return next((step for step in self.steps if step.id == step_id), None)


def _strings(value: Any, where: str, minimum: int = 1) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) < minimum:
        raise PersonaError(f"{where}: een lijst met minstens {minimum} tekst(en) verwacht")
    lines = tuple(str(item).strip() for item in value)
    if any(not line for line in lines):
        raise PersonaError(f"{where}: lege tekst")
    return lines


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, (str, int)) or not str(value).strip():
        raise PersonaError(f"{where}: '{key}' ontbreekt")
    return str(value).strip()


def _card(data: Any, where: str) -> Card:
    if not isinstance(data, dict):
        raise PersonaError(f"{where}: 'card' ontbreekt")
    card = Card(
        kind=_text(data, "kind", where),
        kind_words=_text(data, "kind_words", where),
        causes=_strings(data.get("causes"), f"{where} causes", 2),
        duration=_text(data, "duration", where),
        network=_text(data, "network", where),
        resistance_source=_text(data, "resistance_source", where),
        wishes=_strings(data.get("wishes"), f"{where} wishes"),
        talents=_strings(data.get("talents"), f"{where} talents"),
        drives=_text(data, "drives", where),
        referral=_text(data, "referral", where),
        referral_words=_text(data, "referral_words", where),
    )
    if card.kind not in KINDS:
        raise PersonaError(f"{where}: kind '{card.kind}' is niet een van {sorted(KINDS)}")
    if card.referral not in REFERRALS:
        raise PersonaError(f"{where}: referral '{card.referral}' is niet een van {sorted(REFERRALS)}")
    return card


def _steps(data: Any, where: str) -> tuple[Step, ...]:
    if not isinstance(data, list) or not data:
        raise PersonaError(f"{where}: 'steps' ontbreekt")
    steps = []
    for item in data:
        if not isinstance(item, dict):
            raise PersonaError(f"{where}: een stap is geen mapping")
        steps.append(
            Step(
                id=_text(item, "id", where),
                label=_text(item, "label", where),
                words=tuple(word.lower() for word in _strings(item.get("words"), f"{where} step words")),
                says=_text(item, "says", where),
                accept=_text(item, "accept", where),
            )
        )
    return tuple(steps)


def parse_persona(data: Any, where: str = "persona") -> Persona:
    """Build a persona from the parsed YAML of one file; `PersonaError` says what is wrong."""
    if not isinstance(data, dict):
        raise PersonaError(f"{where}: geen mapping")
    layer_data = data.get("layers") or {}
    layers = {name: _strings(layer_data.get(name), f"{where} layers.{name}", 3) for name in LAYERS[:-1]}
    closed_data = data.get("closed") or {}
    closed = {
        topic: _strings(closed_data.get(topic), f"{where} closed.{topic}", 2) for topic in CLOSED_TOPICS
    }
    pools = {name: _strings(data.get(name), f"{where} {name}") for name in LINE_POOLS}
    simple = bool(data.get("simple_language", False))
    if simple:
        pools["confused"] = _strings(data.get("confused"), f"{where} confused", 2)
    tripwires = tuple(
        Tripwire(words=tuple(w.lower() for w in _strings(t.get("words"), f"{where} tripwire")),
                 says=_text(t, "says", where))
        for t in data.get("tripwires") or []
    )
    model = data.get("model_lines") or {}
    model_lines = {layer: _text(model, layer, f"{where} model_lines") for layer in LAYERS}
    address = _text(data, "address", where)
    if address not in ("je", "u"):
        raise PersonaError(f"{where}: address moet 'je' of 'u' zijn")
    return Persona(
        id=_text(data, "id", where),
        name=_text(data, "name", where),
        age=int(_text(data, "age", where)),
        address="u" if address == "u" else "je",
        simple_language=simple,
        summary=_text(data, "summary", where),
        public_intro=_text(data, "public_intro", where),
        card=_card(data.get("card"), where),
        layers=layers,
        steps=_steps(data.get("steps"), where),
        closed=closed,
        pools=pools,
        tripwires=tripwires,
        model_lines=model_lines,
    )


def load_persona_file(path: Path) -> Persona:
    """One persona from its file; its id must be the file name."""
    persona = parse_persona(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
    if persona.id != path.stem:
        raise PersonaError(f"{path.name}: id '{persona.id}' hoort gelijk te zijn aan de bestandsnaam")
    return persona


@lru_cache(maxsize=4)
def load_personas(directory: Path = PERSONA_DIR) -> dict[str, Persona]:
    """Every persona in the directory, by id, in file-name order."""
    return {path.stem: load_persona_file(path) for path in sorted(directory.glob("*.yml"))}


def persona_by_id(persona_id: str) -> Persona:
    """The persona with this id; `KeyError` when there is none."""
    return load_personas()[persona_id]
