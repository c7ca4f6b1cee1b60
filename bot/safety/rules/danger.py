"""Rules for danger from others: violence, threats, weapons, being locked in or followed."""

from __future__ import annotations

from bot.safety.rules.rule import Rule

RULES: tuple[Rule, ...] = (
    Rule(
        "being_beaten",
        r"(slaat|schopt|mishandelt|bedreigt|wurgt|wurgde|sloeg|schopte|dreigt|achtervolgt|volgt|stalkt) (me|"
        r"mij|ons)\b|"
        r"(slaat|sloeg|schopt) (hij|zij|ze) (me|mij)|"
        r"(word|wordt|werd|ben|zijn) (\w+ ){0,3}(geslagen|mishandeld|bedreigd|gewurgd|geschopt|verkracht|"
        r"opgesloten|in elkaar geslagen|aangevallen)|"
        r"(heeft|had|hebben) (me|mij) (\w+ ){0,3}(gewurgd|geslagen|geschopt|verkracht|opgesloten|bedreigd|"
        r"aangevallen)|"
        r"(slaat|sloeg|schopt|schopte) (\w+ ){0,2}(me|mij)\b|"
        r"(geduwd|geslagen|geschopt) (\w+ ){0,4}gedreigd|"
        r"(duwde|duwt|gooide|gooit|trapte|trapt) (me|mij) (\w+ ){0,3}(van de trap|tegen|op de grond|uit|in)|"
        r"los (gegaan|gaat|ging) op (mijn|m n|me|mij|ons)\b",
        catches=(
            "mijn vriend slaat me",
            "ik word thuis geslagen",
            "hij duwde me van de trap",
        ),
        ignores=(
            "mijn ex sloeg me vroeger, nu woon ik al jaren veilig",
        ),
    ),
    Rule(
        "threatened_with_death",
        r"(heeft|hebben) (\w+ ){0,2}gedreigd (me|mij)|"
        r"(wil|gaat|dreigt|zal) (me|mij) (te )?(\w+ ){0,2}(vermoorden|doden|doodmaken|dood (te )?maken|"
        r"iets aan(doen| te doen| doet)|neersteken|neerschieten)|"
        r"(me|mij) (\w+ ){0,3}iets aandoet|"
        r"(gaat|ga) (me|mij) (\w+ ){0,2}vermoorden|"
        r"(dreigt|dreigde|gedreigd) (\w+ ){0,4}(iets aan te doen|te vermoorden|pijn te doen|te slaan|"
        r"dood te maken)|"
        r"(dreigt|dreigde|gedreigd) (\w+ ){0,8}(mes|wapen|pistool)|"
        r"gedreigd dat (het )?(\w+ )?erger|"
        r"(kinderen|kind|mij|me) (\w+ )?iets aan(doet| doen| te doen)|"
        r"(mij|me|ons|mijn kinderen|de kinderen|mijn kind|mijn moeder|mijn vader) (\w+ ){0,2}(gaat |gaan |"
        r"zal |wil )?(vermoorden|doodmaken)|"
        r"dat ik de volgende ben|"
        r"(ik|jij) (ben|bent) de volgende|"
        r"(zegt|schreeuwt|schreeuwen|roept|roepen|dreigt|berichten|appt) (\w+ ){0,3}dat (hij|ze|"
        r"zij) (\w+ ){0,3}(vermoordt|doodmaakt|kapotmaakt|afmaakt)\b|"
        r"om (me|mij|hem|haar|ons) af te maken\b|"
        r"(zegt|zei|dreigt|roept|schreeuwt|appt) (\w+ ){0,2}dat (hij|ie|ze|zij) (me|"
        r"mij) (\w+ ){0,2}(vermoordt|doodmaakt|afmaakt|kapotmaakt)\b(?! als ik)|"
        r"(gaat|zal|komt) (me|mij) (\w+ )?pakken\b|"
        r"(me|mij) (gaat|zal|komt) (\w+ )?pakken\b|"
        r"(hij|ze|zij) (\w+ ){0,3}(steekt|steken|stak) (mij|me) (\w+ ){0,3}(als|dood|neer|met)\b|"
        r"eraan ga als ik (\w+ ){0,2}(buiten|naar buiten) kom|"
        r"volgende keer (\w+ ){0,4}(niet meer (op)?sta|dood|niet meer wakker|niet overleef)",
        catches=(
            "hij dreigt me te vermoorden",
            "mijn ex zegt dat hij me komt pakken",
            "hij zegt dat ik de volgende ben",
        ),
        ignores=(
            "mijn baas vermoordt me als ik weer te laat ben",
        ),
    ),
    Rule(
        "honour_violence",
        r"eerwraak|"
        r"voor de eer (\w+ ){0,3}(dood|vermoorden|doden)|"
        r"(dood|vermoorden|doden) (\w+ ){0,3}voor de eer",
        catches=(
            "mijn broers dreigen met eerwraak",
            "ze willen me vermoorden voor de eer van de familie",
        ),
        ignores=(
            "het is een eer om hier te zijn",
        ),
    ),
    Rule(
        "weapon_in_hand",
        r"(iemand|hij|zij|ze|man|vriend|vriendin|vader|moeder|partner|broer|zoon|buurman|"
        r"ex) (\w+ ){0,4}(met|heeft|had|pakt|pakte) een (mes|wapen|pistool|vuurwapen|bijl)|"
        r"mes bij mij|"
        r"(heeft|pakt|pakte) (hij|zij|ze)? ?(\w+ )?(een|het|zijn|haar) (mes|wapen|pistool|geweer|bijl)|"
        r"(staat|staan) (\w+ ){0,3}met een (bijl|mes|hamer|honkbalknuppel|knuppel|pistool|wapen|geweer|"
        r"schaar) (\w+ ){0,3}(voor|bij|aan) (mijn|de|onze) (deur|raam|huis)\b|"
        r"met een (mes|bijl|hamer|knuppel|schaar) (\w+ )?(te )?zwaaien|"
        r"zwaait (\w+ ){0,3}met een (mes|bijl|hamer|knuppel)|"
        r"(gooit|smijt|gooide) (\w+ ){0,2}met (messen|een mes|een bijl)|"
        r"(staat|staan|loopt) (\w+ ){0,3}met een (bijl|mes|hamer|knuppel|pistool|wapen|"
        r"geweer) (\w+ ){0,3}in (de|het|mijn|onze) (woonkamer|keuken|gang|kamer|slaapkamer|huis)\b",
        catches=(
            "hij staat met een mes voor mijn deur",
            "mijn man pakte een mes",
            "hij zwaait met een bijl",
        ),
        ignores=(
            "ik heb een nieuw mes gekocht voor de keuken",
        ),
    ),
    Rule(
        "in_danger",
        r"bang voor mijn leven|"
        r"niet veilig (thuis|meer|hier)|"
        r"ben in gevaar|"
        r"in levensgevaar",
        catches=(
            "ik ben bang voor mijn leven",
            "ik voel me niet veilig thuis",
        ),
        ignores=(
            "ik voel me veilig in mijn nieuwe huis",
        ),
    ),
    Rule(
        "locked_in",
        r"(telefoon|mobiel) (\w+ ){0,2}afgepakt|"
        r"(ik )?zit (hier )?(opgesloten|vast)$|"
        r"(heeft|had) me opgesloten|"
        r"(sluit|sluiten|sloot|sloten) (\w+ )?(me|mij) (\w+ ){0,4}op\b|"
        r"(krijg|krijgen|kreeg) (\w+ ){0,4}geen (eten|te eten|drinken)|"
        r"van buiten op slot|"
        r"(op slot|opgesloten) (\w+ ){0,8}(zonder eten|zonder drinken|kan er niet uit)|"
        r"(wordt|word) (door (\w+ ){1,4})?(\w+ ){0,4}vastgehouden\b",
        catches=(
            "hij heeft mijn telefoon afgepakt",
            "ik zit hier opgesloten",
            "de deur zit van buiten op slot",
        ),
        ignores=(
            "ik zit vast in het verkeer",
        ),
    ),
    Rule(
        "followed_or_stalked",
        r"stalker|"
        r"achtervolgd door (die|de|twee|drie|een paar|een groep) (gasten|jongens|mannen|man|figuren|gozers)|"
        r"(hoor|hoorde) (\w+ )?voetstappen (\w+ ){0,8}(op slot|alleen thuis|alleen ben)\b",
        catches=(
            "mijn ex is een stalker",
            "ik word achtervolgd door een groep jongens",
        ),
        ignores=(
            "ik hoor voetstappen van de bovenburen",
        ),
    ),
    Rule(
        "strangled",
        r"(keel|nek) (\w+ ){0,2}(gegrepen|dichtgeknepen|dichtgedrukt)|"
        r"bij (mijn|de) keel|"
        r"(kneep|knijpt|drukte|drukt) (\w+ ){0,2}(keel|nek) (\w+ )?dicht|"
        r"(heeft|had) (\w+ ){0,3}gewurgd",
        catches=(
            "hij greep me bij mijn keel",
            "hij heeft me gewurgd",
        ),
        ignores=(
            "ik heb een zere keel",
        ),
    ),
    Rule(
        "breaking_in",
        r"(staat|staan) (\w+ ){0,2}voor (de|mijn) deur (\w+ ){0,5}(schopt|bonkt|slaat|binnenkomt|dreigt)|"
        r"iemand (breekt|probeert) (\w+ ){0,2}in\b|"
        r"(trapt|trappen|beukt|ramt|schopt) (\w+ ){0,2}deur in\b",
        catches=(
            "iemand breekt hier in",
            "hij trapt de deur in",
        ),
        ignores=(
            "de buurman staat voor de deur met een taart",
        ),
    ),
    Rule(
        "family_beaten",
        r"(slaat|sloeg|schopt|schopte) (mijn|de) (moeder|vader|zus|broer|kinderen|kind)\b",
        catches=(
            "mijn vader slaat mijn moeder",
        ),
        ignores=(
            "mijn vader slaat de bal over het net",
        ),
    ),
    Rule(
        "taking_the_family_along",
        r"(ons|jullie) (allemaal )?meeneemt|"
        r"neemt (ons|jullie) (allemaal )?mee\b",
        catches=(
            "hij zegt dat hij ons allemaal meeneemt als hij gaat",
            "hij neemt ons mee in zijn dood",
        ),
        ignores=(
            "opa neemt zijn hond mee naar de markt",
        ),
    ),
    Rule(
        "sexual_abuse",
        r"misbruik\w*|"
        r"aangerand|"
        r"betast|"
        r"doet dingen (\w+ ){0,2}die ik niet wil|"
        r"(komt|kwam) (\w+ ){0,3}(nachts|s nachts|snachts) (\w+ ){0,3}(op|naar) (mijn|m n) kamer",
        catches=(
            "ik ben aangerand",
            "mijn stiefvader komt 's nachts naar mijn kamer",
        ),
        ignores=(
            "mijn kat komt 's ochtends op mijn kamer",
        ),
    ),
)
