"""bot.conversation.reading: every cue in a long, mixed message, in the person's own words."""

from __future__ import annotations

import pytest

from bot.conversation.reading import read_message, split_sentences
from bot.conversation.reflection import join_dutch, open_question, reflect, theme_phrase


def test_a_long_message_yields_every_cause_in_order_and_the_people_named() -> None:
    reading = read_message(
        "Vorig jaar is mijn vrouw overleden. Onze kinderen wonen ver weg, in Canada. Sinds mijn pensioen "
        "zie ik ook geen collega's meer. De dagen zijn lang en stil. Heeft u misschien een tip?"
    )
    assert reading.causes == ("loss", "children_left", "retirement")
    assert ("partner", "vrouw") in reading.people
    assert reading.question == "tip"
    assert reading.address == "u"
    assert reading.disclosure and reading.is_long
    assert len(reading.sentences) == 5


def test_rouw_inside_vrouw_is_no_feeling() -> None:
    assert "verdriet" not in read_message("sinds mijn vrouw er niet meer is").feelings


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("ik ben zo eenzaam maar ik durf het echt tegen niemand te zeggen", "schaamte"),
        ("soms denk ik, waar doe ik het allemaal voor", "zinloosheid"),
        ("het is zo stil in huis sinds hij weg is", "leegte"),
        ("niemand begrijpt hoe het voor mij is", "onbegrip"),
        # Real voices (development part): these got only "Er zit veel in wat je schrijft."
        ("er zijn dagen dat ik geen woord zeg.", "leegte"),
        ("ik zou zo graag mijn kinderen en kleinkinderen weer eens dichtbij hebben", "gemis"),
        ("dan had ik het idee dat niemand me begreep", "onbegrip"),
    ],
)
def test_feelings_in_real_wording(text: str, feeling: str) -> None:
    assert read_message(text).feelings[0] == feeling


@pytest.mark.parametrize(
    "text",
    [
        # Real voices (development part): hard of hearing, told without the word "slechthorend".
        "het is gezellig hoor, maar de helft van wat er gezegd wordt versta ik niet.",
        "naar verjaardagen ga ik niet meer, ik kan de gesprekken toch niet volgen",
    ],
)
def test_hearing_loss_in_real_wording_is_a_health_cause(text: str) -> None:
    assert read_message(text).causes[:1] == ("illness",)


@pytest.mark.parametrize(
    ("text", "capability"),
    [
        ("ik wil graag de vragenlijst over eenzaamheid invullen", "scale"),
        ("kan ik met een echt mens praten?", "human"),
        ("is er iets te doen in Groningen op dinsdag", "activities"),
    ],
)
def test_what_the_assistant_can_do_is_found_in_any_wording(text: str, capability: str) -> None:
    assert read_message(text).capability == capability


@pytest.mark.parametrize("text", ["ja", "nee hoor", "ok", "hoi"])
def test_short_answers_are_no_disclosure(text: str) -> None:
    assert not read_message(text).disclosure


def test_no_one_to_talk_to_is_a_disclosure_not_a_request_for_a_human() -> None:
    reading = read_message("ik heb niemand om mee te praten")
    assert reading.disclosure
    assert reading.capability is None


def test_sentences_split_on_marks_and_line_breaks() -> None:
    parts = ("Hoi.", "Ik ben Anna!", "Ik woon hier net")
    assert split_sentences("Hoi. Ik ben Anna!\nIk woon hier net  ") == parts


def test_several_causes_are_reflected_together_in_the_persons_form_of_address() -> None:
    reading = read_message("Mijn man is overleden en ik ben verhuisd naar een flat. Ik ken hier niemand.")
    utterance = reflect(reading, list(reading.causes), "tell_situation", None, "u", listened_before=False)
    assert utterance.response == "utter_reflect_many"
    assert utterance.values["themes"] == "het verlies van uw man en de verhuizing"


def test_theme_phrases_follow_je_and_u() -> None:
    reading = read_message("ik zit thuis met een burn-out")
    assert theme_phrase("mental_health", reading, "je") == "hoe somber of moe je je voelt"
    assert theme_phrase("mental_health", reading, "u") == "hoe somber of moe u zich voelt"


def test_join_dutch() -> None:
    assert join_dutch(["a"]) == "a"
    assert join_dutch(["a", "b", "c"]) == "a, b en c"


def test_an_open_question_is_never_asked_twice() -> None:
    reading = read_message("Mijn vrouw is overleden en de kinderen wonen ver weg")
    first = open_question(reading, [], duration_known=False, causes_known=True)
    second = open_question(reading, [first or ""], duration_known=False, causes_known=True)
    assert first == "utter_ask_heaviest" and second == "utter_ask_miss_most"


def test_health_signs_are_read_only_where_they_are() -> None:
    # Found on real text: a widower whose neighbour cooks for him twice a week was sent to the huisarts.
    assert not read_message("ik ben weduwnaar en gelukkig kookt de buurvrouw twee keer per week").health_signs
    assert read_message("ik slaap slecht en vergeet steeds meer").health_signs


def test_ones_own_fault_is_no_money_worry() -> None:
    # Real voices (development part): "dan denken ze dat het mijn eigen schuld is" was read as money
    # worries, and the check question said "U schrijft over de zorgen over geld."
    assert "low_income" not in read_message("dan denken ze dat het mijn eigen schuld is").causes
    assert "low_income" not in read_message("het is niet jouw schuld").causes
    assert read_message("ik heb een flinke schuld bij de bank").causes == ("low_income",)

