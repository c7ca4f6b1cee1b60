"""Rules for pills, medicines and poison: saved, ordered, swallowed, asked about."""

from __future__ import annotations

from bot.safety.rules.rule import Rule

RULES: tuple[Rule, ...] = (
    Rule(
        "pills_saved",
        r"(pillen|medicijnen|slaappillen|paracetamol|oxazepam|tabletten|pijnstillers|strip|doos|potje|"
        r"slaapmiddel|insuline)\w* (\w+ ){0,6}(gespaard|verzameld|liggen klaar|klaargelegd|bewaard|"
        r"uitgeteld|in een keer|tegelijk|allemaal|in mijn hand|in me hand|naast me|klaar)|"
        r"(heleboel|hele doos|hele strip|alle|al mijn|handvol) (\w+ ){0,2}(pillen|medicijnen|slaappillen|"
        r"tabletten|paracetamol)|"
        r"(spaar|verzamel|tel) (\w+ ){0,4}(pillen|slaappillen|medicijnen|tabletten)|"
        r"(heleboel|hele pot|pot|strip) (\w+ )?pillen (\w+ ){0,3}(naast|bij) me|"
        r"(pillen|slaappillen|tabletten|medicijnen) (\w+ ){0,12}(verzamel|spaar) (ik )?ze\b|"
        r"(potjes|pillen|strips|medicijnen|tabletten) (\w+ ){0,6}(gevonden|gespaard|"
        r"verzameld) (\w+ ){0,3}(dat is|is dat|dat zijn|nu heb ik) (\w+ )?genoeg\b|"
        r"(paracetamol|pillen|slaappillen|medicijnen|tabletten) (\w+ ){0,4}(gekocht|"
        r"gehaald) (\w+ ){0,3}(verschillende|meerdere|allemaal andere) (winkels|drogisten|apotheken)|"
        r"(apotheek|apotheken|recept|recepten) (\w+ ){0,12}(nu|dan|eindelijk) (heb ik|is het) (er )?(genoeg|"
        r"voldoende)\b|"
        r"(pillen|slaappillen|medicijnen|tabletten)\w* (\w+ ){0,4}(fijngemaakt|vermalen|opgelost|"
        r"fijngestampt)",
        catches=(
            "ik heb al maanden slaappillen gespaard",
            "ik spaar al weken mijn pillen op",
            "ik heb een handvol pillen in mijn hand",
        ),
        ignores=(
            "ik heb een hele krat pils gekocht en ga ze allemaal opdrinken",
            "mijn medicijnen zijn op, ik moet een herhaalrecept halen",
        ),
    ),
    Rule(
        "overdose",
        r"overdosis|"
        r"(heel veel|veel te veel|te veel|een hele|een heleboel|een handvol) (paracetamol|pillen|tabletten|"
        r"medicijnen|slaappillen|oxazepam|ibuprofen) (\w+ ){0,2}(genomen|geslikt|ingenomen)|"
        r"[1-9]\d+ (\w+ )?(pillen|oxazepam|temazepam|diazepam|lorazepam|paracetamol|ibuprofen|tabletten|"
        r"slaappillen|medicijnen) (\w+ )?(geslikt|ingenomen|genomen)",
        catches=(
            "ik wil een overdosis nemen",
            "ik heb veel te veel paracetamol genomen",
            "ik heb net 30 oxazepam geslikt",
        ),
        ignores=(
            "ik heb 2 paracetamol genomen tegen de hoofdpijn",
            "mijn neef is overleden aan een overdosis",
        ),
    ),
    Rule(
        "pills_swallowed",
        r"(alles|alle pillen|de pillen|mijn pillen|mijn medicijnen|al (mijn|"
        r"m n) \w+) (\w+ ){0,2}(al )?(ingenomen|genomen)\b|"
        r"(in (1|een)( keer|x)) (\w+ )?(genomen|ingenomen|geslikt)|"
        r"(hele|volle|alle|al mijn|handvol|heleboel) (strip|doos|pot|potje|fles|pillen|medicijnen|"
        r"\w+) (\w+ ){0,4}(opgeslikt|geslikt|ingenomen)|"
        r"(heel|hele|een heel) (potje|doosje|strip|fles|flesje) (\w+ ){0,2}(ingenomen|genomen|geslikt|"
        r"opgedronken)\b",
        catches=(
            "heb net al mn pillen in 1x genomen",
            "ik heb de hele strip geslikt",
            "ik heb alle pillen ingenomen",
        ),
        ignores=(
            "ik ben vergeten mijn pillen te nemen",
        ),
    ),
    Rule(
        "taking_everything_at_once",
        r"(neem|slik|spuit) (ze|alles|het|die) (\w+ )?(allemaal|tegelijk|in een keer)|"
        r"alles in een keer (\w+ )?(te )?(nemen|innemen|in te nemen|slikken)|"
        r"(neem|slik) (\w+ ){0,3}de hele (fles|strip|pot|doos|potje) (\w+ ){0,2}in\b|"
        r"voor in (een|1) keer\b",
        catches=(
            "ik slik ze vanavond allemaal",
            "ik neem vannacht de hele strip in",
        ),
        ignores=(
            "ik neem ze elke ochtend met water in",
        ),
    ),
    Rule(
        "empty_strip_and_drowsy",
        r"(doos|strip|fles|pot) (\w+ ){0,3}op (\w+ ){0,4}(suf|slaperig|duizelig|misselijk)|"
        r"(strip|strips|potje|doosje|pot|fles) (\w+ ){0,2}(is |zijn )?leeg (\w+ ){0,3}(duizelig|misselijk|"
        r"slaperig|suf)|"
        r"leeg (\w+ )?(potje|doos|strip) (\w+ )?(pillen|medicijnen|slaappillen)",
        catches=(
            "de hele doos is op en ik word zo suf",
            "de strip is leeg en ik ben duizelig",
            "er ligt een leeg potje pillen naast haar",
        ),
        ignores=(
            "de doos koekjes is leeg",
        ),
    ),
    Rule(
        "pills_with_alcohol",
        r"(wodka|whisky|wijn|drank|alcohol|jenever|rum|bier) (\w+ ){0,4}(met|en) (\w+ )?pillen (erbij|"
        r"ingenomen|genomen|geslikt)",
        catches=(
            "ik heb een fles wodka met pillen erbij op",
            "ik heb wijn gedronken en pillen genomen",
        ),
        ignores=(
            "ik drink geen wijn omdat ik pillen slik",
        ),
    ),
    Rule(
        "asking_for_a_deadly_dose",
        r"(welke|hoeveel) (\w+ ){0,2}(medicijnen|pillen|tabletten|middelen) (\w+ ){0,4}dodelijk|"
        r"hoeveel (\w+ ){0,4}nodig (hebt|heb|is) (\w+ ){0,6}(genoeg|voldoende)\b",
        catches=(
            "hoeveel pillen zijn dodelijk",
            "hoeveel slaappillen heb ik nodig, is tien genoeg",
        ),
        ignores=(
            "hoeveel pillen mag ik per dag nemen",
        ),
    ),
    Rule(
        "deadly_means_ordered",
        r"(exit pil|exitpil|drion pil|drionpil|pil van drion|middel x) (\w+ ){0,6}(kopen|bestellen|besteld|"
        r"krijgen|kan ik)\b|"
        r"(kopen|bestellen|besteld) (\w+ ){0,4}(exit pil|exitpil|middel x)|"
        r"(zelf|via internet) (\w+ ){0,3}(middelen|middel|pillen|poeder) (\w+ ){0,3}(besteld|gekocht)|"
        r"niet voor een (dier|hond|kat|paard)$|"
        r"euthanasiemiddel (\w+ ){0,6}(mee|thuis|voor mezelf|voor mij)\b",
        catches=(
            "waar kan ik een exit pil kopen",
            "ik heb via internet een middel besteld",
            "ik heb euthanasiemiddel van de praktijk mee naar huis genomen",
            "het is niet voor een dier",
        ),
        ignores=(
            "ik heb via internet nieuwe schoenen gekocht",
        ),
    ),
    Rule(
        "poison_drunk",
        r"(bleekmiddel|chloor|ontstopper|gootsteenontstopper|antivries|rattengif|gif|bleach|drain cleaner|"
        r"wasbenzine|terpentine|accuzuur)\w* (\w+ ){0,4}(drink|drinken|gedronken|slikken|geslikt|opdrinken|"
        r"opgedronken|innemen|ingenomen|drank)|"
        r"(drink|drinken|gedronken|slok|slikken|geslikt|drank) (\w+ ){0,4}(bleekmiddel|chloor|ontstopper|"
        r"antivries|rattengif|gif|bleach|wasbenzine|accuzuur)|"
        r"(gif|onkruidgif|rattengif|bleekmiddel|ontstopper|antivries|"
        r"onkruidverdelger) (\w+ ){0,3}in een (glas|beker|kopje|mok) (gegoten|gedaan|geschonken)",
        catches=(
            "ik ga bleekmiddel drinken",
            "ik heb rattengif in een glas gedaan",
            "ik heb ontstopper gedronken",
        ),
        ignores=(
            "ik maak de wc schoon met bleekmiddel",
        ),
    ),
)
