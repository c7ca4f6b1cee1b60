"""The volunteer console: the waiting queue, accept (atomic, in the database), a live chat, end.

- `GET /console`     the page (login as volunteer or admin; otherwise to the login page / 403)
- `GET /console/ws`  the console's WebSocket: session cookie, same-origin only, and the page's CSRF
  token in the first frame. Frames, console -> gateway: `hello {csrf}`, `accept {id}`,
  `message {text}`, `typing {typing}`, `end {note}`; gateway -> console: `queue {items}`,
  `accepted {summary, acute_risk, transcript}`, `taken`, `visitor {text}`, `visitor_typing`,
  `ended`, `error {text}`.

Handover state lives in the database (`bot.store.handovers`); frames between the two sockets go
through a `Delivery` (in-process now; Redis pub/sub for a second replica, see `bot.web.delivery`).
A volunteer's messages are written into Rasa's tracker as bot messages marked `from: volunteer`;
ending appends `resume` and runs `utter_handover_back`, so the transcript in the tracker is whole.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hmac
import logging
from html import escape
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

from bot.conversation.handover import summary_lines
from bot.store.accounts import Account, audit
from bot.store.clock import now
from bot.store.db import default_engine, session_scope
from bot.store.handovers import (
    HandoverInfo,
    accept,
    end_handover,
    expire_waiting,
    get_handover,
    mark_offline,
    mark_online,
    waiting_queue,
)
from bot.web.delivery import Delivery
from bot.web.history import history_messages
from bot.web.limits import MAX_FRAME_BYTES, MAX_TEXT_CHARS
from bot.web.protocol import bot_frame
from bot.web.rasa_client import RasaClient, RasaUnavailable
from bot.web.staff import current, require

logger = logging.getLogger(__name__)

CONSOLE_DIR = Path(__file__).resolve().parent / "console"
ROLES = ("volunteer", "admin")
QUEUE_REFRESH_SECONDS = 2.0
PRESENCE_SECONDS = 20.0
HELLO_TIMEOUT_SECONDS = 10.0
POLICY_VIOLATION = 1008
MAX_NOTE_CHARS = 500


def _csp(request: web.Request) -> str:
    host = request.host
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; "
        f"connect-src 'self' ws://{host} wss://{host}; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    )


async def console_page(request: web.Request) -> web.Response:
    """The console page; the script (`/console-static/console.js`) does the rest over the WebSocket."""
    account, csrf = require(request, ROLES)
    body = (
        f'<main id="console" data-csrf="{escape(csrf)}">'
        f"<h1>Chat met bezoekers</h1><p>Ingelogd als {escape(account.username)}.</p>"
        f'<form method="post" action="/logout"><input type="hidden" name="csrf" value="{escape(csrf)}">'
        '<button type="submit">Uitloggen</button></form>'
        '<p id="status" role="status"></p>'
        '<section id="queue-section"><h2>Wachtrij</h2>'
        '<ul data-testid="console-queue" id="queue"><li>Er wacht niemand.</li></ul></section>'
        '<section id="chat" hidden><h2>Gesprek</h2>'
        '<div id="summary"></div><div id="transcript"></div>'
        '<div id="log" role="log" aria-live="polite" data-testid="console-log"></div>'
        '<p id="typing" role="status"></p>'
        '<form id="send-form"><label for="message">Je bericht</label><br>'
        f'<textarea id="message" rows="3" maxlength="{MAX_TEXT_CHARS}" data-testid="console-input">'
        "</textarea><br>"
        '<button type="submit" data-testid="console-send">Verstuur</button></form>'
        '<form id="end-form"><label for="note">Korte notitie (alleen voor het team)</label><br>'
        f'<textarea id="note" rows="2" maxlength="{MAX_NOTE_CHARS}" data-testid="console-note">'
        "</textarea><br>"
        '<button type="submit" data-testid="console-end">Gesprek afsluiten</button></form>'
        "</section></main>"
    )
    html = (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Vrijwilligers-chat</title>"
        '<link rel="stylesheet" href="/console-static/console.css">'
        '<script src="/console-static/console.js" defer></script>'
        f"</head><body>{body}</body></html>"
    )
    response = web.Response(text=html, content_type="text/html")
    response.headers["Cache-Control"] = "no-store"
    response.headers["Content-Security-Policy"] = _csp(request)
    return response


def _same_origin(request: web.Request) -> bool:
    origin = request.headers.get("Origin", "")
    return origin in (f"http://{request.host}", f"https://{request.host}")


def queue_item(info: HandoverInfo, moment: dt.datetime) -> dict[str, Any]:
    """One waiting person as the console shows it (no visitor id)."""
    return {
        "id": info.id,
        "waiting_seconds": max(0, int((moment - info.created_at).total_seconds())),
        "summary": summary_lines(info.summary) if info.summary else [],
        "acute_risk": info.acute_risk,
        "share_transcript": info.share_transcript,
    }


class HandoverService:
    """What both the console and the timeout sweeper do to a conversation: tell, resume, relay."""

    def __init__(self, rasa: RasaClient, delivery: Delivery) -> None:
        self.rasa = rasa
        self.delivery = delivery

    async def run_and_relay(self, visitor: str, action: str) -> None:
        """Run an action or response in Rasa and send its messages to the visitor.

        Then `action_listen` goes into the tracker, as after any turn, so the next message is
        understood in the usual way.
        """
        messages = await self.rasa.execute(visitor, action)
        for message in messages:
            await self.delivery.to_visitor(visitor, bot_frame(message))
        await self.rasa.append_events(visitor, [{"event": "action", "name": "action_listen"}])

    async def resume(self, visitor: str, action: str) -> None:
        """Hand the conversation back to the assistant: `resume`, then the assistant says it is back."""
        await self.delivery.to_visitor(visitor, {"type": "handover", "state": "ended"})
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


class ConsoleConnection:
    """One volunteer's console socket: the queue, at most one live conversation at a time."""

    def __init__(self, ws: web.WebSocketResponse, account: Account, service: HandoverService) -> None:
        self.ws = ws
        self.account = account
        self.service = service
        self.visitor: str | None = None
        self.handover_id: int | None = None
        self._send_lock = asyncio.Lock()

    async def send(self, frame: dict[str, Any]) -> None:
        """Send one frame; a closed console is not an error."""
        if self.ws.closed:
            return
        async with self._send_lock:
            with contextlib.suppress(ConnectionError, RuntimeError):
                await self.ws.send_json(frame)

    async def run(self) -> None:
        """Serve until the console closes; an open conversation is then handed back to the assistant."""
        ticker = asyncio.create_task(self._tick())
        try:
            async for message in self.ws:
                if message.type == WSMsgType.TEXT:
                    await self._on_frame(message.data)
        finally:
            ticker.cancel()
            if self.handover_id is not None:
                await self._end("Console gesloten tijdens het gesprek.")
            with session_scope(default_engine()) as session:
                mark_offline(session, self.account.id)

    async def _tick(self) -> None:
        last_queue: list[dict[str, Any]] | None = None
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
        import json

        try:
            frame = json.loads(raw)
        except ValueError:
            return
        if not isinstance(frame, dict):
            return
        kind = frame.get("type")
        if kind == "accept" and isinstance(frame.get("id"), int):
            await self._accept(frame["id"])
        elif kind == "message" and self.visitor is not None:
            text = frame.get("text")
            if isinstance(text, str) and text.strip() and len(text) <= MAX_TEXT_CHARS:
                await self._message(text.strip())
        elif kind == "typing" and self.visitor is not None:
            typing = frame.get("typing") is True
            await self.service.delivery.to_visitor(
                self.visitor, {"type": "volunteer_typing", "typing": typing}
            )
        elif kind == "end" and self.handover_id is not None:
            note = frame.get("note")
            await self._end(note[:MAX_NOTE_CHARS] if isinstance(note, str) else "")

    def _receive(self, frame: dict[str, Any]) -> Any:
        return self.send(frame)

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
        self.service.delivery.add_volunteer(info.visitor, self._receive)
        transcript: list[dict[str, Any]] = []
        try:
            if info.share_transcript:
                transcript = history_messages(await self.service.rasa.tracker_events(info.visitor))
            await self.service.delivery.to_visitor(info.visitor, {"type": "handover", "state": "active"})
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
        await self.service.delivery.to_visitor(self.visitor, {"type": "volunteer", "text": text})
        try:
            await self.service.rasa.add_volunteer_message(self.visitor, text)
        except RasaUnavailable as error:
            logger.warning("A volunteer message could not be written to the tracker (%s).", error)

    async def _end(self, note: str) -> None:
        visitor, handover_id = self.visitor, self.handover_id
        if visitor is None or handover_id is None:
            return
        self.service.delivery.remove_volunteer(visitor, self._receive)
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


async def console_socket(request: web.Request) -> web.StreamResponse:
    """The console's WebSocket: logged in (volunteer/admin), same origin, CSRF token in the hello."""
    found = current(request)
    if found is None:
        raise web.HTTPUnauthorized(text="Log eerst in.")
    account, csrf = found
    if account.role not in ROLES:
        raise web.HTTPForbidden(text="Deze pagina is niet voor jouw rol.")
    if not _same_origin(request):
        raise web.HTTPForbidden(text="Deze pagina mag de console niet openen.")
    ws = web.WebSocketResponse(max_msg_size=MAX_FRAME_BYTES, heartbeat=30.0)
    await ws.prepare(request)
    try:
        hello = await ws.receive_json(timeout=HELLO_TIMEOUT_SECONDS)
    except (asyncio.TimeoutError, ValueError, TypeError):
        hello = None
    token = hello.get("csrf") if isinstance(hello, dict) and hello.get("type") == "hello" else None
    if not isinstance(token, str) or not hmac.compare_digest(token, csrf):
        await ws.close(code=POLICY_VIOLATION, message=b"csrf token expected")
        return ws
    from bot.web.app import HANDOVERS, SOCKETS  # the app module imports this one

    request.app[SOCKETS].add(ws)
    try:
        await ConsoleConnection(ws, account, request.app[HANDOVERS]).run()
    finally:
        request.app[SOCKETS].discard(ws)
    return ws


def add_console_routes(app: web.Application) -> None:
    """Register the console page, its socket and its static files."""
    app.router.add_get("/console", console_page)
    app.router.add_get("/console/ws", console_socket)
    app.router.add_static("/console-static/", CONSOLE_DIR)
