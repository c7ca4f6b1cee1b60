"""Rasa's response generator, made to never send the same text twice in a row.

With several variants of a response, one that differs from the assistant's previous message is chosen.
With one variant that would repeat the previous message word for word (someone asks the same thing
twice), the text is kept but opens with the short `utter_repeat_prefix`, so that it reads as said again
on purpose, not as a machine stuck in a loop. Buttons and placeholders are kept as they are.
"""

from __future__ import annotations

import copy
import random
from typing import Any

from rasa.core.nlg.generator import ResponseVariationFilter
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

REPEAT_PREFIX = "utter_repeat_prefix"


def previous_bot_text(tracker: DialogueStateTracker) -> str | None:
    """The text of the assistant's latest message in this conversation."""
    for event in reversed(tracker.events):
        if isinstance(event, BotUttered):
            return event.text
    return None


class VariedNLG(TemplatedNaturalLanguageGenerator):
    """The templated generator of the domain's responses, without a word-for-word repeat."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, domain: Domain | None = None) -> None:
        """Use the domain's responses, as Rasa's own generator does."""
        super().__init__((domain or Domain.empty()).responses)

    async def generate(
        self,
        utter_action: str,
        tracker: DialogueStateTracker,
        output_channel: str,
        **kwargs: Any,
    ) -> dict[str, Any] | None:
        """A variant that differs from the previous message, or the one variant marked as said again."""
        if utter_action not in self.responses:
            return None
        slots = tracker.current_slot_values()
        suitable = ResponseVariationFilter(self.responses).responses_for_utter_action(
            utter_action, output_channel, slots
        )
        filled = [self._fill_response(copy.deepcopy(variant), slots, **kwargs) for variant in suitable]
        filled = [response for response in filled if response is not None]
        if not filled:
            return None
        previous = previous_bot_text(tracker)
        fresh = [response for response in filled if response.get("text") != previous]
        if fresh:
            return random.choice(fresh)
        response = random.choice(filled)
        prefix = self.generate_from_slots(REPEAT_PREFIX, slots, output_channel)
        if prefix and prefix.get("text") and response.get("text"):
            response["text"] = f"{prefix['text']} {response['text']}"
        return response
