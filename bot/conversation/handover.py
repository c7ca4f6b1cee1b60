"""Live handover to a volunteer: the summary shared with consent, opening hours and the waiting limit.

`HandoverSummary` is the one structure the action (which builds it), the gateway (which stores and
sends it) and the console (which shows it) share. Nothing in it names the person.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from typing import TypedDict
from zoneinfo import ZoneInfo

# Opening hours of the volunteer chat, in Dutch time; "00:00-24:00" means always.
DEFAULT_VOLUNTEER_HOURS = "09:00-21:00"
# Seconds a visitor waits for a volunteer before the assistant takes over again.
DEFAULT_WAIT_SECONDS = 120
# A volunteer console counts as online when it was seen this recently (it reports every 20 s).
ONLINE_WITHIN = dt.timedelta(seconds=60)
DUTCH_TIME = ZoneInfo("Europe/Amsterdam")

REASONS = {
    "asked": "vroeg zelf om een mens",
    "crisis": "na het crisisantwoord (113)",
    "not_understood": "de assistent begreep de persoon een paar keer niet",
}


class HandoverSummary(TypedDict):
    """What the volunteer may see first, only when the person said yes to it. Values are Dutch text."""

    reason: str
    phase: str
    loneliness_type: str | None
    scale_result: str | None
    wishes: list[str]
    chosen_step: str | None
    municipality: str | None


SUMMARY_LABELS: tuple[tuple[str, str], ...] = (
    ("reason", "Reden"),
    ("phase", "Fase"),
    ("loneliness_type", "Soort eenzaamheid"),
    ("scale_result", "Uitkomst van de vragenlijst"),
    ("wishes", "Wensen"),
    ("chosen_step", "Gekozen stap"),
    ("municipality", "Gemeente"),
)


def summary_lines(summary: HandoverSummary) -> list[tuple[str, str]]:
    """The summary as (label, value) pairs for the console, leaving out what is unknown."""
    lines = []
    for key, label in SUMMARY_LABELS:
        value = summary.get(key)  # type: ignore[misc]
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        if value:
            lines.append((label, str(value)))
    return lines


def parse_hours(spec: str) -> tuple[dt.time, dt.time | None]:
    """Parse "HH:MM-HH:MM"; an end of 24:00 is returned as None (until midnight)."""
    start_text, end_text = (part.strip() for part in spec.split("-", 1))
    start = dt.time.fromisoformat(start_text)
    end = None if end_text in ("24:00", "24") else dt.time.fromisoformat(end_text)
    return start, end


def within_hours(spec: str, moment: dt.datetime | None = None) -> bool:
    """Tell whether `moment` (default: now) falls within the opening hours, in Dutch time."""
    start, end = parse_hours(spec)
    local = (moment or dt.datetime.now(dt.timezone.utc)).astimezone(DUTCH_TIME).time()
    if end is None:
        return local >= start
    if start <= end:
        return start <= local < end
    return local >= start or local < end  # over midnight, e.g. 20:00-02:00


def volunteer_hours(env: Mapping[str, str] | None = None) -> str:
    """`VOLUNTEER_HOURS` from the environment, else the default."""
    env = os.environ if env is None else env
    return env.get("VOLUNTEER_HOURS", "").strip() or DEFAULT_VOLUNTEER_HOURS


def wait_seconds(env: Mapping[str, str] | None = None) -> float:
    """`HANDOVER_WAIT_SECONDS` from the environment, else the default."""
    env = os.environ if env is None else env
    return float(env.get("HANDOVER_WAIT_SECONDS", "").strip() or DEFAULT_WAIT_SECONDS)
