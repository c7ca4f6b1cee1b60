"""The gateway's only ways to reach Rasa: its REST channel, one conversation's tracker, and health checks.

With several Rasa replicas (`RASA_URL` lists them) each visitor has a first choice, spread by visitor id,
so a conversation usually stays on one replica (and in its tracker cache); the others follow in a fixed
order. A replica that does not answer is left for the next one at once and tried last for a few
seconds. A message is resent with its `message_id` and `"retry": true`; when the first replica had
already handled it, the REST channel answers from the tracker instead of handling it twice.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
import zlib
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import aiohttp

from bot.web.settings import Settings

logger = logging.getLogger(__name__)

HEALTH_TIMEOUT_SECONDS = 3.0
# How long a replica that did not answer is tried last.
RESTING_SECONDS = 5.0

T = TypeVar("T")


class RasaUnavailable(Exception):
    """Rasa did not answer, answered too late, or answered with an error."""

    def __init__(self, reason: str, *, try_another: bool = True, never_arrived: bool = False) -> None:
        super().__init__(reason)
        # Whether another replica may do better (not for an answer such as 400 or 403).
        self.try_another = try_another
        # The request surely did not reach Rasa (no connection): safe to send anything again.
        self.never_arrived = never_arrived


def _failure(error: Exception) -> RasaUnavailable:
    """A transport error as `RasaUnavailable`; a refused connection is known not to have arrived."""
    return RasaUnavailable(
        type(error).__name__, never_arrived=isinstance(error, aiohttp.ClientConnectorError)
    )


def _status_failure(what: str, status: int) -> RasaUnavailable:
    """An error answer: a server error may be this replica's; a client error would be the same elsewhere."""
    return RasaUnavailable(f"{what} answered {status}", try_another=status >= 500)


def first_choice(sender: str, replicas: int) -> int:
    """The replica a visitor starts on: the same one for every message of a conversation."""
    return zlib.crc32(sender.encode("utf-8")) % replicas


class RasaClient:
    """Talks HTTP to the Rasa replicas (and, for health only, to the action server)."""

    def __init__(
        self,
        settings: Settings,
        session: aiohttp.ClientSession,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.session = session
        self.replicas = settings.rasa_replicas
        self.webhook = f"{self.replicas[0]}/webhooks/rest/webhook"
        self._timeout = aiohttp.ClientTimeout(total=settings.rasa_timeout)
        # In a header, not as `?token=` in the URL, where logs and proxies would keep it.
        self._auth = {"Authorization": f"Bearer {settings.rasa_token}"} if settings.rasa_token else {}
        self._clock = clock
        self._resting_until: dict[str, float] = {}

    @property
    def can_read_history(self) -> bool:
        """The tracker is only readable with Rasa's API token."""
        return bool(self.settings.rasa_token)

    def order(self, sender: str) -> list[str]:
        """The replicas in the order this visitor tries them; those that just failed go last."""
        start = first_choice(sender, len(self.replicas))
        ring = [*self.replicas[start:], *self.replicas[:start]]
        moment = self._clock()
        return sorted(ring, key=lambda url: self._resting_until.get(url, 0.0) > moment)

    async def _on_replicas(
        self, sender: str, call: Callable[[str, bool], Awaitable[T]], resend: bool = True
    ) -> T:
        """Run `call(replica, is_retry)` on this visitor's replicas in turn until one answers.

        Without `resend` a request that may have arrived is not sent again (only a refused connection
        moves on), for calls that are not safe to repeat.
        """
        failure: RasaUnavailable | None = None
        for attempt, replica in enumerate(self.order(sender)):
            try:
                result = await call(replica, attempt > 0)
            except RasaUnavailable as error:
                failure = error
                if not error.try_another or not (resend or error.never_arrived):
                    raise
                self._resting_until[replica] = self._clock() + RESTING_SECONDS
                if len(self.replicas) > 1:
                    logger.warning(
                        "Rasa replica %s did not answer (%s); trying the next one.", replica, error
                    )
                continue
            self._resting_until.pop(replica, None)
            return result
        assert failure is not None
        raise failure

    async def send(self, sender: str, text: str) -> list[dict[str, Any]]:
        """Relay one message to the REST channel and return Rasa's answer (a list of messages).

        The message carries an id, so that a resend to another replica is never answered twice.
        """
        message_id = uuid.uuid4().hex

        async def post(replica: str, retry: bool) -> list[dict[str, Any]]:
            body: dict[str, Any] = {"sender": sender, "message": text, "message_id": message_id}
            if retry:
                body["retry"] = True
            try:
                async with self.session.post(
                    f"{replica}/webhooks/rest/webhook", json=body, timeout=self._timeout
                ) as response:
                    if response.status != 200:
                        raise _status_failure("REST channel", response.status)
                    answer = await response.json(content_type=None)
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
                raise _failure(error) from error
            if not isinstance(answer, list):
                raise RasaUnavailable("REST channel answered something other than a list")
            return [reply for reply in answer if isinstance(reply, dict)]

        return await self._on_replicas(sender, post)

    async def tracker_events(self, sender: str) -> list[dict[str, Any]]:
        """The events of one conversation, from Rasa's tracker store (needs the API token)."""
        if not self.settings.rasa_token:
            raise RasaUnavailable("no RASA_TOKEN, so the tracker cannot be read", try_another=False)

        async def get(replica: str, _: bool) -> Any:
            url = f"{replica}/conversations/{sender}/tracker"
            try:
                async with self.session.get(url, headers=self._auth, timeout=self._timeout) as response:
                    if response.status != 200:
                        raise _status_failure("tracker", response.status)
                    return await response.json(content_type=None)
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
                raise _failure(error) from error

        body = await self._on_replicas(sender, get)
        events = body.get("events") if isinstance(body, dict) else None
        return [event for event in events if isinstance(event, dict)] if isinstance(events, list) else []

    async def _api(self, sender: str, path: str, body: Any) -> Any:
        """POST to Rasa's HTTP API with the token; the decoded answer.

        These calls change the conversation, so they move to another replica only when the first
        one could not be reached at all.
        """
        if not self.settings.rasa_token:
            raise RasaUnavailable("no RASA_TOKEN, so Rasa's API cannot be used", try_another=False)

        async def post(replica: str, _: bool) -> Any:
            try:
                async with self.session.post(
                    f"{replica}{path}", headers=self._auth, json=body, timeout=self._timeout
                ) as response:
                    if response.status != 200:
                        raise _status_failure("Rasa's API", response.status)
                    return await response.json(content_type=None)
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
                raise _failure(error) from error

        return await self._on_replicas(sender, post, resend=False)

    async def append_events(self, sender: str, events: list[dict[str, Any]]) -> None:
        """Write events into one conversation's tracker (a volunteer's message, `resume`)."""
        await self._api(sender, f"/conversations/{sender}/tracker/events?include_events=NONE", events)

    async def add_volunteer_message(self, sender: str, text: str) -> None:
        """A volunteer's message, kept in the tracker as a bot message marked as coming from a person."""
        await self.append_events(sender, [{"event": "bot", "text": text, "metadata": {"from": "volunteer"}}])

    async def execute(self, sender: str, action: str) -> list[dict[str, Any]]:
        """Run one action or response in a conversation; return the messages it sent."""
        body = await self._api(
            sender, f"/conversations/{sender}/execute?include_events=NONE", {"name": action}
        )
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
        """Whether a Rasa replica's REST channel and the action server answer right now."""
        *replicas, actions = await asyncio.gather(
            *(self._answers(f"{replica}/webhooks/rest/") for replica in self.replicas),
            self._answers(f"{self.settings.actions_url}/health"),
        )
        return {"rasa": any(replicas), "actions": actions}
