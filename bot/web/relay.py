"""One visitor's chat connection: checks each frame, relays it to Rasa in order, sends the answers back.

Nothing here outlives the connection except what Rasa keeps in its tracker store, so any gateway
replica can serve any visitor.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Literal

from aiohttp import WSMsgType, web
from sqlalchemy.exc import SQLAlchemyError

from bot.safety.rules import detect_crisis
from bot.store.db import default_engine, session_scope
from bot.store.handovers import open_handover
from bot.text import strip_command_prefix
from bot.web.admission import Admission, AdmittedClient
from bot.web.history import history_messages
from bot.web.limits import MAX_QUEUED_MESSAGES, MAX_TEXT_CHARS
from bot.web.live_frames import LiveFrames, LocalLiveFrames
from bot.web.protocol import (
    BAD_FRAME,
    CRISIS_DURING_HANDOVER,
    RATE_LIMITED,
    UNAVAILABLE,
    Button,
    ClientFrame,
    FrameError,
    Hello,
    Message,
    Typing,
    WidgetFrame,
    bot_frame,
    error_frame,
    new_visitor_id,
    parse_client_frame,
)
from bot.web.rasa_client import RasaClient, RasaUnavailable
from bot.web.settings import Settings

logger = logging.getLogger(__name__)

# The widget sends its hello right after connecting; a socket that stays silent longer is closed.
HELLO_TIMEOUT_SECONDS = 15.0
# WebSocket close code for a policy violation (no hello first).
POLICY_VIOLATION = 1008


def open_state(state: str) -> Literal["waiting", "active"] | None:
    """The state of a handover that is still open ("waiting" or "active"), else None."""
    if state == "waiting":
        return "waiting"
    return "active" if state == "active" else None


class VisitorChat:
    """One visitor's chat, whatever carries it: limits, buttons and commands, handover, relay to Rasa.

    A transport (the widget's WebSocket below; Rasa's socket.io protocol in `bot.web.socketio_chat`)
    sets `visitor`, calls `start`, passes each frame to `on_frame` and sends `send`'s frames its own way.
    """

    def __init__(
        self,
        rasa: RasaClient,
        settings: Settings,
        live_frames: LiveFrames | None = None,
        client: AdmittedClient | None = None,
    ) -> None:
        self.rasa = rasa
        self.live_frames = live_frames if live_frames is not None else LocalLiveFrames()
        # "waiting" or "active" during a live handover to a volunteer, else None.
        self.handover: Literal["waiting", "active"] | None = None
        # The client's limits (`bot.web.admission`); without them, limits of this connection alone.
        self.client = client if client is not None else Admission(settings).admit("connection")
        self.queue: asyncio.Queue[str | None] = asyncio.Queue(maxsize=MAX_QUEUED_MESSAGES)
        self.visitor = ""

    async def send(self, frame: WidgetFrame) -> None:
        """Send one frame to the visitor, the transport's own way."""
        raise NotImplementedError

    async def start(self) -> asyncio.Task[None]:
        """The visitor is known: take live frames, read the handover state, start relaying to Rasa."""
        self.live_frames.add_visitor(self.visitor, self.deliver)
        await self._check_handover()
        return asyncio.create_task(self._relay_worker())

    async def deliver(self, frame: WidgetFrame) -> None:
        """A frame from the handover (a volunteer's message, typing, the handover's state)."""
        if frame["type"] == "handover":
            self.handover = open_state(frame["state"])
        await self.send(frame)

    async def _check_handover(self) -> None:
        """Read from the database whether this visitor is waiting for or talking with a volunteer.

        When the database cannot be read, the chat with the assistant goes on (the state stays as it
        was) rather than the visitor losing the connection.
        """
        try:
            with session_scope(default_engine()) as session:
                info = open_handover(session, self.visitor)
        except SQLAlchemyError as error:
            logger.warning("Could not read the handover state (%s).", type(error).__name__)
            return
        state = open_state(info.status) if info is not None else None
        if state != self.handover:
            self.handover = state
            if state is not None:
                await self.send({"type": "handover", "state": state})

    async def on_frame(self, frame: ClientFrame) -> None:
        """Check one frame of the visitor (limits, buttons, commands) and queue it for Rasa."""
        if isinstance(frame, Hello):
            await self.send(error_frame(BAD_FRAME))
            return
        if isinstance(frame, Typing):
            if not self.client.allow_typing():
                return  # above the rate: dropped, a typing frame needs no answer
            if self.handover == "active":
                await self.live_frames.to_volunteer(
                    self.visitor, {"type": "visitor_typing", "typing": frame.typing}
                )
            return
        if self.queue.full() or not self.client.allow_message(self.visitor):
            await self.send(error_frame(RATE_LIMITED))
            return
        if isinstance(frame, Button):
            text = frame.payload  # the REST channel checks that it was offered
        elif isinstance(frame, Message):
            text = strip_command_prefix(frame.text)  # typed text is never a command
        else:  # pragma: no cover - parse_client_frame returns nothing else
            return
        # "typing" tells the widget that the message was accepted and the assistant is on it.
        await self.send({"type": "typing"})
        shown = frame.title if isinstance(frame, Button) else frame.text
        # Rasa is paused during a handover and answers nothing, so acute risk is answered here.
        acute = self.handover is not None and detect_crisis(shown) is not None
        if acute:
            await self.send(bot_frame({"text": CRISIS_DURING_HANDOVER}))
        if self.handover == "active":
            # Straight to the volunteer; Rasa records it too (paused, it answers nothing).
            await self.live_frames.to_volunteer(
                self.visitor, {"type": "visitor", "text": shown, "acute_risk": acute}
            )
        self.queue.put_nowait(text)

    async def _relay_worker(self) -> None:
        while True:
            text = await self.queue.get()
            if text is None:
                return
            try:
                async with self.client.at_rasa():
                    replies = await self.rasa.send(self.visitor, text)
            except RasaUnavailable as error:
                logger.warning("Rasa did not answer a message (%s).", error)
                await self.send(error_frame(UNAVAILABLE))
            else:
                for reply in replies:
                    await self.send(bot_frame(reply))
                if self.handover is None:
                    await self._check_handover()  # did this message start a handover?
            await self.send({"type": "done"})


class ChatConnection(VisitorChat):
    """Serves one WebSocket from hello to close."""

    def __init__(
        self,
        ws: web.WebSocketResponse,
        rasa: RasaClient,
        settings: Settings,
        live_frames: LiveFrames | None = None,
        client: AdmittedClient | None = None,
    ) -> None:
        super().__init__(rasa, settings, live_frames, client)
        self.ws = ws
        self._send_lock = asyncio.Lock()

    async def send(self, frame: WidgetFrame) -> None:
        """Send one frame; a visitor who already left is not an error."""
        if self.ws.closed:
            return
        async with self._send_lock:
            try:
                await self.ws.send_json(frame)
            except (ConnectionError, RuntimeError):
                pass

    async def run(self) -> None:
        """Greet, send the conversation so far, then relay until the visitor leaves."""
        if not await self._greet():
            return
        worker = await self.start()
        try:
            async for message in self.ws:
                if message.type == WSMsgType.TEXT:
                    await self._on_text(message.data)
                elif message.type == WSMsgType.BINARY:
                    await self.send(error_frame(BAD_FRAME))
        except asyncio.CancelledError:  # the gateway is shutting down
            worker.cancel()
            raise
        finally:
            self.live_frames.remove_visitor(self.visitor, self.deliver)
        # Messages already accepted are still relayed, so they are in the history next time.
        await self.queue.put(None)
        await worker

    async def _greet(self) -> bool:
        try:
            message = await self.ws.receive(timeout=HELLO_TIMEOUT_SECONDS)
        except asyncio.TimeoutError:
            await self.ws.close(code=POLICY_VIOLATION, message=b"hello expected")
            return False
        if message.type != WSMsgType.TEXT:
            return False
        try:
            hello = parse_client_frame(message.data)
        except FrameError:
            hello = None
        if not isinstance(hello, Hello):
            await self.send(error_frame(BAD_FRAME))
            await self.ws.close(code=POLICY_VIOLATION, message=b"hello expected")
            return False

        returning = hello.visitor is not None
        self.visitor = hello.visitor or new_visitor_id()
        await self.send({"type": "welcome", "visitor": self.visitor, "max_chars": MAX_TEXT_CHARS})
        if not returning:
            await self.send({"type": "history", "messages": []})
        elif self.rasa.can_read_history:
            try:
                events = await self.rasa.tracker_events(self.visitor)
            except RasaUnavailable as error:
                logger.warning("Could not read the conversation so far from Rasa (%s).", error)
                await self.send(error_frame(UNAVAILABLE))
            else:
                await self.send({"type": "history", "messages": history_messages(events)})
        return True

    async def _on_text(self, raw: str) -> None:
        try:
            frame = parse_client_frame(raw)
        except FrameError as error:
            await self.send(error_frame(error.code))
            return
        await self.on_frame(frame)
