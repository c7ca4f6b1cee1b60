"""`/health`: whether the gateway can reach Rasa and the action server."""

from __future__ import annotations

from aiohttp import web

from bot.web.keys import RASA


async def health(request: web.Request) -> web.Response:
    """Whether Rasa and the action server answer: 200 when both do, 503 otherwise."""
    state = await request.app[RASA].health()
    healthy = all(state.values())
    body = {"status": "ok" if healthy else "degraded", **state}
    return web.json_response(body, status=200 if healthy else 503)
