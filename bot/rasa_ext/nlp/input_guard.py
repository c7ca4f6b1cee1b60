"""First component of the NLU pipeline: bounds the text and disarms typed `/intent{...}` commands."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.text import cut, strip_command_prefix

# Set only by this project's channels, after checking that the text is a button the assistant offered.
VERIFIED_BUTTON_KEY = "verified_button_payload"


def is_verified_button(message: Message) -> bool:
    """Tell whether a channel of ours vouched that this text is an offered button payload."""
    metadata = message.get("metadata") or {}
    return isinstance(metadata, dict) and metadata.get(VERIFIED_BUTTON_KEY) is True


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class InputGuard(GraphComponent):
    """Cuts over-long text and strips a leading `/` unless a channel verified a button payload.

    Rasa reads text that starts with `/` as an intent with entities, after all NLU components.
    Visitors must not be able to steer the dialogue or set slots that way, so typed text loses its
    slashes here, on every channel, and is understood as ordinary words.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """No options."""
        return {}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> InputGuard:
        """Create the component."""
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        """Guard each message in place."""
        for message in messages:
            text = message.get(TEXT) or ""
            if not is_verified_button(message):
                text = strip_command_prefix(text)
            message.set(TEXT, cut(text))
        return messages
