"""Tier 2: the check question pauses what was running; a clear "nee" resumes it, anything else is tier 1."""

from __future__ import annotations

from rasa_sdk.events import ActiveLoop, SlotSet

from actions.risk_check import ActionRiskCheck, ActionRiskCheckAnswer
from tests.support.trackers import make_tracker, responses, run_action, slot_sets


async def test_the_check_question_pauses_a_form_and_remembers_where_it_was() -> None:
    tracker = make_tracker(
        text="het hoeft voor mij allemaal niet meer",
        intent="feel_sad",
        slots={"pending_question": "none", "requested_slot": "scale_q2", "scale_q2": "het hoeft niet meer"},
        active_loop="loneliness_scale_form",
    )
    events, dispatcher = await run_action(ActionRiskCheck(), tracker)

    assert responses(dispatcher) == ["utter_risk_check"]
    assert slot_sets(events)["paused_form"] == "loneliness_scale_form"
    assert slot_sets(events)["pending_question"] == "risk_check"
    assert ActiveLoop(None) in events
    assert slot_sets(events)["scale_q2"] is None  # the flagged message is no answer to question 2


async def test_the_check_question_first_takes_in_what_was_said() -> None:
    # Real voices: a widower's "sinds mijn vrouw overleden is, kan ik zo niet verder" got only
    # "Wat je schrijft, klinkt zwaar." before the question; the loss he wrote about goes first now.
    tracker = make_tracker(text="sinds mijn vrouw is overleden kan ik zo niet verder", intent="feel_sad")
    _, dispatcher = await run_action(ActionRiskCheck(), tracker)

    assert responses(dispatcher) == ["utter_risk_check_heard"]
    assert dispatcher.messages[0]["heard"] == "het verlies van je vrouw"


async def test_the_check_question_takes_in_a_feeling_in_the_persons_form_of_address() -> None:
    tracker = make_tracker(text="ik mis hem zo erg, ik weet niet wat ik hier nog doe. Begrijpt u dat?")
    _, dispatcher = await run_action(ActionRiskCheck(), tracker)

    assert responses(dispatcher) == ["utter_risk_check_heard"]
    assert dispatcher.messages[0]["heard"] == "hoe erg u iemand mist"


async def test_risk_told_about_the_past_is_acknowledged_before_the_question() -> None:
    text = "jaren geleden heb ik een poging gedaan, nu gaat het beter"
    tracker = make_tracker(text=text, intent="tell_situation")
    _, dispatcher = await run_action(ActionRiskCheck(), tracker)

    assert responses(dispatcher) == ["utter_risk_check_past"]


async def test_no_resumes_the_paused_form_with_its_answers_kept() -> None:
    tracker = make_tracker(
        text="nee hoor, zo bedoelde ik het niet",
        intent="deny",
        slots={"pending_question": "risk_check", "paused_form": "melding_form", "melding_description": "x"},
    )
    events, dispatcher = await run_action(ActionRiskCheckAnswer(), tracker)

    assert responses(dispatcher) == ["utter_risk_check_thanks"]
    assert events[-2:] == [SlotSet("requested_slot", None), ActiveLoop("melding_form")]
    assert slot_sets(events)["risk_checked"] is True
    assert "melding_description" not in slot_sets(events)


async def test_no_without_a_form_restores_the_open_question() -> None:
    slots = {"pending_question": "risk_check", "paused_pending": "scale"}
    tracker = make_tracker(text="nee, gewoon moe", intent="deny", slots=slots)
    events, _ = await run_action(ActionRiskCheckAnswer(), tracker)

    assert events[-1] == SlotSet("pending_question", "scale")


async def test_yes_sometimes_or_unclear_gets_the_full_crisis_answer() -> None:
    for text in ("ja", "soms", "weet ik niet", "hmm"):
        tracker = make_tracker(text=text, intent="affirm", slots={"pending_question": "risk_check"})
        events, dispatcher = await run_action(ActionRiskCheckAnswer(), tracker)

        assert responses(dispatcher) == ["utter_crisis", "utter_crisis_offer"], text
        assert slot_sets(events)["pending_question"] == "human"
