"""A python-socketio client that speaks Rasa's socket.io protocol as rasa-webchat does, and tracker reads."""

from __future__ import annotations

import asyncio
import json
import urllib.request
from collections.abc import Callable
from typing import Any

import socketio

from tests.support.servers import RunningAssistant

EVENT_TIMEOUT = 60.0


class WebchatClient:
    """One widget's socket.io connection; every event it gets lands in `events`, in order."""

    def __init__(self) -> None:
        self.sio = socketio.AsyncClient(reconnection=False)
        self.events: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
        self.session_id = ""
        for name in ("session_confirm", "bot_uttered"):
            self.sio.on(name, self._keeper(name))
        self.sio.on("disconnect", lambda: self.events.put_nowait(("disconnect", None)))

    def _keeper(self, name: str) -> Callable[[Any], None]:
        return lambda data: self.events.put_nowait((name, data))

    async def connect(self, url: str, origin: str | None) -> None:
        headers = {"Origin": origin} if origin else {}
        await self.sio.connect(url, headers=headers, transports=["websocket"], wait_timeout=10)

    async def next_event(self, timeout: float = EVENT_TIMEOUT) -> tuple[str, Any]:
        return await asyncio.wait_for(self.events.get(), timeout)

    async def start_session(self, stored: str | None = None) -> str:
        """Ask for a session (with the id the widget kept, if any); return the confirmed id."""
        await self.sio.emit("session_request", {"session_id": stored})
        name, data = await self.next_event()
        assert name == "session_confirm", (name, data)
        self.session_id = data
        return str(data)

    async def say(self, message: str, session_id: str | None = None) -> None:
        """Send a message as the widget does (typed text and button clicks alike)."""
        await self.sio.emit(
            "user_uttered",
            {"message": message, "customData": {}, "session_id": session_id or self.session_id},
        )

    async def messages_until(self, done: Callable[[dict[str, Any]], bool]) -> list[dict[str, Any]]:
        """Every `bot_uttered` up to and including the first one for which `done` is true."""
        got: list[dict[str, Any]] = []
        while not got or not done(got[-1]):
            name, data = await self.next_event()
            assert name == "bot_uttered", (name, data, got)
            got.append(data)
        return got

    async def reply(self) -> list[dict[str, Any]]:
        """The first message of the answer (it comes once Rasa has handled the message)."""
        return await self.messages_until(lambda _: True)

    async def barrier(self) -> list[dict[str, Any]]:
        """Every message the gateway sent for what was emitted before this (events are handled in order)."""
        await self.sio.emit("session_request", {"session_id": self.session_id})
        got: list[dict[str, Any]] = []
        while True:
            name, data = await self.next_event()
            if name == "session_confirm":
                return got
            got.append(data)

    async def close(self) -> None:
        await self.sio.disconnect()
        http = self.sio.eio.http  # left open after a refused connection
        if http is not None and not http.closed:
            await http.close()


def quick_replies(messages: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [reply for message in messages for reply in message.get("quick_replies", [])]


def tracker_events(assistant: RunningAssistant, sender: str) -> list[dict[str, Any]]:
    """What Rasa's tracker store holds for this conversation (read with the API token)."""
    request = urllib.request.Request(
        f"{assistant.rasa_url}/conversations/{sender}/tracker",
        headers={"Authorization": f"Bearer {assistant.api_token}"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        events = json.loads(response.read())["events"]
    return [event for event in events if isinstance(event, dict)]


def user_texts(assistant: RunningAssistant, sender: str) -> list[str]:
    return [event["text"] for event in tracker_events(assistant, sender) if event["event"] == "user"]
