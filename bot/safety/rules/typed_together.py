"""Risk phrases typed without spaces ("ikwilnietmeerleven"): one long word holding a whole phrase."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from bot.safety.rules.rule import Rule


@dataclass(frozen=True)
class TypedTogetherRule(Rule):
    """Matches inside single long words rather than across the text."""

    anchor: ClassVar[str] = ""
    # Shorter words are ordinary words, not phrases typed together.
    min_length: ClassVar[int] = 9

    def matches(self, prepared: str) -> bool:
        """Tell whether one long word of the prepared text holds a risk phrase."""
        return any(len(word) >= self.min_length and self.regex.search(word) for word in prepared.split())


TYPED_TOGETHER = TypedTogetherRule(
    "risk_words_typed_together",
    r"(wil|wou)\w*niet\w*meer\w*(leven|zijn|bestaan|wakker)|nietmeer(leven|bestaan)|(wil|wou)\w*dood\b|"
    r"(wil|wou)\w*(sterven|verdwijnen)\b|mezelf\w*(ophangen|doden|vermoorden|snijden|verdrinken)|"
    r"vankant\w*maken|(eind|einde)aan\w*maken|ereind\w*aan",
    catches=(
        "ikwilnietmeerleven",
        "ikwouernietmeerzijn",
        "gwnikwildood",
        "ikgamezelfophangen",
        "ikmaakereindaan",
    ),
    ignores=(
        "ik wil niet meer naar die club",
        "welterustenallemaal",
    ),
)
