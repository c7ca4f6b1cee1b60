"""Meldpunt / sociaal wijkteam contact details per municipality, from `data/catalogue/meldpunten.yml`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.catalogue import CATALOGUE_DIR
from bot.text import normalise

MELDPUNTEN_FILE = CATALOGUE_DIR / "meldpunten.yml"


@dataclass(frozen=True)
class Meldpunt:
    """Where to voice worries in one municipality."""

    municipality: str
    name: str
    phone: str
    website: str


@dataclass(frozen=True)
class MeldpuntGuide:
    """All known meldpunten, found by municipality name or alias."""

    meldpunten: tuple[Meldpunt, ...]
    aliases: dict[str, str]

    def find(self, text: str) -> Meldpunt | None:
        """Find the meldpunt of the municipality named anywhere in the text."""
        cleaned = f" {normalise(text)} "
        for alias in sorted(self.aliases, key=len, reverse=True):
            if f" {alias} " in cleaned:
                municipality = self.aliases[alias]
                return next(m for m in self.meldpunten if m.municipality == municipality)
        return None


@lru_cache(maxsize=4)
def load_guide(path: Path = MELDPUNTEN_FILE) -> MeldpuntGuide:
    """Read the meldpunt data file."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    meldpunten = tuple(
        Meldpunt(
            municipality=item["municipality"],
            name=item["name"],
            phone=item["phone"],
            website=item["website"],
        )
        for item in raw["meldpunten"]
    )
    aliases = {
        normalise(alias): item["municipality"]
        for item in raw["meldpunten"]
        for alias in [item["municipality"], *item.get("aliases", [])]
    }
    return MeldpuntGuide(meldpunten=meldpunten, aliases=aliases)
