"""NLU component after the classifiers: acute risk first, then messages without words or in English."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_ext.nlp.crisis_classifier import PROBABILITY_KEY, SENTENCE_PROBABILITY_KEY
from bot.rasa_ext.nlp.input_guard import is_verified_button
from bot.safety.crisis import detect_crisis, has_harmless_idiom
from bot.text import has_letters, looks_english

CRISIS_INTENT = "crisis"
NO_WORDS_INTENT = "no_words"
OTHER_LANGUAGE_INTENT = "other_language"
# The parse data key that says why the screen set the intent (for tests and the logs).
SCREEN_KEY = "safety_screen"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SafetyScreen(GraphComponent, IntentClassifier):
    """Overrides the predicted intent when the rules are surer than the model.

    - Acute risk found by `bot.safety.crisis` always becomes the `crisis` intent, whatever the
      model predicted. So does a `crisis_probability` (from `bot.rasa_ext.nlp.crisis_classifier`) of at
      least `crisis_probability_threshold`, or a `crisis_sentence_probability` (its riskiest
      sentence alone) of at least `crisis_sentence_threshold`. The intent model's own `crisis`
      prediction counts from `model_crisis_threshold`, except when the message uses a risk word in a
      harmless idiom ("ik ga dood van de kou"): then the rules and the crisis classifier decide.
    - A `crisis` guess of the model below the threshold, without a rule hit, gives way to the
      model's next guess, or to `nlu_fallback` (asking to rephrase) when that guess is below
      `fallback_threshold` (the FallbackClassifier's threshold).
    - Text without any letter (emoji, punctuation, nothing) becomes `no_words`.
    - Text that is clearly English becomes `other_language`.
    """

    @classmethod
    def required_components(cls) -> list[type]:
        """Runs after an intent classifier."""
        return [IntentClassifier]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Thresholds from which the crisis classifier and the intent model are trusted."""
        return {
            "crisis_probability_threshold": 0.7,
            "crisis_sentence_threshold": 0.85,
            "model_crisis_threshold": 0.99,
            "fallback_threshold": 0.4,
        }

    def __init__(self, config: dict[str, Any]) -> None:
        """Keep the configuration."""
        self.crisis_probability_threshold = float(config["crisis_probability_threshold"])
        self.crisis_sentence_threshold = float(config["crisis_sentence_threshold"])
        self.model_crisis_threshold = float(config["model_crisis_threshold"])
        self.fallback_threshold = float(config["fallback_threshold"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyScreen:
        """Create the component."""
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Screen each message in place."""
        for message in messages:
            self._screen(message)
        return messages

    def _screen(self, message: Message) -> None:
        if is_verified_button(message):
            return
        text = message.get(TEXT) or ""
        signal = detect_crisis(text)
        if signal is not None:
            self._set_intent(message, CRISIS_INTENT, {"rules": list(signal.reasons)})
        elif float(message.get(PROBABILITY_KEY) or 0.0) >= self.crisis_probability_threshold:
            self._set_intent(message, CRISIS_INTENT, {"classifier": message.get(PROBABILITY_KEY)})
        elif float(message.get(SENTENCE_PROBABILITY_KEY) or 0.0) >= self.crisis_sentence_threshold:
            self._set_intent(
                message, CRISIS_INTENT, {"classifier_sentence": message.get(SENTENCE_PROBABILITY_KEY)}
            )
        elif self._model_says_crisis(message) and not has_harmless_idiom(text):
            self._set_intent(message, CRISIS_INTENT, {"model": True})
        elif self._top_intent(message) == CRISIS_INTENT:
            # The model alone is not sure enough: use its next guess instead of a false alarm.
            self._demote_crisis(message)
        elif not has_letters(text):
            self._set_intent(message, NO_WORDS_INTENT, {"no_letters": True})
        elif looks_english(text):
            self._set_intent(message, OTHER_LANGUAGE_INTENT, {"english": True})

    def _model_says_crisis(self, message: Message) -> bool:
        for ranked in message.get(INTENT_RANKING_KEY) or []:
            if ranked.get(INTENT_NAME_KEY) == CRISIS_INTENT:
                return float(ranked.get(PREDICTED_CONFIDENCE_KEY, 0.0)) >= self.model_crisis_threshold
        return False

    @staticmethod
    def _top_intent(message: Message) -> str | None:
        return (message.get(INTENT) or {}).get(INTENT_NAME_KEY)

    def _demote_crisis(self, message: Message) -> None:
        ranking = [
            r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != CRISIS_INTENT
        ]
        sure = ranking and float(ranking[0].get(PREDICTED_CONFIDENCE_KEY, 0.0)) >= self.fallback_threshold
        fallback = {INTENT_NAME_KEY: "nlu_fallback", PREDICTED_CONFIDENCE_KEY: self.fallback_threshold}
        message.set(INTENT, ranking[0] if sure else fallback, add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        message.set(SCREEN_KEY, {"model_crisis_below_threshold": True}, add_to_output=True)

    @staticmethod
    def _set_intent(message: Message, intent: str, reason: dict[str, Any]) -> None:
        chosen = {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != intent]
        message.set(INTENT, chosen, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)
        message.set(SCREEN_KEY, reason, add_to_output=True)
