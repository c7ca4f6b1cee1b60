from __future__ import annotations

import pytest

from bot.meldpunt import Meldpunt, load_guide
from bot.text import normalise


def find(text: str) -> str | None:
    meldpunt = load_guide().find(text)
    return meldpunt.municipality if meldpunt else None


def test_nijmegen_details() -> None:
    meldpunt = load_guide().find("Nijmegen")
    assert meldpunt == Meldpunt(
        municipality="Nijmegen",
        name="Sociaal wijkteam Nijmegen (via het Wmo-loket)",
        phone="14 024",
        website="www.nijmegen.nl",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nijmegen", "Nijmegen"),
        ("nijmegen", "Nijmegen"),
        ("NIJMEGEN", "Nijmegen"),
        ("  Nijmegen.  ", "Nijmegen"),
        ("Ik woon in Nijmegen hoor", "Nijmegen"),
        ("Nijmegen-Oost", "Nijmegen"),
        ("📍 Enschede", "Enschede"),
        ("Hengelo (OV)", "Hengelo"),
        ("hengelo overijssel", "Hengelo"),
        ("Ten Boer", "Groningen"),
        ("haren", "Groningen"),
        ("Utrecht stad", "Utrecht"),
        ("Almelo", "Almelo"),
    ],
)
def test_find_known(text: str, expected: str) -> None:
    assert find(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "🏠",
        "Amsterdam",
        "'s-Hertogenbosch",
        "nijmegenaar",  # a whole word is needed
        "Utrechtseweg",
        "tenboer",
    ],
)
def test_find_unknown(text: str) -> None:
    assert find(text) is None


def test_every_municipality_is_found_by_its_own_name() -> None:
    guide = load_guide()
    assert len(guide.meldpunten) >= 1
    for meldpunt in guide.meldpunten:
        assert guide.find(meldpunt.municipality) == meldpunt
        assert guide.find(meldpunt.municipality.upper()) == meldpunt


def test_aliases_are_normalised_and_point_to_known_municipalities() -> None:
    guide = load_guide()
    municipalities = {m.municipality for m in guide.meldpunten}
    assert set(guide.aliases.values()) == municipalities
    assert all(alias == normalise(alias) and alias for alias in guide.aliases)


def test_every_meldpunt_has_contact_details() -> None:
    for meldpunt in load_guide().meldpunten:
        assert meldpunt.name and meldpunt.website
        assert meldpunt.phone.startswith("14 "), meldpunt
