"""A dialogue policy that answers acute risk first, in every turn, also inside a form."""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_ext.nlp.fixed_policy import FixedPolicy

CRISIS_INTENT = "crisis"
CRISIS_ACTION = "action_crisis_response"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class CrisisPolicy(FixedPolicy):
    """Predicts `action_crisis_response` right after a `crisis` message, then listens again.

    Its predictions do not depend on the rest of the user turn and carry the highest priority, so
    they win over an active form and over every learned policy. The conversation stays open: after
    the crisis answer the assistant listens, and the person can go on or ask for a human.
    """

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """Predict the crisis answer, or the listen after it; otherwise abstain."""
        probabilities = self._default_predictions(domain)
        last_action = tracker.latest_action_name
        intent = tracker.latest_message.intent.get("name") if tracker.latest_message else None
        target = None
        if last_action == ACTION_LISTEN_NAME and intent == CRISIS_INTENT:
            target = CRISIS_ACTION
        elif last_action == CRISIS_ACTION:
            target = ACTION_LISTEN_NAME
        if target is not None:
            probabilities[domain.index_for_action(target)] = 1.0
        return self._prediction(probabilities, is_no_user_prediction=target is not None)
