"""The shared base of this project's fixed dialogue policies: nothing to train, above the RulePolicy."""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker


class FixedPolicy(Policy):
    """A policy of written rules: it learns nothing and has priority 7 (the RulePolicy has 6).

    A subclass says in `_target` which action comes next, or None to abstain.
    """

    no_user_prediction = False

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

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """Probability 1 for the action `_target` names; all zero (abstain) when it names none."""
        probabilities = self._default_predictions(domain)
        target = self._target(tracker)
        if target is not None:
            probabilities[domain.index_for_action(target)] = 1.0
        no_user = self.no_user_prediction and target is not None
        return self._prediction(probabilities, is_no_user_prediction=no_user)

    @staticmethod
    def _target(tracker: DialogueStateTracker) -> str | None:
        """The next action, or None."""
        raise NotImplementedError
