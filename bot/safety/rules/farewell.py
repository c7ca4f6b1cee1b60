"""Rules for saying goodbye for good: letters, last messages, affairs put in order."""

from __future__ import annotations

from bot.safety.rules.rule import Rule

RULES: tuple[Rule, ...] = (
    Rule(
        "saying_farewell",
        r"vaarwel|"
        r"(hou|houd) van jullie(,)? (allemaal )?(\w+ ){0,2}(vaarwel|dit was het|sorry)|"
        r"voor alles (\w+ ){0,3}(en )?(dag|doei|vaarwel) (\w+ ){0,3}(want )?ik ga\b|"
        r"(dag|doei) allemaal (\w+ ){0,6}ik ga nu|"
        r"(een|1) keer (\w+ ){0,3}(gedag|dag|vaarwel) (\w+ ){0,2}(zeggen|"
        r"gezegd) (\w+ ){0,2}voor(dat)? ik (ga|vertrek)\b|"
        r"fijn (om )?(je|jullie|u) gekend te hebben|"
        r"(jij|u) bent de laatste (met wie|die|tegen wie) ik (\w+ )?(praat|spreek|schrijf)|"
        r"het ga (jullie|je|u) goed (\w+ ){0,3}ik ben (weg|vertrokken)\b|"
        r"(vannacht|vanavond|morgen|straks) (afscheid )?van mezelf|"
        r"ik ben weg (\w+ ){0,2}sorry|"
        r"(blij|fijn|goed|mooi) dat ik (\w+ ){0,6}nog (\w+ ){0,3}voor(dat)? ik (stop|ga|vertrek|weg ben)$",
        catches=(
            "vaarwel allemaal",
            "ik hou van jullie, sorry",
            "fijn jullie gekend te hebben",
        ),
        ignores=(
            "doei, tot morgen!",
        ),
    ),
    Rule(
        "farewell_letter",
        r"afscheidsbrief|"
        r"brief (\w+ ){0,3}(geschreven|klaar) (\w+ ){0,3}(kinderen|familie|ouders)|"
        r"(kinderen|familie|ouders) (\w+ ){0,3}brief (geschreven|klaar)|"
        r"(brief|brieven) (\w+ ){0,3}(geschreven|klaar) (\w+ ){0,3}(voor|aan) (mijn|de) (kinderen|familie|"
        r"ouders|man|vrouw)|"
        r"afscheidsbericht|"
        r"afscheids(video|filmpje|vlog)",
        catches=(
            "ik heb een afscheidsbrief geschreven",
            "ik heb een brief geschreven voor mijn kinderen",
            "ik heb een afscheidsvideo opgenomen",
        ),
        ignores=(
            "ik schrijf een afscheidsbrief voor mijn collega's",
        ),
    ),
    Rule(
        "goodbye_to_everyone",
        r"mijn afscheid|"
        r"afscheid (nemen )?van (iedereen|jullie|het leven)|"
        r"neem (\w+ )?afscheid$|"
        r"afscheid (\w+ ){0,2}van iedereen",
        catches=(
            "ik neem afscheid van het leven",
            "vanavond neem ik afscheid",
        ),
        ignores=(
            "ik neem afscheid van mijn oude huis, best emotioneel",
        ),
    ),
    Rule(
        "this_was_it",
        r"dit was het (dan|wel)$|"
        r"dit was het dan|"
        r"dit is het einde|"
        r"(was|is) (het )?mooi geweest",
        catches=(
            "dit was het dan",
            "het is mooi geweest",
        ),
        ignores=(
            "het is mooi geweest met de vakantie in zeeland",
        ),
    ),
    Rule(
        "last_message",
        r"laatste bericht|"
        r"laatste (app|appje|bericht|berichtje|mail) (\w+ ){0,4}(verstuurd|gestuurd|verzonden)|"
        r"laatste (app|bericht|berichtje) (\w+ ){0,2}zorg goed voor|"
        r"(vergeef|vergeven) (\w+ ){0,8}goed voor (de|mijn|m n|onze) (kids|kinderen|hond|kat)\b",
        catches=(
            "dit is mijn laatste bericht",
            "ik vergeef je alles, zorg goed voor de kinderen",
        ),
        ignores=(
            "dit is mijn laatste bericht voor vandaag, slaap lekker",
        ),
    ),
    Rule(
        "last_time_seen",
        r"(laatste keer|voor het laatst) (\w+ ){0,4}(gedag|dag|gebeld|gezien|gesproken|gezegd)|"
        r"(gedag|dag) (\w+ ){0,3}(zeggen|gezegd) (\w+ ){0,4}(laatste keer|voor het laatst)",
        catches=(
            "ik heb mijn moeder vandaag voor het laatst gebeld",
            "ik wil ze nog een laatste keer gedag zeggen",
        ),
        ignores=(
            "de laatste keer dat ik ging zwemmen was leuk",
        ),
    ),
    Rule(
        "nobody_stops_me",
        r"niemand houdt me (nog )?tegen",
        catches=(
            "niemand houdt me nog tegen",
        ),
        ignores=(
            "niemand hield me tegen toen ik ging verhuizen",
        ),
    ),
    Rule(
        "not_their_fault",
        r"(laat|zeg|vertel) (\w+ ){0,4}(weten|tegen) (\w+ ){0,3}dat (het )?niet (hun|jouw|jullie|zijn|"
        r"haar) schuld|"
        r"(zeggen|zegt|vertellen|laten weten) (\w+ ){0,3}dat het niet (hun|jouw|jullie|zijn|haar|"
        r"mijn) schuld|"
        r"(sorry|vergeef me) (\w+ ){0,3}(het )?(lag|ligt) niet aan (jou|jullie|u)\b",
        catches=(
            "zeg tegen mijn ouders dat het niet hun schuld is",
            "sorry mam, het lag niet aan jou",
        ),
        ignores=(
            "het is niet jouw schuld dat de bus te laat was",
        ),
    ),
    Rule(
        "tell_them_i_love_them",
        r"(zeg|vertel) (tegen )?(\w+ ){0,3}dat ik (van )?(haar|hem|ze|jullie|hen) hou",
        catches=(
            "zeg tegen mijn zus dat ik van haar hou",
            "vertel de kinderen dat ik van ze hou",
        ),
        ignores=(
            "ik zeg elke dag tegen mijn kleinzoon dat hij lief is",
        ),
    ),
    Rule(
        "belongings_given_away",
        r"spullen weggegeven|"
        r"(teruggegeven|weggegeven|verdeeld) (\w+ ){0,10}(alles af te ronden|afscheid genomen)|"
        r"(beloofd|gegeven|weggegeven|verdeeld|gaan naar) (\w+ ){0,10}voor (na|daarna|erna)$",
        catches=(
            "ik heb al mijn spullen weggegeven",
            "de sieraden heb ik aan mijn nichtje gegeven, voor na",
        ),
        ignores=(
            "ik heb oude kleren naar de kringloop gebracht",
        ),
    ),
    Rule(
        "affairs_in_order",
        r"alles (goed )?geregeld voor als ik|"
        r"(achter|achterlaten) (\w+ ){0,2}als ik (ga|er niet meer ben|weg ben|dood ben)|"
        r"geen (gedoe|werk|rompslomp|zorgen) (\w+ ){0,8}alles is (nu )?(netjes|geregeld|klaar)\b|"
        r"(alles|het) is (\w+ )?(rond|geregeld|klaar) (\w+ ){0,2}(en )?(nu )?kan ik (gaan|rusten|weg)\b|"
        r"testament (\w+ ){0,3}(klaar|geregeld|getekend|aangepast|gemaakt) (\w+ ){0,20}(nu nog|"
        r"dan ben ik weg|is het tijd|kan ik (\w+ )?gaan|pillen)\b|"
        r"wie (krijgt|krijgen) wat (\w+ )?na mij\b|"
        r"sleutels? (\w+ ){0,3}bij de (buurvrouw|buurman|buren) (gelegd|gebracht|"
        r"afgegeven) (\w+ ){0,10}(rustig|het is goed zo)\b",
        catches=(
            "ik heb alles goed geregeld voor als ik er niet meer ben",
            "alles is geregeld en nu kan ik gaan",
            "wie krijgt wat na mij, dat heb ik al geregeld",
        ),
        ignores=(
            "alles is geregeld voor de verhuizing",
        ),
    ),
    Rule(
        "pets_rehomed",
        r"(hond|honden|kat|katten|poes|konijn|vogels?|kinderen|planten) (\w+ ){0,4}(nemen|hebben|opvangen|"
        r"overnemen|verzorgen) (\w+ ){0,6}ben er (\w+ ){0,4}niet meer|"
        r"kan niemand (meer )?voor (hem|haar|de hond|de kat|mijn hond|mijn kat) zorgen",
        catches=(
            "wil iemand mijn katten overnemen, ik ben er na vrijdag niet meer",
            "straks kan niemand meer voor de hond zorgen",
        ),
        ignores=(
            "wil iemand mijn katten verzorgen als ik op vakantie ben",
        ),
    ),
    Rule(
        "no_need_to_worry_or_search",
        r"(hoeven|hoeft) (\w+ ){0,3}geen zorgen meer (\w+ ){0,2}(om|over) (mij|me)|"
        r"niet meer nodig (\w+ ){0,2}waar ik heen ga|"
        r"hoeven (me|mij) niet (meer )?te zoeken",
        catches=(
            "jullie hoeven je geen zorgen meer om mij te maken",
            "ze hoeven me niet te zoeken",
        ),
        ignores=(
            "je hoeft je geen zorgen te maken, ik ben veilig thuis",
        ),
    ),
    Rule(
        "if_you_read_this",
        r"als (je|jij|jullie|u) dit leest (\w+ ){0,3}(ben ik|is het) (\w+ ){0,2}(weg|er niet meer|dood|"
        r"voorbij)\b",
        catches=(
            "als je dit leest ben ik er niet meer",
        ),
        ignores=(
            "als je dit leest, bel me even terug",
        ),
    ),
)
