"""Saying back what was heard before anything is offered, and asking (not stating) the kind of loneliness.

The approach asks to listen first and to check what you heard: "Als ik het goed begrijp ... Klopt
dat?". Only after the person recognises the summary does the assistant offer a next phase. The kind of
loneliness (social, emotional, existential) is never told as a fact: the assistant names what it thinks
it heard as a possibility and lets the person choose.
"""

from __future__ import annotations

import re

from bot.conversation.listening import LonelinessType
from bot.conversation.reading import Address
from bot.conversation.reflection import _PRONOUNS, THEME_PHRASES, join_dutch
from bot.text import normalise

# After this many listening turns without a summary, the assistant says back what it heard.
SUMMARY_AFTER_TURNS = 3
# Without any cause named, it waits a little longer: there is not much to say back yet.
SUMMARY_LATEST_TURN = 5

DURATION_PHRASES = {
    "recent": "Het is nog vrij kort zo",
    "months": "Het speelt al een paar maanden",
    "years": "Het speelt al lang",
}

# The choices for the kind of loneliness, in the person's own words (the button titles).
KIND_CHOICES: dict[LonelinessType, str] = {
    "social": "Mensen om me heen",
    "emotional": "Eén iemand dichtbij",
    "existential": "Een plek waar ik ertoe doe",
}

# "Het klinkt alsof je vooral ... mist": the tentative guess, in the form of address.
KIND_GUESS: dict[LonelinessType, str] = {
    "social": "mensen om {jou} heen mist: contact, gezelligheid, erbij horen",
    "emotional": "één iemand dichtbij mist: iemand die {jou} echt kent",
    "existential": "een plek mist waar {jij} ertoe doet",
}

# Typed answers to the choice; checked in this order.
_KIND_ANSWERS: tuple[tuple[LonelinessType, re.Pattern[str]], ...] = (
    (
        "existential",
        re.compile(
            r"\b(ertoe doe|er toe doe|betekenis|zin (van|in mijn leven)|nodig (ben|zijn)|nuttig|plek waar|"
            r"doel|rol\b|iets betekenen)"
        ),
    ),
    (
        "emotional",
        re.compile(
            r"\b(een iemand|een persoon|iemand dichtbij|iemand (die|om) |hechte|maatje|partner|"
            r"vertrouw|knuffel|echte vriend|mijn man|mijn vrouw|zielsverwant)"
        ),
    ),
    (
        "social",
        re.compile(
            r"\b(mensen om me heen|meer mensen|contact|contacten|gezelligheid|erbij horen|"
            r"vrienden|kennissen|aanspraak|mensen zien|ergens bij)"
        ),
    ),
)
_NOT_SURE = re.compile(r"\b(weet (ik )?(het )?niet|geen idee|allebei|alle drie|beetje van alles|allemaal)\b")


def summary_due(
    turns: int,
    summarised_at: int | None,
    causes_known: bool,
    asks_what_to_do: bool,
    question_left: bool,
) -> bool:
    """Whether this listening turn should end with a summary rather than another open question.

    The person leads: there is no fixed cap. A summary comes when they ask what they can do, when enough
    is told (a cause and a few turns), or when no open question is left. After a summary that was not
    recognised, at least two more turns of listening come first.
    """
    if summarised_at is not None and turns - summarised_at < 2:
        return False
    if asks_what_to_do:
        return True
    if not question_left:
        return True
    if causes_known and turns >= SUMMARY_AFTER_TURNS:
        return True
    return turns >= SUMMARY_LATEST_TURN


def summary_text(
    causes: list[str],
    duration: str | None,
    isolated: bool,
    address: Address,
    people_missed: list[str] | None = None,
) -> str:
    """The summary in full sentences: the themes, how long, how alone ("Het gaat over ... .")."""
    pronouns = _PRONOUNS[address]
    known = [cause for cause in causes if cause in THEME_PHRASES][:3]
    themes = [THEME_PHRASES[cause].format(**pronouns) for cause in known]
    if people_missed and "loss" in known:
        themes[known.index("loss")] = f"het verlies van {pronouns['jouw']} {people_missed[0]}"
    if themes:
        sentences = [f"Het gaat over {join_dutch(themes)}."]
    else:
        sentences = ["Je voelt je vaak alleen." if address == "je" else "U voelt zich vaak alleen."]
    if duration in DURATION_PHRASES:
        sentences.append(DURATION_PHRASES[duration] + ".")
    if isolated:
        sentences.append(("Je" if address == "je" else "U") + " ziet of spreekt weinig mensen.")
    return " ".join(sentences)


def kind_guess(kind: LonelinessType | None, address: Address) -> str | None:
    """The tentative phrase for the kind heard so far, or None when nothing points to one."""
    if kind is None:
        return None
    return KIND_GUESS[kind].format(**_PRONOUNS[address])


def read_kind_answer(text: str) -> LonelinessType | None:
    """The kind a typed answer to the choice names, or None (also for "weet ik niet")."""
    cleaned = normalise(text)
    if _NOT_SURE.search(cleaned):
        return None
    for kind, pattern in _KIND_ANSWERS:
        if pattern.search(cleaned):
            return kind
    return None


def kind_buttons(guess: LonelinessType | None) -> list[dict[str, str]]:
    """The choice as buttons, the kind heard so far first, and "Weet ik niet"."""
    order: list[LonelinessType] = ["social", "emotional", "existential"]
    if guess in order:
        order.remove(guess)
        order.insert(0, guess)
    buttons = [
        {"title": KIND_CHOICES[kind], "payload": '/choose_kind{"kind": "' + kind + '"}'} for kind in order
    ]
    buttons.append({"title": "Weet ik niet", "payload": "/choose_kind"})
    return buttons
