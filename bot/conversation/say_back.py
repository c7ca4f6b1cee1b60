"""Saying a short answer back in the assistant's words: "ik kan goed koken" becomes "je kunt goed koken".

Used for wishes, talents and "with whom at ease": the approach asks to say back what someone is good at
and what matters to them. Only short answers are said back, with the pronouns turned around; a long or
empty answer ("niks", "weet ik niet") is not quoted. Names, numbers and addresses are removed first.
"""

from __future__ import annotations

import re

from bot.conversation.reading import Address
from bot.privacy.deidentify import deidentify

# Answers longer than this are summarised by theme, never said back.
MAX_WORDS = 12

_NOTHING = re.compile(
    r"^\W*(niks|niets|nergens( in| goed in)?|geen idee|weet (ik )?(het )?niet|geen|niemand|nee|"
    r"ik weet het niet|ik kan niks|ik kan niets|nergens (meer )?goed in|ik ben nergens (meer )?goed in|"
    r"ik ben (nergens|in niks|in niets) (meer )?goed( in)?|helemaal niks|helemaal niets)\W*$",
    re.IGNORECASE,
)

# First person -> second person, word by word in lower case: the verbs (the same for "je" and "u",
# except "heb") and the pronouns of each form of address.
_VERBS = {
    "ben": "bent", "kan": "kunt", "wil": "wilt", "vind": "vindt", "word": "wordt", "voel": "voelt",
    "doe": "doet", "hou": "houdt", "houd": "houdt", "mis": "mist", "zie": "ziet", "ga": "gaat",
    "lees": "leest", "kook": "kookt", "bak": "bakt", "zing": "zingt", "help": "helpt", "teken": "tekent",
    "brei": "breit", "luister": "luistert", "wandel": "wandelt", "fiets": "fietst", "werk": "werkt",
    "maak": "maakt",
}  # fmt: skip
_SWAP: dict[Address, dict[str, str]] = {
    "je": {
        **_VERBS, "heb": "hebt", "ik": "je", "mij": "jou", "me": "je", "mijn": "je", "m'n": "je",
        "mezelf": "jezelf", "we": "jullie", "wij": "jullie", "ons": "jullie", "onze": "jullie",
    },
    "u": {
        **_VERBS, "heb": "heeft", "ik": "u", "mij": "u", "me": "u", "mijn": "uw", "m'n": "uw",
        "mezelf": "uzelf", "we": "u en anderen", "wij": "u en anderen", "ons": "u", "onze": "uw",
    },
}  # fmt: skip
# With "je" after the verb (inversion) the verb has no -t: "dan heb je", "kun je".
_INVERTED = {
    "kan": "kun",
    "ben": "ben",
    "heb": "heb",
    "wil": "wil",
    "word": "word",
    "vind": "vind",
    "doe": "doe",
}
_WORD = re.compile(r"[\w']+|[^\w']+")


def says_nothing(answer: str | None) -> bool:
    """Whether the answer is empty or "niks" / "weet ik niet" / "nergens goed in"."""
    return answer is None or not answer.strip() or _NOTHING.match(answer.strip()) is not None


def say_back(answer: str | None, address: Address) -> str | None:
    """The answer in the assistant's words, or None when it is empty, "niks" or too long to quote."""
    if says_nothing(answer):
        return None
    assert answer is not None
    cleaned = deidentify(answer).strip().rstrip(".!?").strip()
    if not cleaned or len(cleaned.split()) > MAX_WORDS or "[" in cleaned:
        return None
    swap = _SWAP[address]
    parts = _WORD.findall(cleaned)
    words: list[str] = []
    for index, part in enumerate(parts):
        lower = part.lower()
        following = next((later.lower() for later in parts[index + 1 :] if later.strip()), "")
        if address == "je" and following == "ik" and lower in _INVERTED:
            words.append(_INVERTED[lower])  # "heb ik" becomes "heb je", not "hebt je"
        elif part.strip():
            words.append(swap.get(lower, part))
        else:
            words.append(part)
    text = "".join(words)
    return text[0].lower() + text[1:] if text[:2] != text[:2].upper() else text
