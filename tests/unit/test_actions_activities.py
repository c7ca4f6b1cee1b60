"""Local activities in the conversation: read the request, ask what is missing, show the best three."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rasa_sdk.events import SlotSet

from actions.activities import (
    ActionFindActivities,
    ActionPrepareActivitySearch,
    ValidateActivityForm,
    understood_request,
)
from actions.steps import ActionConfirmStep, ActionProposeSteps
from bot.socialmap.activity_match import EXAMPLE_NOTICE
from tests.support.trackers import entity, make_tracker, responses, run_action, slot_sets, user_event

pytestmark = pytest.mark.usefixtures("social_map")


async def prepare(text: str, **slots: Any) -> dict[str, Any]:
    events, _ = await run_action(ActionPrepareActivitySearch(), make_tracker(text=text, slots=slots))
    return slot_sets(events)


async def test_request_with_place_and_interest() -> None:
    slots = await prepare("Ik zoek een wandelgroep in Enschede")
    assert slots["municipality"] == "Enschede" and slots["municipality_code"] == "GM0153"
    assert slots["activity_interest"] == "wandelen"
    assert slots["activity_day"] is None and slots["activity_free"] is False


async def test_request_with_day_and_free() -> None:
    slots = await prepare("zijn er gratis dingen op dinsdag in nijmegen")
    assert slots["municipality_code"] == "GM0268"
    assert slots["activity_day"] == "dinsdag" and slots["activity_free"] is True


async def test_request_without_place_keeps_an_earlier_municipality() -> None:
    slots = await prepare("zoek iets bij mij in de buurt", municipality_code="GM0344")
    assert slots["municipality"] == "Utrecht"
    fresh = await prepare("zoek iets bij mij in de buurt")
    assert fresh["municipality"] is None


async def test_wishes_fill_the_interest_on_a_first_search_only() -> None:
    first = await prepare("zijn er activiteiten in de buurt", interests=["muziek"])
    assert first["activity_interest"] == "muziek"
    again = await prepare("/find_activity", interests=["muziek"], found_activities=["voorbeeld-nijmegen-001"])
    assert again["activity_interest"] is None


async def test_ambiguous_place_leaves_the_question_to_the_form() -> None:
    slots = await prepare("ik zoek een koor in Hengelo", municipality_code="GM0268")
    assert slots["municipality"] == "Hengelo" and slots["municipality_code"] is None


def form_tracker(slot: str, value: Any, **slots: Any) -> Any:
    return make_tracker(
        text=str(value),
        slots={slot: value, "requested_slot": slot, **slots},
        events=[user_event(str(value)), SlotSet(slot, value)],
        active_loop="activity_form",
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("wandelen", "wandelen"), ("ik zing graag", "muziek"), ("maakt niet uit", "alles"), ("tja", "alles")],
)
async def test_interest_answer(typed: str, expected: str) -> None:
    events, _ = await run_action(ValidateActivityForm(), form_tracker("activity_interest", typed))
    assert slot_sets(events) == {"activity_interest": expected}


@pytest.mark.parametrize("slot", ["municipality", "activity_interest"])
async def test_slots_cleared_by_the_request_are_left_for_the_form_to_ask(slot: str) -> None:
    events, dispatcher = await run_action(ValidateActivityForm(), form_tracker(slot, None))
    assert slot_sets(events) == {slot: None}
    assert dispatcher.messages == []


async def test_place_answer_in_the_activity_form() -> None:
    events, _ = await run_action(ValidateActivityForm(), form_tracker("municipality", "Glanerbrug"))
    assert slot_sets(events)["municipality_code"] == "GM0153"


async def find(**slots: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    events, dispatcher = await run_action(ActionFindActivities(), make_tracker(slots=slots))
    return slot_sets(events), dispatcher.messages


async def test_walking_groups_in_enschede_are_shown_as_examples() -> None:
    slots, messages = await find(
        municipality="Enschede", municipality_code="GM0153", activity_interest="wandelen"
    )
    texts = [message.get("text") or "" for message in messages]
    assert messages[0]["response"] == "utter_activities_intro"
    assert EXAMPLE_NOTICE in texts
    shown = [text for text in texts if text.startswith(("1.", "2.", "3."))]
    assert len(shown) == 3
    assert all("[Voorbeeld]" in text and "Enschede" in text and "Waarom dit past:" in text for text in shown)
    assert len(slots["found_activities"]) == 3
    assert slots["pending_question"] == "steps"
    assert slots["activity_interest"] is None  # the next search asks again
    buttons = messages[-1]["buttons"]
    assert buttons[0]["payload"] == "/choose_step" + json.dumps(
        {"step": "activity:" + slots["found_activities"][0]}
    )
    assert buttons[-1]["payload"] == "/deny"


async def test_coffee_in_nijmegen() -> None:
    slots, messages = await find(
        municipality="Nijmegen", municipality_code="GM0268", activity_interest="koffie en ontmoeting"
    )
    assert len(slots["found_activities"]) == 3
    assert all(source_id.startswith("voorbeeld-nijmegen") for source_id in slots["found_activities"])


async def test_emotional_loneliness_puts_a_maatje_first() -> None:
    slots, messages = await find(
        municipality="Nijmegen",
        municipality_code="GM0268",
        activity_interest="alles",
        loneliness_type="emotional",
    )
    first = next(message["text"] for message in messages if (message.get("text") or "").startswith("1."))
    assert "aatje" in first or "rouw" in first.lower() or "verlies" in first.lower()


async def test_nothing_in_the_municipality_offers_the_neighbours() -> None:
    # Lingewaard has no example activities; its neighbour Nijmegen has.
    slots, messages = await find(
        municipality="Lingewaard", municipality_code="GM1705", activity_interest="wandelen"
    )
    assert responses_of(messages)[0] == "utter_activities_nearby"
    assert slots["found_activities"]


async def test_nothing_anywhere_is_said_honestly() -> None:
    slots, messages = await find(
        municipality="Amsterdam", municipality_code="GM0363", activity_interest="wandelen"
    )
    assert responses_of(messages) == ["utter_activities_none"]
    assert slots["found_activities"] == []


async def test_no_place_known() -> None:
    _, messages = await find(municipality="Atlantis", municipality_code=None, activity_interest="wandelen")
    assert responses_of(messages) == ["utter_activities_no_place"]


def responses_of(messages: list[dict[str, Any]]) -> list[str | None]:
    return [message.get("response") for message in messages if message.get("response")]


async def test_choosing_an_activity_puts_it_in_the_plan() -> None:
    step = "activity:voorbeeld-nijmegen-002"
    tracker = make_tracker(intent="choose_step", entities=[entity("step", step)], text="/choose_step")
    events, dispatcher = await run_action(ActionConfirmStep(), tracker)
    slots = slot_sets(events)
    assert slots["plan_step"] == step
    assert "Wandelgroep Jonkerbos (voorbeeld) in Nijmegen" in slots["plan_step_label"]
    assert responses(dispatcher)[0] == "utter_step_chosen"


async def test_choosing_an_activity_by_typing() -> None:
    offered = ["voorbeeld-nijmegen-001", "voorbeeld-nijmegen-002", "voorbeeld-nijmegen-003"]
    tracker = make_tracker(
        intent="choose_step", text="doe maar de tweede", slots={"found_activities": offered}
    )
    events, _ = await run_action(ActionConfirmStep(), tracker)
    assert slot_sets(events)["plan_step"] == "activity:voorbeeld-nijmegen-002"


async def test_small_steps_offer_a_local_search() -> None:
    events, dispatcher = await run_action(ActionProposeSteps(), make_tracker(slots={"role": "self"}))
    payloads = [button["payload"] for button in dispatcher.messages[0]["buttons"]]
    assert "/find_activity" in payloads
    assert slot_sets(events)["found_activities"] == []


def test_the_request_is_said_back_so_a_misread_shows_at_once() -> None:
    events = [
        SlotSet("municipality", "Groningen"),
        SlotSet("municipality_code", "GM0014"),
        SlotSet("activity_interest", None),
        SlotSet("activity_day", "dinsdag"),
        SlotSet("activity_free", False),
    ]
    assert understood_request(events) == "In Groningen, op dinsdag"
    assert understood_request([SlotSet("municipality", "Hengelo"), SlotSet("municipality_code", None)]) == ""
