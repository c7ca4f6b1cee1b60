"""Rules for a rope, a weapon, a blade, gas and fumes: means ready or in use."""

from __future__ import annotations

from bot.safety.rules.rule import Rule

RULES: tuple[Rule, ...] = (
    Rule(
        "noose",
        r"strop",
        catches=(
            "ik heb een strop gemaakt",
            "de strop hangt al",
        ),
        ignores=(
            "ik moet nog een das strikken voor de bruiloft",
        ),
    ),
    Rule(
        "hanging_oneself",
        r"touw (\w+ ){0,4}(ophangen|op te hangen|hangen)|"
        r"(mezelf|me) (\w+ ){0,2}(ophangen|op te hangen|opknopen)|"
        r"opknopen",
        catches=(
            "ik wil mezelf ophangen",
            "ik ga me opknopen",
        ),
        ignores=(
            "ik ga de was ophangen",
        ),
    ),
    Rule(
        "rope_ready",
        r"(zit|sta|lig) (\w+ ){0,4}met (een |de |het |mijn )?(strop|touw)\b|"
        r"(touw|strop) (\w+ ){0,4}(balk|zolder|plafond|klaar)|"
        r"touw (\w+ ){0,3}(hangt|hangen|opgehangen) (\w+ ){0,3}(schuur|zolder|balk|plafond|boom|trap|garage|"
        r"klaar)|"
        r"(touw|strop) (\w+ ){0,8}(balk|haak|zolder|plafond)|"
        r"(touw|strop) (\w+ ){0,4}al (\w+ ){0,4}(gehaald|gekocht|klaargelegd|klaar)|"
        r"(touw|strop) (\w+ ){0,4}(kelder|schuur|zolder|garage|balk|trap) (\w+ ){0,2}(opgehangen|gehangen)|"
        r"(touw|draad|koord|riem|kabel|strop|sjaal|den draad) (\w+ ){0,3}(aan|over) (de|den|het|een) (balk|"
        r"haak|zolderbalk|trapleuning|boom|tak|deur|leuning) (\w+ )?(gehangen|hangen|vastgemaakt|geknoopt|"
        r"opgehangen|hangt)\b(?! (\w+ ){0,4}(schommel|hangmat|vogelhuis|lamp|lampje|lampion|slinger|was|"
        r"kerst))|"
        r"het touw hangt (al|klaar)\b|"
        r"touw (\w+ )?hangt (al )?klaar",
        catches=(
            "het touw hangt al aan de zolderbalk",
            "ik heb het touw al gekocht",
            "ik zit hier met een touw",
        ),
        ignores=(
            "we hebben een touw aan de boom gehangen voor de schommel",
        ),
    ),
    Rule(
        "something_around_the_neck",
        r"(touw|riem|koord|strop|kabel|snoer|iets) (\w+ ){0,3}om (je|mijn|m n) (nek|hals)\b|"
        r"(hoe lang|hoelang) (\w+ ){0,6}buiten bewustzijn|"
        r"(riem|touw|koord|sjaal|snoer|kabel) (\w+ ){0,6}(proberen|probeer|geprobeerd|testen|test|"
        r"getest) (\w+ ){0,3}hoe strak",
        catches=(
            "ik heb de riem al om mijn nek",
            "hoe lang duurt het voor je buiten bewustzijn raakt",
        ),
        ignores=(
            "ik heb een warme sjaal om mijn nek want het vriest",
        ),
    ),
    Rule(
        "bag_over_the_head",
        r"zak (\w+ ){0,3}over (mijn|m n|je) hoofd|"
        r"hoe lang (\w+ ){0,4}(met|in) een (plastic )?zak",
        catches=(
            "ik wil een plastic zak over mijn hoofd doen",
            "hoe lang duurt het met een plastic zak",
        ),
        ignores=(
            "ik heb een zak chips gekocht",
        ),
    ),
    Rule(
        "gas_turned_on",
        r"gas (open|opengezet|aangezet)|"
        r"gaskraan (\w+ ){0,2}open|"
        r"(gas|gaskraan) (\w+ ){0,4}(opengezet|open gezet|opendraaien|open draaien)|"
        r"gas (\w+ ){0,4}(opengedraaid|open gedraaid) (\w+ ){0,6}(ramen|deuren|raam) (\w+ ){0,2}dicht",
        catches=(
            "ik heb het gas opengezet",
            "ik draai zo de gaskraan open",
        ),
        ignores=(
            "ik heb het gas uitgezet voor ik wegging",
        ),
    ),
    Rule(
        "exhaust_fumes",
        r"uitlaat (\w+ ){0,5}(binnen|auto)|"
        r"slang (\w+ ){0,3}uitlaat|"
        r"(motor|auto) (\w+ ){0,2}(draait|loopt) (\w+ ){0,4}(dichte |gesloten )?garage|"
        r"(motor|auto) (\w+ ){0,8}(draaien|draait|aan laten|laat lopen) (\w+ ){0,6}(garage|deur dicht|"
        r"deuren dicht)|"
        r"garage (\w+ ){0,8}(motor|uitlaat) (\w+ ){0,4}(draaien|draait|aan)|"
        r"tuinslang (\w+ ){0,4}(kofferbak|auto|uitlaat)",
        catches=(
            "ik laat de motor draaien in de dichte garage",
            "ik heb een slang aan de uitlaat gedaan",
        ),
        ignores=(
            "ik zet de auto in de garage",
        ),
    ),
    Rule(
        "charcoal_in_a_sealed_room",
        r"(barbecue|bbq|houtskool|kolen)\w* (\w+ ){0,5}(slaapkamer|badkamer|binnen)|"
        r"ramen (\w+ ){0,2}afgeplakt|"
        r"kieren (\w+ ){0,2}(dicht|afgeplakt)",
        catches=(
            "ik zet de barbecue in de slaapkamer",
            "alle ramen zijn afgeplakt",
        ),
        ignores=(
            "we hebben de ramen afgeplakt om te schilderen",
        ),
    ),
    Rule(
        "electrical_device_in_the_bath",
        r"(fohn|fohnen|haardroger|broodrooster|radio) (\w+ ){0,5}(bad|in het water)|"
        r"(bad|in het water) (\w+ ){0,4}(fohn|haardroger|broodrooster)",
        catches=(
            "ik neem de föhn mee in bad",
            "als ik in bad zit gooi ik de haardroger erin",
        ),
        ignores=(
            "ik luister naar de radio in de keuken",
        ),
    ),
    Rule(
        "shooting_oneself",
        r"(geweer|pistool|wapen|jachtgeweer)\w* (\w+ ){0,10}(op mezelf|mezelf)|"
        r"op mezelf (\w+ ){0,2}(gebruiken|richten|schieten)|"
        r"(gebruik|gebruiken) (\w+ ){0,2}op mezelf|"
        r"mezelf (\w+ ){0,2}(dood)?schieten|"
        r"schiet (ik )?mezelf|"
        r"doodschieten",
        catches=(
            "ik wil mezelf doodschieten",
            "ik richt het pistool op mezelf",
        ),
        ignores=(
            "ik schiet mezelf in de voet met die keuze",
        ),
    ),
    Rule(
        "gun_at_hand",
        r"(pistool|geweer|wapen|vuurwapen) (\w+ ){0,3}(geregeld|gekocht|geleend|gehaald|gepakt)|"
        r"(pistool|geweer|revolver|wapen|jachtgeweer) (\w+ ){0,12}(denk|dacht) (ik )?er (\w+ )?(veel|vaak|"
        r"steeds|de hele dag|constant) aan|"
        r"(pistool|geweer|revolver|wapen) (\w+ ){0,8}geladen\b",
        catches=(
            "ik heb een pistool geregeld",
            "het geweer van mijn vader is geladen",
        ),
        ignores=(
            "mijn kleinzoon heeft een waterpistool gekocht",
        ),
    ),
    Rule(
        "blade_in_hand",
        r"(mes|scheermes|scheermesje) (\w+ ){0,4}(mezelf|in mijn hand|polsen)|"
        r"(zit|sta|lig) (\w+ ){0,4}met (een |de |het |mijn )?(scheermes|scheermesje)\b",
        catches=(
            "ik zit hier met een scheermesje",
            "ik heb een mes in mijn hand",
        ),
        ignores=(
            "ik heb een mes in mijn hand om de appel te schillen",
        ),
    ),
    Rule(
        "cutting_wrists",
        r"polsen (door)?snijden|"
        r"(aders|aderen|ader|polsen|pols)\b (\w+ ){0,4}(open|door)?(snijden|gesneden|snijd|snij|"
        r"opengesneden|opensnijden|doorgesneden|doorsnijden|opengehaald|openhalen|open te snijden)|"
        r"(snij|snijd|snijden|gesneden|opensnijden|doorsnijden)\w* (\w+ ){0,4}(aders|aderen|polsen)\b|"
        r"aders? (\w+ )?(open|openmaken|doorsnijden|opensnijden)|"
        r"(glas|scherf|mes|scheermes|schaar)\w* (\w+ ){0,5}(pols|polsen|arm|armen) (\w+ )?(opengehaald|"
        r"opengesneden|gesneden|open)|"
        r"pols(en)? (\w+ ){0,2}opengehaald|"
        r"(scherf|mes|mesje|scheermes|glas|schaar)\w* (\w+ ){0,3}(tegen|op|in) (mijn|m n) (pols|polsen|arm|"
        r"armen|keel|hals)\b",
        catches=(
            "ik wil mijn polsen doorsnijden",
            "ik heb een scherf tegen mijn pols",
            "ik wil mijn aders open",
        ),
        ignores=(
            "ik heb mijn pols gebroken bij het fietsen",
        ),
    ),
)
