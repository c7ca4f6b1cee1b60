"""The network map: answers read as codes, a kind hint to ask about, an accessible SVG card without names."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.network import ActionShowNetworkMap, ValidateNetworkMapForm, offer_network_map
from bot.conversation.handover import handover_summary, summary_lines
from bot.conversation.network_map import NetworkMap, circle_names, network_card, read_closeness
from tests.support.trackers import (
    bot_action,
    initial_slots,
    load_domain,
    make_tracker,
    responses,
    run_action,
    slot_sets,
    user_event,
)

SVG = "{http://www.w3.org/2000/svg}"


def network(**circles: str) -> NetworkMap:
    return NetworkMap(circles)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("niemand", "none"),
        ("Een paar, niet dichtbij", "few"),
        ("iemand dichtbij", "close"),
        ("sla over", "skipped"),
        ("Nee, helemaal niemand meer", "none"),
        ("mijn zus, die zie ik elke week", "close"),
        ("alleen mijn broer af en toe", "few"),
        ("wel wat kennissen maar niet echt dichtbij", "few"),
        ("daar kan ik altijd terecht", "close"),
        ("weet ik niet", "skipped"),
        ("ja", None),
        ("mijn dochter", None),
        ("", None),
    ],
)
def test_answers_are_read_as_closeness(text: str, expected: str | None) -> None:
    assert read_closeness(text) == expected


@pytest.mark.parametrize(
    ("circles", "hint", "shape"),
    [
        (
            {"family": "few", "friends": "few", "neighbourhood": "none", "club": "few"},
            "emotional",
            "nobody_close",
        ),
        (
            {"family": "none", "friends": "none", "neighbourhood": "none", "club": "none"},
            "emotional",
            "nobody_close",
        ),
        (
            {"family": "close", "friends": "none", "neighbourhood": "none", "club": "none"},
            "social",
            "few_circles",
        ),
        ({"family": "close", "friends": "few", "neighbourhood": "few", "club": "none"}, None, "spread"),
        (
            {"family": "close", "friends": "skipped", "neighbourhood": "skipped", "club": "skipped"},
            None,
            "too_little",
        ),
    ],
    ids=["nobody_close", "nobody_at_all", "one_circle", "spread", "mostly_skipped"],
)
def test_the_map_hints_at_the_kind_of_loneliness(
    circles: dict[str, str], hint: str | None, shape: str
) -> None:
    mapped = network(**circles)
    assert mapped.kind_hint() == hint
    assert mapped.shape() == shape
    assert mapped.as_slot()["kind_hint"] == hint


def test_the_slot_round_trips_and_ignores_unknown_values() -> None:
    mapped = network(family="close", friends="few", neighbourhood="none", club="skipped")
    assert NetworkMap.from_slot(mapped.as_slot()) == mapped
    assert NetworkMap.from_slot({"family": "Truus", "friends": "few"}) == network(friends="few")
    assert NetworkMap.from_slot("familie") is None and NetworkMap.from_slot({}) is None


def test_circle_names_read_as_dutch() -> None:
    assert circle_names(["family"]) == "familie"
    assert circle_names(["family", "neighbourhood"]) == "familie en buurt"
    assert circle_names(["family", "friends"]) == "familie en vrienden"
    assert circle_names(["family", "friends", "neighbourhood"]) == "familie, vrienden en buurt"


# --- The picture ---------------------------------------------------------------------------------


def test_the_svg_is_well_formed_and_accessible() -> None:
    card = network_card(network(family="close", friends="few", neighbourhood="none", club="skipped"))
    root = ET.fromstring(card["svg"])
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text == "Mijn netwerk" == card["title"]
    assert desc is not None and "Familie: iemand dichtbij" in (desc.text or "")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert root.find(f".//{SVG}script") is None and "<script" not in card["svg"]
    assert not any(key.startswith("on") for element in root.iter() for key in element.attrib)
    assert card["kind"] == "network_map" and card["filename"].endswith(".svg")
    assert card["text"].split("\n") == [
        "Mijn netwerk",
        "Familie: iemand dichtbij",
        "Vrienden: een paar, niet dichtbij",
        "Buurt: niemand",
        "Club, school, werk, kerk of moskee: niet ingevuld",
    ]
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert {"Jij", "Familie", "Vrienden", "Buurt", "iemand dichtbij", "niemand"} <= set(texts)


def test_dots_show_how_close_people_are() -> None:
    root = ET.fromstring(network_card(network(family="close", friends="few", neighbourhood="none"))["svg"])
    filled = [c for c in root.iter(f"{SVG}circle") if c.get("r") == "11"]
    open_dots = [c for c in root.iter(f"{SVG}circle") if c.get("r") == "8"]
    assert len(filled) == 1 and len(open_dots) == 3  # one close person in family, a few friends


# --- The form and the action ------------------------------------------------------------------


async def test_a_name_typed_as_answer_is_read_as_a_code_only() -> None:
    form = ValidateNetworkMapForm()
    tracker = make_tracker(text="mijn zus Truus, die zie ik elke week", active_loop="network_map_form")
    dispatcher = CollectingDispatcher()
    result = form.validate_network_family("mijn zus Truus, die zie ik elke week", dispatcher, tracker, {})
    assert result == {"network_family": "close"}
    assert dispatcher.messages == []


async def test_an_unclear_answer_is_asked_once_more_then_skipped() -> None:
    form = ValidateNetworkMapForm()
    first = CollectingDispatcher()
    assert form.validate_network_friends("mijn dochter", first, make_tracker(text="mijn dochter"), {}) == {
        "network_friends": None
    }
    assert responses(first) == ["utter_network_map_invalid"]

    events = [
        user_event("mijn dochter"),
        bot_action("network_map_form"),
        {"event": "bot", "text": "Kies", "metadata": {"utter_action": "utter_network_map_invalid"}},
        user_event("ja"),
    ]
    second = CollectingDispatcher()
    tracker = make_tracker(text="ja", events=events)
    assert form.validate_network_friends("ja", second, tracker, {}) == {"network_friends": "skipped"}
    assert responses(second) == ["utter_network_map_skip"]


async def test_showing_the_map_sends_the_card_and_keeps_only_codes() -> None:
    slots = {
        "network_family": "few",
        "network_friends": "none",
        "network_neighbourhood": "few",
        "network_club": "skipped",
    }
    events, dispatcher = await run_action(ActionShowNetworkMap(), make_tracker(slots=slots))

    assert responses(dispatcher) == ["utter_network_map_shown", "utter_network_map_nobody_close"]
    card = dispatcher.messages[0]["custom"]["card"]
    assert card["kind"] == "network_map"
    ET.fromstring(card["svg"])
    set_slots = slot_sets(events)
    assert set_slots["network_map"] == {
        "family": "few",
        "friends": "none",
        "neighbourhood": "few",
        "club": "skipped",
        "kind_hint": "emotional",
    }
    assert all(set_slots[name] is None for name in slots)  # the form can be filled again later
    assert set_slots["loneliness_type"] == "emotional"  # a guess, which the kind question asks about
    assert set_slots["pending_question"] == "none"


async def test_one_circle_names_it_in_the_reflection() -> None:
    slots = {
        "network_family": "close",
        "network_friends": "none",
        "network_neighbourhood": "none",
        "network_club": "none",
    }
    _, dispatcher = await run_action(ActionShowNetworkMap(), make_tracker(slots=slots))
    assert responses(dispatcher) == ["utter_network_map_shown", "utter_network_map_few_circles"]
    assert dispatcher.messages[1]["network_circles"] == "familie"


@pytest.mark.parametrize(
    "slots", [{"loneliness_type": "existential"}, {"loneliness_type": "social", "kind_confirmed": True}]
)
async def test_a_chosen_or_existential_kind_is_never_overwritten(slots: dict) -> None:
    answers = {
        "network_family": "few",
        "network_friends": "few",
        "network_neighbourhood": "none",
        "network_club": "none",
    }
    events, _ = await run_action(ActionShowNetworkMap(), make_tracker(slots={**slots, **answers}))
    assert "loneliness_type" not in slot_sets(events)


def test_the_offer_has_a_button_to_start_and_one_to_decline() -> None:
    dispatcher = CollectingDispatcher()
    assert offer_network_map(dispatcher) == [SlotSet("pending_question", "network_map")]
    assert responses(dispatcher) == ["utter_offer_network_map"]
    buttons = load_domain()["responses"]["utter_offer_network_map"][0]["buttons"]
    assert [button["payload"] for button in buttons] == ["/network_map", "/deny"]


def test_the_handover_summary_shows_the_map_as_labels() -> None:
    slots = initial_slots(load_domain())
    slots["network_map"] = {"family": "close", "friends": "Truus", "neighbourhood": "none", "club": "skipped"}
    summary = handover_summary(slots)
    assert summary["network"] == ["familie: iemand dichtbij", "buurt: niemand"]
    assert ("Netwerk", "familie: iemand dichtbij, buurt: niemand") in summary_lines(summary)
    assert "Truus" not in json.dumps(summary)
    assert "network" not in handover_summary(initial_slots(load_domain()))
