"""Live handovers in the store: the queue, an atomic accept, ending, expiry and volunteer presence."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import update
from sqlalchemy.engine import Engine

from bot.conversation.handover import HandoverQuota, HandoverSummary
from bot.store.accounts import add_user
from bot.store.clock import now
from bot.store.db import make_engine, session_scope
from bot.store.handovers import (
    accept,
    end_handover,
    expire_waiting,
    get_handover,
    mark_offline,
    mark_online,
    open_handover,
    purge_handovers,
    queue_refusal,
    start_handover,
    volunteers_online,
    waiting_queue,
)
from bot.store.models import Handover, VolunteerPresence
from bot.store.seed import prepare_database

PASSWORD = "lang-genoeg-wachtwoord"
SUMMARY: HandoverSummary = {
    "reason": "vroeg zelf om een mens",
    "phase": "luisteren",
    "loneliness_type": "sociaal",
    "scale_result": None,
    "themes": ["verhuisd"],
    "duration": None,
    "wishes": ["wandelen"],
    "chosen_step": None,
    "municipality": "Nijmegen",
}


@pytest.fixture()
def engine(empty_url: str) -> Iterator[Engine]:
    engine = make_engine(empty_url)
    prepare_database(engine, example_file=None)
    yield engine
    engine.dispose()


def _volunteers(engine: Engine, count: int) -> list[int]:
    with session_scope(engine) as session:
        return [add_user(session, f"vrijwilliger{i}", "volunteer", PASSWORD).id for i in range(count)]


def _age(engine: Engine, handover_id: int, seconds: int) -> None:
    with session_scope(engine) as session:
        session.execute(
            update(Handover)
            .where(Handover.id == handover_id)
            .values(created_at=now() - dt.timedelta(seconds=seconds))
        )


def test_queue_holds_waiting_handovers_oldest_first_with_the_summary(engine: Engine) -> None:
    with session_scope(engine) as session:
        first = start_handover(session, "visitor-one-0000000", SUMMARY, share_transcript=True)
        second = start_handover(session, "visitor-two-0000000", None, share_transcript=True)
        again = start_handover(session, "visitor-one-0000000", None, share_transcript=False)
    assert again == first  # one open handover per visitor
    _age(engine, first, 30)
    with session_scope(engine) as session:
        queue = waiting_queue(session)
    assert [item.id for item in queue] == [first, second]
    assert queue[0].summary == SUMMARY and queue[0].share_transcript
    # No summary means no transcript either: the second yes only counts after the first.
    assert queue[1].summary is None and not queue[1].share_transcript


def _race(engine: Engine, handover_id: int, volunteers: tuple[int, int]) -> dict[int, bool]:
    """Both volunteers click "accept" at the same moment, each on its own connection."""
    barrier = threading.Barrier(len(volunteers))
    wins: dict[int, bool] = {}

    def click(volunteer: int) -> None:
        with session_scope(engine) as session:
            barrier.wait()
            wins[volunteer] = accept(session, handover_id, volunteer)

    threads = [threading.Thread(target=click, args=(v,)) for v in volunteers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return wins


def test_two_volunteers_accepting_at_once_exactly_one_wins(engine: Engine) -> None:
    anna, bram = _volunteers(engine, 2)
    with session_scope(engine) as session:
        ids = [start_handover(session, f"visitor-race-{i:08d}", SUMMARY, False) for i in range(8)]
    for handover_id in ids:
        wins = _race(engine, handover_id, (anna, bram))
        assert sorted(wins.values()) == [False, True], wins
        winner = next(v for v, won in wins.items() if won)
        with session_scope(engine) as session:
            info = get_handover(session, handover_id)
        assert info is not None and info.status == "active" and info.volunteer_id == winner


def test_only_the_volunteer_who_accepted_can_end_it(engine: Engine) -> None:
    anna, bram = _volunteers(engine, 2)
    with session_scope(engine) as session:
        handover_id = start_handover(session, "visitor-end-00000000", None, False)
        assert accept(session, handover_id, anna)
    with session_scope(engine) as session:
        assert end_handover(session, handover_id, bram, "niet van mij") is None
        assert (
            end_handover(session, handover_id, anna, "Fijn gesprek, wil terugbellen.")
            == "visitor-end-00000000"
        )
        assert end_handover(session, handover_id, anna, "twee keer") is None
        assert open_handover(session, "visitor-end-00000000") is None
        row = session.get(Handover, handover_id)
        assert row is not None and row.status == "ended" and row.note == "Fijn gesprek, wil terugbellen."


def test_waiting_too_long_expires_once(engine: Engine) -> None:
    with session_scope(engine) as session:
        old = start_handover(session, "visitor-old-00000000", None, False)
        start_handover(session, "visitor-new-00000000", None, False)
        session.execute(
            update(Handover).where(Handover.id == old).values(created_at=now() - dt.timedelta(seconds=200))
        )
    with session_scope(engine) as session:
        assert expire_waiting(session, dt.timedelta(seconds=120)) == ["visitor-old-00000000"]
    with session_scope(engine) as session:
        assert expire_waiting(session, dt.timedelta(seconds=120)) == []
        assert [item.visitor for item in waiting_queue(session)] == ["visitor-new-00000000"]
        # An expired handover can no longer be accepted.
        (anna,) = _volunteers(engine, 1)
        assert not accept(session, old, anna)


def test_volunteers_online_counts_recent_consoles_only(engine: Engine) -> None:
    anna, bram = _volunteers(engine, 2)
    with session_scope(engine) as session:
        assert volunteers_online(session) == 0
        mark_online(session, anna)
        mark_online(session, bram)
    with session_scope(engine) as session:
        mark_online(session, anna)  # a heartbeat updates the same row
        session.execute(
            update(VolunteerPresence)
            .where(VolunteerPresence.user_id == bram)
            .values(seen_at=now() - dt.timedelta(minutes=5))
        )
    with session_scope(engine) as session:
        assert volunteers_online(session) == 1
        mark_offline(session, anna)
    with session_scope(engine) as session:
        assert volunteers_online(session) == 0


def test_purge_removes_old_finished_handovers(engine: Engine) -> None:
    with session_scope(engine) as session:
        old = start_handover(session, "visitor-purge-000000", SUMMARY, True)
        start_handover(session, "visitor-wait-0000000", SUMMARY, True)
        session.execute(
            update(Handover)
            .where(Handover.id == old)
            .values(status="expired", created_at=now() - dt.timedelta(days=40))
        )
    with session_scope(engine) as session:
        assert purge_handovers(session, 30) == 1
        assert len(waiting_queue(session)) == 1


def test_acute_risk_comes_first_then_the_longest_waiting(engine: Engine) -> None:
    with session_scope(engine) as session:
        calm_old = start_handover(session, "visitor-calm-old-000", None, False)
        acute_new = start_handover(session, "visitor-acute-new-00", None, False, acute_risk=True)
        calm_new = start_handover(session, "visitor-calm-new-000", None, False)
        acute_old = start_handover(session, "visitor-acute-old-00", None, False, acute_risk=True)
    for handover_id, seconds in ((calm_old, 90), (acute_new, 10), (calm_new, 20), (acute_old, 60)):
        _age(engine, handover_id, seconds)
    with session_scope(engine) as session:
        queue = waiting_queue(session)
    assert [item.id for item in queue] == [acute_old, acute_new, calm_old, calm_new]
    assert [item.acute_risk for item in queue] == [True, True, False, False]


def test_one_visitor_may_start_only_a_few_handovers_an_hour(engine: Engine) -> None:
    quota = HandoverQuota(per_visitor_per_hour=2, queue_max=10)
    visitor = "visitor-often-000000"
    with session_scope(engine) as session:
        assert queue_refusal(session, visitor, False, quota) is None
        first = start_handover(session, visitor, None, False)
        # While the handover is open the visitor is never refused: it is reused.
        assert queue_refusal(session, visitor, False, quota) is None
        session.execute(update(Handover).where(Handover.id == first).values(status="expired"))
        assert queue_refusal(session, visitor, False, quota) is None
        second = start_handover(session, visitor, None, False)
        session.execute(update(Handover).where(Handover.id == second).values(status="expired"))
        assert queue_refusal(session, visitor, False, quota) == "visitor_quota"
        assert queue_refusal(session, visitor, True, quota) == "visitor_quota"
        assert queue_refusal(session, "visitor-other-000000", False, quota) is None
    # An hour later the visitor may ask again.
    _age(engine, first, 3700)
    with session_scope(engine) as session:
        assert queue_refusal(session, visitor, False, quota) is None


def test_a_full_queue_refuses_others_but_not_a_person_with_acute_risk(engine: Engine) -> None:
    quota = HandoverQuota(per_visitor_per_hour=3, queue_max=3)
    (anna,) = _volunteers(engine, 1)
    with session_scope(engine) as session:
        for i in range(3):
            start_handover(session, f"visitor-script-{i:06d}", None, False)
        assert queue_refusal(session, "visitor-late-calm-00", False, quota) == "queue_full"
        assert queue_refusal(session, "visitor-late-acute-0", True, quota) is None
        for i in range(3):
            start_handover(session, f"visitor-acute-{i:06d}", None, False, acute_risk=True)
        assert queue_refusal(session, "visitor-late-acute-0", True, quota) == "queue_full"
        # Only waiting people count: one taken by a volunteer frees a place.
        assert accept(session, waiting_queue(session)[-1].id, anna)
        assert queue_refusal(session, "visitor-late-calm-00", False, quota) is None
