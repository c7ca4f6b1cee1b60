from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import ActiveLoop, SlotSet

from actions.assistant import ActionFallback
from actions.common import misunderstood_in_a_row
from actions.look_back import ActionLookBackReply
from actions.offers import ActionOfferNext
from actions.resistance import MAX_SOURCES, ActionParkObjection, ActionReturnPermission
from actions.safety import ActionCrisisResponse
from actions.wishes import ActionSummariseWishes, ValidateWishesForm
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
    ("summary", ["utter_summary_missed"], "none"),
    ("kind", ["utter_kind_no_name", "utter_offer_scale"], "scale"),
    ("scale_result", ["utter_scale_not_recognised", "utter_offer_scale"], "scale"),
    ("resistance_source", ["utter_offer_declined"], "none"),
    ("return_permission", ["utter_no_return"], "none"),
    ("network_map", ["utter_offer_declined", "utter_ask_who_still_there"], "none"),
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


async def test_wishes_are_said_back_and_become_interests() -> None:
    tracker = make_tracker(
        slots={
            "wish_future": "Dan heb ik weer iemand om mee te praten",
            "wish_enjoy": "Ik wandel graag en ik hou van breien",
            "wish_talent": "Ik kan goed luisteren",
            "wish_at_ease": "Bij mijn dochter",
        }
    )
    events, dispatcher = await run_action(ActionSummariseWishes(), tracker)

    assert responses(dispatcher) == ["utter_wishes_said_back"]
    # A talent or "with whom at ease" without any keyword is said back all the same.
    assert dispatcher.messages[0]["wishes_text"] == (
        "- wat je hoopt: dan heb je weer iemand om mee te praten\n"
        "- wat je graag doet: je wandelt graag en je houdt van breien\n"
        "- waar je goed in bent: je kunt goed luisteren\n"
        "- bij wie of waar je je op je gemak voelt: bij je dochter"
    )
    assert events == [SlotSet("interests", ["maatje", "wandelen", "handwerken"])]


async def test_wishes_keep_known_interests_first_without_duplicates() -> None:
    tracker = make_tracker(
        slots={"interests": ["muziek"], "wish_enjoy": "zingen en fietsen", "wish_talent": "piano"}
    )
    events, _ = await run_action(ActionSummariseWishes(), tracker)

    assert events == [SlotSet("interests", ["muziek", "wandelen"])]


@pytest.mark.parametrize(
    "slots",
    [{}, {"wish_enjoy": "weet ik niet", "wish_talent": "niks", "wish_at_ease": "niemand"}],
    ids=["unanswered", "nothing"],
)
async def test_nothing_to_say_back_gets_no_praise(slots: dict) -> None:
    # "niks" once got "Daar kunnen we op verder bouwen."
    events, dispatcher = await run_action(ActionSummariseWishes(), make_tracker(slots=slots))

    assert responses(dispatcher) == ["utter_wishes_summary_general"]
    assert events == [SlotSet("interests", [])]


def test_nergens_goed_in_gets_the_question_what_others_would_say() -> None:
    form = ValidateWishesForm()
    dispatcher_tracker = make_tracker(slots={})
    first = form.validate_wish_talent("nergens goed in", None, dispatcher_tracker, {})
    assert first == {"wish_talent": None, "talent_reframed": True}
    again = form.validate_wish_talent("niks", None, make_tracker(slots={"talent_reframed": True}), {})
    assert again == {"wish_talent": "niks"}


async def test_what_matters_is_asked_for_existential_loneliness_only() -> None:
    form = ValidateWishesForm()
    slots = ["wish_future", "wish_enjoy", "wish_talent", "wish_at_ease", "wish_values"]
    social = await form.required_slots(slots, None, make_tracker(slots={"loneliness_type": "social"}), {})
    existential = await form.required_slots(
        slots, None, make_tracker(slots={"loneliness_type": "existential"}), {}
    )
    assert "wish_values" not in social and "wish_values" in existential


# --- Looking back ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("intent", "text", "expected"),
    [
        ("step_went_well", "", "utter_look_back_well"),
        ("step_went_badly", "", "utter_look_back_badly"),
        ("step_not_done", "", "utter_look_back_not_done"),
        ("tell_situation", "ik ben er geweest en het was best gezellig", "utter_look_back_well"),
        ("tell_situation", "ik durfde het toch niet", "utter_look_back_not_done"),
    ],
)
async def test_look_back_reply(intent: str, text: str, expected: str) -> None:
    tracker = make_tracker(text=text, intent=intent, slots={"returning_visitor": True, "plan_step": "maatje"})
    events, dispatcher = await run_action(ActionLookBackReply(), tracker)

    assert responses(dispatcher) == [expected]
    assert SlotSet("pending_question", "steps") in events


async def test_an_unclear_answer_is_asked_once_more_with_buttons() -> None:
    tracker = make_tracker(text="tja", intent="nlu_fallback", slots={"plan_step": "maatje"})
    events, dispatcher = await run_action(ActionLookBackReply(), tracker)

    assert responses(dispatcher) == ["utter_look_back_how"]
    assert events[-1] == SlotSet("pending_question", "look_back")


@pytest.mark.parametrize("intent", ["step_went_badly", "step_not_done"])
async def test_a_step_that_did_not_work_is_never_proposed_again(intent: str) -> None:
    tracker = make_tracker(intent=intent, slots={"plan_step": "koffieochtend", "failed_steps": ["maatje"]})
    events, _ = await run_action(ActionLookBackReply(), tracker)

    assert slot_sets(events)["failed_steps"] == ["maatje", "koffieochtend"]


# --- Resistance ------------------------------------------------------------------------------


async def test_resistance_is_said_back_in_own_words_never_quoted() -> None:
    # "Ik schrijf op wat je zegt: 'doe niet zo betuttelend'" was the old reply.
    tracker = make_tracker(text="doe niet zo betuttelend", intent="resistance")
    events, dispatcher = await run_action(ActionParkObjection(), tracker)

    assert responses(dispatcher) == ["utter_resistance_gedrukt", "utter_ask_return_permission"]
    assert all("betuttel" not in str(message) for message in dispatcher.messages)
    assert events == [
        SlotSet("resistance_sources", ["gedrukt"]),
        SlotSet("pending_question", "return_permission"),
    ]


async def test_contentment_is_accepted_not_parked() -> None:
    tracker = make_tracker(text="ik ben prima tevreden zo", intent="resistance")
    events, dispatcher = await run_action(ActionParkObjection(), tracker)

    assert responses(dispatcher) == ["utter_resistance_tevreden"]
    assert events[-1] == SlotSet("pending_question", "none")


async def test_an_unclear_source_is_asked_gently_once() -> None:
    events, dispatcher = await run_action(
        ActionParkObjection(), make_tracker(text="laat maar zitten", intent="resistance")
    )
    assert responses(dispatcher) == ["utter_resistance_ask_source"]
    assert [button["title"] for button in dispatcher.messages[0]["buttons"]][0] == "Ik weet niet of het lukt"
    assert events == [SlotSet("pending_question", "resistance_source")]

    events, dispatcher = await run_action(
        ActionParkObjection(),
        make_tracker(text="zomaar", intent="resistance", slots={"pending_question": "resistance_source"}),
    )
    assert responses(dispatcher) == ["utter_resistance_accept"]


async def test_the_source_from_a_button_is_kept_as_a_label() -> None:
    tracker = make_tracker(
        intent="resistance",
        entities=[{"entity": "source", "value": "slechte_ervaring"}],
        slots={"resistance_sources": [f"s{number}" for number in range(MAX_SOURCES)]},
    )
    events, dispatcher = await run_action(ActionParkObjection(), tracker)

    assert responses(dispatcher)[0] == "utter_resistance_slechte_ervaring"
    assert slot_sets(events)["resistance_sources"][-1] == "slechte_ervaring"
    assert len(slot_sets(events)["resistance_sources"]) == MAX_SOURCES


async def test_permission_to_come_back_is_remembered() -> None:
    events, dispatcher = await run_action(ActionReturnPermission(), make_tracker(intent="affirm"))

    assert responses(dispatcher) == ["utter_return_agreed"]
    assert SlotSet("return_permission", True) in events


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
