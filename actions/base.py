"""The shared base of the project's actions: the name lives in one class attribute."""

from __future__ import annotations

import abc
from typing import Any, ClassVar

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher


class Named:
    """Gives `name()` from the class attribute `action_name` (also for form validation actions)."""

    action_name: ClassVar[str]

    def name(self) -> str:
        """The action's name, as the domain lists it."""
        return self.action_name


class BaseAction(Named, Action, abc.ABC):
    """An action of this project; abstract, so rasa-sdk registers only its subclasses."""

    @abc.abstractmethod
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Read slots, call `bot/`, send responses, return events."""
