"""Someone worried about another person, and the case consultation for professionals."""

from __future__ import annotations

import re
import string
from typing import Any

import pytest
from rasa_sdk.events import SlotSet

from actions.listening import ActionListenReflect
from actions.other_person import ActionOtherPerson, previous_role
from bot.conversation import other_person
from bot.conversation.other_person import (
    PHASE_TIPS,
    QUESTION_RESPONSES,
    WorryState,
    offer_response,
    plan_consult_turn,
    plan_worry_turn,
    read_worry,
    reflection,
    state_from_slots,
    state_to_slots,
)
from bot.text import normalise
from tests.support.paths import ROOT
from tests.support.trackers import (
    bot_action,
    load_domain,
    make_tracker,
    responses,
    run_action,
    slot_sets,
    user_event,
)

REFERENCE = ROOT.parent / "shared" / "reference" / "aanpak-eenzaamheid-en-sociaal-isolement.txt"
PLANNER = ROOT / "bot" / "conversation" / "other_person.py"


def converse(messages: list[str], consult: bool = False, address: Any = "je") -> list[list[str]]:
    """Run the planner over several messages; the response names of each turn."""
    state, turns = WorryState(), []
    for text in messages:
        reading = read_worry(text)
        turn = (
            plan_consult_turn(state, reading, address, text)
            if consult
            else plan_worry_turn(state, reading, address)
        )
        turns.append([name for name, _ in turn.messages])
        state = turn.state
    return turns


# --- Reading -----------------------------------------------------------------------------------


def test_who_what_and_how_long_are_read() -> None:
    reading = read_worry(
        "Ik maak me zorgen om mijn buurvrouw. Ze komt al maanden niet meer buiten en haar post blijft liggen."
    )
    assert reading.who == "buurvrouw"
    assert reading.signals == ("binnen", "post")
    assert reading.duration == "months"
    assert not reading.carer_strain and not reading.said_nothing


def test_the_person_worried_about_wins_over_others_named() -> None:
    reading = read_worry("mijn zus en ik maken ons zorgen om mijn vader, hij zit de hele dag alleen")
    assert reading.who == "vader" and "alleen" in reading.signals


def test_a_neighbour_described_without_the_word() -> None:
    assert read_worry("de oude man van hiernaast zie ik nooit meer buiten").who == "buurman"
    assert (
        read_worry("Er woont een oudere dame in mijn straat, de gordijnen blijven dicht").who == "buurvrouw"
    )


def test_carers_who_are_tired_themselves_are_heard() -> None:
    reading = read_worry(
        "Ik zorg al twee jaar voor mijn moeder en ik ben zelf ook op, ik slaap er slecht van"
    )
    assert reading.carer_strain and reading.carer_role and reading.who == "moeder"
    assert not read_worry("ik maak me zorgen om mijn moeder").carer_strain


def test_a_professional_is_recognised_by_the_client() -> None:
    assert read_worry("Een cliënt van mij trekt zich steeds meer terug").professional
    assert read_worry("als wijkverpleegkundige zie ik een man die nooit bezoek krijgt").professional
    assert not read_worry("mijn buurman krijgt nooit bezoek").professional


def test_doubt_is_about_the_other_person_not_about_being_here() -> None:
    assert read_worry("ik weet niet of mijn opa eenzaam is").unsure
    assert not read_worry("ik weet niet of ik hier goed zit, maar mijn buurman komt nooit buiten").unsure


def test_a_bare_button_or_a_vague_line_says_nothing() -> None:
    assert read_worry("/worried_about_other").said_nothing
    assert read_worry("ik maak me zorgen om iemand").said_nothing


# --- Saying back ------------------------------------------------------------------------------


def test_the_reflection_names_who_what_and_how_long_in_own_words() -> None:
    reading = read_worry(
        "mn buurvrouw Riet van Dam komt al weken de deur niet uit en de brievenbus puilt uit"
    )
    said = reflection(WorryState(), reading, "je")
    assert said == (
        "Je maakt je zorgen om je buurvrouw. Het valt je op dat ze bijna niet meer buiten komt en de post "
        "laat liggen. Het is iets van de laatste tijd."
    )
    assert "Riet" not in said and "Dam" not in said  # a name typed is never said back


def test_the_reflection_in_the_u_form_and_with_a_known_person() -> None:
    known = WorryState(who="vader", signals=("binnen",))
    said = reflection(known, read_worry("Hij eet slecht en zit de hele dag voor de tv"), "u")
    assert said == (
        "Het valt u ook op dat hij minder goed voor zichzelf zorgt en veel voor de tv of achter het raam zit."
    )
    first = reflection(WorryState(), read_worry("ik maak me zorgen om mijn opa"), "u")
    assert first == "U maakt zich zorgen om uw opa."


def test_a_client_is_named_again_rather_than_hij_of_zij() -> None:
    said = reflection(WorryState(), read_worry("een cliënt van mij krijgt nooit bezoek"), "je")
    assert said == "Je maakt je zorgen om je cliënt. Het valt je op dat je cliënt weinig mensen ziet."


# --- A worried person: what they saw, how it is for them, then what fits ----------------------


def test_without_a_story_the_first_answer_asks_rather_than_lists() -> None:
    assert converse(["/worried_about_other"]) == [["utter_other_intro"]]


def test_a_neighbour_is_asked_how_long_and_how_it_is_for_them_before_any_offer() -> None:
    turns = converse(
        [
            "ik maak me zorgen om mijn buurman, hij komt bijna niet meer buiten",
            "een paar weken denk ik",
            "met mij gaat het wel hoor",
        ]
    )
    assert turns == [
        ["utter_worry_opening", "utter_worry_reflect", "utter_worry_ask_how_long"],
        ["utter_worry_reflect", "utter_worry_ask_carer"],
        ["utter_worry_carer_heard", "utter_worry_offer_talk_neighbour"],
    ]


def test_someone_close_gets_the_talk_offer_for_someone_close() -> None:
    turns = converse(["mijn moeder zit sinds een paar weken de hele dag alleen", "goed hoor, dank je"])
    assert turns[-1][-1] == "utter_worry_offer_talk_close"


def test_a_tired_carer_is_heard_first_and_may_talk_about_themselves() -> None:
    turns = converse(
        [
            "ik maak me zorgen om mijn vader, hij komt al maanden de deur niet uit",
            "eerlijk gezegd valt het me zwaar",
        ]
    )
    assert turns[1] == ["utter_worry_carer_strained"]
    buttons = load_domain()["responses"]["utter_worry_carer_strained"][0]["buttons"]
    assert [button["payload"] for button in buttons] == ["/for_myself", "/worried_about_other"]


def test_a_carer_is_asked_how_it_is_for_them_before_how_long() -> None:
    turns = converse(["ik ben mantelzorger voor mijn moeder, ze vergeet steeds meer"])
    # The signals may point to memory problems: the huisarts is named, then the carer is asked.
    assert turns == [
        ["utter_worry_opening", "utter_worry_reflect", "utter_worry_huisarts", "utter_worry_ask_carer"]
    ]


def test_someone_who_keeps_the_door_closed_gets_the_meldpunt_without_pushing() -> None:
    turns = converse(
        ["mijn buurvrouw doet de deur niet meer open en wil geen hulp, al een half jaar", "gaat wel"]
    )
    assert turns[-1][-1] == "utter_worry_offer_refuses"


def test_a_long_and_serious_situation_leads_to_the_meldpunt() -> None:
    turns = converse(
        [
            "De man hiernaast laat zijn post liggen en de gordijnen zijn dicht, al maanden",
            "het gaat wel met mij",
        ]
    )
    assert turns[-1][-1] == "utter_worry_offer_report"


def test_doubt_gets_the_signals_and_a_question_of_their_own_is_answered_now() -> None:
    doubt = converse(["ik weet niet of mijn opa eenzaam is, hij praat veel over vroeger"])
    assert doubt[0][-1] == "utter_worry_offer_signals"
    report = converse(["mijn buurvrouw komt niet meer buiten, waar kan ik dat melden?"])
    assert report[0][-1] == "utter_worry_offer_report"


def test_offers_are_not_repeated_and_end_with_an_open_door() -> None:
    turns = converse(
        ["mijn vriendin zit al maanden alleen thuis", "goed", "ok", "ja", "hm", "nou"],
    )
    offers = [turn[-1] for turn in turns[1:]]
    assert offers == [
        "utter_worry_offer_talk_close",
        "utter_worry_offer_signals",
        "utter_worry_offer_report",
        "utter_worry_open",
        "utter_worry_open",
    ]


def test_the_huisarts_is_named_once() -> None:
    turns = converse(["mijn oma vergeet veel de laatste weken", "ze is ook somber", "met mij gaat het goed"])
    assert sum(turn.count("utter_worry_huisarts") for turn in turns) == 1


# --- A professional: a short case consultation --------------------------------------------------


def test_a_consultation_asks_the_clients_view_and_what_was_tried_then_gives_one_tip() -> None:
    turns = converse(
        [
            "Een cliënt van mij krijgt bijna nooit bezoek",
            "Ze zegt dat het wel gaat",
            "nog niks eigenlijk",
        ],
        consult=True,
    )
    assert turns == [
        ["utter_worry_reflect", "utter_consult_ask_client_view"],
        ["utter_consult_ask_tried"],
        ["utter_consult_tip_discuss"],
    ]


@pytest.mark.parametrize(
    ("view", "tried", "tip"),
    [
        ("ik twijfel of het eenzaamheid is of iets anders", "niks", "utter_consult_tip_recognise"),
        (
            "ze geeft aan dat ze zich eenzaam voelt",
            "we hebben het er alleen over gehad",
            "utter_consult_tip_causes",
        ),
        ("hij weet niet wat hij leuk vindt, nergens zin in", "gesprekjes", "utter_consult_tip_wishes"),
        (
            "ze zou wel graag naar het buurthuis gaan maar durft niet alleen",
            "samen gekeken",
            "utter_consult_tip_steps",
        ),
        (
            "hij voelt zich alleen",
            "we hebben een maatje geregeld maar het klikte niet",
            "utter_consult_tip_look_back",
        ),
    ],
)
def test_the_tip_fits_the_phase_of_the_case(view: str, tried: str, tip: str) -> None:
    turns = converse(["mijn cliënt komt weinig buiten", view, tried], consult=True)
    assert turns[-1][-1] == tip


def test_a_question_of_their_own_gets_the_tip_for_that_phase() -> None:
    turns = converse(["Hoe begin ik erover bij een cliënt die steeds stiller wordt?"], consult=True)
    assert turns[0][-1] == "utter_consult_tip_discuss"


def test_a_second_tip_only_for_another_phase_then_an_open_door() -> None:
    turns = converse(
        [
            "mijn cliënt trekt zich terug",
            "hij zegt dat het wel gaat",
            "niks",
            "niks",
            "hij vindt het spannend",
        ],
        consult=True,
    )
    assert turns[2] == ["utter_consult_tip_discuss"]
    assert turns[3] == ["utter_consult_open"]
    assert turns[4] == ["utter_consult_tip_steps"]


def test_the_consultation_names_the_person_as_the_professional_does() -> None:
    turn = plan_consult_turn(WorryState(), read_worry("een leerling van mij staat altijd alleen"), "je")
    assert turn.messages[-1] == ("utter_consult_ask_client_view", {"consult_who": "je leerling"})


# --- The texts ---------------------------------------------------------------------------------


def planned_responses() -> set[str]:
    """Every response name the planner can send (found in its source, so none is missed)."""
    return set(re.findall(r'"(utter_[a-z_]+)"', PLANNER.read_text(encoding="utf-8")))


def test_the_scan_finds_the_planned_responses() -> None:
    found = planned_responses()
    assert set(PHASE_TIPS.values()) | set(QUESTION_RESPONSES.values()) <= found
    assert offer_response("talk", "buurman") in found and offer_response("talk", "moeder") in found


def test_every_planned_response_has_a_je_and_a_u_form() -> None:
    domain = load_domain()["responses"]
    for name in planned_responses():
        variants = domain[name]
        plain = [v for v in variants if not v.get("condition")]
        u_form = [
            v for v in variants if v.get("condition") == [{"type": "slot", "name": "address", "value": "u"}]
        ]
        assert plain and u_form, name
        assert len(plain) + len(u_form) == len(variants), name  # no other conditions that could mix


def test_placeholders_are_the_ones_the_planner_fills() -> None:
    domain = load_domain()["responses"]
    for name in planned_responses():
        for variant in domain[name]:
            fields = {field for _, field, _, _ in string.Formatter().parse(variant["text"]) if field}
            assert fields <= {"worry_reflection", "consult_who"}, name


def test_the_tips_are_written_in_own_words_not_copied_from_the_approach() -> None:
    """No run of six words from the approach's text is in any text for worried people or professionals."""
    reference = normalise(REFERENCE.read_text(encoding="utf-8")).split()
    six_grams = {" ".join(reference[i : i + 6]) for i in range(len(reference) - 5)}
    domain = load_domain()["responses"]
    for name in planned_responses():
        for variant in domain[name]:
            words = normalise(variant["text"]).split()
            copied = [
                " ".join(words[i : i + 6])
                for i in range(len(words) - 5)
                if " ".join(words[i : i + 6]) in six_grams
            ]
            assert copied == [], (name, copied)


def test_sentences_stay_short() -> None:
    domain = load_domain()["responses"]
    for name in planned_responses():
        for variant in domain[name]:
            for sentence in re.split(r"(?<=[.?!])\s+", variant["text"]):
                assert len(sentence.split()) <= 22, (name, sentence)


# --- Slots -------------------------------------------------------------------------------------


def test_the_state_goes_through_the_slots_unchanged() -> None:
    state = WorryState(
        who="buurvrouw", signals=("post",), duration="months", carer="strained", asked=("how_long",),
        phase_cues=("bespreekbaar",), tips=("bespreekbaar",), turns=3,
    )  # fmt: skip
    assert state_from_slots(state_to_slots(state)) == state


def test_unknown_slot_values_are_dropped() -> None:
    state = state_from_slots(
        {"worry_about": "Riet", "worry_signals": ["post", "x"], "worry_duration": "lang"}
    )
    assert state.who is None and state.signals == ("post",) and state.duration is None


def test_every_slot_is_in_the_domain() -> None:
    assert set(state_to_slots(WorryState())) <= set(load_domain()["slots"])


# --- The actions -------------------------------------------------------------------------------


async def test_the_action_reflects_and_remembers_only_labels() -> None:
    text = "Ik maak me zorgen om mijn buurvrouw Riet, ze komt al maanden niet buiten"
    tracker = make_tracker(text=text, intent="worried_about_other", slots={"role": "other"})
    events, dispatcher = await run_action(ActionOtherPerson(), tracker)

    assert responses(dispatcher) == ["utter_worry_opening", "utter_worry_reflect", "utter_worry_ask_carer"]
    assert "Riet" not in dispatcher.messages[1]["worry_reflection"]
    slots = slot_sets(events)
    assert slots["worry_about"] == "buurvrouw" and slots["worry_signals"] == ["binnen"]
    assert slots["worry_duration"] == "months" and slots["worry_asked"] == ["carer"]
    assert "Riet" not in str(events)


async def test_the_listening_action_hands_someone_worried_to_the_same_turn() -> None:
    tracker = make_tracker(
        text="Mijn buurman is weduwnaar geworden en krijgt nooit bezoek",
        intent="tell_situation",
        slots={"role": "other", "worry_turns": 1.0, "worry_asked": ["intro"]},
    )
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert responses(dispatcher) == ["utter_worry_reflect", "utter_worry_ask_how_long"]
    # The neighbour's loss is not stored as a cause of the person who writes.
    assert "causes" not in slot_sets(events) and "loneliness_type" not in slot_sets(events)


async def test_a_professional_stays_a_professional_when_the_intent_says_other() -> None:
    events_before = [
        user_event("/professional_or_volunteer", "professional_or_volunteer"),
        {"event": "slot", "timestamp": None, "name": "role", "value": "professional"},
        bot_action("utter_pro_intro"),
        user_event("mijn buurvrouw komt niet meer buiten", "worried_about_other"),
        {"event": "slot", "timestamp": None, "name": "role", "value": "other"},
    ]
    tracker = make_tracker(
        text="mijn buurvrouw komt niet meer buiten",
        intent="worried_about_other",
        slots={"role": "other"},
        events=events_before,
    )
    assert previous_role(tracker) == "professional"
    events, dispatcher = await run_action(ActionOtherPerson(), tracker)

    assert events[0] == SlotSet("role", "professional")
    assert responses(dispatcher) == ["utter_worry_reflect", "utter_consult_ask_client_view"]


async def test_writing_about_someone_without_a_role_sets_it() -> None:
    tracker = make_tracker(text="mijn buurman krijgt nooit bezoek", slots={"role": None})
    events, _ = await run_action(ActionOtherPerson(), tracker)
    assert slot_sets(events)["role"] == "other"
    tracker = make_tracker(text="een bewoner van ons krijgt nooit bezoek", slots={"role": None})
    events, _ = await run_action(ActionOtherPerson(), tracker)
    assert slot_sets(events)["role"] == "professional"


def test_a_closed_door_in_the_past_tense_is_a_refusal() -> None:
    reading = read_worry("ik belde aan, maar ze zei dat alles prima ging en deed de deur snel weer dicht")
    assert reading.refuses
    assert "gordijnen" in read_worry("ze laat de gordijnen nu ook overdag dicht").signals


async def test_an_open_yes_no_question_is_closed() -> None:
    tracker = make_tracker(text="ik maak me zorgen", slots={"role": "other", "pending_question": "scale"})
    events, _ = await run_action(ActionOtherPerson(), tracker)
    assert slot_sets(events)["pending_question"] == "none"


def test_the_module_has_no_rasa_sdk() -> None:
    assert "rasa_sdk" not in PLANNER.read_text(encoding="utf-8")
    assert other_person.__name__ == "bot.conversation.other_person"


# --- Role-aware melding texts ------------------------------------------------------------------

MELDING_QUESTIONS = (
    "utter_ask_melding_consent",
    "utter_ask_melding_form_municipality",
    "utter_ask_melding_description",
    "utter_ask_melding_contact",
)


def melding_text(name: str, role: str | None, address: str) -> str:
    """The one text Rasa's own variation filter leaves for this role and form of address."""
    from rasa.core.nlg.generator import ResponseVariationFilter

    domain_responses = load_domain()["responses"]
    variants = ResponseVariationFilter(domain_responses).responses_for_utter_action(
        name, "rest", {"role": role, "address": address}
    )
    texts = {variant["text"] for variant in variants}
    assert len(texts) == 1, (name, role, address, texts)
    return texts.pop()


@pytest.mark.parametrize("name", MELDING_QUESTIONS)
@pytest.mark.parametrize("role", [None, "self", "other", "professional"])
def test_each_melding_question_has_one_text_per_role_and_address(name: str, role: str | None) -> None:
    je, u = melding_text(name, role, "je"), melding_text(name, role, "u")
    assert not re.search(r"\b(u|uw)\b", je), je
    assert not re.search(r"\b(je|jij|jou|jouw)\b", u), u


def test_a_neighbour_and_a_professional_are_asked_about_the_other_person() -> None:
    for role in ("other", "professional"):
        for address in ("je", "u"):
            assert "de persoon om wie het gaat" in melding_text(
                "utter_ask_melding_form_municipality", role, address
            )
            assert "Wat is er aan de hand?" in melding_text("utter_ask_melding_description", role, address)
    assert "zorgen over de ander" in melding_text("utter_ask_melding_consent", "other", "je")
    assert "eigen organisatie" in melding_text("utter_ask_melding_consent", "professional", "u")
    assert "overleggen" in melding_text("utter_ask_melding_contact", "professional", "je")


def test_the_person_themselves_is_asked_about_themselves() -> None:
    for role in (None, "self"):
        assert "woon je" in melding_text("utter_ask_melding_form_municipality", role, "je")
        assert "hoe het met u gaat" in melding_text("utter_ask_melding_description", role, "u")
        assert "meedenken" in melding_text("utter_ask_melding_consent", role, "je")
        assert "niet bereiken" in melding_text("utter_ask_melding_contact", role, "u")
