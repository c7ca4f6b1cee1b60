"""The optional webhook: a JSON body over https, signed with HMAC-SHA256 over a timestamp and the body.

Headers: `X-Eenzaamheid-Timestamp` (Unix seconds at sending) and `X-Eenzaamheid-Signature`
(`sha256=<hex>` of HMAC-SHA256 with `MELDING_WEBHOOK_SECRET` over `<timestamp>.<body>`), and
`Idempotency-Key` (the meldcode). `verify` is how a receiver checks them; docs/meldingen-and-inbox.md
says the same for receivers written in another language.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from urllib.parse import urlsplit

import aiohttp

from bot.escalation.settings import DeliveryConfigError, DeliverySettings, webhook_url_problem
from bot.store.meldingen import DeliveryJob

TIMESTAMP_HEADER = "X-Eenzaamheid-Timestamp"
SIGNATURE_HEADER = "X-Eenzaamheid-Signature"
# How far a receiver should accept the timestamp from its own clock, either way.
TOLERANCE_SECONDS = 300


def body(job: DeliveryJob) -> bytes:
    """The JSON the receiver gets (the same fields as the e-mail)."""
    return json.dumps(
        {
            "meldcode": job.code,
            "municipality": job.municipality,
            "about": job.about,
            "person_knows": job.person_knows,
            "contact_preference": job.contact_preference,
            "contact": job.contact_value,
            "description": job.description,
            "created_at": job.created_at.isoformat() + "Z",
        },
        ensure_ascii=False,
        sort_keys=True,
    ).encode("utf-8")


def signature(timestamp: int, payload: bytes, secret: str) -> str:
    """sha256=<hex> over `<timestamp>.<raw body>`, as the receiver recomputes it."""
    signed = str(timestamp).encode("ascii") + b"." + payload
    return "sha256=" + hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()


def verify(
    payload: bytes, timestamp: str, given: str, secret: str, now: float, tolerance: int = TOLERANCE_SECONDS
) -> bool:
    """A receiver's check: the timestamp is recent and the signature is right (compared as bytes)."""
    if not timestamp.isdigit() or abs(now - int(timestamp)) > tolerance:
        return False
    expected = signature(int(timestamp), payload, secret)
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


async def send_webhook(job: DeliveryJob, settings: DeliverySettings) -> None:
    """POST the melding; any status other than 2xx raises, so the worker retries.

    The target must be https (http only on this machine); a fresh timestamp is signed on every attempt.
    """
    problem = webhook_url_problem(job.target)
    if problem:
        raise DeliveryConfigError(f"{problem} (host {urlsplit(job.target).hostname})")
    payload = body(job)
    headers = {"Content-Type": "application/json", "Idempotency-Key": job.code}
    if settings.webhook_secret:
        timestamp = int(time.time())
        headers[TIMESTAMP_HEADER] = str(timestamp)
        headers[SIGNATURE_HEADER] = signature(timestamp, payload, settings.webhook_secret)
    timeout = aiohttp.ClientTimeout(total=15)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.post(job.target, data=payload, headers=headers) as response:
            if response.status // 100 != 2:
                raise RuntimeError(f"webhook answered {response.status}")
