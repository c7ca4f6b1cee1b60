"""Choosing the listening reply: reflect what matters most, answer a question, ask one open question.

The texts live in the domain (`domain/listening.yml`); this module only picks which ones and fills the
few phrases that name the person's own themes (the causes they wrote about) in the reflection.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.conversation.reading import LONG_WORDS, Address, Reading

# How a cause is named inside "Er zit veel in wat je schrijft: ...". {jouw} becomes "je" or "uw",
# {jou} "je" or "u", {jezelf} "jezelf" or "uzelf", following how the person writes.
THEME_PHRASES: dict[str, str] = {
    "loss": "het verlies van iemand die {jou} dierbaar was",
    "divorce": "het einde van {jouw} relatie",
    "moving": "de verhuizing",
    "retirement": "het stoppen met werken",
    "illness": "{jouw} gezondheid",
    "unemployment": "het verlies van {jouw} werk",
    "low_income": "de zorgen over geld",
    "unsafe_neighbourhood": "een buurt waar {jij} {je} niet prettig voelt",
    "low_confidence": "twijfel aan {jezelf}",
    "social_anxiety": "dat contact spannend voor {jou} is",
    "children_left": "dat {jouw} kinderen ver weg zijn",
    "caregiving": "de zorg voor iemand anders",
    "friends_gone": "vrienden die uit beeld zijn",
    "migration": "de afstand tot {jouw} land en {jouw} familie",
    "relationship": "de afstand in {jouw} relatie",
    "school": "school of {jouw} studie",
    "mental_health": "hoe somber of moe {jij} {je} voelt",
    "parenthood": "de drukte met de kinderen",
    "discrimination": "hoe anderen {jou} behandelen",
    "age": "het ouder worden",
    "digital": "dat zoveel via de computer gaat",
}
# The loss of a named person reads better with that person in it: "het verlies van je vrouw".
LOSS_OF_PERSON = "het verlies van {jouw} {person}"
# How a feeling is named after "Je schrijft over ...", in the same placeholders as THEME_PHRASES.
FEELING_PHRASES: dict[str, str] = {
    "zinloosheid": "het gevoel dat {jij} er niet meer toe doet",
    "schaamte": "hoe moeilijk het is om hierover te praten",
    "verdriet": "veel verdriet",
    "leegte": "een grote leegte",
    "heimwee": "heimwee",
    "gemis": "hoe erg {jij} iemand mist",
    "angst": "hoe bang of gespannen {jij} {je} voelt",
    "onbegrip": "dat {jij} {je} niet begrepen voelt",
    "boosheid": "boosheid",
    "moeheid": "hoe moe {jij} bent",
    "onzekerheid": "twijfel aan {jezelf}",
}

_PRONOUNS: dict[Address, dict[str, str]] = {
    "je": {"jouw": "je", "jou": "je", "jij": "je", "je": "je", "jezelf": "jezelf"},
    "u": {"jouw": "uw", "jou": "u", "jij": "u", "je": "zich", "jezelf": "uzelf"},
}

ANSWERS = {
    "tip": "utter_answer_tip",
    "what_can_i_do": "utter_answer_what_can_i_do",
    "is_normal": "utter_answer_is_normal",
    "why": "utter_answer_why",
    "other": "utter_answer_other",
}


@dataclass(frozen=True)
class Utterance:
    """One response to send, with the values for its placeholders."""

    response: str
    values: dict[str, str] = field(default_factory=dict)


def join_dutch(parts: list[str]) -> str:
    """"a", "a en b", "a, b en c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def theme_phrase(cause: str, reading: Reading, address: Address) -> str:
    """The Dutch phrase for one cause, in the person's form of address."""
    lost = [word for key, word in reading.people if key in ("partner", "children", "parents", "friends")]
    template = LOSS_OF_PERSON if cause == "loss" and lost else THEME_PHRASES[cause]
    person = lost[0] if lost else ""
    return template.format(person=person, **_PRONOUNS[address])


def heard_phrase(reading: Reading, address: Address) -> str | None:
    """The main thing the person wrote about as a short phrase ("het verlies van je vrouw"), or None."""
    if reading.causes:
        return theme_phrase(reading.causes[0], reading, address)
    feeling = next((name for name in reading.feelings if name in FEELING_PHRASES), None)
    return FEELING_PHRASES[feeling].format(**_PRONOUNS[address]) if feeling else None


def reflect(
    reading: Reading,
    new_causes: list[str],
    intent: str | None,
    duration: str | None,
    address: Address,
    listened_before: bool,
    interests: list[str] | None = None,
) -> Utterance:
    """The reflection: the person's themes together, or the main cause or feeling, in own words."""
    if len(reading.causes) >= 2 and new_causes:
        themes = [theme_phrase(cause, reading, address) for cause in reading.causes[:3]]
        return Utterance("utter_reflect_many", {"themes": join_dutch(themes)})
    if new_causes:
        return Utterance(f"utter_reflect_cause_{new_causes[0]}")
    if reading.feelings:
        return Utterance(f"utter_reflect_feeling_{reading.feelings[0]}")
    if interests:
        return Utterance("utter_reflect_interests", {"interests": join_dutch(interests)})
    if intent == "tell_duration" and duration:
        return Utterance(f"utter_reflect_duration_{duration}")
    if reading.isolation:
        return Utterance("utter_reflect_isolation")
    if intent == "feel_sad":
        return Utterance("utter_reflect_sad")
    if reading.is_long or (reading.disclosure and reading.words >= LONG_WORDS):
        return Utterance("utter_reflect_long")
    if listened_before and intent not in ("feel_lonely",):
        return Utterance("utter_reflect_go_on")
    return Utterance("utter_reflect_lonely")


def answer(reading: Reading) -> Utterance | None:
    """The answer to a question the person asked, if any."""
    if reading.question is None:
        return None
    return Utterance(ANSWERS[reading.question])


# Open questions that fit any conversation, asked in turn after the ones this message calls for.
ROTATION = (
    "utter_ask_miss_most",
    "utter_ask_ordinary_week",
    "utter_ask_who_still_there",
    "utter_ask_own_view",
)


def open_question(
    reading: Reading,
    asked: list[str],
    duration_known: bool,
    causes_known: bool,
    kind: str | None = None,
) -> str | None:
    """One open question that fits this message and was not asked yet, or None when all were asked.

    First what this message calls for (the heaviest of several themes, what is missed, how long, what
    happened), then a question about meaning when the loneliness sounds existential, then the rotation.
    """
    candidates: list[str] = []
    if len(reading.causes) >= 2:
        candidates.append("utter_ask_heaviest")
    if "emotional" in reading.kinds or "gemis" in reading.feelings or "loss" in reading.causes:
        candidates.append("utter_ask_miss_most")
    if kind == "existential" or "existential" in reading.kinds or "zinloosheid" in reading.feelings:
        candidates.append("utter_ask_meaning")
    if not duration_known:
        candidates.append("utter_ask_duration")
    if not causes_known:
        candidates.append("utter_ask_what_happened")
    if reading.is_long or reading.feelings:
        candidates.append("utter_ask_tell_more")
    candidates += ROTATION
    return next((name for name in candidates if name not in asked), None)
