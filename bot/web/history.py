"""The conversation so far, from the events of a Rasa tracker, as the widget shows it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.web.protocol import HistoryMessage, clean_buttons

# A reload shows at most this many messages (the newest); older ones stay in the tracker store.
MAX_HISTORY_MESSAGES = 200


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def history_messages(
    events: Iterable[dict[str, Any]], limit: int = MAX_HISTORY_MESSAGES
) -> list[HistoryMessage]:
    """Convert tracker events into `{"from": "visitor" | "assistant" | "volunteer", "text", "buttons"}`.

    A volunteer's message is a bot event with `metadata.from == "volunteer"` (see `bot.web.console_relay`).

    A visitor message that is exactly the payload of a button the assistant offered since the
    visitor's previous message is shown with that button's title, as the visitor saw it.
    """
    messages: list[HistoryMessage] = []
    offered: dict[str, str] = {}
    for event in events:
        if not isinstance(event, dict):
            continue
        kind = event.get("event")
        if kind == "bot":
            data = _mapping(event.get("data"))
            buttons = clean_buttons(data.get("buttons"))
            for button in buttons:
                offered.setdefault(button["payload"], button["title"])
            text = event.get("text")
            if not isinstance(text, str) and not buttons:
                continue
            metadata = _mapping(event.get("metadata"))
            message: HistoryMessage = {
                "from": "volunteer" if metadata.get("from") == "volunteer" else "assistant",
                "text": text if isinstance(text, str) else None,
                "buttons": buttons,
            }
            if data.get("custom") is not None:
                message["custom"] = data["custom"]
            messages.append(message)
        elif kind == "user":
            text = event.get("text")
            if not isinstance(text, str):
                continue
            messages.append({"from": "visitor", "text": offered.get(text, text), "buttons": []})
            offered = {}
    return messages[-limit:] if limit else messages
