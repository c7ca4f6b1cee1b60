"""The shared base of this project's fixed dialogue policies: nothing to train, above the RulePolicy."""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates


class FixedPolicy(Policy):
    """A policy of written rules: it learns nothing and has priority 7 (the RulePolicy has 6)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Above the RulePolicy."""
        return {"priority": 7}

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Any = None,
    ) -> None:
        """Create the policy (it learns nothing)."""
        super().__init__(config, model_storage, resource, execution_context, featurizer)

    def train(
        self,
        training_trackers: list[TrackerWithCachedStates],
        domain: Domain,
        **kwargs: Any,
    ) -> Resource:
        """Nothing to learn: the policy is fixed."""
        return self._resource
