"""Resistance the approach's way: hear where it comes from, say it back in own words, accept contentment.

Resistance is information, not an obstacle. The assistant never quotes the objection back; it names the
source it heard (unsure, no point, a bad experience before, feeling pushed) and, when none is clear,
asks gently. Someone who is content with their life is not resisting: that is accepted as it is.
"""

from __future__ import annotations

import re
from typing import Literal

from bot.text import normalise

Source = Literal["onzeker", "geen_zin", "slechte_ervaring", "gedrukt", "tevreden", "geen_energie"]

# Checked in this order; the first that matches is the source.
_SOURCES: tuple[tuple[Source, re.Pattern[str]], ...] = (
    (
        "tevreden",
        re.compile(
            r"\b(tevreden|prima zo|red me (wel|prima|best)|gaat (best|prima|wel) zo|vind het (wel )?best zo|"
            r"heb het (wel )?goed|ik ben graag alleen|ik ben liever alleen|alleen zijn vind ik (fijn|prima)|"
            r"hoeft (voor mij )?niet anders|niks mis met|ik mis niks|ik mis niets)"
        ),
    ),
    (
        "slechte_ervaring",
        re.compile(
            r"\b(vorige keer|eerder (al )?(geprobeerd|gedaan)|al eens (geprobeerd|gedaan|geweest)|"
            r"slechte ervaring|nare ervaring|heb ik al (gedaan|geprobeerd)|werd (ik )?(niet )?(geholpen|"
            r"uitgelachen|genegeerd)|deden (er )?niks|doen toch niks|hielp (toen )?niet|viel tegen|"
            r"(gemeente|instanties|hulpverleners?) (doen|deden|helpen|hielpen) (toch )?(niks|niets|niet))"
        ),
    ),
    (
        "gedrukt",
        re.compile(
            r"\b(betuttel|bemoei|pushen|push|opdringerig|zeur|laat me (toch )?(met rust|maar)|"
            r"drammen|ik moet niks|hoef geen advies|niet vertellen wat ik moet|hoef (\w+ )?geen lessen)"
        ),
    ),
    (
        "geen_energie",
        re.compile(r"\b(te moe|geen energie|kan ik (nu )?niet opbrengen|geen puf|op van|uitgeput)"),
    ),
    (
        "onzeker",
        re.compile(
            r"\b(durf|eng\b|spannend|bang|weet niet of ik|kan (dat|ik) niet|niks voor mij|niets voor mij|"
            r"pas (er )?niet (tussen|bij)|schaam|ongemakkelijk|ik ken daar niemand|zien ze me aankomen)"
        ),
    ),
    (
        "geen_zin",
        re.compile(
            r"\b(heeft (toch |echt |het )?geen zin|helpt (toch )?niet|helpt niks|zinloos|maakt niet uit|"
            r"verandert (toch )?niks|"
            r"schiet ik niks mee op|wat heb ik daar(aan| aan)|nutteloos|geen zin in|ik wil niet|hoeft niet)"
        ),
    ),
)

# How each source is said back (the response `utter_resistance_<source>` in domain/resistance.yml).
SOURCES: tuple[Source, ...] = tuple(source for source, _ in _SOURCES)
SOURCE_LABELS: dict[Source, str] = {
    "onzeker": "twijfelt of het lukt",
    "geen_zin": "ziet er (nu) het nut niet van",
    "slechte_ervaring": "slechte ervaring eerder",
    "gedrukt": "voelde zich gedrukt",
    "tevreden": "tevreden zoals het is",
    "geen_energie": "weinig energie nu",
}


def read_source(text: str) -> Source | None:
    """Where the resistance in this message seems to come from, or None when it does not say."""
    cleaned = normalise(text)
    for source, pattern in _SOURCES:
        if pattern.search(cleaned):
            return source
    return None
