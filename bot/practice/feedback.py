"""Feedback at the end of a practice conversation: a score per phase, one overall score, and tips.

Scored from the practice state only (what the persona did with each turn), on the six phases of the
approach plus resistance and local cooperation, each 0 to 3 and said in words. The overall score is
"N van de 10". Asking directly about suicidal thoughts is credited: it is safe and often a relief.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.practice.engine import LISTENING, PracticeState, TraineeTurn
from bot.practice.personas import LAYERS, Persona, persona_by_id

LEVEL_WORDS: tuple[str, ...] = ("nog niet", "een begin", "goed", "sterk")
MAX_POINTS = 3
# (key, title) of the eight things scored, in the order of the approach.
PHASES: tuple[tuple[str, str], ...] = (
    ("herkennen", "Herkennen van eenzaamheid"),
    ("bespreekbaar", "Bespreekbaar maken"),
    ("luisteren", "Luisteren: situatie en oorzaken"),
    ("wensen", "Wensen en talenten"),
    ("stappen", "Steunen bij een eerste stap"),
    ("terugblikken", "Terug- en vooruitblikken"),
    ("weerstand", "Omgaan met weerstand"),
    ("samenwerken", "Lokaal samenwerken en doorverwijzen"),
)
# What a trainee said they find hard (the practice start asks it), as the phase it belongs to.
FOCUS_PHASES: dict[str, str] = {
    "beginnen": "bespreekbaar",
    "doorvragen": "luisteren",
    "weerstand": "weerstand",
    "wensen": "wensen",
    "stap": "stappen",
    "doorverwijzen": "samenwerken",
}
TIPS: dict[str, str] = {
    "herkennen": (
        "Begin bij het gewone leven: vraag hoe een dag eruitziet en wie er langskomt. Zo zie je de "
        "signalen, zonder meteen over eenzaamheid te beginnen."
    ),
    "bespreekbaar": (
        "Neem de tijd en zeg terug wat je hoort, zoals 'Dat klinkt stil'. Laat merken dat veel mensen "
        "dit kennen. Dan durft iemand er makkelijker over te praten."
    ),
    "luisteren": (
        "Vraag open door: wat is er veranderd, en sinds wanneer? Vat daarna kort samen wat je hoorde. "
        "Zo merkt de ander dat je echt luistert."
    ),
    "wensen": (
        "Vraag wat iemand mist, wat hij vroeger graag deed en waar hij goed in is. Daar vind je een stap "
        "die bij hem past."
    ),
    "stappen": (
        "Laat de ander de stap kiezen. Vraag bijvoorbeeld: 'Wat zou je zelf als eerste willen proberen?' "
        "Een kleine stap die iemand zelf kiest, houdt hij beter vol."
    ),
    "terugblikken": (
        "Vat aan het eind samen wat jullie bespraken. Spreek af dat je terugkomt, om te horen hoe het "
        "ging. Lukt het niet meteen? Blijf in contact en probeer het later opnieuw."
    ),
    "weerstand": (
        "Weerstand is geen nee. Ga er niet tegenin. Laat merken dat je het begrijpt, vraag waar het "
        "bezwaar vandaan komt en zet het even opzij."
    ),
}
REFERRAL_TIPS: dict[str, str] = {
    "huisarts": (
        "Somberheid, slecht slapen, afvallen en vergeten horen bij de huisarts. Stel dat voor als er "
        "vertrouwen is, en bied aan dat iemand meegaat."
    ),
    "local": (
        "Kijk wat er in de buurt is: vrijwilligers, maatjes, het sociaal wijkteam. Noem het pas als je "
        "weet wat de ander wil, niet als eerste zin."
    ),
}
# Why a line could be better, by its rank (see `_rank`).
REASONS: dict[int, str] = {
    5: "Advies voordat er vertrouwen was; dat riep weerstand op.",
    4: "Hier ging je er te direct op af.",
    3: "Een gesloten vraag gaf een kort antwoord.",
    2: "Hiermee kwam het gesprek niet verder.",
    1: "Dit was lang; korter is makkelijker te volgen.",
    0: "Dit ging al goed.",
}


@dataclass(frozen=True)
class PhaseScore:
    """One scored phase."""

    key: str
    title: str
    points: int  # 0..3

    @property
    def words(self) -> str:
        """The score in words."""
        return LEVEL_WORDS[self.points]


@dataclass(frozen=True)
class CardItem:
    """One thing on the persona's hidden card, and whether the trainee found it."""

    title: str
    value: str
    found: bool


@dataclass(frozen=True)
class BetterLine:
    """A line the trainee typed, with a better B1 alternative."""

    said: str
    reason: str
    better: str
    was_good: bool  # the line was fine already; the alternative is one more idea


@dataclass(frozen=True)
class Feedback:
    """Everything the feedback shows."""

    persona: str  # the persona's name
    resistance: str
    phases: tuple[PhaseScore, ...]
    overall: int  # 1..10
    open_questions: int
    closed_questions: int
    reflections: int  # reflections, summaries and normalising
    advice_before_trust: int
    asked_suicide: bool
    card: tuple[CardItem, ...]
    better_lines: tuple[BetterLine, ...]
    tips: tuple[str, ...]
    focus_note: str | None


def _count(state: PracticeState, label: str) -> int:
    return int(state["counts"].get(label, 0))


def _opened(state: PracticeState, layer: str) -> bool:
    return layer in state["opened"]


def _used(state: PracticeState, pool: str) -> bool:
    return any(key.startswith(f"{pool}#") for key in state["used"])


def _clamp(points: int) -> int:
    return max(0, min(MAX_POINTS, points))


def _referral_points(state: PracticeState, persona: Persona) -> int:
    if persona.card.referral == "huisarts" and state["step_chosen"] == "huisarts":
        return 3
    if state["referral"] == "fitting":
        return 3 if state["referral_accepted"] else 2
    if state["referral"] == "unfitting":
        return 1
    if state["referral"] == "early":
        return 0
    return 0 if persona.card.referral == "huisarts" else 1


def _resistance_points(state: PracticeState) -> int:
    listening_turns = sum(1 for turn in state["turns"] if LISTENING & set(turn["labels"]))
    if state["resistance_events"] == 0:
        return 3 if listening_turns >= 3 else 1
    points = 1 + min(2, state["resistance_listened"])
    if state["advice_before_trust"] >= 2:
        points -= 1
    if state["resistance_events"] >= 4:
        points -= 1
    return _clamp(points)


def phase_points(state: PracticeState, persona: Persona) -> dict[str, int]:
    """Points (0..3) for each of `PHASES`."""
    reflections = _count(state, "reflection")
    no_push = state["advice_before_trust"] == 0 and state["head_on"] == 0
    chosen = state["step_chosen"] is not None
    situation_lines = sum(1 for key in state["used"] if key.startswith("situation#"))
    return {
        "herkennen": _clamp(
            _opened(state, "situation") + _opened(state, "feeling")
            + (_count(state, "ask_network") > 0 or situation_lines >= 2)
        ),
        "bespreekbaar": _clamp(
            (reflections >= 1) + (_count(state, "normalising") >= 1 or reflections >= 3)
            + (no_push and reflections + _count(state, "normalising") >= 1)
        ),
        "luisteren": _clamp(
            _opened(state, "causes")
            + (_count(state, "open_question") > _count(state, "closed_question"))
            + (state["summaries"] >= 1)
        ),
        "wensen": _clamp(
            _opened(state, "wishes") + _opened(state, "talents")
            + (_opened(state, "wishes") and _opened(state, "talents")
               and _count(state, "ask_wish") + _count(state, "ask_talent") > 0)
        ),
        "stappen": _clamp(
            (state["step_named"] is not None) + chosen
            + (chosen and state["steps_pushed"] == 0 and state["advice_before_trust"] == 0)
        ),
        "terugblikken": _clamp(
            (state["summaries"] >= 1) + state["summary_after_wishes"] + state["follow_up"]
        ),
        "weerstand": _resistance_points(state),
        "samenwerken": _referral_points(state, persona),
    }


def overall_score(points: dict[str, int], asked_suicide: bool) -> int:
    """One score from 1 to 10: the share of all points, half a point extra for asking about suicide."""
    share = sum(points.values()) / (MAX_POINTS * len(PHASES)) * 10
    return max(1, min(10, round(share + (0.5 if asked_suicide else 0))))


def card_items(state: PracticeState, persona: Persona) -> tuple[CardItem, ...]:
    """The persona's card, each item with whether the trainee found it."""
    card = persona.card
    steps = ", ".join(step.label for step in persona.steps)
    return (
        CardItem("Soort eenzaamheid", card.kind_words, _opened(state, "feeling")),
        CardItem("Oorzaken", "; ".join(card.causes), _opened(state, "causes")),
        CardItem("Hoe lang al", card.duration, _opened(state, "causes") or _used(state, "closed:cause")),
        CardItem("Netwerk", card.network, _opened(state, "situation") or _used(state, "closed:network")),
        CardItem("Waar de weerstand vandaan komt", card.resistance_source, state["resistance_listened"] > 0),
        CardItem("Wensen", "; ".join(card.wishes), _opened(state, "wishes")),
        CardItem("Talenten", "; ".join(card.talents), _opened(state, "talents")),
        CardItem("Wat drijft", card.drives, _opened(state, "wishes") and _opened(state, "talents")),
        CardItem("Stappen die passen", steps, state["step_named"] is not None),
    )


def _rank(turn: TraineeTurn) -> int:
    """How much better a line could be: 5 (advice before trust) down to 0 (fine already)."""
    labels = set(turn["labels"])
    event = turn["event"]
    if event == "resistance" and labels & {"advice", "propose_step", "referring"}:
        return 5
    if event in ("head_on", "confused", "resistance"):
        return 4
    if event in ("closed", "not_mine"):
        return 3
    if event == "other":
        return 2
    return 1 if len(turn["text"].split()) > 25 else 0


def better_lines(state: PracticeState, persona: Persona, how_many: int = 2) -> tuple[BetterLine, ...]:
    """The trainee's weakest lines (the earliest first among equals), each with a better B1 line."""
    ranked = sorted(
        enumerate(state["turns"]), key=lambda pair: (-_rank(pair[1]), pair[0])
    )
    chosen: list[BetterLine] = []
    for _, turn in ranked:
        if len(chosen) == how_many:
            break
        if any(line.said == turn["text"] for line in chosen):
            continue
        rank = _rank(turn)
        # The line that would have opened the next layer; a different one than the line before it.
        start = LAYERS.index(turn["next_layer"] or "step")
        offered = {line.better for line in chosen}
        options = [persona.model_lines[layer] for layer in (*LAYERS[start:], *LAYERS[:start])]
        better = next(option for option in options if option not in offered)
        chosen.append(BetterLine(turn["text"], REASONS[rank], better, rank == 0))
    return tuple(chosen)


def build_feedback(state: PracticeState, focus: str | None = None) -> Feedback:
    """The feedback for a finished (or stopped) practice conversation."""
    persona = persona_by_id(state["persona"])
    points = phase_points(state, persona)
    phases = tuple(PhaseScore(key, title, points[key]) for key, title in PHASES)
    tips = []
    for phase in phases:
        if phase.points <= 1:
            tip = REFERRAL_TIPS[persona.card.referral] if phase.key == "samenwerken" else TIPS[phase.key]
            tips.append(f"{phase.title}: {tip}")
    focus_note = None
    if focus in FOCUS_PHASES:
        phase = next(p for p in phases if p.key == FOCUS_PHASES[focus])
        focus_note = f"Je wilde vooral oefenen met: {phase.title.lower()}. Daarop scoorde je: {phase.words}."
    return Feedback(
        persona=persona.name,
        resistance=state["resistance"],
        phases=phases,
        overall=overall_score(points, state["asked_suicide"]),
        open_questions=_count(state, "open_question"),
        closed_questions=_count(state, "closed_question"),
        reflections=_count(state, "reflection") + _count(state, "summary") + _count(state, "normalising"),
        advice_before_trust=state["advice_before_trust"],
        asked_suicide=state["asked_suicide"],
        card=card_items(state, persona),
        better_lines=better_lines(state, persona),
        tips=tuple(tips),
        focus_note=focus_note,
    )


def _questions(number: int, kind: str) -> str:
    return f"{number} {kind} {'vraag' if number == 1 else 'vragen'}"


def feedback_messages(feedback: Feedback) -> list[str]:
    """The feedback as chat messages, in B1 Dutch."""
    scores = "\n".join(f"- {phase.title}: {phase.words}" for phase in feedback.phases)
    messages = [
        f"Het oefengesprek met {feedback.persona} is klaar. "
        f"Je score: {feedback.overall} van de 10.\n{scores}",
        (
            f"Wat je deed: {_questions(feedback.open_questions, 'open')}, "
            f"{_questions(feedback.closed_questions, 'gesloten')}, {feedback.reflections} keer teruggeven "
            f"of samenvatten, {feedback.advice_before_trust} keer advies voordat er vertrouwen was."
        ),
    ]
    if feedback.asked_suicide:
        messages.append(
            "Goed dat je direct vroeg naar gedachten aan zelfmoord. Dat is veilig om te vragen, en het "
            "lucht vaak op. Dat telt mee in je score."
        )
    found = [item for item in feedback.card if item.found]
    missed = [item for item in feedback.card if not item.found]
    card_lines = [f"Wat {feedback.persona} had, en wat jij vond:"]
    card_lines += [f"- Gevonden: {item.title.lower()}: {item.value}" for item in found]
    card_lines += [f"- Nog niet gevonden: {item.title.lower()}: {item.value}" for item in missed]
    messages.append("\n".join(card_lines))
    if feedback.better_lines:
        lines = ["Twee zinnen van jou, en hoe het ook kan:"]
        for line in feedback.better_lines:
            lead = "Nog een idee" if line.was_good else "Beter"
            lines.append(f"- Jij: \"{line.said}\" {line.reason} {lead}: \"{line.better}\"")
        messages.append("\n".join(lines))
    if feedback.tips:
        messages.append("Tips:\n" + "\n".join(f"- {tip}" for tip in feedback.tips))
    if feedback.focus_note:
        messages.append(feedback.focus_note)
    return messages

