"""NLU component: notes "u" in a message as the entity `address`, so every reply can say "u" at once.

The slot `address` is filled from this entity before any action of the turn runs; a slot set by the
listening action itself would only change the replies of the next turn.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.conversation.reading import U_FORM

ADDRESS_ENTITY = "address"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class AddressReader(GraphComponent, EntityExtractorMixin):
    """Adds the entity `address` with the value "u" when the person writes "u" or "uw"."""

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
    ) -> AddressReader:
        """Create the component."""
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        """Mark each message that says "u"."""
        for message in messages:
            text = message.get(TEXT) or ""
            match = U_FORM.search(text.lower())
            if match is None:
                continue
            entity = {
                "entity": ADDRESS_ENTITY,
                "value": "u",
                "start": match.start(),
                "end": match.end(),
                "extractor": self.__class__.__name__,
            }
            message.set(ENTITIES, [*(message.get(ENTITIES) or []), entity], add_to_output=True)
        return messages
