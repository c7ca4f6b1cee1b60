"""Steps that fit the person: mobility, money, language, age group and the network map."""

from __future__ import annotations

import pytest

from actions.steps import ActionProposeSteps
from bot.conversation.network_map import NetworkMap
from bot.conversation.person_needs import PersonNeeds, read_needs, told_age
from bot.conversation.steps import load_steps, propose_steps
from tests.support.trackers import make_tracker, run_action, slot_sets, user_event

YOUTH_STEPS = {"join_us", "kindertelefoon"}


def ids(steps: list) -> list[str]:
    return [step.id for step in steps]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["ik zit sinds vorig jaar in een rolstoel"], PersonNeeds(mobility=True)),
        (["met mijn rollator kom ik niet ver"], PersonNeeds(mobility=True)),
        (["ik leef van een uitkering, het is krap"], PersonNeeds(low_cost=True)),
        (["mijn Nederlands is nog niet zo goed"], PersonNeeds(dutch_learner=True)),
        (["ik ben 17 en mijn ouders mogen het niet weten"], PersonNeeds(age_group="youth")),
        (["ik zit in 4 havo en heb niemand in de klas"], PersonNeeds(age_group="youth")),
        (["ik ben vijftien"], PersonNeeds(age_group="youth")),
        (["ik ben 82 jaar oud"], PersonNeeds(age_group="senior")),
        (["sinds ik met pensioen ben zie ik niemand"], PersonNeeds(age_group="senior")),
        (["ik ben 17 jaar getrouwd geweest"], PersonNeeds()),
        (["ik ben 12 uur per dag alleen"], PersonNeeds()),
        (["ik voel me alleen"], PersonNeeds()),
    ],
)
def test_needs_are_read_from_clear_phrases(texts: list[str], expected: PersonNeeds) -> None:
    assert read_needs(texts) == expected


def test_a_told_age_wins_over_a_cue_and_money_worries_count_as_a_need() -> None:
    assert read_needs(["mijn kleinkinderen wonen ver weg", "ik ben 45"]).age_group == "adult"
    assert read_needs([], causes=["low_income"]).low_cost
    assert told_age("als 16-jarige") == 16


def test_needs_round_trip_through_the_slot() -> None:
    needs = PersonNeeds(mobility=True, low_cost=True, age_group="youth")
    assert needs.as_slot() == ["mobility", "low_cost", "youth"]
    assert PersonNeeds.from_slot(needs.as_slot()) == needs
    assert PersonNeeds.from_slot(["Truus", "mobility"]) == PersonNeeds(mobility=True)


def test_a_wheelchair_user_never_gets_the_walking_group() -> None:
    needs = read_needs(["ik zit in een rolstoel"])
    for kind in (None, "social", "emotional", "existential"):
        assert "wandelgroep" not in ids(propose_steps(kind, ["wandelen"], [], how_many=20, needs=needs))
    # Without that need, a walker gets it first.
    assert ids(propose_steps("social", ["wandelen"], []))[0] == "wandelgroep"


def test_under_18s_get_youth_steps_first() -> None:
    needs = read_needs(["ik ben 17 en ik voel me zo alleen op school"])
    assert ids(propose_steps("social", [], ["school"], needs=needs))[0] == "join_us"
    assert ids(propose_steps("emotional", [], [], needs=needs))[:2] == ["kindertelefoon", "join_us"]
    for kind in (None, "social", "emotional", "existential"):
        proposed = propose_steps(kind, [], [], how_many=20, needs=needs)
        assert all("youth" in step.ages for step in proposed), kind
        assert "luisterlijn" not in ids(proposed)  # for adults; the Kindertelefoon is there for under-18s


def test_youth_steps_are_not_proposed_when_the_age_is_unknown_or_adult() -> None:
    for needs in (PersonNeeds(), PersonNeeds(age_group="adult"), PersonNeeds(age_group="senior")):
        for kind in (None, "social", "emotional", "existential"):
            assert not YOUTH_STEPS & set(ids(propose_steps(kind, [], [], how_many=30, needs=needs)))
    # Join Us is also for young adults; the Kindertelefoon is not.
    young_adult = ids(
        propose_steps("social", [], [], how_many=30, needs=PersonNeeds(age_group="young_adult"))
    )
    assert "join_us" in young_adult and "kindertelefoon" not in young_adult


def test_tight_money_puts_free_steps_first() -> None:
    proposed = propose_steps("social", [], [], needs=PersonNeeds(low_cost=True))
    assert all(step.cost == "free" for step in proposed)


def test_someone_learning_dutch_gets_the_language_cafe_and_no_talk_groups_first() -> None:
    proposed = propose_steps("social", [], ["migration"], needs=PersonNeeds(dutch_learner=True))
    assert proposed[0].id == "taalcafe"
    emotional = propose_steps("emotional", [], [], needs=PersonNeeds(dutch_learner=True))
    assert not {"lotgenoten", "luisterlijn"} & set(ids(emotional))


def test_an_empty_circle_of_the_network_map_favours_steps_that_grow_it() -> None:
    empty_neighbourhood = NetworkMap(
        {"family": "close", "friends": "few", "neighbourhood": "none", "club": "few"}
    )
    without = ids(propose_steps("existential", [], []))
    with_map = ids(propose_steps("existential", [], [], network=empty_neighbourhood))
    assert without[0] == "vrijwilligerswerk" and with_map[0] == "buur_helpen"


def test_every_step_names_valid_needs() -> None:
    for step in load_steps():
        assert step.mobility in ("walking", "out", "home"), step.id
        assert step.cost in ("free", "small"), step.id
        assert step.language in ("fluent", "any", "learners"), step.id
        assert step.ages and set(step.ages) <= {"youth", "young_adult", "adult", "senior"}, step.id
        assert set(step.circles) <= {"family", "friends", "neighbourhood", "club"}, step.id


def test_youth_steps_name_their_free_number_and_site() -> None:
    labels = {step.id: step.label for step in load_steps()}
    assert "0800-0432" in labels["kindertelefoon"] and "kindertelefoon.nl" in labels["kindertelefoon"]
    assert "join-us.nu" in labels["join_us"]


async def test_proposing_reads_the_conversation_and_keeps_only_codes() -> None:
    events = [user_event("ik ben 16 en zit in een rolstoel", "feel_lonely"), user_event("ja", "affirm")]
    tracker = make_tracker(slots={"loneliness_type": "social"}, events=events)
    result, dispatcher = await run_action(ActionProposeSteps(), tracker)
    slots = slot_sets(result)
    assert slots["person_needs"] == ["mobility", "youth"]
    assert slots["proposed_steps"][0] == "join_us"
    assert "wandelgroep" not in slots["proposed_steps"]
    assert len(dispatcher.messages[0]["buttons"]) == 5
