from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.listening import ActionListenReflect
from tests.support.trackers import make_tracker, responses, run_action, slot_sets

# What a first listening turn learns about a new visitor, slot by slot: no cause, duration or kind yet,
# not isolated, no interests. Only slots whose value changes are set (the domain starts them at None).
FIRST_TURN_SLOTS = [
    SlotSet("causes", []),
    SlotSet("social_isolation", False),
    SlotSet("interests", []),
    SlotSet("listen_turns", 1),
    SlotSet("listen_asked", ["utter_ask_duration"]),
]


def slots_after(tracker: Tracker, events: list[dict[str, Any]]) -> dict[str, Any]:
    """Every slot's value once the action's events are applied."""
    return {**tracker.slots, **slot_sets(events)}


async def test_first_turn_reflects_and_asks_duration() -> None:
    tracker = make_tracker(text="Ik voel me zo eenzaam", intent="feel_lonely")
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert responses(dispatcher) == ["utter_reflect_lonely", "utter_ask_duration"]
    assert events == FIRST_TURN_SLOTS


async def test_second_turn_reflects_duration_and_asks_what_happened() -> None:
    tracker = make_tracker(text="Al jaren eigenlijk", intent="tell_duration", slots={"listen_turns": 1})
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert responses(dispatcher) == ["utter_reflect_duration_years", "utter_ask_what_happened"]
    assert events == [
        SlotSet("causes", []),
        SlotSet("duration", "years"),
        SlotSet("social_isolation", False),
        SlotSet("interests", []),
        SlotSet("listen_turns", 2),
        SlotSet("listen_asked", ["utter_ask_what_happened"]),
        SlotSet("asked_cause", True),
    ]


async def test_third_turn_reflects_cause_and_says_back_what_was_heard() -> None:
    tracker = make_tracker(
        text="Mijn man is vorig jaar overleden",
        intent="tell_situation",
        slots={"listen_turns": 2, "duration": "years", "asked_cause": True},
    )
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    # Before any offer: a summary with a check ("Klopt dat?").
    assert responses(dispatcher) == ["utter_reflect_cause_loss", "utter_listen_summary"]
    assert dispatcher.messages[1]["summary"] == "Het gaat over het verlies van je man. Het speelt al lang."
    assert events[-2:] == [SlotSet("summary_at", 3.0), SlotSet("pending_question", "summary")]
    assert "utter_offer_scale" not in responses(dispatcher)


async def test_cause_in_first_message_is_reflected_then_what_is_missed_asked() -> None:
    tracker = make_tracker(text="Sinds mijn scheiding ben ik veel alleen", intent="tell_situation")
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    # An emotional cause: the open question is about what the person misses most.
    assert responses(dispatcher) == ["utter_reflect_cause_divorce", "utter_ask_miss_most"]
    assert events == [
        SlotSet("causes", ["divorce"]),
        SlotSet("loneliness_type", "emotional"),
        SlotSet("social_isolation", False),
        SlotSet("interests", []),
        SlotSet("listen_turns", 1),
        SlotSet("listen_asked", ["utter_ask_miss_most"]),
    ]


async def test_known_cause_is_not_reflected_again_and_not_duplicated() -> None:
    tracker = make_tracker(
        text="Sinds mijn vrouw is overleden",
        intent="tell_situation",
        slots={"causes": ["loss"], "duration": "months", "listen_turns": 1},
    )
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    # Nothing new to reflect after the first turn: a short sign of listening.
    assert responses(dispatcher)[0] == "utter_reflect_go_on"
    assert slots_after(tracker, events)["causes"] == ["loss"]


async def test_new_causes_are_appended_after_known_ones() -> None:
    tracker = make_tracker(
        text="Ik ben verhuisd en ik ben gepensioneerd",
        intent="tell_situation",
        slots={"causes": ["loss"], "duration": "years", "listen_turns": 1},
    )
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert slots_after(tracker, events)["causes"] == ["loss", "moving", "retirement"]
    # Two causes in one message are reflected together, then the heaviest is asked.
    assert responses(dispatcher) == ["utter_reflect_many", "utter_ask_heaviest"]
    assert dispatcher.messages[0]["themes"] == "de verhuizing en het stoppen met werken"


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("other", ["utter_worry_opening", "utter_worry_reflect", "utter_worry_ask_seen"]),
        ("professional", ["utter_worry_reflect", "utter_consult_ask_client_view"]),
    ],
)
async def test_worried_about_another_is_asked_not_given_a_menu(role: str, expected: list[str]) -> None:
    tracker = make_tracker(
        text="Mijn buurman is weduwnaar geworden",
        intent="tell_situation",
        slots={"role": role},
    )
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    # The turn of actions/other_person.py: reflect, then what they saw (or, for a professional, the
    # client's own view). The neighbour's loss is not learnt as a cause of the person who writes.
    assert responses(dispatcher) == expected
    learnt = {event["name"] for event in events if event["event"] == "slot"}
    assert not {"causes", "loneliness_type", "listen_turns"} & learnt


async def test_isolation_is_reflected_and_remembered() -> None:
    tracker = make_tracker(text="Ik heb al dagen niemand gesproken", intent="feel_lonely")
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert responses(dispatcher) == ["utter_reflect_isolation", "utter_ask_duration"]
    assert slots_after(tracker, events)["social_isolation"] is True


async def test_isolation_once_signalled_stays_true() -> None:
    tracker = make_tracker(text="Ik voel me verdrietig", intent="feel_sad", slots={"social_isolation": True})
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert slots_after(tracker, events)["social_isolation"] is True
    assert responses(dispatcher)[0] == "utter_reflect_feeling_verdriet"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("een paar weken", "recent"),
        ("al een paar maanden", "months"),
        ("al mijn hele leven", "years"),
    ],
)
async def test_duration_reflection_per_duration(text: str, expected: str) -> None:
    tracker = make_tracker(text=text, intent="tell_duration", slots={"listen_turns": 1})
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert responses(dispatcher)[0] == f"utter_reflect_duration_{expected}"
    assert slots_after(tracker, events)["duration"] == expected


async def test_unclear_duration_keeps_asking_for_it() -> None:
    tracker = make_tracker(text="Weet ik niet goed", intent="tell_duration", slots={"listen_turns": 1})
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert responses(dispatcher) == ["utter_reflect_go_on", "utter_ask_duration"]
    assert slots_after(tracker, events)["duration"] is None


async def test_known_duration_is_kept_when_the_text_has_none() -> None:
    tracker = make_tracker(
        text="Ik voel me eenzaam", intent="feel_lonely", slots={"duration": "months", "listen_turns": 1}
    )
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert slots_after(tracker, events)["duration"] == "months"
    assert responses(dispatcher) == ["utter_reflect_lonely", "utter_ask_what_happened"]


async def test_without_a_summary_no_phase_is_offered_however_long_the_talk() -> None:
    # No fixed cap: the person leads; open questions come in rotation until a summary is due.
    tracker = make_tracker(
        text="Ik weet het niet",
        intent="feel_lonely",
        slots={"duration": "years", "asked_cause": True, "listen_turns": 1},
    )
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert responses(dispatcher) == ["utter_reflect_lonely", "utter_ask_miss_most"]
    assert "pending_question" not in slot_sets(events)


async def test_open_questions_rotate_and_none_is_asked_twice() -> None:
    asked: list[str] = []
    for turn in range(4):
        tracker = make_tracker(
            text="Het is gewoon stil",
            intent="feel_lonely",
            slots={"duration": "years", "asked_cause": True, "listen_turns": turn, "listen_asked": asked},
        )
        events, dispatcher = await run_action(ActionListenReflect(), tracker)
        asked = slots_after(tracker, events)["listen_asked"] or asked
    assert asked == [
        "utter_ask_miss_most",
        "utter_ask_ordinary_week",
        "utter_ask_who_still_there",
        "utter_ask_own_view",
    ]


async def test_asking_what_to_do_brings_the_summary_at_once() -> None:
    tracker = make_tracker(text="Ik ben eenzaam, wat kan ik daaraan doen?", intent="feel_lonely")
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert responses(dispatcher)[-1] == "utter_listen_summary"
    assert events[-1] == SlotSet("pending_question", "summary")


async def test_a_summary_that_was_not_right_waits_two_turns() -> None:
    tracker = make_tracker(
        text="Het is meer dat ik niemand heb om mee te praten",
        intent="tell_situation",
        slots={"causes": ["moving"], "duration": "years", "listen_turns": 3, "summary_at": 3.0},
    )
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert "utter_listen_summary" not in responses(dispatcher)


@pytest.mark.parametrize(
    ("slots", "offer"),
    [
        ({}, "scale"),
        ({"scale_total": 3.0}, "wishes"),
        ({"scale_total": 3.0, "interests": ["wandelen"]}, "steps"),
        ({"scale_total": 0.0, "wish_enjoy": "lezen"}, "steps"),
    ],
)
async def test_after_a_recognised_summary_the_phases_are_offered(slots: dict, offer: str) -> None:
    all_slots = {"duration": "years", "causes": ["moving"], "listen_turns": 2, **slots}
    all_slots["summary_confirmed"] = True
    tracker = make_tracker(text="Het is gewoon stil", intent="feel_lonely", slots=all_slots)
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert responses(dispatcher)[-1] == f"utter_offer_{offer}"
    assert events[-1] == SlotSet("pending_question", offer)


async def test_a_declined_offer_holds_for_the_conversation() -> None:
    slots = {
        "duration": "years",
        "causes": ["moving"],
        "listen_turns": 6,
        "summary_confirmed": True,
        "declined_offers": ["scale", "wishes", "steps"],
    }
    for text in ("Het is gewoon stil", "Wat kan ik eraan doen?"):
        tracker = make_tracker(text=text, intent="feel_lonely", slots=slots)
        _, dispatcher = await run_action(ActionListenReflect(), tracker)
        assert not any(name.startswith("utter_offer_") for name in responses(dispatcher))


async def test_interests_accumulate_without_duplicates() -> None:
    tracker = make_tracker(
        text="Ik zing graag in een koor en ik wandel veel",
        intent="tell_interest",
        slots={"interests": ["wandelen"], "duration": "years", "listen_turns": 1},
    )
    events, _ = await run_action(ActionListenReflect(), tracker)

    assert slots_after(tracker, events)["interests"] == ["wandelen", "muziek"]


async def test_words_of_the_person_set_the_kind_over_the_cause() -> None:
    # Moving usually brings social loneliness, but "ik mis mijn vrouw" is emotional.
    tracker = make_tracker(text="Ik ben verhuisd en ik mis mijn vrouw", intent="tell_situation")
    events, _ = await run_action(ActionListenReflect(), tracker)

    assert slots_after(tracker, events)["loneliness_type"] == "emotional"


async def test_unchanged_slots_are_not_set_again() -> None:
    tracker = make_tracker(
        text="ik zit er echt mee",
        intent="feel_sad",
        slots={"causes": ["loss"], "duration": "years", "listen_turns": 1, "social_isolation": False},
    )
    events, _ = await run_action(ActionListenReflect(), tracker)

    names = [event["name"] for event in events if event["event"] == "slot"]
    assert "causes" not in names and "duration" not in names and "social_isolation" not in names
    assert SlotSet("listen_turns", 2) in events


async def test_empty_message_is_handled() -> None:
    tracker = make_tracker(text="", intent=None)
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert responses(dispatcher) == ["utter_reflect_lonely", "utter_ask_duration"]
    assert events == FIRST_TURN_SLOTS


async def test_mentioning_ones_wife_is_not_reflected_as_a_loss() -> None:
    tracker = make_tracker(
        text="Mijn vrouw en ik wandelen graag samen", intent="tell_situation", slots={"listen_turns": 1}
    )
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert responses(dispatcher)[0] != "utter_reflect_cause_loss"
    assert slots_after(tracker, events)["causes"] == []


async def test_an_offer_the_person_talked_past_is_not_made_again() -> None:
    # Found on a real-voices conversation: the scale was offered after every message, the second time
    # opening with "Zoals ik net schreef:".
    tracker = make_tracker(
        text="sindsdien tientallen sollicitaties",
        intent="tell_situation",
        slots={
            "listen_turns": 3,
            "duration": "years",
            "causes": ["unemployment"],
            "pending_question": "scale",
            "summary_confirmed": True,
            "offered": ["scale"],
        },
    )
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert "utter_offer_scale" not in responses(dispatcher)
    assert slot_sets(events).get("pending_question") in (None, "none")


async def test_a_chosen_kind_is_not_overwritten_by_the_listening() -> None:
    tracker = make_tracker(
        text="Sinds de verhuizing ken ik hier niemand",
        intent="tell_situation",
        slots={"loneliness_type": "existential", "kind_confirmed": True, "listen_turns": 1},
    )
    events, _ = await run_action(ActionListenReflect(), tracker)

    assert slots_after(tracker, events)["loneliness_type"] == "existential"


async def test_who_is_still_there_is_offered_as_a_network_map() -> None:
    asked = ["utter_ask_miss_most", "utter_ask_ordinary_week"]
    slots = {"duration": "years", "asked_cause": True, "listen_turns": 1, "listen_asked": asked}
    tracker = make_tracker(text="Het is gewoon stil", intent="feel_lonely", slots=slots)
    events, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert responses(dispatcher) == ["utter_reflect_lonely", "utter_offer_network_map"]
    assert events[-1] == SlotSet("pending_question", "network_map")
    assert slots_after(tracker, events)["listen_asked"][-1] == "utter_ask_who_still_there"


async def test_with_a_network_map_who_is_still_there_is_not_offered_again() -> None:
    asked = ["utter_ask_miss_most", "utter_ask_ordinary_week"]
    slots = {
        "duration": "years",
        "asked_cause": True,
        "listen_turns": 1,
        "listen_asked": asked,
        "network_map": {"family": "few"},
    }
    tracker = make_tracker(text="Het is gewoon stil", intent="feel_lonely", slots=slots)
    _, dispatcher = await run_action(ActionListenReflect(), tracker)

    assert responses(dispatcher) == ["utter_reflect_lonely", "utter_ask_who_still_there"]

