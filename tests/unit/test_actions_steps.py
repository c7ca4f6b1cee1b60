from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from rasa_sdk.events import SlotSet

import actions.steps
from actions.steps import ActionConfirmStep, ActionProposeSteps, choose_payload
from bot.conversation.steps import step_by_id
from tests.support.trackers import entity, make_tracker, responses, run_action

TODAY = dt.date(2026, 11, 27)
OFFERED = ["lotgenoten", "maatje", "vertrouwd_persoon"]


class FixedDate:
    @staticmethod
    def today() -> dt.date:
        return TODAY


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(actions.steps, "dt", SimpleNamespace(date=FixedDate))


def label(step_id: str) -> str:
    step = step_by_id(step_id)
    assert step is not None
    return step.label


# --- Proposing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slots", "expected"),
    [
        ({"loneliness_type": "emotional", "causes": ["loss"]}, OFFERED),
        ({}, ["koffieochtend", "wandelgroep", "hobbyclub"]),
        (
            {"loneliness_type": "existential", "causes": ["retirement"]},
            ["vrijwilligerswerk", "buur_helpen", "hobbyclub"],
        ),
        (
            {"loneliness_type": "social", "interests": ["wandelen"]},
            ["wandelgroep", "koffieochtend", "hobbyclub"],
        ),
    ],
    ids=["emotional_loss", "unknown", "existential_retired", "social_walker"],
)
async def test_propose_steps_buttons_and_slots(slots: dict, expected: list[str]) -> None:
    events, dispatcher = await run_action(ActionProposeSteps(), make_tracker(slots=slots))

    assert responses(dispatcher) == ["utter_propose_steps"]
    buttons = dispatcher.messages[0]["buttons"]
    assert buttons == [
        *(
            {"title": label(step_id), "payload": f'/choose_step{{"step": "{step_id}"}}'}
            for step_id in expected
        ),
        {"title": "Zoek iets bij mij in de buurt", "payload": "/find_activity"},
        {"title": "Nu nog niet", "payload": "/deny"},
    ]
    assert events == [
        SlotSet("proposed_steps", expected),
        SlotSet("found_activities", []),
        SlotSet("person_needs", []),
        SlotSet("pending_question", "steps"),
    ]


def test_choose_payload_is_the_exact_rasa_command() -> None:
    step = step_by_id("samen_eten")
    assert step is not None
    assert choose_payload(step) == '/choose_step{"step": "samen_eten"}'


# --- Confirming ------------------------------------------------------------------------------


def plan_events(step_id: str) -> list[dict]:
    return [
        SlotSet("plan_step", step_id),
        SlotSet("plan_step_label", label(step_id)),
        SlotSet("plan_set_on", "2026-11-27"),
        SlotSet("plan_when", None),
        SlotSet("plan_with", None),
        SlotSet("plan_obstacle", None),
        SlotSet("plan_follow_up", None),
        SlotSet("plan_asking", True),
        SlotSet("pending_question", "none"),
    ]


NOT_UNDERSTOOD = [SlotSet("plan_asking", False)]


async def test_confirm_by_entity_from_the_button() -> None:
    tracker = make_tracker(
        text='/choose_step{"step": "maatje"}',
        intent="choose_step",
        entities=[entity("step", "maatje")],
        slots={"proposed_steps": OFFERED},
    )
    events, dispatcher = await run_action(ActionConfirmStep(), tracker)

    assert responses(dispatcher) == ["utter_step_chosen"]
    assert dispatcher.messages[0]["plan_step_label"] == label("maatje")
    assert events == plan_events("maatje")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("de tweede", "maatje"),
        ("De eerste graag", "lotgenoten"),
        ("doe maar de laatste", "vertrouwd_persoon"),
        ("3", "vertrouwd_persoon"),
        ("Dat maatje lijkt me wel wat", "maatje"),
        ("een praatgroep", "lotgenoten"),
    ],
)
async def test_confirm_by_typed_text(text: str, expected: str) -> None:
    tracker = make_tracker(text=text, intent="choose_step", slots={"proposed_steps": OFFERED})
    events, dispatcher = await run_action(ActionConfirmStep(), tracker)

    assert responses(dispatcher) == ["utter_step_chosen"]
    assert dispatcher.messages[0]["plan_step_label"] == label(expected)
    assert events == plan_events(expected)


async def test_unknown_entity_falls_back_to_the_text() -> None:
    tracker = make_tracker(
        text="de eerste",
        intent="choose_step",
        entities=[entity("step", "bestaat_niet")],
        slots={"proposed_steps": OFFERED},
    )
    events, _ = await run_action(ActionConfirmStep(), tracker)

    assert events == plan_events("lotgenoten")


@pytest.mark.parametrize("text", ["hmm geen idee", "de vierde", "", "🤷"])
async def test_confirm_not_understood(text: str) -> None:
    tracker = make_tracker(text=text, intent="choose_step", slots={"proposed_steps": OFFERED})
    events, dispatcher = await run_action(ActionConfirmStep(), tracker)

    assert responses(dispatcher) == ["utter_step_not_understood"]
    assert events == NOT_UNDERSTOOD


async def test_confirm_without_offered_steps_does_not_guess_from_ordinals() -> None:
    tracker = make_tracker(text="de eerste", intent="choose_step")
    events, dispatcher = await run_action(ActionConfirmStep(), tracker)

    assert responses(dispatcher) == ["utter_step_not_understood"]
    assert events == NOT_UNDERSTOOD


async def test_confirm_niet_de_eerste_maar_de_tweede() -> None:
    tracker = make_tracker(
        text="niet de eerste maar de tweede", intent="choose_step", slots={"proposed_steps": OFFERED}
    )
    events, _ = await run_action(ActionConfirmStep(), tracker)

    assert events == plan_events("maatje")


async def test_someone_worried_about_another_gets_ways_to_help() -> None:
    for role in ("other", "professional"):
        events, dispatcher = await run_action(ActionProposeSteps(), make_tracker(slots={"role": role}))
        assert responses(dispatcher) == ["utter_steps_for_other"]
        assert events == [SlotSet("pending_question", "none")]
