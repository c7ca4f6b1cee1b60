"""Rules for a plan: a way or a date chosen, a decision taken, hints at what is coming."""

from __future__ import annotations

from bot.safety.rules.rule import Rule

RULES: tuple[Rule, ...] = (
    Rule(
        "plan_made",
        r"(heb|had) (het )?(goed )?uitgedacht|"
        r"(een|1|enige|maar een) (manier|uitweg|oplossing) (\w+ ){0,6}(gekozen|gevonden|over)|"
        r"(die|deze) (heb ik|ga ik) (\w+ )?(gekozen|nemen)$|"
        r"weet (ook )?al hoe\b|"
        r"geen plan(nen)? meer (\w+ )?behalve (eentje|een|1)\b|"
        r"mijn (eigen )?dood (\w+ ){0,2}(plannen|te plannen|regelen|voorbereiden)\b|"
        r"definitieve plannen\b(?! (voor|met|over) (de|het|onze|mijn|m n) )|"
        r"voor als ik de moed (heb|vind)",
        catches=(
            "ik heb het goed uitgedacht",
            "er is maar een uitweg over",
            "ik weet al hoe",
            "ik ga mijn eigen dood regelen",
        ),
        ignores=(
            "ik weet niet hoe ik dat moet doen",
            "we hebben definitieve plannen voor de verbouwing",
        ),
    ),
    Rule(
        "date_set",
        r"datum (\w+ )?(gekozen|geprikt|bepaald)|"
        r"datum (\w+ ){0,2}(staat )?(vast|gepland)|"
        r"(ik )?heb een datum$|"
        r"(sterfdatum|sterfdag|doodsdatum) (\w+ ){0,6}(kies|bepaal|prik) ik zelf|"
        r"(dit|vandaag|morgen|deze week) (is|wordt) mijn laatste (dag|week|avond|nacht)|"
        r"besloten dat (\w+ ){0,2}mijn laatste|"
        r"morgen is het zover|"
        r"(stop|kap) ik (er)?mee (\w+ ){0,6}(met mezelf|met mijzelf) afgesproken|"
        r"(over|na) (een|1|twee|\d+) (dag|dagen|week|weken|maand) (\w+ ){0,3}(op )?mijn (begrafenis|"
        r"uitvaart)",
        catches=(
            "ik heb een datum gekozen",
            "vandaag is mijn laatste dag",
            "morgen is het zover",
            "ik heb een datum",
        ),
        ignores=(
            "we hebben een datum geprikt voor de bruiloft",
            "vandaag is mijn laatste dag op school",
        ),
    ),
    Rule(
        "about_to_do_it",
        r"(maak|maken) (ik )?het (vanavond |vannacht |morgen )?af$|"
        r"vanavond maak ik het af|"
        r"(ik )?sta op het punt( om)?$|"
        r"(was|is) geen grap(je)? (\w+ ){0,3}(ik )?(ga|doe) het (toch|echt|wel)\b",
        catches=(
            "vanavond maak ik het af",
            "ik sta op het punt",
            "dit is geen grap, ik doe het echt",
        ),
        ignores=(
            "ik sta op het punt om naar de markt te gaan",
            "ik maak het schilderij vanavond af",
        ),
    ),
    Rule(
        "decided_to_stop",
        r"(besloten|gekozen) (\w+ ){0,8}niet meer (verder|door)|"
        r"(stop|stoppen) ik ermee (\w+ ){0,3}(besloten|beslist)|"
        r"het is besloten|"
        r"besloten dat ik er (\w+ ){0,3}niet meer (ben|zal zijn|wil zijn)",
        catches=(
            "ik heb besloten dat ik niet meer verder ga",
            "het is besloten",
            "ik heb besloten dat ik er volgende week niet meer ben",
        ),
        ignores=(
            "ik heb besloten om op zondag niet meer te werken",
        ),
    ),
    Rule(
        "calm_after_deciding",
        r"rustig (\w+ ){0,3}(beslissing|besluit) (is )?genomen|"
        r"(beslissing|besluit) is genomen (?!(om|over|voor|dat|door|van|bij|in|op)\b)(\w+ ){0,5}(voel|"
        r"voelt) (\w+ ){0,3}(goed|rustig|opgelucht)",
        catches=(
            "ik ben rustig nu de beslissing genomen is",
            "de beslissing is genomen en ik voel me opgelucht",
        ),
        ignores=(
            "de beslissing is genomen om te verhuizen en ik voel me er goed bij",
        ),
    ),
    Rule(
        "going_in_peace",
        r"met een gerust hart (heengaan|sterven|gaan)\b(?! (slapen|naar|op|werken|wandelen|zitten|"
        r"verhuizen))|"
        r"vrede gevonden (\w+ ){0,2}sorry|"
        r"ga liever stil\b",
        catches=(
            "ik kan nu met een gerust hart gaan",
            "ik heb vrede gevonden, sorry",
        ),
        ignores=(
            "nu kan ik met een gerust hart gaan slapen",
        ),
    ),
    Rule(
        "made_to_look_like_an_accident",
        r"(zo|zodat|dat) (\w+ ){0,3}(op|als) een ongeluk (lijkt|lijken|uitziet|eruit ziet)",
        catches=(
            "ik wil dat het op een ongeluk lijkt",
        ),
        ignores=(
            "het was echt een ongeluk, niemand kon er iets aan doen",
        ),
    ),
    Rule(
        "stopping_treatment",
        r"(dialyse|insuline|medicatie|medicijnen|pillen|chemo|hartpillen) (\w+ ){0,8}(zo gaat het vanzelf|"
        r"zo kom ik (\w+ )?(sneller|eerder))|"
        r"laat het maar groeien",
        catches=(
            "ik stop met de dialyse, zo gaat het vanzelf",
            "die bult laat ik zitten, laat het maar groeien",
        ),
        ignores=(
            "ik neem mijn insuline braaf elke dag",
        ),
    ),
    Rule(
        "own_way_after_euthanasia_refused",
        r"(verzoek|euthanasie) (\w+ ){0,4}afgewezen (\w+ ){0,6}(zelf|dan doe ik het|regel ik het)\b|"
        r"(euthanasie|arts|dokter) (\w+ ){0,6}(ik ga het|ik regel het|dan regel ik het|"
        r"dan doe ik het) zelf\b|"
        r"helpen (om )?(te )?(gaan|sterven|inslapen) (\w+ ){0,3}(maar|dus) (\w+ ){0,3}(andere|eigen) manier",
        catches=(
            "mijn verzoek om euthanasie is afgewezen dus ik regel het zelf",
            "de dokter doet niks, dan doe ik het zelf",
        ),
        ignores=(
            "de dokter zei dat ik het zelf mag kiezen",
        ),
    ),
    Rule(
        "attempt_to_be_repeated",
        r"poging gedaan (\w+ ){0,4}(lukte niet|mislukt) (\w+ ){0,6}(opnieuw|nog een keer|weer)\b",
        catches=(
            "ik heb vorige week een poging gedaan maar het lukte niet, ik probeer het opnieuw",
        ),
        ignores=(
            "ik heb een poging gedaan om te gaan sporten maar het lukte niet",
        ),
    ),
    Rule(
        "life_insurance_paying_out",
        r"(levensverzekering|uitvaartpolis|verzekering) (\w+ ){0,6}(overlijden|dood) (\w+ ){0,6}(geholpen|"
        r"beter af)|"
        r"(uitvaartpolis|levensverzekering) (\w+ ){0,8}gebruik van maken|"
        r"(polis|verzekering|levensverzekering)\w* (\w+ ){0,12}(als|wanneer) (je|ik|men) het zelf (doet|doe)",
        catches=(
            "met mijn levensverzekering zijn ze bij mijn overlijden beter af",
            "keert de verzekering ook uit als je het zelf doet",
        ),
        ignores=(
            "ik heb mijn levensverzekering opgezegd",
        ),
    ),
    Rule(
        "place_where_a_relative_did_it",
        r"(plek|plaats) waar (mijn|zijn|haar) (\w+ )?(vader|moeder|broer|zus|zoon|dochter|vriend|vriendin|"
        r"oom|opa|oma|man|vrouw) het (ook )?(gedaan heeft|heeft gedaan|deed)\b|"
        r"(weet|zie) (\w+ )?(nog )?(precies )?hoe (hij|zij|ze) het (deed|gedaan heeft|heeft gedaan)\b",
        catches=(
            "ik ga naar de plek waar mijn vader het gedaan heeft",
            "ik weet nog precies hoe hij het deed",
        ),
        ignores=(
            "ik weet niet hoe hij het voor elkaar kreeg",
        ),
    ),
    Rule(
        "place_scouted",
        r"(plek|plaats|stuk|plekje) (\w+ ){0,6}(bekeken|uitgezocht|opgezocht|gevonden|"
        r"gezien) (\w+ ){0,8}(water (\w+ )?diep|diep water|spoor|brug|flat|dak)",
        catches=(
            "ik heb een plek uitgezocht bij de brug",
            "ik heb een plekje gevonden waar het water heel diep is",
        ),
        ignores=(
            "we hebben een mooi plekje gevonden voor de picknick",
        ),
    ),
    Rule(
        "keeping_the_plan_secret",
        r"(niemand|niet) (\w+ ){0,3}(zeggen|vertellen) wat ik (ga|wil) doen|"
        r"(snap|snapt|weet) (\w+ )?wel waarvoor|"
        r"(weet|weten|snapt|snappen) (\w+ )?(nog )?niet dat (het|dit) (voor altijd|voorgoed|"
        r"de laatste keer) is|"
        r"niet waarvoor ik (\w+ ){0,2}(opruim|weggeef|regel|afscheid)|"
        r"laatste (\w+ ){0,6}zonder dat (ze|hij|zij|iemand) het (wist|wisten|weet|weten)|"
        r"tegen die tijd (\w+ ){0,3}gedaan wat ik (moet|moest) doen",
        catches=(
            "ik ga niemand vertellen wat ik ga doen",
            "mijn zus weet nog niet dat het de laatste keer is",
            "ze weten niet waarvoor ik alles opruim",
        ),
        ignores=(
            "ik ga niemand vertellen wat ik voor haar verjaardag koop",
        ),
    ),
    Rule(
        "being_found",
        r"(wil|mag) (\w+ )?niet dat (\w+ ){0,3}(mij|me) (vindt|vinden|gaat vinden)|"
        r"wie (mij|me) (straks |morgen )?(vindt|gaat vinden|zal vinden)|"
        r"(voordat|voor|tot) (iemand|ze|men|mensen|de buren) (je|me|mij|mijn lichaam) (\w+ )?(vindt|vinden|"
        r"vind|ontdekt|ontdekken)\b|"
        r"(niemand|niet) (\w+ ){0,3}(vindt|vinden) (\w+ ){0,2}voor(dat)? het te laat|"
        r"voor als (ze|iemand|men|jullie) (me|mij) (vinden|vindt)\b|"
        r"(morgen|straks|maandag|dan) (vindt|vinden) (ze|hij|zij|iemand) (me|mij)\b"
        r"(?! (\w+ )?(zielig|raar|gek|vreemd|lastig|aardig|leuk|saai|stom|dom|zwak|sterk|moeilijk))|"
        r"sleutel (\w+ ){0,3}onder de mat (\w+ ){0,3}(kan|kunt|kunnen) vinden",
        catches=(
            "ik wil niet dat mijn dochter me vindt",
            "hoe lang duurt het voordat de buren me vinden",
            "morgen vinden ze me wel",
        ),
        ignores=(
            "ik hoop dat iemand me vindt om mee te wandelen",
            # Real voices: an older woman on why she does not say she is lonely.
            "zeg ik ja, dan vinden ze me zielig",
        ),
    ),
    Rule(
        "lying_down_in_the_cold",
        r"(sneeuw|kou|vrieskou|ijs) (\w+ ){0,3}(ga|gaan) liggen (\w+ ){0,3}(blijf|blijven) liggen",
        catches=(
            "ik loop de sneeuw in, ga liggen en blijf liggen",
        ),
        ignores=(
            "in de sneeuw ga ik lekker sleeën met de kleinkinderen",
        ),
    ),
    Rule(
        "painless_way_sought",
        r"(snelste|makkelijkste|pijnloze|pijnloos|zekerste|beste) (manier|methode|"
        r"weg) (\w+ ){0,3}(om )?(eruit te stappen|er uit te stappen|dood te gaan|te sterven|een eind|"
        r"er een eind|zelfmoord|mezelf)|"
        r"eruit (te )?stappen zonder (dat het )?pijn|"
        r"(hoe|manier) (\w+ ){0,4}pijnloos|"
        r"pijnloos (\w+ ){0,2}(dood|sterven|doodgaan|eruit|inslapen)\b",
        catches=(
            "wat is de snelste manier om dood te gaan",
            "hoe kan ik pijnloos inslapen",
            "ik wil eruit stappen zonder pijn",
        ),
        ignores=(
            "wat is de snelste manier om naar utrecht te gaan",
        ),
    ),
    Rule(
        "means_laid_out",
        r"(mes|scheermes|geweer|pistool|pillen|touw) (\w+ ){0,3}(klaarliggen|klaar liggen|klaargelegd)|"
        r"(mes|mesje|scheermesje|touw|pillen) (\w+ ){0,3}naast (mijn|m n) (bed|kussen)|"
        r"(geweer|jachtgeweer|pistool|revolver|mes|mesje|scheermesje|touw|pillen) (\w+ ){0,4}op (mijn |"
        r"m n )?schoot",
        catches=(
            "het mes heb ik klaargelegd",
            "de pillen liggen naast mijn bed",
            "ik zit met het geweer op schoot",
        ),
        ignores=(
            "mijn bril ligt naast mijn bed",
        ),
    ),
)
