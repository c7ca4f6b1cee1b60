"""The meldpunt question: the place is recognised from free text, asked back when unclear."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import SlotSet

from actions.meldpunt import ActionShowMeldpunt, ValidateMunicipalityForm
from tests.support.trackers import make_tracker, responses, run_action, slot_sets, user_event

pytestmark = pytest.mark.usefixtures("social_map")


def municipality_tracker(value: Any, tries: int = 0) -> Any:
    return make_tracker(
        text=str(value),
        slots={"municipality": value, "requested_slot": "municipality", "place_tries": tries},
        events=[user_event(str(value)), SlotSet("municipality", value)],
        active_loop="municipality_form",
    )


@pytest.mark.parametrize(
    ("typed", "name", "code"),
    [
        ("  Nijmegen  ", "Nijmegen", "GM0268"),
        ("NIJMEGEN", "Nijmegen", "GM0268"),
        ("Ik woon in Nijmegen hoor", "Nijmegen", "GM0268"),
        ("📍 Enschede", "Enschede", "GM0153"),
        ("Hengelo (OV)", "Hengelo", "GM0164"),
        ("Ten Boer", "Groningen", "GM0014"),
        ("Amsterdam", "Amsterdam", "GM0363"),
        ("Den Bosch", "'s-Hertogenbosch", "GM0796"),
    ],
)
async def test_known_places(typed: str, name: str, code: str) -> None:
    events, _ = await run_action(ValidateMunicipalityForm(), municipality_tracker(typed))
    assert slot_sets(events) == {"municipality": name, "municipality_code": code, "place_tries": 0}


async def test_a_village_is_named_with_its_municipality() -> None:
    events, dispatcher = await run_action(ValidateMunicipalityForm(), municipality_tracker("Lent"))
    assert slot_sets(events)["municipality_code"] == "GM0268"
    assert responses(dispatcher) == ["utter_place_in_municipality"]
    assert dispatcher.messages[0]["place"] == "Lent"
    assert dispatcher.messages[0]["municipality_name"] == "Nijmegen"


async def test_a_typo_is_accepted_and_said_back() -> None:
    events, dispatcher = await run_action(ValidateMunicipalityForm(), municipality_tracker("nijmegn"))
    assert slot_sets(events)["municipality"] == "Nijmegen"
    assert responses(dispatcher) == ["utter_place_corrected"]


async def test_hengelo_asks_which_one_with_buttons() -> None:
    events, dispatcher = await run_action(ValidateMunicipalityForm(), municipality_tracker("Hengelo"))
    assert slot_sets(events) == {"municipality": None, "place_tries": 0}
    assert responses(dispatcher) == ["utter_place_ambiguous"]
    buttons = dispatcher.messages[0]["buttons"]
    assert [button["title"] for button in buttons] == [
        "Hengelo (Overijssel)",
        "Hengelo in de gemeente Bronckhorst (Gelderland)",
    ]
    # Each button's text, sent back, names exactly one municipality.
    for button, code in zip(buttons, ["GM0164", "GM1876"], strict=True):
        again, _ = await run_action(ValidateMunicipalityForm(), municipality_tracker(button["payload"]))
        assert slot_sets(again)["municipality_code"] == code


@pytest.mark.parametrize("typed", ["Atlantis", "   ", "", None, "x" * 200])
async def test_unknown_place_is_asked_once_more(typed: Any) -> None:
    events, dispatcher = await run_action(ValidateMunicipalityForm(), municipality_tracker(typed))
    assert slot_sets(events) == {"municipality": None, "place_tries": 1}
    assert responses(dispatcher) == ["utter_place_unknown"]


async def test_second_unknown_place_stops_asking() -> None:
    events, dispatcher = await run_action(
        ValidateMunicipalityForm(), municipality_tracker("Atlantis", tries=1)
    )
    assert slot_sets(events) == {"municipality": "Atlantis", "municipality_code": None, "place_tries": 0}
    assert responses(dispatcher) == ["utter_place_still_unknown"]


async def test_show_known_meldpunt() -> None:
    tracker = make_tracker(slots={"municipality": "Nijmegen", "municipality_code": "GM0268", "role": "self"})
    events, dispatcher = await run_action(ActionShowMeldpunt(), tracker)

    assert responses(dispatcher) == ["utter_meldpunt"]
    message = dispatcher.messages[0]
    assert message["municipality_name"] == "Nijmegen"
    assert message["meldpunt_name"] == "Sociaal wijkteam Nijmegen (via het Wmo-loket)"
    assert message["meldpunt_phone"] == "14 024"
    assert message["meldpunt_website"] == "www.nijmegen.nl"
    assert "8.30" in message["meldpunt_hours"]
    assert events == []


@pytest.mark.parametrize("code", ["GM0363", None])
async def test_show_unknown_meldpunt(code: str | None) -> None:
    tracker = make_tracker(slots={"municipality": "Amsterdam", "municipality_code": code, "role": "self"})
    events, dispatcher = await run_action(ActionShowMeldpunt(), tracker)

    assert responses(dispatcher) == ["utter_meldpunt_unknown"]
    assert events == []


@pytest.mark.parametrize(
    ("code", "first"), [("GM0164", "utter_meldpunt"), ("GM0193", "utter_meldpunt_unknown")]
)
@pytest.mark.parametrize("role", ["other", "professional"])
async def test_show_meldpunt_to_others_adds_the_menu(code: str, first: str, role: str) -> None:
    tracker = make_tracker(slots={"municipality_code": code, "role": role})
    _, dispatcher = await run_action(ActionShowMeldpunt(), tracker)

    assert responses(dispatcher) == [first, "utter_other_menu"]
