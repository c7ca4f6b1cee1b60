from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import SlotSet

from actions.scale import ActionScoreScale, ValidateLonelinessScaleForm
from bot.conversation.scale import ITEMS
from tests.support.trackers import load_domain, make_tracker, responses, run_action, user_event

EMOTIONAL = ("scale_q1", "scale_q4", "scale_q6")
SOCIAL = ("scale_q2", "scale_q3", "scale_q5")


def answers(emotional: tuple[str, str, str], social: tuple[str, str, str]) -> dict[str, str]:
    """Answers for items (1, 4, 6) and (2, 3, 5)."""
    return {**dict(zip(EMOTIONAL, emotional, strict=True)), **dict(zip(SOCIAL, social, strict=True))}


def form_tracker(slot: str, value: Any) -> Any:
    """The tracker the validation action gets: the slot candidate is the last event."""
    return make_tracker(
        text=str(value),
        slots={slot: value, "requested_slot": slot},
        events=[user_event(str(value)), SlotSet(slot, value)],
        active_loop="loneliness_scale_form",
    )


# --- Validation ------------------------------------------------------------------------------

VALID = [
    ("ja", "ja"),
    ("Ja hoor", "ja"),
    ("klopt", "ja"),
    ("JA!!", "ja"),
    ("min of meer", "min of meer"),
    ("Min of meer", "min of meer"),
    ("een beetje", "min of meer"),
    ("soms", "min of meer"),
    ("nee", "nee"),
    ("Nee, niet echt", "nee"),
    ("klopt helemaal niet", "nee"),
]


@pytest.mark.parametrize(("typed", "expected"), VALID)
async def test_validate_maps_valid_answers(typed: str, expected: str) -> None:
    events, dispatcher = await run_action(ValidateLonelinessScaleForm(), form_tracker("scale_q2", typed))

    assert events == [SlotSet("scale_q2", expected)]
    assert dispatcher.messages == []


@pytest.mark.parametrize("typed", ["banaan", "", "   ", "👍", "wat bedoel je?"])
async def test_validate_rejects_invalid_answers_kindly(typed: str) -> None:
    events, dispatcher = await run_action(ValidateLonelinessScaleForm(), form_tracker("scale_q5", typed))

    assert events == [SlotSet("scale_q5", None)]
    assert responses(dispatcher) == ["utter_scale_invalid"]


async def test_validate_rejects_non_text_values() -> None:
    events, dispatcher = await run_action(ValidateLonelinessScaleForm(), form_tracker("scale_q1", 1))

    assert events == [SlotSet("scale_q1", None)]
    assert responses(dispatcher) == ["utter_scale_invalid"]


async def test_validate_ignores_slots_that_are_not_scale_items() -> None:
    events, dispatcher = await run_action(
        ValidateLonelinessScaleForm(), form_tracker("municipality", "banaan")
    )

    assert events == []
    assert dispatcher.messages == []


def test_validation_action_name_matches_the_form() -> None:
    action = ValidateLonelinessScaleForm()
    assert action.name() == "validate_loneliness_scale_form"
    assert action.form_name() in load_domain()["forms"]


async def test_run_maps_a_typed_answer_as_rasa_calls_it() -> None:
    events, dispatcher = await run_action(ValidateLonelinessScaleForm(), form_tracker("scale_q1", "Ja hoor"))

    assert events == [SlotSet("scale_q1", "ja")]
    assert dispatcher.messages == []


async def test_run_rejects_an_invalid_answer_as_rasa_calls_it() -> None:
    events, dispatcher = await run_action(ValidateLonelinessScaleForm(), form_tracker("scale_q1", "banaan"))

    assert events == [SlotSet("scale_q1", None)]
    assert responses(dispatcher) == ["utter_scale_invalid"]


async def test_run_keeps_a_button_answer() -> None:
    # Button payloads are exactly "ja" / "min of meer" / "nee"; these survive the run either way.
    events, dispatcher = await run_action(
        ValidateLonelinessScaleForm(), form_tracker("scale_q3", "min of meer")
    )

    assert events == [SlotSet("scale_q3", "min of meer")]
    assert dispatcher.messages == []


# --- Scoring ---------------------------------------------------------------------------------

SCORE_CASES = [
    # id, answers, emotional, social, total, band
    ("all_ja", answers(("ja",) * 3, ("ja",) * 3), 3, 0, 3, "moderate"),
    ("worst", answers(("ja",) * 3, ("nee",) * 3), 3, 3, 6, "strong"),
    ("best", answers(("nee",) * 3, ("ja",) * 3), 0, 0, 0, "not_lonely"),
    ("all_min_of_meer", answers(("min of meer",) * 3, ("min of meer",) * 3), 3, 3, 6, "strong"),
    ("all_nee", answers(("nee",) * 3, ("nee",) * 3), 0, 3, 3, "moderate"),
    ("one_emotional", answers(("ja", "nee", "nee"), ("ja",) * 3), 1, 0, 1, "not_lonely"),
    ("one_social", answers(("nee",) * 3, ("ja", "min of meer", "ja")), 0, 1, 1, "not_lonely"),
    ("two_tied", answers(("min of meer", "nee", "nee"), ("nee", "ja", "ja")), 1, 1, 2, "moderate"),
    ("four", answers(("ja", "ja", "nee"), ("nee", "nee", "ja")), 2, 2, 4, "moderate"),
    ("five", answers(("ja", "ja", "ja"), ("nee", "min of meer", "ja")), 3, 2, 5, "strong"),
    ("social_leads", answers(("ja", "nee", "nee"), ("nee", "nee", "nee")), 1, 3, 4, "moderate"),
]


@pytest.mark.parametrize(
    ("given", "emotional", "social", "total", "band"),
    [case[1:] for case in SCORE_CASES],
    ids=[case[0] for case in SCORE_CASES],
)
async def test_score_scale(given: dict[str, str], emotional: int, social: int, total: int, band: str) -> None:
    events, dispatcher = await run_action(ActionScoreScale(), make_tracker(slots=given))

    leading = None if total == 0 else ("emotional" if emotional >= social else "social")
    expected_events = [
        SlotSet("scale_total", float(total)),
        SlotSet("scale_emotional", float(emotional)),
        SlotSet("scale_social", float(social)),
        SlotSet("scale_band", band),
        SlotSet("pending_question", "scale_result"),
    ]
    if leading:
        expected_events.append(SlotSet("loneliness_type", leading))
    expected_events += [SlotSet(item, None) for item in ITEMS]
    assert events == expected_events

    messages = dispatcher.messages
    assert messages[0]["response"] == f"utter_scale_result_{band}"
    assert messages[0]["scale_total"] == total
    # Two messages, then a pause: the second asks whether the person recognises it; nothing is offered.
    rest = [m["response"] for m in messages[1:]]
    if leading == "emotional":
        assert rest == ["utter_scale_emotional"]
        assert messages[1]["scale_emotional"] == emotional
    elif leading == "social":
        assert rest == ["utter_scale_social"]
        assert messages[1]["scale_social"] == social
    else:
        assert rest == ["utter_scale_recognise"]


async def test_all_ja_gives_the_reference_scores() -> None:
    # facts.md: all "ja" -> emotional 3, social 0, total 3, moderately lonely.
    events, dispatcher = await run_action(
        ActionScoreScale(), make_tracker(slots={item: "ja" for item in ITEMS})
    )
    assert SlotSet("scale_total", 3.0) in events
    assert SlotSet("scale_emotional", 3.0) in events
    assert SlotSet("scale_social", 0.0) in events
    assert SlotSet("scale_band", "moderate") in events
    assert SlotSet("loneliness_type", "emotional") in events
    assert responses(dispatcher) == ["utter_scale_result_moderate", "utter_scale_emotional"]


@pytest.mark.parametrize("confirmed", [True, False])
async def test_the_scale_never_overwrites_existential_loneliness(confirmed: bool) -> None:
    # The scale cannot measure the feeling of not mattering; a kind found by listening stays.
    slots = {item: "ja" for item in ITEMS} | {"loneliness_type": "existential", "kind_confirmed": confirmed}
    events, dispatcher = await run_action(ActionScoreScale(), make_tracker(slots=slots))

    assert not any(event.get("name") == "loneliness_type" for event in events)
    assert "utter_scale_existential_note" in responses(dispatcher)


async def test_a_chosen_kind_is_kept_after_the_scale() -> None:
    slots = {item: "ja" for item in ITEMS} | {"loneliness_type": "social", "kind_confirmed": True}
    events, _ = await run_action(ActionScoreScale(), make_tracker(slots=slots))

    assert not any(event.get("name") == "loneliness_type" for event in events)


@pytest.mark.parametrize(
    "given",
    [
        {},
        {item: "ja" for item in ITEMS[:5]},
        {**{item: "ja" for item in ITEMS}, "scale_q4": "Ja hoor"},
        {**{item: "nee" for item in ITEMS}, "scale_q6": "banaan"},
    ],
    ids=["none", "one_missing", "unmapped", "invalid"],
)
async def test_incomplete_scale_stops_and_forgets_the_answers(given: dict[str, str]) -> None:
    events, dispatcher = await run_action(ActionScoreScale(), make_tracker(slots=given))

    assert responses(dispatcher) == ["utter_scale_stopped"]
    assert events == [SlotSet(item, None) for item in ITEMS]
