"""The persona engine: a practice persona that reacts to how the trainee speaks to it.

Trust grows with open questions, reflections, summaries and normalising, and opens the persona's
layers one by one (situation -> feeling -> causes -> wishes -> talents -> a step). Closed questions get
short answers and open nothing. Advice, "je moet" or a proposed step before there is trust, and asking
head-on whether the persona is lonely, bring resistance in the persona's own words. The persona takes
only a step it named itself. No line is said twice.

The whole conversation lives in a `PracticeState`, a plain JSON-serialisable dict (Rasa keeps it in a
slot). The trainee's own lines are kept only there, for the feedback at the end.
"""

from __future__ import annotations

import copy
import random
import re
from collections.abc import Iterable
from typing import Literal, TypedDict

from bot.practice.personas import LAYERS, Persona, persona_by_id
from bot.practice.turn_labels import label_turn
from bot.text import normalise

Resistance = Literal["meer", "normaal", "minder"]
RESISTANCE_LEVELS: tuple[Resistance, ...] = ("meer", "normaal", "minder")
PERSONA_PREFIX = "Oefenpersoon"
GUIDE_PREFIX = "Oefenleider"

# Trust needed for each layer at "normaal" resistance.
THRESHOLDS: dict[str, float] = {
    "situation": 0.0, "feeling": 2.0, "causes": 3.5, "wishes": 5.0, "talents": 6.0, "step": 7.5,
}
# Per resistance level: factor on the thresholds, trust at the start, trust lost by pushing too early.
LEVELS: dict[str, tuple[float, float, float]] = {
    "meer": (1.4, -1.0, 2.0),
    "normaal": (1.0, 0.0, 1.5),
    "minder": (0.7, 1.0, 1.0),
}
GAINS: dict[str, float] = {"open_question": 1.0, "reflection": 1.5, "summary": 2.0, "normalising": 1.0}
MAX_TRUST = 14.0
LISTENING = frozenset({"open_question", "reflection", "summary", "normalising"})
# The layer a topical open question asks for.
TOPIC_LAYERS: tuple[tuple[str, str], ...] = (
    ("ask_talent", "talents"), ("ask_wish", "wishes"), ("ask_cause", "causes"), ("ask_network", "situation"),
)
CLOSED_TOPIC_OF: tuple[tuple[str, str], ...] = (
    ("ask_network", "network"), ("ask_cause", "cause"), ("ask_wish", "wish"), ("ask_talent", "talent"),
)

_MUST = re.compile(
    r"\b(je|jij|u) (moet|moeten|zou (eens |echt |gewoon |toch )?moeten)\b|"
    r"\bmoet (je|jij|u)\b|\bmoeten jullie\b"
)
_FOLLOW_UP = re.compile(
    r"\b(volgende (keer|week|maand)|terugkom\w*|terug (te )?komen|langskom\w*|langs (te )?komen|"
    r"weer langs|nog eens langs|hoe het (is )?gegaan|hoe het ging|hoe het was|"
    r"(bel|bellen|spreek|spreken|zie|zien) (ik|we) (je|jou|u|elkaar)? ?(nog|weer|later|snel))"
)
_HEAD_ON = re.compile(r"\b(eenzaam\w*|alleen voel\w*|voel\w* (je|jij|u|zich)( \w+)? alleen|probleem\w*)\b")
_FEELING_WORDS = re.compile(r"\b(voel\w*|gaat het|gevoel\w*|eenzaam\w*|verdriet\w*)\b")
_HUISARTS = re.compile(r"\b(huisarts\w*|dokter\w*|arts|praktijkondersteuner|poh|ggz|psycholoog)\b")
_LOCAL = re.compile(
    r"\b(vrijwillig\w*|maatje\w*|buurthuis|wijkteam|sociaal team|welzijn\w*|repair\w*|taalcafe|"
    r"taalmaatje|bibliotheek|mantelzorg\w*|steunpunt|buurtcentrum|vereniging|koor|club|"
    r"schuldhulp\w*|begeleider|buurtcoach|ouderenadviseur|ouderenwerk\w*|wmo|loket|mee|"
    r"bezoekdienst|thuishulp|dagbesteding|in de buurt|organisatie|activiteit\w*)\b"
)
# Simple language: at most this many words, and no word longer than this.
SIMPLE_MAX_WORDS = 14
SIMPLE_MAX_WORD_LENGTH = 13


class TraineeTurn(TypedDict):
    """One trainee turn as the state keeps it, for the feedback."""

    text: str  # what the trainee typed (kept only in the practice state)
    labels: list[str]  # what the turn classifier read in it
    trust: float  # the persona's trust before the turn
    next_layer: str | None  # the layer that was next to open
    event: str  # what the persona did with it: "layer:feeling", "closed", "resistance", ...


class PracticeState(TypedDict):
    """Everything about one practice conversation; plain JSON."""

    persona: str  # persona id
    resistance: str  # "meer", "normaal" or "minder"
    trust: float
    opened: list[str]  # layers opened, in order
    used: list[str]  # lines said, as "<pool>#<index>"
    counts: dict[str, int]  # trainee turns per label
    advice_before_trust: int  # advice, "je moet" or a step pushed before the persona was ready
    resistance_events: int  # times the persona answered with resistance
    resistance_listened: int  # times the trainee listened after resistance and heard where it came from
    resistance_pending: bool  # the latest reply was resistance
    head_on: int  # times loneliness was asked about head-on, too early
    steps_pushed: int  # steps the trainee proposed after trust, not the persona's own
    step_named: str | None  # the step the persona named itself
    step_chosen: str | None  # the step the persona said yes to
    referral: str | None  # "fitting", "unfitting" or "early"
    referral_accepted: bool
    asked_suicide: bool
    summaries: int
    summary_after_wishes: bool
    follow_up: bool  # the trainee looked ahead: coming back, asking later how it went
    confused: int  # turns too hard for a persona that needs simple language
    turns: list[TraineeTurn]
    seed: int
    exhausted: bool  # the persona has nothing new left to say


def _level(state: PracticeState) -> tuple[float, float, float]:
    return LEVELS.get(state["resistance"], LEVELS["normaal"])


def threshold(state: PracticeState, layer: str) -> float:
    """The trust this layer needs at the state's resistance level."""
    return THRESHOLDS[layer] * _level(state)[0]


def start(persona_id: str, resistance: str = "normaal", seed: int | None = None) -> PracticeState:
    """A new practice conversation with this persona; `KeyError` for an unknown persona."""
    persona_by_id(persona_id)
    level = resistance if resistance in LEVELS else "normaal"
    return PracticeState(
        persona=persona_id,
        resistance=level,
        trust=LEVELS[level][1],
        opened=[],
        used=[],
        counts={},
        advice_before_trust=0,
        resistance_events=0,
        resistance_listened=0,
        resistance_pending=False,
        head_on=0,
        steps_pushed=0,
        step_named=None,
        step_chosen=None,
        referral=None,
        referral_accepted=False,
        asked_suicide=False,
        summaries=0,
        summary_after_wishes=False,
        follow_up=False,
        confused=0,
        turns=[],
        seed=random.randrange(1_000_000) if seed is None else seed,
        exhausted=False,
    )


def persona_line(persona: Persona, line: str) -> str:
    """A line marked as the persona's, so nobody takes it for a real person."""
    return f"{PERSONA_PREFIX} {persona.name}: {line}"


def _pick(state: PracticeState, persona: Persona, pool: str, first: bool = False) -> str | None:
    """An unused line of the pool, marked as used; None if none is left.

    At random among the unused ones, or with `first` the first unused one (a layer opens with its
    first line, which leads into the others).
    """
    lines = persona.lines(pool)
    said = {text for key in state["used"] for text in _said(persona, key)}
    used = set(state["used"])
    unused = [index for index, line in enumerate(lines) if f"{pool}#{index}" not in used and line not in said]
    if not unused:
        return None
    rng = random.Random(state["seed"] * 1009 + len(state["used"]))
    index = unused[0] if first else rng.choice(unused)
    state["used"].append(f"{pool}#{index}")
    return lines[index]


def _said(persona: Persona, key: str) -> tuple[str, ...]:
    """The line a used key stands for ("<pool>#<index>"), as a tuple of zero or one."""
    pool, _, index = key.rpartition("#")
    lines = persona.lines(pool)
    return (lines[int(index)],) if index.isdigit() and int(index) < len(lines) else ()


def _first(
    state: PracticeState, persona: Persona, pools: Iterable[str], in_order: bool = False
) -> tuple[str, str] | None:
    """The first pool in order that still has an unused line: (pool, line)."""
    for pool in pools:
        line = _pick(state, persona, pool, first=in_order)
        if line is not None:
            return pool, line
    return None


def opening(state: PracticeState) -> tuple[PracticeState, str]:
    """The persona's first words, before the trainee says anything."""
    new = copy.deepcopy(state)
    persona = persona_by_id(new["persona"])
    line = _pick(new, persona, "opening") or persona.lines("opening")[0]
    return new, persona_line(persona, line)


def next_layer(state: PracticeState) -> str | None:
    """The layer that opens next, or None when all are open."""
    return next((layer for layer in LAYERS if layer not in state["opened"]), None)


def _mentions(text: str, words: Iterable[str]) -> bool:
    return any(word in text for word in words)


def pushes(labels: frozenset[str], text: str) -> bool:
    """Advice, "je moet", or a step put forward (not asked for): the trainee steers."""
    if "advice" in labels or _MUST.search(text):
        return True
    return "propose_step" in labels and "open_question" not in labels


def too_hard(text: str) -> bool:
    """Too long or with too long words for someone who needs simple language."""
    words = text.split()
    longest = max((len(word.strip(".,!?;:")) for word in words), default=0)
    return len(words) > SIMPLE_MAX_WORDS or longest > SIMPLE_MAX_WORD_LENGTH


def _closed_pools(labels: frozenset[str], text: str) -> list[str]:
    topics = [topic for label, topic in CLOSED_TOPIC_OF if label in labels]
    if not topics and _FEELING_WORDS.search(text):
        topics = ["feeling"]
    return [f"closed:{topic}" for topic in topics] + ["closed:default", "holding"]


def _requested_layer(labels: frozenset[str]) -> str | None:
    if "propose_step" in labels and "open_question" in labels:
        return "step"  # "wat zou je zelf als eerste willen proberen?": the persona may choose
    return next((layer for label, layer in TOPIC_LAYERS if label in labels), None)


def _open_layer(state: PracticeState, persona: Persona, layer: str, text: str) -> str | None:
    """Open a layer and say its first line; for the step, the persona names a step of its own."""
    if layer == "step":
        steps = sorted(persona.steps, key=lambda step: not _mentions(text, step.words))
        for step in steps:
            line = _pick(state, persona, f"step:{step.id}")
            if line is not None:
                state["opened"].append("step")
                state["step_named"] = step.id
                return line
        return None
    line = _pick(state, persona, layer, first=True)
    if line is not None:
        state["opened"].append(layer)
    return line


def _listen_reply(
    state: PracticeState, persona: Persona, labels: frozenset[str], text: str
) -> tuple[str, str]:
    """The answer to a listening turn: the next layer when trust allows, else more of what is open."""
    upcoming = next_layer(state)
    requested = _requested_layer(labels)
    if requested in state["opened"] and requested != "step":
        line = _pick(state, persona, requested)
        if line is not None:
            return f"layer:{requested}", line
    if upcoming is not None and state["trust"] >= threshold(state, upcoming):
        line = _open_layer(state, persona, upcoming, text)
        if line is not None:
            return f"open:{upcoming}", line
    deeper = [layer for layer in reversed(state["opened"]) if layer != "step"]
    found = _first(state, persona, [*deeper, "holding"])
    if found is not None:
        return f"layer:{found[0]}", found[1]
    return "exhausted", ""


def _referral_reply(state: PracticeState, persona: Persona, text: str) -> tuple[str, str | None]:
    fits_huisarts = bool(_HUISARTS.search(text))
    fits_local = bool(_LOCAL.search(text)) and not fits_huisarts
    fitting = fits_huisarts if persona.card.referral == "huisarts" else fits_local
    ready_layer = "feeling" if persona.card.referral == "huisarts" else "wishes"
    if ready_layer not in state["opened"]:
        state["referral"] = state["referral"] or "early"
        return "resistance", None
    if fitting:
        state["referral"] = "fitting"
        found = _first(state, persona, ["referral_yes", "holding"])
        if found is not None:
            state["referral_accepted"] = found[0] == "referral_yes"
            state["trust"] += 0.5
            return "referral_yes", found[1]
        return "exhausted", ""
    if state["referral"] != "fitting":
        state["referral"] = "unfitting"
    found = _first(state, persona, ["referral_no", "not_mine", "holding"])
    return ("referral_no", found[1]) if found else ("exhausted", "")


def _resist(state: PracticeState, persona: Persona, text: str, counts_as_advice: bool) -> tuple[str, str]:
    """Resistance in the persona's own words (a tripwire's line when one was touched)."""
    state["trust"] -= _level(state)[2]
    if counts_as_advice:
        state["advice_before_trust"] += 1
    state["resistance_events"] += 1
    state["resistance_pending"] = True
    pools = [f"tripwire:{i}" for i, wire in enumerate(persona.tripwires) if _mentions(text, wire.words)]
    found = _first(state, persona, [*pools, "resistance", "holding"])
    return ("resistance", found[1]) if found else ("exhausted", "")


def _push_reply(state: PracticeState, persona: Persona, text: str) -> tuple[str, str]:
    """The persona's answer to advice or a proposed step."""
    named = persona.step(state["step_named"]) if state["step_named"] else None
    if named is not None and state["step_chosen"] is None and _mentions(text, named.words):
        return _accept(state, persona)
    wires = [f"tripwire:{i}" for i, wire in enumerate(persona.tripwires) if _mentions(text, wire.words)]
    if state["step_chosen"] is None and (state["trust"] < threshold(state, "step") or wires):
        return _resist(state, persona, text, counts_as_advice=True)
    state["steps_pushed"] += 1
    found = _first(state, persona, ["not_mine", "after_step", "holding"])
    return ("not_mine", found[1]) if found else ("exhausted", "")


def _accept(state: PracticeState, persona: Persona) -> tuple[str, str]:
    step_id = state["step_named"] or ""
    line = _pick(state, persona, f"accept:{step_id}")
    if line is None:
        found = _first(state, persona, ["after_step", "holding"])
        return ("after_step", found[1]) if found else ("exhausted", "")
    state["step_chosen"] = step_id
    return "accept", line


def _reply(
    state: PracticeState, persona: Persona, labels: frozenset[str], text: str
) -> tuple[str, str | None]:
    """Decide what the persona does with this turn: (event, line); an empty line means nothing left."""
    listening = labels & LISTENING
    if persona.simple_language and too_hard(text):
        state["confused"] += 1
        found = _first(state, persona, ["confused", "holding"])
        return ("confused", found[1]) if found else ("exhausted", "")
    if "ask_suicide" in labels:
        state["asked_suicide"] = True
        state["trust"] += 0.5
        found = _first(state, persona, ["suicide", "holding"])
        return ("suicide", found[1]) if found else ("exhausted", "")
    if _FOLLOW_UP.search(text) and not ("advice" in labels and state["step_chosen"] is None):
        state["follow_up"] = True
        found = _first(state, persona, ["follow_up", "after_step", "holding"])
        return ("follow_up", found[1]) if found else ("exhausted", "")
    if "referring" in labels or _HUISARTS.search(text):
        event, line = _referral_reply(state, persona, text)
        if event != "resistance":
            return event, line
        return _resist(state, persona, text, counts_as_advice=True)
    if pushes(labels, text):
        return _push_reply(state, persona, text)
    early = "feeling" not in state["opened"] and "reflection" not in labels and "normalising" not in labels
    if early and _HEAD_ON.search(text) and ("open_question" in labels or "closed_question" in labels):
        state["head_on"] += 1
        state["trust"] -= 0.5
        state["resistance_events"] += 1
        state["resistance_pending"] = True
        found = _first(state, persona, ["head_on", "resistance", "holding"])
        return ("head_on", found[1]) if found else ("exhausted", "")
    state["trust"] += sum(GAINS[label] for label in listening)
    if "summary" in labels:
        state["summaries"] += 1
        state["summary_after_wishes"] = state["summary_after_wishes"] or "wishes" in state["opened"]
    if state["resistance_pending"] and listening:
        line = _pick(state, persona, "resistance_explained")
        if line is not None:
            state["resistance_listened"] += 1
            state["trust"] += 1.0
            return "resistance_explained", line
    if "closed_question" in labels and not labels & {"open_question", "summary"}:
        found = _first(state, persona, _closed_pools(labels, text), in_order=True)
        return ("closed", found[1]) if found else ("exhausted", "")
    if state["step_named"] and state["step_chosen"] is None and listening:
        return _accept(state, persona)
    if listening:
        return _listen_reply(state, persona, labels, text)
    found = _first(state, persona, ["holding"])
    return ("other", found[1]) if found else ("exhausted", "")


def respond(
    state: PracticeState, trainee_text: str, labels: Iterable[str] | None = None
) -> tuple[PracticeState, str]:
    """The persona's answer to one trainee turn, and the new state (the old one is not changed).

    `labels` are the turn's labels; without them the turn classifier (`label_turn`) reads the text.
    """
    new = copy.deepcopy(state)
    persona = persona_by_id(new["persona"])
    found_labels = frozenset(labels) if labels is not None else label_turn(trainee_text)
    text = normalise(trainee_text)
    for label in found_labels:
        new["counts"][label] = new["counts"].get(label, 0) + 1
    turn = TraineeTurn(
        text=trainee_text.strip(), labels=sorted(found_labels), trust=round(new["trust"], 2),
        next_layer=next_layer(new), event="",
    )
    event, line = _reply(new, persona, found_labels, text)
    if event not in ("resistance", "head_on"):
        new["resistance_pending"] = False
    new["trust"] = max(-5.0, min(MAX_TRUST, round(new["trust"], 2)))
    turn["event"] = event
    new["turns"].append(turn)
    if event == "exhausted" or not line:
        new["exhausted"] = True
        return new, (
            f"{GUIDE_PREFIX}: {persona.name} heeft nu alles gezegd wat er te zeggen is. "
            "Typ 'stop oefenen' om je feedback te zien."
        )
    return new, persona_line(persona, line)


def found_layers(state: PracticeState) -> list[str]:
    """The layers the trainee opened, in the order of `LAYERS`."""
    return [layer for layer in LAYERS if layer in state["opened"]]
