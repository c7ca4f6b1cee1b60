"""The handover summary: labels the assistant chose from the slots, never the person's own words."""

from __future__ import annotations

import json

from bot.conversation.handover import CAUSE_LABELS, handover_summary, summary_lines
from bot.conversation.listening import CAUSE_PATTERNS
from tests.support.trackers import initial_slots, load_domain

# Free text as people type it in the wish answers, with names of others and an address.
WISH_WITH_NAMES = "vroeger wandelde ik elke dag met mijn buurvrouw Truus van Dijk naar de Kerkstraat 12"
TALENT_WITH_NAMES = "koken voor mijn kleinzoon Daan, die woont in Zwolle"


def slots(**values: object) -> dict[str, object]:
    filled = initial_slots(load_domain())
    filled.update(values)
    return filled


def test_wishes_are_interest_labels_never_the_typed_answer() -> None:
    summary = handover_summary(
        slots(wish_enjoy=WISH_WITH_NAMES, wish_talent=TALENT_WITH_NAMES, interests=["wandelen", "Truus"])
    )
    assert summary["wishes"] == ["wandelen", "koken"]
    shown = json.dumps(summary, ensure_ascii=False) + json.dumps(summary_lines(summary), ensure_ascii=False)
    for private in ("Truus", "Dijk", "Kerkstraat", "Daan", "Zwolle", "buurvrouw", "kleinzoon"):
        assert private not in shown


def test_causes_kind_and_duration_become_themes_for_the_volunteer() -> None:
    summary = handover_summary(
        slots(causes=["loss", "children_left", "made-up"], loneliness_type="emotional", duration="years")
    )
    assert summary["themes"] == ["verlies van een dierbare", "kinderen ver weg"]
    assert summary["loneliness_type"] == "emotioneel" and summary["duration"] == "al jaren"
    assert ("Thema's", "verlies van een dierbare, kinderen ver weg") in summary_lines(summary)


def test_every_cause_has_a_theme_label() -> None:
    assert set(CAUSE_LABELS) == set(CAUSE_PATTERNS)


def test_a_place_the_gazetteer_did_not_know_is_left_out() -> None:
    typed = handover_summary(slots(municipality="bij Jan Pieterse op de hoek", municipality_code=None))
    known = handover_summary(slots(municipality="Nijmegen", municipality_code="GM0268"))
    assert typed["municipality"] is None and known["municipality"] == "Nijmegen"


def test_reason_and_phase() -> None:
    assert handover_summary(slots())["phase"] == "begin van het gesprek"
    assert handover_summary(slots())["reason"] == "vroeg zelf om een mens"
    step = "Bel een oud-collega"
    crisis = handover_summary(slots(handover_reason="crisis", plan_step="s1", plan_step_label=step))
    assert crisis["reason"] == "na het crisisantwoord (113)"
    assert crisis["phase"] == "kleine stappen: een stap gekozen" and crisis["chosen_step"] == step
