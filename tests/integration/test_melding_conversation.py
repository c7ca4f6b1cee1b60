"""A neighbour's melding about Nijmegen, over REST: e-mail at Nijmegen's meldpunt address (real SMTP
server), through an SMTP outage, and the status by meldcode."""

from __future__ import annotations

import email
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tests.support.paths import ROOT
from tests.support.rest import new_sender, texts
from tests.support.servers import RunningAssistant, free_port

pytestmark = pytest.mark.integration


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], email.message.Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((list(envelope.rcpt_tos), email.message_from_bytes(envelope.content)))
        return "250 OK"


@pytest.fixture()
def worker(assistant: RunningAssistant) -> Iterator[tuple[Inbox, int, subprocess.Popen[bytes]]]:
    """The delivery worker, pointed at an SMTP port where nothing listens yet (an outage)."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{assistant.workdir / 'bot.db'}",
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(port),
        "SMTP_TLS": "off",  # the test's SMTP server is plain, on this machine
        "DELIVERY_POLL_SECONDS": "0.3",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "deliver"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    yield Inbox(), port, process
    process.terminate()
    process.wait(timeout=20)


def test_neighbours_melding_arrives_by_mail_and_status_by_code(
    assistant: RunningAssistant, worker: tuple[Inbox, int, subprocess.Popen[bytes]]
) -> None:
    inbox, port, _ = worker
    sender = new_sender()
    assistant.send(sender, "hoi")
    assistant.send(sender, "/worried_about_other")
    said = texts(assistant.send(sender, "ik wil een melding doen over mijn buurvrouw"))
    assert "Wil je dat ik een melding doorgeef?" in said
    said = texts(assistant.send(sender, "/affirm"))
    assert "In welke gemeente" in said
    said = texts(assistant.send(sender, "Nijmegen"))
    assert "Wat is er aan de hand?" in said
    said = texts(
        assistant.send(sender, "Buurvrouw, rond de 80, woont alleen en komt bijna niet meer buiten.")
    )
    assert "Weet de persoon" in said
    said = texts(assistant.send(sender, "nee"))
    assert "contact" in said
    said = texts(assistant.send(sender, "/deny"))  # the button "Nee, liever anoniem"
    match = re.search(r"meldcode is ([A-Z0-9]{6})", said)
    assert match, said
    code = match.group(1)

    # SMTP is down: the melding waits in the outbox; asking gives the status, not the content.
    time.sleep(1.0)
    said = texts(assistant.send(sender, f"hoe staat het met melding {code}?"))
    assert "opgeslagen" in said and "Buurvrouw" not in said

    # SMTP comes back: the worker's retry delivers it, once.
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        deadline = time.monotonic() + 60
        while not inbox.messages and time.monotonic() < deadline:
            time.sleep(0.3)
        time.sleep(1.0)
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
    recipients, message = inbox.messages[0]
    assert recipients == ["meldpunt-nijmegen@example.org"]
    assert code in message["Subject"]
    assert "rond de 80" in message.get_payload(decode=True).decode("utf-8")
    said = texts(assistant.send(sender, f"hoe staat het met melding {code}?"))
    assert "aangekomen bij het meldpunt" in said
