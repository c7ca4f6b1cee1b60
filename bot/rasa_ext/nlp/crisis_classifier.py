"""NLU component that scores every message for acute risk with `bot.safety.crisis_model`.

It only adds two numbers to the message: `crisis_probability` for the message as a whole and
`crisis_sentence_probability` for its riskiest sentence (0 when it has one sentence);
`bot.rasa_ext.nlp.safety_screen.SafetyScreen` decides what to do with them, together with the rules. It
learns from the `crisis` intent against all other intents in the NLU data, plus the extra examples
in the files named by `corpus` (relative to the project directory, where `rasa train` runs). The
files' contents and the code that prepares the text are part of the component's fingerprint, so Rasa
retrains it when they change.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import bot.safety.crisis_model
import bot.safety.rules
import bot.text
from bot.safety.crisis_model import CrisisModel, CrisisScores, load_corpus

logger = logging.getLogger(__name__)

CRISIS_INTENT = "crisis"
# The message keys the scores are written to (and read from by SafetyScreen).
PROBABILITY_KEY = "crisis_probability"
SENTENCE_PROBABILITY_KEY = "crisis_sentence_probability"
_FILE = "crisis_model.joblib"
# The code that turns a message into model input: part of the fingerprint (every file of the rules).
_PREPARATION_CODE = (
    *sorted(Path(str(bot.safety.rules.__file__)).parent.glob("*.py")),
    Path(str(bot.safety.crisis_model.__file__)),
    Path(str(bot.text.__file__)),
)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class CrisisClassifier(GraphComponent, IntentClassifier):
    """Adds the probability of acute risk to each message; changes nothing else."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Extra example files and the model's regularisation strength."""
        return {"corpus": ["data/safety/crisis_corpus.yml", "data/safety/crisis_dev.yml"], "c": 30.0}

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """The corpus files and the text preparation code, so that editing either retrains the model."""
        digest = hashlib.sha256()
        for path in _PREPARATION_CODE:
            digest.update(path.read_bytes())
        for name in config.get("corpus") or []:
            path = Path(name)
            digest.update(name.encode())
            digest.update(path.read_bytes() if path.exists() else b"<missing>")
        return digest.hexdigest()

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: CrisisModel | None = None,
    ) -> None:
        """Keep the configuration and, once trained or loaded, the model."""
        self.config = config
        self._model_storage = model_storage
        self._resource = resource
        self.model = model

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> CrisisClassifier:
        """An untrained component."""
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Learn crisis against every other intent, plus the corpus files."""
        corpus = [Path(name) for name in self.config.get("corpus") or []]
        missing = [str(path) for path in corpus if not path.exists()]
        if missing:
            raise FileNotFoundError(f"Crisis corpus not found (run rasa in the project directory): {missing}")
        crisis, not_acute = load_corpus(corpus)
        for example in training_data.intent_examples:
            text = example.get(TEXT)
            if text:
                (crisis if example.get(INTENT) == CRISIS_INTENT else not_acute).append(text)
        self.model = CrisisModel(c=float(self.config["c"])).fit(crisis, not_acute)
        self.persist()
        return self._resource

    def persist(self) -> None:
        """Write the fitted model into the Rasa model archive."""
        if self.model is None:
            return
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(self.model.pipeline, Path(directory) / _FILE)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> CrisisClassifier:
        """Read the fitted model back; without one every score is 0 and the rules still work."""
        try:
            with model_storage.read_from(resource) as directory:
                model = CrisisModel(joblib.load(Path(directory) / _FILE))
        except (ValueError, FileNotFoundError):
            logger.warning("No trained crisis model found; only the crisis rules are active.")
            model = None
        return cls(config, model_storage, resource, model)

    def process(self, messages: list[Message]) -> list[Message]:
        """Add both scores to each message."""
        for message in messages:
            text = message.get(TEXT) or ""
            scores = (
                self.model.scores(text) if self.model is not None and text.strip() else CrisisScores(0.0, 0.0)
            )
            message.set(PROBABILITY_KEY, round(scores.message, 4), add_to_output=True)
            message.set(SENTENCE_PROBABILITY_KEY, round(scores.sentence, 4), add_to_output=True)
        return messages
