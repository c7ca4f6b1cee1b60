"""What /inzicht counts, with the fixed list of values per kind and their Dutch labels.

Only a value from these lists is ever stored: a slot that holds anything else (which should not
happen, users cannot set slots) is not counted, so no typed text can end up in the counts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.conversation.handover import CAUSE_LABELS, LONELINESS_TYPES
from bot.conversation.listening import CAUSE_PATTERNS
from bot.conversation.steps import load_steps

# The kinds that are one number per week; the kinds with values (types, causes, steps) have a list each.
WEEKLY_KINDS: dict[str, str] = {
    "conversation": "Gesprekken",
    "crisis": "Crisisantwoorden (113 en 112 genoemd)",
    "handover": "Doorgezet naar een vrijwilliger",
    "melding": "Meldingen bij het meldpunt",
}
VALUE_KINDS: dict[str, str] = {
    "loneliness_type": "Soort eenzaamheid",
    "cause": "Oorzaken waar mensen over vertelden",
    "step": "Gekozen eerste stappen",
}
TYPE_LABELS: dict[str, str] = {
    "social": "Sociale eenzaamheid: te weinig mensen om je heen",
    "emotional": "Emotionele eenzaamheid: een hechte band mist",
    "existential": "Existentiële eenzaamheid: je mist zin of verbondenheid",
}
# A chosen activity from the social map counts as one value, whatever the activity.
ACTIVITY_STEP = "activity"
ACTIVITY_PREFIX = "activity:"
ACTIVITY_LABEL = "Een activiteit uit de buurt (uit de sociale kaart)"
CBS_CODE = re.compile(r"^GM\d{4}$")

# Which of Rasa's responses mark a crisis answer, a handover (the person waits for a volunteer) and a
# stored melding (actions/safety.py, actions/handover.py, actions/melding.py).
CRISIS_RESPONSES = frozenset({"utter_crisis", "utter_crisis_again"})
HANDOVER_RESPONSES = frozenset({"utter_handover_waiting"})
MELDING_RESPONSES = frozenset({"utter_melding_sent", "utter_melding_held"})

assert set(TYPE_LABELS) == set(LONELINESS_TYPES), "every kind of loneliness needs a label here"


@lru_cache(maxsize=1)
def step_labels() -> dict[str, str]:
    """The label of every step in the catalogue, and of a chosen activity."""
    return {**{step.id: step.label for step in load_steps()}, ACTIVITY_STEP: ACTIVITY_LABEL}


@lru_cache(maxsize=1)
def cause_labels() -> dict[str, str]:
    """The label of every cause the listening step can recognise."""
    return {cause: CAUSE_LABELS.get(cause, cause.replace("_", " ")) for cause in CAUSE_PATTERNS}


def value_labels(kind: str) -> dict[str, str]:
    """The values of one kind with their labels, in the order the page shows them."""
    if kind == "loneliness_type":
        return dict(TYPE_LABELS)
    if kind == "cause":
        return cause_labels()
    if kind == "step":
        return step_labels()
    raise KeyError(kind)


def step_value(plan_step: object) -> str | None:
    """What a `plan_step` slot counts as: a catalogue step id, ACTIVITY_STEP, or None (not counted)."""
    if not isinstance(plan_step, str):
        return None
    if plan_step.startswith(ACTIVITY_PREFIX):
        return ACTIVITY_STEP
    return plan_step if plan_step in step_labels() else None


def municipality_value(code: object) -> str | None:
    """A CBS code the counts may be kept under, or None."""
    return code if isinstance(code, str) and CBS_CODE.match(code) else None
