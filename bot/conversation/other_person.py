"""Someone worried about another person, and a short case consultation for volunteers and professionals.

A neighbour, a daughter or a home carer sees signals in someone else. The approach asks them two things
before any advice: what did you see, and how is it for you? People who look after someone are often
tired or lonely themselves. This module reads what they tell (who, what they noticed, how long, how it
is for them), says it back in the assistant's own words, asks one question at a time, and then offers
what fits: how to bring it up, the signals, the meldpunt or wijkteam, or a melding with consent.

A professional or volunteer gets a short consultation instead: "Wat zegt je cliënt er zelf over?",
"Wat heb je al geprobeerd?" and one tip for the phase of the approach the situation seems to be in.

Only fixed words from the lists below are said back (never a name or the person's own sentence). The
texts live in `domain/worried_about_someone.yml`; here only the reflection is put together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from bot.conversation.listening import Duration, find_duration
from bot.conversation.reading import Address
from bot.conversation.reflection import _PRONOUNS, join_dutch
from bot.text import normalise

Gender = Literal["f", "m", "x"]
Group = Literal["buur", "familie", "vriend", "client", "collega", "school"]
Carer = Literal["strained", "fine"]
Phase = Literal["herkennen", "bespreekbaar", "oorzaken", "wensen", "stappen", "terugkijken"]
Offer = Literal["talk", "refuses", "report", "signals"]
Ask = Literal["talk", "signals", "report", "what_to_do"]

# The person someone is worried about, as a closed list: (the word said back, gender, group).
# Keys are normalised (no accents); only these words are ever said back, never a name.
WHO_WORDS: dict[str, tuple[str, Gender, Group]] = {
    "buurvrouw": ("buurvrouw", "f", "buur"),
    "buurman": ("buurman", "m", "buur"),
    "buurmeisje": ("buurmeisje", "f", "buur"),
    "buurjongen": ("buurjongen", "m", "buur"),
    "schoonmoeder": ("schoonmoeder", "f", "familie"),
    "schoonvader": ("schoonvader", "m", "familie"),
    "moeder": ("moeder", "f", "familie"),
    "mama": ("moeder", "f", "familie"),
    "ma": ("moeder", "f", "familie"),
    "vader": ("vader", "m", "familie"),
    "papa": ("vader", "m", "familie"),
    "pa": ("vader", "m", "familie"),
    "grootmoeder": ("oma", "f", "familie"),
    "oma": ("oma", "f", "familie"),
    "grootvader": ("opa", "m", "familie"),
    "opa": ("opa", "m", "familie"),
    "zus": ("zus", "f", "familie"),
    "broer": ("broer", "m", "familie"),
    "tante": ("tante", "f", "familie"),
    "oom": ("oom", "m", "familie"),
    "kleindochter": ("kleindochter", "f", "familie"),
    "kleinzoon": ("kleinzoon", "m", "familie"),
    "dochter": ("dochter", "f", "familie"),
    "zoon": ("zoon", "m", "familie"),
    "nicht": ("nicht", "f", "familie"),
    "neef": ("neef", "m", "familie"),
    "beste vriendin": ("vriendin", "f", "vriend"),
    "beste vriend": ("vriend", "m", "vriend"),
    "vriendin": ("vriendin", "f", "vriend"),
    "vriend": ("vriend", "m", "vriend"),
    "oud collega": ("oud-collega", "x", "collega"),
    "collega": ("collega", "x", "collega"),
    "klasgenote": ("klasgenote", "f", "school"),
    "klasgenoot": ("klasgenoot", "x", "school"),
    "leerling": ("leerling", "x", "school"),
    "cliente": ("cliënte", "f", "client"),
    "client": ("cliënt", "x", "client"),
    "patiente": ("patiënte", "f", "client"),
    "patient": ("patiënt", "x", "client"),
    "bewoonster": ("bewoonster", "f", "client"),
    "bewoner": ("bewoner", "x", "client"),
    "klant": ("klant", "x", "client"),
}
# "de vrouw hiernaast", "een oudere man in mijn straat": a neighbour without the word.
_NEIGHBOUR_DESCRIBED = re.compile(
    r"\bde (?:oude |oudere )?(?P<near>vrouw|mevrouw|dame|man|meneer|heer) (?:van )?(?:hiernaast|"
    r"naast (?:ons|mij|me)|verderop|boven (?:ons|mij|me)|onder (?:ons|mij|me)|tegenover)|"
    r"\b(?:een )?(?:oude|oudere) (?P<street>vrouw|mevrouw|dame|man|meneer|heer) (?:in|bij|uit) "
    r"(?:mijn|onze|de|ons) (?:straat|flat|portiek|buurt|wijk)"
)
_FEMALE_DESCRIBED = ("vrouw", "mevrouw", "dame")
_WHO_PATTERN = (
    r"\b(?:mijn|m n|mn|onze|ons|uw|een|de|die)\s+(?:(?:oude|oudere|lieve|eigen|jonge|jongere|oudste|"
    r"jongste)\s+)?(?P<who>" + "|".join(sorted(WHO_WORDS, key=len, reverse=True)) + r")\b"
)
_WHO = re.compile(_WHO_PATTERN)
# "ik maak me zorgen om mijn vader" names the person the worry is about, before anyone else named.
_WORRY_ABOUT = re.compile(r"\b(?:zorgen|ongerust|bezorgd|bang) (?:\w+ )?(?:om|over|voor) " + _WHO_PATTERN[2:])

# What people notice, each as (pattern, what is said back after "dat {wie} ...", label for the volunteer).
# The phrase is a subordinate clause in the third person; {jou} follows the person's form of address.
SIGNALS: dict[str, tuple[str, str, str]] = {
    "binnen": (
        r"(komt|kwam|gaat|ging) (\w+ ){0,2}(bijna |haast |amper )?(nooit|niet|zelden|nauwelijks) (meer )?"
        r"(buiten|naar buiten|de deur uit|het huis uit|weg)|"
        r"(nooit|niet) meer (buiten|naar buiten)|blijft (de hele dag |altijd |steeds )?binnen|"
        r"(gaat|wil) (bijna )?nergens (meer )?heen|(zie|zag|zien) (haar|hem|ze|hij) (\w+ )?"
        r"(bijna |haast )?(nooit|niet) (meer )?buiten|de deur (bijna |haast )?niet (meer )?uit",
        "bijna niet meer buiten komt",
        "komt weinig buiten",
    ),
    "bezoek": (
        r"(krijgt|kreeg|heeft|had) (bijna |haast )?(nooit|geen|weinig) (meer )?bezoek|nooit bezoek|"
        r"(ziet|zag|spreekt|sprak) (\w+ )?(bijna |haast )?niemand|niemand (komt|kwam) (er )?(meer )?"
        r"(langs|op bezoek)|geen (familie|vrienden|kinderen) (meer )?die",
        "weinig mensen ziet",
        "ziet weinig mensen",
    ),
    "alleen": (
        r"(zit|is|woont) (\w+ )?(de hele dag|altijd|steeds|vaak|veel|helemaal) (\w+ )?alleen|"
        r"de hele dag alleen|(zo|erg|heel) alleen|alleen thuis",
        "veel alleen is",
        "is veel alleen",
    ),
    "post": (
        r"\bpost\b|brievenbus|(kranten|folders|reclame) (blijven|stapelen|puilen)",
        "de post laat liggen",
        "post blijft liggen",
    ),
    "gordijnen": (
        r"gordijnen (\w+ ){0,4}(dicht|gesloten)|"
        r"gordijnen (gaan )?(niet|nooit) (meer )?open",
        "de gordijnen dicht houdt",
        "gordijnen blijven dicht",
    ),
    "terugtrekken": (
        r"trekt (zich )?(\w+ ){0,3}terug|teruggetrokken|sluit (zich )?(\w+ ){0,3}af|afgesloten|isoleert|"
        r"(zit|zat) (\w+ )?op (zijn|haar) kamer|reageert (\w+ )?(nergens|niet) (meer )?op|"
        r"neemt (de telefoon |zijn telefoon |haar telefoon )?(niet|nooit) (meer )?op|"
        r"doet (de deur )?(niet|nooit) (meer )?open|geen contact meer",
        "zich terugtrekt",
        "trekt zich terug",
    ),
    "stil": (
        r"(zo |heel |erg |veel )?stil(ler)? (geworden|is|wordt)|zegt (bijna )?(niks|niets) meer|"
        r"praat (bijna )?(niet|nauwelijks) meer",
        "stiller is geworden",
        "stiller geworden",
    ),
    "somber": (
        r"somber|neerslachtig|depressief|verdrietig|huilt|nergens (meer )?zin in|lusteloos",
        "somber lijkt",
        "lijkt somber",
    ),
    "verzorging": (
        r"verwaarloos|onverzorgd|ziet er (\w+ )?(slordig|slecht|onverzorgd) uit|wast (zich )?niet|"
        r"(zelfde|dezelfde) kleren|(huis|woning|huiskamer|keuken) (is |wordt |ligt )?(\w+ )?(rommel|vies|"
        r"smerig|vuil|een zooi)|stinkt|stank|eet (\w+ )?(slecht|bijna niet|niet meer|niks|niets|weinig)|"
        r"valt af|afgevallen",
        "minder goed voor zichzelf zorgt",
        "zorgt minder goed voor zichzelf",
    ),
    "vroeger": (
        r"(praat|vertelt|begint) (\w+ )?(veel|steeds|alleen|vaak|altijd) (\w+ )?over vroeger",
        "veel over vroeger praat",
        "praat veel over vroeger",
    ),
    "contact_zoeken": (
        r"belt (me|mij|ons) (\w+ )?(elke dag|steeds|vaak|iedere dag|heel vaak|de hele dag|wel \w+ keer)|"
        r"blijft (maar )?(praten|kletsen)|houdt (me|mij|ons) (\w+ )?aan de praat|"
        r"laat (me|mij|ons) (bijna )?niet (meer )?gaan|klampt",
        "{jou} vaak belt of lang aan de praat houdt",
        "zoekt veel contact",
    ),
    "vergeten": (
        r"vergeet|vergeetachtig|in de war|verward|dement|geheugen|alzheimer",
        "dingen vergeet of in de war lijkt",
        "vergeetachtig of in de war",
    ),
    "kijken": (
        r"(voor|achter) de (tv|televisie|buis)|achter het raam|(zit|staat) (\w+ )?(uit )?het raam te kijken",
        "veel voor de tv of achter het raam zit",
        "zit veel voor tv of raam",
    ),
    "meedoen": (
        r"(gaat|komt) (\w+ )?(niet|nooit) meer naar (de |het |haar |zijn )?(club|koor|kerk|moskee|"
        r"vereniging|sport|school|training|koffie|soos|buurthuis)|gestopt met (de |het |haar |zijn )?(club|"
        r"koor|vereniging|sport|kaarten|bridge|zwemmen|vrijwilligerswerk)|zegt (steeds |altijd |alles )?af|"
        r"wil (nergens|niet) (meer )?(aan )?mee(doen)?|doet nergens meer aan mee",
        "minder meedoet dan vroeger",
        "doet minder mee",
    ),
}
SIGNAL_LABELS: dict[str, str] = {key: label for key, (_, _, label) in SIGNALS.items()}
# Signals that may point to depression or beginning dementia: the huisarts is named once.
HEALTH_SIGNALS = frozenset({"somber", "vergeten", "verzorging"})
# Signals that weigh more: someone who may be slipping out of sight (with a longer duration: meldpunt).
SERIOUS_SIGNALS = frozenset({"post", "gordijnen", "verzorging", "terugtrekken"})

_REFUSES = re.compile(
    r"\bwil (\w+ )?(geen|niks|niets van) (hulp|bemoeienis|weten|bezoek)|"
    r"wil er (\w+ )?niet over (praten|hebben|beginnen)|"
    r"(zegt|zei) (\w+ )?(steeds |altijd |telkens )?dat (het|alles) (\w+ )?(wel |goed |prima )?"
    r"(gaat|ging|goed is|goed was)|(deed|doet|gooide|smeet) (\w+ ){0,2}deur (\w+ ){0,3}dicht|"
    r"(red|redt) (zich|me) (\w+ )?(wel|prima|best)|doet (de deur )?(niet|nooit) (meer )?open|"
    r"houdt (de boot|het) af|wimpelt|wuift (het |alles )?weg|bemoei (je|u) er niet mee|ontkent|"
    r"wil (\w+ )?niet dat ik|(werd|wordt) boos (als|toen) ik|hoeft geen hulp"
)
_UNSURE = re.compile(
    r"\b(weet (ik )?(\w+ )?niet (goed |zeker )?of (ze|hij|zij|het|dit|dat|mijn|mn|m n|de|die)\b|"
    r"twijfel|is (dit|dat|het) (nou |wel |echt )?eenzaamheid|"
    r"of (het|ze|hij|zij) (\w+ )?eenzaam|overdrijf|overdreven|of ik me (\w+ )?zorgen|"
    r"moet ik me (\w+ )?zorgen|misschien zie ik het verkeerd|zie ik (het|spoken))"
)
_CARER_STRAIN = re.compile(
    r"\bik (ben|voel me|word) (zelf |er )?(ook )?(zo |heel |erg |best |echt |soms |wel )?(moe|doodmoe|op|"
    r"uitgeput|alleen|eenzaam|overbelast|kapot|leeg|verdrietig|somber|gestrest|op van de zenuwen)\b|"
    r"(valt|vallen|wordt|is) (\w+ )?(me|mij) (\w+ )?(zwaar|moeilijk|te veel|teveel)|"
    r"ik kan (het|dit) (\w+ )?(niet meer aan|niet meer alleen|niet alleen)|ik sta er (\w+ )?alleen voor|"
    r"(geen|weinig) tijd (meer )?voor (mezelf|mijzelf)|ik kom (zelf )?(nergens|niet) meer aan toe|"
    r"(slaap|sliep) (er )?(\w+ )?slecht|lig (er )?(\w+ )?wakker|zwaar voor mij|ik heb (zelf )?(ook )?"
    r"(niemand|geen hulp|geen steun)|mijn (eigen )?leven staat stil"
)
_CARER_ROLE = re.compile(r"\bmantelzorg|\bik zorg (\w+ ){0,3}voor (haar|hem|mijn)|ik verzorg")
_ASKS_TALK = re.compile(
    r"\bhoe (begin|start|open) ik|hoe (kan|moet|zal) ik (\w+ )?(er|het|dat|dit) ?(\w+ )?(over|mee|aan)|"
    r"hoe (breng|maak|kaart)|"
    r"wat (zeg|moet ik zeggen|kan ik zeggen)|hoe (spreek|benader|vraag) ik"
)
_ASKS_SIGNALS = re.compile(r"\bsignalen|signaal|hoe herken|waaraan (zie|merk)|is (dat|dit) een teken")

# A volunteer or professional who writes about someone in their work.
_PROFESSIONAL = re.compile(
    r"\b(client|clienten|cliente|patient|patienten|patiente|bewoner|bewoners|bewoonster)\b|"
    r"\bals (wijk)?(verpleegkundige|verzorgende|thuiszorgmedewerker|huisarts|praktijkondersteuner|poh|"
    r"maatschappelijk werker|welzijnswerker|ouderenadviseur|consulent|vrijwilliger|docent|leraar|mentor|"
    r"coach|buurtcoach|wijkagent|huismeester|sociaal werker|thuiszorg|begeleider|ambulant begeleider)|"
    r"\b(in|vanuit|op) mijn werk\b|\bmijn (clienten|patienten|bewoners|leerlingen)\b"
)

# The phases of the approach, in its own order.
PHASES: tuple[Phase, ...] = ("herkennen", "bespreekbaar", "oorzaken", "wensen", "stappen", "terugkijken")
# Which cue decides the tip: doubt and a closed door come first, then the furthest phase reached.
TIP_ORDER: tuple[Phase, ...] = ("herkennen", "bespreekbaar", "terugkijken", "stappen", "wensen", "oorzaken")
# Cues for the phase of the approach a case is in.
_PHASE_CUES: tuple[tuple[Phase, re.Pattern[str]], ...] = (
    ("herkennen", _UNSURE),
    (
        "bespreekbaar",
        re.compile(
            _REFUSES.pattern + r"|\b(nog )?niet (over )?(besproken|gevraagd|aangekaart|over gehad)|"
            r"durf (het )?(\w+ )?niet (te )?(vragen|beginnen|zeggen)|"
            r"weet (\w+ )?niet hoe ik (het|erover|dit|dat) (\w+ )?"
            r"(beginnen|aankaarten|vragen|bespreken|zeggen)|"
            r"schaamt (zich)|niks (nog|gedaan)|"
            r"nog (niks|niets)( gedaan| geprobeerd)?|^(niks|niets)$"
        ),
    ),
    (
        "terugkijken",
        re.compile(
            r"\b(geprobeerd|geregeld|aangemeld|gekoppeld|voorgesteld|meegenomen) (\w+ ){0,3}(maar|alleen)|"
            r"\bmaar (ze|hij|zij) (\w+ )?(ging|kwam|wilde|wil|durfde) (\w+ )?(niet|nooit|een keer)|"
            r"(werkte|lukte|hielp) (\w+ )?niet|afgehaakt|haakte (\w+ )?af|(ging|kwam) (maar )?(een|1) keer|"
            r"niet meer (heen|gegaan|gekomen|geweest)|viel (\w+ )?tegen|klikte niet|gestopt"
        ),
    ),
    (
        "stappen",
        re.compile(
            r"\b(wil|zou) (\w+ )?(wel|graag) (\w+ )?(iets|meer|mensen|contact|naar|mee)|durft (\w+ )?niet "
            r"(alleen|erheen|te gaan)|vindt (het )?(\w+ )?(spannend|eng)|"
            r"(activiteit|club|koffieochtend|vrijwilliger|maatje|buurthuis) (\w+ )?(gevonden|uitgezocht)"
        ),
    ),
    (
        "wensen",
        re.compile(
            r"\bweet (\w+ )?niet wat (ze|hij|zij) (\w+ )?(wil|leuk)|nergens (meer )?zin in|"
            r"vindt (niks|niets) (meer )?leuk|geen (interesses|hobby|hobbys)|"
            r"geen idee wat (ze|hij|zij) (\w+ )?(leuk|wil)"
        ),
    ),
    (
        "oorzaken",
        re.compile(
            r"\b(zegt|zei|geeft aan|gaf aan|vertelt|vertelde) (\w+ ){0,2}dat (ze|hij|zij) (zich )?(\w+ )?"
            r"(eenzaam|alleen)|geeft (het )?toe|weet (\w+ )?niet (waar|waardoor|waarom)|geen idee waarom|"
            r"voelt zich (\w+ )?(eenzaam|alleen)"
        ),
    ),
)


@dataclass(frozen=True)
class WorryReading:
    """What one message of a worried person holds."""

    who: str | None = None  # a key of WHO_WORDS, or "buurvrouw"/"buurman" for a described neighbour
    signals: tuple[str, ...] = ()
    duration: Duration | None = None
    carer_strain: bool = False
    carer_role: bool = False
    refuses: bool = False
    unsure: bool = False
    asks: Ask | None = None
    professional: bool = False
    phase_cues: tuple[Phase, ...] = ()
    said_nothing: bool = True


@dataclass(frozen=True)
class WorryState:
    """What is known so far about the worry, from the slots (`worry_*`, `consult_*`)."""

    who: str | None = None
    signals: tuple[str, ...] = ()
    duration: Duration | None = None
    carer: Carer | None = None
    asked: tuple[str, ...] = ()  # questions asked and offers made, in order
    phase_cues: tuple[Phase, ...] = ()
    tips: tuple[Phase, ...] = ()
    turns: int = 0


@dataclass
class Turn:
    """The reply planned for one turn: responses to send (with their values) and the new state."""

    messages: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    state: WorryState = field(default_factory=WorryState)

    def say(self, response: str, **values: str) -> None:
        """Send `response`, filling its placeholders with `values`."""
        self.messages.append((response, values))


def _find_who(cleaned: str) -> str | None:
    match = _WORRY_ABOUT.search(cleaned) or _WHO.search(cleaned)
    if match is not None:
        return match.group("who")
    described = _NEIGHBOUR_DESCRIBED.search(cleaned)
    if described is not None:
        person = described.group("near") or described.group("street") or ""
        return "buurvrouw" if person in _FEMALE_DESCRIBED else "buurman"
    return None


def read_worry(text: str, health_signs: bool = False) -> WorryReading:
    """Read who the worry is about, what was noticed, how long, and how it is for the writer."""
    cleaned = normalise(text)
    signals = [key for key, (pattern, _, _) in SIGNALS.items() if re.search(rf"\b(?:{pattern})", cleaned)]
    if health_signs and not HEALTH_SIGNALS & set(signals):
        signals.append("vergeten" if re.search(r"vergeet|geheugen|dement|verward", cleaned) else "somber")
    asks: Ask | None = None
    if re.search(r"\bmeldpunt|wijkteam|melding|melden\b", cleaned):
        asks = "report"
    elif _ASKS_TALK.search(cleaned):
        asks = "talk"
    elif _ASKS_SIGNALS.search(cleaned):
        asks = "signals"
    elif re.search(r"\bwat (kan|moet|zou) ik (\w+ )?(doen|ermee)|\btips?\b|advies", cleaned):
        asks = "what_to_do"
    who = _find_who(cleaned)
    duration = find_duration(text)
    carer_strain = _CARER_STRAIN.search(cleaned) is not None
    cues = tuple(phase for phase, pattern in _PHASE_CUES if pattern.search(cleaned))
    return WorryReading(
        who=who,
        signals=tuple(signals),
        duration=duration,
        carer_strain=carer_strain,
        carer_role=_CARER_ROLE.search(cleaned) is not None,
        refuses=_REFUSES.search(cleaned) is not None,
        unsure=_UNSURE.search(cleaned) is not None,
        asks=asks,
        professional=_PROFESSIONAL.search(cleaned) is not None,
        phase_cues=cues,
        said_nothing=not (who or signals or duration or carer_strain or cues or asks),
    )


def who_phrase(who: str | None, address: Address) -> str:
    """How the person is named: "je buurvrouw", "uw vader", "je cliënt"; "de ander" when nobody was."""
    if who is None or who not in WHO_WORDS:
        return "de ander"
    return f"{_PRONOUNS[address]['jouw']} {WHO_WORDS[who][0]}"


def subject(who: str | None) -> str:
    """The pronoun for the person once named: "ze", "hij", or "hij of zij"."""
    gender = WHO_WORDS[who][1] if who in WHO_WORDS else "x"
    return {"f": "ze", "m": "hij", "x": "hij of zij"}[gender]


def reflection(state: WorryState, reading: WorryReading, address: Address) -> str | None:
    """Say back what is new in this message, in the assistant's words ("Het valt je op dat ...")."""
    pronouns = _PRONOUNS[address]
    sentences: list[str] = []
    who = reading.who or state.who
    if reading.who is not None and reading.who != state.who:
        worried = "U maakt zich" if address == "u" else "Je maakt je"
        sentences.append(f"{worried} zorgen om {who_phrase(who, address)}.")
    new_signals = [signal for signal in reading.signals if signal not in state.signals]
    if new_signals:
        # A pronoun once the person is named; a noun again when the pronoun would be "hij of zij".
        named = who is not None and WHO_WORDS[who][1] != "x"
        person = subject(who) if named else who_phrase(who, address)
        phrases = [SIGNALS[signal][1].format(**pronouns) for signal in new_signals[:3]]
        also = " ook" if state.signals else ""
        sentences.append(f"Het valt {pronouns['jou']}{also} op dat {person} {join_dutch(phrases)}.")
    if reading.duration is not None and reading.duration != state.duration:
        sentences.append(DURATION_SENTENCES[reading.duration])
    return " ".join(sentences) if sentences else None


DURATION_SENTENCES: dict[str, str] = {
    "recent": "Het is iets van de laatste tijd.",
    "months": "Het speelt al een paar maanden.",
    "years": "Het speelt al lang.",
}


def choose_offer(state: WorryState, reading: WorryReading, refused: bool) -> Offer:
    """What fits best for what was told: a conversation, the signals, or the meldpunt."""
    if reading.asks == "report":
        return "report"
    if reading.asks == "signals" or (reading.unsure and reading.asks != "talk"):
        return "signals"
    if reading.asks == "talk":
        return "talk"
    if refused:
        return "refuses"
    serious = bool(SERIOUS_SIGNALS & set(state.signals)) and state.duration in ("months", "years")
    if serious or len(state.signals) >= 4:
        return "report"
    return "talk"


# The order in which the other offers follow when the first one was already made.
OFFER_ORDER: tuple[Offer, ...] = ("talk", "signals", "report", "refuses")


def offer_response(offer: Offer, who: str | None) -> str:
    """The response for an offer; talking differs for someone close and for a neighbour or colleague."""
    if offer == "talk":
        close = who in WHO_WORDS and WHO_WORDS[who][2] in ("familie", "vriend")
        return "utter_worry_offer_talk_close" if close else "utter_worry_offer_talk_neighbour"
    return {
        "refuses": "utter_worry_offer_refuses",
        "report": "utter_worry_offer_report",
        "signals": "utter_worry_offer_signals",
    }[offer]


def _merged(state: WorryState, reading: WorryReading) -> WorryState:
    signals = state.signals + tuple(s for s in reading.signals if s not in state.signals)
    cues = state.phase_cues + tuple(c for c in reading.phase_cues if c not in state.phase_cues)
    return replace(
        state,
        who=reading.who or state.who,
        signals=signals,
        duration=reading.duration or state.duration,
        phase_cues=cues,
        turns=state.turns + 1,
    )


def _next_question(state: WorryState, reading: WorryReading) -> str | None:
    """One open question: what was seen, how long, how it is for them; None when it is time to offer."""
    if reading.asks is not None or reading.unsure:
        return None  # a question of their own ("is dit eenzaamheid?") is answered now
    if not state.signals and "seen" not in state.asked:
        return "seen"
    carer_open = state.carer is None and "carer" not in state.asked
    if reading.carer_role and carer_open:
        return "carer"  # a carer: how it is for them comes before how long
    if state.duration is None and "how_long" not in state.asked:
        return "how_long"
    return "carer" if carer_open else None


def plan_worry_turn(state: WorryState, reading: WorryReading, address: Address) -> Turn:
    """One turn with someone worried about another person: reflect, then one question or an offer."""
    turn = Turn()
    if state.turns == 0 and reading.said_nothing:
        turn.say("utter_other_intro")
        turn.state = replace(state, asked=(*state.asked, "intro"), turns=1)
        return turn
    if state.turns == 0:
        turn.say("utter_worry_opening")
    said_back = reflection(state, reading, address)
    if said_back is not None:
        turn.say("utter_worry_reflect", worry_reflection=said_back)
    new = _merged(state, reading)
    asked = list(new.asked)
    if reading.refuses and "refused" not in asked:
        asked.append("refused")  # remembered: later offers do not push either

    if reading.carer_strain and new.carer != "strained":
        # How it is for them comes first: the approach's point is that carers matter too.
        turn.say("utter_worry_carer_strained")
        turn.state = replace(
            new, carer="strained", asked=(*asked, *(["carer"] if "carer" not in asked else []))
        )
        return turn
    if asked and asked[-1] == "carer" and new.carer is None:
        turn.say("utter_worry_carer_heard")  # the answer to "hoe is het voor jou?" without a worry
        new = replace(new, carer="fine")
    if set(new.signals) & HEALTH_SIGNALS and "huisarts" not in asked:
        turn.say("utter_worry_huisarts")
        asked.append("huisarts")
    new = replace(new, asked=tuple(asked))

    question = _next_question(new, reading)
    if question is not None:
        turn.say(QUESTION_RESPONSES[question])
        turn.state = replace(new, asked=(*asked, question))
        return turn

    offers_made = [item for item in asked if item in OFFER_ORDER]
    offer = choose_offer(new, reading, "refused" in asked)
    if offer in offers_made and reading.asks is None and not reading.unsure:
        remaining = [item for item in OFFER_ORDER if item not in offers_made and item != "refuses"]
        if not remaining:
            turn.say("utter_worry_open")
            turn.state = new
            return turn
        offer = remaining[0]
    turn.say(offer_response(offer, new.who))
    turn.state = replace(new, asked=(*asked, offer))
    return turn


QUESTION_RESPONSES: dict[str, str] = {
    "seen": "utter_worry_ask_seen",
    "how_long": "utter_worry_ask_how_long",
    "carer": "utter_worry_ask_carer",
}

# One tip per phase of the approach (the texts are in the domain).
PHASE_TIPS: dict[Phase, str] = {
    "herkennen": "utter_consult_tip_recognise",
    "bespreekbaar": "utter_consult_tip_discuss",
    "oorzaken": "utter_consult_tip_causes",
    "wensen": "utter_consult_tip_wishes",
    "stappen": "utter_consult_tip_steps",
    "terugkijken": "utter_consult_tip_look_back",
}


def case_phase(cues: tuple[Phase, ...], tried_nothing: bool) -> Phase:
    """The phase a case seems to be in: the first cue in `TIP_ORDER`, else a sensible start."""
    for phase in TIP_ORDER:
        if phase in cues:
            return phase
    return "bespreekbaar" if tried_nothing else "oorzaken"


def consult_who(who: str | None, address: Address) -> str:
    """How the person is named in the consultation questions: "je cliënt" unless told otherwise."""
    return who_phrase(who if who in WHO_WORDS else "client", address)


# A question of their own points to a phase: "hoe begin ik erover?" is about bringing it up.
ASKED_PHASE: dict[str, Phase] = {"talk": "bespreekbaar", "signals": "herkennen"}
_NOTHING_TRIED = re.compile(r"(nog )?(niks|niets|nee|weinig)( nog)?( eigenlijk)?( gedaan| geprobeerd)?")


def plan_consult_turn(state: WorryState, reading: WorryReading, address: Address, text: str = "") -> Turn:
    """One turn of a short case consultation: the case, the client's view, what was tried, one tip."""
    turn = Turn()
    if state.turns == 0 and reading.said_nothing:
        turn.say("utter_consult_ask_case")
        turn.state = replace(state, asked=(*state.asked, "case"), turns=1)
        return turn
    said_back = reflection(state, reading, address)
    if said_back is not None:
        turn.say("utter_worry_reflect", worry_reflection=said_back)
    new = _merged(state, reading)
    asked = list(new.asked)
    if set(new.signals) & HEALTH_SIGNALS and "huisarts" not in asked:
        turn.say("utter_consult_huisarts")
        asked.append("huisarts")
    who = consult_who(new.who, address)
    if reading.asks == "report":
        turn.say("utter_worry_offer_report")
        turn.state = replace(new, asked=(*asked, "report"))
        return turn
    if reading.asks is None:
        for question, response in (
            ("client_view", "utter_consult_ask_client_view"),
            ("tried", "utter_consult_ask_tried"),
        ):
            if question not in asked:
                turn.say(response, consult_who=who)
                turn.state = replace(new, asked=(*asked, question))
                return turn
    tried_nothing = _NOTHING_TRIED.fullmatch(normalise(text)) is not None
    phase = ASKED_PHASE.get(reading.asks or "") or case_phase(new.phase_cues, tried_nothing)
    if phase in new.tips:
        untipped = [p for p in TIP_ORDER if p not in new.tips and p in new.phase_cues]
        if not untipped:
            turn.say("utter_consult_open")
            turn.state = replace(new, asked=tuple(asked))
            return turn
        phase = untipped[0]
    turn.say(PHASE_TIPS[phase], consult_who=who)
    turn.state = replace(new, asked=tuple(asked), tips=(*new.tips, phase))
    return turn


def state_from_slots(slots: dict[str, Any]) -> WorryState:
    """The worry as far as it is known, from the conversation's slots."""

    def listed(name: str) -> tuple[Any, ...]:
        value = slots.get(name)
        return tuple(value) if isinstance(value, list) else ()

    carer = slots.get("worry_carer")
    duration = slots.get("worry_duration")
    return WorryState(
        who=slots.get("worry_about") if slots.get("worry_about") in WHO_WORDS else None,
        signals=tuple(s for s in listed("worry_signals") if s in SIGNALS),
        duration=duration if duration in DURATION_SENTENCES else None,
        carer=carer if carer in ("strained", "fine") else None,
        asked=listed("worry_asked"),
        phase_cues=tuple(p for p in listed("consult_cues") if p in PHASES),
        tips=tuple(p for p in listed("consult_tips") if p in PHASES),
        turns=int(slots.get("worry_turns") or 0),
    )


def state_to_slots(state: WorryState) -> dict[str, Any]:
    """The slots that hold the worry (labels and keys only, never the person's words)."""
    return {
        "worry_about": state.who,
        "worry_signals": list(state.signals),
        "worry_duration": state.duration,
        "worry_carer": state.carer,
        "worry_asked": list(state.asked),
        "consult_cues": list(state.phase_cues),
        "consult_tips": list(state.tips),
        "worry_turns": float(state.turns),
    }


# For the volunteer's handover summary: whom the worry is about, as a group.
WHO_GROUP_LABELS: dict[Group, str] = {
    "buur": "een buur",
    "familie": "een familielid",
    "vriend": "een vriend of vriendin",
    "client": "een cliënt of patiënt",
    "collega": "een collega",
    "school": "een leerling of klasgenoot",
}


def worry_labels(slots: dict[str, Any]) -> dict[str, Any]:
    """Labels for the handover summary about the worry: group, signals, carer load. Nothing typed."""
    state = state_from_slots(slots)
    labels: dict[str, Any] = {}
    if state.who is not None:
        labels["worry_about"] = WHO_GROUP_LABELS[WHO_WORDS[state.who][2]]
    if state.signals:
        labels["worry_signals"] = [SIGNAL_LABELS[signal] for signal in state.signals]
    if state.carer == "strained":
        labels["carer_load"] = "de melder heeft het zelf ook zwaar"
    return labels
