from __future__ import annotations

from typing import get_args

import pytest

from bot.conversation.listening import (
    CAUSE_PATTERNS,
    CAUSE_TYPE,
    INTEREST_PATTERNS,
    TYPE_CUES,
    Duration,
    LonelinessType,
    find_causes,
    find_duration,
    find_interests,
    infer_type,
    signals_isolation,
)

# One everyday sentence per cause; the test below checks that every cause has one.
CAUSE_EXAMPLES = {
    "loss": "Mijn man is vorig jaar overleden",
    "divorce": "Sinds de scheiding woon ik alleen",
    "moving": "Ik ben net verhuisd en ken hier niemand",
    "retirement": "Sinds mijn pensioen zit ik veel thuis",
    "illness": "Door mijn ziekte kom ik weinig buiten",
    "unemployment": "Ik ben vorige maand ontslagen",
    "low_income": "Ik heb schulden en kan niks",
    "unsafe_neighbourhood": "Er is veel overlast in de straat",
    "low_confidence": "Ik heb weinig zelfvertrouwen",
    "social_anxiety": "Ik ben erg verlegen",
    "children_left": "De kinderen zijn het huis uit",
    "caregiving": "Ik ben mantelzorger voor mijn moeder",
    "friends_gone": "Ik heb geen vrienden meer over",
    "migration": "Sinds ik naar Nederland ben gevlucht, voel ik me nergens thuis",
    "relationship": "Ik lig elke avond naast mijn man en toch voel ik me alleen",
    "school": "Op school hoor ik er niet bij",
    "mental_health": "Ik zit thuis met een burn-out",
    "parenthood": "Als alleenstaande moeder zie ik bijna geen volwassenen",
    "discrimination": "Ik word op mijn werk gediscrimineerd vanwege mijn afkomst",
    "age": "Al mijn leeftijdgenoten zijn er niet meer",
    "digital": "Alles gaat via internet en daar kan ik niet mee overweg",
}


def test_every_cause_has_an_example_and_a_type() -> None:
    assert set(CAUSE_EXAMPLES) == set(CAUSE_PATTERNS)
    assert set(CAUSE_TYPE) == set(CAUSE_PATTERNS)
    assert set(CAUSE_TYPE.values()) <= set(get_args(LonelinessType))
    assert set(TYPE_CUES) == set(get_args(LonelinessType))


@pytest.mark.parametrize(("cause", "text"), sorted(CAUSE_EXAMPLES.items()))
def test_find_causes_each_cause(cause: str, text: str) -> None:
    assert cause in find_causes(text)


@pytest.mark.parametrize("text", ["", "   ", "😢", "Ik voel me eenzaam", "Het is zo stil in huis", "hallo"])
def test_find_causes_none(text: str) -> None:
    assert find_causes(text) == []


@pytest.mark.parametrize(
    "text", ["ik ben mijn man verloren vorig jaar", "Ik heb mijn vrouw in maart verloren", "verloor mijn zus"]
)
def test_find_causes_losing_someone_in_either_word_order(text: str) -> None:
    assert find_causes(text) == ["loss"]


def test_find_causes_order_follows_the_patterns() -> None:
    causes = find_causes("Ik ben gepensioneerd, verhuisd, en mijn vrouw is overleden")
    assert causes == ["loss", "moving", "retirement"]


def test_find_causes_is_case_and_accent_insensitive() -> None:
    assert find_causes("MIJN MAN IS OVERLEDEN") == ["loss"]
    assert find_causes("Na de SCHÉIDING") == ["divorce"]


@pytest.mark.parametrize("text", ["Mijn vrouw en ik wandelen graag", "Mijn buurvrouw is aardig"])
def test_vrouw_is_not_a_loss(text: str) -> None:
    assert find_causes(text) == []


def test_geldt_is_not_about_money() -> None:
    assert find_causes("Dat geldt ook voor mij") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("al jaren", "years"),
        ("Al JAREN eigenlijk", "years"),
        ("mijn hele leven al", "years"),
        ("sinds 2019", "years"),
        ("al een paar maanden", "months"),
        ("sinds de zomer", "months"),
        ("sinds september", "months"),
        ("een paar weken", "recent"),
        ("sinds kort", "recent"),
        ("sinds gisteren", "recent"),
        ("deze week", "recent"),
    ],
)
def test_find_duration(text: str, expected: str) -> None:
    assert find_duration(text) == expected


@pytest.mark.parametrize("text", ["", "😢", "weet ik niet", "lang", "ik voel me alleen"])
def test_find_duration_none(text: str) -> None:
    assert find_duration(text) is None


def test_find_duration_labels_are_the_domain_values() -> None:
    labels = {find_duration(text) for text in ("jaren", "maanden", "weken")}
    assert labels == set(get_args(Duration))


@pytest.mark.parametrize("text", ["al een half jaar", "sinds een half jaar"])
def test_half_a_year_is_months(text: str) -> None:
    assert find_duration(text) == "months"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik wandel graag in het bos", ["wandelen"]),
        ("Ik zing in een koor", ["muziek"]),
        ("BREIEN en haken", ["handwerken"]),
        ("Ik hou van koken en bakken", ["koken"]),
        ("dansen", ["muziek", "bewegen"]),
        ("Ik zou graag een maatje hebben", ["maatje"]),
        ("klaverjassen in het buurthuis", ["koffie en ontmoeting", "spel"]),
    ],
)
def test_find_interests(text: str, expected: list[str]) -> None:
    assert find_interests(text) == expected


@pytest.mark.parametrize("text", ["", "😀", "Ik voel me eenzaam", "niks eigenlijk"])
def test_find_interests_none(text: str) -> None:
    assert find_interests(text) == []


def test_find_interests_order_follows_the_patterns() -> None:
    names = find_interests("tuinieren, kaarten en wandelen")
    assert names == [name for name in INTEREST_PATTERNS if name in names]
    assert set(names) == {"wandelen", "tuinieren", "spel"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Ik ben totaal alleen", []), ("Mijn vrouw is aardig", []), ("Ik speel graag schaken", ["spel"])],
)
def test_no_interest_inside_other_words(text: str, expected: list[str]) -> None:
    assert find_interests(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik heb al dagen niemand gesproken", True),
        ("Ik kom de deur bijna niet meer uit", True),
        ("Ik heb geen familie", True),
        ("Ik heb niemand", True),
        ("Er komt nooit bezoek", True),
        ("Ik voel me eenzaam", False),
        ("Ik heb vrienden genoeg", False),
        ("", False),
        ("😶", False),
    ],
)
def test_signals_isolation(text: str, expected: bool) -> None:
    assert signals_isolation(text) is expected


@pytest.mark.parametrize(
    ("text", "causes", "current", "expected"),
    [
        ("Ik mis mijn vrouw", [], None, "emotional"),
        ("Ik voel een leegte", [], "social", "emotional"),
        ("Ik heb geen vrienden", [], None, "social"),
        ("Ik zit de hele dag alleen thuis", [], None, "social"),
        ("Niemand heeft me nodig", [], None, "existential"),
        ("Ik voel me nutteloos", [], "emotional", "existential"),
        # No cue: keep what is known, otherwise derive it from the first cause.
        ("Het is stil", [], "existential", "existential"),
        ("Het is stil", ["moving", "loss"], "existential", "existential"),
        ("Het is stil", ["loss", "moving"], None, "emotional"),
        ("Het is stil", ["unemployment"], None, "existential"),
        ("Het is stil", [], None, None),
        ("", [], None, None),
    ],
)
def test_infer_type(text: str, causes: list[str], current: str | None, expected: str | None) -> None:
    assert infer_type(text, causes, current) == expected  # type: ignore[arg-type]
