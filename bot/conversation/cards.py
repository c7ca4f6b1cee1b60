"""Cards the widget shows as a picture the person can keep: the agreed custom payload and safe SVG.

A card travels as Rasa's custom payload `{"card": Card}`; the widget renders `svg` as an image (a data
URL in an `<img>`, so nothing in it can run), shows `text` as the text alternative and offers to save
or print it. Every card is built from labels the assistant chose, never from what the person typed.
"""

from __future__ import annotations

import textwrap
from typing import Literal, TypedDict
from xml.sax.saxutils import escape, quoteattr

CardKind = Literal["network_map", "plan", "practice_score"]

# Colours with a contrast of at least 4.5:1 on white (WCAG AA for text).
INK = "#1f2933"
MUTED = "#52606d"
ACCENT = "#0b6e4f"
LINE = "#9aa5b1"
FONT = "font-family=\"Verdana, Arial, sans-serif\""


class Card(TypedDict):
    """One card as the widget receives it (the custom payload's `card`)."""

    kind: CardKind  # which card: the network map, the plan, or a practice score
    title: str  # short Dutch title; the image's alt text
    svg: str  # a complete, self-contained SVG document (role="img", <title>, <desc>)
    text: str  # the text alternative, lines separated by "\n"
    filename: str  # the name to save the SVG under, e.g. "mijn-netwerk.svg"


class CardPayload(TypedDict):
    """Rasa's custom payload that carries a card."""

    card: Card


def card_payload(card: Card) -> CardPayload:
    """The custom payload (`json_message`) that carries this card to the widget."""
    return {"card": card}


def svg_text(x: float, y: float, text: str, size: int = 14, weight: str = "normal", fill: str = INK,
             anchor: str = "start") -> str:
    """One `<text>` element, with the text escaped."""
    return (
        f'<text x="{x:g}" y="{y:g}" {FONT} font-size="{size}" font-weight="{weight}" fill="{fill}" '
        f'text-anchor="{anchor}">{escape(text)}</text>'
    )


def wrap(text: str, width: int) -> list[str]:
    """Cut a label into lines of at most `width` characters, at spaces."""
    return textwrap.wrap(text, width=width, break_long_words=True) or [""]


def svg_document(title: str, description: str, width: int, height: int, body: list[str],
                 name: str) -> str:
    """A self-contained SVG with role="img", a <title> and a <desc> that it is labelled by."""
    title_id, desc_id = f"{name}-title", f"{name}-desc"
    labelled = quoteattr(f"{title_id} {desc_id}")
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-labelledby={labelled} lang="nl">',
            f'<title id="{title_id}">{escape(title)}</title>',
            f'<desc id="{desc_id}">{escape(description)}</desc>',
            f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
            *body,
            "</svg>",
        ]
    )
