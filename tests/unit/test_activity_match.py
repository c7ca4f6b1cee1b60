"""Ranking activities for a person and saying why they fit, in B1 Dutch."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from bot.socialmap.activity_match import Person, best_activities, cost_text, describe, when_text, why_it_fits
from bot.socialmap.activity_terms import fits_kind
from bot.socialmap.gazetteer import damerau_at_most_one
from bot.store.activities import FoundActivity

BASE = FoundActivity(
    source_id="a",
    title="Wandelgroep",
    description="We lopen samen.",
    organiser="Club",
    municipality_code="GM0153",
    municipality="Enschede",
    neighbourhood="Centrum",
    address="Buurthuis",
    interests=("wandelen",),
    audiences=("iedereen",),
    sessions=((1, dt.time(10), dt.time(11, 30)),),
    cost_cents=0,
    wheelchair_access=False,
    contact_phone="",
    contact_email="club@example.org",
    contact_website="",
    updated=dt.date(2026, 11, 1),
    is_example=True,
)
MAATJE = replace(BASE, source_id="m", title="Maatje", interests=("maatje",), sessions=())
VOLUNTEER = replace(BASE, source_id="v", title="Vrijwilliger", interests=("vrijwilligerswerk",))


@pytest.mark.parametrize(("kind", "first"), [("emotional", "m"), ("existential", "v")])
def test_kind_of_loneliness_decides_the_order(kind: str, first: str) -> None:
    ranked = best_activities([MAATJE, VOLUNTEER, BASE], Person(loneliness_type=kind))
    assert ranked[0].source_id == first


def test_social_loneliness_puts_groups_before_a_maatje() -> None:
    ranked = best_activities([MAATJE, VOLUNTEER, BASE], Person(loneliness_type="social"))
    assert ranked[-1].source_id == "m"


def test_without_a_kind_newest_then_title_decide() -> None:
    older = replace(BASE, updated=dt.date(2025, 1, 1))
    ranked = best_activities([older, VOLUNTEER, MAATJE], Person())
    assert [a.source_id for a in ranked] == ["m", "v", "a"]


def test_wished_interest_wins() -> None:
    ranked = best_activities([MAATJE, BASE], Person(loneliness_type="emotional", wanted_interest="wandelen"))
    assert ranked[0].source_id == "a"


def test_texts() -> None:
    assert when_text(BASE) == "Elke dinsdag van 10.00 tot 11.30 uur"
    assert when_text(MAATJE) == "Dag en tijd in overleg"
    assert (
        when_text(replace(BASE, sessions=((0, None, None), (3, None, None)))) == "Elke maandag en donderdag"
    )
    assert cost_text(BASE) == "Gratis"
    assert cost_text(replace(BASE, cost_cents=250)) == "Kost € 2,50"
    assert cost_text(replace(BASE, cost_cents=300)) == "Kost € 3"


def test_why_it_fits_names_interest_and_kind() -> None:
    text = why_it_fits(
        BASE, Person(loneliness_type="social", interests=("wandelen",), causes=("low_income",))
    )
    assert "wandelen" in text and "dezelfde mensen" in text and "kost niets" in text
    assert "één vast persoon" in why_it_fits(MAATJE, Person(loneliness_type="emotional"))
    assert "iets voor een ander" in why_it_fits(VOLUNTEER, Person(loneliness_type="existential"))


def test_example_data_is_marked_everywhere() -> None:
    text = describe(BASE, Person(), 1)
    assert text.startswith("1. [Voorbeeld] Wandelgroep")
    assert "club@example.org (voorbeeldadres)" in text
    real = describe(replace(BASE, is_example=False), Person(), 2)
    assert "[Voorbeeld]" not in real and "voorbeeldadres" not in real


def test_fits_kind() -> None:
    assert fits_kind(("maatje",), "emotional") and not fits_kind(("maatje",), "social")
    assert fits_kind(("vrijwilligerswerk",), "existential") and fits_kind(("wandelen",), None)


@pytest.mark.parametrize(
    ("a", "b", "close"),
    [
        ("nijmegen", "nijmegn", True),
        ("utrecht", "utrcht", True),
        ("almelo", "almleo", True),
        ("enschede", "enschade", True),
        ("leiden", "leden", True),
        ("zwolle", "zwolle", True),
        ("utrecht", "ultrecht", True),
        ("utrecht", "utrechtt", True),
        ("emmen", "ommen", True),
        ("utrecht", "urecht x", False),
        ("nijmegen", "nijmgn", False),
        ("a", "abc", False),
    ],
)
def test_damerau(a: str, b: str, close: bool) -> None:
    assert damerau_at_most_one(a, b) is close
    assert damerau_at_most_one(b, a) is close
