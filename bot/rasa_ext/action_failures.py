"""A custom action that fails gets the visitor a kind message with 113 and 112, not silence.

Rasa on its own logs a failed custom action (the action server is down or restarting, or it answered
with an error), drops the action's events and goes on: the visitor gets an empty answer, and a new
visitor not even the welcome. With `install()` a failed action says `utter_assistant_trouble` instead
(sorry, try again in a minute, 113 and 112), once per message however many actions fail in it. The
action's own events are still lost, as before; the next message after the action server is back is
handled as usual. A rejection by the action server (a form that did not validate) is not a failure.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.actions.action import ActionExecutionRejection, RemoteAction, create_bot_utterance
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, BotUttered, Event
from rasa.shared.exceptions import RasaException

logger = logging.getLogger(__name__)

TROUBLE_RESPONSE = "utter_assistant_trouble"


def told_in_this_turn(events: list[Event]) -> bool:
    """Whether the trouble message was already sent since the assistant last listened."""
    for event in reversed(events):
        if isinstance(event, BotUttered) and (event.metadata or {}).get("utter_action") == TROUBLE_RESPONSE:
            return True
        if isinstance(event, ActionExecuted) and event.action_name == ACTION_LISTEN_NAME:
            return False
    return False


async def trouble_message(nlg: Any, tracker: Any, channel: str) -> list[Event]:
    """`utter_assistant_trouble` as an event, or nothing when this turn already has it."""
    if told_in_this_turn(list(tracker.events)):
        return []
    message = await nlg.generate(TROUBLE_RESPONSE, tracker, channel)
    if message is None:
        logger.error("The model's domain has no %s; retrain (make train).", TROUBLE_RESPONSE)
        return []
    message["utter_action"] = TROUBLE_RESPONSE
    return [create_bot_utterance(message)]


def install() -> None:
    """Make every custom action answer with the trouble message when it fails."""
    original = RemoteAction.run
    if getattr(original, "_kind_on_failure", False):
        return

    async def run(
        self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any
    ) -> list[Event]:
        try:
            events: list[Event] = await original(self, output_channel, nlg, tracker, domain)
            return events
        except ActionExecutionRejection:
            raise
        except Exception as error:  # Rasa would log and go on silently; here the visitor hears why
            # The error's text names the action and the action server, never what the visitor wrote.
            reason = str(error) if isinstance(error, RasaException) else type(error).__name__
            logger.error("Custom action '%s' failed (%s); the visitor is told.", self.name(), reason)
            return await trouble_message(nlg, tracker, output_channel.name())

    run._kind_on_failure = True  # type: ignore[attr-defined]
    RemoteAction.run = run  # type: ignore[method-assign]
