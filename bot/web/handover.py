"""Live handover on the gateway: what the console and the timeout sweeper do to a conversation.

Handover state lives in the database (`bot.store.handovers`); frames between the visitor's and the
volunteer's sockets go through `LiveFrames` (`bot.web.live_frames`). A volunteer's messages are written
into Rasa's tracker as bot messages marked `from: volunteer`; handing back appends `resume` and runs a
response, so the transcript in the tracker is whole.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

from bot.store.db import default_engine, session_scope
from bot.store.handovers import HandoverInfo, expire_waiting
from bot.web.live_frames import LiveFrames
from bot.web.protocol import QueueItem, bot_frame
from bot.web.rasa_client import RasaClient, RasaUnavailable

logger = logging.getLogger(__name__)

# How often the gateway looks for handovers that waited too long (at most; see `sweep`).
SWEEP_SECONDS = 2.0


def queue_item(info: HandoverInfo, moment: dt.datetime) -> QueueItem:
    """One waiting person as every volunteer online sees it: how long, and whether it may be urgent.

    The summary and the transcript go only to the volunteer who takes the conversation.
    """
    return {
        "id": info.id,
        "waiting_seconds": max(0, int((moment - info.created_at).total_seconds())),
        "acute_risk": info.acute_risk,
    }


class HandoverService:
    """What both the console and the timeout sweeper do to a conversation: tell, resume, relay."""

    def __init__(self, rasa: RasaClient, live_frames: LiveFrames) -> None:
        self.rasa = rasa
        self.live_frames = live_frames

    async def run_and_relay(self, visitor: str, action: str) -> None:
        """Run an action or response in Rasa and send its messages to the visitor.

        Then `action_listen` goes into the tracker, as after any turn, so the next message is
        understood in the usual way.
        """
        messages = await self.rasa.execute(visitor, action)
        for message in messages:
            await self.live_frames.to_visitor(visitor, bot_frame(message))
        await self.rasa.append_events(visitor, [{"event": "action", "name": "action_listen"}])

    async def resume(self, visitor: str, action: str) -> None:
        """Hand the conversation back to the assistant: `resume`, then the assistant says it is back."""
        await self.live_frames.to_visitor(visitor, {"type": "handover", "state": "ended"})
        await self.rasa.append_events(visitor, [{"event": "resume"}])
        await self.run_and_relay(visitor, action)

    async def expire(self, wait: dt.timedelta) -> int:
        """Resume the conversations nobody accepted in time; each is told exactly once."""
        with session_scope(default_engine()) as session:
            visitors = expire_waiting(session, wait)
        for visitor in visitors:
            try:
                await self.resume(visitor, "action_handover_timeout")
            except RasaUnavailable as error:
                logger.warning("Could not resume a conversation after waiting (%s).", error)
        return len(visitors)


async def sweep(service: HandoverService, wait_seconds: float) -> None:
    """Until cancelled: hand back the conversations that waited longer than `wait_seconds`."""
    wait = dt.timedelta(seconds=wait_seconds)
    while True:
        await asyncio.sleep(min(SWEEP_SECONDS, wait.total_seconds() / 4))
        try:
            await service.expire(wait)
        except Exception:  # noqa: BLE001 - keep sweeping; the next round tries again
            logger.exception("Looking for handovers that waited too long failed.")
