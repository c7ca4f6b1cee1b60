"""Harmless uses of risk words ("ik verveel me dood", "uien snijden"), removed before the rules read.

The idioms form one regular expression, tried in this order: at a given place in the text, the first
idiom that matches is the one removed, so keep the order when adding one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.safety.rules.chat_spellings import correct_spellings


@dataclass(frozen=True)
class Idiom:
    """A named harmless phrasing with messages it must recognise."""

    name: str
    pattern: str
    examples: tuple[str, ...]


IDIOMS: tuple[Idiom, ...] = (
    Idiom(
        "bored_or_laughing_to_death",
        r"(verveel|verveelde|lach|lachen|schrok|schrik|schaam|schaamde|werk|werkte|loop|liep|vervelen|"
        r"schamen) (me|mij|ik|je|ons)( \w+)? dood|"
        r"dood (ge)?(lachen|lacht|schrokken|schrikken|gelachen|geschrokken)",
        examples=(
            "ik verveel me dood",
            "we lachen ons dood om die film",
        ),
    ),
    Idiom(
        "dying_of_cold_or_hunger",
        r"dood(gaan)? van (de |het )?(hitte|kou|verveling|honger|dorst|schrik|zenuwen|lachen|schaamte|jeuk|"
        r"gene|ellende|stress)|"
        r"ga dood als|"
        r"sterf van de (honger|dorst|kou|hitte)",
        examples=(
            "ik ga dood van de kou",
            "ik sterf van de honger",
        ),
    ),
    Idiom(
        "dead_as_intensifier",
        r"dood(op|moe|saai|nerveus|bang|ziek|stil|eng|gewoon|leuk|simpel|normaal|serieus)\w*",
        examples=(
            "ik ben doodmoe",
        ),
    ),
    Idiom(
        "empty_battery_or_dead_plant",
        r"(telefoon|batterij|accu|plant|plantjes|planten|vis|kat|hond|mobiel|laptop) (is|zijn|was|"
        r"waren)?\s?(helemaal |bijna )?(leeg|dood|doodgegaan)",
        examples=(
            "mijn telefoon is bijna dood",
        ),
    ),
    Idiom(
        "place_feels_dead",
        r"(huis|kamer|straat|dorp|buurt|stad) (voelt|is|lijkt) (\w+ ){0,2}(dood|uitgestorven)",
        examples=(
            "het huis voelt zo dood sinds de kinderen weg zijn",
        ),
    ),
    Idiom(
        "cutting_food",
        r"(uien|groente|groenten|brood|vlees|tomaten|kaas|taart|hout|papier|haar|heg|"
        r"gras)\w* (\w+ ){0,3}(snijden|snijd|snij|gesneden|knippen)|"
        r"(snijden|snijd|snij|gesneden) (\w+ ){0,2}(uien|groente|groenten|brood|vlees|tomaten|kaas|taart|"
        r"hout|papier|heg|gras)",
        examples=(
            "ik sta uien te snijden",
        ),
    ),
    Idiom(
        "by_accident_or_while_cooking",
        r"per ongeluk|"
        r"(bij|tijdens) het (koken|tuinieren|klussen)",
        examples=(
            "ik heb me per ongeluk gesneden",
            "bij het koken ging het mis",
        ),
    ),
    Idiom(
        "sick_to_death_of_it",
        r"ga er (bijna |echt )?dood aan|"
        r"dood aan (dat|die|het|de|deze) \w+",
        examples=(
            "die regen, ik ga er echt dood aan",
        ),
    ),
    Idiom(
        "suicide_mission",
        r"zelfmoord(missie|actie|opdracht)",
        examples=(
            "fietsen met die gladheid is een zelfmoordactie",
        ),
    ),
    Idiom(
        "dying_in_a_game",
        r"(in het spel|in de game|in games) (\w+ ){0,3}dood",
        examples=(
            "in de game ga ik steeds dood",
        ),
    ),
    Idiom(
        "everyday_sayings",
        r"(schiet|schoot) (mezelf|me) (\w+ ){0,3}in de voet|"
        r"spring een gat in de lucht|"
        r"vermoord je als|"
        r"doet me de das om|"
        r"sla (de|die|dat|het) \w+ over|"
        r"moordweer|"
        r"moordmysterie\w*",
        examples=(
            "die rekening doet me de das om",
            "ik spring een gat in de lucht",
        ),
    ),
    Idiom(
        "moving_away",
        r"(wil|wou|zou|ga) (\w+ ){0,4}(verhuizen|emigreren|op vakantie)",
        examples=(
            "ik wil naar spanje emigreren",
        ),
    ),
    Idiom(
        "not_wanting_to_die",
        r"(niet|nie) (\w+ ){0,2}dat ik dood wil|"
        r"(wil|wou) (\w+ ){0,2}(niet|nie) dood|"
        r"dood wil ik (\w+ )?niet",
        examples=(
            "ik ben eenzaam maar ik wil niet dood",
        ),
    ),
    Idiom(
        "pillow_fight_or_kicking_oneself",
        r"(sloeg|slaat|gooide|gooit) (\w+ ){0,2}met (een|zijn|haar|m n|mijn) (kussen|knuffel)\w*|"
        r"kan (mezelf|me) wel (slaan|schoppen|voor (mijn|m n) kop slaan)",
        examples=(
            "ik kan mezelf wel voor mijn kop slaan",
        ),
    ),
    Idiom(
        "burnt_on_the_stove",
        r"(gebrand|verbrand|gesneden) aan (de|het|een) (oven|pan|papiertje|papier|strijkijzer|kachel|"
        r"fornuis|ketel|bakplaat)",
        examples=(
            "ik heb me gebrand aan de pan",
        ),
    ),
    Idiom(
        "working_on_a_roof_or_bridge",
        r"(op|bij) (de|het) (brug|dak) (\w+ )?(te vissen|om de (dakgoot|goot|antenne|zonnepanelen)|"
        r"te werken|te klussen|om te (vissen|klussen|schilderen|repareren))",
        examples=(
            "ik sta op het dak om de dakgoot schoon te maken",
        ),
    ),
    Idiom(
        "stuck_with_a_practical_problem",
        r"zie het (\w+ )?niet meer zitten met (die|dit|deze|de|het|mijn|m n) (schulden|huis|baan|werk|"
        r"studie|school|auto|verbouwing|relatie|buren|dak|situatie|verhuizing)",
        examples=(
            "ik zie het niet meer zitten met die schulden",
        ),
    ),
    Idiom(
        "violence_in_childhood",
        r"(sloeg|schopte|mishandelde|bedreigde) (me|mij) (\w+ )?(vroeger|toen ik (klein|jong|kind) was)|"
        r"vroeger (sloeg|schopte|mishandelde|bedreigde|sloegen) (\w+ ){0,3}(me|mij)\b|"
        r"(heeft|hebben|had|hadden) (me|mij) vroeger (\w+ )?(geslagen|geschopt|mishandeld|bedreigd|gepest)|"
        r"(vroeger|als kind|toen ik (klein|jong|kind) was) werd ik (\w+ ){0,3}(geslagen|geschopt|mishandeld|"
        r"gepest)( en (geslagen|geschopt|gepest|mishandeld))?|"
        r"(vroeger|als kind|toen ik (klein|jong|kind) was) (\w+ ){0,10}in elkaar (te )?(slaan|geslagen)",
        examples=(
            "vroeger sloeg mijn vader me",
        ),
    ),
    Idiom(
        "cut_while_cooking",
        r"(me|mezelf|mijn vinger|in mijn vinger) (\w+ ){0,2}gesneden (bij|aan|met|in) (het|de|een|"
        r"mijn) (\w+ ){0,2}(uien|groente|brood|mes|blik|papier|glas|koken|snijden)\w*",
        examples=(
            "ik heb me gesneden bij het uien snijden",
        ),
    ),
    Idiom(
        "farewell_to_colleagues",
        r"afscheids(brief|speech|woord|mail|praatje|feest|receptie)\w* (\w+ ){0,4}(collega|collegas|klas|"
        r"team|club|vereniging|buren|leerlingen|werk|pensioen)\w*",
        examples=(
            "ik schrijf een afscheidsbrief voor mijn collega's",
        ),
    ),
    Idiom(
        "last_message_of_the_day",
        r"laatste bericht (\w+ )?(voor )?(vandaag|vanavond|vannacht|nu)\b",
        examples=(
            "dit is mijn laatste bericht voor vandaag",
        ),
    ),
    Idiom(
        "holiday_or_job_over",
        r"het is mooi geweest (met |die |dat |de |het |in |op |bij ){1,2}(\w+ ){0,2}(vakantie|weken|week|"
        r"weekend|dagen|werk|vrijwilligerswerk|baan|club|vereniging|reis|feest|seizoen|zeeland|camping)\w*",
        examples=(
            "het is mooi geweest met de vakantie",
        ),
    ),
    Idiom(
        "attempt_years_ago",
        r"(jaar|jaren|maanden) geleden (\w+ ){0,2}(een )?(zelfmoordpoging|poging|zelfmoord) (\w+ )?(gedaan|"
        r"gepleegd|ondernomen)|"
        r"(jaar|jaren|maanden) geleden (een )?(eind|einde) aan (zijn|haar) leven gemaakt",
        examples=(
            "jaren geleden heb ik een zelfmoordpoging gedaan",
        ),
    ),
    Idiom(
        "self_harm_in_the_past",
        r"(heb|heeft|had) (mezelf|zichzelf|me|zich) vroeger (\w+ )?(gesneden|gekrast|beschadigd|"
        r"pijn gedaan)|"
        r"vroeger (\w+ ){0,2}aan zelfbeschadiging (gedaan|gedaan heeft|deed|deden)",
        examples=(
            "ik heb mezelf vroeger gesneden",
        ),
    ),
    Idiom(
        "violence_in_the_past",
        r"(werd|werden) vroeger (\w+ )?(mishandeld|geslagen|bedreigd)|"
        r"vroeger een relatie waarin ik (werd )?(mishandeld|geslagen|bedreigd)",
        examples=(
            "ik werd vroeger geslagen",
        ),
    ),
    Idiom(
        "over_since_youth",
        r"toen ik (\d+|klein|jong|kind|tiener|puber|student) was "
        r"(\w+ ){0,10}(dat is )?(gelukkig )?(al )?(lang |allang |heel lang )?voorbij",
        examples=(
            "toen ik 16 was had ik het zwaar maar dat is al lang voorbij",
        ),
    ),
    Idiom(
        "attempt_at_a_young_age",
        r"op mijn \d+(e|de|ste) (\w+ ){0,3}(een )?(overdosis|zelfmoordpoging|poging|pillen) (\w+ )?(genomen|"
        r"gedaan|geslikt)",
        examples=(
            "op mijn 15e heb ik een overdosis genomen",
        ),
    ),
    Idiom(
        "attempt_or_self_harm_long_behind",
        r"vroeger (\w+ ){0,2}(een )?(zelfmoordpoging|poging) (\w+ )?(gedaan|ondernomen)|"
        r"vroeger (\w+ ){0,3}(aan )?(mezelf|me) (zat |zitten )?(te )?(krassen|snijden|beschadigen)|"
        r"(vroeger|toen) (\w+ ){0,6}zelfbeschadiging (\w+ ){0,4}(voorbij|achter me)",
        examples=(
            "vroeger heb ik een poging gedaan",
        ),
    ),
    Idiom(
        "window_jump_joke",
        r"(spring|gooi) ik (mezelf |me )?(\w+ ){0,2}uit het raam (\w+ ){0,2}(haha\w*|lol|grapje|xd|hihi)",
        examples=(
            "nog een vergadering? dan spring ik uit het raam haha",
        ),
    ),
    Idiom(
        "self_harm_when_younger",
        r"vroeger (sneed|kraste|beschadigde|sloeg) ik (mezelf|me)\b",
        examples=(
            "vroeger sneed ik mezelf",
        ),
    ),
    Idiom(
        "beaten_years_ago",
        r"(jaren|jaar|maanden) geleden (\w+ )?(geslagen|mishandeld|geschopt|bedreigd)\b",
        examples=(
            "ik ben jaren geleden geslagen door mijn ex",
        ),
    ),
    Idiom(
        "attempt_as_a_teenager",
        r"(in mijn tienertijd|als tiener|als puber|in mijn jeugd|"
        r"toen ik jong was) (\w+ ){0,4}(pillen genomen|poging gedaan|mezelf gesneden)",
        examples=(
            "als tiener heb ik eens pillen genomen",
        ),
    ),
    Idiom(
        "said_no_to_the_self_harm_question",
        r"(vroeg|vraagt|vroegen|vraag) of ik (\w+ ){0,4}(aandoen|aan doen|dood wil|wil sterven) (nee|"
        r"neen)\b( hoor)?",
        examples=(
            "je vroeg of ik mezelf iets wil aandoen, nee hoor",
        ),
    ),
    Idiom(
        "rope_for_a_swing_or_lamp",
        r"(touw|koord|riem|haak|haakje|snoer)\w* (\w+ ){0,8}(voor|om) (de |een |het |mijn |m n )?(schommel|"
        r"hangstoel|hangmat|klimwand|tent|tentje|lamp|spiegel|fiets|fietsen|kerstverlichting|was|waslijn|"
        r"planten|bokszak)\w*|"
        r"(koord|snoer) van de (kerstverlichting|lamp|lampjes)",
        examples=(
            "we kochten touw voor de schommel",
        ),
    ),
    Idiom(
        "knife_for_peeling",
        r"mes in (mijn|m n) hand om (\w+ ){0,2}te (snijden|schillen)",
        examples=(
            "ik heb een mes in mijn hand om de appel te schillen",
        ),
    ),
    Idiom(
        "rifle_cleaned_for_hunting",
        r"(geweer|jachtgeweer)\w* (\w+ ){0,8}(schoon|schoonmaken|poets|"
        r"poetsen) (\w+ ){0,2}voor (het jachtseizoen|de jacht)",
        examples=(
            "ik maak het jachtgeweer schoon voor de jacht",
        ),
    ),
    Idiom(
        "toy_gun",
        r"speelgoed ?(pistool|geweer)\w*",
        examples=(
            "mijn kleinzoon kreeg een speelgoedpistool",
        ),
    ),
    Idiom(
        "if_i_hear_that_once_more",
        r"als ik (\w+ ){0,3}nog (een|1|een keer) keer (\w+ ){0,8}((spring|gooi) ik (mezelf |"
        r"me )?(\w+ ){0,2}(uit het raam|van de brug|van het dak|voor de trein)|schiet ik (mezelf|me) (neer|"
        r"dood|overhoop) (\w+ )?(haha\w*|lol|hihi|xd|grapje))",
        examples=(
            "als ik nog een keer dat liedje hoor spring ik van de brug",
        ),
    ),
    Idiom(
        "violence_when_young",
        r"vroeger (\w+ ){0,8}(werd|werden) (ik|we) (\w+ )?(geslagen|mishandeld|geschopt|bedreigd)",
        examples=(
            "vroeger thuis werden we geslagen",
        ),
    ),
    Idiom(
        "someone_died_of_an_overdose",
        r"(overleden|gestorven|dood gegaan|doodgegaan) aan een overdosis",
        examples=(
            "mijn neef is overleden aan een overdosis",
        ),
    ),
    Idiom(
        "leaving_social_media",
        r"voorgoed weg van (tiktok|instagram|insta|facebook|twitter|snapchat|whatsapp|social media|"
        r"sociale media|x)\b",
        examples=(
            "ik ga voorgoed weg van tiktok",
        ),
    ),
    Idiom(
        "death_wish_long_over",
        r"(vroeger|in mijn tienertijd|als tiener|als puber|in mijn jeugd|toen ik (\d+|jong|jonger|tiener|"
        r"puber) was) wilde ik (\w+ ){0,2}(dood|er (\w+ )?niet meer zijn|niet meer leven) (\w+ ){0,3}(nu|"
        r"maar) (\w+ ){0,8}(niet meer|al jaren niet|al lang niet|(gaat het|het gaat) (\w+ )?goed)",
        examples=(
            "vroeger wilde ik dood, nu gaat het goed",
        ),
    ),
    Idiom(
        "self_harm_stopped_long_ago",
        r"(vroeger|toen) (\w+ ){0,2}(mezelf|me) (\w+ ){0,3}(geslagen|gesneden|gekrast|"
        r"pijn gedaan) (\w+ ){0,6}(doe|deed) ik (\w+ ){0,2}(al lang|al jaren|niet meer)",
        examples=(
            "vroeger heb ik mezelf gesneden maar dat doe ik al jaren niet meer",
        ),
    ),
    Idiom(
        "pills_long_ago",
        r"(vroeger|toen|ooit) (\w+ ){0,3}(met )?(een handvol|een hand vol|al mijn|mijn|"
        r"de) pillen (\w+ ){0,4}(gestaan|gezeten|gehad) (\w+ ){0,3}(dat is|is dat) (\w+ ){0,2}(\d+|jaren|"
        r"jaar|lang) (\w+ )?(terug|geleden)",
        examples=(
            "ooit heb ik met al mijn pillen gezeten maar dat is 20 jaar geleden",
        ),
    ),
    Idiom(
        "stuck_with_a_house_or_job",
        r"(zie|zag) (het|t) (\w+ )?niet meer zitten met (dat|die|de|het|mijn|dit|deze) (\w+ ){0,2}(huis|"
        r"studentenhuis|baan|werk|studie|opleiding|school|buren|buurt|auto|club|team|relatie|plan|project|"
        r"verbouwing)\w*",
        examples=(
            "ik zag het niet meer zitten met dat studentenhuis",
        ),
    ),
    Idiom(
        "suicide_prevention_and_school_work",
        r"suicidepreventie|"
        r"suicide preventie|"
        r"zelfmoord preventie|"
        r"(werkstuk|scriptie|opdracht|presentatie|spreekbeurt|cursus|training) (\w+ ){0,2}over (zelfmoord|"
        r"suicide|zelfdoding)\b",
        examples=(
            "ik maak een werkstuk over zelfmoord",
            "ik werk bij suïcidepreventie",
        ),
    ),
    Idiom(
        "suicidal_thoughts_in_the_past",
        r"(wel eens|ooit|vroeger) aan (zelfmoord|zelfdoding) gedacht (\w+ ){0,10}(dat is|"
        r"is dat) (\w+ ){0,2}(voorbij|verleden tijd)",
        examples=(
            "ik heb ooit aan zelfmoord gedacht maar dat is voorbij",
        ),
    ),
    Idiom(
        "said_no_to_the_suicide_question",
        r"(vroeg|vraagt|vragen|vroegen) of ik (\w+ ){0,3}(zelfdoding|zelfmoord) (denk|dacht) (nee|neen)\b",
        examples=(
            "je vroeg of ik aan zelfmoord denk, nee",
        ),
    ),
    Idiom(
        "letter_about_loneliness",
        r"brief (\w+ ){0,2}geschreven over (hoe|mijn) (\w+ ){0,3}(eenzaam|alleen|verdrietig|moeilijk|"
        r"gevoelens|gevoel)\b",
        examples=(
            "ik heb een brief geschreven over hoe eenzaam ik ben",
        ),
    ),
    Idiom(
        "farewell_gift_for_a_colleague",
        r"afscheids(video|filmpje|feest|feestje|borrel|receptie|cadeau|kaart|etentje|"
        r"lunch)\w* (\w+ ){0,2}voor (een|onze|mijn|de) (collega|juf|meester|leraar|docent|buurvrouw|buurman|"
        r"trainer|baas|voorzitter)\w* die (\w+ ){0,3}(met pensioen|weggaat|vertrekt|verhuist|stopt)",
        examples=(
            "we maken een afscheidsvideo voor een collega die met pensioen gaat",
        ),
    ),
    Idiom(
        "pills_set_out_as_prescribed",
        r"(pillen|medicijnen|medicatie) (\w+ ){0,3}(voor|van) (mijn |m n )?(moeder|vader|man|vrouw|partner|"
        r"oma|opa|zoon|dochter|client|patient)\w* (\w+ ){0,2}klaar(gezet|gelegd|leggen|zetten)|"
        r"(pillen|medicijnen|tabletten) (\w+ ){0,2}(liggen|staan) klaar (\w+ ){0,6}(dokter|huisarts|arts|"
        r"apotheker) (\w+ ){0,4}(elke|iedere) (avond|ochtend|dag)\b",
        examples=(
            "ik heb de pillen voor mijn moeder klaargezet",
        ),
    ),
    Idiom(
        "accident_on_the_railway",
        r"(aanrijding|ongeluk|melding) (\w+ ){0,4}op het spoor",
        examples=(
            "er was een aanrijding op het spoor",
        ),
    ),
    Idiom(
        "rope_for_hoisting",
        r"touw (\w+ ){0,8}om (\w+ ){0,3}(op te takelen|te takelen|op te hijsen|vast te binden|te binden|"
        r"vast te zetten)",
        examples=(
            "ik gebruik een touw om de balen op te takelen",
        ),
    ),
    Idiom(
        "cut_by_accident",
        r"(mezelf|me) (\w+ ){0,3}per ongeluk (\w+ ){0,2}(gesneden|gebrand|geprikt|verwond|geslagen)|"
        r"(in|aan) (mijn|m n) (vinger|duim) gesneden",
        examples=(
            "ik heb me per ongeluk gesneden",
            "ik heb in mijn vinger gesneden",
        ),
    ),
    Idiom(
        "first_aid_for_an_overdose",
        r"(cursus|ehbo|geleerd|les) (\w+ ){0,8}(bij|over) een overdosis",
        examples=(
            "bij de ehbo cursus leerden we wat je doet bij een overdosis",
        ),
    ),
    Idiom(
        "game_where_one_jumps",
        r"(spel|game|film|serie)\w* waarin (je|hij|ze|men) (\w+ ){0,3}(springt|schiet|doodgaat|sterft)",
        examples=(
            "het is een game waarin je van daken springt",
        ),
    ),
    Idiom(
        "old_last_message",
        r"laatste (berichtje|bericht|appje) is van (\w+ ){0,3}(geleden|gisteren|vorige)",
        examples=(
            "haar laatste bericht is van twee weken geleden",
        ),
    ),
    Idiom(
        "thoughts_or_self_harm_years_ago",
        r"((vroeger|toen) (\w+ ){0,2}zelfmoordgedachten (\w+ ){0,2}(nu|maar) (\w+ ){0,3}(al )?(\d+|jaren|"
        r"lang|maanden) (\w+ ){0,2}niet meer|vroeger (brandde|sneed|kraste|sloeg|stompte) ik (mezelf|"
        r"me) (\w+ ){0,10}(\d+|jaren|jaar|lang) (\w+ )?geleden (\w+ ){0,6}(niet meer|"
        r"nooit meer))(?!( \w+){0,8} (weer|opnieuw|terug)\b)",
        examples=(
            "vroeger had ik zelfmoordgedachten maar nu al jaren niet meer",
        ),
    ),
    Idiom(
        "would_never_harm_myself",
        r"((zou|zal|ga|wil) (mezelf|me) (\w+ )?(nooit|niet) (\w+ )?iets (aandoen|aan doen)|"
        r"niet van plan (om )?(mezelf|me) (\w+ )?iets aan te doen)(?!( \w+){0,6} (maar|behalve|tot)\b)",
        examples=(
            "ik zou mezelf nooit iets aandoen",
        ),
    ),
    Idiom(
        "overdose_years_ago",
        r"(\d+|twee|drie|vier|vijf|tien|jaren|vele|paar|aantal|enkele) (jaar|jaren|"
        r"maanden) geleden (\w+ ){0,5}(een )?overdosis (\w+ )?(genomen|gehad)(?!( \w+){0,8} (weer|opnieuw|"
        r"terug)\b)",
        examples=(
            "tien jaar geleden heb ik een overdosis genomen",
        ),
    ),
    Idiom(
        "burning_oneself_stopped",
        r"vroeger (ik )?(brandde|sneed|kraste|sloeg) (ik )?(mezelf|me) (\w+ ){0,3}nu niet meer",
        examples=(
            "vroeger brandde ik mezelf, nu niet meer",
        ),
    ),
    Idiom(
        "scratching_an_itch",
        r"(krab|krabben|krabde) (\w+ ){0,3}(want|omdat|door) (\w+ ){0,4}(muggenbult|muggebult|jeuk|eczeem|"
        r"uitslag|bult)",
        examples=(
            "ik krab steeds want ik heb jeuk",
        ),
    ),
    Idiom(
        "beaten_last_year",
        r"(geslagen|mishandeld|bedreigd) (\w+ ){0,3}(vorig jaar|jaren geleden|lang geleden|"
        r"vroeger)(?!( \w+){0,8} (weer|opnieuw|terug)\b)",
        examples=(
            "hij heeft me geslagen, vorig jaar",
        ),
    ),
    Idiom(
        "last_day_at_school_or_work",
        r"laatste (dag|week|maand|jaar) (op|van|bij) (school|het werk|werk|de opleiding|stage|"
        r"de basisschool|de club|kantoor)\b",
        examples=(
            "vandaag is mijn laatste dag op school",
        ),
    ),
    Idiom(
        "watching_boats_from_a_bridge",
        r"(op|bij) de brug (\w+ ){0,6}(om )?naar de (schepen|boten|boot|eenden|zonsondergang|lichtjes|"
        r"vissers|meeuwen|vuurwerk) (te )?(kijken|kijk)",
        examples=(
            "ik sta op de brug om naar de boten te kijken",
        ),
    ),
    Idiom(
        "enough_for_today",
        r"(het is|is het) mooi geweest voor (vandaag|vanavond|nu|deze week)\b",
        examples=(
            "het is mooi geweest voor vandaag",
        ),
    ),
    Idiom(
        "unsure_whether_pills_were_taken",
        r"(weet|wist) (\w+ ){0,2}niet (meer )?of ik (\w+ ){0,3}(pillen|medicijnen|tabletten|"
        r"pil) (\w+ ){0,2}(al )?(heb )?(genomen|ingenomen)",
        examples=(
            "ik weet niet meer of ik mijn pillen al heb genomen",
        ),
    ),
    Idiom(
        "afraid_of_not_waking_up",
        r"bang (\w+ ){0,2}dat ik (\w+ ){0,3}niet meer wakker (word|wordt)",
        examples=(
            "ik ben bang dat ik na de operatie niet meer wakker word",
        ),
    ),
    Idiom(
        "suicidal_thoughts_as_a_student",
        r"((in mijn|als) (studententijd|tienertijd|jeugd|student|tiener|puber) had ik (zelfmoordgedachten|"
        r"suicidale gedachten) (\w+ ){0,8}(hulp|voorbij|over)\b)(?!( \w+){0,8} (weer|opnieuw|terug)\b)",
        examples=(
            "in mijn studententijd had ik zelfmoordgedachten maar ik kreeg hulp",
        ),
    ),
    Idiom(
        "smoking_on_the_balcony",
        r"op (het|mijn) balkon (\w+ ){0,3}(sigaret|sigaretje|peuk|jointje)\w* (te )?(roken|rook)\b",
        examples=(
            "ik ga even op het balkon een sigaretje roken",
        ),
    ),
    Idiom(
        "parent_will_kill_me",
        r"(mijn moeder|mijn vader|mijn ouders|mama|papa|mijn oma|mijn opa|mijn baas|mijn zus|"
        r"mijn broer) (\w+ ){0,2}(gaat|gaan|zal|zullen) (me|mij) (\w+ )?(vermoorden|doodslaan|afmaken|"
        r"villen) als (ze|hij|zij) (\w+ ){0,2}(hoort|horen|ziet|zien|weet|weten|leest|lezen|merkt|merken)\b",
        examples=(
            "mijn moeder gaat me vermoorden als ze dit hoort",
        ),
    ),
    Idiom(
        "joking_threat",
        r"(slaat|slaan|vermoordt|vermoorden|maakt|villen|schiet) (hij|ze|zij)? ?(me|mij) (\w+ ){0,4}(dood|"
        r"af|de hersens in|levend)\b (\w+ ){0,8}(haha\w*|hihi|lol|xd)",
        examples=(
            "hij slaat me dood als ik verlies haha",
        ),
    ),
    Idiom(
        "annoyed_to_death",
        r"(me|mij|je) dood (ergeren|vervelen|schamen|lachen|schrikken|werken|zoeken|betalen|wachten)\b",
        examples=(
            "ik kan me dood ergeren aan de buren",
        ),
    ),
    Idiom(
        "violence_years_ago",
        r"((jaar|jaren|maanden) geleden (\w+ ){0,3}in elkaar geslagen|(ooit|vroeger|"
        r"toen) (\w+ ){0,4}(bedreigd|geslagen|mishandeld) (\w+ ){0,3}(dat is|is dat) (nu |al )?(\w+ )?(jaar|"
        r"jaren|maanden) geleden|(sloot|sloten) (me|mij) (\w+ ){0,3}op (\w+ ){0,4}(dat is|"
        r"is dat) (\w+ ){0,2}(jaar|jaren) geleden)(?!( \w+){0,8} (weer|opnieuw|terug)\b)",
        examples=(
            "ik ben ooit bedreigd maar dat is jaren geleden",
        ),
    ),
    Idiom(
        "knife_for_cooking",
        r"mes (\w+ ){0,4}om (de |het |een )?(\w+ )?(uien|groente|brood|vlees|aardappelen|appel|tomaten|"
        r"kaas) (te )?(snijden|schillen)",
        examples=(
            "pak even het mes om de uien te snijden",
        ),
    ),
    Idiom(
        "date_set_for_an_event",
        r"datum (\w+ )?(gekozen|geprikt|bepaald) (\w+ ){0,3}(bel ik|voor (de|het|ons|onze|mijn) (verhuizing|"
        r"bruiloft|feest|etentje|reunie|afspraak|verjaardag|operatie|vakantie|bezoek|eerste date|date))",
        examples=(
            "we hebben een datum geprikt voor de bruiloft",
        ),
    ),
    Idiom(
        "farewell_message_to_an_old_job",
        r"afscheidsbericht (\w+ ){0,6}(oude )?(werk|collegas|club|vereniging|baan|"
        r"school)\b(?!( \w+){0,10} (brug|pillen|spoor|trein|dood|leven|niet meer)\b)",
        examples=(
            "ik stuurde een afscheidsbericht naar mijn oude werk",
        ),
    ),
    Idiom(
        "swing_hung_from_a_tree",
        r"(schommel|hangmat|hangstoel|bokszak|vogelhuisje) (\w+ ){0,6}(touw|koord|touwen) (\w+ ){0,4}(aan|"
        r"in|om) (de|een) (boom|balk|tak)\b",
        examples=(
            "de schommel hangt met touw aan de boom",
        ),
    ),
    Idiom(
        "last_message_was_long_ago",
        r"laatste (berichtje|bericht|appje) (is|was) (van )?(\w+ ){0,3}(geleden|gisteren|vorige)\b",
        examples=(
            "zijn laatste bericht was van gisteren",
        ),
    ),
    Idiom(
        "watching_trains_from_a_viaduct",
        r"(sta|staat|staan|zit|zat) (\w+ ){0,2}op (het|de|een) (\w+ )?(viaduct|spoorviaduct|brug|dak|"
        r"parkeergarage) (\w+ ){0,3}(treinen|vliegtuigen|foto s|fotos|de skyline|de zonsondergang|"
        r"vogels)\w* (te )?(fotograferen|spotten|kijken|filmen|maken)\b",
        examples=(
            "ik sta op het viaduct om treinen te fotograferen",
        ),
    ),
    Idiom(
        "windows_taped_for_painting",
        r"(ramen|kieren|deuren) (\w+ ){0,2}afgeplakt (\w+ ){0,2}om (te )?(kunnen )?(schilderen|verven|"
        r"behangen|sauzen|klussen)\b",
        examples=(
            "de ramen zijn afgeplakt om te schilderen",
        ),
    ),
    Idiom(
        "not_that_i_want_to_die",
        r"niet dat ik (zelf )?(dood wil|niet meer wil leven|er niet meer wil zijn)\b(?!( \w+){0,6} (maar|"
        r"behalve)\b)",
        examples=(
            "niet dat ik dood wil hoor, ik ben gewoon moe",
        ),
    ),
    Idiom(
        "self_harm_someone_did_long_ago",
        r"(deed|deden|doet) vroeger aan zelfbeschadiging",
        examples=(
            "mijn vriendin deed vroeger aan zelfbeschadiging",
        ),
    ),
    Idiom(
        "waiting_at_a_bridge_or_station",
        r"(sta|zit) (\w+ ){0,4}(brug|kanaal|station|perron) (\w+ ){0,4}te wachten op (mijn|de|"
        r"een) (vriendin|vriend|moeder|vader|date|man|vrouw|zus|broer|collega|kinderen|bus|tram|boot|pont)\b",
        examples=(
            "ik sta bij het station te wachten op mijn vriendin",
        ),
    ),
    Idiom(
        "burnt_on_an_oven_dish",
        r"(gebrand|verbrand) aan (de|het|een|mijn) (ovenschaal|oven|pan|strijkijzer|kachel|fornuis|theepot|"
        r"waterkoker|bakplaat)\b",
        examples=(
            "ik heb me verbrand aan de ovenschaal",
        ),
    ),
    Idiom(
        "stargazing_from_a_roof",
        r"(dakterras|balkon|dak) (\w+ ){0,6}naar de (sterren|maan|lichtjes|zonsondergang|"
        r"vuurwerk) (te )?kijken",
        examples=(
            "we liggen op het dakterras naar de sterren te kijken",
        ),
    ),
    Idiom(
        "died_by_suicide",
        r"(overleed|overleden|gestorven|stierf) (\w+ )?(door|aan) (zelfdoding|zelfmoord|suicide)",
        examples=(
            "mijn oom is overleden door zelfdoding",
        ),
    ),
    Idiom(
        "forgetting_to_eat",
        r"(vergeet|vergat|vergeten) (\w+ )?te eten (\w+ ){0,5}niet expres",
        examples=(
            "ik vergeet soms te eten, niet expres",
        ),
    ),
    Idiom(
        "stories_about_suicide",
        r"(boek|boeken|serie|series|film|films|game|verhaal|roman|toneelstuk|documentaire|podcast|artikel|"
        r"voorlichting) (\w+ ){0,2}over (zelfmoord|suicide|zelfdoding)\b|"
        r"(boek|serie|film|game|verhaal|roman|toneelstuk|documentaire|podcast) (\w+ ){0,2}over (een |"
        r"de )?(man|vrouw|jongen|meisje|iemand|vader|moeder) die (\w+ ){0,6}(springt|sprong|pleegt|pleegde|"
        r"ophangt|ophing)\b|"
        r"(boek|serie|film|game|spel|verhaal|roman|toneelstuk|documentaire|"
        r"podcast)\w* (\w+ ){0,8}zelfmoord (pleegt|pleegde|plegen|gepleegd)|"
        r"zelfmoordpreventie|"
        r"suicide squad|"
        r"(boek|serie|film|game|spel|verhaal|roman|toneelstuk)\w* (\w+ ){0,8}(pleegt|pleegde|"
        r"plegen) (\w+ ){0,3}zelfmoord",
        examples=(
            "ik lees een boek over zelfmoord",
            "in de serie pleegt de moeder zelfmoord",
        ),
    ),
)

_HARMLESS_RE = re.compile(rf"\b(?:{'|'.join(idiom.pattern for idiom in IDIOMS)})\b")


def remove_harmless(corrected: str) -> str:
    """Remove the harmless idioms from spelling-corrected text and squeeze the spaces."""
    return re.sub(r"\s+", " ", _HARMLESS_RE.sub(" ", corrected)).strip()


def has_harmless_idiom(text: str) -> bool:
    """Tell whether the message uses a risk word harmlessly ("ik ga dood van de kou")."""
    return _HARMLESS_RE.search(correct_spellings(text)) is not None
