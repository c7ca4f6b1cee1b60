"""What the assistant learns while listening: causes, kind of loneliness, duration, interests.

Pure keyword rules on normalised text. They only steer which gentle reflection and which small
steps the assistant offers; the person can always correct it, and nothing here is a diagnosis.
"""

from __future__ import annotations

import re
from typing import Literal

from bot.text import normalise

LonelinessType = Literal["social", "emotional", "existential"]
Duration = Literal["recent", "months", "years"]

# Cause -> patterns on normalised text. The order is the order of reflection when several match.
CAUSE_PATTERNS: dict[str, str] = {
    "loss": r"overleden|overlijden|overleed|gestorven|stierf|sterfdag|weduwe|weduwnaar|rouw|begrafenis|"
    r"(na|sinds) (het overlijden|de dood) van|(mijn|m n) (\w+ ){0,2}(man|vrouw|partner|moeder|vader|"
    r"ouders|zoon|dochter|kind) (\w+ ){0,2}(dood is|er niet meer is|niet meer leeft)|pas verloren|"
    r"iemand (\w+ )?verloren|(ouders|man|vrouw|moeder|vader) verloren|"
    r"(man|vrouw|partner|moeder|vader|zoon|dochter|kind|vriend|vriendin|zus|broer) is "
    r"(\w+ ){0,4}(dood|weg|overleden|gestorven)|sinds (het )?(de )?dood van|"
    r"(verloren|verloor) (mijn|m n)|is (vorig jaar |vorige maand |pas |net )?(dood|gestorven)|"
    r"(mijn|m n) (man|vrouw|partner|moeder|vader|zoon|dochter|kind|vriend|vriendin|zus|broer|maatje)"
    r" (\w+ ){0,3}verloren\b",
    "divorce": r"scheiding|gescheiden|uit elkaar|relatie (is )?(uit|voorbij)|heeft me verlaten|"
    r"is bij me weggegaan|vreemdgegaan|mijn ex\b|liefdesverdriet",
    "moving": r"verhuisd|verhuizing|verhuizen|nieuw in (de|deze) (stad|buurt|wijk)|"
    r"ken hier (nog )?niemand|net komen wonen|hier komen wonen|andere stad",
    "retirement": r"pensioen|gepensioneerd|aow|niet meer werken sinds|gestopt met werken|vut\b",
    "illness": r"\bziek|ziekte|kanker|rolstoel|rollator|beperking|chronisch|slechthorend|doof|copd|"
    r"hoor (zo |heel |steeds )?slecht|versta (toch |het )?(niks|niets|niet)|"
    r"versta ik (\w+ )?(niks|niets|niet)|"
    r"gesprekken (\w+ ){0,2}niet (meer )?volgen|gehoor|oren die|oogziekte|"
    r"verlamd|gevallen|alarmknop|beroerte|dementie|alzheimer|medicijnen|slecht (ter been|lopen)|loop slecht|"
    r"blind|slecht ter been|operatie|parkinson|\bms\b|reuma|handicap|pijn in|herseninfarct|"
    r"beroerte|hartaanval|long",
    "unemployment": r"werkloos|ontslag|ontslagen|geen (werk|baan)|baan kwijt|werk kwijt|contract|"
    r"afwijzing|solliciteer|sollicitatie|\bww\b|eruit lag|werk kwijtraken|"
    r"arbeidsongeschikt|afgekeurd|zoek werk",
    "low_income": r"geld(zorgen|gebrek|problemen)?\b|schulden|(?<!eigen )(?<!mijn )(?<!jouw )schuld\b|"
    r"arm\b|armoede|rondkomen|bijstand|uitkering|"
    r"krap bij kas|kan (het|dat) niet betalen|te duur",
    "unsafe_neighbourhood": r"onveilig|overlast|criminaliteit|inbraak|vervelende buren|"
    r"buurt is (niet|niks)|durf (s avonds )?niet (over straat|naar buiten)|hangjongeren",
    "low_confidence": r"zelfvertrouwen|onzeker|niks waard|niets waard|minderwaardig|"
    r"niet goed genoeg|lelijk|saai persoon|niemand vindt me leuk|ik ben raar",
    "social_anxiety": r"verlegen|bang voor mensen|sociale angst|durf (niet|het niet)|spannend|"
    r"angstig|paniek|ongemakkelijk (bij|met|tussen) mensen|zenuwachtig",
    "children_left": r"kinderen (zijn )?(uit huis|het huis uit|ver weg|wonen ver)|lege nest|geemigreerd|"
    r"(kinderen|kleinkinderen|zoon|dochter) (wonen|woont) (niet in de buurt|ver|in het buitenland)|"
    r"kleinkinderen (zie ik|komen)|"
    r"naar (australie|canada|amerika|nieuw zeeland|japan|spanje) (vertrokken|verhuisd)|"
    r"(zoon|dochter) (is )?(verhuisd|ver weg|in het buitenland)",
    "caregiving": r"mantelzorg|zorg voor mijn|verzorg mijn|zorgen voor mijn (zieke|dementerende)|"
    r"ik zorg (\w+ ){0,3}voor (hem|haar|mijn)|(man|vrouw|moeder|vader) (heeft|kreeg) (\w+ )?(dementie|"
    r"alzheimer|parkinson|een beroerte|kanker)|verpleeghuis|zorg dag en nacht",
    "friends_gone": r"vrienden (zijn )?(weg|verhuisd|overleden|kwijt)|vriendschap (is )?(over|kapot)|"
    r"(contact|vriendinnen|vrienden) (\w+ ){0,4}(verwaterd|steeds minder)|vrienden (\w+ )?kwijtraak|"
    r"durfden niet meer langs|hoor ik (nu )?(helemaal )?niet meer|"
    r"geen vrienden meer|vrienden (zie ik|hoor ik) (nooit|niet) meer|vrienden (zijn )?uit (beeld|zicht)|"
    r"(vriendschappen|vrienden) (zijn )?(verwaterd|doodgebloed)|uit elkaar gegroeid",
    "migration": r"statushouder|vluchteling|gevlucht|asiel|azc|nieuwkomer|thuisland|land van herkomst|"
    r"(in|uit) (syrie|turkije|marokko|eritrea|afghanistan|iran|irak|somalie|oekraine|indonesie|suriname|"
    r"portugal|polen|damascus)|zonder de taal|nederlander worden|(nooit )?nederlands (gaan )?voelen|"
    r"naar nederland|de cultuur|nationaliteit|"
    r"mijn (eigen )?land\b|inburger|tussen twee culturen|nergens (echt )?thuis|"
    r"(de taal|nederlands) (nog )?(niet|slecht|moeilijk)|naar nederland (gekomen|gevlucht|verhuisd)|"
    r"in nederland (kwam|gekomen|aangekomen)|mijn familie (woont|is) (in het buitenland|ver weg|in \w+ en)",
    "relationship": r"eenzaam (in|binnen) (mijn|ons|m n) (huwelijk|relatie)|juist eenzaam (\w+ ){0,5}met hem|"
    r"(mijn man|mijn vrouw) (is|wil|gaat) (\w+ ){0,4}(nooit|niet) mee|partner niet meer|"
    r"naast (mijn|m n|de) (man|vrouw|partner)|langs elkaar heen|we praten (bijna )?niet meer|"
    r"ken (jou|hem|haar) (eigenlijk )?(helemaal )?niet meer|getrouwd en (toch )?(eenzaam|alleen)|"
    r"samen en toch alleen|(man|vrouw|partner) (begrijpt|ziet|hoort) me niet",
    "school": r"school|klas\b|klasgenoten|studie|studeren|student|universiteit|\buni\b|hogeschool|"
    r"\bmbo\b|\bhbo\b|gepest|pesten|collegezaal|studentenhuis",
    "mental_health": r"depressie|depressief|burn ?out|overspannen|angststoornis|psycholoog|psychiater|ptss|"
    r"eetstoornis|hyperventil|psychisch|"
    r"\bggz|somber",
    "parenthood": r"alleenstaande (moeder|vader|ouder)|jonge (moeder|vader)|met (een|de|mijn) baby|"
    r"(heb|kreeg) (ik )?(twee|drie|\d) kind(jes|eren)|kreeg ik mijn (zoon|dochter)|zwanger|"
    r"wat (was|ben) ik voor (vader|moeder)|"
    r"moederschap|thuis met (de|mijn) kinderen|(kinderen|kids) (zijn )?(nog )?klein",
    "discrimination": r"gediscrimineerd|discriminatie|racisme|vanwege mijn (kleur|afkomst|geloof|hoofddoek)|"
    r"\bhomo|lesbisch|transgender|\blhbt",
    "age": r"oud worden|ouder worden|op mijn leeftijd|leeftijdgenoten|als (enige|laatste) over|"
    r"iedereen (om me heen )?(is )?(dood|overleden)|ben (al )?(7|8|9)\d\b|tachtiger|negentiger|"
    r"wie oud is|oude mensen|(je|ik) telt? niet meer mee",
    "digital": r"computer|internet|smartphone|digitaal|digitale|tablet|"
    r"kan niet (met|op) (de|een) (computer|telefoon)",
}

# Which kind of loneliness a cause most often brings; the person's own words can outweigh it.
CAUSE_TYPE: dict[str, LonelinessType] = {
    "loss": "emotional",
    "divorce": "emotional",
    "moving": "social",
    "retirement": "social",
    "illness": "social",
    "unemployment": "existential",
    "low_income": "social",
    "unsafe_neighbourhood": "social",
    "low_confidence": "social",
    "social_anxiety": "social",
    "children_left": "social",
    "caregiving": "social",
    "friends_gone": "social",
    "migration": "social",
    "relationship": "emotional",
    "school": "social",
    "mental_health": "emotional",
    "parenthood": "social",
    "discrimination": "existential",
    "age": "social",
    "digital": "social",
}

TYPE_CUES: dict[LonelinessType, str] = {
    "emotional": r"mis (hem|haar|mijn (man|vrouw|partner|maatje))|niemand (die me echt kent|om mee te "
    r"praten)|geen (partner|maatje|hechte|echte vriend)|echte band|iemand die echt om me geeft|"
    r"leegte|in de steek gelaten|niemand om (op te vertrouwen|te knuffelen)|alleen in bed",
    "social": r"geen vrienden|weinig (contact|contacten|mensen)|niemand om mee (af te spreken|iets "
    r"te doen)|nooit (iemand op bezoek|bezoek)|hoor er niet bij|buitengesloten|niemand (belt|komt)|"
    r"alleen thuis|de hele dag alleen|dagen niemand|kom de deur niet uit",
    "existential": r"zinloos|geen doel|nutteloos|doe er niet (meer )?toe|niemand heeft me nodig|"
    r"geen (rol|plek|betekenis)|voor niks|wat moet ik nog|waar doe ik het voor|overbodig|"
    r"niet meer nodig",
}

_ISOLATION = re.compile(
    r"niemand (gesproken|gezien)|nooit (iemand|bezoek)|kom de deur (bijna )?niet (meer )?uit|"
    r"(dagen|weken) (lang )?niemand|spreek (bijna )?niemand|heb niemand\b|geen familie|"
    r"geen (enkel )?contact"
)
_DURATION: tuple[tuple[Duration, str], ...] = (
    (
        "years",
        r"(?<!half )(?<!vorig )(?<!afgelopen )\bjaar\b|jaren|altijd al|heel lang|mijn hele leven|"
        r"sinds mijn jeugd|decennia|"
        r"jaaren|sinds (19|20)\d\d",
    ),
    (
        "months",
        r"maand|maanden|half jaar|vorig jaar|afgelopen jaar|sinds (de )?(zomer|winter|lente|herfst|kerst)|"
        r"sinds (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)",
    ),
    (
        "recent",
        r"paar dagen|een dag|sinds (een )?(paar )?dagen|week|weken|sinds kort|pas\b|net\b|"
        r"sinds gisteren|vandaag|deze week",
    ),
)

# Interest -> patterns; the interests match the activity interests of the social map.
INTEREST_PATTERNS: dict[str, str] = {
    "wandelen": r"wandel|fietsen|fiets|natuur|bos\b|buiten zijn|hond uitlaten",
    "koffie en ontmoeting": r"koffie|thee|kletsen|praten met mensen|gezelligheid|gezellig|"
    r"buurthuis|ontmoeten|mensen ontmoeten",
    "handwerken": r"breien|haken|naaien|borduren|handwerk|quilten",
    "muziek": r"muziek|zingen|zing\b|zong|koor|piano|gitaar|orgel|dansen|dans\b|concert",
    "bewegen": r"sport|zwemmen|gym|yoga|voetbal|tennis|bewegen|fitness|jeu de boules|biljart|"
    r"dansen|tafeltennis",
    "tuinieren": r"tuin|planten|groente|moestuin|bloemen",
    "creatief": r"schilder|tekenen|knutsel|creatief|fotografie|foto|klussen|hout|timmer|"
    r"schrijven|gedicht|handig",
    "taal": r"taal|lezen|boeken|boek\b|leesclub|nederlands leren|engels|voorlezen|puzzel",
    "spel": r"spel|spelletjes|kaarten|klaverjassen|bridge|sjoelen|bingo|schaken|dammen|rummikub|"
    r"games|gamen",
    "vrijwilligerswerk": r"vrijwillig|anderen helpen|mensen helpen|iets betekenen voor|zorgen voor anderen|"
    r"iets nuttigs|help graag|hielp graag|"
    r"ik (wil|zou) (graag )?((anderen|mensen|ouderen|kinderen|iemand) )?helpen",
    "koken": r"koken|kook|bakken|taart|eten maken|samen eten",
    # Only a wish to share grief, never grief itself: "sinds het verlies van mijn man" is not an interest.
    "rouw en verlies": r"rouwgroep|rouwcafe|rouwverwerking|verdriet delen|lotgenoten|"
    r"praten met (andere )?(weduwen|weduwnaars|mensen die (ook )?iemand)",
    "maatje": r"maatje|een vriend|een vriendin|iemand om mee te|vaste persoon",
}

# Patterns match from the start of a word ("rouw" must not match inside "vrouw").
_COMPILED_CAUSES = {cause: re.compile(rf"\b(?:{pattern})") for cause, pattern in CAUSE_PATTERNS.items()}
_COMPILED_CUES = {kind: re.compile(rf"\b(?:{pattern})") for kind, pattern in TYPE_CUES.items()}
_COMPILED_DURATION = tuple((label, re.compile(pattern)) for label, pattern in _DURATION)
_COMPILED_INTERESTS = {name: re.compile(rf"\b(?:{pattern})") for name, pattern in INTEREST_PATTERNS.items()}


def find_causes(text: str) -> list[str]:
    """Return the causes named in the text, in the order of `CAUSE_PATTERNS`."""
    cleaned = normalise(text)
    return [cause for cause, pattern in _COMPILED_CAUSES.items() if pattern.search(cleaned)]


def find_duration(text: str) -> Duration | None:
    """Return how long it has been going on, when the text says so."""
    cleaned = normalise(text)
    for label, pattern in _COMPILED_DURATION:
        if pattern.search(cleaned):
            return label
    return None


# "ik kan niet meer fietsen", "geen zin in koffie": an interest named after a negation is not one.
_NEGATION_BEFORE = re.compile(r"\b(niet|geen|nooit|niks|niets)( meer)?( \w+){0,3} $")
# "lopen of fietsen gaat niet meer": an interest said not to work any more.
_NEGATION_AFTER = re.compile(r"^\w*( \w+){0,3} (gaat|lukt|kan|kun) (ik |het )?(niet|nooit|niks|bijna niet)")


def find_interests(text: str) -> list[str]:
    """Return the interests named in the text, skipping those named after "niet", "geen" or "nooit"."""
    cleaned = normalise(text)
    found: list[str] = []
    for name, pattern in _COMPILED_INTERESTS.items():
        for match in pattern.finditer(cleaned):
            before = cleaned[max(0, match.start() - 30) : match.start()]
            if not _NEGATION_BEFORE.search(before) and not _NEGATION_AFTER.search(cleaned[match.start() :]):
                found.append(name)
                break
    return found


def signals_isolation(text: str) -> bool:
    """Tell whether the text describes a very small or absent network (social isolation)."""
    return _ISOLATION.search(normalise(text)) is not None


def infer_type(text: str, causes: list[str], current: LonelinessType | None) -> LonelinessType | None:
    """Guess the kind of loneliness from the person's words first, then from the causes."""
    cleaned = normalise(text)
    for kind, pattern in _COMPILED_CUES.items():
        if pattern.search(cleaned):
            return kind
    if current is not None:
        return current
    for cause in causes:
        return CAUSE_TYPE[cause]
    return None
