from __future__ import annotations

from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet

from actions.welcome import CARRIED_SLOTS, ActionSessionStart, ActionWelcome
from tests.support.trackers import make_tracker, responses, run_action

PLAN_LABEL = "Een maatje zoeken: één vaste persoon om mee af te spreken"


async def test_session_start_new_visitor_carries_nothing() -> None:
    events, dispatcher = await run_action(ActionSessionStart(), make_tracker())

    assert events == [
        SessionStarted(),
        SlotSet("returning_visitor", False),
        ActionExecuted("action_listen"),
    ]
    assert dispatcher.messages == []


async def test_session_start_returning_visitor_with_plan_carries_only_plan_slots() -> None:
    tracker = make_tracker(
        slots={
            "role": "self",
            "causes": ["loss"],
            "interests": [],  # empty: not carried
            "plan_step": "maatje",
            "plan_step_label": PLAN_LABEL,
            "plan_set_on": "2026-11-20",
            "resistance_sources": ["onzeker"],
            "return_permission": True,
            "failed_steps": ["koffieochtend"],
            # Not part of the plan: must be forgotten.
            "pending_question": "steps",
            "listen_turns": 3,
            "scale_q1": "ja",
            "municipality": "Nijmegen",
            "crisis_answered": True,
            "proposed_steps": ["maatje", "lotgenoten"],
        }
    )

    events, dispatcher = await run_action(ActionSessionStart(), tracker)

    assert events == [
        SessionStarted(),
        SlotSet("role", "self"),
        SlotSet("causes", ["loss"]),
        SlotSet("plan_step", "maatje"),
        SlotSet("plan_step_label", PLAN_LABEL),
        SlotSet("plan_set_on", "2026-11-20"),
        SlotSet("resistance_sources", ["onzeker"]),
        SlotSet("return_permission", True),
        SlotSet("failed_steps", ["koffieochtend"]),
        SlotSet("returning_visitor", True),
        ActionExecuted("action_listen"),
    ]
    assert dispatcher.messages == []


async def test_session_start_returning_visitor_without_plan() -> None:
    events, _ = await run_action(ActionSessionStart(), make_tracker(slots={"role": "other"}))

    assert events == [
        SessionStarted(),
        SlotSet("role", "other"),
        SlotSet("returning_visitor", True),
        ActionExecuted("action_listen"),
    ]


async def test_session_start_keeps_zero_scores_and_false() -> None:
    # 0.0 and False are real answers, not "empty": they must be carried over.
    slots = {"scale_total": 0.0, "scale_emotional": 0.0, "social_isolation": False}
    events, _ = await run_action(ActionSessionStart(), make_tracker(slots=slots))

    assert events[1:-2] == [
        SlotSet("social_isolation", False),
        SlotSet("scale_total", 0.0),
        SlotSet("scale_emotional", 0.0),
    ]
    assert events[-2] == SlotSet("returning_visitor", True)


async def test_session_start_carries_every_carried_slot_in_order() -> None:
    slots = {name: f"value-{name}" for name in CARRIED_SLOTS}
    events, _ = await run_action(ActionSessionStart(), make_tracker(slots=slots))

    assert events[0] == SessionStarted()
    assert events[-1] == ActionExecuted("action_listen")
    assert events[1:-2] == [SlotSet(name, f"value-{name}") for name in CARRIED_SLOTS]


async def test_welcome_returning_visitor_with_plan_looks_back() -> None:
    tracker = make_tracker(
        slots={"returning_visitor": True, "plan_step": "maatje", "plan_step_label": PLAN_LABEL}
    )
    events, dispatcher = await run_action(ActionWelcome(), tracker)

    assert responses(dispatcher) == ["utter_look_back"]
    # The look-back question is now open: only its answers count as "how the step went".
    assert events == [SlotSet("returning_visitor", False), SlotSet("pending_question", "look_back")]


async def test_welcome_returning_visitor_without_plan() -> None:
    events, dispatcher = await run_action(
        ActionWelcome(), make_tracker(slots={"returning_visitor": True, "role": "self"})
    )

    assert responses(dispatcher) == ["utter_welcome_back"]
    assert events == [SlotSet("returning_visitor", False), SlotSet("pending_question", "none")]


async def test_welcome_new_visitor_gets_welcome_and_role_question() -> None:
    events, dispatcher = await run_action(ActionWelcome(), make_tracker())

    assert responses(dispatcher) == ["utter_welcome", "utter_ask_role"]
    assert events == [SlotSet("returning_visitor", False), SlotSet("pending_question", "none")]


async def test_welcome_plan_in_same_session_is_not_a_look_back() -> None:
    # A plan without the returning flag (greeting again in the same session) is a normal welcome.
    tracker = make_tracker(slots={"returning_visitor": False, "plan_step": "maatje"})
    _, dispatcher = await run_action(ActionWelcome(), tracker)

    assert responses(dispatcher) == ["utter_welcome", "utter_ask_role"]
