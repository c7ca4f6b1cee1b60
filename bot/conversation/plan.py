"""A plan with who and when: the chosen step, a moment, who can come along or help, what may get in the way.

Every answer is kept as a label from fixed words ("zaterdag, in de ochtend", "een buur"), never as the
person's own text, so the plan, its card and the look-back hold no names. "Weet ik nog niet" is always
a fine answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from bot.conversation.cards import ACCENT, INK, LINE, MUTED, Card, svg_document, svg_text, wrap
from bot.conversation.network_map import NetworkMap
from bot.text import normalise

Companion = Literal["alone", "family", "friend", "neighbour", "volunteer", "professional", "other", "unsure"]
Obstacle = Literal["nerves", "transport", "money", "health", "energy", "time", "other", "nothing", "unsure"]

WHEN_UNSURE = "nog niet vastgelegd"
COMPANION_LABELS: dict[Companion, str] = {
    "alone": "alleen",
    "family": "iemand uit de familie",
    "friend": "een vriend of vriendin",
    "neighbour": "een buur",
    "volunteer": "een vrijwilliger",
    "professional": "iemand van het wijkteam of de huisarts",
    "other": "iemand anders",
    "unsure": "nog niet bekend",
}
OBSTACLE_LABELS: dict[Obstacle, str] = {
    "nerves": "het is spannend",
    "transport": "er komen (vervoer of lopen)",
    "money": "geld",
    "health": "mijn gezondheid",
    "energy": "geen zin of energie",
    "time": "geen tijd",
    "other": "iets anders",
    "nothing": "niets, denk ik",
    "unsure": "weet ik nog niet",
}
# The tip for each obstacle: a response name (the texts live in domain/steps.yml).
OBSTACLE_TIPS: dict[Obstacle, str] = {
    "nerves": "utter_plan_tip_nerves",
    "transport": "utter_plan_tip_transport",
    "money": "utter_plan_tip_money",
    "health": "utter_plan_tip_health",
    "energy": "utter_plan_tip_energy",
    "time": "utter_plan_tip_time",
    "other": "utter_plan_tip_other",
}
# The tip as it is printed on the card (short, without "je" or "u").
CARD_TIPS: dict[Obstacle, str] = {
    "nerves": "Spreek met jezelf af dat weggaan na tien minuten mag.",
    "transport": "Vraag of iemand kan brengen of halen. De gemeente helpt soms met vervoer.",
    "money": "Vraag of het gratis kan. Veel in de buurt kost niets.",
    "health": "Kies een moment waarop het meestal goed gaat. Kleiner mag ook.",
    "energy": "Het mag klein zijn. Vijf minuten is ook een stap.",
    "time": "Zet het in de agenda, net als een afspraak.",
    "other": "Bedenk vooraf wat kan helpen als het lastig wordt.",
}

DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_PARTS = {"ochtend": "in de ochtend", "morgens": "in de ochtend", "middag": "in de middag",
          "avond": "in de avond", "avonds": "in de avond"}
_WHEN_UNSURE = re.compile(r"\b(weet (ik )?(het )?(nog )?niet|geen idee|nog niet|later|ooit|misschien|nee)\b")
_WHEN_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bvandaag of morgen\b"), "vandaag of morgen"),
    (re.compile(r"\b(vandaag|vanavond|vanmiddag|vanochtend|nu meteen|straks)\b"), "vandaag"),
    (re.compile(r"\bmorgen(avond|middag|ochtend|vroeg)?\b"), "morgen"),
    (re.compile(r"\bovermorgen\b"), "overmorgen"),
    (re.compile(r"\b(deze week|binnenkort|snel|een dezer dagen|over een paar dagen)\b"), "deze week"),
    (re.compile(r"\b(volgende week|komende week|over een week)\b"), "volgende week"),
    (re.compile(r"\b(weekend|weekeinde)\b"), "in het weekend"),
    (re.compile(r"\b(deze maand|over (twee|2) weken|over een paar weken)\b"), "binnen een paar weken"),
)

_COMPANIONS: tuple[tuple[Companion, re.Pattern[str]], ...] = (
    ("unsure", re.compile(r"\b(weet (ik )?(het )?(nog )?niet|geen idee|nog niet bekend)\b")),
    ("volunteer", re.compile(r"\b(vrijwilliger\w*|maatje|buddy)\b")),
    ("professional", re.compile(
        r"\b(wijkteam|huisarts|dokter|begeleider|hulpverlener|ouderenadviseur|maatschappelijk werk\w*|"
        r"praktijkondersteuner|poh|mentor|coach|welzijn\w*)\b"
    )),
    ("neighbour", re.compile(
        r"\b(buur|buren|buurman|buurvrouw|overbuur\w*|buurmeisje|buurjongen|uit de buurt)\b"
    )),
    ("family", re.compile(r"\b(familie|zus\w*|broer\w*|zoon|dochter|kind\w*|moeder|vader|ma|pa|mam|pap|"
                          r"oma|opa|neef|nicht|tante|oom|kleinzoon|kleindochter|kleinkind\w*|schoon\w+|"
                          r"man|vrouw|partner|ouders)\b")),
    ("friend", re.compile(r"\b(vriend\w*|kennis\w*|collega\w*|klasgeno\w*|iemand van (de|mijn) club)\b")),
    ("alone", re.compile(r"\b(alleen|zelf|in mijn eentje|niemand|zonder iemand|dat lukt wel)\b")),
)
_OBSTACLES: tuple[tuple[Obstacle, re.Pattern[str]], ...] = (
    ("unsure", re.compile(r"\b(weet (ik )?(het )?(nog )?niet|geen idee)\b")),
    ("nerves", re.compile(r"\b(spannend|eng|bang|zenuw\w*|durf\w*|verlegen|onzeker|schaam\w*|angst\w*)\b")),
    ("transport", re.compile(r"\b(vervoer|lopen|komen|bus|auto|rijden|ver weg|te ver|rolstoel|rollator|"
                             r"scootmobiel|fiets\w*|reizen|trein)\b")),
    ("money", re.compile(r"\b(geld|duur|kosten|kost|betalen|euro)\b")),
    ("health", re.compile(r"\b(gezondheid|ziek\w*|pijn|moe|vermoeid|rug|knie|hart|gezond|lichaam)\b")),
    ("energy", re.compile(r"\b(zin|energie|puf|moed|somber|fut|luiheid|lui)\b")),
    ("time", re.compile(r"\b(tijd|druk|werk|agenda|kinderen|mantelzorg|oppas)\b")),
    ("nothing", re.compile(r"^(niets|niks|nee|geen|nope)\b|\b(niets denk ik|niks denk ik|gaat wel lukken|"
                           r"geen probleem)\b")),
)
_YES = re.compile(r"^(ja|jawel|graag|goed|prima|doe maar|is goed|oke|ok|okay|zeker|natuurlijk|fijn|top)\b|"
                  r"\b(ja graag|vraag (er )?maar|mag je vragen|dat is goed)\b")
_NO = re.compile(r"^(nee|neen|liever niet|niet|hoeft niet|nope)\b|\b(liever niet|hoeft niet|niet nodig|"
                 r"vraag (er )?maar niet)\b")


def read_when(text: str) -> str | None:
    """A moment in fixed words ("zaterdag, in de ochtend", "volgende week"), WHEN_UNSURE, or None.

    Only known words are kept: days, parts of the day and a few phrases; anything else is not
    understood (None), so that nothing the person typed ends up in the plan.
    """
    cleaned = normalise(text)
    if not cleaned:
        return None
    parts: list[str] = []
    for pattern, label in _WHEN_WORDS:
        if pattern.search(cleaned) and label not in parts:
            parts.append(label)
            if label == "vandaag of morgen":
                break
    days = [day for day in DAYS if re.search(rf"\b{day}(s|middag|ochtend|avond|morgen)?\b", cleaned)]
    if days:
        parts.append(" of ".join(f"op {day}" for day in days[:2]))
    part_of_day = next((label for word, label in _PARTS.items() if re.search(rf"{word}\b", cleaned)), None)
    if part_of_day and "vandaag" not in parts:
        parts.append(part_of_day)
    if parts:
        return ", ".join(parts)
    if _WHEN_UNSURE.search(cleaned):
        return WHEN_UNSURE
    return None


def read_companion(text: str) -> Companion | None:
    """Who can come along or help, as a code ("other" for someone not recognised); None if empty."""
    cleaned = normalise(text)
    if not cleaned:
        return None
    for code, pattern in _COMPANIONS:
        if pattern.search(cleaned):
            return code
    return "other"


def read_obstacle(text: str) -> Obstacle | None:
    """What could get in the way, as a code ("other" when not recognised); None if empty."""
    cleaned = normalise(text)
    if not cleaned:
        return None
    for code, pattern in _OBSTACLES:
        if pattern.search(cleaned):
            return code
    return "other"


def read_follow_up(text: str) -> bool | None:
    """The answer to "Zal ik je er de volgende keer naar vragen?": True, False, or None when unclear."""
    cleaned = normalise(text)
    if _NO.search(cleaned):
        return False
    if _YES.search(cleaned):
        return True
    return None


def companion_buttons(network: NetworkMap | None) -> list[dict[str, str]]:
    """The answers to "who can come along?", the circles of the person's network map with someone first."""
    order: list[Companion] = ["family", "friend", "neighbour", "volunteer", "alone", "unsure"]
    if network is not None:
        by_circle: dict[str, Companion] = {
            "family": "family",
            "friends": "friend",
            "neighbourhood": "neighbour",
        }
        seen = [by_circle[circle] for circle in network.seen if circle in by_circle]
        order = seen + [code for code in order if code not in seen]
    titles: dict[Companion, str] = {
        "family": "Iemand uit de familie",
        "friend": "Een vriend of vriendin",
        "neighbour": "Een buur",
        "volunteer": "Een vrijwilliger",
        "alone": "Ik ga alleen",
        "unsure": "Weet ik nog niet",
    }
    # The text goes as the entity "plan_answer", so that no intent can swallow the button.
    return [
        {"title": titles[code], "payload": '/plan_answer{"plan_answer": "' + titles[code].lower() + '"}'}
        for code in order
    ]


@dataclass(frozen=True)
class Plan:
    """A plan as the card and the look-back read it: labels only."""

    step: str  # the label of the chosen step or activity
    when: str | None = None  # a label from `read_when`
    companion: Companion | None = None
    obstacle: Obstacle | None = None
    follow_up: bool | None = None

    @classmethod
    def from_slots(cls, slots: Mapping[str, Any]) -> Plan | None:
        """The plan in the slots (`plan_step_label`, `plan_when`, `plan_with`, ...), or None."""
        step = slots.get("plan_step_label")
        if not isinstance(step, str) or not step:
            return None
        companion = slots.get("plan_with")
        obstacle = slots.get("plan_obstacle")
        follow_up = slots.get("plan_follow_up")
        when = slots.get("plan_when")
        return cls(
            step=step,
            when=when if isinstance(when, str) and when else None,
            companion=companion if companion in COMPANION_LABELS else None,
            obstacle=obstacle if obstacle in OBSTACLE_LABELS else None,
            follow_up=follow_up if isinstance(follow_up, bool) else None,
        )

    @property
    def when_label(self) -> str:
        """When, in words."""
        return self.when or WHEN_UNSURE

    @property
    def companion_label(self) -> str:
        """Who comes along or helps, in words."""
        return COMPANION_LABELS[self.companion or "unsure"]

    @property
    def tip(self) -> str | None:
        """The card's tip for what could get in the way, if any."""
        return CARD_TIPS.get(self.obstacle) if self.obstacle else None

    def rows(self) -> list[tuple[str, str]]:
        """The plan as (label, value) rows, for the card and its text alternative."""
        rows = [("Mijn stap", self.step), ("Wanneer", self.when_label), ("Met wie", self.companion_label)]
        if self.obstacle and self.obstacle not in ("nothing", "unsure"):
            rows.append(("Wat in de weg kan zitten", OBSTACLE_LABELS[self.obstacle]))
        if self.tip:
            rows.append(("Wat kan helpen", self.tip))
        if self.follow_up:
            rows.append(("Volgende keer", "De assistent vraagt hoe het ging."))
        return rows

    def text_lines(self) -> list[str]:
        """The text alternative: one line per row."""
        return [f"{label}: {value}" for label, value in self.rows()]


PLAN_TITLE = "Mijn kleine stap"
CARD_WIDTH = 460
WRAP_CHARS = 46


def plan_svg(plan: Plan) -> str:
    """The plan as an accessible SVG card: a heading, then one block per row."""
    body: list[str] = [svg_text(24, 40, PLAN_TITLE, size=22, weight="bold", fill=ACCENT)]
    y = 72
    for label, value in plan.rows():
        body.append(svg_text(24, y, label, size=14, weight="bold", fill=MUTED))
        y += 22
        for line in wrap(value, WRAP_CHARS):
            body.append(svg_text(24, y, line, size=16, fill=INK))
            y += 22
        y += 12
    body.append(f'<line x1="24" y1="{y - 6}" x2="{CARD_WIDTH - 24}" y2="{y - 6}" stroke="{LINE}"/>')
    body.append(svg_text(24, y + 16, "Jij kiest het tempo. Kleiner mag altijd.", size=14, fill=MUTED))
    height = y + 36
    frame = (
        f'<rect x="4" y="4" width="{CARD_WIDTH - 8}" height="{height - 8}" rx="14" fill="none" '
        f'stroke="{ACCENT}" stroke-width="3"/>'
    )
    description = " ".join(f"{line}." for line in plan.text_lines())
    return svg_document(PLAN_TITLE, description, CARD_WIDTH, height, [frame, *body], name="plan")


def plan_card(plan: Plan) -> Card:
    """The plan as a card for the widget: printable, without names or dates of the person."""
    return Card(
        kind="plan",
        title=PLAN_TITLE,
        svg=plan_svg(plan),
        text="\n".join([PLAN_TITLE, *plan.text_lines()]),
        filename="mijn-kleine-stap.svg",
    )
