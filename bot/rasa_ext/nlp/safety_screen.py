"""NLU component after the classifiers: the three tiers of risk first, then no words or English."""

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
from bot.safety.possible_risk import (
    RiskKind,
    only_in_possible_risk,
    outside_possible_risk,
    possible_risk,
)
from bot.safety.rules import detect_crisis, has_harmless_idiom
from bot.text import has_letters, looks_english

CRISIS_INTENT = "crisis"
NO_WORDS_INTENT = "no_words"
OTHER_LANGUAGE_INTENT = "other_language"
# The parse data key that says why the screen set the intent (for tests and the logs).
SCREEN_KEY = "safety_screen"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SafetyScreen(GraphComponent, IntentClassifier):
    """Sorts every message into three tiers of risk, after the intent classifiers.

    - Tier 1, acute: a rule of `bot.safety.rules` (unless the rule only matched a dark phrase or risk
      told about the past), a `crisis_probability` (from `bot.rasa_ext.nlp.crisis_classifier`) of at
      least `acute_probability`, or a `crisis_sentence_probability` (its riskiest sentence alone) of at
      least `acute_sentence_probability`. The intent becomes `crisis`, whatever the model predicted.
      A score alone never makes a short message (`short_words` or fewer) acute: short messages are
      mostly answers to the assistant's own questions ("nee, hij weet het niet").
    - Tier 2, possible risk: a dark phrase or risk told about the past (`bot.safety.possible_risk`), or
      an uncertain score (from `possible_probability` / `possible_sentence_probability`). The intent is
      left as predicted; `safety_screen` says `tier: 2`, and the CrisisPolicy asks the check question.
    - The intent model's own `crisis` guess counts as tier 2 from `model_crisis_threshold` (except in a
      harmless idiom such as "ik ga dood van de kou"); below it, its next guess is used, or `nlu_fallback`
      when that is below `fallback_threshold`.
    - Text without any letter becomes `no_words`; clearly English text `other_language`.
    """

    @classmethod
    def required_components(cls) -> list[type]:
        """Runs after an intent classifier."""
        return [IntentClassifier]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The score bands of the tiers; see config.yml for how they were chosen."""
        return {
            "acute_probability": 0.95,
            "acute_sentence_probability": 0.98,
            "possible_probability": 0.7,
            "possible_sentence_probability": 0.9,
            "short_words": 6,
            "model_crisis_threshold": 0.99,
            "fallback_threshold": 0.4,
        }

    def __init__(self, config: dict[str, Any]) -> None:
        """Keep the configuration."""
        self.acute_probability = float(config["acute_probability"])
        self.acute_sentence_probability = float(config["acute_sentence_probability"])
        self.possible_probability = float(config["possible_probability"])
        self.possible_sentence_probability = float(config["possible_sentence_probability"])
        self.short_words = int(config["short_words"])
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
            if self._top_intent(message) == CRISIS_INTENT:
                # The assistant's own button ("min of meer") is never a crisis, whatever the intent
                # model guesses for its few words: its next guess instead.
                self._demote_crisis(message)
            return
        text = message.get(TEXT) or ""
        kind = possible_risk(text)
        reason = self._acute(message, text, kind)
        if reason is not None:
            self._set_intent(message, CRISIS_INTENT, {"tier": 1, **reason})
            return
        possible = self._possible(message, text, kind)
        if self._top_intent(message) == CRISIS_INTENT:
            # The intent model alone is not sure enough: its next guess instead of a false alarm.
            self._demote_crisis(message)
        if possible is not None:
            message.set(SCREEN_KEY, {"tier": 2, **possible}, add_to_output=True)
        elif not has_letters(text):
            self._set_intent(message, NO_WORDS_INTENT, {"no_letters": True})
        elif looks_english(text):
            self._set_intent(message, OTHER_LANGUAGE_INTENT, {"english": True})

    def _acute(self, message: Message, text: str, kind: RiskKind | None) -> dict[str, Any] | None:
        """Why the message is acute (tier 1), or None."""
        signal = detect_crisis(text)
        if signal is not None and not (kind is not None and only_in_possible_risk(text)):
            return {"rules": list(signal.reasons)}
        if len(text.split()) <= self.short_words or kind == "past":
            # Risk told about the past scores high on its own words; it gets the question how it is now.
            return None
        if kind is not None and len(outside_possible_risk(text).split()) <= self.short_words:
            # The score comes from the dark phrase or the old attempt itself: that is tier 2.
            return None
        if self._score(message, PROBABILITY_KEY) >= self.acute_probability:
            return {"classifier": self._score(message, PROBABILITY_KEY)}
        if self._score(message, SENTENCE_PROBABILITY_KEY) >= self.acute_sentence_probability:
            return {"classifier_sentence": self._score(message, SENTENCE_PROBABILITY_KEY)}
        return None

    def _possible(self, message: Message, text: str, kind: RiskKind | None) -> dict[str, Any] | None:
        """Why the message may carry risk (tier 2), or None."""
        if kind is not None:
            return {"possible": kind}
        score = self._score(message, PROBABILITY_KEY)
        sentence = self._score(message, SENTENCE_PROBABILITY_KEY)
        if score >= self.possible_probability or sentence >= self.possible_sentence_probability:
            return {"classifier": round(max(score, sentence), 3)}
        if self._model_says_crisis(message) and not has_harmless_idiom(text):
            return {"model": True}
        return None

    @staticmethod
    def _score(message: Message, key: str) -> float:
        return float(message.get(key) or 0.0)

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
