"""Which municipality the person means: shared by the meldpunt and the activity questions."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.socialmap.gazetteer import Gazetteer, Match
from bot.store.db import default_engine
from bot.store.places import cached_gazetteer
from bot.text import cut, normalise

MAX_PLACE_CHARS = 80
# After this many answers that name no known place, the question stops and the general route follows.
MAX_PLACE_TRIES = 2


def gazetteer() -> Gazetteer:
    """The gazetteer of the project's database (built once per action-server process)."""
    return cached_gazetteer(default_engine())


def candidate_label(match: Match, index: int) -> tuple[str, str]:
    """Button title and plain-text payload for one candidate of an ambiguous name."""
    municipality = match.candidates[index]
    if municipality.name == match.name:
        return (
            f"{municipality.name} ({municipality.province})",
            f"{municipality.name}, {municipality.province}",
        )
    title = f"{match.name} in de gemeente {municipality.name} ({municipality.province})"
    return title, f"{match.name}, gemeente {municipality.name}"


def resolve_place(slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
    """Slot values for the answer: a known municipality, a question back, or (after tries) give up.

    Unknown names are asked once more; ambiguous names ("Hengelo") get a choice; a small typo
    ("nijmegn") is accepted and named back so the person can correct it.
    """
    text = cut(slot_value.strip(), MAX_PLACE_CHARS) if isinstance(slot_value, str) else ""
    tries = int(tracker.get_slot("place_tries") or 0) + 1
    match = gazetteer().find(text) if text else None
    if match is None:
        if tries >= MAX_PLACE_TRIES:
            dispatcher.utter_message(response="utter_place_still_unknown")
            return {"municipality": text or "onbekend", "municipality_code": None, "place_tries": 0}
        dispatcher.utter_message(response="utter_place_unknown")
        return {"municipality": None, "place_tries": tries}
    resolved = match.resolved
    if resolved is None:
        buttons = []
        for index in range(len(match.candidates)):
            title, payload = candidate_label(match, index)
            buttons.append({"title": title, "payload": payload})
        dispatcher.utter_message(response="utter_place_ambiguous", place=match.name, buttons=buttons)
        return {"municipality": None, "place_tries": 0}
    if match.name != resolved.name and normalise(match.name) != normalise(resolved.name):
        dispatcher.utter_message(
            response="utter_place_in_municipality", place=match.name, municipality_name=resolved.name
        )
    elif not match.exact:
        dispatcher.utter_message(response="utter_place_corrected", municipality_name=resolved.name)
    return {"municipality": resolved.name, "municipality_code": resolved.code, "place_tries": 0}


def validate_place_answer(
    slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    """The municipality check every form shares: nothing to check yet, already recognised, or look it up."""
    if slot_value is None:
        # Cleared by the request itself (nothing to validate yet): the form asks.
        return {"municipality": None}
    if tracker.get_slot("municipality_code") and slot_value == tracker.get_slot("municipality"):
        return {"municipality": slot_value}
    return resolve_place(slot_value, dispatcher, tracker)
