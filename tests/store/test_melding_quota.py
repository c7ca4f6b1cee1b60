"""Melding quotas: the excess is stored but held (never claimed) until released; meldcode look-up budgets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from bot.escalation.quota import MeldingQuota, melding_quota
from bot.store.clock import now
from bot.store.db import make_engine, session_scope
from bot.store.meldingen import NewMelding, claim_due, create_melding, inbox, release_melding, status_for_code
from bot.store.models import Delivery, QuotaEvent
from bot.store.quotas import TRY_LATER, record, sender_key, status_within_budget, submit_melding
from bot.store.seed import prepare_database

QUOTA = MeldingQuota(
    visitor_hour=2,
    visitor_day=3,
    municipality_hour=4,
    municipality_day=5,
    code_misses_visitor_hour=3,
    code_misses_hour=5,
)


def melding(municipality: str = "GM0268") -> NewMelding:
    return NewMelding(municipality, "other", "Buurvrouw, rond de 80, woont alleen.", False, "none", None)


@pytest.fixture()
def engine(empty_url: str) -> Iterator[Engine]:
    engine = make_engine(empty_url)
    prepare_database(engine, example_file=None)
    yield engine
    engine.dispose()


def submit(engine: Engine, sender: str, municipality: str = "GM0268") -> tuple[str, bool]:
    with session_scope(engine) as session:
        return submit_melding(session, melding(municipality), sender, QUOTA, "https://wijkteam.example/hook")


def claimed_codes(engine: Engine) -> list[str]:
    with session_scope(engine) as session:
        return [job.code for job in claim_due(session)]


def test_a_held_melding_is_stored_but_not_claimed_until_released(engine: Engine) -> None:
    with session_scope(engine) as session:
        code = create_melding(session, melding(), "https://wijkteam.example/hook", held=True)
    with session_scope(engine) as session:
        assert status_for_code(session, code) == "held"
        assert {d.status for d in session.scalars(select(Delivery))} == {"held"}
    assert claimed_codes(engine) == []
    with session_scope(engine) as session:
        assert [item.code for item in inbox(session, "GM0268", held=True)] == [code]
        assert inbox(session, "GM0268") == []
        assert release_melding(session, code, actor="wim")
        assert not release_melding(session, code, actor="wim")  # only a held melding is released
    assert sorted(claimed_codes(engine)) == [code, code]  # e-mail and webhook
    with session_scope(engine) as session:
        assert status_for_code(session, code) == "new"


def test_a_visitor_over_the_hourly_quota_is_held(engine: Engine) -> None:
    results = [submit(engine, "visitor-a") for _ in range(3)]
    assert [held for _, held in results] == [False, False, True]
    other_code, other_held = submit(engine, "visitor-b")
    assert not other_held
    claimed = claimed_codes(engine)
    assert results[2][0] not in claimed and other_code in claimed


def test_a_visitor_over_the_daily_quota_is_held(engine: Engine) -> None:
    key = sender_key("visitor-a")
    earlier = now() - dt.timedelta(hours=3)
    with session_scope(engine) as session:
        for _ in range(3):
            record(session, "melding", key, earlier)
    assert submit(engine, "visitor-a")[1]


def test_a_municipality_over_its_quota_holds_everyone_elses(engine: Engine) -> None:
    held = [submit(engine, f"visitor-{i}")[1] for i in range(5)]
    assert held == [False] * 4 + [True]
    assert not submit(engine, "visitor-9", "GM0153")[1]  # another municipality is not affected


def test_old_quota_events_are_forgotten(engine: Engine) -> None:
    key = sender_key("visitor-a")
    with session_scope(engine) as session:
        record(session, "melding", key, now() - dt.timedelta(days=2))
        record(session, "melding", key)
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(QuotaEvent)) == 1
        assert session.scalar(select(QuotaEvent.sender_key)) == key != "visitor-a"


def test_unknown_meldcodes_have_a_budget_per_visitor_and_for_everyone(engine: Engine) -> None:
    code, _ = submit(engine, "reporter")

    def ask(sender: str, asked: str) -> str | None:
        with session_scope(engine) as session:
            return status_within_budget(session, sender, asked, QUOTA)

    assert ask("guesser", code) == "new"  # found codes cost nothing
    assert [ask("guesser", "7XXXXX") for _ in range(3)] == [None] * 3
    # Over the budget the real code gets the same answer as a made-up one.
    assert ask("guesser", code) == TRY_LATER and ask("guesser", "7XXXXY") == TRY_LATER
    assert ask("reporter", code) == "new"
    assert [ask(f"guesser-{i}", "7XXXXX") for i in range(2)] == [None, None]  # five misses in all
    assert ask("reporter", code) == TRY_LATER


def test_quotas_from_the_environment() -> None:
    assert melding_quota({}) == MeldingQuota()
    custom = melding_quota({"MELDING_QUOTA_VISITOR_HOUR": "7", "MELDCODE_MISSES_HOUR": " 9 "})
    assert (custom.visitor_hour, custom.code_misses_hour, custom.visitor_day) == (7, 9, 3)
