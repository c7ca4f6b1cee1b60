"""Meldingen: stored first, delivered by e-mail to a real SMTP server (aiosmtpd), retried, never twice."""

from __future__ import annotations

import asyncio
import datetime as dt
import email
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from aiohttp import web
from aiosmtpd.controller import Controller
from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from bot.escalation.settings import DeliverySettings
from bot.escalation.webhook import SIGNATURE_HEADER, TIMESTAMP_HEADER, verify
from bot.escalation.worker import run_once
from bot.store.db import make_engine, session_scope
from bot.store.meldingen import MAX_ATTEMPTS, NewMelding, create_melding, status_for_code
from bot.store.models import Delivery, Melding
from bot.store.seed import prepare_database
from tests.support.paths import ROOT
from tests.support.servers import free_port

NEIGHBOUR = NewMelding(
    municipality_code="GM0268",
    about="other",
    description="Buurvrouw, rond de 80, woont alleen. Ik zie haar bijna nooit meer buiten.",
    person_knows=False,
    contact_preference="email",
    contact_value="buurman@example.org",
)


class Inbox:
    """An aiosmtpd handler that keeps every message; it can hold RCPT to simulate a hanging server."""

    def __init__(self) -> None:
        self.messages: list[email.message.Message] = []
        self.envelopes: list[Any] = []
        self.hold = False

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        while self.hold:
            await asyncio.sleep(0.05)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"


@pytest.fixture()
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    inbox.hold = False
    controller.stop()


@pytest.fixture()
def engine(empty_url: str) -> Iterator[Engine]:
    engine = make_engine(empty_url)
    prepare_database(engine, example_file=None)
    yield engine
    engine.dispose()


def settings(port: int, **changes: Any) -> DeliverySettings:
    # The test SMTP server is plain, on this machine (TLS: tests/store/test_delivery_security.py).
    return DeliverySettings(smtp_host="127.0.0.1", smtp_port=port, smtp_timeout=5, smtp_tls="off", **changes)


def new_melding(engine: Engine, new: NewMelding = NEIGHBOUR, webhook_url: str | None = None) -> str:
    with session_scope(engine) as session:
        return create_melding(session, new, webhook_url)


def status(engine: Engine, code: str) -> str | None:
    with session_scope(engine) as session:
        return status_for_code(session, code)


def make_due(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(update(Delivery).values(next_attempt_at=dt.datetime(2000, 1, 1)))


async def test_stored_first_then_mailed_to_the_meldpunt(engine: Engine, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    code = new_melding(engine)
    assert len(code) == 6 and status(engine, code) == "new"

    assert await run_once(engine, settings(port)) == 1

    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert inbox.envelopes[0].rcpt_tos == ["meldpunt-nijmegen@example.org"]
    assert code in message["Subject"] and "Nijmegen" in message["Subject"]
    assert message["Message-ID"] == f"<melding-{code}@eenzaamheid-assistent>"
    body = message.get_payload(decode=True).decode("utf-8")
    assert "Buurvrouw, rond de 80, woont alleen." in body
    assert "Weet de persoon van deze melding: nee" in body and "buurman@example.org" in body
    assert status(engine, code) == "delivered"
    assert await run_once(engine, settings(port)) == 0
    assert len(inbox.messages) == 1
    with session_scope(engine) as session:
        melding = session.scalar(select(Melding).where(Melding.code == code))
        assert [event.status for event in melding.events] == ["new", "delivered"]


async def test_status_by_code_only(engine: Engine) -> None:
    code = new_melding(engine)
    assert status(engine, code.lower()) == "new"
    assert status(engine, "XXXXXX") is None


async def test_no_meldpunt_stores_nothing(engine: Engine) -> None:
    with pytest.raises(LookupError), session_scope(engine) as session:
        create_melding(session, NewMelding("GM0363", "self", "Ik ben eenzaam.", None, "none", None))
    with session_scope(engine) as session:
        assert session.scalar(select(Melding.id)) is None


async def test_smtp_down_then_back(engine: Engine, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    closed = free_port()
    code = new_melding(engine)

    assert await run_once(engine, settings(closed)) == 0
    assert status(engine, code) == "new"
    with session_scope(engine) as session:
        delivery = session.scalar(select(Delivery))
        assert delivery.status == "pending" and delivery.attempts == 1
        assert delivery.next_attempt_at > dt.datetime.utcnow()
        assert "Error" in delivery.last_error
    # Not due yet: a second pass waits (back-off).
    assert await run_once(engine, settings(port)) == 0
    make_due(engine)
    assert await run_once(engine, settings(port)) == 1
    assert len(inbox.messages) == 1 and status(engine, code) == "delivered"


async def test_gives_up_visibly_after_many_attempts(engine: Engine) -> None:
    code = new_melding(engine)
    closed = free_port()
    for _ in range(MAX_ATTEMPTS):
        make_due(engine)
        await run_once(engine, settings(closed))
    assert status(engine, code) == "undeliverable"
    with session_scope(engine) as session:
        assert session.scalar(select(Delivery.status)) == "failed"


async def test_two_workers_deliver_each_melding_once(engine: Engine, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    codes = {new_melding(engine) for _ in range(6)}
    sent = await asyncio.gather(run_once(engine, settings(port)), run_once(engine, settings(port)))
    assert sum(sent) == 6
    assert sorted(m["Subject"].split()[1].rstrip(":") for m in inbox.messages) == sorted(codes)


async def test_signed_webhook(engine: Engine, smtp: tuple[Inbox, int]) -> None:
    _, port = smtp
    received: list[tuple[bytes, str, str]] = []

    async def hook(request: web.Request) -> web.Response:
        headers = request.headers
        received.append((await request.read(), headers[TIMESTAMP_HEADER], headers[SIGNATURE_HEADER]))
        return web.Response(status=204)

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    hook_port = free_port()
    await web.TCPSite(runner, "127.0.0.1", hook_port).start()
    try:
        url = f"http://127.0.0.1:{hook_port}/hook"
        code = new_melding(engine, webhook_url=url)
        assert await run_once(engine, settings(port, webhook_secret="geheim")) == 2
    finally:
        await runner.cleanup()
    body, stamp, signed = received[0]
    assert code.encode() in body and verify(body, stamp, signed, "geheim", now=time.time())


def test_worker_killed_mid_delivery_loses_nothing_and_sends_once(
    empty_url: str, engine: Engine, smtp: tuple[Inbox, int]
) -> None:
    """`python -m bot deliver` is killed while the SMTP server hangs; after a restart: one mail."""
    inbox, port = smtp
    code = new_melding(engine)
    env = {
        **os.environ,
        "DATABASE_URL": empty_url,
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(port),
        "SMTP_TLS": "off",
        "DELIVERY_POLL_SECONDS": "0.2",
        "DELIVERY_LEASE_SECONDS": "1",
    }
    inbox.hold = True
    worker = subprocess.Popen(
        [sys.executable, "-m", "bot", "deliver"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while status_of_delivery(engine) != "sending" and time.monotonic() < deadline:
            time.sleep(0.1)
        assert status_of_delivery(engine) == "sending"
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=20)
    inbox.hold = False
    assert inbox.messages == [] and status(engine, code) == "new"

    time.sleep(1.2)  # the dead worker's lease runs out
    restarted = subprocess.run(
        [sys.executable, "-m", "bot", "deliver", "--once"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert restarted.returncode == 0, restarted.stderr
    assert len(inbox.messages) == 1 and status(engine, code) == "delivered"
    assert "Buurvrouw" not in restarted.stderr  # logs name the meldcode, never the content


def status_of_delivery(engine: Engine) -> str | None:
    with session_scope(engine) as session:
        return session.scalar(select(Delivery.status))
