"""Rule-based detection of acute risk: suicidal thoughts, self-harm and danger.

This is the first line of the safety net and does not depend on the trained model: it runs on every
message, in every mode, also in the middle of a form. The trained `crisis` intent is the second line
(see `bot.rasa_ext.nlp.safety_screen`).

The rules work on prepared text: normalised (lower case, no accents or punctuation, letter runs
squeezed), chat spellings corrected (`chat_spellings`) and harmless idioms removed (`harmless`). Each
rule is named for what it catches and lives in the module for its kind of risk; a message is at risk
when any rule matches, so a risk buried in a long message is still found.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bot.safety.rules import (
    danger,
    english,
    farewell,
    hanging_weapons_and_fumes,
    heights_water_and_traffic,
    others_at_risk,
    pills_and_poison,
    plans_and_means,
    self_harm,
    wish_to_die,
)
from bot.safety.rules.chat_spellings import correct_spellings
from bot.safety.rules.harmless import has_harmless_idiom, remove_harmless
from bot.safety.rules.rule import Rule
from bot.safety.rules.typed_together import TYPED_TOGETHER

__all__ = ["RULES", "CrisisSignal", "Rule", "detect_crisis", "has_harmless_idiom", "prepare"]

RULES: tuple[Rule, ...] = (
    *wish_to_die.RULES,
    *plans_and_means.RULES,
    *pills_and_poison.RULES,
    *heights_water_and_traffic.RULES,
    *hanging_weapons_and_fumes.RULES,
    *farewell.RULES,
    *self_harm.RULES,
    *danger.RULES,
    *others_at_risk.RULES,
    *english.RULES,
    TYPED_TOGETHER,
)


@dataclass(frozen=True)
class CrisisSignal:
    """What the rules found: the names of the rules that matched."""

    reasons: tuple[str, ...]


def prepare(text: str) -> str:
    """Normalise, correct chat spellings and remove harmless idioms."""
    return remove_harmless(correct_spellings(text))


@lru_cache(maxsize=4096)
def detect_crisis(text: str) -> CrisisSignal | None:
    """Return a `CrisisSignal` when the message shows acute risk, otherwise None."""
    prepared = prepare(text)
    if not prepared:
        return None
    reasons = tuple(rule.name for rule in RULES if rule.matches(prepared))
    return CrisisSignal(reasons) if reasons else None
