"""The practice score card as a picture: an accessible SVG with a text alternative.

Sent as the agreed custom payload `{"card": {"kind": "practice_score", ...}}` (`bot.conversation.cards`).
Only the assistant's own labels and numbers go into it, never what the trainee typed.
"""

from __future__ import annotations

from bot.conversation.cards import (
    ACCENT,
    INK,
    LINE,
    MUTED,
    Card,
    svg_document,
    svg_text,
)
from bot.practice.feedback import MAX_POINTS, Feedback

WIDTH = 620
ROW = 34
TOP = 96
BAR_X = 300
BAR_WIDTH = 180
WORDS_X = BAR_X + BAR_WIDTH + 12
FILENAME = "oefengesprek.svg"


def score_title(feedback: Feedback) -> str:
    """The card's title (also the image's alt text)."""
    return f"Oefengesprek met {feedback.persona}: {feedback.overall} van de 10"


def score_text(feedback: Feedback) -> str:
    """The text alternative: one line per fact, separated by newlines."""
    lines = [score_title(feedback), f"Weerstand van de oefenpersoon: {feedback.resistance}"]
    lines += [f"{phase.title}: {phase.words}" for phase in feedback.phases]
    lines.append(
        f"Open vragen: {feedback.open_questions}; gesloten vragen: {feedback.closed_questions}; "
        f"teruggeven of samenvatten: {feedback.reflections}; advies voor vertrouwen: "
        f"{feedback.advice_before_trust}"
    )
    if feedback.asked_suicide:
        lines.append("Direct gevraagd naar gedachten aan zelfmoord: goed gedaan")
    return "\n".join(lines)


def _bar(y: float, points: int) -> list[str]:
    filled = BAR_WIDTH * points / MAX_POINTS
    parts = [f'<rect x="{BAR_X}" y="{y - 14:g}" width="{BAR_WIDTH}" height="16" rx="3" fill="#ffffff" '
             f'stroke="{LINE}"/>']
    if filled:
        parts.append(
            f'<rect x="{BAR_X}" y="{y - 14:g}" width="{filled:g}" height="16" rx="3" fill="{ACCENT}"/>'
        )
    return parts


def score_svg(feedback: Feedback) -> str:
    """The score card as a self-contained SVG document."""
    height = TOP + ROW * len(feedback.phases) + (50 if feedback.asked_suicide else 30)
    body = [
        svg_text(24, 40, f"Oefengesprek met {feedback.persona}", size=20, weight="bold"),
        svg_text(WIDTH - 24, 40, f"{feedback.overall} van de 10", size=22, weight="bold", fill=ACCENT,
                 anchor="end"),
        svg_text(24, 66, f"Weerstand van de oefenpersoon: {feedback.resistance}", size=13, fill=MUTED),
    ]
    for row, phase in enumerate(feedback.phases):
        y = TOP + ROW * row
        body.append(svg_text(24, y, phase.title, size=13))
        body += _bar(y, phase.points)
        body.append(svg_text(WORDS_X, y, phase.words, size=12, fill=INK))
    y = TOP + ROW * len(feedback.phases) + 16
    body.append(
        svg_text(24, y, f"Open vragen {feedback.open_questions} · gesloten {feedback.closed_questions} · "
                 f"teruggeven {feedback.reflections} · advies voor vertrouwen {feedback.advice_before_trust}",
                 size=12, fill=MUTED)
    )
    if feedback.asked_suicide:
        body.append(svg_text(24, y + 22, "Direct gevraagd naar gedachten aan zelfmoord: goed gedaan",
                             size=12, fill=ACCENT))
    description = score_text(feedback).replace("\n", ". ")
    return svg_document(score_title(feedback), description, WIDTH, height, body, "oefenscore")


def score_card(feedback: Feedback) -> Card:
    """The card for the widget: title, SVG, text alternative and file name."""
    return Card(
        kind="practice_score",
        title=score_title(feedback),
        svg=score_svg(feedback),
        text=score_text(feedback),
        filename=FILENAME,
    )
