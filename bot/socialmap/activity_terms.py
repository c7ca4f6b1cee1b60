"""The words of the social map: interests, audiences and week days, and which kind of loneliness each fits.

One source of truth for the activity data files, the database, the look-up and the conversation.
The interests are the ones the conversation recognises (`bot.conversation.listening.INTEREST_PATTERNS`).
"""

from __future__ import annotations

from bot.conversation.listening import INTEREST_PATTERNS

INTERESTS: tuple[str, ...] = tuple(INTEREST_PATTERNS)

AUDIENCES: tuple[str, ...] = (
    "ouderen",
    "jongeren",
    "mantelzorgers",
    "mensen met een beperking",
    "iedereen",
)

# Day abbreviations as written in the data files; 0 = Monday (Python's weekday()).
DAY_CODES: tuple[str, ...] = ("ma", "di", "wo", "do", "vr", "za", "zo")
DAY_NAMES: tuple[str, ...] = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

# Which interests answer which kind of loneliness (see the approach: social -> widen contacts in a
# group; emotional -> one close bond; existential -> a meaningful role).
ONE_TO_ONE: frozenset[str] = frozenset({"maatje"})
MEANINGFUL_ROLE: frozenset[str] = frozenset({"vrijwilligerswerk"})
CLOSE_BOND: frozenset[str] = frozenset({"maatje", "rouw en verlies"})


def fits_kind(interests: tuple[str, ...] | list[str], kind: str | None) -> bool:
    """Tell whether an activity with these interests answers this kind of loneliness."""
    chosen = set(interests)
    if kind == "emotional":
        return bool(chosen & CLOSE_BOND)
    if kind == "existential":
        return bool(chosen & MEANINGFUL_ROLE)
    # Social loneliness (and unknown): any group activity widens contacts.
    return not chosen <= ONE_TO_ONE


def day_from_text(text: str) -> int | None:
    """The week day named in a normalised text ("op dinsdag", "dinsdagmiddag", "di"), or None."""
    for number, name in enumerate(DAY_NAMES):
        if name in text:
            return number
    return None


def weekend_in_text(text: str) -> bool:
    """Tell whether a normalised text asks for the weekend."""
    return "weekend" in text
