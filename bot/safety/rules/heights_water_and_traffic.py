"""Rules for jumping, drowning, trains and traffic: the place, the edge, the way."""

from __future__ import annotations

from bot.safety.rules.rule import Rule

RULES: tuple[Rule, ...] = (
    Rule(
        "jumping_from_a_height",
        r"(van|vanaf|af|uit|op) (het |de |een |mijn )?(flat|flatgebouw|dak|brug|balkon|raam|"
        r"toren)\w* (\w+ ){0,5}(springen|spring|gooien|te springen)|"
        r"(spring|springen) (\w+ ){0,3}(van|vanaf|uit|af) (het |de |een )?(flat|dak|brug|balkon|raam|toren)|"
        r"(ga|gaan) (\w+ ){0,2}van de (flat|brug|toren) af|"
        r"gaan springen|"
        r"ga springen|"
        r"(gebouw|flat|brug|dak|toren)\w* (\w+ ){0,4}(kan |ga |wil )?springen|"
        r"(van|vanaf) (welk|welke) (\w+ ){0,2}(springen|kan springen)|"
        r"wil (\w+ )?springen$|"
        r"(parkeergarage|flat|dak|brug|toren|balkon|klif|rots)\w* (\w+ ){0,8}(springen|"
        r"naar beneden (\w+ ){0,3}(springen|spring))|"
        r"(van|vanaf) (\d+|tien|twintig|dertig|veertig|vijftig|honderd) (meter|verdiepingen) (hoog )?(valt|"
        r"springt|vallen|springen)\b|"
        r"van (grote )?hoogte (valt|springt|val|spring) (\w+ ){0,8}voor (morgen|vannacht|vanavond)\b|"
        r"ga (\w+ )?van de (\w+brug|brug)\b|"
        r"(reling|brug|rand|balkon|dak) (\w+ ){0,8}(me|mezelf) (\w+ )?laten vallen",
        catches=(
            "ik ga van de flat springen",
            "ik wil springen",
            "ik ga van de erasmusbrug",
        ),
        ignores=(
            "ik spring een gat in de lucht",
            "de kinderen springen op de trampoline",
        ),
    ),
    Rule(
        "asking_how_high",
        r"(val|sprong) (\w+ ){0,2}niet (te )?overleven|"
        r"hoe hoog (\w+ ){0,3}(brug|flat|gebouw|dak|toren) (\w+ ){0,3}om\b|"
        r"(welke|hoeveel|wat voor) (hoogte|verdiepingen|meter) (\w+ ){0,3}(genoeg|voldoende|nodig|dodelijk)|"
        r"hoe hoog (\w+ ){0,4}(genoeg|dodelijk)",
        catches=(
            "hoe hoog moet een flat zijn om het zeker niet te overleven",
            "hoeveel verdiepingen is genoeg",
        ),
        ignores=(
            "hoe hoog is de domtoren eigenlijk",
        ),
    ),
    Rule(
        "standing_at_the_edge",
        r"rand van (het|de) (balkon|dak|brug)|"
        r"(sta|zit) (nu )?(op|bij) (de|het) (brug|dak|rand|spoor)\w*|"
        r"(ben|lig|sta|zit) (nu )?(op|aan|bij) (de|het) (dak|brug|rand|spoor|balkon)\w*|"
        r"steeds dichter (naar|bij) de rand|"
        r"(vensterbank|reling|balkonrand|dakrand|leuning) (\w+ ){0,4}(benen|voeten) (\w+ )?(buiten|over)\b|"
        r"(brug|spoor|dak|flat|kade|pier) (\w+ ){0,4}(daar )?(zit|sta|lig) ik nu\b|"
        r"(spoorbrug|brug|spoor|viaduct|flat|dak) (\w+ ){0,6}(mogen|kunnen) (zij|ze|jullie) het\b|"
        r"(sta|zit|ben) op (het|een) viaduct\b|"
        r"(brug|spoor|flat|dak|kade|pier|rivier) (\w+ ){0,4}(fiets|loop|rij|ga) (ik )?er (nu |zo |"
        r"straks )?heen\b(?! om )|"
        r"(brug|\w+brug) (\w+ ){0,8}schoenen (\w+ )?(uitgedaan|uitgetrokken|uit)\b",
        catches=(
            "ik sta nu op de brug",
            "ik zit op de vensterbank met mijn benen buiten",
            "op de brug heb ik mijn schoenen uitgedaan",
        ),
        ignores=(
            "ik sta bij de brug om naar de boten te kijken",
        ),
    ),
    Rule(
        "in_front_of_a_vehicle",
        r"(voor|onder) (de|een) (trein|auto|vrachtwagen|bus|metro|tram) (\w+ ){0,2}(springen|spring|gooien|"
        r"lopen|stappen|liggen|te springen)|"
        r"(trein|spoor) (\w+ ){0,6}(springen|spring|voor te springen|ervoor te springen|gooien)|"
        r"(me|mezelf) (voor|onder) (\w+ ){0,3}gooien|"
        r"(mezelf|me) (\w+ ){0,2}(laten overrijden|overrijden)|"
        r"(stap|stappen|spring|springen) (\w+ ){0,3}voor (een|de) (bus|trein|auto|vrachtwagen|tram|metro)\b|"
        r"voor (de|een) (bus|trein|auto|vrachtwagen|tram) (gaat|ga|gaan|wil|wilt) (\w+ )?(staan|springen|"
        r"lopen)\b|"
        r"(zich|zichzelf|mezelf|me) (\w+ ){0,3}voor (de|een) (trein|bus|auto|vrachtwagen|metro|tram) (gooit|"
        r"gooien|werpt|werpen|gooi|werp)\b|"
        r"dan voor de (trein|bus|metro|tram)\b|"
        r"onder (een|de) (bus|trein|auto|tram|vrachtwagen) (kom|kwam|zou komen|loop|liep) (\w+ ){0,5}(best|"
        r"prima|goed|niet erg|maakt (me )?niet uit)|"
        r"(op|over) (me|mij) (in)?(rijdt|rijden|valt|vallen|inrijdt) (\w+ ){0,5}(prima|best|niet erg|fijn|"
        r"goed|maakt (me )?niet uit)",
        catches=(
            "ik ga voor de trein springen",
            "ik wil mezelf voor een vrachtwagen gooien",
            "als ik onder een bus kom vind ik het best",
        ),
        ignores=(
            "ik moet rennen voor de trein, ik ben laat",
        ),
    ),
    Rule(
        "on_the_railway",
        r"op het spoor|"
        r"(snelweg|spoor|rails|autoweg) op (\w+ )?(lopen|gaan)|"
        r"(loop|ga|rij|fiets) (\w+ ){0,3}(de snelweg|het spoor|de rails) op|"
        r"(ga|loop|fiets|rij) (\w+ )?naar het spoor\b|"
        r"(trein|intercity|sprinter|metro) (\w+ ){0,6}niet (in )?(te )?(instappen|stappen)\b|"
        r"(laatste|volgende) (\w+ )?trein (\w+ ){0,6}(wacht|sta|ga) (\w+ ){0,3}(bij|op) (de|het) (overweg|"
        r"spoorwegovergang|rails|spoor)\b|"
        r"trein (komt|is er) (\w+ ){0,4}ik ga$|"
        r"perron (\w+ ){0,6}(trein|sneltrein|goederentrein|intercity) (\w+ ){0,3}komt (\w+ ){0,2}langs\b|"
        r"tot de (goederentrein|sneltrein) (komt|langskomt)|"
        r"hoe laat (\w+ ){0,3}trein (\w+ ){0,4}(hard|snel) (langs|voorbij)|"
        r"trein die niet stopt",
        catches=(
            "ik loop zo het spoor op",
            "ik wacht op het perron tot de goederentrein komt",
            "hoe laat komt de trein hier hard langs",
        ),
        ignores=(
            "er was een aanrijding op het spoor dus mijn trein had vertraging",
        ),
    ),
    Rule(
        "crashing_the_car",
        r"tegen een (boom|muur) (\w+ ){0,2}(rijden|knallen)|"
        r"(rij|rijden|knal|knallen|crash|crashen) (\w+ ){0,5}tegen (een|de) (boom|muur|vrachtwagen|pijler)|"
        r"(stuur|sturen|rij|knal) (\w+ ){0,5}tegen (een|de) (\w+ ){0,4}(boom|muur|pijler|vrachtwagen)",
        catches=(
            "ik wil met de auto tegen een boom rijden",
            "straks rij ik keihard tegen een pijler",
        ),
        ignores=(
            "ik ben tegen een paaltje gefietst",
        ),
    ),
    Rule(
        "into_the_water",
        r"(mezelf|me) (\w+ ){0,2}verdrinken|"
        r"(de zee|het water|het kanaal|de rivier|de gracht) in (\w+ ){0,6}niet meer terug|"
        r"(auto|wagen) (\w+ ){0,3}(in|het) (kanaal|water|rivier|gracht)|"
        r"(water|zee|kanaal|rivier) in (\w+ ){0,6}(niet meer uit|niet meer terug)|"
        r"(me|mij|mezelf) (\w+ ){0,2}(verzuipen|verdrinken)|"
        r"(vannacht|vanavond|straks) (\w+ ){0,3}(de zee|het water|het kanaal) in\b|"
        r"(kanaal|water|zee|rivier|gracht) (\w+ ){0,4}(niet meer|nooit meer) (uit|terug)|"
        r"(rivier|brug|water|zee|kanaal|spoor|dak) (\w+ ){0,12}(nu|deze keer|"
        r"dit keer) ga ik niet (meer )?terug\b|"
        r"(en dan|dan|zo eindigt) (\w+ ){0,2}(de rivier|de gracht|de vaart|het kanaal|"
        r"het water) in\b(?! (om|te|voor|met) )|"
        r"(wilde|wou) (bijna|echt) (\w+ ){0,2}(in het water|het water in|de rivier in|de zee in|"
        r"het kanaal in)|"
        r"in het water (\w+ ){0,4}(ik )?kan (\w+ )?niet zwemmen|"
        r"(kan|kon) (niet|ni) zwemmen (\w+ ){0,3}(goed|juist|mooi|prima)\b",
        catches=(
            "ik ga mezelf verdrinken",
            "vannacht loop ik de zee in",
            "ik rij met de auto het kanaal in",
        ),
        ignores=(
            "we gaan vanmiddag zwemmen in de zee",
        ),
    ),
)
