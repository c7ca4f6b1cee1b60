"""The e-mail a meldpunt receives for a melding (Dutch), and sending it with aiosmtplib."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime

import aiosmtplib

from bot.escalation.settings import DeliverySettings
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


async def send_mail(job: DeliveryJob, settings: DeliverySettings) -> None:
    """Send one melding by SMTP; raises on any failure so the worker can retry."""
    await aiosmtplib.send(
        compose(job, settings),
        hostname=settings.smtp_host,
        port=settings.smtp_port,
        timeout=settings.smtp_timeout,
        start_tls=False,
        use_tls=False,
    )
