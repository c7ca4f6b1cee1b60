"""Reading a whole message: every cue in it, not one intent per message.

Real people write long, mixed messages: three causes, a feeling, a person they miss, and a question, all
in one turn. `read_message` finds all of them with plain rules on normalised text, so that the reply can
reflect what matters most and answer the question that was asked. Nothing here is a diagnosis; it only
steers which gentle reflection and which open question come next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.conversation.listening import (
    CAUSE_PATTERNS,
    CAUSE_TYPE,
    TYPE_CUES,
    LonelinessType,
    signals_isolation,
)
from bot.text import normalise

QuestionKind = Literal["tip", "what_can_i_do", "is_normal", "why", "other"]
Address = Literal["u", "je"]
Capability = Literal["scale", "activities", "human", "meldpunt"]
Time = Literal["past", "now"]

FEELING_PATTERNS: dict[str, str] = {
    "zinloosheid": r"zinloos|nutteloos|geen zin (meer )?in|waar doe ik het (allemaal )?voor|overbodig|"
    r"leven kan je het niet noemen|tel(len)? niet meer mee|afgeschreven|niemand heeft (\w+ ){0,2}meer nodig|"
    r"maakt me (eigenlijk )?niks meer uit|wat doe ik hier nog|wordt vergeten|mijn leven niet (eens )?leef|"
    r"doe er niet (meer )?toe|niet meer nodig|geen doel|niemand heeft me nodig|wat moet ik hier nog",
    "schaamte": r"schaam|schaamte|geheim (te )?houden|niemand mocht het weten|mislukkeling|gefaald|"
    r"durven (ze )?er (helemaal )?niet over|hard in hun oordeel|over me (gaan )?praten|toneelspelen|"
    r"durf (het )?(\w+ )?(aan |tegen )?niemand|niemand weet (het|dat)|"
    r"toe te geven|taboe|sta(at)? voor schut|zielig",
    "verdriet": r"verdriet|verdrietig|huil|gehuild|tranen|rouw|kapot van",
    "leegte": r"\bleeg\b|\blege\b|leegte|tegen niemand een woord|geen woord (zeg|gezegd|gesproken)|"
    r"een gat in|zit ik (toch )?maar wat|"
    r"zo stil|stilte|doodstil|stil in huis|lege huis",
    "heimwee": r"heimwee|mis mijn (land|thuisland|familie daar|dorp)|terug naar (mijn|m n) land|"
    r"wat thuis (eigenlijk )?is|overal thuis|nergens thuis",
    "gemis": r"\bmis (hem|haar|mijn|m n|ons|de|het|zijn|die|ze)\b|gemis|\bmissen\b|ik mis\b|"
    r"(hem|haar|ze|jou) mis\b|zo graag (\w+ ){0,3}(vastpakken|zien|knuffelen)|mis je iemand|"
    r"zou (zo |heel )?graag (\w+ ){1,7}(dichtbij|weer eens zien)",
    "angst": r"\bbang\b|angst|\beng\b|paniek|zenuwachtig|spannend",
    "onbegrip": r"niemand (me )?(begrijpt|snapt|begreep|snapte)|begrijpt me niet|snapt me niet|onbegrip|"
    r"niet gezien|"
    r"geen idee hoe (alleen|eenzaam)|neemt ons (niet )?serieus|niet (meer )?gezien als|"
    r"onzichtbaar|niemand luistert",
    "boosheid": r"\bboos\b|kwaad|woedend|geirriteerd|frustrer|gefrustreerd|oneerlijk",
    "moeheid": r"\bmoe\b|uitgeput|doodmoe|geen energie|op van de|opgebrand|moed bij elkaar|"
    r"bakken energie|kost me (veel|zoveel) energie|uit (mijn|m n) bed",
    "onzekerheid": r"onzeker|twijfel(de)? (\w+ )?aan mezelf|zelfvertrouwen|niks waard|niets waard|"
    r"schiet (ik )?(altijd )?tekort|tekortschiet|weet me geen raad|anders dan de rest",
    "hoop": r"\bhoop\b|hoop ik|hoopvol|zin in|ik wil graag",
}

# Feelings that tell the kind of loneliness in the person's own words.
FEELING_KINDS: dict[str, LonelinessType] = {
    "zinloosheid": "existential",
    "onbegrip": "existential",
    "gemis": "emotional",
}

# People named, as the person names them: the relation key and the word for a reflection.
RELATIONS: dict[str, str] = {
    "partner": r"(mijn|m n) (man|vrouw|partner|echtgenoot|echtgenote|vriend|vriendin|lief)\b",
    "children": r"(mijn|m n|onze) (kinderen|kids|zoon|dochter|zoons|dochters|kleinkinderen)\b",
    "parents": r"(mijn|m n) (moeder|vader|ouders|mama|papa|pa|ma)\b",
    "friends": r"(mijn|m n) (vrienden|vriendinnen|vriendengroep|maatjes|beste vriend|beste vriendin)\b",
    "family": r"(mijn|m n) (familie|broer|zus|broers|zussen|neef|nicht|kleinzoon|kleindochter)\b",
    "neighbours": r"(mijn|m n|de) (buren|buurman|buurvrouw|buurt)\b",
    "colleagues": r"(mijn|m n|oud )?(collega s|collegas|collega\b)",
}

_QUESTIONS: tuple[tuple[QuestionKind, str], ...] = (
    ("tip", r"\btips?\b|advies|raad\b|suggestie"),
    ("is_normal", r"is (dit|dat|het) (wel )?normaal|ben ik (de enige|raar|gek|vreemd)|herkent iemand|"
     r"hebben (meer|andere) mensen dit|komt dit vaak voor|ben ik niet de enige"),
    ("why", r"waarom (voel|ben|heb|lukt|kan|gaat)|hoe komt (het|dat)|hoe kan het dat"),
    ("what_can_i_do", r"wat (kan|moet|zou) ik (er )?(nou |nu |dan )?(aan )?(doen|beginnen)|"
     r"hoe (kan|kom|moet) ik|wat (kan|moet) ik (nou|nu|dan)?\b|waar (kan|moet) ik"),
)

_CAPABILITIES: tuple[tuple[Capability, str], ...] = (
    ("scale", r"vragenlijst|\btest(je)?\b|meten hoe eenzaam|hoe eenzaam (ik ben|ben ik)|eenzaamheidsschaal|"
     r"schaal van|(mijn|een) score"),
    ("human", r"(kan|mag|wil|kun) (ik|je|u) (\w+ )?(met|tegen) (een )?(echt(e)? )?(mens|persoon|"
     r"vrijwilliger)|echt(e)? (mens|persoon) (spreken|praten)|(praten|spreken) met een (echt(e)? )?"
     r"(mens|vrijwilliger)|echt(e)? (mens|persoon) (\w+ ){0,4}(mee|tegen) (\w+ ){0,2}(praten|spreken)"),
    ("meldpunt", r"meldpunt|wijkteam|melding (doen|maken)|(iemand|iets) melden"),
    ("activities", r"activiteit|iets te doen|wat is er te doen|clubje|vereniging|koffieochtend|"
     r"inloop|ontmoetingsplek|in (mijn|de) buurt (iets|wat)|iets (leuks )?(in|bij) (mij|de buurt)"),
)

_FIRST_PERSON = re.compile(r"\b(ik|mij|me|mijn|m n|mn|mezelf)\b")
_FEELING_STATEMENT = re.compile(
    r"\bik (voel|ben|heb|mis|zit|kan|durf|weet|wil)\b|\b(voel|zie|vind) ik\b|\bmij (lukt|gaat)"
)
# Someone else is the subject: "mijn buurman", "hij", "een cliënt" (the person writes about another).
_ABOUT_OTHER = re.compile(
    r"\b(hij|zij|hem|haar|ze is|ze heeft|ze zit|ze voelt|mijn (moeder|vader|oma|opa|buurman|buurvrouw|"
    r"zoon|dochter|vriend|vriendin|zus|broer|tante|oom|client|clienten|leerling|bewoner|patient)|"
    r"de (buurman|buurvrouw|man|vrouw) (naast|hiernaast|verderop)|"
    r"een (client|clienten|patient|leerling|bewoner)|onze (buurman|buurvrouw))\b"
)
# Signs that may point to depression or beginning dementia: then the huisarts is named.
_HEALTH_SIGNS = re.compile(
    r"\b(depress|somber|slaap (slecht|niet)|niet (meer )?slapen|eet (bijna )?(niks|niets)|geen eetlust|"
    r"vergeet|geheugen|dement|alzheimer|verward|in de war|piekeren|uitgeput|nergens zin in|geen energie)"
)
U_FORM = re.compile(r"\b(u|uw)\b")
_PAST = re.compile(
    r"\b(vroeger|toen|destijds|jaren geleden|lang geleden|vorig jaar|was|waren|had|hadden|deed|deden|"
    r"werd|werden|ging|gingen)\b"
)
_NOW = re.compile(r"\b(nu|tegenwoordig|sinds|momenteel|de laatste tijd|elke dag|iedere dag|vandaag)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")

_COMPILED_CAUSES = {cause: re.compile(rf"\b(?:{pattern})") for cause, pattern in CAUSE_PATTERNS.items()}
_COMPILED_FEELINGS = {name: re.compile(rf"\b(?:{pattern})") for name, pattern in FEELING_PATTERNS.items()}
_COMPILED_RELATIONS = {name: re.compile(pattern) for name, pattern in RELATIONS.items()}
_COMPILED_TYPES: dict[str, re.Pattern[str]] = {
    kind: re.compile(rf"\b(?:{pattern})") for kind, pattern in TYPE_CUES.items()
}
_COMPILED_QUESTIONS = tuple((kind, re.compile(pattern)) for kind, pattern in _QUESTIONS)
_COMPILED_CAPABILITIES = tuple((kind, re.compile(pattern)) for kind, pattern in _CAPABILITIES)

# A message this long (in words) with the person in it is a disclosure even without a known cue.
LONG_WORDS = 14


@dataclass(frozen=True)
class Reading:
    """What one message holds. Lists are in the order they first appear in the text."""

    sentences: tuple[str, ...]
    words: int
    causes: tuple[str, ...] = ()
    feelings: tuple[str, ...] = ()
    people: tuple[tuple[str, str], ...] = ()  # (relation key, the word the person used)
    kinds: tuple[LonelinessType, ...] = ()  # from the person's own words first, then from the causes
    own_kinds: tuple[LonelinessType, ...] = ()  # from the person's own words and feelings only
    isolation: bool = False
    time: Time | None = None
    question: QuestionKind | None = None
    address: Address | None = None
    capability: Capability | None = None
    first_person: bool = False
    about_other: bool = False
    health_signs: bool = False
    disclosure: bool = False

    @property
    def main(self) -> str | None:
        """The one thing a reply must reflect: the cause named first, else the first feeling."""
        if self.causes:
            return self.causes[0]
        return self.feelings[0] if self.feelings else None

    def kind(self, current: LonelinessType | None) -> LonelinessType | None:
        """The kind of loneliness: the person's own words first, then what was known, then the causes."""
        if self.own_kinds:
            return self.own_kinds[0]
        if current is not None:
            return current
        return self.kinds[0] if self.kinds else None

    @property
    def own_loneliness(self) -> bool:
        """The person tells about their own loneliness, not about someone else's."""
        cues = self.causes or self.feelings or self.isolation or self.kinds
        return bool(cues) and self.first_person and not self.about_other

    @property
    def is_long(self) -> bool:
        """Four sentences or more, or many words."""
        return len(self.sentences) >= 4 or self.words >= 60


def split_sentences(text: str) -> tuple[str, ...]:
    """The message cut into sentences (on . ! ? and line breaks), without empty parts."""
    return tuple(part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip())


def _first_positions(patterns: dict[str, re.Pattern[str]], cleaned: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for key, pattern in patterns.items():
        match = pattern.search(cleaned)
        if match is not None:
            found[key] = match.start()
    return found


def _in_order(positions: dict[str, int]) -> tuple[str, ...]:
    return tuple(sorted(positions, key=lambda key: positions[key]))


def _question(text: str, cleaned: str) -> QuestionKind | None:
    for kind, pattern in _COMPILED_QUESTIONS:
        if pattern.search(cleaned):
            return kind
    return "other" if "?" in text else None


def _time(cleaned: str) -> Time | None:
    past, now = len(_PAST.findall(cleaned)), len(_NOW.findall(cleaned))
    if past == 0 and now == 0:
        return None
    return "past" if past > now else "now"


def read_message(text: str) -> Reading:
    """Read every cue in one message."""
    cleaned = normalise(text)
    words = len(cleaned.split())
    causes = _first_positions(_COMPILED_CAUSES, cleaned)
    feelings = _first_positions(_COMPILED_FEELINGS, cleaned)
    if causes or len(feelings) > 1:
        feelings.pop("hoop", None)  # hope is only the main thing when nothing heavier is said
    people = tuple(
        (key, match.group(match.lastindex or 0).strip())
        for key, pattern in _COMPILED_RELATIONS.items()
        if (match := pattern.search(cleaned)) is not None
    )
    worded = _first_positions(_COMPILED_TYPES, cleaned)
    for feeling, kind in FEELING_KINDS.items():
        if feeling in feelings and kind not in worded:
            worded[kind] = feelings[feeling]
    own_kinds: tuple[LonelinessType, ...] = _in_order(worded)  # type: ignore[assignment]
    cause_kinds = [CAUSE_TYPE[cause] for cause in _in_order(causes)]
    isolation_kind: list[LonelinessType] = ["social"] if signals_isolation(text) else []
    kinds = tuple(dict.fromkeys([*own_kinds, *cause_kinds, *isolation_kind]))
    isolation = signals_isolation(text)
    first_person = _FIRST_PERSON.search(cleaned) is not None
    capability = next((kind for kind, pattern in _COMPILED_CAPABILITIES if pattern.search(cleaned)), None)
    disclosure = bool(
        causes
        or feelings
        or isolation
        or worded
        or _FEELING_STATEMENT.search(cleaned)
        or (first_person and words >= LONG_WORDS)
    )
    return Reading(
        sentences=split_sentences(text),
        words=words,
        causes=_in_order(causes),
        feelings=_in_order(feelings),
        people=people,
        kinds=kinds,
        own_kinds=own_kinds,
        isolation=isolation,
        time=_time(cleaned),
        question=_question(text, cleaned),
        address="u" if U_FORM.search(cleaned) else None,
        capability=capability,
        first_person=first_person,
        about_other=_ABOUT_OTHER.search(cleaned) is not None,
        health_signs=_HEALTH_SIGNS.search(cleaned) is not None,
        disclosure=disclosure,
    )
