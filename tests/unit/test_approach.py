"""The approach's phases read right: summary before an offer, the kind asked, said back, no misreads.

The misreads come from a reading of real conversations against the approach (issue 18); each must now
read right.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.conversation.listening import find_interests
from bot.conversation.reading import read_message
from bot.conversation.resistance import read_source
from bot.conversation.say_back import say_back, says_nothing
from bot.conversation.summary import (
    kind_buttons,
    kind_guess,
    read_kind_answer,
    summary_due,
    summary_text,
)
from bot.rasa_ext.nlp.context_policy import read_in_context
from tests.support.trackers import load_domain

# --- Misreads that must read right -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "not_an_interest"),
    [
        ("Sinds het verlies van mijn man is het zo stil in huis", "rouw en verlies"),
        ("Ik zit in een rolstoel, lopen of fietsen gaat niet meer", "wandelen"),
        ("Niemand wil me helpen, ik sta er alleen voor", "vrijwilligerswerk"),
        ("Ik heb geen zin meer in koffie drinken bij de buren", "koffie en ontmoeting"),
    ],
)
def test_misread_interests(text: str, not_an_interest: str) -> None:
    assert not_an_interest not in find_interests(text)


@pytest.mark.parametrize(
    ("text", "interest"),
    [
        ("Ik zou graag met andere weduwen praten, lotgenoten", "rouw en verlies"),
        ("Ik wandel graag in het bos", "wandelen"),
        ("Ik wil graag anderen helpen", "vrijwilligerswerk"),
    ],
)
def test_real_interests_are_still_read(text: str, interest: str) -> None:
    assert interest in find_interests(text)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("ik ben prima tevreden zo", "tevreden"),
        ("Ik red me wel, hoor", "tevreden"),
        ("doe niet zo betuttelend", "gedrukt"),
        ("dat heeft toch geen zin", "geen_zin"),
        ("bij de gemeente hebben ze me toen ook niet geholpen, slechte ervaring", "slechte_ervaring"),
        ("dat durf ik echt niet", "onzeker"),
        ("ik heb er gewoon de energie niet voor, ik ben te moe", "geen_energie"),
        ("laat maar zitten", None),
    ],
)
def test_where_resistance_comes_from(text: str, source: str | None) -> None:
    assert read_source(text) == source


def test_no_response_states_the_kind_of_loneliness_as_a_fact() -> None:
    # "Je mist vooral een hechte band." was said as a fact after the scale.
    texts = [
        variant.get("text") or ""
        for variants in load_domain()["responses"].values()
        for variant in variants
    ]
    for text in texts:
        assert "Je mist vooral" not in text and "U mist vooral" not in text
        assert "Ik schrijf op wat" not in text  # the objection is never quoted back


# --- Summary and kind ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("turns", "summarised_at", "causes", "asks", "question_left", "due"),
    [
        (1, None, True, False, True, False),
        (3, None, True, False, True, True),
        (3, None, False, False, True, False),
        (5, None, False, False, True, True),
        (1, None, False, True, True, True),
        (2, None, False, False, False, True),
        (4, 3, True, True, True, False),
        (5, 3, True, False, True, True),
    ],
)
def test_summary_due(
    turns: int, summarised_at: int | None, causes: bool, asks: bool, question_left: bool, due: bool
) -> None:
    assert summary_due(turns, summarised_at, causes, asks, question_left) is due


def test_summary_text_in_both_forms_of_address() -> None:
    assert summary_text(["loss", "moving"], "months", True, "je", ["vrouw"]) == (
        "Het gaat over het verlies van je vrouw en de verhuizing. Het speelt al een paar maanden. "
        "Je ziet of spreekt weinig mensen."
    )
    assert summary_text(["illness"], None, False, "u") == "Het gaat over uw gezondheid."
    assert summary_text([], None, False, "u") == "U voelt zich vaak alleen."


def test_the_kind_is_offered_as_a_choice_with_the_guess_first() -> None:
    assert kind_guess("existential", "je") == "een plek mist waar je ertoe doet"
    assert kind_guess(None, "je") is None
    titles = [button["title"] for button in kind_buttons("emotional")]
    assert titles == [
        "Eén iemand dichtbij",
        "Mensen om me heen",
        "Een plek waar ik ertoe doe",
        "Weet ik niet",
    ]
    assert kind_buttons(None)[0]["payload"] == '/choose_kind{"kind": "social"}'


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Eén iemand dichtbij", "emotional"),
        ("vooral mensen om me heen", "social"),
        ("een plek waar ik ertoe doe", "existential"),
        ("ik mis gewoon iemand die me echt kent", "emotional"),
        ("weet ik niet", None),
        ("alle drie eigenlijk", None),
    ],
)
def test_typed_answers_to_the_kind(text: str, kind: str | None) -> None:
    assert read_kind_answer(text) == kind


def test_a_typed_kind_answer_is_read_in_context() -> None:
    slots: dict[str, Any] = {"pending_question": "kind", "listen_turns": 3}
    text = "vooral mensen om me heen denk ik"
    assert read_in_context("tell_situation", read_message(text), slots, text) == "action_choose_kind"


def test_the_first_message_of_a_new_session_with_a_plan_gets_the_look_back() -> None:
    slots: dict[str, Any] = {"returning_visitor": True, "plan_step": "maatje", "pending_question": "none"}
    text = "hoi, daar ben ik weer"
    assert read_in_context("tell_situation", read_message(text), slots, text) == "action_look_back_open"
    assert read_in_context("step_went_well", read_message("ging goed"), slots, "ging goed") == (
        "action_look_back_reply"
    )
    assert read_in_context("greet", read_message("hallo"), slots, "hallo") is None


# --- Saying back -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "address", "said"),
    [
        ("Ik kan goed koken", "je", "je kunt goed koken"),
        ("Ik kan goed koken", "u", "u kunt goed koken"),
        ("met mijn zus", "u", "met uw zus"),
        ("dan heb ik weer vrienden", "je", "dan heb je weer vrienden"),
        ("niks", "je", None),
        ("nergens goed in", "je", None),
        ("nergens meer goed in", "je", None),
        ("Jan de Vries is mijn buurman", "je", None),
        ("ik " + "heel " * 15 + "graag", "je", None),
    ],
)
def test_say_back(answer: str, address: str, said: str | None) -> None:
    assert say_back(answer, address) == said  # type: ignore[arg-type]


def test_says_nothing() -> None:
    assert says_nothing("Niks.") and says_nothing("weet ik niet") and says_nothing(None)
    assert not says_nothing("luisteren")


@pytest.mark.parametrize(("text", "duration"), [("sinds vorig jaar", "months"), ("al jaren", "years")])
def test_last_year_is_not_years(text: str, duration: str) -> None:
    from bot.conversation.listening import find_duration

    assert find_duration(text) == duration


def test_signs_seen_in_someone_else_are_not_the_writers_own_health() -> None:
    text = "Ze laat de gordijnen nu ook overdag dicht. Wat kan ik nog meer doen?"
    slots: dict[str, Any] = {"role": "other", "pending_question": "none"}
    assert read_in_context("health_signal", read_message(text), slots, text) == "action_listen_reflect"


# Found in the three transcripts of the issue (a widower, a 17-year-old, a worried neighbour).


def test_no_to_the_scale_that_names_it_is_a_no() -> None:
    text = "nee, liever geen vragenlijst"
    slots: dict[str, Any] = {"pending_question": "scale"}
    assert read_in_context("ask_scale", read_message(text), slots, text) == "action_offer_next"
    asked = "mag ik de vragenlijst invullen?"
    assert read_in_context("ask_scale", read_message(asked), slots, asked) is None


def test_a_worried_neighbour_who_finds_it_hard_is_not_resisting() -> None:
    text = "eerlijk gezegd vind ik het ook zwaar, ik weet niet goed wat ik moet doen"
    slots: dict[str, Any] = {"role": "other", "pending_question": "none"}
    assert read_in_context("resistance", read_message(text), slots, text) == "action_listen_reflect"


def test_a_question_of_its_own_is_not_swallowed_by_an_open_question() -> None:
    text = "hoe kan ik het met haar bespreken?"
    for pending in ("resistance_source", "look_back"):
        slots: dict[str, Any] = {"pending_question": pending}
        assert read_in_context("ask_how_to_talk", read_message(text), slots, text) is None


def test_a_long_first_person_story_naming_parents_is_listened_to_first() -> None:
    # Real voices, held-out: a carer of parents with dementia got the flow for people worried about
    # someone else instead of being heard herself.
    text = (
        "allebei mijn ouders hebben dementie en wonen nog zelfstandig. ik doe hun papieren, de "
        "doktersafspraken en ik help in het huishouden. ik heb bijna geen tijd meer voor vrienden en "
        "ik heb het gevoel dat ik er helemaal alleen voor sta, niemand vraagt hoe het met mij gaat"
    )
    # The intent sets role "other" as the message comes in; before it, no role was chosen.
    slots: dict[str, Any] = {"pending_question": "none", "role": "other", "role_before_message": None}
    assert read_in_context("worried_about_other", read_message(text), slots, text) == "action_listen_reflect"
    story = (
        "ik werd vader toen ik 17 was. mijn vriendin kreeg veel hulp en begeleiding, maar ik voelde me "
        "vaak een buitenstaander. geen voetballen met vrienden of feesten meer, mijn vrienden zag ik "
        "steeds minder en niemand belde nog om iets af te spreken, ook nu niet"
    )
    listened = read_in_context("worried_about_other", read_message(story), slots, story)
    assert listened == "action_listen_reflect"
    chosen = {**slots, "role_before_message": "other"}  # clicked "Ik maak me zorgen om iemand" first
    assert read_in_context("worried_about_other", read_message(story), chosen, story) is None
    short = "ik maak me zorgen om mijn buurvrouw"
    assert read_in_context("worried_about_other", read_message(short), slots, short) is None
