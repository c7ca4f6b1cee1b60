"""A dialogue policy for practice mode: while a trainee practises, every message goes to the persona.

Practice mode is read from the conversation itself, so story tests see it too: it runs from
`action_practice_start` until `action_practice_stop`, a crisis answer (a trainee's own crisis ends the
practice: the human help offered must be reachable), or a new session. While it runs no other rule,
form, melding or handover starts; only the CrisisPolicy (priority 8, no-user predictions) goes first.
"""

from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, Restarted, SessionStarted, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_ext.nlp.fixed_policy import FixedPolicy
from bot.rasa_ext.nlp.input_guard import VERIFIED_BUTTON_KEY
from bot.text import normalise

START_ACTION = "action_practice_start"
TURN_ACTION = "action_practice_turn"
STOP_ACTION = "action_practice_stop"
START_INTENT = "start_practice"
STOP_INTENT = "stop_practice"
# Set by the crisis answer (actions/safety.py); it ends practice mode.
CRISIS_SLOT = "crisis_answered"
PRACTICE_ACTIONS = frozenset({START_ACTION, TURN_ACTION, STOP_ACTION})
# "stop oefenen", "ik wil stoppen met oefenen", "klaar met het oefengesprek", "einde oefening".
_STOP = re.compile(
    r"\b(stop\w*|klaar|einde|genoeg|ophouden)( \w+)?( met)?( het)? oefen\w*|\boefen\w* (stoppen|stop|klaar)\b"
)
# The stop intent alone counts only in a short message: a persona line may well say "stop".
STOP_INTENT_WORDS = 4


def practice_active(tracker: DialogueStateTracker) -> bool:
    """Whether practice mode runs: started, and not stopped, ended by a crisis answer or a new session."""
    active = False
    for event in tracker.events:
        if isinstance(event, (SessionStarted, Restarted)):
            active = False
        elif isinstance(event, ActionExecuted) and event.action_name == START_ACTION:
            active = True
        elif isinstance(event, ActionExecuted) and event.action_name == STOP_ACTION:
            active = False
        elif isinstance(event, SlotSet) and event.key == CRISIS_SLOT and event.value:
            active = False
    return active


def wants_to_stop(text: str, intent: str | None) -> bool:
    """The trainee asks to stop practising ("stop oefenen")."""
    said = normalise(text)
    if _STOP.search(said):
        return True
    return intent == STOP_INTENT and len(said.split()) <= STOP_INTENT_WORDS


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class PracticePolicy(FixedPolicy):
    """Routes practice mode: start, every turn to the persona, stop; listens after each.

    Priority 7 like the ContextPolicy; it comes first in config.yml, so it wins a tie (Rasa keeps the
    first of equal predictions). It abstains outside practice mode, except to start it.
    """

    @staticmethod
    def _target(tracker: DialogueStateTracker) -> str | None:
        """The practice action for this message, listen after one, or None outside practice mode."""
        last_action = tracker.latest_action_name
        if last_action in PRACTICE_ACTIONS:
            return ACTION_LISTEN_NAME
        message = tracker.latest_message
        if last_action != ACTION_LISTEN_NAME or message is None:
            return None
        intent: str | None = message.intent.get("name")
        if not practice_active(tracker):
            return START_ACTION if intent == START_INTENT else None
        text = message.text or ""
        if wants_to_stop(text, intent):
            return STOP_ACTION
        button = (message.metadata or {}).get(VERIFIED_BUTTON_KEY) is True
        if intent == START_INTENT and button and text.startswith("/"):
            return START_ACTION  # "nog eens, met meer weerstand" from the offer after the feedback
        return TURN_ACTION
