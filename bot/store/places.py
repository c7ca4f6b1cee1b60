"""Municipalities, their names and meldpunten: seeding from `data/catalogue/` and look-ups.

The data files are the source an organisation edits; `seed_reference_data` loads them into the database
(idempotently, so it runs at every start), and the conversation reads only the database.
"""

from __future__ import annotations

import csv
import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.socialmap.catalogue import CATALOGUE_DIR
from bot.socialmap.gazetteer import Gazetteer, NameEntry
from bot.socialmap.gazetteer import Municipality as Candidate
from bot.store.db import session_scope
from bot.store.models import Meldpunt, Municipality, PlaceName, neighbours
from bot.text import normalise

MUNICIPALITIES_FILE = CATALOGUE_DIR / "municipalities.csv"
PLACES_FILE = CATALOGUE_DIR / "places.yml"
MELDPUNTEN_FILE = CATALOGUE_DIR / "meldpunten.yml"
# District names that many municipalities share; they never point to one municipality.
GENERIC_PLACE_NAMES = frozenset({"centrum", "binnenstad", "noord", "oost", "zuid", "west", "stad"})


@dataclass(frozen=True)
class MeldpuntInfo:
    """Where to voice worries in one municipality."""

    municipality: str
    name: str
    phone: str
    email: str
    website: str
    opening_hours: str


def read_municipalities(path: Path = MUNICIPALITIES_FILE) -> list[dict[str, str]]:
    """The rows of the municipalities file (cbs_code, name, province)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [{key: value.strip() for key, value in row.items()} for row in csv.DictReader(handle)]


def seed_reference_data(
    session: Session,
    municipalities_file: Path = MUNICIPALITIES_FILE,
    places_file: Path = PLACES_FILE,
    meldpunten_file: Path = MELDPUNTEN_FILE,
) -> int:
    """Load municipalities, names, neighbours and meldpunten from the data files; return the count.

    Existing rows are updated in place, names and neighbours are rewritten, so running it again after
    the data files changed brings the database in line without touching activities.
    """
    rows = read_municipalities(municipalities_file)
    by_name = {row["name"]: row["cbs_code"] for row in rows}
    existing = {m.cbs_code: m for m in session.scalars(select(Municipality))}
    for row in rows:
        municipality = existing.get(row["cbs_code"]) or Municipality(cbs_code=row["cbs_code"])
        municipality.name = row["name"]
        municipality.province = row["province"]
        session.add(municipality)
    session.flush()
    places = yaml.safe_load(places_file.read_text(encoding="utf-8")) or {}
    session.execute(delete(PlaceName))
    session.execute(delete(neighbours))
    names: dict[tuple[str, str, str], str] = {}
    for row in rows:
        names[(normalise(row["name"]), row["cbs_code"], "municipality")] = row["name"]
    for municipality_name, info in (places.get("municipalities") or {}).items():
        code = by_name[municipality_name]
        for kind, key in (("alias", "aliases"), ("place", "places")):
            for name in (info or {}).get(key) or []:
                if normalise(name) not in GENERIC_PLACE_NAMES:
                    names.setdefault((normalise(name), code, kind), name)
        for neighbour in (info or {}).get("neighbours") or []:
            session.execute(
                neighbours.insert().values(municipality_code=code, neighbour_code=by_name[neighbour])
            )
    session.add_all(
        PlaceName(key=key, name=name, kind=kind, municipality_code=code)
        for (key, code, kind), name in names.items()
    )
    meldpunten = yaml.safe_load(meldpunten_file.read_text(encoding="utf-8"))["meldpunten"]
    session.execute(delete(Meldpunt))
    for item in meldpunten:
        session.add(
            Meldpunt(
                municipality_code=by_name[item["municipality"]],
                name=item["name"],
                phone=item["phone"],
                email=item["email"],
                website=item.get("website", ""),
                opening_hours=item["opening_hours"],
            )
        )
    return len(rows)


def common_word_names(places_file: Path = PLACES_FILE) -> list[str]:
    """Names that are also ordinary Dutch words, listed in the places file."""
    places = yaml.safe_load(places_file.read_text(encoding="utf-8")) or {}
    return list(places.get("common_words") or [])


@lru_cache(maxsize=1)
def dutch_words() -> frozenset[str]:
    """Dutch word forms from spacy-lookups-data's lemma table: never "corrected" into a place name."""
    try:
        import spacy_lookups_data
    except ImportError:  # pragma: no cover - installed with the project
        return frozenset()
    table = Path(spacy_lookups_data.__file__).parent / "data" / "nl_lemma_lookup.json.gz"
    with gzip.open(table, "rt", encoding="utf-8") as handle:
        lookup: dict[str, str] = json.load(handle)
    # Lower-casing is enough: the table holds plain word forms (normalise() on 400,000 words is slow).
    return frozenset(word.lower() for word in (*lookup, *lookup.values()) if " " not in word)


def load_gazetteer(session: Session) -> Gazetteer:
    """Build the gazetteer from the database.

    Names that are also Dutch words ("best", "buren", "haren") only count after "in"/"uit" or alone.
    """
    municipalities = [
        Candidate(code=m.cbs_code, name=m.name, province=m.province)
        for m in session.scalars(select(Municipality))
    ]
    rows = session.execute(select(PlaceName.name, PlaceName.kind, PlaceName.municipality_code))
    entries = [NameEntry(name=name, kind=kind, code=code) for name, kind, code in rows]
    words = dutch_words()
    common = {normalise(entry.name) for entry in entries if normalise(entry.name) in words}
    common |= {normalise(word) for word in common_word_names()}
    return Gazetteer.build(municipalities, entries, common_words=common, dutch_words=words)


@lru_cache(maxsize=4)
def cached_gazetteer(engine: Engine) -> Gazetteer:
    """The gazetteer of one database, built once per process (the names change only at set-up)."""
    with session_scope(engine) as session:
        return load_gazetteer(session)


def resolve_exact(session: Session, text: str) -> str | None:
    """The CBS code for an exact municipality name, alias or code (for import files), or None."""
    value = text.strip()
    if value.upper().startswith("GM") and session.get(Municipality, value.upper()):
        return value.upper()
    key = normalise(value)
    codes = set(
        session.scalars(
            select(PlaceName.municipality_code).where(
                PlaceName.key == key, PlaceName.kind.in_(("municipality", "alias"))
            )
        )
    )
    return codes.pop() if len(codes) == 1 else None


def find_meldpunt(session: Session, code: str) -> MeldpuntInfo | None:
    """The meldpunt of a municipality, or None when the data has none for it."""
    meldpunt = session.get(Meldpunt, code)
    if meldpunt is None:
        return None
    return MeldpuntInfo(
        municipality=meldpunt.municipality.name,
        name=meldpunt.name,
        phone=meldpunt.phone,
        email=meldpunt.email,
        website=meldpunt.website,
        opening_hours=meldpunt.opening_hours,
    )


def neighbour_codes(session: Session, code: str) -> list[str]:
    """The CBS codes of the municipalities that border this one."""
    return list(
        session.scalars(select(neighbours.c.neighbour_code).where(neighbours.c.municipality_code == code))
    )
