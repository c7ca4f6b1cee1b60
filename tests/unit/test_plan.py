"""A plan with who and when: answers kept as fixed words and codes, said back, and a printable card."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.steps import ActionAskPlanWith, ActionShowPlan, ValidatePlanForm
from bot.conversation.plan import (
    WHEN_UNSURE,
    Plan,
    plan_card,
    read_companion,
    read_follow_up,
    read_obstacle,
    read_when,
)
from tests.support.trackers import bot_action, make_tracker, responses, run_action, slot_sets, user_event

SVG = "{http://www.w3.org/2000/svg}"
PRIVATE = ("Truus", "Kerkstraat", "06-12345678", "Piet")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vandaag of morgen", "vandaag of morgen"),
        ("zaterdagochtend", "op zaterdag, in de ochtend"),
        ("Volgende week dinsdag", "volgende week, op dinsdag"),
        ("morgenavond", "morgen, in de avond"),
        ("in het weekend", "in het weekend"),
        ("woensdag of donderdag", "op woensdag of op donderdag"),
        ("weet ik nog niet", WHEN_UNSURE),
        ("zaterdag met Truus van de Kerkstraat", "op zaterdag"),
        ("als het mooi weer is", None),
        ("", None),
    ],
)
def test_when_is_kept_in_fixed_words_only(text: str, expected: str | None) -> None:
    assert read_when(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iemand uit de familie", "family"),
        ("alleen mijn zus", "family"),
        ("mijn buurvrouw Truus", "neighbour"),
        ("een vriend of vriendin", "friend"),
        ("een vrijwilliger", "volunteer"),
        ("misschien de huisarts", "professional"),
        ("ik ga alleen", "alone"),
        ("weet ik nog niet", "unsure"),
        ("Piet", "other"),
        ("", None),
    ],
)
def test_who_comes_along_is_a_code(text: str, expected: str | None) -> None:
    assert read_companion(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("het is spannend", "nerves"),
        ("er komen, vervoer of lopen", "transport"),
        ("geen geld", "money"),
        ("mijn gezondheid", "health"),
        ("geen zin of energie", "energy"),
        ("niets, denk ik", "nothing"),
        ("weet ik niet", "unsure"),
        ("mijn ex woont daar", "other"),
    ],
)
def test_what_gets_in_the_way_is_a_code(text: str, expected: str) -> None:
    assert read_obstacle(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ja, graag", True),
        ("Doe maar", True),
        ("nee, liever niet", False),
        ("hoeft niet", False),
        ("hmm", None),
    ],
)
def test_follow_up_consent(text: str, expected: bool | None) -> None:
    assert read_follow_up(text) == expected


# --- The card --------------------------------------------------------------------------------


def full_plan() -> Plan:
    return Plan(
        step="Een keer naar een koffieochtend in de buurt",
        when="op zaterdag, in de ochtend",
        companion="neighbour",
        obstacle="nerves",
        follow_up=True,
    )


def test_the_plan_card_is_a_well_formed_accessible_svg_with_a_text_alternative() -> None:
    card = plan_card(full_plan())
    root = ET.fromstring(card["svg"])
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text == "Mijn kleine stap" == card["title"]
    assert desc is not None and "Wanneer: op zaterdag, in de ochtend" in (desc.text or "")
    assert root.find(f".//{SVG}script") is None
    assert card["kind"] == "plan" and card["filename"] == "mijn-kleine-stap.svg"
    assert card["text"].split("\n") == [
        "Mijn kleine stap",
        "Mijn stap: Een keer naar een koffieochtend in de buurt",
        "Wanneer: op zaterdag, in de ochtend",
        "Met wie: een buur",
        "Wat in de weg kan zitten: het is spannend",
        "Wat kan helpen: Spreek met jezelf af dat weggaan na tien minuten mag.",
        "Volgende keer: De assistent vraagt hoe het ging.",
    ]
    shown = " ".join(element.text or "" for element in root.iter(f"{SVG}text"))
    assert "op zaterdag, in de ochtend" in shown and "een buur" in shown


def test_a_long_step_is_wrapped_inside_the_card() -> None:
    plan = Plan(
        step="Praten met De Kindertelefoon: gratis en anoniem, bel 0800-0432 of chat via kindertelefoon.nl"
    )
    root = ET.fromstring(plan_card(plan)["svg"])
    assert all(len(element.text or "") <= 46 for element in root.iter(f"{SVG}text"))
    width = int(root.get("width") or 0)
    assert all(float(element.get("x") or 0) < width for element in root.iter(f"{SVG}text"))


def test_a_plan_without_answers_says_so_plainly() -> None:
    plan = Plan.from_slots({"plan_step_label": "Meelopen met een wandelgroep", "plan_with": "Truus"})
    assert plan is not None
    assert plan.text_lines() == [
        "Mijn stap: Meelopen met een wandelgroep",
        "Wanneer: nog niet vastgelegd",
        "Met wie: nog niet bekend",
    ]
    assert Plan.from_slots({}) is None


# --- The form, the question with buttons, and showing the plan ---------------------------------


def validate(method: str, text: str, events: list | None = None) -> tuple[dict, list]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text=text, events=events, active_loop="plan_form")
    result = getattr(ValidatePlanForm(), method)(text, dispatcher, tracker, {})
    return result, responses(dispatcher)


def test_typed_names_never_reach_the_plan_slots() -> None:
    assert validate("validate_plan_when", "zaterdag met Truus") == ({"plan_when": "op zaterdag"}, [])
    assert validate("validate_plan_with", "mijn buurvrouw Truus, Kerkstraat 12") == (
        {"plan_with": "neighbour"},
        [],
    )
    assert validate("validate_plan_obstacle", "Piet belt vast af") == ({"plan_obstacle": "other"}, [])
    assert validate("validate_plan_follow_up", "ja graag") == ({"plan_follow_up": True}, [])


def test_an_unclear_moment_is_asked_once_more_then_left_open() -> None:
    assert validate("validate_plan_when", "als het mooi weer is") == (
        {"plan_when": None},
        ["utter_plan_when_invalid"],
    )
    events = [
        user_event("als het mooi weer is"),
        bot_action("plan_form"),
        {
            "event": "bot",
            "text": "Dat begreep ik niet",
            "metadata": {"utter_action": "utter_plan_when_invalid"},
        },
        user_event("gewoon een keer"),
    ]
    assert validate("validate_plan_when", "gewoon een keer", events) == ({"plan_when": WHEN_UNSURE}, [])


def test_an_unclear_follow_up_twice_means_no() -> None:
    assert validate("validate_plan_follow_up", "hmm") == (
        {"plan_follow_up": None},
        ["utter_plan_follow_up_invalid"],
    )
    events = [
        user_event("hmm"),
        {"event": "bot", "text": "Zeg gerust", "metadata": {"utter_action": "utter_plan_follow_up_invalid"}},
        user_event("tja"),
    ]
    assert validate("validate_plan_follow_up", "tja", events) == ({"plan_follow_up": False}, [])


async def test_who_comes_along_lists_the_circles_of_the_network_map_first() -> None:
    _, plain = await run_action(ActionAskPlanWith(), make_tracker())
    assert [b["title"] for b in plain.messages[0]["buttons"]][:3] == [
        "Iemand uit de familie",
        "Een vriend of vriendin",
        "Een buur",
    ]
    network = {
        "family": "none",
        "friends": "none",
        "neighbourhood": "close",
        "club": "few",
        "kind_hint": None,
    }
    _, dispatcher = await run_action(ActionAskPlanWith(), make_tracker(slots={"network_map": network}))
    assert responses(dispatcher) == ["utter_ask_plan_with"]
    buttons = dispatcher.messages[0]["buttons"]
    assert buttons[0] == {"title": "Een buur", "payload": '/plan_answer{"plan_answer": "een buur"}'}
    volunteer = {"title": "Een vrijwilliger", "payload": '/plan_answer{"plan_answer": "een vrijwilliger"}'}
    assert volunteer in buttons
    # The button's text goes as an entity that no intent can swallow; the form reads it like typed text.
    payloads = [button["payload"] for button in buttons]
    answers = [json.loads(payload[payload.index("{") :])["plan_answer"] for payload in payloads]
    assert all(read_companion(answer) is not None for answer in answers)


PLAN_SLOTS = {
    "plan_step": "koffieochtend",
    "plan_step_label": "Een keer naar een koffieochtend in de buurt",
    "plan_when": "op zaterdag, in de ochtend",
    "plan_with": "neighbour",
    "plan_obstacle": "nerves",
    "plan_follow_up": True,
}


async def test_showing_the_plan_says_it_back_with_a_tip_and_a_card() -> None:
    events, dispatcher = await run_action(ActionShowPlan(), make_tracker(slots=PLAN_SLOTS))

    assert responses(dispatcher) == [
        "utter_plan_summary",
        "utter_plan_tip_nerves",
        "utter_plan_card_follow_up",
    ]
    assert dispatcher.messages[0]["plan_when_label"] == "op zaterdag, in de ochtend"
    assert dispatcher.messages[0]["plan_with_label"] == "een buur"
    card = dispatcher.messages[2]["custom"]["card"]
    assert card["kind"] == "plan"
    ET.fromstring(card["svg"])
    assert slot_sets(events) == {"plan_asking": False, "pending_question": "none"}


async def test_no_follow_up_and_nothing_in_the_way() -> None:
    slots = {**PLAN_SLOTS, "plan_obstacle": "nothing", "plan_follow_up": False}
    _, dispatcher = await run_action(ActionShowPlan(), make_tracker(slots=slots))
    assert responses(dispatcher) == ["utter_plan_summary", "utter_plan_card_no_follow_up"]


@pytest.mark.parametrize(("permission", "reminded"), [(True, True), (None, False), (False, False)])
async def test_the_plan_comes_back_to_resistance_only_with_permission(
    permission: bool | None, reminded: bool
) -> None:
    slots = {**PLAN_SLOTS, "resistance_sources": ["onzeker"], "return_permission": permission}
    _, dispatcher = await run_action(ActionShowPlan(), make_tracker(slots=slots))
    assert ("utter_plan_parked" in responses(dispatcher)) is reminded
    assert all("objection" not in message for message in dispatcher.messages)


async def test_the_card_holds_no_personal_data_even_when_slots_do() -> None:
    slots = {**PLAN_SLOTS, "plan_with": "mijn buurvrouw Truus", "plan_obstacle": "06-12345678"}
    _, dispatcher = await run_action(ActionShowPlan(), make_tracker(slots=slots))
    shown = json.dumps(dispatcher.messages, ensure_ascii=False)
    assert not any(private in shown for private in PRIVATE)


async def test_emptied_plan_answers_are_not_told_they_were_not_understood() -> None:
    # Found in a transcript: choosing a step empties the plan slots, rasa-sdk validates those empty
    # values when the form starts, and "Dat begreep ik niet goed" came before the first question.
    form = ValidatePlanForm()
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots={})
    assert form.validate_plan_when(None, dispatcher, tracker, {}) == {"plan_when": None}
    assert form.validate_plan_follow_up(None, dispatcher, tracker, {}) == {"plan_follow_up": None}
    assert dispatcher.messages == []
