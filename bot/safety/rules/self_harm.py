"""Rules for self-harm: cutting, hitting, burning or starving oneself, and the urge to."""

from __future__ import annotations

from bot.safety.rules.rule import Rule

RULES: tuple[Rule, ...] = (
    Rule(
        "self_harm_named",
        r"zelfbeschadiging|"
        r"automutilatie|"
        r"zelfverwonding",
        catches=(
            "ik doe aan zelfbeschadiging",
            "ik heb last van automutilatie",
        ),
        ignores=(
            "mijn vriendin deed vroeger aan zelfbeschadiging",
        ),
    ),
    Rule(
        "cutting_oneself",
        r"(snij|snijd|snijden|kras|krassen|bekras|bekrassen|kerf|kerven|brand|verbrand|sla(?!a?p)|bonk|"
        r"verwond|beschadig)\w* (ik )?(\w+ ){0,2}(mezelf|mijn (arm|armen|benen|been|pols|polsen|huid|hoofd|"
        r"dijen|buik))|"
        r"(me|mezelf) (\w+ ){0,3}(gesneden|gekrast|gekerfd|verbrand|beschadigd|verwond|pijn (gedaan|doen|"
        r"te doen)|snijden|krassen|kerven|branden|beschadigen|verwonden|slaan|uithongeren)|"
        r"in (mijn|m n) (arm|armen|benen|been|pols|polsen|huid|dijen|buik) (\w+ ){0,2}(gesneden|gekrast|"
        r"gekerfd|snijden|krassen)|"
        r"snij weer|"
        r"ik snij\b|"
        r"in (mijn|m n) (bovenbenen|onderarmen|onderarm|bovenbeen|dijen|buik|polsen|"
        r"pols) (\w+ ){0,2}(gesneden|gekrast)|"
        r"(armen|huid|benen|polsen) (\w+ ){0,2}open (krab|krabben|gekrabd|gesneden)|"
        r"(me|mezelf) gesneden (\w+ ){0,3}bloed",
        catches=(
            "ik heb weer in mijn arm gesneden",
            "ik heb mezelf gekrast",
            "ik snij mezelf",
        ),
        ignores=(
            "ik heb me gesneden bij het uien snijden",
        ),
    ),
    Rule(
        "urge_to_cut",
        r"(urge|drang|neiging) (\w+ ){0,3}(cutten|snijden|krassen|sh)\b|"
        r"\b(cutten|gecut)\b|"
        r"(denk|denken|dacht) (\w+ ){0,3}aan (snijden|krassen|kerven|cutten)\b|"
        r"aan (snijden|krassen|kerven|cutten) (\w+ )?(denken|gedacht)|"
        r"(snijden|krassen|snij|kras|kerven) (\w+ ){0,12}dieper\b|"
        r"(weer|opnieuw) (\w+ ){0,2}(begonnen|gestart) (met )?(snijden|krassen|cutten|kerven)",
        catches=(
            "de drang om te krassen is zo sterk",
            "ik denk de hele dag aan snijden",
            "vanavond ben ik weer begonnen met krassen",
        ),
        ignores=(
            "ik heb zin om de taart aan te snijden",
        ),
    ),
    Rule(
        "cutting_right_now",
        r"(zit|ben|sta|lig) (\w+ )?(te |aan het )?(krassen|snijden|cutten|kerven)\b(?! (op|aan|in) (een|het|"
        r"de|mijn|m n) (\w+ )?(lot|loten|kraslot|krasloten|hout|brood|groente|uien|vlees|papier))|"
        r"(doe|snij|kras) (ik )?(het )?nu terwijl ik (typ|type|schrijf|chat)",
        catches=(
            "ik zit weer te krassen",
            "ik snij nu terwijl ik typ",
        ),
        ignores=(
            "ik zit aan het krassen op een kraslot",
            "ik sta uien te snijden",
        ),
    ),
    Rule(
        "harming_oneself",
        r"mezelf expres|"
        r"(ga|ga ik) (mezelf|me) (\w+ )?(wat|iets) (aan )?doen|"
        r"(mezelf|me) (\w+ ){0,2}(wat|iets) ((wil|ga|zal|ging|gaat) )?aan ?(doe|doen|te doen)\b|"
        r"(mijn|m n) eigen (\w+ )?(wat|iets) (aandoen|aan (te )?doen)",
        catches=(
            "ik ga mezelf iets aandoen",
            "ik ben bang dat ik mezelf iets aandoe",
        ),
        ignores=(
            "ik zou mezelf nooit iets aandoen",
        ),
    ),
    Rule(
        "hitting_oneself",
        r"(krab|krabben|stomp|stompen|bijt|bijten|schop|schoppen) (\w+ ){0,2}(mezelf|mijn (arm|armen|huid|"
        r"benen|gezicht|hoofd))|"
        r"(me|mezelf) (\w+ ){0,3}(geslagen|gestompt|gekrabd|gebrand)\b",
        catches=(
            "ik stomp mezelf tot het pijn doet",
            "ik heb mezelf weer geslagen",
        ),
        ignores=(
            "ik krab aan mijn arm want ik heb een muggenbult",
        ),
    ),
    Rule(
        "burning_oneself",
        r"(arm|armen|huid|been|benen|hand) (\w+ ){0,3}(aansteker|sigaret|strijkijzer) (\w+ )?(verbrand|"
        r"gebrand)|"
        r"(sigaret|sigaretten) (\w+ ){0,3}uit op (mijn|m n) (huid|arm|armen|been|hand)|"
        r"(aansteker|sigaret|strijkijzer) (\w+ ){0,3}(tegen|op) (mijn|m n) (huid|arm|armen|been|benen|hand)|"
        r"(hand|arm|armen|huid|vingers) (\w+ ){0,4}(tegen|op) (de |het |een )?(hete |gloeiende )?(kookplaat|"
        r"fornuis|strijkijzer|pan|oven|kachel|vuur|vlam)\w* (\w+ ){0,4}(gedrukt|gehouden|gelegd|tot)",
        catches=(
            "ik drukte mijn sigaret uit op mijn arm",
            "ik hield mijn hand op de hete kookplaat tot het pijn deed",
        ),
        ignores=(
            "ik heb mijn hand gebrand aan de oven",
        ),
    ),
    Rule(
        "deserving_pain",
        r"verdien (het )?(om )?pijn|"
        r"(verdien|verdiende) (ik )?(dat|het)$",
        catches=(
            "ik verdien het om pijn te hebben",
            "het doet pijn, maar ik verdien het",
        ),
        ignores=(
            "ik verdien het om eens op vakantie te gaan",
        ),
    ),
    Rule(
        "starving_on_purpose",
        r"(eet|eten) (\w+ ){0,4}(niks|niets|niet) (meer )?(\w+ ){0,3}(expres|omdat ik (\w+ ){0,2}(dood|"
        r"wil dat))|"
        r"(verdien|verdiend) (het )?(geen|niet) (eten|te eten|te leven)|"
        r"eet (gewoon |expres )?(niet meer|niks meer|niets meer) (\w+ ){0,4}(expres|verdien|straf)|"
        r"expres (niks|niets|niet) (meer )?(eet|eten|gegeten)|"
        r"(eet|eten|gegeten) (\w+ ){0,4}expres (niks|niets|niet)|"
        r"(drink|eet) (\w+ ){0,3}(niks|niets) meer (\w+ )?(met opzet|expres|bewust)\b|"
        r"(weigert|stopt|gestopt|stopte) (\w+ ){0,4}(met )?(te )?eten en (te )?drinken",
        catches=(
            "ik eet expres niks meer",
            "ik verdien geen eten",
            "mijn vader weigert al dagen te eten en te drinken",
        ),
        ignores=(
            "ik vergeet soms te eten, niet expres",
        ),
    ),
)
