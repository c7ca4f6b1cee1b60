"""The JSON frames between the widget and the gateway, and the Dutch texts of the error frames.

See the package docstring (`bot/web/__init__.py`) for the whole protocol.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from typing import Any

from bot.web.limits import MAX_TEXT_CHARS

VISITOR_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")

TOO_LONG = "too_long"
RATE_LIMITED = "rate_limited"
BAD_FRAME = "bad_frame"
UNAVAILABLE = "unavailable"

ERROR_TEXTS = {
    TOO_LONG: (
        f"Je bericht is te lang. Een bericht mag hoogstens {MAX_TEXT_CHARS} tekens hebben. "
        "Je tekst staat er nog. Maak hem wat korter, of stuur hem in twee delen."
    ),
    RATE_LIMITED: (
        "Je stuurt veel berichten vlak na elkaar. Wacht een paar seconden, dan kun je verder. "
        "Je tekst staat er nog."
    ),
    BAD_FRAME: "Dit bericht kwam niet goed aan. Probeer het nog een keer.",
    UNAVAILABLE: (
        "De assistent is even niet bereikbaar. Probeer het over een paar minuten nog eens. "
        "Denk je aan zelfdoding? Bel dan 113 of gratis 0800-0113. "
        "Ben je in direct gevaar? Bel 112."
    ),
}


# While a volunteer has the conversation, Rasa is paused; the gateway itself answers acute risk
# (checked with the same rules as every other message, `bot.safety.crisis`).
CRISIS_DURING_HANDOVER = (
    "Ik lees dat het nu heel zwaar voor je is. Denk je aan zelfdoding? Bel 113 of gratis 0800-0113, "
    "of chat via 113.nl. Ben je in direct gevaar? Bel 112. De vrijwilliger leest je bericht ook."
)


class FrameError(ValueError):
    """A client frame the gateway refuses; `code` is the error frame's code."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Hello:
    """The first frame: who is this visitor (None for someone new)."""

    visitor: str | None


@dataclass(frozen=True)
class Message:
    """Something the visitor typed."""

    text: str


@dataclass(frozen=True)
class Button:
    """A quick-reply button the visitor clicked: the title they saw and the payload to relay."""

    title: str
    payload: str


@dataclass(frozen=True)
class Typing:
    """The visitor is typing (or stopped); passed on only to a volunteer in a live handover."""

    typing: bool


ClientFrame = Hello | Message | Button | Typing


def new_visitor_id() -> str:
    """A random, anonymous visitor id (24 URL-safe characters)."""
    return secrets.token_urlsafe(18)


def valid_visitor_id(value: object) -> bool:
    """Tell whether a visitor id from a browser has the shape the gateway hands out."""
    return isinstance(value, str) and VISITOR_ID.match(value) is not None


def parse_client_frame(raw: str) -> ClientFrame:
    """Decode one frame from the widget, or raise `FrameError`."""
    try:
        data = json.loads(raw)
    except ValueError:
        raise FrameError(BAD_FRAME) from None
    if not isinstance(data, dict):
        raise FrameError(BAD_FRAME)
    kind = data.get("type")
    if kind == "hello":
        visitor = data.get("visitor")
        return Hello(visitor if valid_visitor_id(visitor) else None)
    if kind == "message":
        text = data.get("text")
        if not isinstance(text, str) or not text.strip():
            raise FrameError(BAD_FRAME)
        if len(text) > MAX_TEXT_CHARS:
            raise FrameError(TOO_LONG)
        return Message(text)
    if kind == "button":
        title, payload = data.get("title"), data.get("payload")
        if not isinstance(payload, str) or not payload.strip() or len(payload) > MAX_TEXT_CHARS:
            raise FrameError(BAD_FRAME)
        if not isinstance(title, str) or len(title) > MAX_TEXT_CHARS:
            title = payload
        return Button(title=title or payload, payload=payload)
    if kind == "typing":
        return Typing(data.get("typing") is True)
    raise FrameError(BAD_FRAME)


def clean_buttons(buttons: object) -> list[dict[str, str]]:
    """Keep only well-formed buttons, as `{"title", "payload"}`."""
    cleaned: list[dict[str, str]] = []
    if isinstance(buttons, list):
        for button in buttons:
            if isinstance(button, dict) and isinstance(button.get("payload"), str):
                payload = button["payload"]
                title = button.get("title")
                cleaned.append({"title": title if isinstance(title, str) else payload, "payload": payload})
    return cleaned


def bot_frame(reply: dict[str, Any]) -> dict[str, Any]:
    """Turn one message of Rasa's REST answer into a `bot` frame."""
    text = reply.get("text")
    return {
        "type": "bot",
        "text": text if isinstance(text, str) else None,
        "buttons": clean_buttons(reply.get("buttons")),
        "custom": reply.get("custom"),
    }


def error_frame(code: str) -> dict[str, str]:
    """An error frame with its kind Dutch text."""
    return {"type": "error", "code": code, "text": ERROR_TEXTS[code]}
