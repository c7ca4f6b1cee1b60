"""Meldingen leave protected: SMTP over STARTTLS with login (real aiosmtpd servers), a signed webhook."""

from __future__ import annotations

import datetime as dt
import email
import ipaddress
import os
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import aiosmtplib
import pytest
from aiohttp import web
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from bot.escalation.mail import send_mail, smtp_options
from bot.escalation.settings import DeliveryConfigError, DeliverySettings
from bot.escalation.webhook import SIGNATURE_HEADER, TIMESTAMP_HEADER, send_webhook, verify
from bot.store.db import make_engine
from bot.store.meldingen import DeliveryJob
from bot.store.seed import prepare_database
from tests.support.paths import ROOT
from tests.support.servers import free_port

JOB = DeliveryJob(
    delivery_id=1,
    channel="email",
    target="meldpunt-nijmegen@example.org",
    attempts=1,
    code="K7QXM4",
    municipality="Nijmegen",
    meldpunt_name="Meldpunt Nijmegen",
    about="other",
    description="Buurvrouw, rond de 80, woont alleen.",
    person_knows=False,
    contact_preference="none",
    contact_value=None,
    created_at=dt.datetime(2026, 1, 5, 10, 0),
)
USER, PASSWORD = "assistent", "een-lang-smtp-wachtwoord"


@dataclass(frozen=True)
class Certificate:
    cert: Path
    key: Path


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    """A self-signed certificate for 127.0.0.1 and localhost; trusted only through SMTP_CA_FILE."""
    folder = tmp_path_factory.mktemp("tls")
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    paths = Certificate(folder / "cert.pem", folder / "key.pem")
    paths.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return paths


class Inbox:
    """Keeps each message with whether it came over TLS and who logged in."""

    def __init__(self) -> None:
        self.received: list[tuple[email.message.Message, bool, str | None]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        login = session.auth_data.login.decode() if session.authenticated else None
        self.received.append((email.message_from_bytes(envelope.content), session.ssl is not None, login))
        return "250 OK"


def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False, auth_data=auth_data)


@pytest.fixture()
def starttls_server(certificate: Certificate) -> Iterator[tuple[Inbox, int]]:
    """A real SMTP server that offers STARTTLS and, after it, requires a login."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate.cert, certificate.key)
    inbox, port = Inbox(), free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        tls_context=context,
        require_starttls=True,
        auth_required=True,
        authenticator=authenticator,
    )
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture()
def plain_server() -> Iterator[tuple[Inbox, int]]:
    """A real SMTP server without STARTTLS and without login."""
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


def settings(port: int, **changes: Any) -> DeliverySettings:
    return replace(DeliverySettings(smtp_host="127.0.0.1", smtp_port=port, smtp_timeout=5), **changes)


def test_starttls_is_the_default() -> None:
    assert DeliverySettings().smtp_tls == "required"
    assert smtp_options(DeliverySettings())["start_tls"] is True
    assert smtp_options(DeliverySettings(smtp_port=465))["use_tls"] is True


async def test_mail_goes_over_starttls_with_login(
    starttls_server: tuple[Inbox, int], certificate: Certificate
) -> None:
    inbox, port = starttls_server
    await send_mail(
        JOB,
        settings(port, smtp_ca_file=str(certificate.cert), smtp_username=USER, smtp_password=PASSWORD),
    )
    [(message, over_tls, login)] = inbox.received
    assert over_tls and login == USER
    assert "K7QXM4" in message["Subject"]


async def test_a_wrong_password_is_refused(
    starttls_server: tuple[Inbox, int], certificate: Certificate
) -> None:
    inbox, port = starttls_server
    with pytest.raises(aiosmtplib.SMTPAuthenticationError):
        await send_mail(
            JOB,
            settings(port, smtp_ca_file=str(certificate.cert), smtp_username=USER, smtp_password="fout"),
        )
    assert inbox.received == []


async def test_an_untrusted_certificate_is_refused(starttls_server: tuple[Inbox, int]) -> None:
    inbox, port = starttls_server
    with pytest.raises(ssl.SSLCertVerificationError):
        await send_mail(JOB, settings(port, smtp_username=USER, smtp_password=PASSWORD))
    assert inbox.received == []


async def test_required_refuses_a_server_without_starttls(plain_server: tuple[Inbox, int]) -> None:
    inbox, port = plain_server
    with pytest.raises(aiosmtplib.SMTPException, match="STARTTLS"):
        await send_mail(JOB, settings(port))
    assert inbox.received == []


async def test_opportunistic_uses_starttls_when_offered(
    starttls_server: tuple[Inbox, int], plain_server: tuple[Inbox, int], certificate: Certificate
) -> None:
    tls_inbox, tls_port = starttls_server
    plain_inbox, plain_port = plain_server
    await send_mail(
        JOB,
        settings(
            tls_port,
            smtp_tls="opportunistic",
            smtp_ca_file=str(certificate.cert),
            smtp_username=USER,
            smtp_password=PASSWORD,
        ),
    )
    await send_mail(JOB, settings(plain_port, smtp_tls="opportunistic"))
    assert [over_tls for _, over_tls, _ in tls_inbox.received] == [True]
    assert [over_tls for _, over_tls, _ in plain_inbox.received] == [False]


async def test_off_only_to_this_machine(plain_server: tuple[Inbox, int]) -> None:
    inbox, port = plain_server
    await send_mail(JOB, settings(port, smtp_tls="off"))
    assert len(inbox.received) == 1
    with pytest.raises(DeliveryConfigError):
        await send_mail(JOB, settings(port, smtp_host="mail.example.org", smtp_tls="off"))
    with pytest.raises(DeliveryConfigError):
        smtp_options(
            DeliverySettings(smtp_host="mail.example.org", smtp_tls="opportunistic", smtp_username="u")
        )
    with pytest.raises(DeliveryConfigError):
        smtp_options(DeliverySettings(smtp_tls="sometimes"))


def run_worker_once(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("SMTP_", "MELDING_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", "deliver", "--once"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "env",
    [
        {"SMTP_HOST": "mail.example.org", "SMTP_TLS": "off"},
        {"SMTP_TLS": "nooit"},
        {"MELDING_WEBHOOK_URL": "http://meldpunt.example.org/hook", "MELDING_WEBHOOK_SECRET": "geheim"},
    ],
)
def test_the_worker_does_not_start_with_unprotected_settings(env: dict[str, str], tmp_path: Path) -> None:
    result = run_worker_once(DATABASE_URL=f"sqlite:///{tmp_path / 'bot.db'}", **env)
    assert result.returncode == 2 and "Niet gestart" in result.stderr
    assert not (tmp_path / "bot.db").exists()


def test_the_worker_warns_loudly_about_an_unsigned_webhook(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    engine = make_engine(url)
    prepare_database(engine, example_file=None)
    engine.dispose()
    result = run_worker_once(DATABASE_URL=url, MELDING_WEBHOOK_URL="https://meldpunt.example.org/hook")
    assert result.returncode == 0, result.stderr
    assert "WARNING" in result.stderr and "UNSIGNED" in result.stderr


@pytest.fixture()
async def receiver() -> Any:
    """A real webhook receiver on this machine that keeps each request's body and headers."""
    received: list[tuple[bytes, dict[str, str]]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append((await request.read(), dict(request.headers)))
        return web.Response(status=204)

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    yield f"http://127.0.0.1:{port}/hook", received
    await runner.cleanup()


async def test_the_webhook_signs_a_timestamp_with_the_body(receiver: Any) -> None:
    url, received = receiver
    await send_webhook(replace(JOB, channel="webhook", target=url), DeliverySettings(webhook_secret="geheim"))
    [(body, headers)] = received
    stamp, signed = headers[TIMESTAMP_HEADER], headers[SIGNATURE_HEADER]
    assert abs(int(stamp) - time.time()) < 60
    assert verify(body, stamp, signed, "geheim", now=time.time())
    # A replay later, another timestamp, another body or another secret: refused.
    assert not verify(body, stamp, signed, "geheim", now=time.time() + 3600)
    assert not verify(body, str(int(stamp) + 1), signed, "geheim", now=time.time())
    assert not verify(body + b" ", stamp, signed, "geheim", now=time.time())
    assert not verify(body, stamp, signed, "ander-geheim", now=time.time())
    assert not verify(body, stamp, "sha256=é", "geheim", now=time.time())


async def test_the_webhook_needs_https_except_on_this_machine(receiver: Any) -> None:
    url, received = receiver
    job = replace(JOB, channel="webhook", target="http://meldpunt.invalid/hook")
    with pytest.raises(DeliveryConfigError):
        await send_webhook(job, DeliverySettings(webhook_secret="geheim"))
    await send_webhook(replace(job, target=url), DeliverySettings(webhook_secret="geheim"))
    assert len(received) == 1
