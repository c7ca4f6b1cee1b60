"""Municipalities, names, neighbours and meldpunten in the database, and the gazetteer built from them."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from bot.socialmap.gazetteer import Gazetteer
from bot.store.db import session_scope
from bot.store.models import Municipality, PlaceName
from bot.store.places import (
    find_meldpunt,
    load_gazetteer,
    neighbour_codes,
    resolve_exact,
    seed_reference_data,
)


@pytest.fixture(scope="module")
def gazetteer(prepared: Engine) -> Gazetteer:
    with session_scope(prepared) as session:
        return load_gazetteer(session)


def test_all_municipalities_are_loaded(prepared: Engine) -> None:
    with session_scope(prepared) as session:
        assert session.scalar(select(func.count()).select_from(Municipality)) == 342
        assert session.get(Municipality, "GM0268").name == "Nijmegen"
        assert session.get(Municipality, "GM0153").province == "Overijssel"


def test_seeding_again_changes_nothing(prepared: Engine) -> None:
    with session_scope(prepared) as session:
        before = session.scalar(select(func.count()).select_from(PlaceName))
        seed_reference_data(session)
    with session_scope(prepared) as session:
        assert session.scalar(select(func.count()).select_from(PlaceName)) == before
        assert session.scalar(select(func.count()).select_from(Municipality)) == 342


def test_meldpunt_comes_from_the_database(prepared: Engine) -> None:
    with session_scope(prepared) as session:
        meldpunt = find_meldpunt(session, "GM0268")
        assert meldpunt is not None
        assert meldpunt.municipality == "Nijmegen"
        assert meldpunt.phone == "14 024"
        assert meldpunt.email.endswith("@example.org")
        assert "maandag" in meldpunt.opening_hours
        assert find_meldpunt(session, "GM0363") is None  # Amsterdam: no meldpunt in the data yet


def test_neighbours(prepared: Engine) -> None:
    with session_scope(prepared) as session:
        names = {session.get(Municipality, code).name for code in neighbour_codes(session, "GM0268")}
    assert {"Berg en Dal", "Beuningen", "Wijchen", "Heumen"} <= names


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Nijmegen", "GM0268"),
        ("gm0153", "GM0153"),
        ("Den Bosch", "GM0796"),
        ("Nijmegn", None),
        ("Lent", None),
    ],
)
def test_exact_resolution_for_import_files(prepared: Engine, text: str, code: str | None) -> None:
    with session_scope(prepared) as session:
        assert resolve_exact(session, text) == code


@pytest.mark.parametrize(
    ("text", "municipality"),
    [
        ("Ik zoek een wandelgroep in Enschede", "Enschede"),
        ("waar kan ik in nijmegen koffie drinken met anderen", "Nijmegen"),
        ("nijmegn", "Nijmegen"),
        ("ik woon in NIJMEGEN", "Nijmegen"),
        ("ik woon in enschde", "Enschede"),
        ("ik woon in Lent", "Nijmegen"),
        ("Glanerbrug", "Enschede"),
        ("Den Bosch", "'s-Hertogenbosch"),
        ("den haag", "'s-Gravenhage"),
        ("Hengelo Gelderland", "Bronckhorst"),
        ("Hengelo (Gld)", "Bronckhorst"),
        ("hengelo overijssel", "Hengelo"),
        ("Hengelo, gemeente Bronckhorst", "Bronckhorst"),
        ("ik woon in Best", "Best"),
        ("Súdwest-Fryslân", "Súdwest-Fryslân"),
        ("sudwest fryslan", "Súdwest-Fryslân"),
        ("Haren", "Groningen"),
    ],
)
def test_gazetteer_finds_the_municipality(gazetteer: Gazetteer, text: str, municipality: str) -> None:
    match = gazetteer.find(text)
    assert match is not None and match.resolved is not None, text
    assert match.resolved.name == municipality


@pytest.mark.parametrize("text", ["Hengelo", "ik woon in hengelo", "Bergen"])
def test_ambiguous_names_give_every_candidate(gazetteer: Gazetteer, text: str) -> None:
    match = gazetteer.find(text)
    assert match is not None and match.resolved is None
    assert len(match.candidates) == 2


def test_hengelo_candidates_are_overijssel_and_bronckhorst(gazetteer: Gazetteer) -> None:
    match = gazetteer.find("Hengelo")
    assert match is not None
    assert [(m.name, m.province) for m in match.candidates] == [
        ("Hengelo", "Overijssel"),
        ("Bronckhorst", "Gelderland"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ik doe mijn best",
        "mijn buren zijn aardig",
        "een houten tafel",
        "mijn haren worden grijs",
        "de leden van de club",
        "ik wil koffie drinken met anderen",
        "ik voel me alleen",
        "xyzzy",
        "",
    ],
)
def test_ordinary_words_are_not_places(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.find(text) is None
