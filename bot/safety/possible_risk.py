"""Possible risk (tier 2): dark phrases and risk told about the past.

Neither is an acute crisis, and neither may be passed over: a 113 counsellor would always check. So the
assistant asks one warm, direct question ("Denk je er nu aan om een eind aan je leven te maken?") and
names 113 in one line. Each pattern was added for a real message that the assistant answered wrongly;
the unit tests name that message.
"""

from __future__ import annotations

import re
from typing import Literal

from bot.text import normalise

RiskKind = Literal["dark", "past"]

# Phrases that may mean "I do not want to live any more", or only "I am at the end of my rope".
DARK_PHRASES = (
    r"ik kan (zo|dit|het) niet (meer )?verder( leven)?",
    r"(het|t) hoeft (voor mij|van mij)? ?(allemaal )?niet meer",
    r"wat doe ik hier (eigenlijk )?nog",
    r"ik zie het (echt |allemaal )?niet meer zitten",
    r"wat (heeft|is) (het|dit leven) (nog )?voor zin",
    r"waarom (zou ik|moet ik) (nog )?(doorgaan|verder)",
    r"wachten op de dood",
    r"niks leuks meer aan (het|mijn) leven",
    r"het leven is niet meer (leuk|de moeite)",
    r"ik hoef (hier )?niet meer( te zijn)?",
    r"ik trek het niet meer",
    r"liever (niet meer wakker worden|er niet meer zijn)",
    r"(was|ware) ik (maar )?(er )?niet (meer )?(geweest|geboren)",
    r"leven kan je het niet noemen",
    r"het maakt (me )?(eigenlijk )?niks meer uit",
    r"ik (ben|word) (het leven|alles) (zo )?moe",
    r"(leven|het) (\w+ ){0,4}niet (meer )?de moeite (waard)?",
)
# Risk in the past, told now: an attempt, self-harm, a date once set.
PAST_RISK = (
    r"(een|mijn|twee|drie) poging(en)? (gedaan|ondernomen|overleefd)",
    r"poging (gedaan|ondernomen) (om|tot)",
    r"(jaren|maanden|weken|lang|tijd|een paar jaar) (geleden|terug) (heb|had|deed) ik",
    r"heb (ik )?(\w+ ){0,3}geprobeerd (er )?een eind(e)? aan (te maken|mijn leven)",
    r"in (19|20)\d\d (heb ik )?(\w+ ){0,3}(poging|geprobeerd)",
    r"vroeger (sneed|beschadigde|kraste) ik",
    r"toen (sneed|beschadigde|kraste) ik",
    r"ik (sneed|beschadigde) mezelf (toen|vroeger|destijds)",
    r"ik had (toen )?(al )?een datum (gekozen|geprikt)",
    r"wakker (geworden )?in het ziekenhuis",
    r"(mijn|die|de) poging is (\w+ ){0,3}geleden",
    r"(dacht|vond) ik (echt )?dat (ze|iedereen|jullie) (\w+ ){0,2}zonder mij beter af",
)
# Words that put the risk in the present again: then it is not only past.
PRESENT_AGAIN = re.compile(
    r"\b(weer|opnieuw|nu (weer|ook)|vanavond|vannacht|morgen|deze week|maar nu|sinds kort weer|"
    r"tegenwoordig weer|steeds vaker|nog steeds|nog altijd)\b"
)

_DARK_RE = re.compile(rf"\b(?:{'|'.join(DARK_PHRASES)})")
_PAST_RE = re.compile(rf"\b(?:{'|'.join(PAST_RISK)})")


def past_risk_told(text: str) -> bool:
    """Risk told about the past, with nothing that puts it in the present again."""
    cleaned = normalise(text)
    return _PAST_RE.search(cleaned) is not None and PRESENT_AGAIN.search(cleaned) is None


def possible_risk(text: str) -> RiskKind | None:
    """"past" for risk told about the past, "dark" for a dark phrase, otherwise None."""
    if past_risk_told(text):
        return "past"
    if _DARK_RE.search(normalise(text)) is not None:
        return "dark"
    return None


# Clauses: a dark phrase or an old attempt in one clause must not hide a present risk in the next.
_CLAUSE = re.compile(r"[.!?;:\n,]+|\b(?:en|maar|want|toch|terwijl)\b")


# A clause told in the past tense, without a verb in the present: part of the story of back then.
_PAST_TENSE = re.compile(r"\b(had|hadden|was|waren|wilde|wou|deed|schreef|lag|kon|ging)\b")
_PRESENT_TENSE = re.compile(r"\b(ben|wil|heb|kan|ga|denk|zit|voel|is|lig|doe|moet)\b")


def _past_clauses(clauses: list[str]) -> set[int]:
    """Indexes of the clauses told in the past; a clause without a tense goes with the one before."""
    found: set[int] = set()
    previous_past = False
    for index, clause in enumerate(clauses):
        cleaned = normalise(clause)
        has_past, has_present = bool(_PAST_TENSE.search(cleaned)), bool(_PRESENT_TENSE.search(cleaned))
        previous_past = (has_past and not has_present) or (previous_past and not has_past and not has_present)
        if previous_past:
            found.add(index)
    return found


def outside_possible_risk(text: str) -> str:
    """The clauses of the text that hold no dark phrase and no risk told about the past.

    When the message tells of risk in the past, the clauses told in the past tense around it belong to
    that story too ("Het was geen opwelling, ik had een afscheidsbrief geschreven").
    """
    clauses = [part for part in _CLAUSE.split(text) if part and part.strip()]
    story = _past_clauses(clauses) if past_risk_told(text) else set()
    calm = [
        clause
        for index, clause in enumerate(clauses)
        if not (_DARK_RE.search(normalise(clause)) or _PAST_RE.search(normalise(clause)) or index in story)
    ]
    return " . ".join(calm)


def only_in_possible_risk(text: str) -> bool:
    """Whether every acute-risk rule that matches does so only inside a dark or past-risk clause."""
    from bot.safety.rules import detect_crisis  # the acute rules; imported here to keep the layers apart

    return detect_crisis(outside_possible_risk(text)) is None
