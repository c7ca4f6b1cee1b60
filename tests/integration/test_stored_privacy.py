"""Over REST with the real servers: names, addresses and numbers typed in the chat are not stored in the
tracker (nor logged), the conversation goes on after it is read back, and a melding keeps what the
person agreed to pass on."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from typing import Any

import pytest

from bot.rasa_ext.tracker_store import CONSENTED_SLOTS
from tests.support.rest import new_sender, texts
from tests.support.servers import SHORT_TRACKER_CACHE_SECONDS, RunningAssistant

pytestmark = pytest.mark.integration

TYPED = "mijn buurman Piet de Vries woont op Kerkstraat 5, bel 0612345678"
PERSONAL = ("Piet", "Vries", "Kerkstraat", "0612345678")


def stored(assistant: RunningAssistant, sender: str) -> list[dict[str, Any]]:
    with sqlite3.connect(assistant.tracker_db) as db:
        rows = db.execute("SELECT data FROM events WHERE sender_id = ? ORDER BY id", (sender,)).fetchall()
    return [json.loads(data) for (data,) in rows]


def leaks(rows: list[dict[str, Any]], values: tuple[str, ...]) -> list[tuple[str, str]]:
    """(event, value) for every value found in a stored event other than a consented melding answer."""
    found = []
    for row in rows:
        if row.get("event") == "slot" and row.get("name") in CONSENTED_SLOTS:
            continue
        text = json.dumps(row, ensure_ascii=False)
        found += [(row["event"], value) for value in values if value in text]
    return found


def logs(assistant: RunningAssistant) -> str:
    return "".join(
        (assistant.workdir / name).read_text(encoding="utf-8", errors="replace")
        for name in ("rasa.log", "actions.log")
    )


def test_typed_personal_data_is_not_stored_and_the_conversation_goes_on(assistant: RunningAssistant) -> None:
    sender = new_sender()
    assistant.send(sender, "hoi")
    assert texts(assistant.send(sender, TYPED))

    rows = stored(assistant, sender)
    assert leaks(rows, PERSONAL) == []
    user_texts = [row["text"] for row in rows if row["event"] == "user"]
    assert "mijn buurman [naam] woont op [adres], bel [telefoonnummer]" in user_texts

    # Let the server forget the conversation, so the next message reads it back from the database.
    time.sleep(SHORT_TRACKER_CACHE_SECONDS + 0.5)
    said = texts(assistant.send(sender, "ik voel me zo alleen sinds mijn vrouw is overleden"))
    assert said
    rows = stored(assistant, sender)
    assert rows[-1]["event"] == "action" and rows[-1]["name"] == "action_listen"
    assert [row["text"] for row in rows if row["event"] == "user"][-1].startswith("ik voel me zo alleen")
    assert leaks(rows, PERSONAL) == []
    assert not any(value in logs(assistant) for value in PERSONAL)


def test_a_melding_keeps_the_consented_answers_while_the_chat_text_is_not_stored(
    assistant: RunningAssistant,
) -> None:
    sender = new_sender()
    assistant.send(sender, "hoi")
    assistant.send(sender, "/worried_about_other")
    assert "Wil je dat ik een melding doorgeef?" in texts(assistant.send(sender, "ik wil een melding doen"))
    assistant.send(sender, "/affirm")
    assert "Wat is er aan de hand?" in texts(assistant.send(sender, "Nijmegen"))
    description = "Mijn buurman Henk Jansen, rond de 80, komt bijna niet meer buiten."
    assert "Weet de persoon" in texts(assistant.send(sender, description))
    assistant.send(sender, "nee")
    assistant.send(sender, "/affirm")  # yes, the meldpunt may contact me
    said = texts(assistant.send(sender, "06 98765432"))
    match = re.search(r"meldcode is ([A-Z0-9]{6})", said)
    assert match, said

    with sqlite3.connect(assistant.workdir / "bot.db") as db:
        melding = db.execute(
            "SELECT description, contact_value FROM meldingen WHERE code = ?", (match.group(1),)
        ).fetchone()
    assert melding == (description, "0698765432")
    typed = [row["text"] for row in stored(assistant, sender) if row["event"] == "user"]
    assert not any("Henk" in text or "Jansen" in text or "98765432" in text for text in typed), typed
    assert leaks(stored(assistant, sender), ("Henk", "Jansen", "98765432")) == []
