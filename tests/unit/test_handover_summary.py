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


def test_what_was_parked_is_shown_as_labels_of_its_source() -> None:
    summary = handover_summary(slots(resistance_sources=["onzeker", "slechte_ervaring"]))
    assert summary["parked"] == ["twijfelt of het lukt", "slechte ervaring eerder"]
    lines = dict(summary_lines(summary))
    assert lines["Geparkeerd, en waarom"] == "twijfelt of het lukt, slechte ervaring eerder"


def test_raw_text_in_the_parked_slot_is_never_shown() -> None:
    # An older conversation may still hold the person's own words; only known labels get through.
    typed = "doe niet zo betuttelend, Jan de Vries weet heus wel wat goed voor hem is"
    summary = handover_summary(slots(resistance_sources=[typed, "gedrukt"]))
    assert summary["parked"] == ["voelde zich gedrukt"]
    shown = json.dumps(summary, ensure_ascii=False) + json.dumps(summary_lines(summary), ensure_ascii=False)
    for private in ("betuttelend", "Jan", "Vries"):
        assert private not in shown


def test_causes_duration_and_parked_together_for_the_volunteer() -> None:
    summary = handover_summary(
        slots(
            role="self", causes=["moving"], duration="months", resistance_sources=["geen_zin"], listen_turns=4
        )
    )
    lines = dict(summary_lines(summary))
    assert lines["Chat voor"] == "zichzelf"
    assert lines["Thema's"] == "verhuisd" and lines["Hoe lang al"] == "een paar maanden"
    assert lines["Geparkeerd, en waarom"] == "ziet er (nu) het nut niet van"


def test_a_worried_neighbour_is_summarised_by_labels_without_names() -> None:
    summary = handover_summary(
        slots(
            role="other",
            worry_about="buurvrouw",
            worry_signals=["binnen", "post", "Riet van Dam"],
            worry_duration="months",
            worry_carer="strained",
            worry_turns=3.0,
        )
    )
    assert summary["chatting_for"] == "iemand anders, om wie de persoon zich zorgen maakt"
    assert summary["worry_about"] == "een buur"
    assert summary["worry_signals"] == ["komt weinig buiten", "post blijft liggen"]
    assert summary["worry_duration"] == "een paar maanden"
    assert summary["carer_load"] == "de melder heeft het zelf ook zwaar"
    assert summary["phase"] == "zorgen om iemand anders besproken"
    shown = json.dumps(summary, ensure_ascii=False) + json.dumps(summary_lines(summary), ensure_ascii=False)
    assert "Riet" not in shown and "buurvrouw" not in shown


def test_a_summary_without_these_parts_leaves_them_out() -> None:
    summary = handover_summary(slots())
    for key in ("parked", "chatting_for", "worry_about", "worry_signals", "worry_duration", "carer_load"):
        assert key not in summary
