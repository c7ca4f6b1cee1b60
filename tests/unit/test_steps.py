from __future__ import annotations

import pytest

from bot.conversation.steps import SmallStep, load_steps, match_step, propose_steps, step_by_id

OFFERED = ["lotgenoten", "maatje", "wandelgroep"]


def ids(steps: list[SmallStep]) -> list[str]:
    return [step.id for step in steps]


def test_catalogue_loads_with_unique_ids() -> None:
    steps = load_steps()
    assert len(steps) >= 3
    assert len({step.id for step in steps}) == len(steps)
    assert all(step.label and step.fits for step in steps)


def test_step_by_id() -> None:
    step = step_by_id("maatje")
    assert step is not None
    assert step.label == "Een maatje zoeken: één vaste persoon om mee af te spreken"
    assert step.fits == ("emotional",)
    assert step_by_id("bestaat_niet") is None
    assert step_by_id("") is None


@pytest.mark.parametrize(
    ("kind", "interests", "causes", "expected"),
    [
        (None, [], [], ["koffieochtend", "wandelgroep", "hobbyclub"]),
        ("social", [], [], ["koffieochtend", "wandelgroep", "hobbyclub"]),
        ("social", ["wandelen"], [], ["wandelgroep", "koffieochtend", "hobbyclub"]),
        ("social", ["koken"], [], ["hobbyclub", "samen_eten", "koffieochtend"]),
        ("emotional", [], [], ["maatje", "vertrouwd_persoon", "lotgenoten"]),
        ("emotional", [], ["loss"], ["lotgenoten", "maatje", "vertrouwd_persoon"]),
        ("emotional", ["maatje"], [], ["maatje", "vertrouwd_persoon", "lotgenoten"]),
        ("existential", [], [], ["vrijwilligerswerk", "buur_helpen", "hobbyclub"]),
        ("existential", [], ["retirement"], ["vrijwilligerswerk", "buur_helpen", "hobbyclub"]),
        ("social", [], ["social_anxiety"], ["samen_boodschappen", "koffieochtend", "wandelgroep"]),
    ],
)
def test_propose_steps(
    kind: str | None, interests: list[str], causes: list[str], expected: list[str]
) -> None:
    assert ids(propose_steps(kind, interests, causes)) == expected


def test_propose_steps_fit_the_kind() -> None:
    for kind in ("social", "emotional", "existential"):
        proposed = propose_steps(kind, [], [])
        assert proposed, kind
        assert all(kind in step.fits for step in proposed), kind


@pytest.mark.parametrize("how_many", [0, 1, 5])
def test_propose_steps_how_many(how_many: int) -> None:
    proposed = propose_steps("social", [], [], how_many=how_many)
    assert len(proposed) == how_many
    assert len(set(ids(proposed))) == how_many


def test_unknown_interests_and_causes_change_nothing() -> None:
    assert ids(propose_steps("emotional", ["ruimtevaart"], ["onbekend"])) == ids(
        propose_steps("emotional", [], [])
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("de eerste", "lotgenoten"),
        ("De EERSTE!", "lotgenoten"),
        ("1", "lotgenoten"),
        ("de tweede", "maatje"),
        ("nummer 2", "maatje"),
        ("de derde", "wandelgroep"),
        ("de laatste", "wandelgroep"),
        ("dat maatje", "maatje"),
        ("meelopen met die wandelgroep", "wandelgroep"),
        ("een praatgroep lijkt me goed", "lotgenoten"),
    ],
)
def test_match_step(text: str, expected: str) -> None:
    step = match_step(text, OFFERED)
    assert step is not None
    assert step.id == expected


@pytest.mark.parametrize(
    ("text", "offered"),
    [
        ("", OFFERED),
        ("🙂", OFFERED),
        ("geen idee", OFFERED),
        ("de vierde", OFFERED),
        ("de derde", ["maatje", "lotgenoten"]),
        ("de eerste", []),
        ("de eerste", ["bestaat_niet"]),
        ("koffieochtend", OFFERED),  # a step that was not offered
    ],
)
def test_match_step_none(text: str, offered: list[str]) -> None:
    assert match_step(text, offered) is None


def test_match_step_skips_unknown_ids() -> None:
    step = match_step("de eerste", ["bestaat_niet", "maatje"])
    assert step is not None
    assert step.id == "maatje"


def test_match_step_ordinal_must_be_a_whole_word() -> None:
    # "12" is not "1" or "2"; no label words match either.
    assert match_step("12", OFFERED) is None


def test_a_step_that_fell_through_is_never_proposed_again() -> None:
    first = propose_steps("social", [], [])[0]
    again = propose_steps("social", [], [], exclude=[first.id])
    assert first.id not in [step.id for step in again]
    assert len(again) == 3
