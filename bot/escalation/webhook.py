"""The optional webhook: a JSON body signed with HMAC-SHA256 (header X-Eenzaamheid-Signature)."""

from __future__ import annotations

import hashlib
import hmac
import json

import aiohttp

from bot.escalation.settings import DeliverySettings
from bot.store.meldingen import DeliveryJob


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


def signature(payload: bytes, secret: str) -> str:
    """sha256=<hex> over the raw body, as the receiver recomputes it."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), payload, hashlib.sha256).hexdigest()


async def send_webhook(job: DeliveryJob, settings: DeliverySettings) -> None:
    """POST the melding; any status other than 2xx raises, so the worker retries."""
    payload = body(job)
    headers = {"Content-Type": "application/json", "Idempotency-Key": job.code}
    if settings.webhook_secret:
        headers["X-Eenzaamheid-Signature"] = signature(payload, settings.webhook_secret)
    timeout = aiohttp.ClientTimeout(total=15)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.post(job.target, data=payload, headers=headers) as response:
            if response.status // 100 != 2:
                raise RuntimeError(f"webhook answered {response.status}")
