"""A simple network map: who the person sees in four circles, and how close, without any name.

The person answers one question per circle (family, friends, neighbourhood, club / work / church or
mosque) with "niemand", "een paar, niet dichtbij" or "iemand dichtbij". Only these codes are kept.
The map gives a hint of the kind of loneliness (nobody close anywhere: a close bond is missed; people in
at most one circle: people around are missed), which the person is asked about, never told.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

from bot.conversation.cards import (
    ACCENT,
    INK,
    LINE,
    MUTED,
    Card,
    svg_document,
    svg_text,
)
from bot.text import normalise

Circle = Literal["family", "friends", "neighbourhood", "club"]
Closeness = Literal["none", "few", "close", "skipped"]
KindHint = Literal["social", "emotional"]

CIRCLES: tuple[Circle, ...] = get_args(Circle)
# The form's slot for each circle, in the order they are asked.
CIRCLE_SLOTS: dict[Circle, str] = {circle: f"network_{circle}" for circle in CIRCLES}
CIRCLE_LABELS: dict[Circle, str] = {
    "family": "Familie",
    "friends": "Vrienden",
    "neighbourhood": "Buurt",
    "club": "Club, school, werk, kerk of moskee",
}
CLOSENESS_LABELS: dict[Closeness, str] = {
    "none": "niemand",
    "few": "een paar, niet dichtbij",
    "close": "iemand dichtbij",
    "skipped": "niet ingevuld",
}

_SKIPPED = re.compile(
    r"\b(sla (maar )?over|overslaan|weet (ik )?(het )?niet|geen idee|liever niet|zeg ik liever niet|"
    r"wil ik niet zeggen|volgende)\b"
)
_FEW = re.compile(
    r"\b(niet (echt |zo |heel |erg )?(dichtbij|hecht|close)|een paar|paar mensen|wat mensen|af en toe|"
    r"soms|weinig|oppervlakkig|kennissen|een beetje|niet zo vaak|niet vaak|niet veel|een of twee|"
    r"1 of 2|wel wat|enkele)\b"
)
_CLOSE = re.compile(
    r"\b(dichtbij|dicht bij|hecht|close|goed contact|veel contact|elke (dag|week)|vertrouw\w*|"
    r"alles (vertellen|kwijt)|beste (vriend|vriendin)|heel goed|altijd terecht|kan ik terecht)\b"
)
_NONE = re.compile(r"\b(niemand|geen|nee|nooit|helemaal niet|niet echt|niet|0|nul|leeg)\b")


def read_closeness(text: str) -> Closeness | None:
    """The closeness a typed answer or button means, or None when it is not clear.

    A clear "niet dichtbij" beats "dichtbij", and "dichtbij" beats a bare "niet".
    """
    cleaned = normalise(text)
    if not cleaned:
        return None
    if _SKIPPED.search(cleaned):
        return "skipped"
    if _FEW.search(cleaned):
        return "few"
    if _CLOSE.search(cleaned):
        return "close"
    if _NONE.search(cleaned):
        return "none"
    return None


@dataclass(frozen=True)
class NetworkMap:
    """The answers per circle; circles not asked yet are missing."""

    circles: Mapping[Circle, Closeness]

    @classmethod
    def from_slot(cls, value: Any) -> NetworkMap | None:
        """Read the `network_map` slot back (unknown keys and values are ignored)."""
        if not isinstance(value, Mapping):
            return None
        known = set(get_args(Closeness))
        circles = {circle: value[circle] for circle in CIRCLES if value.get(circle) in known}
        return cls(circles) if circles else None

    def closeness(self, circle: Circle) -> Closeness:
        """How close the people in this circle are ("skipped" when not answered)."""
        return self.circles.get(circle, "skipped")

    @property
    def answered(self) -> list[Circle]:
        """The circles the person answered (not skipped)."""
        return [circle for circle in CIRCLES if self.closeness(circle) != "skipped"]

    @property
    def seen(self) -> list[Circle]:
        """The circles with anyone in them."""
        return [circle for circle in CIRCLES if self.closeness(circle) in ("few", "close")]

    @property
    def close(self) -> list[Circle]:
        """The circles with someone close."""
        return [circle for circle in CIRCLES if self.closeness(circle) == "close"]

    @property
    def empty(self) -> list[Circle]:
        """The circles with nobody in them."""
        return [circle for circle in CIRCLES if self.closeness(circle) == "none"]

    def kind_hint(self) -> KindHint | None:
        """A guess of what is missed most, to ask about; None when the map says too little.

        Nobody close anywhere: a close bond (emotional). Someone close, but people in at most one
        circle: people around (social). Otherwise the map gives no hint.
        """
        if len(self.answered) < 2:
            return None
        if not self.close:
            return "emotional"
        if len(self.seen) <= 1:
            return "social"
        return None

    def shape(self) -> Literal["nobody_close", "few_circles", "spread", "too_little"]:
        """Which reflection fits the map (the responses `utter_network_map_<shape>`)."""
        hint = self.kind_hint()
        if len(self.answered) < 2:
            return "too_little"
        if hint == "emotional":
            return "nobody_close"
        if hint == "social":
            return "few_circles"
        return "spread"

    def as_slot(self) -> dict[str, str | None]:
        """The value of the `network_map` slot: one code per circle and the kind hint."""
        return {**{circle: self.closeness(circle) for circle in CIRCLES}, "kind_hint": self.kind_hint()}

    def text_lines(self) -> list[str]:
        """The map as text, one line per circle (the text alternative)."""
        return [f"{CIRCLE_LABELS[circle]}: {CLOSENESS_LABELS[self.closeness(circle)]}" for circle in CIRCLES]

    def summary_labels(self) -> list[str]:
        """Short labels for the handover summary, leaving out circles that were skipped."""
        return [
            f"{CIRCLE_LABELS[circle].lower()}: {CLOSENESS_LABELS[self.closeness(circle)]}"
            for circle in self.answered
        ]


def network_labels(slot_value: Any) -> list[str]:
    """The `network_map` slot as labels for the handover summary; empty without a map."""
    network = NetworkMap.from_slot(slot_value)
    return network.summary_labels() if network else []


def circle_names(circles: list[Circle]) -> str:
    """Circles in running Dutch: "familie", "familie en buurt", "familie, vrienden en buurt"."""
    names = [CIRCLE_LABELS[circle].lower() for circle in circles]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]


# ---- the picture ------------------------------------------------------------------------------

WIDTH, CENTRE, RADIUS = 460, 230, 170
CLOSE_RING, FEW_RING, SELF_RADIUS = 55, 110, 30
# Direction of each circle's quarter from the centre (x right, y down).
DIRECTIONS: dict[Circle, tuple[int, int]] = {
    "family": (-1, -1),
    "friends": (1, -1),
    "neighbourhood": (1, 1),
    "club": (-1, 1),
}
MAP_TITLE = "Mijn netwerk"


def _point(circle: Circle, distance: float, turn: float = 0.0) -> tuple[float, float]:
    dx, dy = DIRECTIONS[circle]
    angle = math.atan2(dy, dx) + turn
    return CENTRE + distance * math.cos(angle), CENTRE + distance * math.sin(angle)


def _circle_marks(circle: Circle, closeness: Closeness) -> list[str]:
    if closeness == "close":
        x, y = _point(circle, CLOSE_RING - 12)
        return [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="11" fill="{ACCENT}"/>']
    if closeness == "few":
        marks = []
        for turn in (-0.3, 0.0, 0.3):
            x, y = _point(circle, FEW_RING - 22, turn)
            marks.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="8" fill="#ffffff" stroke="{ACCENT}" stroke-width="3"/>'
            )
        return marks
    if closeness == "skipped":
        x, y = _point(circle, FEW_RING - 22)
        return [svg_text(x, y + 6, "?", size=18, weight="bold", fill=MUTED, anchor="middle")]
    return []


def _corner_label(circle: Circle, closeness: Closeness) -> list[str]:
    dx, dy = DIRECTIONS[circle]
    x, anchor = (12, "start") if dx < 0 else (WIDTH - 12, "end")
    y = 24 if dy < 0 else WIDTH - 38
    return [
        svg_text(x, y, CIRCLE_LABELS[circle], size=15, weight="bold", anchor=anchor),
        svg_text(x, y + 20, CLOSENESS_LABELS[closeness], size=14, fill=MUTED, anchor=anchor),
    ]


def network_svg(network: NetworkMap) -> str:
    """The map as an accessible SVG: four quarters around "Jij", dots for the people, a legend."""
    height = WIDTH + 70
    body = [
        f'<circle cx="{CENTRE}" cy="{CENTRE}" r="{RADIUS}" fill="#f5f7fa" stroke="{LINE}" stroke-width="2"/>',
        *(
            f'<circle cx="{CENTRE}" cy="{CENTRE}" r="{ring}" fill="none" stroke="{LINE}" '
            'stroke-dasharray="6 5"/>'
            for ring in (FEW_RING, CLOSE_RING)
        ),
        f'<line x1="{CENTRE - RADIUS}" y1="{CENTRE}" x2="{CENTRE + RADIUS}" y2="{CENTRE}" stroke="{LINE}"/>',
        f'<line x1="{CENTRE}" y1="{CENTRE - RADIUS}" x2="{CENTRE}" y2="{CENTRE + RADIUS}" stroke="{LINE}"/>',
    ]
    for circle in CIRCLES:
        body += _circle_marks(circle, network.closeness(circle))
        body += _corner_label(circle, network.closeness(circle))
    body += [
        f'<circle cx="{CENTRE}" cy="{CENTRE}" r="{SELF_RADIUS}" fill="{INK}"/>',
        svg_text(CENTRE, CENTRE + 6, "Jij", size=16, weight="bold", fill="#ffffff", anchor="middle"),
        f'<circle cx="22" cy="{WIDTH + 18}" r="9" fill="{ACCENT}"/>',
        svg_text(40, WIDTH + 23, "iemand dichtbij", size=14),
        f'<circle cx="200" cy="{WIDTH + 18}" r="7" fill="#ffffff" stroke="{ACCENT}" stroke-width="3"/>',
        svg_text(216, WIDTH + 23, "een paar, niet dichtbij", size=14),
        svg_text(12, WIDTH + 52, "Hoe dichter bij het midden, hoe dichterbij.", size=14, fill=MUTED),
    ]
    description = "Vier kringen rond jou. " + " ".join(f"{line}." for line in network.text_lines())
    return svg_document(MAP_TITLE, description, WIDTH, height, body, name="netwerk")


def network_card(network: NetworkMap) -> Card:
    """The network map as a card for the widget: the picture and its text alternative, no names."""
    return Card(
        kind="network_map",
        title=MAP_TITLE,
        svg=network_svg(network),
        text="\n".join([MAP_TITLE, *network.text_lines()]),
        filename="mijn-netwerk.svg",
    )
