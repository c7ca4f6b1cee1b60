from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import ActiveLoop, SlotSet

from actions.assistant import ActionFallback
from actions.common import misunderstood_in_a_row
from actions.look_back import ActionLookBackReply
from actions.offers import ActionOfferNext
from actions.resistance import MAX_OBJECTION_CHARS, MAX_PARKED, ActionParkObjection
from actions.safety import ActionCrisisResponse
from actions.wishes import ActionSummariseWishes, join_dutch
from tests.support.trackers import bot_action, make_tracker, responses, run_action, slot_sets, user_event

# --- Safety ----------------------------------------------------------------------------------


async def test_crisis_outside_a_form() -> None:
    tracker = make_tracker(text="ik wil niet meer leven", intent="crisis")
    events, dispatcher = await run_action(ActionCrisisResponse(), tracker)

    assert responses(dispatcher) == ["utter_crisis", "utter_crisis_offer"]
    assert events == [SlotSet("crisis_answered", True), SlotSet("pending_question", "human")]


@pytest.mark.parametrize("form", ["loneliness_scale_form", "wishes_form", "municipality_form"])
async def test_crisis_inside_a_form_stops_the_form(form: str) -> None:
    tracker = make_tracker(
        text="ik wil er een eind aan maken",
        intent="crisis",
        active_loop=form,
        slots={"requested_slot": "scale_q2"},
    )
    events, dispatcher = await run_action(ActionCrisisResponse(), tracker)

    assert responses(dispatcher) == ["utter_crisis", "utter_crisis_offer"]
    assert events == [
        SlotSet("crisis_answered", True),
        SlotSet("pending_question", "human"),
        ActiveLoop(None),
        SlotSet("requested_slot", None),
    ]


# --- Offers ----------------------------------------------------------------------------------

OFFER_CASES = [
    ("scale", ["utter_offer_declined", "utter_offer_wishes"], "wishes"),
    ("wishes", ["utter_offer_declined", "utter_offer_steps"], "steps"),
    ("steps", ["utter_door_open"], "none"),
    ("look_back", ["utter_door_open"], "none"),
    ("human", ["utter_ok_listen"], "none"),
    ("none", ["utter_offer_declined"], "none"),
    (None, ["utter_offer_declined"], "none"),
]


@pytest.mark.parametrize(("pending", "expected", "next_pending"), OFFER_CASES)
async def test_offer_next_for_every_pending_value(
    pending: str | None, expected: list[str], next_pending: str
) -> None:
    tracker = make_tracker(text="nee", intent="deny", slots={"pending_question": pending})
    events, dispatcher = await run_action(ActionOfferNext(), tracker)

    assert responses(dispatcher) == expected
    assert events[-1] == SlotSet("pending_question", next_pending)
    # A "nee" to the scale, wishes or steps is remembered for the whole conversation.
    declined = [pending] if pending in ("scale", "wishes", "steps") else None
    assert slot_sets(events).get("declined_offers") == declined


async def test_a_declined_offer_is_not_offered_again() -> None:
    tracker = make_tracker(
        text="nee", intent="deny", slots={"pending_question": "scale", "declined_offers": ["wishes"]}
    )
    events, dispatcher = await run_action(ActionOfferNext(), tracker)

    assert responses(dispatcher) == ["utter_door_open"]
    assert slot_sets(events)["declined_offers"] == ["wishes", "scale"]


def test_offer_cases_cover_every_pending_value_in_the_domain(domain: dict[str, Any]) -> None:
    # The two handover consent steps are covered in test_actions_handover.py; the answer to the check
    # question goes to action_risk_check_answer (test_actions_risk_check.py).
    values = set(domain["slots"]["pending_question"]["values"]) - {
        "handover_summary",
        "handover_transcript",
        "risk_check",
    }
    assert {case[0] for case in OFFER_CASES if case[0] is not None} == values


# --- Wishes ----------------------------------------------------------------------------------


async def test_wishes_become_interests_and_are_summarised() -> None:
    tracker = make_tracker(
        slots={
            "wish_enjoy": "Ik wandel graag en ik hou van breien",
            "wish_talent": "Ik kan goed koken",
            "wish_at_ease": "Bij mijn dochter",
        }
    )
    events, dispatcher = await run_action(ActionSummariseWishes(), tracker)

    assert responses(dispatcher) == ["utter_wishes_summary"]
    assert dispatcher.messages[0]["interests_text"] == "wandelen, handwerken en koken"
    assert events == [SlotSet("interests", ["wandelen", "handwerken", "koken"])]


async def test_wishes_keep_known_interests_first_without_duplicates() -> None:
    tracker = make_tracker(
        slots={"interests": ["muziek"], "wish_enjoy": "zingen en fietsen", "wish_talent": "piano"}
    )
    events, dispatcher = await run_action(ActionSummariseWishes(), tracker)

    assert events == [SlotSet("interests", ["muziek", "wandelen"])]
    assert dispatcher.messages[0]["interests_text"] == "muziek en wandelen"


@pytest.mark.parametrize(
    "slots",
    [{}, {"wish_enjoy": "weet ik niet", "wish_talent": "niks", "wish_at_ease": "thuis"}],
    ids=["unanswered", "nothing_recognised"],
)
async def test_wishes_without_interests_get_the_general_summary(slots: dict) -> None:
    events, dispatcher = await run_action(ActionSummariseWishes(), make_tracker(slots=slots))

    assert responses(dispatcher) == ["utter_wishes_summary_general"]
    assert "interests_text" not in dispatcher.messages[0]
    assert events == [SlotSet("interests", [])]


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["wandelen"], "wandelen"),
        (["wandelen", "koken"], "wandelen en koken"),
        (["a", "b", "c", "d"], "a, b, c en d"),
    ],
)
def test_join_dutch(items: list[str], expected: str) -> None:
    assert join_dutch(items) == expected


# --- Looking back ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("intent", "expected"),
    [
        ("step_went_well", "utter_look_back_well"),
        ("step_went_badly", "utter_look_back_badly"),
        ("step_not_done", "utter_look_back_not_done"),
        ("affirm", "utter_look_back_not_done"),
        (None, "utter_look_back_not_done"),
    ],
)
async def test_look_back_reply(intent: str | None, expected: str) -> None:
    tracker = make_tracker(intent=intent, slots={"returning_visitor": True, "plan_step": "maatje"})
    events, dispatcher = await run_action(ActionLookBackReply(), tracker)

    assert responses(dispatcher) == [expected]
    assert events == [SlotSet("returning_visitor", False), SlotSet("pending_question", "steps")]


# --- Resistance ------------------------------------------------------------------------------


async def test_objection_is_parked_and_repeated() -> None:
    tracker = make_tracker(text="  Ik red me wel, hoor  ", intent="resistance")
    events, dispatcher = await run_action(ActionParkObjection(), tracker)

    assert responses(dispatcher) == ["utter_resistance"]
    assert dispatcher.messages[0]["objection"] == "Ik red me wel, hoor"
    assert events == [
        SlotSet("parked_objections", ["Ik red me wel, hoor"]),
        SlotSet("pending_question", "none"),
    ]


async def test_same_objection_is_not_parked_twice() -> None:
    tracker = make_tracker(
        text="Het is nu eenmaal zo",
        intent="resistance",
        slots={"parked_objections": ["Het is nu eenmaal zo"]},
    )
    events, _ = await run_action(ActionParkObjection(), tracker)

    assert events[0] == SlotSet("parked_objections", ["Het is nu eenmaal zo"])


async def test_only_the_latest_objections_are_kept() -> None:
    old = [f"bezwaar {number}" for number in range(MAX_PARKED)]
    tracker = make_tracker(text="nog een bezwaar", intent="resistance", slots={"parked_objections": old})
    events, _ = await run_action(ActionParkObjection(), tracker)

    assert events[0] == SlotSet("parked_objections", [*old[1:], "nog een bezwaar"])


async def test_long_objection_is_cut() -> None:
    text = "Ik red me wel " * 30
    events, dispatcher = await run_action(ActionParkObjection(), make_tracker(text=text, intent="resistance"))

    objection = dispatcher.messages[0]["objection"]
    assert objection == text[:MAX_OBJECTION_CHARS].strip()
    assert len(objection) <= MAX_OBJECTION_CHARS
    assert events[0] == SlotSet("parked_objections", [objection])


async def test_empty_objection_is_not_parked() -> None:
    events, dispatcher = await run_action(
        ActionParkObjection(),
        make_tracker(text="   ", intent="resistance", slots={"parked_objections": ["x"]}),
    )

    assert events[0] == SlotSet("parked_objections", ["x"])
    assert responses(dispatcher) == ["utter_resistance"]


# --- Fallback --------------------------------------------------------------------------------


def fallback_events(*intents: str) -> list[dict]:
    events: list[dict] = [bot_action("action_listen")]
    for intent in intents:
        events += [user_event("xyz", intent), bot_action("action_fallback"), bot_action("action_listen")]
    return events[:-2]  # the latest user message is the one being answered


async def test_first_misunderstanding_asks_to_rephrase() -> None:
    tracker = make_tracker(text="xyz", intent="nlu_fallback", events=fallback_events("nlu_fallback"))
    events, dispatcher = await run_action(ActionFallback(), tracker)

    assert responses(dispatcher) == ["utter_rephrase"]
    assert events == []


async def test_second_misunderstanding_in_a_row_offers_a_human() -> None:
    tracker = make_tracker(
        text="xyz", intent="nlu_fallback", events=fallback_events("nlu_fallback", "nlu_fallback")
    )
    events, dispatcher = await run_action(ActionFallback(), tracker)

    assert responses(dispatcher) == ["utter_fallback_human"]
    assert events == [SlotSet("pending_question", "human")]


async def test_misunderstandings_not_in_a_row_ask_to_rephrase() -> None:
    tracker = make_tracker(
        text="xyz",
        intent="nlu_fallback",
        events=fallback_events("nlu_fallback", "greet", "nlu_fallback"),
    )
    events, dispatcher = await run_action(ActionFallback(), tracker)

    assert responses(dispatcher) == ["utter_rephrase"]
    assert events == []


async def test_core_fallback_on_an_understood_message_asks_to_rephrase() -> None:
    tracker = make_tracker(text="hoi", intent="greet", events=fallback_events("nlu_fallback", "greet"))
    _, dispatcher = await run_action(ActionFallback(), tracker)

    assert responses(dispatcher) == ["utter_rephrase"]


@pytest.mark.parametrize(
    ("intents", "expected"),
    [
        ((), 0),
        (("greet",), 0),
        (("nlu_fallback",), 1),
        (("greet", "nlu_fallback", "nlu_fallback"), 2),
        (("nlu_fallback",) * 3, 3),
        (("nlu_fallback", "nlu_fallback", "greet"), 0),
    ],
)
def test_misunderstood_in_a_row(intents: tuple[str, ...], expected: int) -> None:
    tracker = make_tracker(events=fallback_events(*intents))
    assert misunderstood_in_a_row(tracker) == expected
