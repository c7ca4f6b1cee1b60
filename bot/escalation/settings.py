"""Delivery settings from the environment (SMTP_*, MELDING_WEBHOOK_*), and the checks they must pass.

SMTP: `SMTP_HOST`, `SMTP_PORT`, `SMTP_FROM`; `SMTP_TLS` is `required` (the default: STARTTLS, or TLS
from the start on port 465, with the certificate checked), `opportunistic` (STARTTLS when the server
offers it) or `off` (plain text, only to a server on this machine); `SMTP_USERNAME` / `SMTP_PASSWORD`
to log in (only over TLS, or on this machine); `SMTP_CA_FILE` for a mail server with its own CA.
Webhook: `MELDING_WEBHOOK_URL` (https, or http on this machine) and `MELDING_WEBHOOK_SECRET`.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

SmtpTls = Literal["required", "opportunistic", "off"]
SMTP_TLS_MODES: tuple[SmtpTls, ...] = ("required", "opportunistic", "off")


class DeliveryConfigError(ValueError):
    """A delivery setting that would send a melding unprotected; the worker does not start with it."""


def is_local_host(host: str) -> bool:
    """Whether `host` is this machine (localhost or a loopback address)."""
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def webhook_url_problem(url: str) -> str | None:
    """Why this webhook URL may not be used, or None: https, or http only on this machine."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return None
    if parts.scheme == "http" and parts.hostname and is_local_host(parts.hostname):
        return None
    return "MELDING_WEBHOOK_URL must start with https:// (http:// only for a receiver on this machine)"


@dataclass(frozen=True)
class DeliverySettings:
    """Where and how meldingen are sent."""

    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    smtp_from: str = "eenzaamheid-assistent@localhost"
    smtp_timeout: float = 15.0
    # One of SMTP_TLS_MODES; anything else is reported by `problems` (the worker does not start).
    smtp_tls: SmtpTls | str = "required"
    smtp_username: str | None = None
    smtp_password: str | None = field(default=None, repr=False)
    smtp_ca_file: str | None = None
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    poll_seconds: float = 5.0
    # How long a claimed delivery stays with one worker before another may try it (after a crash).
    lease_seconds: float = 120.0

    @classmethod
    def from_env(cls) -> DeliverySettings:
        """Read the settings; unset values keep the defaults above."""
        return cls(
            smtp_host=os.environ.get("SMTP_HOST", cls.smtp_host),
            smtp_port=int(os.environ.get("SMTP_PORT", cls.smtp_port)),
            smtp_from=os.environ.get("SMTP_FROM", cls.smtp_from),
            smtp_tls=os.environ.get("SMTP_TLS", "required").strip().lower(),
            smtp_username=os.environ.get("SMTP_USERNAME") or None,
            smtp_password=os.environ.get("SMTP_PASSWORD") or None,
            smtp_ca_file=os.environ.get("SMTP_CA_FILE") or None,
            webhook_url=os.environ.get("MELDING_WEBHOOK_URL") or None,
            webhook_secret=os.environ.get("MELDING_WEBHOOK_SECRET") or None,
            poll_seconds=float(os.environ.get("DELIVERY_POLL_SECONDS", cls.poll_seconds)),
            lease_seconds=float(os.environ.get("DELIVERY_LEASE_SECONDS", cls.lease_seconds)),
        )

    def smtp_problem(self) -> str | None:
        """Why mail may not be sent with these settings, or None."""
        if self.smtp_tls not in SMTP_TLS_MODES:
            return f"SMTP_TLS must be one of {', '.join(SMTP_TLS_MODES)}, not '{self.smtp_tls}'"
        local = is_local_host(self.smtp_host)
        if self.smtp_tls == "off" and not local:
            return "SMTP_TLS=off is only allowed for a mail server on this machine (localhost)"
        if self.smtp_username and self.smtp_tls != "required" and not local:
            return "SMTP_USERNAME needs SMTP_TLS=required: the password must not travel unencrypted"
        return None

    def problems(self) -> list[str]:
        """Every setting that would send a melding unprotected; the worker refuses to start with any."""
        found = [self.smtp_problem()]
        if self.webhook_url:
            found.append(webhook_url_problem(self.webhook_url))
        return [problem for problem in found if problem]

    def warnings(self) -> list[str]:
        """Allowed, but worth a loud line in the log at start."""
        found = []
        if self.smtp_tls == "off":
            found.append("SMTP_TLS=off: meldingen go to the local mail server without encryption")
        if self.webhook_url and not self.webhook_secret:
            found.append(
                "MELDING_WEBHOOK_SECRET is not set: the webhook goes out UNSIGNED, so the receiver "
                "cannot tell a real melding from a forged one"
            )
        return found
