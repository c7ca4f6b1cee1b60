"""The gateway's only ways to reach Rasa: its REST channel, one conversation's tracker, and health checks."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp

from bot.web.settings import Settings

logger = logging.getLogger(__name__)

HEALTH_TIMEOUT_SECONDS = 3.0


class RasaUnavailable(Exception):
    """Rasa did not answer, answered too late, or answered with an error."""


class RasaClient:
    """Talks HTTP to the Rasa server (and, for health only, to the action server)."""

    def __init__(self, settings: Settings, session: aiohttp.ClientSession) -> None:
        self.settings = settings
        self.session = session
        self.webhook = f"{settings.rasa_url}/webhooks/rest/webhook"
        self._timeout = aiohttp.ClientTimeout(total=settings.rasa_timeout)
        # In a header, not as `?token=` in the URL, where logs and proxies would keep it.
        self._auth = {"Authorization": f"Bearer {settings.rasa_token}"} if settings.rasa_token else {}

    @property
    def can_read_history(self) -> bool:
        """The tracker is only readable with Rasa's API token."""
        return bool(self.settings.rasa_token)

    async def send(self, sender: str, text: str) -> list[dict[str, Any]]:
        """Relay one message to the REST channel and return Rasa's answer (a list of messages)."""
        try:
            async with self.session.post(
                self.webhook, json={"sender": sender, "message": text}, timeout=self._timeout
            ) as response:
                if response.status != 200:
                    raise RasaUnavailable(f"REST channel answered {response.status}")
                body = await response.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            raise RasaUnavailable(type(error).__name__) from error
        if not isinstance(body, list):
            raise RasaUnavailable("REST channel answered something other than a list")
        return [reply for reply in body if isinstance(reply, dict)]

    async def tracker_events(self, sender: str) -> list[dict[str, Any]]:
        """The events of one conversation, from Rasa's tracker store (needs the API token)."""
        if not self.settings.rasa_token:
            raise RasaUnavailable("no RASA_TOKEN, so the tracker cannot be read")
        url = f"{self.settings.rasa_url}/conversations/{sender}/tracker"
        try:
            async with self.session.get(url, headers=self._auth, timeout=self._timeout) as response:
                if response.status != 200:
                    raise RasaUnavailable(f"tracker answered {response.status}")
                body = await response.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            raise RasaUnavailable(type(error).__name__) from error
        events = body.get("events") if isinstance(body, dict) else None
        return [event for event in events if isinstance(event, dict)] if isinstance(events, list) else []

    async def _api(self, path: str, body: Any) -> Any:
        """POST to Rasa's HTTP API with the token; the decoded answer."""
        if not self.settings.rasa_token:
            raise RasaUnavailable("no RASA_TOKEN, so Rasa's API cannot be used")
        url = f"{self.settings.rasa_url}{path}"
        try:
            async with self.session.post(
                url, headers=self._auth, json=body, timeout=self._timeout
            ) as response:
                if response.status != 200:
                    raise RasaUnavailable(f"Rasa's API answered {response.status}")
                return await response.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            raise RasaUnavailable(type(error).__name__) from error

    async def append_events(self, sender: str, events: list[dict[str, Any]]) -> None:
        """Write events into one conversation's tracker (a volunteer's message, `resume`)."""
        await self._api(f"/conversations/{sender}/tracker/events?include_events=NONE", events)

    async def add_volunteer_message(self, sender: str, text: str) -> None:
        """A volunteer's message, kept in the tracker as a bot message marked as coming from a person."""
        await self.append_events(sender, [{"event": "bot", "text": text, "metadata": {"from": "volunteer"}}])

    async def execute(self, sender: str, action: str) -> list[dict[str, Any]]:
        """Run one action or response in a conversation; return the messages it sent."""
        body = await self._api(f"/conversations/{sender}/execute?include_events=NONE", {"name": action})
        messages = body.get("messages") if isinstance(body, dict) else None
        return [m for m in messages if isinstance(m, dict)] if isinstance(messages, list) else []

    async def _answers(self, url: str) -> bool:
        try:
            async with self.session.get(
                url, timeout=aiohttp.ClientTimeout(total=HEALTH_TIMEOUT_SECONDS)
            ) as response:
                await response.read()
                return response.status == 200
        except (aiohttp.ClientError, asyncio.TimeoutError):
            return False

    async def health(self) -> dict[str, bool]:
        """Whether Rasa's REST channel and the action server answer right now."""
        rasa, actions = await asyncio.gather(
            self._answers(f"{self.settings.rasa_url}/webhooks/rest/"),
            self._answers(f"{self.settings.actions_url}/health"),
        )
        return {"rasa": rasa, "actions": actions}
