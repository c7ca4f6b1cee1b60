"""The melding actions over a quota: a held melding still gets its meldcode; status asks have a budget."""

from __future__ import annotations

from typing import Any

import pytest

from actions.melding import ActionMeldingStatus, ActionSubmitMelding
from bot.store.db import default_engine, session_scope
from bot.store.meldingen import claim_due
from tests.support.trackers import load_domain, make_tracker, responses, run_action, slot_sets

pytestmark = pytest.mark.usefixtures("social_map")


@pytest.fixture(autouse=True)
def small_quotas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MELDING_QUOTA_VISITOR_HOUR", "1")
    monkeypatch.setenv("MELDCODE_MISSES_VISITOR_HOUR", "2")


def submitted(sender: str) -> Any:
    return make_tracker(
        sender_id=sender,
        slots={
            "role": "other",
            "melding_consent": True,
            "municipality": "Enschede",
            "municipality_code": "GM0153",
            "melding_description": "Mijn buurman komt al weken de deur niet meer uit.",
            "melding_person_knows": "nee",
            "melding_contact": "none",
        },
    )


async def test_a_melding_over_the_quota_is_held_and_still_gets_a_meldcode() -> None:
    _, first = await run_action(ActionSubmitMelding(), submitted("quota-visitor-1"))
    assert responses(first) == ["utter_melding_sent"]
    with session_scope(default_engine()) as session:
        claim_due(session)  # the worker takes what is due (the first melding)

    events, second = await run_action(ActionSubmitMelding(), submitted("quota-visitor-1"))
    assert responses(second) == ["utter_melding_held"]
    code = second.messages[0]["melding_code"]
    assert slot_sets(events)["melding_code"] == code and len(code) == 6
    with session_scope(default_engine()) as session:
        assert claim_due(session) == []  # held: nothing to send

    _, status = await run_action(ActionMeldingStatus(), make_tracker(text=code, sender_id="quota-visitor-1"))
    assert status.messages[0]["melding_status_text"].startswith("opgeslagen. Er wordt eerst even")


def test_the_held_answer_is_honest_in_both_forms_of_address() -> None:
    texts = [variant["text"] for variant in load_domain()["responses"]["utter_melding_held"]]
    assert len(texts) == 2
    for text in texts:
        assert "opgeslagen" in text and "eerst even naar gekeken" in text and "{melding_code}" in text


async def test_status_asks_over_the_budget_are_answered_without_looking_the_code_up() -> None:
    _, made = await run_action(ActionSubmitMelding(), submitted("quota-reporter"))
    code = made.messages[0]["melding_code"]

    async def ask(text: str) -> list[str | None]:
        _, dispatcher = await run_action(ActionMeldingStatus(), make_tracker(text=text, sender_id="guesser"))
        return responses(dispatcher)

    assert await ask("melding 7XXXXX") == ["utter_melding_status_unknown"]
    assert await ask("melding 7XXXXY") == ["utter_melding_status_unknown"]
    assert await ask(f"melding {code}") == ["utter_melding_status_later"]
    assert await ask("melding 7XXXXW") == ["utter_melding_status_later"]
