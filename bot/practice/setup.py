"""Before a practice conversation: what the trainee finds hard, and which persona to practise with.

The practice mode asks both with buttons (their payload is the plain title, so a typed answer works
too). The answers are read here; the session's stage and the persona conversation are kept in one
JSON-serialisable `PracticeSession` (the Rasa slot `practice`).
"""

from __future__ import annotations

import random
from typing import Literal, TypedDict

from bot.practice.engine import RESISTANCE_LEVELS, PracticeState
from bot.practice.personas import Persona, load_personas
from bot.text import normalise

Stage = Literal["focus", "persona", "playing"]
ANY_PERSONA = "Kies jij maar"
# (focus key, button title, word stems that choose it when typed)
FOCUS_OPTIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("beginnen", "Erover beginnen", ("begin", "bespreek", "aankaart", "ter sprake", "openen")),
    ("doorvragen", "Doorvragen en luisteren", ("doorvra", "luister", "vragen stel", "oorza")),
    ("weerstand", "Omgaan met weerstand", ("weerstand", "wil niet", "afwijz", "red me wel", "boos")),
    ("wensen", "Wensen en talenten vinden", ("wens", "talent", "goed in")),
    ("stap", "Samen een eerste stap", ("stap", "actie", "plan", "doen")),
    ("doorverwijzen", "Doorverwijzen", ("doorverwijz", "verwijz", "huisarts", "wijkteam", "melden")),
    ("weet_niet", "Weet ik nog niet", ("weet ik niet", "weet niet", "geen idee", "alles", "maakt niet uit")),
)
# Personas that suit each focus best (shown first); the rest follow in file order.
FOCUS_PERSONAS: dict[str, tuple[str, ...]] = {
    "beginnen": ("noor", "henk"),
    "doorvragen": ("ria", "gerrit"),
    "weerstand": ("henk", "ruud"),
    "wensen": ("els", "daan"),
    "stap": ("amira", "ria"),
    "doorverwijzen": ("gerrit", "ruud"),
}


class PracticeSession(TypedDict):
    """The practice mode's slot value."""

    stage: Stage  # which question is open, or "playing"
    focus: str | None  # what the trainee finds hard (a key of FOCUS_OPTIONS)
    game: PracticeState | None  # the persona conversation, once it runs


def new_session() -> PracticeSession:
    """A practice session that asks what the trainee finds hard first."""
    return PracticeSession(stage="focus", focus=None, game=None)


def focus_buttons() -> list[dict[str, str]]:
    """Buttons for the focus question; each payload is its own title."""
    return [{"title": title, "payload": title} for _, title, _ in FOCUS_OPTIONS]


def read_focus(text: str) -> str | None:
    """The focus a trainee chose or typed, or None."""
    said = normalise(text)
    for key, title, _ in FOCUS_OPTIONS:
        if said == normalise(title):
            return key
    for key, _, stems in FOCUS_OPTIONS:
        if any(stem in said for stem in stems):
            return key
    return None


def ordered_personas(focus: str | None) -> list[Persona]:
    """Every persona, those that suit the focus first."""
    personas = load_personas()
    first = [personas[key] for key in FOCUS_PERSONAS.get(focus or "", ()) if key in personas]
    return first + [persona for persona in personas.values() if persona not in first]


def persona_buttons(focus: str | None) -> list[dict[str, str]]:
    """Buttons for the persona question, plus "Kies jij maar"."""
    buttons = [{"title": p.summary, "payload": p.summary} for p in ordered_personas(focus)]
    return [*buttons, {"title": ANY_PERSONA, "payload": ANY_PERSONA}]


def read_persona(text: str, focus: str | None = None, rng: random.Random | None = None) -> Persona | None:
    """The persona a trainee chose (by name, summary or number), one for "kies jij maar", or None."""
    said = normalise(text)
    personas = ordered_personas(focus)
    for persona in personas:
        if said == normalise(persona.summary) or normalise(persona.name) in said.split():
            return persona
    words = said.split()
    if len(words) == 1 and words[0].isdigit() and 1 <= int(words[0]) <= len(personas):
        return personas[int(words[0]) - 1]
    if any(phrase in said for phrase in ("kies jij", "maakt niet uit", "maak jij", "verras", "willekeurig")):
        suits = FOCUS_PERSONAS.get(focus or "")
        pool = [p for p in personas if suits is None or p.id in suits]
        return (rng or random.Random()).choice(pool)
    return None


def read_resistance(value: object) -> str:
    """A resistance level from a button's entity, "normaal" when it is not one."""
    return value if isinstance(value, str) and value in RESISTANCE_LEVELS else "normaal"
