"""A melding that cannot be stored: the visitor is told kindly what to do, and the log holds no values.

Found by review: a contact e-mail over 120 characters made the INSERT fail on PostgreSQL (SQLite does
not check lengths); the error, with the report and the contact in it, went to the log and the visitor
got no meldcode and no word. The form now refuses such an address (tests/unit/test_actions_melding.py);
this forged tracker skips the form, as a failure of the database would.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from actions.melding import ActionSubmitMelding
from bot.store.db import make_engine, session_scope
from bot.store.meldingen import NewMelding, create_melding
from bot.store.models import Melding
from bot.store.seed import prepare_database
from tests.support.databases import fresh_database
from tests.support.trackers import make_tracker, responses, run_action, slot_sets

REPORT = "Mijn buurman Piet de Vries, Dorpsstraat 12, komt al weken niet buiten."
CONTACT = "piet" + "x" * 60 + "@" + "voorbeeld" * 10 + ".nl"


@pytest.fixture()
def postgres_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    with fresh_database("postgresql", tmp_path) as url:
        engine = make_engine(url)
        prepare_database(engine, example_file=None)
        engine.dispose()
        monkeypatch.setenv("DATABASE_URL", url)
        yield url


async def test_a_melding_that_fails_to_store_is_told_kindly_without_values_in_the_log(
    postgres_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    tracker = make_tracker(
        slots={
            "role": "other",
            "melding_consent": True,
            "municipality": "Nijmegen",
            "municipality_code": "GM0268",
            "melding_description": REPORT,
            "melding_person_knows": "nee",
            "melding_contact": "email",
            "melding_contact_value": CONTACT,
        }
    )
    with caplog.at_level(logging.DEBUG):
        events, dispatcher = await run_action(ActionSubmitMelding(), tracker)

    assert responses(dispatcher) == ["utter_melding_not_saved"]
    assert dispatcher.messages[0]["meldpunt_phone"] == "14 024"  # Nijmegen's meldpunt
    slots = slot_sets(events)
    assert "melding_code" not in slots
    assert slots["melding_description"] is None and slots["melding_contact_value"] is None
    logged = caplog.text
    assert "could not be stored" in logged
    assert "Piet" not in logged and "Dorpsstraat" not in logged and "voorbeeld" not in logged
    engine = make_engine(postgres_url)
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(Melding)) == 0
    engine.dispose()


def test_database_errors_never_carry_the_values(postgres_url: str) -> None:
    engine = make_engine(postgres_url)
    new = NewMelding("GM0268", "other", REPORT, False, "email", CONTACT)
    with pytest.raises(SQLAlchemyError) as failure, session_scope(engine) as session:
        create_melding(session, new, None)
    engine.dispose()
    assert "parameters hidden" in str(failure.value)
    assert "Piet" not in str(failure.value) and "voorbeeld" not in str(failure.value)
