"""Delivery settings from the environment (SMTP_HOST, SMTP_PORT, SMTP_FROM, MELDING_WEBHOOK_*)."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class DeliverySettings:
    """Where and how meldingen are sent."""

    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    smtp_from: str = "eenzaamheid-assistent@localhost"
    smtp_timeout: float = 15.0
    webhook_url: str | None = None
    webhook_secret: str | None = None
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
            webhook_url=os.environ.get("MELDING_WEBHOOK_URL") or None,
            webhook_secret=os.environ.get("MELDING_WEBHOOK_SECRET") or None,
            poll_seconds=float(os.environ.get("DELIVERY_POLL_SECONDS", cls.poll_seconds)),
            lease_seconds=float(os.environ.get("DELIVERY_LEASE_SECONDS", cls.lease_seconds)),
        )
