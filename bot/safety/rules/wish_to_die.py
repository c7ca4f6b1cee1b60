"""Rules for a wish to die: suicide named, no reason to go on, sleeping for ever, being a burden."""

from __future__ import annotations

from bot.safety.rules.rule import Rule

RULES: tuple[Rule, ...] = (
    Rule(
        "suicide_named",
        r"zelfmoord|"
        r"suicide|"
        r"zelfdoding",
        catches=(
            "ik denk steeds aan zelfmoord",
            "ik heb suïcidale gedachten",
            "zelfdoding lijkt me de enige uitweg",
        ),
        ignores=(
            "ik keek met mijn klas een film over zelfmoord",
            "ik mis mijn vrouw zo erg",
        ),
    ),
    Rule(
        "killing_oneself",
        r"van kant (te |wil |wilde |ga |gaan |zal )?maken|"
        r"(mezelf|me) (\w+ ){0,2}(doden|te doden|doodmaken|dood te maken|vermoorden|van het leven beroven|"
        r"om het leven (te )?brengen)|"
        r"(mezelf|me) (\w+ )?(ombrengen|om te brengen|van kant helpen)|"
        r"van het leven (\w+ ){0,2}(te )?beroven",
        catches=(
            "ik wil mezelf van kant maken",
            "ik ga mezelf doden",
            "ik denk erover mezelf van het leven te beroven",
        ),
        ignores=(
            "in dat spel moet je draken doden",
        ),
    ),
    Rule(
        "end_to_life",
        r"(eind|einde|punt) (\w+ ){0,3}(aan|achter) (\w+ ){0,4}(maken|zetten|leven|alles)|"
        r"(eind|einde|punt) aan (mijn|het|m n) leven|"
        r"(maak|maken) (er|het|alles) (\w+ ){0,2}(een )?(eind|einde|punt) aan|"
        r"(eind|einde|punt) aan (maak|maken)\b|"
        r"(leven|mezelf) (\w+ ){0,2}beeindigen|"
        r"beeindig (\w+ ){0,2}(leven|mezelf)|"
        r"(mijn|m n) leven (\w+ ){0,2}afsluiten|"
        r"(maak|maken) (ik|we) (er|het) (\w+ ){0,3}(een )?(eind|einde|punt) aan|"
        r"er (\w+ )?een (punt|eind|einde) (achter|aan) (zet|maak)\b",
        catches=(
            "ik wil een eind aan mijn leven maken",
            "ik maak er vanavond een einde aan",
            "ik wil mijn leven beëindigen",
        ),
        ignores=(
            "ik ben aan het eind van mijn latijn met die buren",
            "ik zet een punt achter die ruzie",
        ),
    ),
    Rule(
        "stop_living",
        r"stoppen met leven|"
        r"kap ermee met leven|"
        r"(ophouden|ophoudt|stoppen|stop) met (bestaan|leven)\b",
        catches=(
            "ik wil stoppen met leven",
            "kon ik maar ophouden met bestaan",
        ),
        ignores=(
            "ik wil stoppen met roken",
        ),
    ),
    Rule(
        "life_pointless",
        r"(leven|bestaan) (is |heeft )?(voor mij )?(klaar|zinloos|geen zin|niks (meer )?waard|"
        r"niets (meer )?waard|wel gezien)|"
        r"leven (wel )?gezien|"
        r"geen zin (meer )?in (het |mijn )?leven|"
        r"(voor|welke) zin (\w+ ){0,3}(om )?te leven|"
        r"zin om (nog )?te leven|"
        r"(al )?te lang (leef|leven|geleefd)\b",
        catches=(
            "mijn leven is zinloos",
            "ik heb het leven wel gezien",
            "ik heb geen zin meer in het leven",
            "ik heb al te lang geleefd",
        ),
        ignores=(
            "ik heb zin in het weekend",
            "het leven is duur geworden",
        ),
    ),
    Rule(
        "no_reason_to_go_on",
        r"(waarom|wat) (zou|moet) ik (nog )?(door(gaan)?|verder|leven|doorgaan met leven)|"
        r"geen (enkele )?reden (meer )?(om|tot) (\w+ ){0,2}(leven|door te gaan|verder te gaan)|"
        r"(zin|nut|waarom) (\w+ ){0,5}blijven (ademen|leven|bestaan)|"
        r"waarom (moet|zou|zal) ik (hier |er )?nog (hier |er )?(zijn|blijven|leven|bestaan)\b|"
        r"waarom ik (\w+ )?nog (adem|leef|besta)\b",
        catches=(
            "waarom zou ik nog doorgaan",
            "ik heb geen enkele reden meer om te leven",
            "ik snap niet waarom ik nog adem",
        ),
        ignores=(
            "waarom zou ik nog naar die club gaan",
        ),
    ),
    Rule(
        "stepping_out_for_good",
        r"stap eruit voorgoed|"
        r"(eruit|weg) (stappen|gaan) voorgoed|"
        r"ermee ophouden voorgoed|"
        r"stap (ik )?eruit|"
        r"uit het leven (stap|stappen|te stappen|gaan)\b",
        catches=(
            "ik stap eruit, voorgoed",
            "ik wil uit het leven stappen",
        ),
        ignores=(
            "ik stap uit de bus bij het station",
        ),
    ),
    Rule(
        "not_wanting_to_live",
        r"niet meer (willen |te |wil )?(leven|bestaan|verder leven)\b|(mij|me) niet meer levend\b|"
        r"(wil|wilt|wou|wilde) (\w+ ){0,4}niet meer (leven|zijn|verder|bestaan)\b|"
        r"niet langer (\w+ )?(leven|bestaan)\b|"
        r"te moe om (te )?(leven|door te gaan|verder te gaan)\b",
        catches=(
            "ik wil niet meer leven",
            "k wil nie meer leve",
            "ik ben te moe om door te gaan",
            "ik heb besloten dat hij mij niet meer levend aantreft",
        ),
        ignores=(
            "ik wil niet meer naar die club",
            "ik woon niet meer in amsterdam",
            # Real voices: a wife whose husband is in a nursing home (not about her own life).
            "ik ben zo bang dat ik hem niet meer levend terugzie",
        ),
    ),
    Rule(
        "not_wanting_to_be_there",
        r"er (gewoon |echt |liever |straks |dan )?niet meer (te )?(ben|wil zijn|willen zijn)|"
        r"ben er (\w+ ){0,2}niet meer($| (dat|als|want|straks|morgen|vanavond|binnenkort|voor))|"
        r"ben ik er (\w+ ){0,2}niet meer",
        catches=(
            "ik ben er liever niet meer",
            "straks ben ik er niet meer",
        ),
        ignores=(
            "ik ben er morgen niet, ik moet naar de tandarts",
        ),
    ),
    Rule(
        "cannot_go_on",
        r"wil (gewoon |echt )?niet meer$|"
        r"kan en wil niet meer|"
        r"met alles (ook )?met mezelf$",
        catches=(
            "ik kan en wil niet meer",
            "ik wil echt niet meer",
            "ik ben klaar met alles, ook met mezelf",
        ),
        ignores=(
            "ik wil niet meer naar de markt",
        ),
    ),
    Rule(
        "not_wanting_to_wake_up",
        r"niet meer (wakker|op)( te)? (worden|staan|opstaan)|"
        r"nooit meer (wakker|opstaan|op te staan|op staan)|"
        r"niet meer wakker (werd|word|zou worden)|"
        r"(geen )?zin (meer )?in (er zijn|bestaan|wakker (worden|te worden)) (\w+ ){0,3}(ook|meer|"
        r"ook niet)\b|"
        r"ook niet in (er zijn|bestaan|wakker worden)\b|"
        r"geen reden (meer )?(om )?(nog )?(wakker te worden|op te staan)",
        catches=(
            "ik hoop morgen niet meer wakker te worden",
            "ik wil nooit meer wakker worden",
            "ik zie geen reden om nog op te staan",
        ),
        ignores=(
            "ik ben bang dat ik na de operatie niet meer wakker word",
            "ik word elke nacht wakker",
        ),
    ),
    Rule(
        "sleeping_for_ever",
        r"(slapen|inslapen) en (\w+ ){0,2}nooit meer|"
        r"(stil|rust|rustig) (\w+ ){0,5}voor altijd|"
        r"voor altijd (stil|rust|slapen)|"
        r"eeuwige rust|"
        r"(inslapen|slapen|stilte|verdwijnen) (\w+ ){0,2}voor altijd|"
        r"(wordt|word) (\w+ ){0,2}(hele )?lange slaap|"
        r"eeuwige slaap|"
        r"(inslapen|in slaap vallen|slapen) en (dat )?(het )?(dan )?(gewoon )?(gedaan|voorbij|over|"
        r"klaar) (is|zijn)\b|"
        r"(slapen|liggen|rusten) onder de grond",
        catches=(
            "ik wil gewoon slapen en nooit meer",
            "ik verlang naar de eeuwige rust",
            "ik wil inslapen en dat het dan voorbij is",
        ),
        ignores=(
            "ik wil vannacht gewoon lekker slapen",
            "ik wil even rust",
        ),
    ),
    Rule(
        "wanting_to_be_dead",
        r"(wil|wilt|wou|wilde|zou willen|hoop|ga) (\w+ ){0,3}(dood|doodgaan|sterven|overlijden)\b|"
        r"(was|ben|lag) ik (maar|liever) dood|"
        r"wou dat ik dood was|"
        r"(beter|liever) dood|"
        r"dood willen|"
        r"^(ik )?(wil )?dood$|"
        r"dood (wil|wilt|wou|willen)\b|"
        r"laat (me|mij) (gewoon |maar |nu |toch )?(doodgaan|sterven)\b|"
        r"verlang\w* (\w+ ){0,3}naar de dood|"
        r"ik bedoel (dood|sterven|doodgaan|niet meer leven)\b|"
        r"ontmoet (\w+ )?liever de dood",
        catches=(
            "ik wil dood",
            "was ik maar dood",
            "laat me maar sterven",
            "ik verlang naar de dood",
        ),
        ignores=(
            "ik ga dood van de honger, hoe laat is het eten",
            "mijn kat is vorige maand doodgegaan",
        ),
    ),
    Rule(
        "seeing_no_way_forward",
        r"het (hoeft|hoef) (voor mij |van mij )?(allemaal |echt |gewoon |nu )?niet meer|"
        r"zie het (echt |gewoon |helemaal |allemaal )*niet meer zitten|"
        r"zie het (echt |helemaal )?niet zitten$|"
        r"zie geen (uitweg|toekomst) meer|"
        r"geen uitweg meer|"
        r"(niks|niets) doet er (nog |meer )?toe",
        catches=(
            "ik zie het echt niet meer zitten",
            "het hoeft voor mij allemaal niet meer",
            "ik zie geen uitweg meer",
        ),
        ignores=(
            "ik zie het niet meer zitten met die schulden, wie kan helpen",
            "ik zie het wel zitten met de nieuwe buren",
        ),
    ),
    Rule(
        "soon_over",
        r"het is (straks|bijna|dan) (voorbij|over)|"
        r"binnenkort (is het|ben ik) (\w+ )?(voorbij|weg|er niet meer)|"
        r"(dan|morgen|vrijdag|zaterdag|zondag|maandag|dinsdag|woensdag|donderdag|vannacht|vanavond|"
        r"straks) (\w+ ){0,3}is het (klaar|voorbij|over)\b|"
        r"(duurt|is) (het )?niet (lang|lang meer)( meer)?(,)? (\w+ ){0,3}(overal van af|er niet meer|weg)|"
        r"(ben|is) ik overal van af|"
        r"(ben|zijn) (ik|we) (eindelijk )?(overal|van alles) (vanaf|van af)\b|"
        r"dan ben ik (eindelijk|tenminste) weg$|"
        r"(idee|gedachte) dat het (snel |bijna |straks )?voorbij (is|gaat)\b",
        catches=(
            "het is straks voorbij",
            "binnenkort ben ik er niet meer",
            "nog even en dan ben ik eindelijk weg",
        ),
        ignores=(
            "de vakantie is bijna om",
            "morgen is het feest bij mijn dochter",
        ),
    ),
    Rule(
        "better_off_without_me",
        r"(beter|beter af) (\w+ ){0,2}zonder mij|"
        r"(geen|niet) last meer van (me|mij)|"
        r"(eindelijk |straks )?(van me|van mij) verlost|"
        r"wereld (is )?beter (af )?zonder|"
        r"(beter|best) (af )?(als|dat) ik er (\w+ ){0,2}niet (meer )?(ben|was|zou zijn)|"
        r"als ik (er )?(wegval|weg ben|verdwijn) (\w+ ){0,4}(opgelost|beter af|makkelijker|verlost)",
        catches=(
            "iedereen is beter af zonder mij",
            "dan hebben ze geen last meer van mij",
            "het is beter als ik er niet meer ben",
        ),
        ignores=(
            "ik ben beter af zonder die baan",
        ),
    ),
    Rule(
        "nobody_would_miss_me",
        r"niemand (zal|zou) me missen|"
        r"(merkt|ziet|mist) niemand (\w+ ){0,3}(als|dat) ik er niet|"
        r"niemand (merkt|ziet|mist) (\w+ ){0,3}(als|dat) ik er niet|"
        r"niemand (gaat|zal|zou) me (\w+ )?missen",
        catches=(
            "niemand zou me missen",
            "niemand merkt het als ik er niet meer ben",
        ),
        ignores=(
            "niemand mist me op het werk",
            "ik mis mijn kleinkinderen",
        ),
    ),
    Rule(
        "burden_to_everyone",
        r"last voor iedereen (\w+ ){0,6}(ophouden|voorbij|stoppen|binnenkort)|"
        r"(niemand|jullie) (\w+ ){0,3}(meer )?met (mij|me) (opgescheept|opgezadeld)",
        catches=(
            "ik ben een last voor iedereen en dat moet ophouden",
            "straks zit niemand meer met mij opgescheept",
        ),
        ignores=(
            "ik voel me soms een last voor mijn kinderen",
        ),
    ),
    Rule(
        "following_the_dead",
        r"(was|had|ben) ik maar (\w+ ){0,3}meegegaan|"
        r"(overleden|overleed|dood|begraven|gestorven|er niet meer is) (\w+ ){0,10}(bij (hem|haar) (kom|"
        r"komen|zijn|wil zijn)\b|naar (hem|haar) toe\b|(met|achter) (hem|haar) (mee|aan)\b)|"
        r"laat (mij|me) ook maar gaan|"
        r"achterna (wil|willen|gaan)\b|"
        r"(wil|wou|ga|gaan) (hem|haar|ze) (\w+ ){0,2}achterna\b|"
        r"(rusten|liggen|slapen) naast (\w+ ){1,2}op het kerkhof (\w+ ){0,4}(deze week|vannacht|vanavond|"
        r"morgen|liefst|snel)",
        catches=(
            "was ik maar met hem meegegaan",
            "sinds mijn vrouw overleden is wil ik gewoon bij haar zijn",
            "ik wil hem achterna",
        ),
        ignores=(
            "mijn vrouw is overleden en ik mis haar zo",
        ),
    ),
    Rule(
        "not_living_to_a_date",
        r"ik (ga|word|haal) (de |geen )?\d+ (niet|nooit)? ?(meer )?(worden|halen|meemaken)\b|"
        r"ik ga geen \d+ worden|"
        r"(ga|zal) (\w+ ){0,2}(januari|februari|kerst|oud en nieuw|mijn verjaardag|volgend jaar|de zomer|"
        r"de lente) (niet|nooit) (meer )?(meemaken|halen)|"
        r"van plan (om )?(\w+ ){0,3}niet (te )?(halen|meemaken|mee te maken)\b|"
        r"laatste (\w+ ){0,6}(daar|dat) zorg ik zelf (wel )?voor|"
        r"niet (haal|haalt|halen) (\w+ ){0,4}(daar|dat) zorg (ik|hij|ze|zij) zelf|"
        r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|morgen|volgende week|kerst|"
        r"oud en nieuw|mijn verjaardag) (maak|haal) ik (\w+ )?niet (meer )?(mee|meer)\b|"
        r"ben er (met|na|voor) (kerst|oud en nieuw|de zomer|mijn verjaardag|pasen|"
        r"sinterklaas) (\w+ )?(toch )?niet meer\b",
        catches=(
            "ik ga de 60 niet halen",
            "kerst maak ik niet meer mee",
            "ik ben van plan mijn verjaardag niet te halen",
        ),
        ignores=(
            "ik haal de trein van negen uur niet meer",
            "kerst vier ik dit jaar bij mijn zus",
        ),
    ),
    Rule(
        "not_wanting_to_survive",
        r"overleef ik niet (\w+ ){0,2}(wil|hoef) ik (ook )?niet|"
        r"(niet|ni) overleven (\w+ ){0,4}(ook )?niet (proberen|willen)\b",
        catches=(
            "de operatie overleef ik niet en dat hoef ik ook niet",
            "als ze me vinden wil ik het niet overleven, ik ga het ook niet proberen",
        ),
        ignores=(
            "mijn opa heeft de operatie goed overleefd",
        ),
    ),
    Rule(
        "only_staying_for_others",
        r"anders was ik (al )?(lang |allang )?(weg|er niet meer|dood)\b",
        catches=(
            "ik blijf alleen voor mijn hond, anders was ik allang weg",
            "anders was ik al lang dood",
        ),
        ignores=(
            "anders was ik wel eerder gekomen",
        ),
    ),
    Rule(
        "wishing_the_body_would_stop",
        r"(lichaam|hart) (\w+ ){0,3}(ermee )?(ophoudt|stopt|opgeeft|ophouden)|"
        r"knop (\w+ ){0,6}(uit te gaan|uit te zetten|uitzetten|te stoppen) (\w+ ){0,6}(drukken|drukte|"
        r"indrukken)\b",
        catches=(
            "ik hoop dat mijn hart er vannacht mee ophoudt",
            "als er een knop was om uit te gaan zou ik hem indrukken",
        ),
        ignores=(
            "de dokter zegt dat mijn hart goed werkt",
        ),
    ),
    Rule(
        "praying_to_be_taken",
        r"(god|de here|de heer|allah) (\w+ ){0,2}(me|mij) (komt|kom|zal|mag) (\w+ )?halen",
        catches=(
            "ik bid elke avond dat god me komt halen",
            "ik hoop dat de heer mij komt halen",
        ),
        ignores=(
            "ik ga zondag naar de kerk om god te danken",
        ),
    ),
    Rule(
        "hoping_for_an_accident",
        r"zonder (te )?(kijken|uit te kijken) (\w+ ){0,8}(misgaat|mis gaat|dan maar|jammer dan|"
        r"dan is dat maar zo)|"
        r"hoop (\w+ ){0,12}(valt|rijdt|instort|neerstort) (\w+ ){0,6}(terwijl|als|wanneer) ik (erin|eronder|"
        r"erbij|daar|eronder) (lig|sta|zit)|"
        r"(wens|hoop) (\w+ ){0,4}(een )?ongeluk (krijg|krijgen|overkomt)\b",
        catches=(
            "ik steek over zonder te kijken, als het misgaat dan maar",
            "ik hoop dat ik een ongeluk krijg",
        ),
        ignores=(
            "ik hoop dat je geen ongeluk krijgt met die gladheid",
        ),
    ),
    Rule(
        "gone_for_good",
        r"(weg|verdwijnen|vertrekken) (\w+ ){0,2}(voorgoed|voor altijd)|"
        r"(voorgoed|voor altijd) weg|"
        r"weg van deze wereld|"
        r"als ik (\w+ ){0,2}(weg|dood) ben voorgoed|"
        r"(moet|wil|ga) (\w+ )?weg van (de|deze) (aarde|wereld)\b|"
        r"\bga (nu |dan )?voorgoed\b|"
        r"(telefoon|mobiel) (\w+ ){0,2}uit (\w+ )?voorgoed|"
        r"en ik kom niet (meer )?terug$|"
        r"niet (kom|ben|werk) (\w+ ){0,2}(en )?daarna (ook niet|nooit meer)",
        catches=(
            "ik wil voorgoed weg van deze wereld",
            "ik zet mijn telefoon uit, voorgoed",
            "ik ga nu voorgoed",
        ),
        ignores=(
            "ik ga voorgoed weg van facebook",
            "ik ga een weekje weg",
        ),
    ),
    Rule(
        "not_there_soon",
        r"als ik er (morgen|vanavond|vannacht|straks|binnenkort) niet meer ben|"
        r"ben er (na|vanaf|over|voor) (\w+ ){0,3}niet meer$|"
        r"(niet|nie) dat ik er (dan )?nog ben|"
        r"als (ik|je|jij) er (\w+ )?niet meer (ben|bent|zijn) (\w+ ){0,8}(morgen|vannacht|vanavond|straks|"
        r"zaterdag|zondag|dit weekend)\b",
        catches=(
            "wie zorgt er voor mijn kat als ik er morgen niet meer ben",
            "ik ben er na vrijdag niet meer",
        ),
        ignores=(
            "ik ben er na vrijdag niet meer op kantoor, ik heb een nieuwe baan",
        ),
    ),
)
