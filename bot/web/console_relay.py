"""One volunteer's console socket: the waiting queue, accept (atomic, in the database), a live chat, end.

The frames are in `bot.web.protocol` (`ConsoleCommand` in, `ConsoleFrame` out); the page and the
socket's checks (login, same origin, CSRF) in `bot.web.pages.console`. The login session is checked
again on every frame and on a timer (`bot.web.session_watch`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from aiohttp import WSMsgType, web

from bot.conversation.handover import summary_lines
from bot.store.accounts import Account, audit
from bot.store.clock import now
from bot.store.db import default_engine, session_scope
from bot.store.handovers import accept, end_handover, get_handover, mark_offline, mark_online, waiting_queue
from bot.web.handover import HandoverService, queue_item
from bot.web.protocol import ConsoleFrame, HistoryMessage, QueueItem, parse_console_command
from bot.web.rasa_client import RasaUnavailable
from bot.web.session_watch import SessionWatch
from bot.web.transcript import handover_transcript

logger = logging.getLogger(__name__)

QUEUE_REFRESH_SECONDS = 2.0
PRESENCE_SECONDS = 20.0


class ConsoleConnection:
    """One volunteer's console socket: the queue, at most one live conversation at a time."""

    def __init__(
        self, ws: web.WebSocketResponse, account: Account, service: HandoverService, session: SessionWatch
    ) -> None:
        self.ws = ws
        self.account = account
        self.service = service
        self.session = session
        self.visitor: str | None = None
        self.handover_id: int | None = None
        self._send_lock = asyncio.Lock()

    async def send(self, frame: ConsoleFrame) -> None:
        """Send one frame; a closed console is not an error."""
        if self.ws.closed:
            return
        async with self._send_lock:
            with contextlib.suppress(ConnectionError, RuntimeError):
                await self.ws.send_json(frame)

    async def run(self) -> None:
        """Serve until the console closes; an open conversation is then handed back to the assistant."""
        ticker = asyncio.create_task(self._tick())
        self.session.start()
        try:
            async for message in self.ws:
                if not await self.session.still_valid(touch=True):
                    break
                if message.type == WSMsgType.TEXT:
                    await self._on_frame(message.data)
        finally:
            ticker.cancel()
            await self.session.stop()
            if self.handover_id is not None:
                await self._end("Console gesloten tijdens het gesprek.")
            with session_scope(default_engine()) as session:
                mark_offline(session, self.account.id)

    async def _tick(self) -> None:
        last_queue: list[QueueItem] | None = None
        last_presence = 0.0
        loop = asyncio.get_running_loop()
        while True:
            with session_scope(default_engine()) as session:
                if loop.time() - last_presence >= PRESENCE_SECONDS:
                    mark_online(session, self.account.id)
                    last_presence = loop.time()
                moment = now()
                items = [queue_item(info, moment) for info in waiting_queue(session)]
            if items != last_queue:
                await self.send({"type": "queue", "items": items})
                last_queue = items
            await asyncio.sleep(QUEUE_REFRESH_SECONDS)

    async def _on_frame(self, raw: str) -> None:
        command = parse_console_command(raw)
        if command is None:
            return
        if command["type"] == "accept":
            await self._accept(command["id"])
        elif command["type"] == "message" and self.visitor is not None:
            await self._message(command["text"])
        elif command["type"] == "typing" and self.visitor is not None:
            await self.service.live_frames.to_visitor(
                self.visitor, {"type": "volunteer_typing", "typing": command["typing"]}
            )
        elif command["type"] == "end" and self.handover_id is not None:
            await self._end(command["note"])

    async def _receive(self, frame: ConsoleFrame) -> None:
        await self.send(frame)

    async def _accept(self, handover_id: int) -> None:
        if self.handover_id is not None:
            await self.send({"type": "error", "text": "Sluit eerst het gesprek dat je nu voert."})
            return
        with session_scope(default_engine()) as session:
            won = accept(session, handover_id, self.account.id)
            info = get_handover(session, handover_id) if won else None
            if won:
                audit(session, self.account.username, "handover.accepted", str(handover_id))
        if info is None:
            await self.send({"type": "taken", "id": handover_id})
            return
        self.visitor, self.handover_id = info.visitor, info.id
        self.service.live_frames.add_volunteer(info.visitor, self._receive)
        transcript: list[HistoryMessage] = []
        try:
            if info.share_transcript:
                transcript = handover_transcript(await self.service.rasa.tracker_events(info.visitor))
            await self.service.live_frames.to_visitor(info.visitor, {"type": "handover", "state": "active"})
            await self.service.run_and_relay(info.visitor, "utter_handover_accepted")
        except RasaUnavailable as error:
            logger.warning("Rasa did not answer while a volunteer accepted (%s).", error)
        await self.send(
            {
                "type": "accepted",
                "id": info.id,
                "summary": summary_lines(info.summary) if info.summary else [],
                "acute_risk": info.acute_risk,
                "transcript": transcript,
            }
        )

    async def _message(self, text: str) -> None:
        assert self.visitor is not None
        await self.service.live_frames.to_visitor(self.visitor, {"type": "volunteer", "text": text})
        try:
            await self.service.rasa.add_volunteer_message(self.visitor, text)
        except RasaUnavailable as error:
            logger.warning("A volunteer message could not be written to the tracker (%s).", error)

    async def _end(self, note: str) -> None:
        visitor, handover_id = self.visitor, self.handover_id
        if visitor is None or handover_id is None:
            return
        self.service.live_frames.remove_volunteer(visitor, self._receive)
        self.visitor = self.handover_id = None
        with session_scope(default_engine()) as session:
            ended = end_handover(session, handover_id, self.account.id, note)
            audit(session, self.account.username, "handover.ended", str(handover_id))
        if ended is not None:
            try:
                await self.service.resume(visitor, "utter_handover_back")
            except RasaUnavailable as error:
                logger.warning("Could not hand a conversation back to the assistant (%s).", error)
        await self.send({"type": "ended", "id": handover_id})
