"""The REST channel (`/webhooks/rest/webhook`) with input checks and button verification.

Same wire format as Rasa's own REST channel: POST `{"sender": "...", "message": "..."}` and get a
JSON list of bot messages back. On top of that it:
- answers malformed requests with a clear 400 instead of a server error;
- cuts over-long text before it reaches NLU;
- lets a message starting with `/` through as a command only when it is exactly one of the buttons
  the assistant offered in its last turn; typed commands lose their slash (see `InputGuard`);
- marks a plain-text message that is exactly one of the plain-text buttons of the assistant's last
  answer to this sender (the scale's "min of meer", an interest, a place) as a verified button, so the
  crisis screen does not read the assistant's own words as the visitor's;
- never lets a client set the "verified button" marker itself;
- keeps an optional `message_id` with the message, and answers a resend (`"retry": true`, sent by a
  gateway whose first Rasa replica did not answer) from the tracker when that message was already
  handled, so a message is never answered twice (`answer_already_given`).
"""

from __future__ import annotations

import logging
from asyncio import CancelledError
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.core.lock_store import LOCK_LIFETIME
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.rasa_ext.nlp.input_guard import VERIFIED_BUTTON_KEY
from bot.text import cut

logger = logging.getLogger(__name__)

MAX_SENDER_CHARS = 128
MAX_MESSAGE_ID_CHARS = 64
MAX_REMEMBERED_SENDERS = 10_000


def offered_payloads(events: list[Any]) -> set[str]:
    """Button payloads the assistant sent since the visitor's last message."""
    payloads: set[str] = set()
    for event in reversed(events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, BotUttered):
            for button in event.data.get("buttons") or []:
                payload = button.get("payload")
                if isinstance(payload, str):
                    payloads.add(payload)
    return payloads


def answer_already_given(events: list[Any], message_id: str, sender: str) -> list[dict[str, Any]] | None:
    """The bot messages that answered the user message with `message_id`, or None when it is not there.

    The messages as the REST channel sent them: everything the assistant said after that message,
    up to the visitor's next one.
    """
    answer: list[dict[str, Any]] | None = None
    for event in events:
        if isinstance(event, UserUttered):
            if answer is not None:
                break
            if event.message_id == message_id:
                answer = []
        elif isinstance(event, BotUttered) and answer is not None:
            message: dict[str, Any] = {"recipient_id": sender}
            if event.text:
                message["text"] = event.text
            message.update({key: value for key, value in (event.data or {}).items() if value})
            answer.append(message)
    return answer


class LastPlainButtons:
    """The plain-text button payloads of the assistant's last answer to each sender, in memory.

    Filled from the answers this channel sends back, so checking a message costs no tracker look-up.
    A sender this process did not answer (after a restart, or on another Rasa process) has no entry,
    and the message is then screened like typed text: the safe side. At most `max_senders` senders
    are kept; the least recently answered go first.
    """

    def __init__(self, max_senders: int = MAX_REMEMBERED_SENDERS) -> None:
        self._max_senders = max_senders
        self._by_sender: OrderedDict[str, frozenset[str]] = OrderedDict()

    def remember(self, sender: str, answer: list[dict[str, Any]]) -> None:
        """Keep the plain-text payloads of this answer; an answer without them clears the sender."""
        payloads = frozenset(
            button["payload"]
            for message in answer
            for button in message.get("buttons") or []
            if isinstance(button, dict)
            and isinstance(button.get("payload"), str)
            and button["payload"].strip()
            and not button["payload"].lstrip().startswith("/")
        )
        self._by_sender.pop(sender, None)
        if payloads:
            self._by_sender[sender] = payloads
            while len(self._by_sender) > self._max_senders:
                self._by_sender.popitem(last=False)

    def offered(self, sender: str, text: str) -> bool:
        """Tell whether `text` is exactly a plain-text button of the last answer to `sender`."""
        return text in self._by_sender.get(sender, frozenset())


class GuardedRestInput(InputChannel):
    """Rasa's REST wire format, with the project's input rules."""

    def __init__(self) -> None:
        self.plain_buttons = LastPlainButtons()

    @classmethod
    def name(cls) -> str:
        """Keep the standard URL `/webhooks/rest/webhook`."""
        return "rest"

    async def _is_offered_button(self, request: Request, sender: str, text: str) -> bool:
        agent = getattr(request.app.ctx, "agent", None)
        if agent is None or agent.tracker_store is None:
            return False
        tracker = await agent.tracker_store.retrieve(sender)
        return tracker is not None and text in offered_payloads(list(tracker.events))

    async def _earlier_answer(
        self, request: Request, sender: str, message_id: str
    ) -> list[dict[str, Any]] | None:
        """A resent message that a replica already handled: its answer from the tracker, under the lock.

        The lock waits until a replica that is still handling it is done (or its lock expired). This
        ticket lives twice as long as the usual: a replica that died holding the lock leaves a ticket
        issued a moment before this one, and with equal lifetimes both can expire between two looks,
        after which Rasa's ticket lock never serves this one.
        """
        agent = getattr(request.app.ctx, "agent", None)
        if agent is None or agent.tracker_store is None or agent.lock_store is None:
            return None
        async with agent.lock_store.lock(sender, lock_lifetime=2 * LOCK_LIFETIME, wait_time_in_seconds=0.25):
            tracker = await agent.tracker_store.retrieve(sender)
        return None if tracker is None else answer_already_given(list(tracker.events), message_id, sender)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Routes: GET / (health) and POST /webhook."""
        webhook = Blueprint("guarded_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                body = request.json
            except Exception:  # sanic raises its own error type for invalid JSON
                body = None
            if not isinstance(body, dict):
                return response.json(
                    {"error": 'Stuur JSON zoals {"sender": "...", "message": "..."}.'},
                    status=400,
                )
            sender = body.get("sender")
            text = body.get("message")
            if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
                return response.json(
                    {"error": f"'sender' moet tekst zijn van 1 tot {MAX_SENDER_CHARS} tekens."},
                    status=400,
                )
            if text is None:
                text = ""
            if not isinstance(text, str):
                return response.json({"error": "'message' moet tekst zijn."}, status=400)

            message_id = body.get("message_id")
            if not isinstance(message_id, str) or not 0 < len(message_id) <= MAX_MESSAGE_ID_CHARS:
                message_id = None
            if message_id and body.get("retry") is True:
                earlier = await self._earlier_answer(request, sender, message_id)
                if earlier is not None:
                    logger.info("A resent message was answered already; that answer is sent again.")
                    return response.json(earlier)

            text = cut(text)
            if text.lstrip().startswith("/"):
                verified = await self._is_offered_button(request, sender, text)
            else:
                verified = self.plain_buttons.offered(sender, text)
            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(
                        text,
                        collector,
                        sender,
                        input_channel=self.name(),
                        metadata={VERIFIED_BUTTON_KEY: verified},
                        message_id=message_id,
                    )
                )
            except CancelledError:
                logger.error("A message took too long to handle.")
            except Exception:
                logger.exception("Handling a message failed.")
            self.plain_buttons.remember(sender, collector.messages)
            return response.json(collector.messages)

        return webhook
