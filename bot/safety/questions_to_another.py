"""Risk words that are only a question to someone else: "Heb je weleens gedachten aan zelfmoord?".

In practice mode a trainee asks the persona about suicidal thoughts; that is the right thing to do and
no crisis of the trainee. `risk_only_in_questions` tells such a message apart: every sentence with
risk words in it is a question to "je" or "u" without "ik", and the rest of the message has no risk.
A trainee's own crisis ("ik wil dood", "ik ook" after the question) is never such a message. Outside
practice mode nothing changes: the crisis policy asks this only while a trainee practises.
"""

from __future__ import annotations

import re

from bot.safety.possible_risk import possible_risk
from bot.safety.rules import detect_crisis
from bot.text import normalise

_SENTENCES = re.compile(r"(?<=[.!?\n])\s*|\s*[;:]\s+")
_SECOND_PERSON = frozenset("je jij jou jouw jezelf u uw uzelf".split())
_FIRST_PERSON = frozenset("ik mij me mijn mezelf mn ikzelf".split())
_YES_WORDS = frozenset("wel ook ja soms vaak elke altijd regelmatig steeds".split())
_QUESTION_WORDS = frozenset("wat hoe wanneer welke wie hoezo hoelang hoeveel".split())
# Words that start a statement, not a yes/no question, when "je" or "u" follows them.
_NOT_VERBS = frozenset(
    "als dan nu toen omdat want dus en maar of dat die dit ook nog al wel niet echt gewoon soms vaak "
    "misschien waarom".split()
)


def sentences(text: str) -> list[str]:
    """The message cut into sentences (after . ! ? a newline, or at ; and :)."""
    return [part.strip() for part in _SENTENCES.split(text) if part and part.strip()]


# A polite opening before the question itself: "Mag ik vragen, heeft u ...?" is still asked of "u".
_POLITE_OPENING = re.compile(
    r"^\W*(mag ik|ik wil|ik vraag)( (je|u|jou|het|iets|even|eens|eerlijk|maar|gewoon))*( vragen)?\W+",
    re.IGNORECASE,
)


def is_question_to_another(sentence: str) -> bool:
    """A question to "je" or "u", without "ik" or "mij": "Denkt u weleens aan de dood?"."""
    sentence = _POLITE_OPENING.sub("", sentence, count=1)
    words = normalise(sentence).split()
    if not words or _FIRST_PERSON & set(words) or not _SECOND_PERSON & set(words):
        return False
    if words[0] == "waarom":
        return False  # "waarom zou je nog leven?" is said about oneself as often as asked
    if "ook" in words and "weleens" not in words and "eens" not in words:
        return False  # "wil jij ook dood?" says that the writer does
    if sentence.rstrip().endswith("?"):
        return True
    opening = [word for word in words[:4] if word not in ("en", "maar", "mag", "ik", "vragen")]
    if len(opening) >= 2 and opening[1] in _SECOND_PERSON and opening[0] not in _NOT_VERBS:
        return True  # "heb je weleens ..." typed without a question mark
    return opening[0] in _QUESTION_WORDS if opening else False


def _has_risk(text: str) -> bool:
    return bool(text.strip()) and (detect_crisis(text) is not None or possible_risk(text) is not None)


def risk_only_in_questions(text: str) -> bool:
    """The message asks someone else, and whatever risk it holds is only in those questions.

    True for "Ik begrijp het. Heb je weleens gedachten aan zelfmoord?"; False when a part that is not
    such a question has risk of its own ("Ik wil ook dood. Jij ook?"), or when a short answer in the
    first person follows the question ("Wil je soms dood? Ik wel.").
    """
    parts = sentences(text)
    asked = [index for index, part in enumerate(parts) if is_question_to_another(part)]
    if not asked:
        return False
    rest = [(index, part) for index, part in enumerate(parts) if index not in asked]
    if _has_risk(" . ".join(part for _, part in rest)):
        return False
    return not any(index > asked[0] and _answers_for_oneself(part) for index, part in rest)


def _answers_for_oneself(part: str) -> bool:
    """A first-person part that may answer one's own question: short, or saying "wel", "ook", "soms"."""
    words = set(normalise(part).split())
    return bool(_FIRST_PERSON & words) and (len(words) <= 4 or bool(_YES_WORDS & words))
