"""Find the Dutch municipality a person means in free text: names, aliases and woonplaatsen.

Pure logic: the entries come from the database (`bot.store.places.load_gazetteer`) or from the data
files in tests. Tolerant of case, accents and one typo ("nijmegn"); a place name is mapped to its
municipality ("Lent" -> Nijmegen); a name that means more than one municipality ("Hengelo": the
municipality in Overijssel and a village in Bronckhorst, Gelderland) comes back with all candidates
so that the conversation can ask which one is meant.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.text import normalise

MAX_NAME_WORDS = 5
MIN_FUZZY_CHARS = 5

# Words before a name that show a place is meant ("ik woon in Best", "uit Houten").
PLACE_CONTEXT = frozenset(
    "in uit bij rond rondom nabij naar te gemeente omgeving regio woonplaats dorp stad buurt".split()
)

# Ways people write a province, to choose between candidates ("Hengelo Gelderland", "hengelo ov").
PROVINCE_HINTS: dict[str, str] = {
    "groningen": "Groningen",
    "gr": "Groningen",
    "friesland": "Fryslân",
    "fryslan": "Fryslân",
    "fr": "Fryslân",
    "drenthe": "Drenthe",
    "dr": "Drenthe",
    "overijssel": "Overijssel",
    "ov": "Overijssel",
    "twente": "Overijssel",
    "flevoland": "Flevoland",
    "fl": "Flevoland",
    "gelderland": "Gelderland",
    "gld": "Gelderland",
    "gelders": "Gelderland",
    "achterhoek": "Gelderland",
    "utrecht": "Utrecht",
    "ut": "Utrecht",
    "noord holland": "Noord-Holland",
    "nh": "Noord-Holland",
    "zuid holland": "Zuid-Holland",
    "zh": "Zuid-Holland",
    "zeeland": "Zeeland",
    "zld": "Zeeland",
    "brabant": "Noord-Brabant",
    "noord brabant": "Noord-Brabant",
    "nb": "Noord-Brabant",
    "limburg": "Limburg",
    "l": "Limburg",
}


@dataclass(frozen=True)
class Municipality:
    """A candidate municipality."""

    code: str
    name: str
    province: str


@dataclass(frozen=True)
class NameEntry:
    """One name that points to a municipality; kind is municipality, alias or place."""

    name: str
    kind: str
    code: str


@dataclass(frozen=True)
class Match:
    """What the text named: the name as written in the data and the municipalities it can mean."""

    name: str
    candidates: tuple[Municipality, ...]
    exact: bool = True

    @property
    def resolved(self) -> Municipality | None:
        """The one municipality meant, or None when the name is ambiguous."""
        return self.candidates[0] if len(self.candidates) == 1 else None


@dataclass
class _Hit:
    start: int
    end: int
    name: str
    codes: frozenset[str]
    exact: bool
    after_context: bool = False


def damerau_at_most_one(a: str, b: str) -> bool:
    """Tell whether two strings differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and (a[diffs[1]] == b[diffs[0]])
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _deletions(key: str) -> set[str]:
    return {key[:i] + key[i + 1 :] for i in range(len(key))} | {key}


@dataclass
class Gazetteer:
    """All municipalities with their names; `find` reads free text."""

    municipalities: dict[str, Municipality]
    index: dict[str, dict[str, str]] = field(default_factory=dict)  # key -> {code: name as written}
    # Names that are also ordinary Dutch words ("best", "buren", "houten", "leek", "haren"): they only
    # count after a word like "in" or "uit", or when they are the whole answer.
    common_words: frozenset[str] = frozenset()
    # Known Dutch words are never "corrected" into a place name ("leden" is not Leiden).
    dutch_words: frozenset[str] = frozenset()
    _fuzzy: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        municipalities: Iterable[Municipality],
        names: Iterable[NameEntry],
        common_words: Iterable[str] = (),
        dutch_words: Iterable[str] = (),
    ) -> Gazetteer:
        """Index every name (and, for "Bergen (NH.)", also "bergen") for exact and fuzzy look-up."""
        gazetteer = cls(
            municipalities={m.code: m for m in municipalities},
            common_words=frozenset(normalise(word) for word in common_words),
            dutch_words=frozenset(dutch_words),
        )
        for entry in names:
            keys = {normalise(entry.name)}
            if "(" in entry.name:
                keys.add(normalise(entry.name.split("(")[0]))
            for key in keys:
                if key:
                    gazetteer.index.setdefault(key, {}).setdefault(entry.code, entry.name)
        for key in gazetteer.index:
            if len(key) >= MIN_FUZZY_CHARS:
                for deleted in _deletions(key):
                    gazetteer._fuzzy.setdefault(deleted, set()).add(key)
        return gazetteer

    def names_for(self, code: str) -> list[str]:
        """Every normalised name that points to this municipality."""
        return [key for key, codes in self.index.items() if code in codes]

    def _fuzzy_key(self, gram: str) -> str | None:
        if len(gram) < MIN_FUZZY_CHARS or gram in self.dutch_words or gram in self.common_words:
            return None
        found = {key for deleted in _deletions(gram) for key in self._fuzzy.get(deleted, ())}
        close = sorted(key for key in found if damerau_at_most_one(gram, key))
        return close[0] if len(close) == 1 else None

    def _hits(self, tokens: list[str]) -> list[_Hit]:
        hits: list[_Hit] = []
        taken: set[int] = set()
        whole = " ".join(tokens)
        for size in range(min(MAX_NAME_WORDS, len(tokens)), 0, -1):
            for start in range(len(tokens) - size + 1):
                span = set(range(start, start + size))
                if span & taken:
                    continue
                gram = " ".join(tokens[start : start + size])
                after_context = start > 0 and tokens[start - 1] in PLACE_CONTEXT
                key, exact = (gram, True) if gram in self.index else (None, False)
                # A typo is only corrected where a place is expected: after "in"/"uit"/..., or when
                # the answer is little more than the name ("nijmegn"), never in the middle of a sentence.
                if key is None and (size == 1 or size == len(tokens)) and (after_context or len(tokens) <= 3):
                    key = self._fuzzy_key(gram)
                if key is None:
                    continue
                if key in self.common_words and not (after_context or gram == whole):
                    continue
                codes = self.index[key]
                name = next(iter(codes.values()))
                hits.append(_Hit(start, start + size, name, frozenset(codes), exact, after_context))
                taken |= span
        return sorted(hits, key=lambda hit: hit.start)

    def find(self, text: str) -> Match | None:
        """The municipality (or candidates) named in the text, or None when no place is named."""
        tokens = normalise(text).split()
        hits = self._hits(tokens)
        provinces = self._province_hints(tokens, hits)
        if not hits:
            return None
        codes = frozenset.intersection(*(hit.codes for hit in hits))
        chosen = hits[0]
        if not codes:
            # Different places ("van Utrecht naar Enschede"): the one after "in"/"uit"/... wins,
            # otherwise the last one named.
            with_context = [hit for hit in hits if hit.after_context]
            chosen = (with_context or hits)[-1]
            codes = chosen.codes
        else:
            chosen = max(hits, key=lambda hit: len(hit.codes))
        if len(codes) > 1 and provinces:
            narrowed = frozenset(code for code in codes if self.municipalities[code].province in provinces)
            codes = narrowed or codes
        ordered = sorted(
            (self.municipalities[code] for code in codes), key=lambda m: (m.name != chosen.name, m.name)
        )
        candidates = tuple(ordered)
        return Match(name=chosen.name, candidates=candidates, exact=all(hit.exact for hit in hits))

    def _province_hints(self, tokens: list[str], hits: list[_Hit]) -> set[str]:
        inside = {i for hit in hits for i in range(hit.start, hit.end)}
        found: set[str] = set()
        for size in (2, 1):
            for start in range(len(tokens) - size + 1):
                gram = " ".join(tokens[start : start + size])
                if gram in PROVINCE_HINTS and not set(range(start, start + size)) & inside:
                    found.add(PROVINCE_HINTS[gram])
        return found

    def by_code(self, code: str) -> Municipality | None:
        """The municipality with this CBS code."""
        return self.municipalities.get(code)
