"""Conversations over the REST channel: a new sender, the replies' texts and buttons, an aged conversation."""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from typing import Any

from tests.support.servers import SHORT_TRACKER_CACHE_SECONDS, RunningAssistant


def texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


def payloads(replies: list[dict[str, Any]]) -> list[str]:
    return [button["payload"] for reply in replies for button in reply.get("buttons", [])]


def new_sender() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"


def age_conversation(assistant: RunningAssistant, sender: str, seconds: int) -> None:
    """Move every stored event of this sender back in time, as if the visitor left long ago.

    Rasa keeps a conversation in memory while it is active (bot/rasa_ext/tracker_store.py), so this then
    waits until the test server has let go of it, as it would of a visitor who really left.
    """
    with sqlite3.connect(assistant.tracker_db) as db:
        rows = db.execute("SELECT id, timestamp, data FROM events WHERE sender_id = ?", (sender,))
        for row_id, timestamp, data in rows.fetchall():
            event = json.loads(data)
            event["timestamp"] = event["timestamp"] - seconds
            db.execute(
                "UPDATE events SET timestamp = ?, data = ? WHERE id = ?",
                (timestamp - seconds, json.dumps(event), row_id),
            )
    time.sleep(SHORT_TRACKER_CACHE_SECONDS + 0.5)
