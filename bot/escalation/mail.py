"""The e-mail a meldpunt receives for a melding (Dutch), and sending it with aiosmtplib over TLS."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

import aiosmtplib

from bot.escalation.settings import DeliveryConfigError, DeliverySettings
from bot.store.meldingen import DeliveryJob

CONTACT = {"phone": "telefoon", "email": "e-mail", "none": "geen: de melder wil anoniem blijven"}


def message_id(job: DeliveryJob) -> str:
    """The same Message-ID for every attempt, so a mail server or inbox can drop a repeat."""
    return f"<melding-{job.code}@eenzaamheid-assistent>"


def compose(job: DeliveryJob, settings: DeliverySettings) -> EmailMessage:
    """A short, plain-text e-mail with what the reporter agreed to pass on."""
    about = "de melder zelf" if job.about == "self" else "iemand anders (de melder maakt zich zorgen)"
    lines = [
        f"Beste {job.meldpunt_name or 'collega'},",
        "",
        "Via de digitale assistent over eenzaamheid is een melding gedaan. De melder heeft",
        "toestemming gegeven om dit aan jullie door te geven.",
        "",
        f"Meldcode:   {job.code}",
        f"Gemeente:   {job.municipality}",
        f"Gaat over:  {about}",
    ]
    if job.about == "other":
        knows = {True: "ja", False: "nee", None: "weet de melder niet"}[job.person_knows]
        lines.append(f"Weet de persoon van deze melding: {knows}")
    lines.append(f"Contact:    {CONTACT[job.contact_preference]}")
    if job.contact_value:
        lines.append(f"            {job.contact_value}")
    lines += [
        "",
        "Wat de melder schreef:",
        job.description,
        "",
        "De melder kan met de meldcode aan de assistent vragen hoe het met de melding staat. Zet de",
        "status in de inbox op 'opgepakt' zodra iemand ermee bezig is.",
    ]
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = job.target
    message["Subject"] = f"Melding {job.code}: zorgen over eenzaamheid ({job.municipality})"
    message["Message-ID"] = message_id(job)
    message["Date"] = format_datetime(job.created_at.replace(tzinfo=None), usegmt=False)
    message.set_content("\n".join(lines))
    return message


IMPLICIT_TLS_PORT = 465


def smtp_options(settings: DeliverySettings) -> dict[str, Any]:
    """Connection options for aiosmtplib after `SMTP_TLS`; `DeliveryConfigError` for unsafe settings.

    required: TLS from the start on port 465, STARTTLS elsewhere (a server without it is refused);
    opportunistic: STARTTLS when offered; off: plain text (only to this machine). Certificates are
    always checked, against `SMTP_CA_FILE` when set.
    """
    problem = settings.smtp_problem()
    if problem:
        raise DeliveryConfigError(problem)
    implicit = settings.smtp_tls == "required" and settings.smtp_port == IMPLICIT_TLS_PORT
    start_tls = {"required": not implicit, "opportunistic": None, "off": False}[settings.smtp_tls]
    return {
        "hostname": settings.smtp_host,
        "port": settings.smtp_port,
        "timeout": settings.smtp_timeout,
        "use_tls": implicit,
        "start_tls": start_tls,
        "validate_certs": True,
        "cert_bundle": settings.smtp_ca_file,
        "username": settings.smtp_username,
        "password": settings.smtp_password,
    }


async def send_mail(job: DeliveryJob, settings: DeliverySettings) -> None:
    """Send one melding by SMTP; raises on any failure so the worker can retry."""
    await aiosmtplib.send(compose(job, settings), **smtp_options(settings))
