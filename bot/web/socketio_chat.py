"""Rasa's socket.io protocol, so that stock Rasa widgets (such as rasa-webchat) chat through the gateway.

A second aiohttp site of the gateway serves it at `/socket.io/` on `SOCKETIO_PORT` (default 8081; 0 is
off). Every connection runs on the same `VisitorChat` as the widget's own WebSocket, so the same
guards hold:
- only pages from `GATEWAY_ALLOWED_ORIGINS` may connect (no Origin header: refused too);
- the per-client and per-visitor limits of `bot.web.admission`, frames up to `MAX_FRAME_BYTES`
  (a bigger one closes the connection), texts up to `MAX_TEXT_CHARS` characters;
- a message is relayed as a button payload only when it is exactly the payload of a button the
  assistant offered since the visitor's last message; anything else is typed text and loses its
  leading slashes, so a typed `/restart` is read as the word "restart", never as a command;
- during a live handover, acute risk is answered by the gateway, as on the own widget.

Widget -> gateway: `session_request {"session_id": <stored id> | null}` once, then
`user_uttered {"message": "..."}`. A stored id is kept only in the shape the gateway hands out;
the `session_id` sent with a message is ignored, so a connection writes only into its own conversation.
Gateway -> widget: `session_confirm "<session id>"`, then `bot_uttered` as Rasa's own socketio
channel shapes it: `{"text"}`, `{"text", "quick_replies": [{"content_type", "title", "payload"}]}`,
or a custom payload as it is. Refusals (too long, too quick, Rasa unavailable) come as `{"text"}`.
A connection over a limit is refused with a connect error: message the Dutch text, data `{"code"}`.
The conversation stays in the widget's own storage; the gateway sends no history.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Mapping
from typing import Any

import socketio
from aiohttp import web

from bot.web.admission import AdmittedClient, Refused
from bot.web.clients import client_key, request_client_key
from bot.web.history import history_messages
from bot.web.keys import ADMISSION, LIVE_FRAMES, RASA, SETTINGS
from bot.web.limits import MAX_FRAME_BYTES, MAX_TEXT_CHARS
from bot.web.live_frames import LiveFrames
from bot.web.protocol import (
    BAD_FRAME,
    ERROR_TEXTS,
    TOO_LONG,
    Button,
    FrameError,
    HandoverState,
    Message,
    WidgetFrame,
    error_frame,
    new_visitor_id,
    valid_visitor_id,
)
from bot.web.rasa_client import RasaClient, RasaUnavailable
from bot.web.relay import HELLO_TIMEOUT_SECONDS, VisitorChat
from bot.web.security import security_headers
from bot.web.settings import Settings

logger = logging.getLogger(__name__)

SOCKETIO_PATH = "socket.io"
# A connection that asks for no session within this time is closed (as a WebSocket without hello).
SESSION_TIMEOUT_SECONDS = HELLO_TIMEOUT_SECONDS
# At shutdown, how long messages already accepted may still take to reach Rasa.
SHUTDOWN_GRACE_SECONDS = 5.0
# By then every connection is closed; this bounds the last closing handshakes.
CLOSE_TIMEOUT_SECONDS = 1.0

# What a stock widget shows when the handover changes (the own widget shows it in its header).
HANDOVER_TEXTS: dict[HandoverState, str] = {
    "waiting": "Er wordt een vrijwilliger voor je gezocht.",
    "active": "Je praat nu met een vrijwilliger: een mens.",
    "ended": "Je praat weer met de digitale assistent, niet met een mens.",
}
VOLUNTEER_LABEL = "Vrijwilliger"


def rasa_messages(frame: WidgetFrame) -> list[dict[str, Any]]:
    """The `bot_uttered` payloads for one frame of the chat, shaped as Rasa's socketio channel sends them."""
    if frame["type"] == "bot":
        messages: list[dict[str, Any]] = []
        if frame["buttons"]:
            replies = [
                {"content_type": "text", "title": button["title"], "payload": button["payload"]}
                for button in frame["buttons"]
            ]
            messages.append({"text": frame["text"] or "", "quick_replies": replies})
        elif frame["text"]:
            messages.append({"text": frame["text"]})
        if isinstance(frame["custom"], dict):
            messages.append(frame["custom"])
        return messages
    if frame["type"] == "volunteer":
        return [{"text": f"{VOLUNTEER_LABEL}: {frame['text']}"}]
    if frame["type"] == "error":
        return [{"text": frame["text"]}]
    if frame["type"] == "handover":
        return [{"text": HANDOVER_TEXTS[frame["state"]]}]
    return []  # welcome, history, typing, done and volunteer_typing have no socket.io counterpart


def visitor_frame(message: object, offered: Mapping[str, str]) -> Message | Button:
    """Read one `user_uttered` message: an offered button's payload, or else typed text.

    `offered` maps the payloads of the buttons offered since the visitor's last message to their
    titles. Raises `FrameError` for a message that is not text or is too long.
    """
    if not isinstance(message, str) or not message.strip():
        raise FrameError(BAD_FRAME)
    if len(message) > MAX_TEXT_CHARS:
        raise FrameError(TOO_LONG)
    title = offered.get(message)
    return Button(title=title, payload=message) if title is not None else Message(message)


def last_offered(events: list[dict[str, Any]]) -> dict[str, str]:
    """The buttons (payload -> title) the assistant offered after the visitor's last message."""
    offered: dict[str, str] = {}
    for message in reversed(history_messages(events)):
        if message["from"] == "visitor":
            break
        for button in message["buttons"]:
            offered.setdefault(button["payload"], button["title"])
    return offered


class SocketIoChat(VisitorChat):
    """One socket.io connection of a stock Rasa widget."""

    def __init__(
        self,
        server: socketio.AsyncServer,
        sid: str,
        rasa: RasaClient,
        settings: Settings,
        live_frames: LiveFrames,
        client: AdmittedClient,
    ) -> None:
        super().__init__(rasa, settings, live_frames, client)
        self.server = server
        self.sid = sid
        # The buttons (payload -> title) offered since the visitor's last accepted message.
        self.offered: dict[str, str] = {}
        self.worker: asyncio.Task[None] | None = None
        self.left = False

    async def send(self, frame: WidgetFrame) -> None:
        """Emit one frame as `bot_uttered` (if it has a socket.io counterpart); keep track of the buttons."""
        if frame["type"] == "typing":  # a message was accepted: the buttons before it are spent
            self.offered = {}
        elif frame["type"] == "bot":
            for button in frame["buttons"]:
                self.offered.setdefault(button["payload"], button["title"])
        for message in rasa_messages(frame):
            await self.server.emit("bot_uttered", message, to=self.sid)

    async def open_session(self, stored: object) -> None:
        """Confirm the session (the stored id when it has the right shape, else a new one); start relaying."""
        returning = isinstance(stored, str) and valid_visitor_id(stored)
        self.visitor = stored if isinstance(stored, str) and returning else new_visitor_id()
        await self.server.emit("session_confirm", self.visitor, to=self.sid)
        if returning and self.rasa.can_read_history:
            # Buttons shown before a reload can still be clicked as buttons.
            try:
                self.offered = last_offered(await self.rasa.tracker_events(self.visitor))
            except RasaUnavailable as error:
                logger.warning("Could not read the conversation so far from Rasa (%s).", error)
        self.worker = await self.start()
        if self.left:  # the widget went away while the session was being opened
            await self._stop()

    async def on_message(self, message: object) -> None:
        """One `user_uttered` message: checked, then handled as on the own widget."""
        try:
            frame = visitor_frame(message, self.offered)
        except FrameError as error:
            await self.send(error_frame(error.code))
            return
        await self.on_frame(frame)

    async def close(self) -> None:
        """The widget left: messages already accepted are still relayed, then its place is freed."""
        self.left = True
        try:
            await self._stop()
        finally:
            self.client.leave()

    async def _stop(self) -> None:
        if self.worker is not None:
            self.live_frames.remove_visitor(self.visitor, self.deliver)
            await self.queue.put(None)
            await self.worker


class SocketIoGateway:
    """The socket.io server; its connections share the gateway's Rasa client, limits and live frames."""

    def __init__(self, gateway: web.Application) -> None:
        self.gateway = gateway
        self.settings = gateway[SETTINGS]
        self.server = socketio.AsyncServer(
            async_mode="aiohttp",
            cors_allowed_origins=self._origin_allowed,
            max_http_buffer_size=MAX_FRAME_BYTES,
            async_handlers=False,  # one connection's events are handled in the order they came
            logger=False,
            engineio_logger=False,
        )
        self.chats: dict[str, SocketIoChat] = {}
        self.runner: web.AppRunner | None = None
        # Connections waiting for their session request, and closed ones whose messages still go to Rasa.
        self._timers: set[asyncio.Task[None]] = set()
        self._leaving: set[asyncio.Task[None]] = set()
        # engine.io's own tasks (a ping per connection sleeps up to 25 s), to end them at shutdown.
        self._background: set[asyncio.Task[Any]] = set()
        start_task = self.server.eio.start_background_task

        def start_tracked(target: Any, *args: Any, **kwargs: Any) -> asyncio.Task[Any]:
            task: asyncio.Task[Any] = start_task(target, *args, **kwargs)
            self._keep(self._background, task)
            return task

        self.server.eio.start_background_task = start_tracked
        self.server.on("connect", self.connect)
        self.server.on("session_request", self.session_request)
        self.server.on("user_uttered", self.user_uttered)
        self.server.on("disconnect", self.disconnect)

    def _origin_allowed(self, origin: str | None, environ: object) -> bool:
        return self.settings.origin_allowed(origin)

    @staticmethod
    def _keep(tasks: set[asyncio.Task[Any]], task: asyncio.Task[Any]) -> None:
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    async def connect(self, sid: str, environ: dict[str, Any], auth: object = None) -> None:
        """Admit a connection from an allowed page within the limits, or refuse it."""
        if not self.settings.origin_allowed(environ.get("HTTP_ORIGIN")):
            raise socketio.exceptions.ConnectionRefusedError("This page may not open the chat.")
        request = environ.get("aiohttp.request")
        key = (
            request_client_key(request, self.settings.trusted_proxies)
            if isinstance(request, web.Request)
            else client_key("")
        )
        try:
            client = self.gateway[ADMISSION].admit(key)
        except Refused as refused:
            raise socketio.exceptions.ConnectionRefusedError(
                ERROR_TEXTS[refused.code], {"code": refused.code}
            ) from None
        self.chats[sid] = SocketIoChat(
            self.server, sid, self.gateway[RASA], self.settings, self.gateway[LIVE_FRAMES], client
        )
        self._keep(self._timers, asyncio.create_task(self._expect_session(sid)))

    async def _expect_session(self, sid: str) -> None:
        await asyncio.sleep(SESSION_TIMEOUT_SECONDS)
        chat = self.chats.get(sid)
        if chat is not None and not chat.visitor:
            await self.server.disconnect(sid)

    async def session_request(self, sid: str, *args: Any) -> None:
        """Confirm the widget's session once; a repeated request gets the same answer."""
        chat = self.chats.get(sid)
        if chat is None:
            return
        if chat.visitor:
            await self.server.emit("session_confirm", chat.visitor, to=sid)
            return
        data = args[0] if args else None
        await chat.open_session(data.get("session_id") if isinstance(data, dict) else None)

    async def user_uttered(self, sid: str, *args: Any) -> None:
        """A message of the visitor; ignored before the session is confirmed."""
        chat = self.chats.get(sid)
        if chat is None or chat.worker is None:
            return
        data = args[0] if args else None
        message = data.get("message") if isinstance(data, dict) else None
        if message is None:  # what a widget without an init payload sends when it opens
            return
        await chat.on_message(message)

    async def disconnect(self, sid: str, *args: Any) -> None:
        """The connection closed; its accepted messages are still relayed, in the background."""
        chat = self.chats.pop(sid, None)
        if chat is not None:
            self._keep(self._leaving, asyncio.create_task(chat.close()))

    async def serve(self, app: web.Application) -> AsyncIterator[None]:
        """The gateway's cleanup context: serve on `SOCKETIO_PORT` (0: off) while the gateway runs.

        When that port cannot be used, the gateway runs on without it and says so in its log: the own
        widget must not go down for the extra.
        """
        if self.settings.socketio_port:
            await self._start(self.settings.socketio_port)
        yield
        await self.stop(app)

    async def _start(self, port: int) -> None:
        site_app = web.Application(middlewares=[security_headers])
        self.server.attach(site_app, socketio_path=SOCKETIO_PATH)
        runner = web.AppRunner(
            site_app, access_log=None, handle_signals=False, shutdown_timeout=CLOSE_TIMEOUT_SECONDS
        )
        await runner.setup()
        try:
            await web.TCPSite(runner, self.settings.host, port).start()
        except OSError as error:
            logger.error("Rasa's socket.io protocol is OFF: port %d cannot be used (%s).", port, error)
            await runner.cleanup()
            return
        self.runner = runner
        logger.info(
            "socket.io for stock Rasa widgets: http://%s:%d/%s/", self.settings.host, port, SOCKETIO_PATH
        )

    async def stop(self, app: web.Application) -> None:
        """At the gateway's shutdown: close every connection, give accepted messages a moment, stop the site.

        It runs with the other shutdown handlers, before aiohttp waits for every running task to end.
        """
        runner, self.runner = self.runner, None
        if runner is None:
            return
        if self.server.eio.sockets:
            await self.server.eio.disconnect()  # every connection; their disconnect handlers run
        await self.server.eio.shutdown()
        for task in [*self._timers, *self._background]:
            task.cancel()
        if self._leaving:
            _, late = await asyncio.wait(list(self._leaving), timeout=SHUTDOWN_GRACE_SECONDS)
            for task in late:
                task.cancel()
        await asyncio.gather(*self._timers, *self._leaving, *self._background, return_exceptions=True)
        await runner.cleanup()
