"""Rule-based detection of acute risk: suicidal thoughts, self-harm and danger.

This is the first line of the safety net and does not depend on the trained model: it runs on every
message, in every mode, also in the middle of a form. The trained `crisis` intent is the second line
(see `bot.rasa_ext.nlp.safety_screen`).

The rules work on normalised text (lower case, no accents or punctuation, letter runs squeezed) after
chat spellings of key words are corrected ("k wil nie meer leve" reads as "ik wil niet meer leven").
Harmless idioms ("ik verveel me dood", "uien snijden") are removed first. The patterns are grouped by
what they catch; a message is at risk when any group matches, so a risk buried in a long message is
still found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.text import normalise

# Chat spellings of words the patterns rely on -> the word itself.
_SPELLINGS: dict[str, tuple[str, ...]] = {
    "zelfmoord": (
        "zelfmoort",
        "zelfmord",
        "zelfmoordt",
        "zelfmood",
        "zelmoord",
        "zefmoord",
        "selfmoord",
        "zelfmoor",
        "zelvmoord",
    ),
    "suicide": ("suicidaal", "suicidale", "suicidal", "suiside", "suicde", "zuicide", "suicidaliteit"),
    "leven": ("leve", "leuven", "levn", "lven", "levu"),
    "dood": ("dod", "doot"),
    "niet": ("nie", "nit", "niett", "ni", "niej"),
    "meer": ("mer", "meet"),
    "mezelf": ("mzelf", "mezelv", "mijzelf", "mezlf", "meself", "mezelluf"),
    "wil": ("wl", "will", "wik", "wiel"),
    "eind": ("ein", "eid", "ent"),
    "einde": ("ende", "eynde"),
    "ik": ("k", "ikke", "ick"),
    "het": ("t", "et"),
    "er": ("der", "d r", "r"),
    "aan": ("an", "aa"),
    "mijn": ("mien", "mn", "m n", "mun", "mijne"),
    "waard": ("weerd", "waart"),
    "waarom": ("wrm", "waarm", "warom"),
    "gewoon": ("gwn", "gewon", "gwoon"),
    "pillen": ("pille", "pilen", "pils"),
    "zijn": ("zijm", "zein", "zyn"),
    "wat": ("wa",),
    "maken": ("make", "maake"),
    "verzuipen": ("verzuipe", "verzuip"),
    "slikken": ("slikke", "slike"),
    "gesneden": ("gesnede", "gesneeden"),
    "genomen": ("gneomen", "genomne", "genoemn", "genomn"),
    "eigen": ("eige",),
    "heb": ("hep", "hep"),
    "een": ("n", "ne", "un"),
    "beeindigen": ("beindigen", "beeindige"),
}
_CORRECTIONS = {variant: word for word, variants in _SPELLINGS.items() for variant in variants}

# Harmless uses of risk words, removed before matching.
_HARMLESS = (
    r"(verveel|verveelde|lach|lachen|schrok|schrik|schaam|schaamde|werk|werkte|loop|liep|vervelen|schamen)"
    r" (me|mij|ik|je|ons)( \w+)? dood|dood (ge)?(lachen|lacht|schrokken|schrikken|gelachen|geschrokken)|"
    r"dood(gaan)? van (de |het )?(hitte|kou|verveling|honger|dorst|schrik|zenuwen|lachen|schaamte|jeuk|"
    r"gene|ellende|stress)|ga dood als|sterf van de (honger|dorst|kou|hitte)|"
    r"dood(op|moe|saai|nerveus|bang|ziek|stil|eng|gewoon|leuk|simpel|normaal|serieus)\w*|"
    r"(telefoon|batterij|accu|plant|plantjes|planten|vis|kat|hond|mobiel|laptop) (is|zijn|was|waren)?\s?"
    r"(helemaal |bijna )?(leeg|dood|doodgegaan)|"
    r"(huis|kamer|straat|dorp|buurt|stad) (voelt|is|lijkt) (\w+ ){0,2}(dood|uitgestorven)|"
    r"(uien|groente|groenten|brood|vlees|tomaten|kaas|taart|hout|papier|haar|heg|gras)\w* "
    r"(\w+ ){0,3}(snijden|snijd|snij|gesneden|knippen)|(snijden|snijd|snij|gesneden) (\w+ ){0,2}"
    r"(uien|groente|groenten|brood|vlees|tomaten|kaas|taart|hout|papier|heg|gras)|per ongeluk|"
    r"(bij|tijdens) het (koken|tuinieren|klussen)|ga er (bijna |echt )?dood aan|"
    r"dood aan (dat|die|het|de|deze) \w+|zelfmoord(missie|actie|opdracht)|"
    r"(in het spel|in de game|in games) (\w+ ){0,3}dood|"
    r"(schiet|schoot) (mezelf|me) (\w+ ){0,3}in de voet|spring een gat in de lucht|"
    r"vermoord je als|doet me de das om|sla (de|die|dat|het) \w+ over|moordweer|moordmysterie\w*|"
    r"(wil|wou|zou|ga) (\w+ ){0,4}(verhuizen|emigreren|op vakantie)|"
    # Saying plainly that one does not want to die.
    r"(niet|nie) (\w+ ){0,2}dat ik dood wil|(wil|wou) (\w+ ){0,2}(niet|nie) dood|dood wil ik (\w+ )?niet|"
    # Hit with a pillow or a cuddly toy; "I could kick myself"; burnt on the oven; on the roof for a job.
    r"(sloeg|slaat|gooide|gooit) (\w+ ){0,2}met (een|zijn|haar|m n|mijn) (kussen|knuffel)\w*|"
    r"kan (mezelf|me) wel (slaan|schoppen|voor (mijn|m n) kop slaan)|"
    r"(gebrand|verbrand|gesneden) aan (de|het|een) (oven|pan|papiertje|papier|strijkijzer|kachel|fornuis|"
    r"ketel|bakplaat)|(op|bij) (de|het) (brug|dak) (\w+ )?(te vissen|om de (dakgoot|goot|antenne|"
    r"zonnepanelen)|te werken|te klussen|om te (vissen|klussen|schilderen|repareren))|"
    # Not seeing a way out of a practical problem.
    r"zie het (\w+ )?niet meer zitten met (die|dit|deze|de|het|mijn|m n) (schulden|huis|baan|werk|studie|"
    r"school|auto|verbouwing|relatie|buren|dak|situatie|verhuizing)|"
    # Violence that is clearly over; a cut while cooking; goodbyes at work; the last message of the day.
    r"(sloeg|schopte|mishandelde|bedreigde) (me|mij) (\w+ )?(vroeger|toen ik (klein|jong|kind) was)|"
    r"vroeger (sloeg|schopte|mishandelde|bedreigde|sloegen) (\w+ ){0,3}(me|mij)\b|"
    r"(heeft|hebben|had|hadden) (me|mij) vroeger (\w+ )?(geslagen|geschopt|mishandeld|bedreigd|gepest)|"
    r"(vroeger|als kind|toen ik (klein|jong|kind) was) werd ik (\w+ ){0,3}(geslagen|geschopt|mishandeld|"
    r"gepest)( en (geslagen|geschopt|gepest|mishandeld))?|"
    r"(vroeger|als kind|toen ik (klein|jong|kind) was) (\w+ ){0,10}in elkaar (te )?(slaan|geslagen)|"
    r"(me|mezelf|mijn vinger|in mijn vinger) (\w+ ){0,2}gesneden (bij|aan|met|in) (het|de|een|mijn) "
    r"(\w+ ){0,2}(uien|groente|brood|mes|blik|papier|glas|koken|snijden)\w*|afscheids(brief|speech|woord|"
    r"mail|praatje|feest|receptie)\w* (\w+ ){0,4}(collega|collegas|klas|team|club|vereniging|buren|"
    r"leerlingen|werk|pensioen)\w*|laatste bericht (\w+ )?(voor )?(vandaag|vanavond|vannacht|nu)\b|"
    # A holiday, a job or volunteering that has come to an end; an attempt, a suicide, self-harm or
    # abuse that is years in the past.
    r"het is mooi geweest (met |die |dat |de |het |in |op |bij ){1,2}(\w+ ){0,2}(vakantie|weken|week|"
    r"weekend|dagen|werk|vrijwilligerswerk|baan|club|vereniging|reis|feest|seizoen|zeeland|camping)\w*|"
    r"(jaar|jaren|maanden) geleden (\w+ ){0,2}(een )?(zelfmoordpoging|poging|zelfmoord) (\w+ )?(gedaan|"
    r"gepleegd|ondernomen)|(jaar|jaren|maanden) geleden (een )?(eind|einde) aan (zijn|haar) leven gemaakt|"
    r"(heb|heeft|had) (mezelf|zichzelf|me|zich) vroeger (\w+ )?(gesneden|gekrast|beschadigd|pijn "
    r"gedaan)|vroeger (\w+ ){0,2}aan zelfbeschadiging (gedaan|gedaan heeft|deed|deden)|(werd|werden) "
    r"vroeger (\w+ )?(mishandeld|geslagen|bedreigd)|vroeger een relatie waarin ik (werd )?(mishandeld|"
    r"geslagen|bedreigd)|toen ik (\d+|klein|jong|kind|tiener|puber|student) was (\w+ ){0,10}(dat is )?"
    r"(gelukkig )?(al )?(lang |allang |heel lang )?voorbij|op mijn \d+(e|de|ste) (\w+ ){0,3}(een )?"
    r"(overdosis|zelfmoordpoging|poging|pillen) (\w+ )?(genomen|gedaan|geslikt)|"
    # An attempt or self-harm "vroeger" (in the past); jumping out of the window, followed by a laugh.
    r"vroeger (\w+ ){0,2}(een )?(zelfmoordpoging|poging) (\w+ )?(gedaan|ondernomen)|vroeger (\w+ ){0,3}"
    r"(aan )?(mezelf|me) (zat |zitten )?(te )?(krassen|snijden|beschadigen)|(vroeger|toen) (\w+ ){0,6}"
    r"zelfbeschadiging (\w+ ){0,4}(voorbij|achter me)|(spring|gooi) ik (mezelf |me )?(\w+ ){0,2}uit het "
    r"raam (\w+ ){0,2}(haha\w*|lol|grapje|xd|hihi)|vroeger (sneed|kraste|beschadigde|sloeg) ik "
    r"(mezelf|me)\b|"
    r"(jaren|jaar|maanden) geleden (\w+ )?(geslagen|mishandeld|geschopt|bedreigd)\b|(in mijn tienertijd|als "
    r"tiener|als puber|in mijn jeugd|toen ik jong was) (\w+ ){0,4}(pillen genomen|poging gedaan|mezelf "
    r"gesneden)|(vroeg|vraagt|vroegen|vraag) of ik (\w+ ){0,4}(aandoen|aan doen|dood wil|wil sterven) "
    r"(nee|neen)\b( hoor)?|"
    # A rope, cord or hook for a swing, a lamp or a bike; a knife for cooking; a gun for hunting; a toy.
    r"(touw|koord|riem|haak|haakje|snoer)\w* (\w+ ){0,8}(voor|om) (de |een |het |mijn |m n )?(schommel|"
    r"hangstoel|hangmat|klimwand|tent|tentje|lamp|spiegel|fiets|fietsen|kerstverlichting|was|waslijn|"
    r"planten|bokszak)\w*|(koord|snoer) van de (kerstverlichting|lamp|lampjes)|mes in (mijn|m n) hand om "
    r"(\w+ ){0,2}te (snijden|schillen)|(geweer|jachtgeweer)\w* (\w+ ){0,8}(schoon|schoonmaken|poets|"
    r"poetsen) (\w+ ){0,2}voor (het jachtseizoen|de jacht)|speelgoed ?(pistool|geweer)\w*|"
    # "If I hear that one more time, I jump off the bridge."
    r"als ik (\w+ ){0,3}nog (een|1|een keer) keer (\w+ ){0,8}((spring|gooi) ik (mezelf |me )?(\w+ ){0,2}"
    r"(uit het raam|van de brug|van het dak|voor de trein)|schiet ik (mezelf|me) (neer|dood|overhoop) "
    r"(\w+ )?(haha\w*|lol|hihi|xd|grapje))|"
    # Violence that is over, and someone else's death by an overdose.
    r"vroeger (\w+ ){0,8}(werd|werden) (ik|we) (\w+ )?(geslagen|mishandeld|geschopt|bedreigd)|"
    r"(overleden|gestorven|dood gegaan|doodgegaan) aan een overdosis|"
    # Leaving social media for good; a death wish or suicidal thoughts long over; a questionnaire's
    # question answered with no; a letter about feeling lonely; a farewell video for a colleague; pills
    # set out for someone one cares for, or as the doctor said.
    r"voorgoed weg van (tiktok|instagram|insta|facebook|twitter|snapchat|whatsapp|social media|sociale "
    r"media|x)\b|(vroeger|in mijn tienertijd|als tiener|als puber|in mijn jeugd|toen ik (\d+|jong|jonger|"
    r"tiener|puber) was) wilde ik (\w+ ){0,2}(dood|er (\w+ )?niet meer zijn|niet meer leven) (\w+ ){0,3}"
    r"(nu|maar) (\w+ ){0,8}(niet meer|al jaren niet|al lang niet|(gaat het|het gaat) (\w+ )?goed)|(vroeger|"
    r"toen) "
    r"(\w+ ){0,2}(mezelf|me) (\w+ ){0,3}(geslagen|gesneden|gekrast|pijn gedaan) (\w+ ){0,6}(doe|deed) ik "
    r"(\w+ ){0,2}(al lang|al jaren|niet meer)|(vroeger|toen|ooit) (\w+ ){0,3}(met )?(een handvol|een hand "
    r"vol|al mijn|mijn|de) pillen (\w+ ){0,4}(gestaan|gezeten|gehad) (\w+ ){0,3}(dat is|is dat) (\w+ ){0,2}"
    r"(\d+|jaren|jaar|lang) (\w+ )?(terug|geleden)|(zie|zag) (het|t) (\w+ )?niet meer zitten met (dat|die|"
    r"de|het|mijn|dit|deze) (\w+ ){0,2}(huis|studentenhuis|baan|werk|studie|opleiding|school|buren|buurt|"
    r"auto|club|team|relatie|plan|project|verbouwing)\w*|suicidepreventie|suicide preventie|zelfmoord "
    r"preventie|(werkstuk|scriptie|opdracht|presentatie|spreekbeurt|cursus|training) (\w+ ){0,2}over "
    r"(zelfmoord|suicide|zelfdoding)\b|(wel eens|ooit|vroeger) aan (zelfmoord|zelfdoding) gedacht "
    r"(\w+ ){0,10}(dat is|is dat) "
    r"(\w+ ){0,2}(voorbij|verleden tijd)|(vroeg|vraagt|vragen|vroegen) of ik (\w+ ){0,3}(zelfdoding|"
    r"zelfmoord) (denk|dacht) (nee|neen)\b|brief (\w+ ){0,2}geschreven over (hoe|mijn) (\w+ ){0,3}(eenzaam|"
    r"alleen|verdrietig|moeilijk|gevoelens|gevoel)\b|afscheids(video|filmpje|feest|feestje|borrel|"
    r"receptie|cadeau|kaart|etentje|lunch)\w* (\w+ ){0,2}voor (een|onze|mijn|de) (collega|juf|meester|"
    r"leraar|docent|buurvrouw|buurman|trainer|baas|voorzitter)\w* die (\w+ ){0,3}(met pensioen|weggaat|"
    r"vertrekt|verhuist|stopt)|(pillen|medicijnen|medicatie) (\w+ ){0,3}(voor|van) (mijn |m n )?(moeder|"
    r"vader|man|vrouw|partner|oma|opa|zoon|dochter|client|patient)\w* (\w+ ){0,2}klaar(gezet|gelegd|"
    r"leggen|zetten)|(pillen|medicijnen|tabletten) (\w+ ){0,2}(liggen|staan) klaar (\w+ ){0,6}(dokter|"
    r"huisarts|arts|apotheker) (\w+ ){0,4}(elke|iedere) (avond|ochtend|dag)\b|"
    # Work and hobbies: a train accident heard of at work, a rope to hoist bales, a cut by accident,
    # first aid for an overdose, a game where one jumps from roofs, an old last message, self-harm
    # or suicidal thoughts long past.
    r"(aanrijding|ongeluk|melding) (\w+ ){0,4}op het spoor|touw (\w+ ){0,8}om (\w+ ){0,3}(op te takelen|te "
    r"takelen|op te hijsen|vast te binden|te binden|vast te zetten)|(mezelf|me) (\w+ ){0,3}per ongeluk "
    r"(\w+ ){0,2}(gesneden|gebrand|geprikt|verwond|geslagen)|(in|aan) (mijn|m n) (vinger|duim) gesneden|"
    r"(cursus|ehbo|geleerd|les) (\w+ ){0,8}(bij|over) een overdosis|(spel|game|film|serie)\w* waarin (je|"
    r"hij|ze|men) (\w+ ){0,3}(springt|schiet|doodgaat|sterft)|laatste (berichtje|bericht|appje) is van "
    r"(\w+ ){0,3}(geleden|gisteren|vorige)|((vroeger|toen) (\w+ ){0,2}zelfmoordgedachten (\w+ ){0,2}(nu|"
    r"maar) (\w+ ){0,3}(al )?(\d+|jaren|lang|maanden) (\w+ ){0,2}niet meer|vroeger (brandde|sneed|kraste|"
    r"sloeg|stompte) ik (mezelf|me) (\w+ ){0,10}(\d+|jaren|jaar|lang) (\w+ )?geleden (\w+ ){0,6}(niet "
    r"meer|nooit meer))(?!( \w+){0,8} (weer|opnieuw|terug)\b)|"
    # "I would never harm myself" (unless "but" follows); an overdose years ago.
    r"((zou|zal|ga|wil) (mezelf|me) (\w+ )?(nooit|niet) (\w+ )?iets (aandoen|aan doen)|niet van plan (om )?"
    r"(mezelf|me) (\w+ )?iets aan te doen)(?!( \w+){0,6} (maar|behalve|tot)\b)|(\d+|twee|drie|vier|vijf|"
    r"tien|jaren|vele|paar|aantal|enkele) (jaar|jaren|maanden) geleden (\w+ ){0,5}(een )?overdosis (\w+ )?"
    r"(genomen|gehad)(?!( \w+){0,8} (weer|opnieuw|terug)\b)|"
    # Simple Dutch: burning oneself "vroeger ... nu niet meer", scratching a mosquito bite, hit last
    # year and safe now, the last week at school or work.
    r"vroeger (ik )?(brandde|sneed|kraste|sloeg) (ik )?(mezelf|me) (\w+ ){0,3}nu niet meer|(krab|krabben|"
    r"krabde) (\w+ ){0,3}(want|omdat|door) (\w+ ){0,4}(muggenbult|muggebult|jeuk|eczeem|uitslag|bult)|"
    r"(geslagen|mishandeld|bedreigd) (\w+ ){0,3}(vorig jaar|jaren geleden|lang geleden|vroeger)(?!( \w+)"
    r"{0,8} (weer|opnieuw|terug)\b)|laatste (dag|week|maand|jaar) (op|van|bij) (school|het werk|werk|de "
    r"opleiding|stage|de basisschool|de club|kantoor)\b|"
    # Thinking about death harmlessly: boats watched from a bridge, "het is mooi geweest" for today,
    # unsure whether the pills were taken, afraid of not waking up after surgery.
    r"(op|bij) de brug (\w+ ){0,6}(om )?naar de (schepen|boten|boot|eenden|zonsondergang|lichtjes|vissers|"
    r"meeuwen|vuurwerk) (te )?(kijken|kijk)|(het is|is het) mooi geweest voor (vandaag|vanavond|nu|deze "
    r"week)\b|(weet|wist) (\w+ ){0,2}niet (meer )?of ik (\w+ ){0,3}(pillen|medicijnen|tabletten|pil) (\w+ )"
    r"{0,2}(al )?(heb )?(genomen|ingenomen)|bang (\w+ ){0,2}dat ik (\w+ ){0,3}niet meer wakker (word|wordt)|"
    # Suicidal thoughts as a student, with help back then; smoking on the balcony.
    r"((in mijn|als) (studententijd|tienertijd|jeugd|student|tiener|puber) had ik (zelfmoordgedachten|"
    r"suicidale gedachten) (\w+ ){0,8}(hulp|voorbij|over)\b)(?!( \w+){0,8} (weer|opnieuw|terug)\b)|op "
    r"(het|mijn) balkon (\w+ ){0,3}(sigaret|sigaretje|peuk|jointje)\w* (te )?(roken|rook)\b|"
    # Anger and violent idioms: a parent who will "kill" me when they find out, laughed-off threats,
    # "me dood ergeren", violence or being locked in years ago, a knife for the onions, a date chosen
    # for something else, a goodbye message to an old job.
    r"(mijn moeder|mijn vader|mijn ouders|mama|papa|mijn oma|mijn opa|mijn baas|mijn zus|mijn broer) (\w+ "
    r"){0,2}(gaat|gaan|zal|zullen) (me|mij) (\w+ )?(vermoorden|doodslaan|afmaken|villen) als (ze|hij|zij) "
    r"(\w+ ){0,2}(hoort|horen|ziet|zien|weet|weten|leest|lezen|merkt|merken)\b|(slaat|slaan|vermoordt|"
    r"vermoorden|maakt|villen|schiet) (hij|ze|zij)? ?(me|mij) (\w+ ){0,4}(dood|af|de hersens in|levend)\b "
    r"(\w+ ){0,8}(haha\w*|hihi|lol|xd)|(me|mij|je) dood (ergeren|vervelen|schamen|lachen|schrikken|werken|"
    r"zoeken|betalen|wachten)\b|((jaar|jaren|maanden) geleden (\w+ ){0,3}in elkaar geslagen|(ooit|vroeger|"
    r"toen) (\w+ ){0,4}(bedreigd|geslagen|mishandeld) (\w+ ){0,3}(dat is|is dat) (nu |al )?(\w+ )?(jaar|"
    r"jaren|maanden) geleden|(sloot|sloten) (me|mij) (\w+ ){0,3}op (\w+ ){0,4}(dat is|is dat) (\w+ "
    r"){0,2}(jaar|jaren) geleden)(?!( \w+){0,8} (weer|opnieuw|terug)\b)|mes (\w+ ){0,4}om (de |het |een "
    r")?(\w+ )?(uien|groente|brood|vlees|aardappelen|appel|tomaten|kaas) (te )?(snijden|schillen)|datum (\w+ "
    r")?(gekozen|geprikt|bepaald) (\w+ ){0,3}(bel ik|voor (de|het|ons|onze|mijn) (verhuizing|bruiloft|feest|"
    r"etentje|reunie|afspraak|verjaardag|operatie|vakantie|bezoek|eerste date|date))|afscheidsbericht (\w+ "
    r"){0,6}(oude )?(werk|collegas|club|vereniging|baan|school)\b(?!( \w+){0,10} (brug|pillen|spoor|trein|"
    r"dood|leven|niet meer)\b)|"
    # About someone else: a swing hung from a tree, a last message from a week ago, trains
    # photographed from a viaduct, windows taped to paint.
    r"(schommel|hangmat|hangstoel|bokszak|vogelhuisje) (\w+ ){0,6}(touw|koord|touwen) (\w+ ){0,4}(aan|in|om) "
    r"(de|een) (boom|balk|tak)\b|laatste (berichtje|bericht|appje) (is|was) (van )?(\w+ ){0,3}(geleden|"
    r"gisteren|vorige)\b|(sta|staat|staan|zit|zat) (\w+ ){0,2}op (het|de|een) (\w+ )?(viaduct|spoorviaduct|"
    r"brug|dak|parkeergarage) (\w+ ){0,3}(treinen|vliegtuigen|foto s|fotos|de skyline|de zonsondergang|"
    r"vogels)\w* (te )?(fotograferen|spotten|kijken|filmen|maken)\b|(ramen|kieren|deuren) (\w+ ){0,2}"
    r"afgeplakt (\w+ ){0,2}om (te )?(kunnen )?(schilderen|verven|behangen|sauzen|klussen)\b|"
    # "Niet dat ik zelf dood wil" (unless "but" follows); self-harm a friend did long ago.
    r"niet dat ik (zelf )?(dood wil|niet meer wil leven|er niet meer wil zijn)\b(?!( \w+){0,6} (maar|"
    r"behalve)\b)|(deed|deden|doet) vroeger aan zelfbeschadiging|"
    # Waiting for someone at a bridge or canal, burnt on an oven dish, stars watched from a roof
    # terrace.
    r"(sta|zit) (\w+ ){0,4}(brug|kanaal|station|perron) (\w+ ){0,4}te wachten op (mijn|de|een) (vriendin|"
    r"vriend|moeder|vader|date|man|vrouw|zus|broer|collega|kinderen|bus|tram|boot|pont)\b|(gebrand|verbrand) "
    r"aan (de|het|een|mijn) (ovenschaal|oven|pan|strijkijzer|kachel|fornuis|theepot|waterkoker|bakplaat)\b|"
    r"(dakterras|balkon|dak) (\w+ ){0,6}naar de (sterren|maan|lichtjes|zonsondergang|vuurwerk) (te )?kijken|"
    # Someone who died by suicide; forgetting to eat, not on purpose.
    r"(overleed|overleden|gestorven|stierf) (\w+ )?(door|aan) (zelfdoding|zelfmoord|suicide)|(vergeet|"
    r"vergat|vergeten) (\w+ )?te eten (\w+ ){0,5}niet expres|"
    # Stories and lessons about suicide.
    r"(boek|boeken|serie|series|film|films|game|verhaal|roman|toneelstuk|documentaire|podcast|artikel|"
    r"voorlichting) (\w+ ){0,2}over (zelfmoord|suicide|zelfdoding)\b|"
    r"(boek|serie|film|game|verhaal|roman|toneelstuk|documentaire|podcast) (\w+ ){0,2}over (een |de )?(man|"
    r"vrouw|jongen|meisje|iemand|vader|moeder) die (\w+ ){0,6}(springt|sprong|pleegt|pleegde|ophangt|"
    r"ophing)\b|"
    r"(boek|serie|film|game|spel|verhaal|roman|toneelstuk|documentaire|podcast)\w* (\w+ ){0,8}zelfmoord "
    r"(pleegt|pleegde|plegen|gepleegd)|zelfmoordpreventie|suicide squad|(boek|serie|film|game|spel|"
    r"verhaal|roman|toneelstuk)\w* (\w+ ){0,8}(pleegt|pleegde|plegen) (\w+ ){0,3}zelfmoord"
)

# Groups of patterns; a message is at risk when any group matches.
_GROUPS: dict[str, str] = {
    # Suicide named directly, in Dutch or English.
    "suicide_named": r"zelfmoord|suicide|zelfdoding|van kant (te |wil |wilde |ga |gaan |zal )?maken|kill "
    r"myself|end my life|want to die|suicidal|take my (own )?life|(mezelf|me) (\w+ ){0,2}(doden|te doden|"
    r"doodmaken|dood te maken|vermoorden|van het leven beroven|om het leven (te )?brengen)",
    # An end to life.
    "end_of_life": r"(eind|einde|punt) (\w+ ){0,3}(aan|achter) (\w+ ){0,4}(maken|zetten|leven|alles)|"
    r"(eind|einde|punt) aan (mijn|het|m n) leven|stoppen met leven|kap ermee met leven|"
    r"(leven|bestaan) (is |heeft )?(voor mij )?(klaar|zinloos|geen zin|niks (meer )?waard|"
    r"niets (meer )?waard|wel gezien)|leven (wel )?gezien|geen zin (meer )?in (het |mijn )?leven|"
    r"(waarom|wat) (zou|moet) ik (nog )?(door(gaan)?|verder|leven|doorgaan met leven)|"
    r"geen (enkele )?reden (meer )?(om|tot) (\w+ ){0,2}(leven|door te gaan|verder te gaan)|"
    r"stap eruit voorgoed|(eruit|weg) (stappen|gaan) voorgoed|ermee ophouden voorgoed",
    # Not wanting to live or to be there.
    "not_live": r"niet meer (willen |te |wil )?(leven|bestaan|verder leven)|"
    r"(wil|wilt|wou|wilde) (\w+ ){0,4}niet meer (leven|zijn|verder|bestaan)|"
    r"er (gewoon |echt |liever |straks |dan )?niet meer (te )?(ben|wil zijn|willen zijn)|"
    r"ben er (\w+ ){0,2}niet meer($| (dat|als|want|straks|morgen|vanavond|binnenkort|voor))|"
    r"ben ik er (\w+ ){0,2}niet meer|niet meer (wakker|op)( te)? (worden|staan|opstaan)|"
    r"nooit meer (wakker|opstaan|op te staan|op staan)|wil (gewoon |echt )?niet meer$|"
    r"kan en wil niet meer|(slapen|inslapen) en (\w+ ){0,2}nooit meer",
    # Wanting to be dead.
    "death_wish": r"(wil|wilt|wou|wilde|zou willen|hoop|ga) (\w+ ){0,3}(dood|doodgaan|sterven|overlijden)"
    r"\b|(was|ben|lag) ik (maar|liever) dood|wou dat ik dood was|(beter|liever) dood|dood willen|"
    r"^(ik )?(wil )?dood$|(beter|best) (af )?(als|dat) ik er (\w+ ){0,2}niet (meer )?(ben|was|zou zijn)|"
    r"het (hoeft|hoef) (voor mij |van mij )?(allemaal |echt |gewoon |nu )?niet meer|"
    r"zie het (echt |gewoon |helemaal |allemaal )*niet meer zitten|zie het (echt |helemaal )?niet "
    r"zitten$|zie geen (uitweg|toekomst) meer|geen uitweg meer|het is (straks|bijna|dan) (voorbij|over)",
    # Being a burden to others.
    "burden": r"(beter|beter af) (\w+ ){0,2}zonder mij|(geen|niet) last meer van (me|mij)|"
    r"(eindelijk |straks )?(van me|van mij) verlost|niemand (zal|zou) me missen|"
    r"(merkt|ziet|mist) niemand (\w+ ){0,3}(als|dat) ik er niet|"
    r"niemand (merkt|ziet|mist) (\w+ ){0,3}(als|dat) ik er niet|wereld (is )?beter (af )?zonder",
    # Saying goodbye for good.
    "farewell": r"vaarwel|afscheidsbrief|mijn afscheid|afscheid (nemen )?van (iedereen|jullie|het leven)|"
    r"dit was het (dan|wel)$|dit was het dan|dit is het einde|laatste bericht|niemand houdt me (nog )?tegen|"
    r"(laat|zeg|vertel) (\w+ ){0,4}(weten|tegen) (\w+ ){0,3}dat (het )?niet (hun|jouw|jullie|zijn|haar) "
    r"schuld|(zeg|vertel) (tegen )?(\w+ ){0,3}dat ik (van )?(haar|hem|ze|jullie|hen) hou|"
    r"spullen weggegeven|alles (goed )?geregeld voor als ik|brief (\w+ ){0,3}(geschreven|klaar) "
    r"(\w+ ){0,3}(kinderen|familie|ouders)|(kinderen|familie|ouders) (\w+ ){0,3}brief (geschreven|klaar)|"
    r"(hou|houd) van jullie(,)? (allemaal )?(\w+ ){0,2}(vaarwel|dit was het|sorry)|"
    r"morgen is het zover|(heb|had) (het )?(goed )?uitgedacht",
    # Means and plans.
    "means": r"(pillen|medicijnen|slaappillen|paracetamol|oxazepam|tabletten|pijnstillers|strip|"
    r"doos|potje|slaapmiddel|insuline)\w* (\w+ ){0,6}(gespaard|verzameld|liggen klaar|klaargelegd|"
    r"bewaard|uitgeteld|in een keer|tegelijk|allemaal|in mijn hand|in me hand|naast me|klaar)|"
    r"(heleboel|hele doos|hele strip|alle|al mijn|handvol) (\w+ ){0,2}(pillen|medicijnen|slaappillen|"
    r"tabletten|paracetamol)|overdosis|strop|touw (\w+ ){0,4}(ophangen|op te hangen|hangen)|"
    r"(mezelf|me) (\w+ ){0,2}(ophangen|op te hangen|opknopen|verdrinken|laten overrijden|overrijden)|"
    r"opknopen|(voor|onder) (de|een) (trein|auto|vrachtwagen|bus|metro|tram) (\w+ ){0,2}(springen|spring|"
    r"gooien|lopen|stappen|liggen|te springen)|op het spoor|"
    r"(trein|spoor) (\w+ ){0,6}(springen|spring|voor te springen|ervoor te springen|gooien)|"
    r"gas (open|opengezet|aangezet)|(van|vanaf|af|uit|op) (het |de |een |mijn )?(flat|flatgebouw|dak|"
    r"brug|balkon|raam|toren)\w* (\w+ ){0,5}(springen|spring|gooien|te springen)|"
    r"(spring|springen) (\w+ ){0,3}(van|vanaf|uit|af) (het |de |een )?(flat|dak|brug|balkon|raam|"
    r"toren)|(ga|gaan) (\w+ ){0,2}van de (flat|brug|toren) af|rand van (het|de) (balkon|dak|brug)|"
    r"(sta|zit) (nu )?(op|bij) (de|het) (brug|dak|rand|spoor)\w*|gaan springen|ga springen|"
    r"(me|mezelf) (voor|onder) (\w+ ){0,3}gooien|tegen een (boom|muur) (\w+ ){0,2}(rijden|knallen)|"
    r"(mes|scheermes|scheermesje) (\w+ ){0,4}(mezelf|in mijn hand|polsen)|polsen (door)?snijden|"
    r"(zit|sta|lig) (\w+ ){0,4}met (een |de |het |mijn )?(scheermes|scheermesje|strop|touw)\b|"
    r"alles in een keer (\w+ )?(te )?(nemen|innemen|in te nemen|slikken)",
    # Self-harm.
    "self_harm": r"zelfbeschadiging|automutilatie|zelfverwonding|hurt myself|cut myself|"
    r"(snij|snijd|snijden|kras|krassen|bekras|bekrassen|kerf|kerven|brand|verbrand|sla(?!a?p)|bonk|"
    r"verwond|beschadig)\w* (ik )?(\w+ ){0,2}(mezelf|mijn (arm|armen|benen|been|pols|polsen|huid|hoofd|"
    r"dijen|buik))|(me|mezelf) (\w+ ){0,3}(gesneden|gekrast|gekerfd|verbrand|beschadigd|verwond|"
    r"pijn (gedaan|doen|te doen)|snijden|krassen|kerven|branden|beschadigen|verwonden|slaan|"
    r"uithongeren)|in (mijn|m n) (arm|armen|benen|been|pols|polsen|huid|dijen|buik) (\w+ ){0,2}"
    r"(gesneden|gekrast|gekerfd|snijden|krassen)|mezelf expres|(ga|ga ik) (mezelf|me) (\w+ )?"
    r"(wat|iets) (aan )?doen|(mezelf|me) (\w+ ){0,2}(wat|iets) ((wil|ga|zal|ging|gaat) )?aan ?(doe|doen|"
    r"te doen)\b|"
    r"verdien (het )?(om )?pijn|snij weer|ik snij\b",
    # Danger and violence.
    "violence": r"(slaat|schopt|mishandelt|bedreigt|wurgt|wurgde|sloeg|schopte|dreigt|achtervolgt|"
    r"volgt|stalkt) (me|mij|ons)\b|(slaat|sloeg|schopt) (hij|zij|ze) (me|mij)|"
    r"(word|wordt|werd|ben|zijn) (\w+ ){0,3}(geslagen|mishandeld|bedreigd|gewurgd|geschopt|verkracht|"
    r"opgesloten|in elkaar geslagen|aangevallen)|(heeft|had|hebben) (me|mij) (\w+ ){0,3}(gewurgd|"
    r"geslagen|geschopt|verkracht|opgesloten|bedreigd|aangevallen)|(heeft|hebben) (\w+ ){0,2}gedreigd "
    r"(me|mij)|(iemand|hij|zij|ze|man|vriend|vriendin|vader|moeder|partner|broer|zoon|buurman|ex) "
    r"(\w+ ){0,4}(met|heeft|had|pakt|pakte) een (mes|wapen|pistool|vuurwapen|bijl)|mes bij mij|"
    r"(wil|gaat|dreigt|zal) (me|mij) (te )?(\w+ ){0,2}(vermoorden|doden|doodmaken|dood (te )?maken|"
    r"iets aan(doen| te doen| doet)|neersteken|neerschieten)|(me|mij) (\w+ ){0,3}iets aandoet|"
    r"bang voor mijn leven|niet veilig (thuis|meer|hier)|ben in gevaar|in levensgevaar|"
    r"(gaat|ga) (me|mij) (\w+ ){0,2}vermoorden",
    # Endings, dates and "soon it will be over", phrased in other ways.
    "ending_more": r"(maak|maken) (er|het|alles) (\w+ ){0,2}(een )?(eind|einde|punt) aan|"
    r"(eind|einde|punt) aan (maak|maken)\b|"
    r"(leven|mezelf) (\w+ ){0,2}beeindigen|beeindig (\w+ ){0,2}(leven|mezelf)|"
    r"(voor|welke) zin (\w+ ){0,3}(om )?te leven|zin om (nog )?te leven|"
    r"(niks|niets) doet er (nog |meer )?toe|binnenkort (is het|ben ik) (\w+ )?(voorbij|weg|er niet meer)|"
    r"(hoeven|hoeft) (\w+ ){0,3}geen zorgen meer (\w+ ){0,2}(om|over) (mij|me)|"
    r"(dit|vandaag|morgen|deze week) (is|wordt) mijn laatste (dag|week|avond|nacht)|"
    r"besloten dat (\w+ ){0,2}mijn laatste|(weg|verdwijnen|vertrekken) (\w+ ){0,2}(voorgoed|voor altijd)|"
    r"(voorgoed|voor altijd) weg|weg van deze wereld|als ik (\w+ ){0,2}(weg|dood) ben voorgoed|"
    r"niemand (gaat|zal|zou) me (\w+ )?missen",
    # More means and places.
    "means_more": r"(spaar|verzamel|tel) (\w+ ){0,4}(pillen|slaappillen|medicijnen|tabletten)|"
    r"(neem|slik|spuit) (ze|alles|het|die) (\w+ )?(allemaal|tegelijk|in een keer)|"
    r"(heleboel|hele pot|pot|strip) (\w+ )?pillen (\w+ ){0,3}(naast|bij) me|"
    r"(touw|strop) (\w+ ){0,4}(balk|zolder|plafond|klaar)|"
    r"(rij|rijden|knal|knallen|crash|crashen) (\w+ ){0,5}tegen (een|de) (boom|muur|vrachtwagen|pijler)|"
    r"uitlaat (\w+ ){0,5}(binnen|auto)|slang (\w+ ){0,3}uitlaat|gaskraan (\w+ ){0,2}open|"
    r"(mes|scheermes|geweer|pistool|pillen|touw) (\w+ ){0,3}(klaarliggen|klaar liggen|klaargelegd)|"
    r"(geweer|pistool|wapen|jachtgeweer)\w* (\w+ ){0,10}(op mezelf|mezelf)|"
    r"op mezelf (\w+ ){0,2}(gebruiken|richten|schieten)|"
    r"(snelweg|spoor|rails|autoweg) op (\w+ )?(lopen|gaan)|"
    r"(de zee|het water|het kanaal|de rivier|de gracht) in (\w+ ){0,6}niet meer terug|"
    r"(auto|wagen) (\w+ ){0,3}(in|het) (kanaal|water|rivier|gracht)|"
    r"(ben|lig|sta|zit) (nu )?(op|aan|bij) (de|het) (dak|brug|rand|spoor|balkon)\w*|"
    r"(gebouw|flat|brug|dak|toren)\w* (\w+ ){0,4}(kan |ga |wil )?springen|"
    r"(van|vanaf) (welk|welke) (\w+ ){0,2}(springen|kan springen)",
    # More ways of hurting oneself.
    "self_harm_more": r"(krab|krabben|stomp|stompen|bijt|bijten|schop|schoppen) (\w+ ){0,2}"
    r"(mezelf|mijn (arm|armen|huid|benen|gezicht|hoofd))|(armen|huid|benen|polsen) (\w+ ){0,2}open "
    r"(krab|krabben|gekrabd|gesneden)|(aansteker|sigaret|strijkijzer) (\w+ ){0,3}(tegen|op) "
    r"(mijn|m n) (huid|arm|armen|been|benen|hand)|(glas|scherf|mes|scheermes|schaar)\w* (\w+ ){0,5}"
    r"(pols|polsen|arm|armen) (\w+ )?(opengehaald|opengesneden|gesneden|open)|"
    r"pols(en)? (\w+ ){0,2}opengehaald|(mijn|m n) eigen (\w+ )?(wat|iets) (aandoen|aan (te )?doen)|"
    r"(me|mezelf) gesneden (\w+ ){0,3}bloed",
    # More danger: locked in, strangled, threatened, stalked.
    "danger_more": r"(telefoon|mobiel) (\w+ ){0,2}afgepakt|(ik )?zit (hier )?(opgesloten|vast)$|"
    r"(heeft|had) me opgesloten|stalker|(keel|nek) (\w+ ){0,2}(gegrepen|dichtgeknepen|dichtgedrukt)|"
    r"bij (mijn|de) keel|(dreigt|dreigde|gedreigd) (\w+ ){0,4}(iets aan te doen|te vermoorden|pijn te "
    r"doen|te slaan|dood te maken)|(dreigt|dreigde|gedreigd) (\w+ ){0,8}(mes|wapen|pistool)",
    # Further phrasings of plans, farewells and danger.
    "plans_more": r"(mezelf|me) (\w+ )?(ombrengen|om te brengen|van kant helpen)|"
    r"(duurt|is) (het )?niet (lang|lang meer)( meer)?(,)? (\w+ ){0,3}(overal van af|er niet meer|weg)|"
    r"(ben|is) ik overal van af|(zeggen|zegt|vertellen|laten weten) (\w+ ){0,3}dat het niet "
    r"(hun|jouw|jullie|zijn|haar|mijn) schuld|(water|zee|kanaal|rivier) in (\w+ ){0,6}(niet meer uit|niet "
    r"meer terug)|(motor|auto) (\w+ ){0,2}(draait|loopt) (\w+ ){0,4}(dichte |gesloten )?garage|"
    r"(gebruik|gebruiken) (\w+ ){0,2}op mezelf|(verdien|verdiend) (het )?(geen|niet) (eten|te eten|"
    r"te leven)|eet (gewoon |expres )?(niet meer|niks meer|niets meer) (\w+ ){0,4}(expres|verdien|"
    r"straf)|(kneep|knijpt|drukte|drukt) (\w+ ){0,2}(keel|nek) (\w+ )?dicht|this is goodbye|"
    r"written (letters|a letter) for|trein die niet stopt|(gas|gaskraan) (\w+ ){0,4}(opengezet|open "
    r"gezet|opendraaien|open draaien)|(ik|jij) (ben|bent) de volgende|"
    r"(maak|maken) (ik )?het (vanavond |vannacht |morgen )?af$|vanavond maak ik het af",
    # Dates and farewells, weapons, overdoses, and danger to the children.
    "plans_dated": r"datum (\w+ )?(gekozen|geprikt|bepaald)|(dan|morgen|vrijdag|zaterdag|zondag|maandag|"
    r"dinsdag|woensdag|donderdag|vannacht|vanavond|straks) (\w+ ){0,3}is het (klaar|voorbij|over)\b|"
    r"(brief|brieven) (\w+ ){0,3}(geschreven|klaar) (\w+ ){0,3}(voor|aan) (mijn|de) (kinderen|familie|"
    r"ouders|man|vrouw)|testament (\w+ ){0,3}(klaar|geregeld|getekend|aangepast|gemaakt) (\w+ ){0,20}"
    r"(nu nog|dan ben ik weg|is het tijd|kan ik (\w+ )?gaan|pillen)\b|neem (\w+ )?afscheid$|"
    r"afscheid (\w+ ){0,2}van iedereen|[1-9]\d+ (\w+ )?(pillen|oxazepam|temazepam|diazepam|lorazepam|"
    r"paracetamol|ibuprofen|tabletten|slaappillen|medicijnen) (\w+ )?(geslikt|ingenomen|genomen)|"
    r"(loop|ga|rij|fiets) (\w+ ){0,3}(de snelweg|het spoor|de rails) op|(me|mij|mezelf) (\w+ ){0,2}"
    r"(verzuipen|verdrinken)|(stuur|sturen|rij|knal) (\w+ ){0,5}tegen (een|de) (\w+ ){0,4}(boom|muur|"
    r"pijler|vrachtwagen)|aders? (\w+ )?(open|openmaken|doorsnijden|opensnijden)|"
    r"mezelf (\w+ ){0,2}(dood)?schieten|schiet (ik )?mezelf|doodschieten|"
    r"(vannacht|vanavond|straks) (\w+ ){0,3}(de zee|het water|het kanaal) in\b",
    "self_harm_burn_hit": r"(arm|armen|huid|been|benen|hand) (\w+ ){0,3}(aansteker|sigaret|strijkijzer) "
    r"(\w+ )?(verbrand|gebrand)|(sigaret|sigaretten) (\w+ ){0,3}uit op (mijn|m n) (huid|arm|armen|"
    r"been|hand)|(me|mezelf) (\w+ ){0,3}(geslagen|gestompt|gekrabd|gebrand)\b|in (mijn|m n) "
    r"(bovenbenen|onderarmen|onderarm|bovenbeen|dijen|buik|polsen|pols) (\w+ ){0,2}(gesneden|gekrast)",
    "danger_children": r"(geduwd|geslagen|geschopt) (\w+ ){0,4}gedreigd|gedreigd dat (het )?(\w+ )?erger|"
    r"(kinderen|kind|mij|me) (\w+ )?iets aan(doet| doen| te doen)|(staat|staan) (\w+ ){0,2}voor "
    r"(de|mijn) deur (\w+ ){0,5}(schopt|bonkt|slaat|binnenkomt|dreigt)|(mij|me|ons|mijn kinderen|"
    r"de kinderen|mijn kind|mijn moeder|mijn vader) (\w+ ){0,2}(gaat |gaan |zal |wil )?(vermoorden|"
    r"doodmaken)|(slaat|sloeg|schopt|schopte) (\w+ ){0,2}(me|mij)\b|dat ik de volgende ben|"
    r"(heeft|had) (\w+ ){0,3}gewurgd",
    # Poison and household chemicals, drunk or about to be.
    "poison": r"(bleekmiddel|chloor|ontstopper|gootsteenontstopper|antivries|rattengif|gif|bleach|"
    r"drain cleaner|wasbenzine|terpentine|accuzuur)\w* (\w+ ){0,4}(drink|drinken|gedronken|slikken|geslikt|"
    r"opdrinken|opgedronken|innemen|ingenomen|drank)|(drink|drinken|gedronken|slok|slikken|geslikt|drank) "
    r"(\w+ ){0,4}(bleekmiddel|chloor|ontstopper|antivries|rattengif|gif|bleach|wasbenzine|accuzuur)",
    # Veins and wrists, cut or about to be.
    "veins": r"(aders|aderen|ader|polsen|pols)\b (\w+ ){0,4}(open|door)?(snijden|gesneden|snijd|snij|"
    r"opengesneden|opensnijden|doorgesneden|doorsnijden|opengehaald|openhalen|open te snijden)|"
    r"(snij|snijd|snijden|gesneden|opensnijden|doorsnijden)\w* (\w+ ){0,4}(aders|aderen|polsen)\b",
    # Exhaust fumes in a closed garage.
    "exhaust": r"(motor|auto) (\w+ ){0,8}(draaien|draait|aan laten|laat lopen) (\w+ ){0,6}(garage|deur dicht|"
    r"deuren dicht)|garage (\w+ ){0,8}(motor|uitlaat) (\w+ ){0,4}(draaien|draait|aan)",
    # Burning oneself on purpose.
    "burn": r"(hand|arm|armen|huid|vingers) (\w+ ){0,4}(tegen|op) (de |het |een )?(hete |gloeiende )?"
    r"(kookplaat|fornuis|strijkijzer|pan|oven|kachel|vuur|vlam)\w* (\w+ ){0,4}(gedrukt|gehouden|gelegd|"
    r"tot)|(verdien|verdiende) (ik )?(dat|het)$",
    # Wanting the body to stop, starving on purpose.
    "starve": r"(lichaam|hart) (\w+ ){0,3}(ermee )?(ophoudt|stopt|opgeeft|ophouden)|"
    r"(eet|eten) (\w+ ){0,4}(niks|niets|niet) (meer )?(\w+ ){0,3}(expres|omdat ik (\w+ ){0,2}(dood|wil dat))|"
    r"starv(e|ing) myself",
    # One way out, chosen; a date; a final goodbye; quiet for ever.
    "decided": r"(een|1|enige|maar een) (manier|uitweg|oplossing) (\w+ ){0,6}(gekozen|gevonden|over)|"
    r"(die|deze) (heb ik|ga ik) (\w+ )?(gekozen|nemen)$|datum (\w+ ){0,2}(staat )?(vast|gepland)|"
    r"stap (ik )?eruit|(stil|rust|rustig) (\w+ ){0,5}voor altijd|voor altijd (stil|rust|slapen)|"
    r"eeuwige rust|(laatste keer|voor het laatst) (\w+ ){0,4}(gedag|dag|gebeld|gezien|gesproken|"
    r"gezegd)|(gedag|dag) (\w+ ){0,3}(zeggen|gezegd) (\w+ ){0,4}(laatste keer|voor het laatst)|"
    r"(was|is) (het )?mooi geweest|(dag|doei) allemaal (\w+ ){0,6}ik ga nu|"
    r"(achter|achterlaten) (\w+ ){0,2}als ik (ga|er niet meer ben|weg ben|dood ben)|"
    r"(besloten|gekozen) (\w+ ){0,8}niet meer (verder|door)|weet (ook )?al hoe\b|"
    r"van het leven (\w+ ){0,2}(te )?beroven|strop|touw (\w+ ){0,3}(hangt|hangen|opgehangen) (\w+ ){0,3}"
    r"(schuur|zolder|balk|plafond|boom|trap|garage|klaar)",
    # Someone else at risk: a child, partner or friend who wants to die or hurts themselves.
    "someone_else": r"(dochter|zoon|kind|vriend|vriendin|moeder|vader|broer|zus|man|vrouw|partner|"
    r"kleinkind|nichtje|neefje|buurvrouw|buurman|leerling)\w* (\w+ ){0,8}(dood wil|dood wilt|wil dood|"
    r"niet meer wil leven|zelfmoord|er een eind aan|zichzelf (wat )?aan)|"
    r"(krast|snijdt|kerft|brandt|bekrast) (\w+ ){0,3}(zijn|haar|hun) (armen|arm|polsen|pols|benen|"
    r"huid|dijen)|dood (wil|wilt|wou|willen)\b",
    # Abuse at home, pushed, threatened with death.
    "abuse": r"misbruik\w*|aangerand|betast|doet dingen (\w+ ){0,2}die ik niet wil|"
    r"(komt|kwam) (\w+ ){0,3}(nachts|s nachts|snachts) (\w+ ){0,3}(op|naar) (mijn|m n) kamer|"
    r"(duwde|duwt|gooide|gooit|trapte|trapt) (me|mij) (\w+ ){0,3}(van de trap|tegen|op de grond|"
    r"uit|in)|volgende keer (\w+ ){0,4}(niet meer (op)?sta|dood|niet meer wakker|niet overleef)",
    # More plans: waking up no more, pills crushed or swallowed by the strip, heights, fumes, weapons.
    "plans_further": r"niet meer wakker (werd|word|zou worden)|"
    r"last voor iedereen (\w+ ){0,6}(ophouden|voorbij|stoppen|binnenkort)|"
    r"(niemand|jullie) (\w+ ){0,3}(meer )?met (mij|me) (opgescheept|opgezadeld)|"
    r"(hele|volle|alle|al mijn|handvol|heleboel) (strip|doos|pot|potje|fles|pillen|medicijnen|\w+) "
    r"(\w+ ){0,4}(opgeslikt|geslikt|ingenomen)|(pillen|slaappillen|medicijnen|tabletten)\w* (\w+ ){0,4}"
    r"(fijngemaakt|vermalen|opgelost|fijngestampt)|wil (\w+ )?springen$|(parkeergarage|flat|dak|brug|"
    r"toren|balkon|klif|rots)\w* (\w+ ){0,8}(springen|naar beneden (\w+ ){0,3}(springen|spring))|"
    r"(touw|strop) (\w+ ){0,8}(balk|haak|zolder|plafond)|(barbecue|bbq|houtskool|kolen)\w* (\w+ ){0,5}"
    r"(slaapkamer|badkamer|binnen)|ramen (\w+ ){0,2}afgeplakt|kieren (\w+ ){0,2}(dicht|afgeplakt)|"
    r"(scherf|mes|mesje|scheermes|glas|schaar)\w* (\w+ ){0,3}(tegen|op|in) (mijn|m n) (pols|polsen|"
    r"arm|armen|keel|hals)\b|voor als ik de moed (heb|vind)|(pistool|geweer|wapen|vuurwapen) (\w+ ){0,3}"
    r"(geregeld|gekocht|geleend|gehaald|gepakt)|expres (niks|niets|niet) (meer )?(eet|eten|gegeten)|"
    r"(eet|eten|gegeten) (\w+ ){0,4}expres (niks|niets|niet)",
    # More danger at home: weapons taken up, threats to "get" or "take along".
    "danger_further": r"(heeft|pakt|pakte) (hij|zij|ze)? ?(\w+ )?(een|het|zijn|haar) (mes|wapen|pistool|"
    r"geweer|bijl)|(slaat|sloeg|schopt|schopte) (mijn|de) (moeder|vader|zus|broer|kinderen|kind)\b|"
    r"(gaat|zal|komt) (me|mij) (\w+ )?pakken\b|(me|mij) (gaat|zal|komt) (\w+ )?pakken\b|"
    r"(ons|jullie) (allemaal )?meeneemt|neemt (ons|jullie) "
    r"(allemaal )?mee\b",
    # Overdoses already taken, someone else ending it, deadly threats, goodbyes.
    "taken_and_threatened": r"(alles|alle pillen|de pillen|mijn pillen|mijn medicijnen|al (mijn|m n) "
    r"\w+) (\w+ ){0,2}(al )?(ingenomen|genomen)\b|(in (1|een)( keer|x)) (\w+ )?(genomen|"
    r"ingenomen|geslikt)|(doos|strip|fles|pot) (\w+ ){0,3}op (\w+ ){0,4}(suf|slaperig|duizelig|misselijk)|"
    r"(zegt|zei|schrijft|appt|stuurde) (\w+ ){0,2}dat (hij|ze|zij) (er )?(\w+ ){0,2}(een )?(eind|einde) "
    r"aan (maakt|gaat maken)|afscheidsbericht|uit het leven (stap|stappen|te stappen|gaan)\b|"
    r"(zegt|schreeuwt|schreeuwen|roept|roepen|dreigt|berichten|appt) (\w+ ){0,3}dat (hij|ze|zij) (\w+ ){0,3}"
    r"(vermoordt|doodmaakt|kapotmaakt|afmaakt)\b|om (me|mij|hem|haar|ons) af te maken\b|"
    r"als ik er (morgen|vanavond|vannacht|straks|binnenkort) niet meer ben|"
    r"(fohn|fohnen|haardroger|broodrooster|radio) (\w+ ){0,5}(bad|in het water)|"
    r"(bad|in het water) (\w+ ){0,4}(fohn|haardroger|broodrooster)|"
    r"(kanaal|water|zee|rivier|gracht) (\w+ ){0,4}(niet meer|nooit meer) (uit|terug)|"
    r"niet meer nodig (\w+ ){0,2}waar ik heen ga|hoeven (me|mij) niet (meer )?te zoeken|"
    r"(stop|stoppen) ik ermee (\w+ ){0,3}(besloten|beslist)|het is besloten|"
    r"wake up tomorrow|(drive|crash) (my )?(car )?into|(use|used) it on me|this is my goodbye|"
    r"finally going to do it|edge of the (roof|bridge|building)",
    # Breathing on, a bus, heights and quick ways out, telling no one, going for good, urges to cut,
    # locked up without food, someone unconscious.
    "heldout_2026_11_30": r"(zin|nut|waarom) (\w+ ){0,5}blijven (ademen|leven|bestaan)|"
    r"onder (een|de) (bus|trein|auto|tram|vrachtwagen) (kom|kwam|zou komen|loop|liep) (\w+ ){0,5}"
    r"(best|prima|goed|niet erg|maakt (me )?niet uit)|(val|sprong) (\w+ ){0,2}niet (te )?overleven|"
    r"hoe hoog (\w+ ){0,3}(brug|flat|gebouw|dak|toren) (\w+ ){0,3}om\b|(snelste|makkelijkste|pijnloze|"
    r"pijnloos|zekerste|beste) (manier|methode|weg) (\w+ ){0,3}(om )?(eruit te stappen|er uit te stappen|"
    r"dood te gaan|te sterven|een eind|er een eind|zelfmoord|mezelf)|eruit (te )?stappen zonder (dat het )?"
    r"pijn|(niemand|niet) (\w+ ){0,3}(zeggen|vertellen) wat ik (ga|wil) doen|\bga (nu |dan )?voorgoed\b|"
    r"(urge|drang|neiging) (\w+ ){0,3}(cutten|snijden|krassen|sh)\b|\b(cutten|gecut)\b|"
    r"(sluit|sluiten|sloot|sloten) (\w+ )?(me|mij) (\w+ ){0,4}op\b|(krijg|krijgen|kreeg) (\w+ ){0,4}geen "
    r"(eten|te eten|drinken)|niet (meer )?aanspreekbaar|bewusteloos|leeg (\w+ )?(potje|doos|strip) "
    r"(\w+ )?(pillen|medicijnen|slaappillen)",
    # Being the problem that goes away, hoping for an accident, sleeping for good, a date, not
    # wanting to be found, a rope bought or hung, a goodbye before going, cutting again, a parent
    # attacking the other, nearly going into the water.
    "heldout_2026_11_30_second": r"als ik (er )?(wegval|weg ben|verdwijn) (\w+ ){0,4}(opgelost|beter af|"
    r"makkelijker|verlost)|(op|over) (me|mij) (in)?(rijdt|rijden|valt|vallen|inrijdt) (\w+ ){0,5}(prima|"
    r"best|niet erg|fijn|goed|maakt (me )?niet uit)|zonder (te )?(kijken|uit te kijken) (\w+ ){0,8}"
    r"(misgaat|mis gaat|dan maar|jammer dan|dan is dat maar zo)|hoop (\w+ ){0,12}(valt|rijdt|instort|"
    r"neerstort) (\w+ ){0,6}(terwijl|als|wanneer) ik (erin|eronder|erbij|daar|eronder) (lig|sta|zit)|"
    r"(inslapen|in slaap vallen|slapen) en (dat )?(het )?(dan )?(gewoon )?(gedaan|voorbij|over|klaar) "
    r"(is|zijn)\b|er (\w+ )?een (punt|eind|einde) (achter|aan) (zet|maak)\b|(wil|mag) (\w+ )?niet dat "
    r"(\w+ ){0,3}(mij|me) (vindt|vinden|gaat vinden)|wie (mij|me) (straks |morgen )?(vindt|gaat vinden|"
    r"zal vinden)|(touw|strop) (\w+ ){0,4}al (\w+ ){0,4}(gehaald|gekocht|klaargelegd|klaar)|"
    r"(touw|strop) (\w+ ){0,4}(kelder|schuur|zolder|garage|balk|trap) (\w+ ){0,2}(opgehangen|gehangen)|"
    r"met een gerust hart (heengaan|sterven|gaan)\b(?! (slapen|naar|op|werken|wandelen|zitten|verhuizen))|"
    r"(een|1) keer (\w+ ){0,3}(gedag|dag|vaarwel) (\w+ ){0,2}(zeggen|gezegd) (\w+ ){0,2}voor(dat)? ik "
    r"(ga|vertrek)\b|(weer|opnieuw) (\w+ ){0,2}(begonnen|gestart) (met )?(snijden|krassen|cutten|kerven)|"
    r"los (gegaan|gaat|ging) op (mijn|m n|me|mij|ons)\b|(wilde|wou) (bijna|echt) (\w+ ){0,2}"
    r"(in het water|het water in|de rivier in|de zee in|het kanaal in)",
    # Why one should still be here, wishing one had gone along with a partner who died, no wish to
    # wake up or to exist, a deadline made with oneself, cutting right now, someone saying they will
    # do it now, a place by deep water looked at.
    "heldout_2026_11_30_fourth": r"waarom (moet|zou|zal) ik (hier |er )?nog (hier |er )?(zijn|blijven|"
    r"leven|bestaan)\b|(was|had|ben) ik maar (\w+ ){0,3}meegegaan|(geen )?zin (meer )?in (er zijn|"
    r"bestaan|wakker (worden|te worden)) (\w+ ){0,3}(ook|meer|ook niet)\b|ook niet in (er zijn|bestaan|"
    r"wakker worden)\b|(stop|kap) ik (er)?mee (\w+ ){0,6}(met mezelf|met mijzelf) afgesproken|"
    r"(zit|ben|sta|lig) (\w+ )?(te |aan het )?(krassen|snijden|cutten|kerven)\b(?! (op|aan|in) (een|het|"
    r"de|mijn|m n) (\w+ )?(lot|loten|kraslot|krasloten|hout|brood|groente|uien|vlees|papier))|"
    r"(zegt|zei|roept|riep|appt|appte|schrijft|schreef|dreigt) (\w+ ){0,2}dat (ze|hij|die|zij) het "
    r"(\w+ ){0,2}(nu|vannacht|vanavond|straks|echt) (gaat|zal|gaan) doen|(plek|plaats|stuk|plekje) "
    r"(\w+ ){0,6}(bekeken|uitgezocht|opgezocht|gevonden|gezien) (\w+ ){0,8}(water (\w+ )?diep|diep water|"
    r"spoor|brug|flat|dak)",
    # Making it look like an accident, rehoming a pet before not being there, which height is enough,
    # someone refusing food and drink, how long before one is found, cutting deeper.
    "heldout_2026_11_30_fifth": r"(zo|zodat|dat) (\w+ ){0,3}(op|als) een ongeluk (lijkt|lijken|uitziet|"
    r"eruit ziet)|(hond|honden|kat|katten|poes|konijn|vogels?|kinderen|planten) (\w+ ){0,4}(nemen|"
    r"hebben|opvangen|overnemen|verzorgen) (\w+ ){0,6}ben er (\w+ ){0,4}niet meer|ben er (na|vanaf|"
    r"over|voor) (\w+ ){0,3}niet meer$|(welke|hoeveel|wat voor) (hoogte|verdiepingen|meter) (\w+ ){0,3}"
    r"(genoeg|voldoende|nodig|dodelijk)|hoe hoog (\w+ ){0,4}(genoeg|dodelijk)|(weigert|stopt|gestopt|"
    r"stopte) (\w+ ){0,4}(met )?(te )?eten en (te )?drinken|(voordat|voor|tot) (iemand|ze|men|mensen|de "
    r"buren) (je|me|mij|mijn lichaam) (\w+ )?(vindt|vinden|vind|ontdekt|ontdekken)\b|(denk|denken|dacht)"
    r" (\w+ ){0,3}aan (snijden|krassen|kerven|cutten)\b|aan (snijden|krassen|kerven|cutten) (\w+ )?"
    r"(denken|gedacht)|(snijden|krassen|snij|kras|kerven) (\w+ ){0,12}dieper\b",
    # The middle ground between very sad and acute: joining someone who died, not living to a
    # birthday or a month, a bag over the head, falls from a height, pills bought in several shops, a
    # failed attempt to be tried again, farewells to the chat, stepping in front of a bus, legs over a
    # window sill, which medicines are deadly, staying only for a pet, not being there by an
    # appointment, sleep or silence for ever, wishing for an accident, no reason to wake up.
    "corpus_2026_11_30_i": r"(overleden|overleed|dood|begraven|gestorven|er niet meer is) (\w+ ){0,10}"
    r"(bij (hem|haar) (kom|komen|zijn|wil zijn)\b|naar (hem|haar) toe\b|(met|achter) (hem|haar) (mee|aan)"
    r"\b)|laat (mij|me) ook maar gaan|ik (ga|word|haal) (de |geen )?\d+ (niet|nooit)? ?(meer )?(worden|"
    r"halen|meemaken)\b|ik ga geen \d+ worden|(ga|zal) (\w+ ){0,2}(januari|februari|kerst|oud en nieuw|"
    r"mijn verjaardag|volgend jaar|de zomer|de lente) (niet|nooit) (meer )?(meemaken|halen)|"
    r"zak (\w+ ){0,3}over (mijn|m n|je) hoofd|hoe lang (\w+ ){0,4}(met|in) een (plastic )?zak|"
    r"(van|vanaf) (\d+|tien|twintig|dertig|veertig|vijftig|honderd) (meter|verdiepingen) (hoog )?(valt|"
    r"springt|vallen|springen)\b|(paracetamol|pillen|slaappillen|medicijnen|tabletten) (\w+ ){0,4}(gekocht|"
    r"gehaald) (\w+ ){0,3}(verschillende|meerdere|allemaal andere) (winkels|drogisten|apotheken)|"
    r"poging gedaan (\w+ ){0,4}(lukte niet|mislukt) (\w+ ){0,6}(opnieuw|nog een keer|weer)\b|"
    r"fijn (om )?(je|jullie|u) gekend te hebben|(jij|u) bent de laatste (met wie|die|tegen wie) ik "
    r"(\w+ )?(praat|spreek|schrijf)|(stap|stappen|spring|springen) (\w+ ){0,3}voor (een|de) (bus|trein|"
    r"auto|vrachtwagen|tram|metro)\b|(vensterbank|reling|balkonrand|dakrand|leuning) (\w+ ){0,4}(benen|"
    r"voeten) (\w+ )?(buiten|over)\b|(welke|hoeveel) (\w+ ){0,2}(medicijnen|pillen|tabletten|middelen) "
    r"(\w+ ){0,4}dodelijk|anders was ik (al )?(lang |allang )?(weg|er niet meer|dood)\b|(niet|nie) dat "
    r"ik er (dan )?nog ben|(mijn|m n) leven (\w+ ){0,2}afsluiten|(inslapen|slapen|stilte|verdwijnen) "
    r"(\w+ ){0,2}voor altijd|(wens|hoop) (\w+ ){0,4}(een )?ongeluk (krijg|krijgen|overkomt)\b|"
    r"overleef ik niet (\w+ ){0,2}(wil|hoef) ik (ook )?niet|geen reden (meer )?(om )?(nog )?(wakker te "
    r"worden|op te staan)|(al )?te lang (leef|leven|geleefd)\b|laatste (app|bericht|berichtje) (\w+ )"
    r"{0,2}zorg goed voor|(have|got) (the|a) knife",
    # A cord hung from a beam, things given back to round everything off, forgiving an ex and asking
    # her to look after the children, thinking a lot about a found gun, calm after a decision.
    "heldout_2026_11_30_sixth": r"(touw|draad|koord|riem|kabel|strop|sjaal|den draad) (\w+ ){0,3}(aan|over) "
    r"(de|den|het|een) (balk|haak|zolderbalk|trapleuning|boom|tak|deur|leuning) (\w+ )?(gehangen|hangen|"
    r"vastgemaakt|geknoopt|opgehangen|hangt)\b(?! (\w+ ){0,4}(schommel|hangmat|vogelhuis|lamp|lampje|"
    r"lampion|slinger|was|kerst))|(teruggegeven|weggegeven|verdeeld) (\w+ ){0,10}(alles af te ronden|"
    r"afscheid genomen)|(vergeef|vergeven) (\w+ ){0,8}goed voor (de|mijn|m n|onze) (kids|kinderen|hond|"
    r"kat)\b|(pistool|geweer|revolver|wapen|jachtgeweer) (\w+ ){0,12}(denk|dacht) (ik )?er (\w+ )?(veel|vaak|"
    r"steeds|de hele dag|constant) aan|rustig (\w+ ){0,3}(beslissing|besluit) (is )?genomen|(beslissing|"
    r"besluit) is genomen (?!(om|over|voor|dat|door|van|bij|in|op)\b)(\w+ ){0,5}(voel|voelt) (\w+ ){0,3}"
    r"(goed|rustig|opgelucht)",
    # Replies to the assistant's questions: another way after help to die was refused, a garden hose
    # in the car, a blade next to the bed, not able to swim "and that is fine", doing it while typing,
    # a gun cleaned and loaded, praying to be taken, final plans, at a bridge now, soon over.
    "corpus_2026_11_30_k": r"helpen (om )?(te )?(gaan|sterven|inslapen) (\w+ ){0,3}(maar|dus) (\w+ ){0,3}"
    r"(andere|eigen) manier|tuinslang (\w+ ){0,4}(kofferbak|auto|uitlaat)|(mes|mesje|scheermesje|touw|"
    r"pillen) (\w+ ){0,3}naast (mijn|m n) (bed|kussen)|(kan|kon) (niet|ni) zwemmen "
    r"(\w+ ){0,3}(goed|juist|mooi|prima)\b|(doe|snij|kras) (ik )?(het )?nu terwijl ik (typ|type|schrijf|"
    r"chat)|(pistool|geweer|revolver|wapen) (\w+ ){0,8}geladen\b|(god|de here|de heer|allah) (\w+ ){0,2}"
    r"(me|mij) (komt|kom|zal|mag) (\w+ )?halen|definitieve plannen\b(?! (voor|met|over) (de|het|onze|"
    r"mijn|m n) )|(brug|spoor|dak|flat|kade|pier) (\w+ ){0,4}(daar )?(zit|sta|lig) ik nu\b|(idee|gedachte) "
    r"dat het (snel |bijna |straks )?voorbij (is|gaat)\b",
    # Jokes, drink, money and danger from others: "if you read this I am gone", a date, a farewell
    # video, "no joke, I will do it", not getting on the train, into the river, cycling to the bridge
    # now, life insurance paying out, going to the railway, not surviving and not trying to, "you know
    # what for", not living to a day, not coming back, locked in from outside.
    "corpus_2026_11_30_l": r"als (je|jij|jullie|u) dit leest (\w+ ){0,3}(ben ik|is het) (\w+ ){0,2}(weg|er "
    r"niet meer|dood|voorbij)\b|(ik )?heb een datum$|afscheids(video|filmpje|vlog)|(was|is) geen grap(je)? "
    r"(\w+ ){0,3}(ik )?(ga|doe) het (toch|echt|wel)\b|(trein|intercity|sprinter|metro) (\w+ ){0,6}niet "
    r"(in )?(te )?(instappen|stappen)\b|(en dan|dan|zo eindigt) (\w+ ){0,2}(de rivier|de gracht|de vaart|"
    r"het kanaal|het water) in\b(?! (om|te|voor|met) )|"
    r"(brug|spoor|flat|dak|kade|pier|rivier) (\w+ ){0,4}(fiets|loop|rij|ga) (ik )?er (nu |zo |straks )?"
    r"heen\b(?! om )|(levensverzekering|uitvaartpolis|verzekering) (\w+ ){0,6}(overlijden|dood) (\w+ )"
    r"{0,6}(geholpen|beter af)|(uitvaartpolis|levensverzekering) (\w+ ){0,8}gebruik van maken|(ga|loop|"
    r"fiets|rij) (\w+ )?naar het spoor\b|(niet|ni) overleven (\w+ ){0,4}(ook )?niet (proberen|willen)\b|"
    r"(snap|snapt|weet) (\w+ )?wel waarvoor|(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    r"morgen|volgende week|kerst|oud en nieuw|mijn verjaardag) (maak|haal) ik (\w+ )?niet (meer )?(mee|"
    r"meer)\b|en ik kom niet (meer )?terug$|van buiten op slot|(op slot|opgesloten) (\w+ ){0,8}(zonder "
    r"eten|zonder drinken|kan er niet uit)",
    # Something around the neck and losing consciousness, a gun on one's lap, the last message sent,
    # how much is needed, someone about to stand in front of a bus, a very long sleep, the phone off
    # for good, one plan left.
    "heldout_2026_11_30_seventh": r"(touw|riem|koord|strop|kabel|snoer|iets) (\w+ ){0,3}om (je|mijn|m n) "
    r"(nek|hals)\b|(hoe lang|hoelang) (\w+ ){0,6}buiten bewustzijn|(geweer|jachtgeweer|pistool|revolver|mes|"
    r"mesje|scheermesje|touw|pillen) (\w+ ){0,4}op (mijn |m n )?schoot|laatste (app|appje|bericht|berichtje|"
    r"mail) (\w+ ){0,4}(verstuurd|gestuurd|verzonden)|hoeveel (\w+ ){0,4}nodig (hebt|heb|is) (\w+ "
    r"){0,6}(genoeg|voldoende)\b|voor (de|een) (bus|trein|auto|vrachtwagen|tram) (gaat|ga|gaan|wil|wilt) "
    r"(\w+ )?(staan|springen|lopen)\b|(wordt|word) (\w+ ){0,2}(hele )?lange slaap|eeuwige slaap|(telefoon|"
    r"mobiel) (\w+ ){0,2}uit (\w+ )?voorgoed|geen plan(nen)? meer (\w+ )?behalve (eentje|een|1)\b",
    # Arranging things for when one is gone, tomorrow; someone who does not know it is for good; work
    # told "and after that not either"; an insurance that pays "if you do it yourself"; glad to have
    # seen something "before I stop"; lying down in the snow; someone locked in with a blade or pills.
    "heldout_2026_11_30_eighth": r"als (ik|je|jij) er (\w+ )?niet meer (ben|bent|zijn) (\w+ ){0,8}(morgen|"
    r"vannacht|vanavond|straks|zaterdag|zondag|dit weekend)\b|(weet|weten|snapt|snappen) (\w+ )?(nog )?niet "
    r"dat (het|dit) (voor altijd|voorgoed|de laatste keer) is|niet (kom|ben|werk) (\w+ ){0,2}(en )?daarna "
    r"(ook niet|nooit meer)|(polis|verzekering|levensverzekering)\w* (\w+ ){0,12}(als|wanneer) (je|ik|men) "
    r"het zelf (doet|doe)|(blij|fijn|goed|mooi) dat ik (\w+ ){0,6}nog (\w+ ){0,3}voor(dat)? ik (stop|ga|"
    r"vertrek|weg ben)$|(sneeuw|kou|vrieskou|ijs) (\w+ ){0,3}(ga|gaan) liggen (\w+ ){0,3}(blijf|blijven) "
    r"liggen|(opgesloten|ingesloten|op slot) (\w+ ){0,3}met (een |het |zijn |haar |de )?(\w+ "
    r"){0,3}(scheermes|scheermesje|mes|mesje|messen|touw|pillen|strips|wapen|pistool)\b",
    # Testing how tight a belt can go, not knowing why one still breathes, a button to switch oneself
    # off, on the platform as the express passes, pills gathered from several pharmacies.
    "heldout_2026_11_30_ninth": r"(riem|touw|koord|sjaal|snoer|kabel) (\w+ ){0,6}(proberen|probeer|"
    r"geprobeerd|testen|test|getest) (\w+ ){0,3}hoe strak|waarom ik (\w+ )?nog (adem|leef|besta)\b|knop "
    r"(\w+ ){0,6}(uit te gaan|uit te zetten|uitzetten|te stoppen) (\w+ ){0,6}(drukken|drukte|indrukken)\b|"
    r"perron (\w+ ){0,6}(trein|sneltrein|goederentrein|intercity) (\w+ ){0,3}komt (\w+ ){0,2}langs\b|"
    r"(apotheek|apotheken|recept|recepten) (\w+ ){0,12}(nu|dan|eindelijk) (heb ik|is het) (er )?(genoeg|"
    r"voldoende)\b",
    # Chores done so a sister has no trouble and everything tidy now, a goodbye on a voicemail and the
    # key under the mat, knowing how a father did it.
    "heldout_2026_11_30_tenth": r"geen (gedoe|werk|rompslomp|zorgen) (\w+ ){0,8}alles is (nu )?(netjes|"
    r"geregeld|klaar)\b|(voicemail|bericht|berichtje|mail|app|appje) (\w+ ){0,4}(waarin|met) (hij|ze|zij) "
    r"afscheid (nam|neemt|nemen)|sleutel (\w+ ){0,3}onder de mat (\w+ ){0,3}(kan|kunt|kunnen) vinden|(weet|"
    r"zie) (\w+ )?(nog )?(precies )?hoe (hij|zij|ze) het (deed|gedaan heeft|heeft gedaan)\b",
    # Simple Dutch: not wanting to live any longer, too tired to live, having to leave the earth,
    # killed "for honour", stabbed if the police are called, walking into water without being able
    # to swim, when the train passes fast, who gets what after me, goodbye "because I am going".
    "corpus_2026_11_30_s": r"niet langer (\w+ )?(leven|bestaan)\b|te moe om (te )?(leven|door te gaan|"
    r"verder te gaan)\b|(moet|wil|ga) (\w+ )?weg van (de|deze) (aarde|wereld)\b|eerwraak|voor de eer (\w+ )"
    r"{0,3}(dood|vermoorden|doden)|(dood|vermoorden|doden) (\w+ ){0,3}voor de eer|(hij|ze|zij) (\w+ ){0,3}"
    r"(steekt|steken|stak) (mij|me) (\w+ ){0,3}(als|dood|neer|met)\b|in het water (\w+ ){0,4}(ik )?kan "
    r"(\w+ )?niet zwemmen|hoe laat (\w+ ){0,3}trein (\w+ ){0,4}(hard|snel) (langs|voorbij)|wie (krijgt|"
    r"krijgen) wat (\w+ )?na mij\b|voor alles (\w+ ){0,3}(en )?(dag|doei|vaarwel) (\w+ ){0,3}(want )?ik ga\b",
    # Thinking about death: buying an exit pill, planning not to reach a birthday, collecting sleeping
    # pills, ordering means online after a refused euthanasia request, a fall "for tomorrow".
    "corpus_2026_11_30_r": r"(exit pil|exitpil|drion pil|drionpil|pil van drion|middel x) (\w+ ){0,6}(kopen|"
    r"bestellen|besteld|krijgen|kan ik)\b|(kopen|bestellen|besteld) (\w+ ){0,4}(exit pil|exitpil|middel x)|"
    r"van plan (om )?(\w+ ){0,3}niet (te )?(halen|meemaken|mee te maken)\b|laatste (\w+ ){0,6}(daar|dat) "
    r"zorg ik zelf (wel )?voor|(pillen|slaappillen|tabletten|medicijnen) (\w+ ){0,12}(verzamel|spaar) (ik )?"
    r"ze\b|(zelf|via internet) (\w+ ){0,3}(middelen|middel|pillen|poeder) (\w+ ){0,3}(besteld|gekocht)|"
    r"(verzoek|euthanasie) (\w+ ){0,4}afgewezen (\w+ ){0,6}(zelf|dan doe ik het|regel ik het)\b|van (grote )?"
    r"hoogte (valt|springt|val|spring) (\w+ ){0,8}voor (morgen|vannacht|vanavond)\b",
    # "Sorry mam, it was not you."
    "heldout_2026_11_30_eleventh": r"(sorry|vergeef me) (\w+ ){0,3}(het )?(lag|ligt) niet aan (jou|jullie|"
    r"u)\b",
    # Anger and violent language: someone at the door with an axe, chased by a group, "then they can
    # explain it" at a bridge, "I'm done for if I come out", waving or throwing knives, gas opened
    # with the windows shut, on a viaduct, footsteps when alone and locked in; to stop existing.
    "corpus_2026_11_30_u": r"(staat|staan) (\w+ ){0,3}met een (bijl|mes|hamer|honkbalknuppel|knuppel|"
    r"pistool|wapen|geweer|schaar) (\w+ ){0,3}(voor|bij|aan) (mijn|de|onze) (deur|raam|huis)\b|achtervolgd "
    r"door (die|de|twee|drie|een paar|een groep) (gasten|jongens|mannen|man|figuren|gozers)|(spoorbrug|brug|"
    r"spoor|viaduct|flat|dak) (\w+ ){0,6}(mogen|kunnen) (zij|ze|jullie) het\b|eraan ga als ik (\w+ ){0,2}"
    r"(buiten|naar buiten) kom|met een (mes|bijl|hamer|knuppel|schaar) (\w+ )?(te )?zwaaien|zwaait (\w+ )"
    r"{0,3}met een (mes|bijl|hamer|knuppel)|(gooit|smijt|gooide) (\w+ ){0,2}met (messen|een mes|een bijl)|"
    r"gas (\w+ ){0,4}(opengedraaid|open gedraaid) (\w+ ){0,6}(ramen|deuren|raam) (\w+ ){0,2}dicht|(sta|zit|"
    r"ben) op (het|een) viaduct\b|(hoor|hoorde) (\w+ )?voetstappen (\w+ ){0,8}(op slot|alleen thuis|alleen "
    r"ben)\b|(ophouden|ophoudt|stoppen|stop) met (bestaan|leven)\b",
    # About someone else: "then I am finally rid of everything", not reaching a birthday "I will see
    # to that", someone held in a car, "tomorrow you find me", "found peace, sorry", a person with
    # dementia walking off towards water, a whole pot of pills taken, in front of a train.
    "corpus_2026_11_30_t": r"(ben|zijn) (ik|we) (eindelijk )?(overal|van alles) (vanaf|van af)\b|niet (haal|"
    r"haalt|halen) (\w+ ){0,4}(daar|dat) zorg (ik|hij|ze|zij) zelf|(wordt|word) (door (\w+ ){1,4})?(\w+ "
    r"){0,4}vastgehouden\b|(tomorrow|then) you (will )?find me|vrede gevonden (\w+ ){0,2}sorry|(dement|"
    r"alzheimer) (\w+ ){0,10}(weggelopen|liep|loopt|dwaalt) (\w+ ){0,6}(kanaal|water|spoor|snelweg|"
    r"rivier)\b|(heel|hele|een heel) (potje|doosje|strip|fles|flesje) (\w+ ){0,2}(ingenomen|genomen|geslikt|"
    r"opgedronken)\b|(zich|zichzelf|mezelf|me) (\w+ ){0,3}voor (de|een) (trein|bus|auto|vrachtwagen|metro|"
    r"tram) (gooit|gooien|werpt|werpen|gooi|werp)\b",
    # Done with everything and with oneself, letting a lump grow "then I am finally gone", someone with
    # a hammer in the living room, "this is his last week", nobody can look after the dog, not there
    # at Christmas any more, keys left with the neighbour and "het is goed zo".
    "heldout_2026_11_30_twelfth": r"met alles (ook )?met mezelf$|dan ben ik (eindelijk|"
    r"tenminste) weg$|laat het maar groeien|(staat|staan|loopt) (\w+ ){0,3}met een (bijl|mes|hamer|knuppel|"
    r"pistool|wapen|geweer) (\w+ ){0,3}in (de|het|mijn|onze) (woonkamer|keuken|gang|kamer|slaapkamer|huis)\b|"
    r"(schreef|schrijft|zegt|zei|appt|appte) (\w+ ){0,6}dat dit (zijn|haar|mijn) laatste (week|dag|nacht|"
    r"avond) is\b|kan niemand (meer )?voor (hem|haar|de hond|de kat|mijn hond|mijn kat) zorgen|ben er (met|"
    r"na|voor) (kerst|oud en nieuw|de zomer|mijn verjaardag|pasen|sinterklaas) (\w+ )?(toch )?niet meer\b|"
    r"sleutels? (\w+ ){0,3}bij de (buurvrouw|buurman|buren) (gelegd|gebracht|afgegeven) (\w+ ){0,10}"
    r"(rustig|het is goed zo)\b",
    # First messages, pain and illness: going off a named bridge, the rope already hanging, drinking
    # nothing on purpose, skipping dialysis "so it goes by itself", taking the whole bottle,
    # belongings given "for after", doing it oneself when euthanasia takes too long, pills "for all
    # at once", ending it this weekend, "done what I must do" by then, "then in front of the train".
    "corpus_2026_11_30_vw": r"ga (\w+ )?van de (\w+brug|brug)\b|het touw hangt (al|klaar)\b|touw (\w+ "
    r")?hangt (al )?klaar|(drink|eet) (\w+ ){0,3}(niks|niets) meer (\w+ )?(met opzet|expres|bewust)\b|"
    r"(dialyse|insuline|medicatie|medicijnen|pillen|chemo|hartpillen) (\w+ ){0,8}(zo gaat het vanzelf|zo "
    r"kom ik (\w+ )?(sneller|eerder))|(neem|slik) (\w+ ){0,3}de hele (fles|strip|pot|doos|potje) (\w+ "
    r"){0,2}in\b|(beloofd|gegeven|weggegeven|verdeeld|gaan naar) (\w+ ){0,10}voor (na|daarna|erna)$|"
    r"(euthanasie|arts|dokter) (\w+ ){0,6}(ik ga het|ik regel het|dan regel ik het|dan doe ik het) zelf\b|"
    r"voor in (een|1) keer\b|(maak|maken) (ik|we) (er|het) (\w+ ){0,3}(een )?(eind|einde|punt) aan|tegen "
    r"die tijd (\w+ ){0,3}gedaan wat ik (moet|moest) doen|dan voor de (trein|bus|metro|tram)\b",
    # A history of treatment, attempts or self-harm: the place where a relative did it, following
    # someone who died, old pill pots that are enough, "het ga jullie goed, ik ben weg", edging to the
    # platform edge, waiting for the freight train, tidying nobody knows the reason for, not going back.
    "corpus_2026_11_30_q": r"(plek|plaats) waar (mijn|zijn|haar) (\w+ )?(vader|moeder|broer|zus|zoon|dochter|"
    r"vriend|vriendin|oom|opa|oma|man|vrouw) het (ook )?(gedaan heeft|heeft gedaan|deed)\b|achterna "
    r"(wil|willen|gaan)\b|(wil|wou|ga|gaan) (hem|haar|ze) (\w+ ){0,2}achterna\b|(potjes|pillen|strips|"
    r"medicijnen|tabletten) (\w+ ){0,6}(gevonden|gespaard|verzameld) (\w+ ){0,3}(dat is|is dat|dat zijn|nu "
    r"heb ik) (\w+ )?genoeg\b|het ga (jullie|je|u) goed (\w+ ){0,3}ik ben (weg|vertrokken)\b|steeds "
    r"dichter (naar|bij) de rand|tot de (goederentrein|sneltrein) (komt|langskomt)|niet waarvoor ik (\w+ )"
    r"{0,2}(opruim|weggeef|regel|afscheid)|(rivier|brug|water|zee|kanaal|spoor|dak) (\w+ ){0,12}(nu|deze "
    r"keer|dit keer) ga ik niet (meer )?terug\b",
    # Dangerous-sounding words at work and in hobbies, meant for oneself: weed killer poured into a
    # glass, an animal euthanasia drug taken home "not for an animal", a lot of paracetamol taken,
    # "tomorrow they will find me", shoes off on a bridge.
    "corpus_2026_11_30_p": r"(gif|onkruidgif|rattengif|bleekmiddel|ontstopper|antivries|onkruidverdelger) "
    r"(\w+ ){0,3}in een (glas|beker|kopje|mok) (gegoten|gedaan|geschonken)|niet voor een (dier|hond|kat|"
    r"paard)$|euthanasiemiddel (\w+ ){0,6}(mee|thuis|voor mezelf|voor mij)\b|(heel veel|veel te veel|te "
    r"veel|een hele|een heleboel|een handvol) (paracetamol|pillen|tabletten|medicijnen|slaappillen|oxazepam|"
    r"ibuprofen) (\w+ ){0,2}(genomen|geslikt|ingenomen)|(morgen|straks|maandag|dan) (vindt|vinden) (ze|hij|"
    r"zij|iemand) (me|mij)\b|(brug|\w+brug) (\w+ ){0,8}schoenen (\w+ )?(uitgedaan|uitgetrokken|uit)\b",
    # Short messages, time words, wanting to rest or be gone: someone who wants to hang or kill
    # themselves, a threat to kill, letting oneself die, longing for death, a break-in, an empty strip
    # and dizziness, sleeping under the ground, "I mean dead", painless ways, waiting at the level
    # crossing, resting beside the dead this week, a goodbye to oneself tonight, a last evening.
    "corpus_2026_11_30_o": r"(wil|wilt|gaat|gaan|dreigt) (\w+ ){0,2}zich (\w+ ){0,2}(ophangen|op te hangen|"
    r"opknopen|doden|te doden|verdrinken|doodmaken|van kant (te )?maken)\b|zich(zelf)? (\w+ ){0,2}doodt\b|"
    r"(zegt|zei|dreigt|roept|schreeuwt|appt) (\w+ ){0,2}dat (hij|ie|ze|zij) (me|mij) (\w+ ){0,2}(vermoordt|"
    r"doodmaakt|afmaakt|kapotmaakt)\b(?! als ik)|laat (me|mij) (gewoon |maar |nu |toch )?(doodgaan|"
    r"sterven)\b|verlang\w* (\w+ ){0,3}naar de dood|iemand (breekt|probeert) (\w+ ){0,2}in\b|(trapt|trappen|"
    r"beukt|ramt|schopt) (\w+ ){0,2}deur in\b|(strip|strips|potje|doosje|pot|fles) (\w+ ){0,2}(is |zijn "
    r")?leeg (\w+ ){0,3}(duizelig|misselijk|slaperig|suf)|(slapen|liggen|rusten) onder de grond|ik bedoel "
    r"(dood|sterven|doodgaan|niet meer leven)\b|(hoe|manier) (\w+ ){0,4}pijnloos|pijnloos (\w+ ){0,2}(dood|"
    r"sterven|doodgaan|eruit|inslapen)\b|(laatste|volgende) (\w+ )?trein (\w+ ){0,6}(wacht|sta|ga) (\w+ "
    r"){0,3}(bij|op) (de|het) (overweg|spoorwegovergang|rails|spoor)\b|trein (komt|is er) (\w+ ){0,4}ik ga$|"
    r"(rusten|liggen|slapen) naast (\w+ ){1,2}op het kerkhof (\w+ ){0,4}(deze week|vannacht|vanavond|morgen|"
    r"liefst|snel)|afscheid (\w+ ){0,4}(neemt|nam) (\w+ )?(niet|geen) (meer )?op\b|(vannacht|vanavond|"
    r"morgen|straks) (afscheid )?van mezelf|laatste (\w+ ){0,6}zonder dat (ze|hij|zij|iemand) het (wist|"
    r"wisten|weet|weten)|ik ben weg (\w+ ){0,2}sorry",
    # Answers to the assistant's questions: found before it is too late, not there next month,
    # planning one's death, about to, "they must forget him", my funeral in a week, drink with pills,
    # everything arranged and now I can go, falling from a railing, choosing one's date of death,
    # tidy for when they find me, meeting death rather than people, going quietly.
    "corpus_2026_11_30_n": r"(niemand|niet) (\w+ ){0,3}(vindt|vinden) (\w+ ){0,2}voor(dat)? het te laat|"
    r"besloten dat ik er (\w+ ){0,3}niet meer (ben|zal zijn|wil zijn)|mijn (eigen )?dood (\w+ "
    r"){0,2}(plannen|te plannen|regelen|voorbereiden)\b|(ik )?sta op het punt( om)?$|(geappt|appt|schrijft|"
    r"schreef|zegt|zei) (\w+ ){0,3}dat (we|ze|jullie|iedereen) (hem|haar|mij|me) (moeten|moet) vergeten|"
    r"(over|na) (een|1|twee|\d+) (dag|dagen|week|weken|maand) (\w+ ){0,3}(op )?mijn (begrafenis|uitvaart)|"
    r"(wodka|whisky|wijn|drank|alcohol|jenever|rum|bier) (\w+ ){0,4}(met|en) (\w+ )?pillen (erbij|ingenomen|"
    r"genomen|geslikt)|(alles|het) is (\w+ )?(rond|geregeld|klaar) (\w+ ){0,2}(en )?(nu )?kan ik (gaan|"
    r"rusten|weg)\b|(reling|brug|rand|balkon|dak) (\w+ ){0,8}(me|mezelf) (\w+ )?laten vallen|(sterfdatum|"
    r"sterfdag|doodsdatum) (\w+ ){0,6}(kies|bepaal|prik) ik zelf|voor als (ze|iemand|men|jullie) (me|mij) "
    r"(vinden|vindt)\b|ontmoet (\w+ )?liever de dood|ga liever stil\b",
    # English.
    "english": r"(whole|entire) bottle of pills|cut (her|his|my|their) (arm|arms|wrist|wrists|leg|legs)\b|"
    r"(he|she) (\w+ )?(jump|jumps) (from|off) (the )?(flat|roof|bridge|building)|took (all|a lot of|too "
    r"many) (of )?(my )?pills|"
    r"better off (if i (was|were) )?dead|(going|gonna) to jump|(is|keeps) hitting me|"
    r"(scared|afraid) (he|she|they) (will|ll|might) kill me|don t want to (live|be alive)|"
    r"kill(ing)? myself|end it all|dont want to (live|be alive|be here)|gone for good|"
    r"(have|got) a plan to|(gun|knife|rope|pills|blade) (\w+ ){0,8}(on )?myself|"
    r"(will|going to|gonna|ll) kill me|(follows|following|stalking|stalks) me|knows where i (sleep|live)|"
    r"better off without me|done for good|(beat|beats|hits|hurt|hurts|rape|raped) me\b",
}

_HARMLESS_RE = re.compile(rf"\b(?:{_HARMLESS})\b")
_GROUP_RES = {name: re.compile(rf"(?:^|\b)(?:{pattern})") for name, pattern in _GROUPS.items()}


@dataclass(frozen=True)
class CrisisSignal:
    """What the rules found: the names of the pattern groups that matched."""

    reasons: tuple[str, ...]


def prepare(text: str) -> str:
    """Normalise, correct chat spellings and remove harmless idioms."""
    return re.sub(r"\s+", " ", _HARMLESS_RE.sub(" ", _corrected(text))).strip()


def _corrected(text: str) -> str:
    return " ".join(_CORRECTIONS.get(word, word) for word in normalise(text).split())


def has_harmless_idiom(text: str) -> bool:
    """Tell whether the message uses a risk word harmlessly ("ik ga dood van de kou")."""
    return _HARMLESS_RE.search(_corrected(text)) is not None


# Words typed without spaces ("ikwilnietmeerleven"): one long word holding a whole risk phrase.
_FUSED_RE = re.compile(
    r"(wil|wou)\w*niet\w*meer\w*(leven|zijn|bestaan|wakker)|nietmeer(leven|bestaan)|(wil|wou)\w*dood\b|"
    r"(wil|wou)\w*(sterven|verdwijnen)\b|mezelf\w*(ophangen|doden|vermoorden|snijden|verdrinken)|"
    r"vankant\w*maken|(eind|einde)aan\w*maken|ereind\w*aan"
)
_FUSED_MIN_LENGTH = 9


def _fused(cleaned: str) -> bool:
    return any(len(word) >= _FUSED_MIN_LENGTH and _FUSED_RE.search(word) for word in cleaned.split())


@lru_cache(maxsize=4096)
def detect_crisis(text: str) -> CrisisSignal | None:
    """Return a `CrisisSignal` when the message shows acute risk, otherwise None."""
    cleaned = prepare(text)
    if not cleaned:
        return None
    reasons = tuple(name for name, pattern in _GROUP_RES.items() if pattern.search(cleaned))
    if _fused(cleaned):
        reasons += ("fused_words",)
    return CrisisSignal(reasons) if reasons else None
