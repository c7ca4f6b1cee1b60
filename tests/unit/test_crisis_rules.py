"""The rule-based acute-risk detector on its development set and on typical chat spellings."""

from __future__ import annotations

import pytest
import yaml

from bot.safety.rules import detect_crisis, has_harmless_idiom
from tests.support.paths import ROOT

DEV = yaml.safe_load((ROOT / "data" / "safety" / "crisis_dev.yml").read_text(encoding="utf-8"))


def test_rules_catch_nearly_every_crisis_message_of_the_dev_set() -> None:
    # 690 of 1704 (measured 2026-11-30; the first 707 were used while writing the rules, the misses of
    # the third held-out set got no rules, those of the fourth to twelfth did) are left to the trained
    # crisis classifier; the whole NLU must catch all of them (tests/model/test_crisis_heldout.py).
    missed = [text for text in DEV["crisis"] if detect_crisis(text) is None]
    assert len(missed) <= 690, missed


def test_rules_raise_few_false_alarms_on_the_dev_set() -> None:
    alarms = [text for text in DEV["not_acute"] if detect_crisis(text) is not None]
    assert len(alarms) / len(DEV["not_acute"]) <= 0.05, alarms


@pytest.mark.parametrize(
    "text",
    [
        "IK WIL NIET MEER LEVEN",
        "k wil nie meer leve",
        "zelfmoort",
        "ik wil dood",
        "i want to kill myself",
        "mijn vriend slaat me",
        "ik heb weer in mijn arm gesneden",
        "heb net al mn pillen in 1x genomen",
        "hij schreeuwt dat hij haar doodmaakt",
        "wie zorgt voor de kat als ik er morgen niet meer ben",
        "ik zie het niet meer zitten met mijn leven",
        "de urge om te cutten is zo erg vanavond",
        "hoe hoog moet een flat zijn om het zeker niet te overleven",
        "mijn vriend is niet aanspreekbaar en er ligt een leeg potje pillen",
        "als ik wegval is alles opgelost voor ze",
        "vanavond ben ik weer begonnen met krassen",
        "ik wil niet dat mijn dochter me vindt",
        "het moet eruitzien alsof het een ongeluk was, zo dat het op een ongeluk lijkt",
        "wil iemand mijn katten overnemen, ik ben er na vrijdag niet meer",
        "even opgezocht hoeveel verdiepingen genoeg is",
        "mijn vader weigert al dagen te eten en te drinken",
        "hoe lang duurt het voor de buren me vinden",
        "ik denk de hele dag aan snijden",
        "ik sla mijn hoofd tegen de muur tot het bloedt",
        "het touw hangt al aan de zolderbalk",
        "sinds ik het oude geweer van mijn vader vond denk ik er steeds aan",
        "de beslissing is genomen, ik voel me eindelijk rustig",
        "ik heb de riem al om mijn nek",
        "mijn buurman zegt dat hij vannacht voor de trein gaat staan",
        "je vroeg of ik mezelf iets wil aandoen. ja, eigenlijk wel",
        "ik zet straks mijn telefoon uit, voorgoed",
        "ik vergeef je alles, zorg goed voor de kinderen",
    ],
)
def test_spelling_case_and_language_variants(text: str) -> None:
    assert detect_crisis(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "ik verveel me dood",
        "ik ga dood van de kou",
        "ik sta uien te snijden",
        "ik ben doodmoe",
        "hoi",
        "mijn medicijnen zijn op, ik moet een herhaalrecept halen",
        "mijn baas vermoordt me als ik weer te laat ben",
        "ik zie het niet meer zitten met die schulden, waar vind ik schuldhulp",
        "ik ben eenzaam maar ik wil niet dood hoor",
        "ik heb 2 paracetamol genomen tegen de hoofdpijn",
        "ik sta op het dak om de dakgoot schoon te maken",
        "in de serie pleegt de oude moeder zelfmoord, best heftig",
        "mijn ex sloeg me vroeger, nu woon ik al jaren veilig",
        "ik heb me gesneden bij het uien snijden",
        "dit is mijn laatste bericht voor vandaag, slaap lekker",
        "ik schrijf een afscheidsbrief voor mijn collega's",
        "nu kan ik met een gerust hart slapen",
        "ik kan niet slapen, mijn hoofd zit zo vol",
        "mijn telefoon is bijna dood, ik bel je morgen",
        "het huis voelt zo leeg en dood sinds de kinderen weg zijn",
        "vroeger sloeg mijn vader me, gelukkig woon ik nu op mezelf",
        "toen ik 16 was wilde ik er niet meer zijn, maar dat is al lang voorbij",
        "ik ben er na dit weekend niet meer op kantoor, ik heb een nieuwe baan",
        "we hebben een touw aan de boom gehangen voor de schommel",
        "de beslissing is genomen om te verhuizen en ik voel me er goed bij",
        "in die serie pleegt niemand zelfmoord, in het boek wel: de moeder die zelfmoord pleegt",
        "als ik nog een keer die reclame hoor spring ik uit het raam haha",
        "vroeger heb ik een poging gedaan, nu gaat het goed",
        "je vroeg of ik mezelf iets wil aandoen, nee hoor, ik ben alleen erg eenzaam",
        "als ik nog een keer die kerstliedjes hoor spring ik van de brug",
        "hij heeft me jaren geleden geslagen, nu woon ik veilig",
        "ik heb een warme sjaal om mijn nek want het vriest",
    ],
)
def test_harmless_words_are_not_crisis(text: str) -> None:
    assert detect_crisis(text) is None


def test_harmless_idioms_are_recognised() -> None:
    assert has_harmless_idiom("ik lach me dood om die film")
    assert not has_harmless_idiom("ik wil dood")
