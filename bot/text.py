"""Small, pure helpers for the text a visitor types."""

from __future__ import annotations

import re
import unicodedata

# Longer messages are cut before NLU: a chat turn never needs more, and it bounds the work per turn.
MAX_MESSAGE_CHARS = 1000

_REPEATS = re.compile(r"(.)\1{2,}")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_COMMAND_PREFIX = re.compile(r"^[\s/]+")

_ENGLISH_WORDS = frozenset(
    "i i'm im you your the and is are am can do does don't dont feel lonely help please hello "
    "hi anyone speak english my me what how why who with this that it not no yes want talk "
    "someone somebody need anybody there here alone sad today".split()
)
_DUTCH_WORDS = frozenset(
    "ik je jij u het de een en is ben bent zijn niet wel wat hoe waarom wie met dit dat mijn me "
    "mij heb hebt heeft voel eenzaam alleen hallo hoi ja nee graag kan kun wil praten iemand "
    "niemand er hier daar ook maar nog al of als van voor op in te om zo dan".split()
)


def cut(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """Return `text` cut to at most `limit` characters."""
    return text if len(text) <= limit else text[:limit]


def normalise(text: str) -> str:
    """Lower-case, strip accents and punctuation, squeeze letter runs ("eenzaaam" -> "eenzaam")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    ascii_text = ascii_text.replace("'", "")
    ascii_text = _REPEATS.sub(r"\1\1", ascii_text)
    return _NON_WORD.sub(" ", ascii_text).strip()


def has_letters(text: str) -> bool:
    """Tell whether the text holds any letter at all (emoji and punctuation do not count)."""
    return _LETTER.search(text) is not None


def looks_english(text: str) -> bool:
    """Guess whether a message is English rather than Dutch, from common function words."""
    words = re.findall(r"[a-z']+", text.lower())
    english = sum(1 for word in words if word in _ENGLISH_WORDS)
    dutch = sum(1 for word in words if word in _DUTCH_WORDS)
    return english >= 2 and english > 2 * dutch


def strip_command_prefix(text: str) -> str:
    """Remove leading slashes so that typed text can never be read as an `/intent{...}` command."""
    return _COMMAND_PREFIX.sub("", text)
