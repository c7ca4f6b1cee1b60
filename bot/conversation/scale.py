"""Scoring of the short De Jong Gierveld loneliness scale (6 items, as used by CBS).

Answers are "ja", "min of meer" or "nee". Emotional items (1, 4, 6) score 1 for "ja" or
"min of meer"; social items (2, 3, 5) are reversed and score 1 for "nee" or "min of meer".
Total 0-1: not lonely, 2-4: moderately lonely, 5-6: strongly lonely. Each subscale is 0-3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.text import normalise

Answer = Literal["ja", "min of meer", "nee"]
Band = Literal["not_lonely", "moderate", "strong"]

ITEMS: tuple[str, ...] = ("scale_q1", "scale_q2", "scale_q3", "scale_q4", "scale_q5", "scale_q6")
EMOTIONAL_ITEMS: tuple[str, ...] = ("scale_q1", "scale_q4", "scale_q6")
SOCIAL_ITEMS: tuple[str, ...] = ("scale_q2", "scale_q3", "scale_q5")

_UNSURE = re.compile(r"\b(geen (flauw )?idee|weet (ik )?(het )?niet|niet zeker|geen antwoord)\b")
_MORE_OR_LESS = re.compile(
    r"\b(min of meer|minofmeer|soms|beetje|een beetje|misschien|af en toe|deels|gedeeltelijk|"
    r"half|wel een beetje|ietwat|enigszins|zo nu en dan|tja|twijfel|weet niet precies)\b"
)
_NO = re.compile(
    r"^(nee|neen|nope|nah|nooit|niet|helemaal niet|niet echt|klopt niet|zeker niet|geen|"
    r"nee hoor|nee hoor niet|nee niet echt|nee eigenlijk niet)\b|\b(klopt niet|niet waar|"
    r"helemaal niet|zeker niet)\b"
)
_YES = re.compile(
    r"^(ja|jawel|jazeker|jaa|jep|yes|ok|klopt|zeker|precies|inderdaad|wel|absoluut|dat klopt|"
    r"helaas wel|ja hoor|ja zeker|idd)\b"
)


def parse_answer(text: str) -> Answer | None:
    """Map a typed answer to "ja", "min of meer" or "nee"; None when it is not an answer."""
    cleaned = normalise(text)
    if not cleaned or _UNSURE.search(cleaned):
        return None
    if _MORE_OR_LESS.search(cleaned):
        return "min of meer"
    if _NO.search(cleaned):
        return "nee"
    if _YES.search(cleaned):
        return "ja"
    return None


@dataclass(frozen=True)
class ScaleResult:
    """Scores of one completed scale."""

    emotional: int
    social: int

    @property
    def total(self) -> int:
        """Total score 0-6."""
        return self.emotional + self.social

    @property
    def band(self) -> Band:
        """The CBS band of the total score."""
        if self.total <= 1:
            return "not_lonely"
        if self.total <= 4:
            return "moderate"
        return "strong"

    @property
    def leading_type(self) -> Literal["emotional", "social"] | None:
        """Which kind of loneliness the subscales point to, or None when both are 0."""
        if self.emotional == 0 and self.social == 0:
            return None
        return "emotional" if self.emotional >= self.social else "social"


def score(answers: dict[str, str]) -> ScaleResult:
    """Score six answers keyed by item slot name; raises ValueError on a missing or bad answer."""
    for item in ITEMS:
        if answers.get(item) not in ("ja", "min of meer", "nee"):
            raise ValueError(f"no valid answer for {item}: {answers.get(item)!r}")
    emotional = sum(1 for item in EMOTIONAL_ITEMS if answers[item] in ("ja", "min of meer"))
    social = sum(1 for item in SOCIAL_ITEMS if answers[item] in ("nee", "min of meer"))
    return ScaleResult(emotional=emotional, social=social)
