"""What a step must fit: mobility, money, language and age group, read from what the person told.

Only these codes are kept (the slot `person_needs`), never the words they were read from. A need is
read from clear phrases only: a wrong guess would hide good steps, a missed one only ranks them lower.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, get_args

from bot.text import normalise

AgeGroup = Literal["youth", "young_adult", "adult", "senior"]
Need = Literal["mobility", "low_cost", "dutch_learner", "youth", "young_adult", "adult", "senior"]
AGE_GROUPS: tuple[AgeGroup, ...] = get_args(AgeGroup)
NEEDS: tuple[Need, ...] = get_args(Need)

MOBILITY = re.compile(
    r"\b(rolstoel|rollator|scootmobiel|slecht ter been|moeilijk (lopen|ter been)|kan (niet|nauwelijks|"
    r"bijna niet|slecht) (meer )?(goed )?(lopen|ver lopen|traplopen)|niet ver (meer )?lopen|"
    r"loop (heel )?slecht|krukken|verlamd|beenprothese|kom (bijna )?de deur niet (meer )?uit door)\b"
)
LOW_COST = re.compile(
    r"\b(geen geld|weinig geld|krap|schulden|bijstand|uitkering|minimum|geldzorgen|rond te komen|"
    r"kan (het|dat) niet betalen|te duur|armoede|voedselbank)\b"
)
DUTCH_LEARNER = re.compile(
    r"\b(mijn nederlands is (niet|nog niet) (zo |heel )?goed|spreek (nog )?(niet |weinig |slecht |geen )"
    r"(goed |zo goed )?nederlands|nederlands (nog )?(niet )?(goed )?(aan het )?leren|inburgering|"
    r"taal (is )?moeilijk|de taal niet|taalcursus|taalles)\b"
)
YOUTH = re.compile(
    r"\b(middelbare school|brugklas|vmbo|havo|vwo|mavo|mijn mentor|basisschool|"
    r"(in|zit in) (de )?(klas )?[1-6] (havo|vwo|vmbo)|mijn ouders (mogen|weten|snappen)|"
    r"van mijn ouders (mag|moet))\b"
)
SENIOR = re.compile(
    r"\b(gepensioneerd|met pensioen|aow|bejaard|verzorgingshuis|kleinkind\w*|achterklein\w*)\b"
)
# "ik ben 17", "17 jaar oud", "een meisje van 15"; not "ik ben 17 jaar getrouwd".
AGE = re.compile(
    r"\b(?:ik ben|ben pas|ik word|meisje van|jongen van|als)\s+(\d{1,2}|twaalf|dertien|veertien|vijftien|"
    r"zestien|zeventien|achttien|negentien|twintig)(?:\s*jaar)?(?:\s+oud)?\b(?!\s*(?:jaar\s+)?(?:getrouwd|"
    r"samen|weduwe|weduwnaar|gescheiden|alleen|bezig|hier|lid|werkloos|met|in|bij|geleden|weg|uur|dag|dagen|"
    r"week|weken|maand|maanden|keer|kilo|km|minuten|euro|procent|kg))"
    r"|\b(\d{1,2})\s*jaar\s+oud\b|\b(\d{1,2})\s*(?:jarige|jr)\b"
)
NUMBER_WORDS = {
    "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17,
    "achttien": 18, "negentien": 19, "twintig": 20,
}


def age_group_of(age: int) -> AgeGroup | None:
    """The age group of an age in years; None for ages that are not plausible for a chat visitor."""
    if age < 8 or age > 110:
        return None
    if age < 18:
        return "youth"
    if age < 30:
        return "young_adult"
    if age < 65:
        return "adult"
    return "senior"


def told_age(text: str) -> int | None:
    """An age the person says they are ("ik ben 17", "15 jaar oud"), or None."""
    match = AGE.search(normalise(text))
    if match is None:
        return None
    value = next(group for group in match.groups() if group)
    return NUMBER_WORDS.get(value) or int(value)


@dataclass(frozen=True)
class PersonNeeds:
    """What the steps must fit; all False / None when nothing was told."""

    mobility: bool = False  # walking far is hard (wheelchair, rollator, ...)
    low_cost: bool = False  # money is tight: free steps first
    dutch_learner: bool = False  # still learning Dutch: steps that welcome learners first
    age_group: AgeGroup | None = None

    def as_slot(self) -> list[str]:
        """The value of the `person_needs` slot: codes only."""
        codes = [name for name in ("mobility", "low_cost", "dutch_learner") if getattr(self, name)]
        return codes + ([self.age_group] if self.age_group else [])

    @classmethod
    def from_slot(cls, value: object) -> PersonNeeds:
        """Read the slot back; unknown codes are ignored."""
        codes = {code for code in value if code in NEEDS} if isinstance(value, list) else set()
        age = next((group for group in AGE_GROUPS if group in codes), None)
        return cls("mobility" in codes, "low_cost" in codes, "dutch_learner" in codes, age)


def read_needs(
    texts: Iterable[str], causes: Iterable[str] = (), known: PersonNeeds | None = None
) -> PersonNeeds:
    """The needs in the person's messages and the causes found while listening, added to `known`."""
    known = known or PersonNeeds()
    mobility, low_cost, learner = known.mobility, known.low_cost, known.dutch_learner
    age_group = known.age_group
    if "low_income" in causes:
        low_cost = True
    youth_cue = False
    for text in texts:
        cleaned = normalise(text)
        mobility = mobility or bool(MOBILITY.search(cleaned))
        low_cost = low_cost or bool(LOW_COST.search(cleaned))
        learner = learner or bool(DUTCH_LEARNER.search(cleaned))
        age = told_age(text)
        if age is not None and age_group_of(age):
            age_group = age_group_of(age)  # a told age wins over any cue
        elif YOUTH.search(cleaned):
            youth_cue = True
        elif SENIOR.search(cleaned) and age_group is None:
            age_group = "senior"
    if age_group is None and youth_cue:
        age_group = "youth"
    return PersonNeeds(mobility, low_cost, learner, age_group)
