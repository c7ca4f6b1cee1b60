"""A small WebSocket client that speaks the gateway's protocol, as the widget does."""

from __future__ import annotations

from typing import Any

import aiohttp

FRAME_TIMEOUT = 60.0


class ChatClient:
    """One visitor's socket."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws

    async def receive(self, timeout: float = FRAME_TIMEOUT) -> dict[str, Any]:
        frame = await self.ws.receive_json(timeout=timeout)
        assert isinstance(frame, dict)
        return frame

    async def hello(self, visitor: str | None = None) -> tuple[str, list[dict[str, Any]] | None]:
        """Say hello; return the visitor id and the history (None when none was sent)."""
        await self.ws.send_json({"type": "hello", "visitor": visitor})
        welcome = await self.receive()
        assert welcome["type"] == "welcome", welcome
        following = await self.receive()
        if following["type"] == "history":
            return welcome["visitor"], following["messages"]
        assert following["type"] == "error", following
        return welcome["visitor"], None

    async def turn(self, frame: dict[str, Any]) -> list[dict[str, Any]]:
        """Send one message or button frame; return every frame up to `done` (or the refusal)."""
        await self.ws.send_json(frame)
        frames = [await self.receive()]
        if frames[0]["type"] == "error":
            return frames
        assert frames[0]["type"] == "typing", frames
        while frames[-1]["type"] != "done":
            frames.append(await self.receive())
        return frames

    async def say(self, text: str) -> list[dict[str, Any]]:
        return await self.turn({"type": "message", "text": text})

    async def click(self, title: str, payload: str) -> list[dict[str, Any]]:
        return await self.turn({"type": "button", "title": title, "payload": payload})


def bot_text(frames: list[dict[str, Any]]) -> str:
    return "\n".join(f.get("text") or "" for f in frames if f["type"] == "bot")


def buttons(frames: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [b for f in frames if f["type"] == "bot" for b in f["buttons"]]
