"""Set-up of the project's database: migrations, reference data and, into an empty database, example data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine

from bot.socialmap.activity_file import ActivityFileError, read_activity_file
from bot.socialmap.catalogue import CATALOGUE_DIR
from bot.store import migrate
from bot.store.activities import count_activities, upsert_activities
from bot.store.db import session_scope
from bot.store.places import resolve_exact, seed_reference_data

EXAMPLE_ACTIVITIES_FILE = CATALOGUE_DIR / "activities.example.csv"


@dataclass(frozen=True)
class SetupReport:
    """What set-up did."""

    municipalities: int
    activities: int
    examples_added: int


def prepare_database(engine: Engine, example_file: Path | None = EXAMPLE_ACTIVITIES_FILE) -> SetupReport:
    """Apply migrations, refresh reference data, and seed the example activities into an empty database."""
    migrate.upgrade(engine)
    with session_scope(engine) as session:
        municipalities = seed_reference_data(session)
    added = 0
    with session_scope(engine) as session:
        if example_file is not None and count_activities(session) == 0:
            result = read_activity_file(example_file, lambda text: resolve_exact(session, text))
            if result.errors:
                raise ActivityFileError(
                    f"{example_file.name} has bad rows: "
                    + "; ".join(str(error) for error in result.errors[:5])
                )
            added, _ = upsert_activities(session, result.rows)
        total = count_activities(session)
    return SetupReport(municipalities=municipalities, activities=total, examples_added=added)
