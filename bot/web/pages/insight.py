"""/inzicht: the anonymous picture for lokaal samenwerken: SVG charts with tables, and a CSV.

A wijkteam account sees its own municipality only (whatever the URL asks); an admin chooses one
municipality or all together. Counts come from `bot.store.insight`, which never hands out a count
under 10 as a number: the page and the CSV say "minder dan 10", and the charts draw a hatched marker
instead of a bar. There are no totals over weeks or values, so no hidden count can be worked out by
subtraction. Rendered on the server, without scripts.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from aiohttp import web

from bot.insight.categories import VALUE_KINDS, WEEKLY_KINDS, municipality_value, value_labels
from bot.store.accounts import Account, audit
from bot.store.db import default_engine, session_scope
from bot.store.insight import (
    UNKNOWN_MUNICIPALITY,
    Shown,
    counted_municipalities,
    municipality_name,
    shown_count,
    week_counts,
)
from bot.web.insight_charts import Chart, bar_chart, column_chart
from bot.web.rendering import DUTCH_TIME, MONTHS, render_page
from bot.web.sessions import require

INSIGHT_ROLES = ("wijkteam", "admin")
WEEKS_SHOWN = 12
ALL = "alle"
NO_MUNICIPALITY = (
    "Je account hoort nog niet bij een gemeente. Daarom zie je hier geen cijfers. "
    "Vraag de beheerder om je gemeente in te stellen."
)


@dataclass(frozen=True)
class Week:
    """One ISO week as the page names it."""

    id: str  # "2026-W49"
    number: int
    label: str  # "week 49"
    period: str  # "30 november – 6 december 2026"


@dataclass(frozen=True)
class WeekRow:
    """One row of the weekly table: a week and its counts, in the order of WEEKLY_KINDS."""

    week: Week
    cells: tuple[Shown, ...]


@dataclass(frozen=True)
class ValueSection:
    """One kind with values (types, causes, steps) in the chosen week: its chart and its table rows."""

    kind: str
    title: str
    chart: Chart
    rows: tuple[tuple[str, Shown], ...]


def _day(date: dt.date, with_year: bool) -> str:
    return f"{date.day} {MONTHS[date.month - 1]}" + (f" {date.year}" if with_year else "")


def week_of(date: dt.date) -> Week:
    """The ISO week a date is in."""
    year, number, _ = date.isocalendar()
    monday = dt.date.fromisocalendar(year, number, 1)
    sunday = monday + dt.timedelta(days=6)
    period = f"{_day(monday, monday.year != sunday.year)} – {_day(sunday, True)}"
    return Week(f"{year}-W{number:02d}", number, f"week {number}", period)


def recent_weeks(today: dt.date, count: int = WEEKS_SHOWN) -> list[Week]:
    """The last `count` ISO weeks up to and including this one, oldest first."""
    return [week_of(today - dt.timedelta(weeks=back)) for back in range(count - 1, -1, -1)]


def _today() -> dt.date:
    return dt.datetime.now(DUTCH_TIME).date()


def _scope(request: web.Request, account: Account) -> str | None:
    """The municipality to show: a wijkteam's own (None without one); an admin's choice (ALL by default)."""
    if account.role != "admin":
        return account.municipality_code
    asked = request.query.get("gemeente", "")
    return asked if asked == UNKNOWN_MUNICIPALITY or municipality_value(asked) else ALL


def _collect(
    request: web.Request, account: Account
) -> tuple[str | None, str, list[Week], dict[tuple[str, str, str], Shown], list[tuple[str, str]]]:
    """The scope, its name, the weeks, their counts and (for admins) the municipalities to choose from."""
    scope = _scope(request, account)
    weeks = recent_weeks(_today())
    with session_scope(default_engine()) as session:
        choices = counted_municipalities(session) if account.role == "admin" else []
        if scope is None:
            counts: dict[tuple[str, str, str], Shown] = {}
            name = "geen gemeente"
        else:
            counts = week_counts(session, None if scope == ALL else scope, [week.id for week in weeks])
            name = "alle gemeenten samen" if scope == ALL else municipality_name(session, scope)
        audit(session, account.username, "inzicht.opened", scope or "geen")
    return scope, name, weeks, counts, choices


async def insight_page(request: web.Request) -> web.Response:
    """The counts of the last twelve weeks, and the kinds, causes and steps of one chosen week."""
    account, csrf = require(request, INSIGHT_ROLES)
    scope, name, weeks, counts, choices = _collect(request, account)
    week_ids = [week.id for week in weeks]
    chosen = request.query.get("week", "")
    chosen_week = weeks[week_ids.index(chosen)] if chosen in week_ids else weeks[-2]  # the last whole week
    rows = [
        WeekRow(week, tuple(shown_count(counts, week.id, kind) for kind in WEEKLY_KINDS)) for week in weeks
    ]
    conversations = column_chart(
        "chart-conversations",
        f"Gesprekken per week, {name}",
        [(week.label, row.cells[0]) for week, row in zip(weeks, rows, strict=True)],
        short_labels=[str(week.number) for week in weeks],
        x_title="weeknummer",
    )
    sections = []
    for kind, title in VALUE_KINDS.items():
        entries = tuple(
            (label, shown_count(counts, chosen_week.id, kind, value))
            for value, label in value_labels(kind).items()
        )
        chart = bar_chart(f"chart-{kind}", f"{title}, {chosen_week.label}", entries)
        sections.append(ValueSection(kind, title, chart, entries))
    context = {
        "account": account,
        "csrf": csrf,
        "scope": scope,
        "scope_name": name,
        "choices": choices,
        "all": ALL,
        "weeks": weeks,
        "chosen_week": chosen_week,
        "weekly_kinds": list(WEEKLY_KINDS.values()),
        "rows": rows,
        "conversations": conversations,
        "sections": sections,
        "csv_query": f"gemeente={scope}" if account.role == "admin" and scope else "",
        "notice": NO_MUNICIPALITY if scope is None else "",
    }
    return render_page("insight.html", request, context)


def insight_csv_text(scope_name: str, weeks: list[Week], counts: dict[tuple[str, str, str], Shown]) -> str:
    """The counts as CSV (semicolons, for Dutch spreadsheets): one row per week, subject and value."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["gemeente", "week", "van", "tot en met", "onderwerp", "waarde", "aantal"])
    for week in weeks:
        monday = dt.date.fromisocalendar(int(week.id[:4]), week.number, 1)
        first, last = monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
        for kind, title in WEEKLY_KINDS.items():
            writer.writerow(
                [scope_name, week.id, first, last, title, "", shown_count(counts, week.id, kind).text]
            )
        for kind, title in VALUE_KINDS.items():
            for value, label in value_labels(kind).items():
                count = shown_count(counts, week.id, kind, value).text
                writer.writerow([scope_name, week.id, first, last, title, label, count])
    return out.getvalue()


async def insight_csv(request: web.Request) -> web.Response:
    """The same counts as the page, for all twelve weeks, as a CSV download."""
    account, _csrf = require(request, INSIGHT_ROLES)
    scope, name, weeks, counts, _choices = _collect(request, account)
    if scope is None:
        raise web.HTTPNotFound(text=NO_MUNICIPALITY)
    filename = f"inzicht-{'alle-gemeenten' if scope == ALL else scope}-{weeks[-1].id}.csv"
    response = web.Response(
        body=("\ufeff" + insight_csv_text(name, weeks, counts)).encode("utf-8"),  # the BOM: Excel reads UTF-8
        content_type="text/csv",
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )
    return response
