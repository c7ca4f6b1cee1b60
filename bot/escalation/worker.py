"""The delivery worker: claims due outbox rows, sends them, records the result, retries with back-off.

Runs as `python -m bot deliver` (a loop; `--once` for one pass). Several workers may run: a row is
claimed atomically with a lease, so it is sent by one of them; a worker that dies mid-delivery leaves a
lease that runs out, and the row is tried again. Logs carry the meldcode, never what was reported.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

from sqlalchemy.engine import Engine

from bot.escalation.mail import send_mail
from bot.escalation.settings import DeliverySettings
from bot.escalation.webhook import send_webhook
from bot.store.db import session_scope
from bot.store.meldingen import DeliveryJob, claim_due, mark_failed, mark_sent

log = logging.getLogger("bot.escalation")
SENDERS = {"email": send_mail, "webhook": send_webhook}


async def deliver(job: DeliveryJob, settings: DeliverySettings) -> None:
    """Send one job through its channel."""
    await SENDERS[job.channel](job, settings)


async def run_once(engine: Engine, settings: DeliverySettings) -> int:
    """One pass over the due deliveries; returns how many were sent."""
    with session_scope(engine) as session:
        jobs = claim_due(session, lease=dt.timedelta(seconds=settings.lease_seconds))
    sent = 0
    for job in jobs:
        try:
            await deliver(job, settings)
        except Exception as error:  # noqa: BLE001 - every failure is retried the same way
            with session_scope(engine) as session:
                gave_up = mark_failed(session, job.delivery_id, f"{type(error).__name__}: {error}")
            level = logging.ERROR if gave_up else logging.WARNING
            log.log(
                level,
                "melding %s via %s failed (attempt %d): %s",
                job.code,
                job.channel,
                job.attempts,
                type(error).__name__,
            )
            continue
        with session_scope(engine) as session:
            mark_sent(session, job.delivery_id)
        log.info("melding %s delivered via %s", job.code, job.channel)
        sent += 1
    return sent


async def run_forever(engine: Engine, settings: DeliverySettings, stop: asyncio.Event | None = None) -> None:
    """Deliver until stopped, waiting `poll_seconds` between passes."""
    stop = stop or asyncio.Event()
    while not stop.is_set():
        try:
            await run_once(engine, settings)
        except Exception:  # noqa: BLE001 - a database hiccup must not end the worker
            log.exception("delivery pass failed; trying again")
        try:
            await asyncio.wait_for(stop.wait(), timeout=settings.poll_seconds)
        except asyncio.TimeoutError:
            pass
