"""A dialogue policy that reads a message in its context before the rules answer it.

Real people write long messages that the intent model often cannot place. Three things must then never
happen: a person who tells something personal gets "Sorry, dat begreep ik niet goed" or "Daar kan ik je
niet mee helpen"; an answer to a question the assistant never asked ("Jammer dat het tegenviel" with no
step ever proposed); the same action again and again in one turn until Rasa stops answering at all.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.conversation.reading import Reading, read_message
from bot.conversation.summary import read_kind_answer
from bot.rasa_ext.nlp.fixed_policy import FixedPolicy
from bot.rasa_ext.nlp.input_guard import VERIFIED_BUTTON_KEY
from bot.rasa_ext.nlp.practice_policy import practice_active

LISTEN_ACTION = "action_listen_reflect"
HANDOVER_ACTION = "action_offer_handover"
CHOOSE_KIND_ACTION = "action_choose_kind"
LOOK_BACK_OPEN = "action_look_back_open"
LOOK_BACK_REPLY = "action_look_back_reply"
RESISTANCE_ACTION = "action_park_objection"
# Intents that keep their own rule even as the answer to an open question of the assistant.
OWN_RULE_INTENTS = frozenset(
    {
        "crisis", "greet", "goodbye", "ask_human", "bot_challenge", "ask_privacy", "affirm", "deny",
        "resistance", "start_practice", "stop_practice", "just_talk", "thank",
        "simple_language", "normal_language",
    }
)
# Questions of the handover itself and the check question: a human is then already on the way or asked.
HANDOVER_QUESTIONS = frozenset({"handover_summary", "handover_transcript", "risk_check"})
CRISIS_INTENT = "crisis"
# Intents that only mean something as the answer to one question of the assistant.
ANSWER_INTENTS: dict[str, str] = {
    "step_went_well": "look_back",
    "step_went_badly": "look_back",
    "step_not_done": "look_back",
}
# Answers that only mean something inside their form (the context policy abstains while a form runs).
FORM_ANSWER_INTENTS = frozenset({"network_answer", "plan_answer"})
# Intents that say nothing of their own; a long personal message classified as one is read as told.
UNPLACED_INTENTS = frozenset({"nlu_fallback", "out_of_scope"})
# Intents of a message that tells something (or could not be placed): the answer to an open question.
TELLING_INTENTS = frozenset(
    {"tell_situation", "tell_duration", "tell_interest", "feel_lonely", "feel_sad"} | UNPLACED_INTENTS
)
# A "no" at the start of a message that names something: "nee, liever geen vragenlijst".
DECLINED = re.compile(r"^\W*(nee|liever (geen|niet)|niet (nu|doen)|hoeft niet)\b|\bliever geen\b")
YES_NO_INTENTS = frozenset({"affirm", "deny"})
# Read from the conversation itself (not from a slot an action sets), so story tests see it too.
STEPS_SHOWN = "steps_shown"
# The role before the latest message: the intent "worried_about_other" sets it as the message comes in.
ROLE_BEFORE = "role_before_message"
STEP_ACTIONS = frozenset({"action_propose_steps", "action_find_activities"})
# After these actions the assistant always waits for the person.
TURN_ENDING_ACTIONS = frozenset(
    {LISTEN_ACTION, HANDOVER_ACTION, "action_fallback", CHOOSE_KIND_ACTION, LOOK_BACK_OPEN, LOOK_BACK_REPLY,
     RESISTANCE_ACTION}
)
# Rasa stops a turn after 10 predictions; a turn never needs this many actions.
MAX_ACTIONS_PER_TURN = 8
# A message of this many words in a conversation that is already about the person is never "unclear".
CONTINUATION_WORDS = 3
# A message this long is a story to listen to before any advice.
LONG_MESSAGE_WORDS = 20
# A story this long, in the first person, is the writer's own even when it names others a lot.
STORY_WORDS = 40


def role_before_latest_message(tracker: DialogueStateTracker) -> Any:
    """The role slot as it was before the person's latest message (None when never set)."""
    role: Any = None
    seen_latest = False
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            if seen_latest:
                break
            seen_latest = True
            continue
        if seen_latest and isinstance(event, SlotSet) and event.key == "role":
            return event.value
    return role


def actions_since_user(tracker: DialogueStateTracker) -> int:
    """How many actions ran since the person's latest message."""
    count = 0
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, ActionExecuted) and event.action_name != ACTION_LISTEN_NAME:
            count += 1
    return count


def read_in_context(
    intent: str | None, reading: Reading, slots: dict[str, Any], text: str = ""
) -> str | None:
    """The action that answers this message better than its intent's rule, or None to let the rules act."""
    pending = slots.get("pending_question") or "none"
    role = slots.get("role")
    listened = float(slots.get("listen_turns") or 0) > 0
    # A visitor who said "nee" to being asked about the step next time is not asked.
    follow_up = slots.get("plan_follow_up") is not False
    returning = slots.get("returning_visitor") and slots.get("plan_step") and follow_up
    if returning and intent not in ("greet", CRISIS_INTENT):
        # The first message of a new session with a plan: an open look-back question first.
        return LOOK_BACK_REPLY if intent in ANSWER_INTENTS else LOOK_BACK_OPEN
    if pending == "look_back" and intent in TELLING_INTENTS:
        return LOOK_BACK_REPLY  # the answer to "hoe is het je vergaan?" in the person's own words
    if pending == "kind" and intent not in OWN_RULE_INTENTS and read_kind_answer(text) is not None:
        return CHOOSE_KIND_ACTION
    if pending == "resistance_source" and intent in TELLING_INTENTS:
        return RESISTANCE_ACTION  # where it comes from, in own words; a question of its own keeps its rule
    if intent == "ask_scale" and DECLINED.search(text.lower()):
        # "nee, liever geen vragenlijst" names the scale but says no to it.
        return "action_offer_next" if pending == "scale" else LISTEN_ACTION
    if intent == "resistance" and role in ("other", "professional"):
        return LISTEN_ACTION  # "ik vind het ook zwaar" from someone worried: heard in the worry flow
    if intent in ANSWER_INTENTS and pending != ANSWER_INTENTS[intent]:
        return LISTEN_ACTION
    if reading.capability == "human" and intent != "ask_human" and pending not in HANDOVER_QUESTIONS:
        return HANDOVER_ACTION  # a human asked for in the person's own words, inside a longer message
    if intent in FORM_ANSWER_INTENTS:
        return LISTEN_ACTION  # "niemand" or "deze week" outside its form is something told
    if intent == "choose_step" and not slots.get(STEPS_SHOWN):
        return LISTEN_ACTION
    if intent in YES_NO_INTENTS and pending == "none" and reading.disclosure and reading.words >= 6:
        return LISTEN_ACTION
    if intent == "find_activity" and reading.is_long and reading.capability != "activities":
        return LISTEN_ACTION  # a life story that names a hobby and a town is not a search request
    if intent == "worried_about_other" and (
        reading.own_loneliness
        or (listened and role in (None, "self") and reading.first_person and not reading.about_other)
    ):
        return LISTEN_ACTION  # a person telling about their own life, not about someone else
    if (
        intent == "worried_about_other"
        and slots.get(ROLE_BEFORE) in (None, "self")
        and reading.first_person
        and reading.words >= STORY_WORDS
        and (reading.kinds or reading.feelings)
    ):
        # A long story in the first person with loneliness in it, before any role was chosen: often a
        # carer or a child telling their own loneliness through the people around them. Listen first.
        return LISTEN_ACTION
    if intent == "health_signal" and role in ("other", "professional"):
        return LISTEN_ACTION  # signs seen in someone else: the worry flow names the huisarts for them
    if intent == "health_signal" and reading.disclosure and reading.words >= LONG_MESSAGE_WORDS:
        return LISTEN_ACTION  # listened to first; the listening reply then names the huisarts
    if intent in UNPLACED_INTENTS:
        if reading.disclosure:
            return LISTEN_ACTION
        if listened and role in (None, "self") and reading.words >= CONTINUATION_WORDS:
            return LISTEN_ACTION
    return None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class ContextPolicy(FixedPolicy):
    """Reads the latest message with the conversation's open question before the rules answer it.

    Above the RulePolicy (priority 6) and below the CrisisPolicy (8), which it never overrules: it
    abstains on the crisis intent and while a form is active (the form reads its own answers).
    """

    @staticmethod
    def _target(tracker: DialogueStateTracker) -> str | None:
        """Listen after a turn-ending action, read an unplaced message as told; otherwise abstain."""
        if practice_active(tracker):
            return None  # practice mode: the PracticePolicy routes every message
        last_action = tracker.latest_action_name
        if last_action in TURN_ENDING_ACTIONS or actions_since_user(tracker) >= MAX_ACTIONS_PER_TURN:
            return ACTION_LISTEN_NAME
        if last_action != ACTION_LISTEN_NAME or tracker.active_loop_name:
            return None
        message = tracker.latest_message
        intent = message.intent.get("name") if message else None
        if message is None or intent == CRISIS_INTENT:
            return None
        if (message.metadata or {}).get(VERIFIED_BUTTON_KEY) is True:
            return None  # a clicked button answers the assistant's own question by definition
        slots = tracker.current_slot_values()
        executed = (event.action_name for event in tracker.events if isinstance(event, ActionExecuted))
        slots[STEPS_SHOWN] = any(name in STEP_ACTIONS for name in executed)
        slots[ROLE_BEFORE] = role_before_latest_message(tracker)
        return read_in_context(intent, read_message(message.text or ""), slots, message.text or "")
