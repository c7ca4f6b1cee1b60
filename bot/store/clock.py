"""The one clock for stored times."""

from __future__ import annotations

import datetime as dt


def now() -> dt.datetime:
    """The current time in UTC, without tzinfo (stored the same on SQLite and PostgreSQL)."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
