"""The bar charts of /inzicht as plain geometry, for server-rendered SVG (`templates/insight.html`).

A count shown as "minder dan 10" is never drawn as an exact bar: it gets a hatched marker over the
band from 0 to 10 on the scale, the same for 0 as for 9, labelled "< 10". The scale's top is a round
number of at least 10. Every chart also gets a text alternative (its `desc`) with all its numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from bot.store.insight import MIN_SHOWN, Shown

SUPPRESSED_LABEL = "< 10"
# Longer labels are shortened in the chart (the table and the chart's description have them whole).
MAX_LABEL_CHARS = 60


def short_label(label: str, limit: int = MAX_LABEL_CHARS) -> str:
    """The label, cut at a word boundary with "…" when it is longer than `limit` characters."""
    if len(label) <= limit:
        return label
    return label[: limit - 1].rsplit(" ", 1)[0].rstrip(",:;") + "…"


@dataclass(frozen=True)
class Bar:
    """One bar: where it is drawn, what it says, and whether it is the hatched "< 10" marker."""

    x: float
    y: float
    width: float
    height: float
    label: str  # the category or week, under or beside the bar
    label_x: float
    label_y: float
    value_text: str  # the number, or "< 10"
    value_x: float
    value_y: float
    suppressed: bool


@dataclass(frozen=True)
class Tick:
    """A line across the chart with its value."""

    x1: float
    y1: float
    x2: float
    y2: float
    text: str
    text_x: float
    text_y: float


@dataclass(frozen=True)
class Chart:
    """A bar chart: its size, bars and ticks, and its title and description for screen readers."""

    id: str
    title: str
    desc: str
    width: int
    height: int
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    axis: tuple[float, float, float, float]  # the base line: x1, y1, x2, y2
    x_title: str = ""  # under the bars of a column chart


def scale_top(values: Sequence[Shown]) -> int:
    """A round top for the scale: at least 10, above the largest exact count."""
    largest = max([MIN_SHOWN, *(value.exact for value in values if value.exact is not None)])
    step = 10 ** max(1, int(math.log10(largest)))
    for factor in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        top = int(step * factor)
        if top >= largest:
            return top
    return largest  # not reached: 10 * step is always larger


def _ticks(top: int) -> list[int]:
    """0 and a few round values up to the top: the smallest round step with at most 4 (else 5) intervals."""
    steps = [base * 10**power for power in range(7) for base in (1, 2, 2.5, 5)]
    for most in (4, 5):
        for step in steps:
            if step == int(step) and top % int(step) == 0 and 2 <= top / step <= most:
                return list(range(0, top + 1, int(step)))
    return [0, top]


def _describe(title: str, entries: Sequence[tuple[str, Shown]]) -> str:
    parts = [f"{label}: {value.text}" for label, value in entries]
    return f"{title}. " + "; ".join(parts) + "."


def column_chart(
    chart_id: str,
    title: str,
    entries: Sequence[tuple[str, Shown]],
    short_labels: Sequence[str] = (),
    x_title: str = "",
) -> Chart:
    """Vertical bars, one per entry (the weeks, oldest first), labelled underneath (short labels if given)."""
    width, height = 720, 290
    left, right, top_margin, bottom = 56, 16, 24, 58
    plot_w, plot_h = width - left - right, height - top_margin - bottom
    top = scale_top([value for _, value in entries])
    base = top_margin + plot_h
    slot = plot_w / max(1, len(entries))
    bar_w = slot * 0.6
    bars = []
    for index, (label, value) in enumerate(entries):
        amount = value.exact if value.exact is not None else MIN_SHOWN
        bar_h = plot_h * amount / top
        x = left + slot * index + (slot - bar_w) / 2
        bars.append(
            Bar(
                x=round(x, 1),
                y=round(base - bar_h, 1),
                width=round(bar_w, 1),
                height=round(bar_h, 1),
                label=short_labels[index] if short_labels else label,
                label_x=round(x + bar_w / 2, 1),
                label_y=base + 20,
                value_text=value.text if value.exact is not None else SUPPRESSED_LABEL,
                value_x=round(x + bar_w / 2, 1),
                value_y=round(base - bar_h - 6, 1),
                suppressed=value.exact is None,
            )
        )
    ticks = [
        Tick(
            left,
            round(base - plot_h * v / top, 1),
            width - right,
            round(base - plot_h * v / top, 1),
            str(v),
            left - 8,
            round(base - plot_h * v / top + 4, 1),
        )
        for v in _ticks(top)
    ]
    return Chart(
        chart_id,
        title,
        _describe(title, entries),
        width,
        height,
        tuple(bars),
        tuple(ticks),
        (left, base, width - right, base),
        x_title,
    )


def bar_chart(chart_id: str, title: str, entries: Sequence[tuple[str, Shown]]) -> Chart:
    """Horizontal bars, one per entry in the given order, with the label on the left."""
    label_w, bar_area, value_w, row_h, top_margin = 440, 240, 100, 28, 28
    width = label_w + bar_area + value_w
    height = top_margin + row_h * max(1, len(entries)) + 8
    top = scale_top([value for _, value in entries])
    bars = []
    for index, (label, value) in enumerate(entries):
        amount = value.exact if value.exact is not None else MIN_SHOWN
        bar_len = bar_area * amount / top
        y = top_margin + row_h * index + 6
        bars.append(
            Bar(
                x=label_w,
                y=y,
                width=round(bar_len, 1),
                height=row_h - 12,
                label=short_label(label),
                label_x=label_w - 8,
                label_y=y + row_h / 2 - 2,
                value_text=value.text if value.exact is not None else SUPPRESSED_LABEL,
                value_x=round(label_w + bar_len + 6, 1),
                value_y=y + row_h / 2 - 2,
                suppressed=value.exact is None,
            )
        )
    bottom = top_margin + row_h * max(1, len(entries))
    ticks = [
        Tick(
            round(label_w + bar_area * v / top, 1),
            top_margin - 4,
            round(label_w + bar_area * v / top, 1),
            bottom,
            str(v),
            round(label_w + bar_area * v / top, 1),
            top_margin - 10,
        )
        for v in _ticks(top)
    ]
    return Chart(
        chart_id,
        title,
        _describe(title, entries),
        width,
        height,
        tuple(bars),
        tuple(ticks),
        (label_w, top_margin - 4, label_w, bottom),
    )
