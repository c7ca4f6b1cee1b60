"""Remove names, addresses, phone numbers, e-mail addresses and personal numbers from Dutch chat text.

Rules for what people type in a chat: e-mail addresses, IBANs, Dutch and foreign phone numbers,
postcodes, street names with a house number, BSN-like numbers (the 11-check) and other long numbers,
dates of birth, and names (after words such as "ik heet", "mijn buurman", "mevrouw", "met", and first
names from `first_names.txt`). Town and village names stay: the social map needs them. Pure and fast
(no model); chosen over the `deduce` library by measurement (bench/deidentify.py).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.socialmap.catalogue import CATALOGUE_DIR

PLACEHOLDERS = {
    "naam": "[naam]",
    "adres": "[adres]",
    "postcode": "[postcode]",
    "telefoon": "[telefoonnummer]",
    "email": "[e-mail]",
    "nummer": "[nummer]",
    "datum": "[datum]",
}
FIRST_NAMES_FILE = Path(__file__).with_name("first_names.txt")
# Dutch numbers of organisations, never of a person: free, paid and company-wide numbers.
SERVICE_PREFIXES = ("0800", "0900", "0906", "0909", "088")

# First names that are also ordinary Dutch (or common English) words: a name only when written with a
# capital in the middle of a sentence, or lower-case right after "mijn zus", "oma" and the like.
WORD_NAMES = frozenset(
    "amber bas ben benjamin bob cas els fleur floor frank frans greet iris jade jasmijn jet job joke koos "
    "lies linde lot mark max mees merel mien noor riet rob robin roos said storm ties tiny ton toon "
    "trees wil".split()
)
# Of those, the ones that are verbs or adjectives ("mijn man wil niet"): never a lower-case name.
VERB_NAMES = frozenset("ben koos wil toon frank".split())

# "mijn buurman Piet", "oma Riet": a name may follow these words.
RELATIONS = frozenset(
    """buurman buurvrouw overbuurman overbuurvrouw buurmeisje buurjongen buren man vrouw echtgenoot
    echtgenote partner vriend vriendin vriendje vriendinnetje zoon zoontje dochter dochtertje kind
    broer broertje zus zusje vader moeder pa ma papa mama opa oma kleinzoon kleindochter kleinkind
    neef nicht oom tante schoonzoon schoondochter schoonmoeder schoonvader zwager schoonzus collega
    kennis maatje mantelzorger verzorger verzorgster begeleider begeleidster hulp""".split()
)
# "mevrouw de Vries", "dokter van Dijk", "zuster Ineke": a (sur)name follows these words.
TITLES = frozenset(
    "meneer mevrouw mevr mw dhr heer juffrouw juf meester dokter dr zuster broeder pastoor dominee "
    "pater".split()
)
# Tussenvoegsels between a first name and a surname ("Piet de Vries", "Marrie van den Berg").
INTERFIXES = frozenset("van de der den het 't ter ten te la le du da del della di el al".split())
# "naar de Linde", "het Anne Frank Huis": after an article a first name is a place or a building.
ARTICLES = frozenset("de het 't een".split())
# "mijn naam is ...", "haar naam is ...".
POSSESSIVES = frozenset("mijn m'n zijn haar z'n onze ons hun".split())
# Words after "ik heet" that are not the name ("ik heet eigenlijk Johanna").
FILLERS = frozenset("eigenlijk gewoon trouwens dus ook zelf officieel voluit".split())
# Capitalised words that are never a name (sentence starts, days, months, feasts).
NOT_NAMES = frozenset(
    """ik je jij u hij zij ze we wij het de een en maar dus of die dat dit deze mijn m'n zijn haar ons
    onze hun hoi hallo dag ja nee sorry want toen nu als wat wie waar hoe waarom maandag dinsdag woensdag
    donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli augustus september
    oktober november december kerst kerstmis pasen pinksteren oud nieuw god nederland nederlands""".split()
)
# Capitalised word pairs that look like a name but are a shop, a feast or a village that the catalogue
# (data/catalogue/places.yml) does not list yet. "Sint ..." is never a person either.
NOT_NAME_PHRASES = frozenset({"albert heijn", "jan linders", "zwarte piet", "anna paulowna"})
# Words that make the following date a date of birth.
BIRTH_CUES = re.compile(r"\b(?:geboren|geboortedatum|geb\.|jarig|verjaardag|ben van)\b", re.IGNORECASE)

_MONTHS = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    r"jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?"
)
_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b", re.IGNORECASE)
_DUTCH_IBAN = re.compile(r"^NL\d{2}[A-Z]{4}\d{10}$", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"(?<![\d-])\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}(?!\d)")
_BIRTH_DATE = re.compile(
    rf"(?<!\d)(?:\d{{1,2}}[-/.]\d{{1,2}}(?:[-/.]\d{{2,4}})?"
    rf"|\d{{1,2}}\s+{_MONTHS}(?:\s+(?:19|20)?\d{{2}})?)(?!\d)",
    re.IGNORECASE,
)
_DUTCH_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[\s.\-]*(?:\(0\)[\s.\-]*)?|\(0|0)[1-9](?:[\s.\-)]{0,3}\d){8}(?!\d)"
)
_FOREIGN_PHONE = re.compile(r"(?<![\w+])(?:\+|00)(?!31)[1-9]\d{0,2}(?:[\s.\-]{0,2}\d){7,12}(?!\d)")
_POSTCODE = re.compile(r"(?<![\w-])[1-9]\d{3}(?:\s?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})(?![\w-])")
_POSTCODE_AFTER_CUE = re.compile(
    r"\bpostcode(?:\s+is)?\W{0,3}([1-9]\d{3}\s?[a-zA-Z]{2})(?![\w-])", re.IGNORECASE
)
# Street names end in one of these ("Dorpsstraat", "Van Goghstraat"), or are one with a capital ("Oude
# Gracht", "Markt").
STREET_WORDS = (
    "straat straatweg laan weg plein gracht kade dijk singel steeg pad hof park dreef markt plantsoen "
    "ring baan wal kant akker hoeve oord haven dam brink werf stede donk horst vaart allee boulevard "
    "promenade zoom schans poort veld hoek berg tuin erf"
).split()
_HOUSE_NUMBER = r"\d{1,4}(?:\s?[a-zA-Z](?!\w)|[-/]\s?\w{1,4})?(?!\d)"
_CAPITAL = r"[A-ZÀ-Ý][\w'’.-]*"
_STREET_NAME = "|".join(STREET_WORDS)
_STREET_ALONE = "|".join(word.capitalize() for word in STREET_WORDS)
_STREET = re.compile(
    rf"(?<![\w-])(?:"
    rf"(?:{_CAPITAL}\s+(?:(?:van|de|der|den|het|'t|ter|ten|la)\s+)*){{0,3}}"
    rf"(?:[A-Za-zÀ-ÿ][\w'’-]+(?:{_STREET_NAME})|{_STREET_ALONE})"
    rf"|(?:{_STREET_ALONE})\s+(?:(?:van|de|der|den|het|op|ten|ter)\s+)+{_CAPITAL}(?:\s+{_CAPITAL})?"
    rf")\s+{_HOUSE_NUMBER}"
)
_ADDRESS_AFTER_CUE = re.compile(
    rf"\b(?:woon|woont|woonde|wonen|adres is|adres:?)\s+(?:op|aan)\s+(?:(?:de|het)\s+)?"
    rf"({_CAPITAL}(?:\s+{_CAPITAL}){{0,2}}\s+{_HOUSE_NUMBER})"
)
_NUMBER_AFTER_CUE = re.compile(
    r"\b(?:bsn|burgerservicenummer|sofinummer|sofi-nummer|klantnummer|pasnummer|patiëntnummer|"
    r"patientnummer|polisnummer|lidnummer|dossiernummer|registratienummer)(?:\s+is)?\W{0,5}((?:\d[\s.-]?){4,}\d)",
    re.IGNORECASE,
)
_SPACED_NINE_DIGITS = re.compile(r"(?<![\w.-])\d(?:[\s.]?\d){8}(?![\w-])")
_LONG_NUMBER = re.compile(r"(?<![\w-])\d{7,}(?![\w-])")
_WORD = re.compile(r"(?<![\w/@])[^\W\d_]+(?:['’-][^\W\d_]+)*(?![\w/@])\.?")
_STREET_WORD = re.compile(rf"[a-zà-ÿ][\w'’-]+(?:{'|'.join(STREET_WORDS)})")


@dataclass(frozen=True)
class Found:
    """One piece of personal data: where it is in the text and what kind it is."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str

    @property
    def bare(self) -> str:
        return self.text.rstrip(".")

    @property
    def lower(self) -> str:
        return self.bare.lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def deidentify(text: str) -> str:
    """The text with each piece of personal data replaced by a Dutch placeholder such as "[naam]"."""
    found = find_personal_data(text)
    if not found:
        return text
    parts: list[str] = []
    position = 0
    for item in found:
        placeholder = PLACEHOLDERS[item.kind]
        between = text[position : item.start]
        if item.kind == "naam" and parts and parts[-1] == placeholder and not between.strip():
            position = item.end  # "Piet" "Jansen" found apart: one placeholder
            continue
        parts += [between, placeholder]
        position = item.end
    parts.append(text[position:])
    return "".join(parts)


def find_personal_data(text: str) -> list[Found]:
    """Every piece of personal data in the text, in order, without overlaps (the first rule wins)."""
    taken: list[Found] = []
    for item in _candidates(text):
        if item.end > item.start and not any(
            item.start < other.end and other.start < item.end for other in taken
        ):
            taken.append(item)
    return sorted(taken, key=lambda item: item.start)


def _candidates(text: str) -> Iterator[Found]:
    """Candidates from all rules, the most certain rules first."""
    yield from _spans(_EMAIL, text, "email")
    for match in _IBAN.finditer(text):
        yield from _iban(match)
    yield from _spans(_NUMERIC_DATE, text, "datum")
    yield from _birth_dates(text)
    for match in _DUTCH_PHONE.finditer(text):
        if not _service_number(match.group()):
            yield Found(match.start(), match.end(), "telefoon")
    yield from _spans(_FOREIGN_PHONE, text, "telefoon")
    yield from _spans(_POSTCODE_AFTER_CUE, text, "postcode", group=1)
    if not _all_capitals(text):  # "IN 1945 IS" is no postcode
        yield from _spans(_POSTCODE, text, "postcode")
    yield from _spans(_ADDRESS_AFTER_CUE, text, "adres", group=1)
    yield from _spans(_STREET, text, "adres")
    yield from _spans(_NUMBER_AFTER_CUE, text, "nummer", group=1)
    for match in _SPACED_NINE_DIGITS.finditer(text):
        if _passes_eleven_check(re.sub(r"\D", "", match.group())):
            yield Found(match.start(), match.end(), "nummer")
    yield from _spans(_LONG_NUMBER, text, "nummer")
    yield from _names(text)


def _service_number(number: str) -> bool:
    """0800, 0900 and 088 numbers belong to organisations (the Luisterlijn's 088 0767 000), not people."""
    digits = re.sub(r"\D", "", number)
    for country in ("0031", "31"):
        if digits.startswith(country):
            digits = "0" + digits[len(country) :]
            break
    return digits.startswith(SERVICE_PREFIXES)


def _spans(pattern: re.Pattern[str], text: str, kind: str, group: int = 0) -> Iterator[Found]:
    for match in pattern.finditer(text):
        yield Found(match.start(group), match.end(group), kind)


def _iban(match: re.Match[str]) -> Iterator[Found]:
    """An IBAN: a Dutch one by its form, others by their check digits; a trailing word is not part."""
    candidate = match.group()
    while candidate:
        compact = candidate.replace(" ", "").upper()
        if _DUTCH_IBAN.match(compact) or (15 <= len(compact) <= 34 and _iban_checks(compact)):
            yield Found(match.start(), match.start() + len(candidate), "nummer")
            return
        if " " not in candidate:
            return
        candidate = candidate.rsplit(" ", 1)[0]


def _iban_checks(compact: str) -> bool:
    digits = "".join(str(int(char, 36)) for char in compact[4:] + compact[:4])
    return int(digits) % 97 == 1


def _passes_eleven_check(digits: str) -> bool:
    """The BSN check: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11."""
    if len(digits) != 9 or digits == "000000000":
        return False
    total = sum(weight * int(digit) for weight, digit in zip(range(9, 1, -1), digits[:8], strict=True))
    return (total - int(digits[8])) % 11 == 0


def _birth_dates(text: str) -> Iterator[Found]:
    """Dates (also without a year) shortly after "geboren", "jarig" and the like, or before "geboren"."""
    for cue in BIRTH_CUES.finditer(text):
        match = _BIRTH_DATE.search(text, cue.end(), min(len(text), cue.end() + 40))
        if match is not None:
            yield Found(match.start(), match.end(), "datum")
        if cue.group().lower() == "geboren":  # "ik ben op 7 juli 1942 geboren"
            before = list(_BIRTH_DATE.finditer(text, max(0, cue.start() - 30), cue.start()))
            if before:
                yield Found(before[-1].start(), before[-1].end(), "datum")


def _capitals_say_nothing(text: str) -> bool:
    """Capitals tell nothing in "IK BEN ZO ALLEEN" or "Ik Voel Me Heel Alleen Sinds Kerst"."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    capitalised = sum(1 for word in words if word[0].isupper())
    return _all_capitals(text) or (len(words) >= 5 and capitalised >= 0.8 * len(words))


def _all_capitals(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 8 and sum(1 for char in letters if char.isupper()) >= 0.7 * len(letters)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """The first names of `first_names.txt`, lower-case."""
    lines = FIRST_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def place_names() -> tuple[frozenset[str], int]:
    """Municipality and place names from the catalogue (lower-case), and the most words one has."""
    names: set[str] = set()
    with (CATALOGUE_DIR / "municipalities.csv").open(encoding="utf-8") as handle:
        names.update(row["name"] for row in csv.DictReader(handle))
    places = yaml.safe_load((CATALOGUE_DIR / "places.yml").read_text(encoding="utf-8")) or {}
    for name, entry in (places.get("municipalities") or {}).items():
        names.add(name)
        for key in ("aliases", "places"):
            names.update((entry or {}).get(key) or [])
    normalised = frozenset(_place_key(name) for name in names if name)
    return normalised, max(len(name.split()) for name in normalised)


def _place_key(name: str) -> str:
    return " ".join(re.findall(r"[^\W\d_]+", name.lower()))


def _names(text: str) -> Iterator[Found]:
    words = [_Word(match.start(), match.end(), match.group()) for match in _WORD.finditer(text)]
    protected = _protected_words(words)
    capitals_count = not _capitals_say_nothing(text)
    index = 0
    while index < len(words):
        start = _name_start(text, words, index, protected, capitals_count)
        end = None if start is None else _name_end(text, words, start, protected, capitals_count)
        if start is None or end is None:
            index += 1
            continue
        last = words[end]
        yield Found(words[start].start, last.end - (1 if last.text.endswith(".") else 0), "naam")
        index = end + 1


def _protected_words(words: list[_Word]) -> set[int]:
    """Indexes of words in a town or village name ("Den Helder") or a shop's name ("Albert Heijn")."""
    places, longest = place_names()
    protected: set[int] = set()
    for index in range(len(words)):
        if not words[index].capitalised:
            continue
        for size in range(min(longest, len(words) - index), 0, -1):
            key = _place_key(" ".join(word.bare for word in words[index : index + size]))
            if key in places or key in NOT_NAME_PHRASES:
                protected.update(range(index, index + size))
                break
        if words[index].lower in ("sint", "st") and words[index].capitalised and index + 1 < len(words):
            protected.update((index, index + 1))  # Sint Maarten, Sint Jansklooster, St. Nicolaas
    return protected


def _sentence_start(text: str, word: _Word) -> bool:
    position = word.start
    while position > 0 and text[position - 1] in " \t\"'(":
        position -= 1
    return position == 0 or text[position - 1] in ".!?:;\n"


def _initial(word: _Word) -> bool:
    return re.fullmatch(r"[A-Z]\.", word.text) is not None


def _joined(text: str, first: _Word, second: _Word) -> bool:
    """Two words of one name: only a space or a hyphen between, and no full stop ("Canada. Piet")."""
    gap = text[first.end : second.start]
    if _initial(first):
        return gap in ("", " ")
    return gap in (" ", "-") and not first.text.endswith(".")


def _name_start(
    text: str, words: list[_Word], index: int, protected: set[int], capitals_count: bool
) -> int | None:
    """`index` when a name starts at that word, else None."""
    word = words[index]
    lower = word.lower
    if index in protected:
        return None
    before = [w.lower for w in words[max(0, index - 3) : index]]
    previous = before[-1] if before else ""
    if lower in INTERFIXES or _initial(word):
        # "mevrouw de Vries", "J. de Boer": the rest of the name is checked by _name_end.
        return index if previous in TITLES or _initial(word) else None
    if lower in NOT_NAMES or (previous in ARTICLES and previous not in TITLES):
        return None
    known = lower in first_names()
    mid_capital = capitals_count and word.capitalised and not _sentence_start(text, word)
    if previous in ("heet", "genaamd") or (before[-2:] == ["naam", "is"] and before[0] in POSSESSIVES):
        # "ik heet wubbo", "mijn naam is Gerbrich"; but "dat heet eenzaamheid", "de naam is genoeg".
        said_of_self = before[-2:] in (["ik", "heet"], ["naam", "is"])
        if lower not in FILLERS and (said_of_self or known or word.capitalised):
            return index
        return None
    if previous in TITLES and (word.capitalised or known):
        return index
    if previous in RELATIONS and (
        (word.capitalised and capitals_count) or (known and lower not in VERB_NAMES)
    ):
        return index
    if known and lower in WORD_NAMES:
        return index if mid_capital else None
    if known and (word.capitalised or len(lower) >= 3):
        return index
    if before[-2:] == ["ik", "ben"] and mid_capital:
        return index
    return None


def _name_end(
    text: str, words: list[_Word], start: int, protected: set[int], capitals_count: bool
) -> int | None:
    """Index of the last word of the name from `start` ("Piet de Vries", "J. de Boer"), or None."""
    last: int | None = None
    index = start
    while index < len(words):
        if index > start and not _joined(text, words[index - 1], words[index]):
            break
        part = index
        while part < len(words) and (words[part].lower in INTERFIXES or _initial(words[part])):
            if part > index and not _joined(text, words[part - 1], words[part]):
                return last
            part += 1
        if part >= len(words) or (part > index and not _joined(text, words[part - 1], words[part])):
            break
        candidate = words[part]
        accepted_by_start = part == start
        if not accepted_by_start and (
            not (candidate.capitalised and capitals_count)
            or part in protected
            or candidate.lower in NOT_NAMES
            or _STREET_WORD.fullmatch(candidate.lower) is not None
        ):
            break
        last = part
        index = part + 1
    return last
