"""bot.rasa_ext.nlp.context_policy: a message is read with the conversation's open question."""

from __future__ import annotations

from typing import Any

import pytest

from bot.conversation.reading import read_message
from bot.rasa_ext.nlp.context_policy import LISTEN_ACTION, read_in_context

SELF = {"role": "self", "pending_question": "none", "listen_turns": 1}


def decide(intent: str, text: str, **slots: Any) -> str | None:
    return read_in_context(intent, read_message(text), {**SELF, **slots})


@pytest.mark.parametrize("intent", ["step_went_badly", "step_went_well", "step_not_done"])
def test_how_the_step_went_counts_only_after_the_look_back_question(intent: str) -> None:
    text = "ik ben zo eenzaam maar ik durf het echt tegen niemand te zeggen"
    assert decide(intent, text) == LISTEN_ACTION
    assert decide(intent, text, pending_question="look_back") is None


def test_a_long_personal_message_is_never_not_understood() -> None:
    text = (
        "Ik ben drie jaar geleden naar een dorp verhuisd voor mijn werk en ik heb nog steeds heimwee "
        "naar de stad en mijn oude vrienden"
    )
    assert decide("nlu_fallback", text, listen_turns=0) == LISTEN_ACTION
    assert decide("out_of_scope", text, listen_turns=0) == LISTEN_ACTION


def test_a_short_unclear_message_may_still_be_rephrased() -> None:
    assert decide("nlu_fallback", "blauw", listen_turns=0) is None


def test_a_continuation_in_a_listening_conversation_is_listened_to() -> None:
    assert decide("nlu_fallback", "we deden altijd alles samen") == LISTEN_ACTION


def test_a_long_yes_without_an_open_question_is_read_as_told() -> None:
    text = "ja ik voel me echt heel alleen sinds de scheiding"
    assert decide("affirm", text) == LISTEN_ACTION
    assert decide("affirm", text, pending_question="scale") is None


def test_choosing_a_step_that_was_never_proposed_is_read_as_told() -> None:
    assert decide("choose_step", "ik wandelde altijd graag met mijn man") == LISTEN_ACTION
    assert decide("choose_step", "wandelen", steps_shown=True) is None


def test_the_intents_own_rule_acts_otherwise() -> None:
    assert decide("feel_lonely", "ik voel me eenzaam") is None
    assert decide("ask_human", "kan ik met een mens praten") is None


def test_a_human_asked_for_in_own_words_is_offered() -> None:
    # Real voices: "is er ergens ook een echt mens waar ik mee kan praten?" at the end of a long
    # conversation got "Er zit veel in wat je schrijft" and "Ik weet het antwoord niet zeker".
    text = "is er ergens ook een echt mens waar ik mee kan praten? ik vind dat je er eerlijk over moet zijn"
    assert decide("nlu_fallback", text) == "action_offer_handover"
    assert decide("feel_lonely", text) == "action_offer_handover"
    assert decide("nlu_fallback", text, pending_question="scale") == "action_offer_handover"
    assert decide("nlu_fallback", text, pending_question="handover_summary") != "action_offer_handover"
    assert decide("feel_lonely", "ik heb al zo lang geen echt mens gesproken") is None


def test_a_person_telling_about_their_own_life_is_not_sent_to_the_menu_for_others() -> None:
    text = "ik voel me zelf ook zo alleen sinds de scheiding, niemand belt meer"
    assert decide("worried_about_other", text, role=None, listen_turns=0) == LISTEN_ACTION
    assert decide("worried_about_other", "mijn buurman is zo alleen, hij krijgt nooit bezoek") is None


def test_a_long_story_with_health_signals_is_listened_to_first() -> None:
    text = (
        "sinds mijn vrouw dood is slaap ik slecht, eet ik bijna niks en zie ik het nut van opstaan niet "
        "meer, de dagen zijn zo lang en stil geworden"
    )
    assert decide("health_signal", text) == LISTEN_ACTION
    assert decide("health_signal", "ik vergeet steeds alles") is None


def test_an_activity_chosen_from_the_shown_list_is_a_choice() -> None:
    assert decide("choose_step", "de wandelgroep", steps_shown=True) is None


def test_a_life_story_naming_a_hobby_and_a_town_is_not_a_search() -> None:
    # Found on real text: a widow of 82 who met her husband in a dance hall in Nijmegen, and looks
    # forward to a phone call on Tuesdays, got three activities in Nijmegen on Tuesday.
    text = (
        "Ik word dit jaar 82 en woon al lang alleen, mijn man is gestorven. We leerden elkaar kennen in "
        "een danszaal in Nijmegen. Er gaat geen dag voorbij dat ik hem niet mis. Het telefoontje op "
        "dinsdag is het lichtpuntje van mijn week."
    )
    assert decide("find_activity", text) == LISTEN_ACTION
    assert decide("find_activity", "is er iets te doen in Nijmegen op dinsdag") is None


def test_telling_about_ones_own_family_in_a_listening_conversation_is_not_worry_for_another() -> None:
    # Found on a real-voices conversation: a widower's "kinderen hebben we nooit gehad, ik heb twee
    # zussen maar die wonen zo ver weg" got the menu for people worried about someone.
    text = "kinderen hebben we nooit gehad. ik heb twee zussen maar die wonen zo ver weg dat ik ze nooit zie"
    assert decide("worried_about_other", text, role=None) == LISTEN_ACTION
