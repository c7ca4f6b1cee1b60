"""Practice mode: start, one turn, stop with feedback. The logic lives in bot/practice/.

While practice runs, `bot.rasa_ext.nlp.practice_policy.PracticePolicy` sends every message here.
The slot `practice` holds the session (`bot.practice.setup.PracticeSession`).
"""

from __future__ import annotations

import json
import random
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import BaseAction
from actions.common import latest_text, set_pending
from bot.conversation.cards import card_payload
from bot.practice import engine
from bot.practice.feedback import build_feedback, feedback_messages
from bot.practice.personas import Persona, persona_by_id
from bot.practice.score_card import score_card
from bot.practice.setup import (
    PracticeSession,
    focus_buttons,
    new_session,
    persona_buttons,
    read_focus,
    read_persona,
    read_resistance,
)

SLOT = "practice"


def _entity(tracker: Tracker, name: str) -> Any:
    for found in (tracker.latest_message or {}).get("entities") or []:
        if found.get("entity") == name:
            return found.get("value")
    return None


def _session(tracker: Tracker) -> PracticeSession | None:
    value = tracker.get_slot(SLOT)
    return value if isinstance(value, dict) and value.get("stage") else None  # type: ignore[return-value]


def _begin(dispatcher: CollectingDispatcher, session: PracticeSession, persona: Persona, resistance: str
           ) -> PracticeSession:
    """Start the persona conversation: who it is, the frame, and the persona's first words."""
    game = engine.start(persona.id, resistance)
    game, first = engine.opening(game)
    dispatcher.utter_message(
        response="utter_practice_with_persona",
        persona_name=persona.name,
        resistance_level=resistance,
        persona_intro=persona.public_intro,
    )
    dispatcher.utter_message(response="utter_practice_begin")
    dispatcher.utter_message(text=first)
    return PracticeSession(stage="playing", focus=session["focus"], game=game)


def replay_buttons(persona_id: str) -> list[dict[str, str]]:
    """"Nog eens" with more or less resistance, another persona, or back to the normal conversation."""
    def again(level: str) -> str:
        return "/start_practice" + json.dumps({"practice_persona": persona_id, "practice_resistance": level})

    return [
        {"title": "Nog eens, met meer weerstand", "payload": again("meer")},
        {"title": "Nog eens, met minder weerstand", "payload": again("minder")},
        {"title": "Een ander oefenpersoon", "payload": "/start_practice"},
    ]


class ActionPracticeStart(BaseAction):
    """Explain practice mode and ask what the trainee finds hard; or replay a persona from a button."""

    action_name = "action_practice_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Open a practice session (a running form of the real conversation is put aside)."""
        events: list[EventType] = [set_pending("none")]
        if tracker.active_loop_name:
            events += [ActiveLoop(None), SlotSet("requested_slot", None)]
        session = new_session()
        replay = _entity(tracker, "practice_persona")
        try:
            persona = persona_by_id(str(replay)) if replay else None
        except KeyError:
            persona = None
        if persona is not None:
            resistance = read_resistance(_entity(tracker, "practice_resistance"))
            session = _begin(dispatcher, session, persona, resistance)
        else:
            dispatcher.utter_message(response="utter_practice_intro")
            dispatcher.utter_message(response="utter_practice_ask_focus", buttons=focus_buttons())
        events.append(SlotSet("practice_address", tracker.get_slot("address") or "je"))
        return [*events, SlotSet(SLOT, session)]


class ActionPracticeTurn(BaseAction):
    """One message in practice mode: a setup answer, or a trainee turn the persona answers."""

    action_name = "action_practice_turn"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Answer the setup question that is open, or let the persona respond."""
        session = _session(tracker) or new_session()
        text = latest_text(tracker)
        if session["stage"] == "focus":
            session["focus"] = read_focus(text)
            session["stage"] = "persona"
            dispatcher.utter_message(response="utter_practice_focus_heard")
            buttons = persona_buttons(session["focus"])
            dispatcher.utter_message(response="utter_practice_ask_persona", buttons=buttons)
        elif session["stage"] == "persona" or session["game"] is None:
            persona = read_persona(text, session["focus"], random.Random())
            if persona is None:
                dispatcher.utter_message(
                    response="utter_practice_persona_unclear", buttons=persona_buttons(session["focus"])
                )
                session["stage"] = "persona"
            else:
                session = _begin(dispatcher, session, persona, "normaal")
        else:
            game, line = engine.respond(session["game"], text)
            session["game"] = game
            dispatcher.utter_message(text=line)
        return [SlotSet(SLOT, session)]


class ActionPracticeStop(BaseAction):
    """End practice: the feedback and score card when a persona conversation ran, then back to normal."""

    action_name = "action_practice_stop"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Give feedback (or say there was nothing to stop) and empty the practice slot."""
        session = _session(tracker)
        game = session["game"] if session else None
        if session is None:
            dispatcher.utter_message(response="utter_practice_none")
        elif game is None or not game["turns"]:
            dispatcher.utter_message(response="utter_practice_stopped")
        else:
            feedback = build_feedback(game, session["focus"])
            for message in feedback_messages(feedback):
                dispatcher.utter_message(text=message)
            dispatcher.utter_message(json_message=card_payload(score_card(feedback)))
            buttons = replay_buttons(game["persona"])
            dispatcher.utter_message(response="utter_practice_replay", buttons=buttons)
        address = tracker.get_slot("practice_address") or "je"
        return [SlotSet(SLOT, None), set_pending("none"), SlotSet("address", address)]
