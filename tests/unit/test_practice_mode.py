"""Practice mode in Rasa: the policy that routes it, safety both ways, the actions, and the stored turns."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from rasa.core.policies.ensemble import DefaultPolicyPredictionEnsemble
from rasa.core.policies.policy import Policy
from rasa.core.tracker_store import SQLTrackerStore
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from actions.practice import ActionPracticeStart, ActionPracticeStop, ActionPracticeTurn
from bot.practice import engine
from bot.practice.personas import persona_by_id
from bot.practice.setup import PracticeSession
from bot.rasa_ext.nlp.context_policy import ContextPolicy
from bot.rasa_ext.nlp.crisis_policy import CHECK_ACTION, CRISIS_ACTION, CrisisPolicy
from bot.rasa_ext.nlp.practice_policy import (
    START_ACTION,
    STOP_ACTION,
    TURN_ACTION,
    PracticePolicy,
    practice_active,
    wants_to_stop,
)
from bot.rasa_ext.practice_turns import PLACEHOLDER, forget_practice
from bot.rasa_ext.tracker_store import CachedSQLTrackerStore, PrivateSQLTrackerStore
from bot.safety.questions_to_another import risk_only_in_questions
from bot.safety.rules import detect_crisis
from tests.support.trackers import (
    DOMAIN_FILE,
    entity,
    make_tracker,
    run_action,
    slot_sets,
)

ASKS_PERSONA = "Mag ik vragen: heb je weleens gedachten aan zelfmoord?"
OWN_CRISIS = "ik kan dit niet meer, ik wil zelf ook dood"


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(DOMAIN_FILE))


def make_policy(cls: type[Policy], tmp_path: Path) -> Policy:
    storage = LocalModelStorage(tmp_path)
    return cls(cls.get_default_config(), storage, Resource(cls.__name__), ExecutionContext({}, "test"))


def said(text: str, intent: str, screen: dict[str, Any] | None = None) -> UserUttered:
    parsed: dict[str, Any] = {"intent": {"name": intent, "confidence": 1.0}, "entities": [], "text": text}
    if screen is not None:
        parsed["safety_screen"] = screen
    return UserUttered(text, parsed["intent"], [], parse_data=parsed)


def in_practice(domain: Domain, *events: Event) -> DialogueStateTracker:
    start = [ActionExecuted("action_listen"), said("ik wil een gesprek oefenen", "start_practice"),
             ActionExecuted(START_ACTION), ActionExecuted("action_listen")]
    return DialogueStateTracker.from_events("trainee", [*start, *events], domain.slots)


def predicted(policy: Policy, tracker: DialogueStateTracker, domain: Domain) -> str | None:
    prediction = policy.predict_action_probabilities(tracker, domain)
    if max(prediction.probabilities) == 0:
        return None
    return str(domain.action_names_or_texts[prediction.probabilities.index(max(prediction.probabilities))])


def winner(tmp_path: Path, tracker: DialogueStateTracker, domain: Domain) -> str:
    """What the ensemble of the project's fixed policies (in config.yml's order) predicts."""
    policies = [make_policy(cls, tmp_path) for cls in (CrisisPolicy, PracticePolicy, ContextPolicy)]
    predictions = [policy.predict_action_probabilities(tracker, domain) for policy in policies]
    best = DefaultPolicyPredictionEnsemble().combine_predictions(predictions, tracker, domain)
    return str(domain.action_names_or_texts[best.probabilities.index(max(best.probabilities))])


class TestPracticePolicy:
    def test_starts_only_on_the_start_intent(self, domain: Domain, tmp_path: Path) -> None:
        policy = make_policy(PracticePolicy, tmp_path)
        start = DialogueStateTracker.from_events(
            "t", [ActionExecuted("action_listen"), said("ik wil oefenen", "start_practice")], domain.slots
        )
        other = DialogueStateTracker.from_events(
            "t", [ActionExecuted("action_listen"), said("ik voel me alleen", "feel_lonely")], domain.slots
        )
        assert predicted(policy, start, domain) == START_ACTION
        assert predicted(policy, other, domain) is None

    @pytest.mark.parametrize("intent", ["feel_lonely", "make_report", "ask_human", "greet", "nlu_fallback"])
    def test_every_message_in_practice_goes_to_the_persona(
        self, intent: str, domain: Domain, tmp_path: Path
    ) -> None:
        tracker = in_practice(domain, said("Wat mis je het meest?", intent))
        assert predicted(make_policy(PracticePolicy, tmp_path), tracker, domain) == TURN_ACTION
        assert winner(tmp_path, tracker, domain) == TURN_ACTION  # no melding, no handover

    def test_listens_after_each_practice_action(self, domain: Domain, tmp_path: Path) -> None:
        tracker = in_practice(domain, said("Hoe gaat het?", "greet"), ActionExecuted(TURN_ACTION))
        assert predicted(make_policy(PracticePolicy, tmp_path), tracker, domain) == "action_listen"

    def test_stop_oefenen_ends_it_at_any_moment(self, domain: Domain, tmp_path: Path) -> None:
        tracker = in_practice(domain, said("stop oefenen", "nlu_fallback"))
        assert winner(tmp_path, tracker, domain) == STOP_ACTION
        stopped = in_practice(domain, said("stop oefenen", "stop_practice"), ActionExecuted(STOP_ACTION),
                              ActionExecuted("action_listen"), said("ik voel me alleen", "feel_lonely"))
        assert not practice_active(stopped)
        assert predicted(make_policy(PracticePolicy, tmp_path), stopped, domain) is None

    def test_reading_a_stop(self) -> None:
        assert wants_to_stop("Stop oefenen", None)
        assert wants_to_stop("ik wil nu stoppen met het oefenen", None)
        assert wants_to_stop("klaar", "stop_practice")
        persona_talk = "Dus je wilt stoppen met je werk, en weer iets anders gaan doen?"
        assert not wants_to_stop(persona_talk, "stop_practice")

    def test_a_crisis_answer_or_a_new_session_ends_practice(self, domain: Domain) -> None:
        assert practice_active(in_practice(domain))
        assert not practice_active(in_practice(domain, SlotSet("crisis_answered", True)))
        assert not practice_active(in_practice(domain, SessionStarted()))


class TestSafetyBothWays:
    def test_the_question_to_the_persona_is_flagged_by_the_rules(self) -> None:
        # What the safety screen sees: the rules call it acute (tier 1), in every mode.
        assert detect_crisis(ASKS_PERSONA) is not None
        assert risk_only_in_questions(ASKS_PERSONA)
        assert not risk_only_in_questions(OWN_CRISIS)

    def test_in_practice_asking_the_persona_is_no_crisis(self, domain: Domain, tmp_path: Path) -> None:
        tracker = in_practice(domain, said(ASKS_PERSONA, "crisis", {"tier": 1, "rules": ["suicide_named"]}))
        assert predicted(make_policy(CrisisPolicy, tmp_path), tracker, domain) is None
        assert winner(tmp_path, tracker, domain) == TURN_ACTION

    def test_in_practice_the_trainees_own_crisis_gets_the_crisis_answer(
        self, domain: Domain, tmp_path: Path
    ) -> None:
        screen = {"tier": 1, "rules": ["wanting_to_be_dead"]}
        tracker = in_practice(domain, said(OWN_CRISIS, "crisis", screen))
        assert winner(tmp_path, tracker, domain) == CRISIS_ACTION
        mixed = in_practice(domain, said("Heb je weleens gedachten aan zelfmoord? Ik wel.", "crisis"))
        assert winner(tmp_path, mixed, domain) == CRISIS_ACTION

    def test_in_practice_a_dark_phrase_of_ones_own_gets_the_check_question(
        self, domain: Domain, tmp_path: Path
    ) -> None:
        tracker = in_practice(domain, said("ik zie het niet meer zitten", "feel_lonely"))
        assert winner(tmp_path, tracker, domain) == CHECK_ACTION

    def test_outside_practice_the_same_question_still_gets_the_crisis_answer(
        self, domain: Domain, tmp_path: Path
    ) -> None:
        tracker = DialogueStateTracker.from_events(
            "visitor", [ActionExecuted("action_listen"), said(ASKS_PERSONA, "crisis")], domain.slots
        )
        assert winner(tmp_path, tracker, domain) == CRISIS_ACTION


def session_of(events: list[dict[str, Any]]) -> PracticeSession:
    return slot_sets(events)["practice"]  # type: ignore[no-any-return]


class TestActions:
    async def test_start_explains_and_asks_what_is_hard(self) -> None:
        events, dispatcher = await run_action(ActionPracticeStart(), make_tracker(intent="start_practice"))
        responses = [m["response"] for m in dispatcher.messages]
        assert responses == ["utter_practice_intro", "utter_practice_ask_focus"]
        assert any(b["title"] == "Omgaan met weerstand" for b in dispatcher.messages[1]["buttons"])
        assert session_of(events)["stage"] == "focus"

    async def test_setup_then_a_persona_turn(self) -> None:
        focus = {"stage": "focus", "focus": None, "game": None}
        events, dispatcher = await run_action(
            ActionPracticeTurn(), make_tracker(slots={"practice": focus}, text="Omgaan met weerstand")
        )
        session = session_of(events)
        assert session["stage"] == "persona" and session["focus"] == "weerstand"
        assert dispatcher.messages[-1]["buttons"][0]["title"] == persona_by_id("henk").summary
        chosen = make_tracker(slots={"practice": session}, text=persona_by_id("henk").summary)
        events, dispatcher = await run_action(ActionPracticeTurn(), chosen)
        session = session_of(events)
        assert session["stage"] == "playing" and session["game"] is not None
        assert dispatcher.messages[-1]["text"].startswith("Oefenpersoon Henk: ")
        events, dispatcher = await run_action(
            ActionPracticeTurn(), make_tracker(slots={"practice": session}, text="Hoe gaat het met u?")
        )
        assert dispatcher.messages[0]["text"].startswith("Oefenpersoon Henk: ")
        assert session_of(events)["game"]["turns"][0]["text"] == "Hoe gaat het met u?"  # type: ignore[index]

    async def test_replay_button_starts_the_persona_at_once(self) -> None:
        tracker = make_tracker(
            intent="start_practice",
            entities=[entity("practice_persona", "els"), entity("practice_resistance", "meer")],
        )
        events, dispatcher = await run_action(ActionPracticeStart(), tracker)
        game = session_of(events)["game"]
        assert game is not None and game["persona"] == "els" and game["resistance"] == "meer"
        assert dispatcher.messages[-1]["text"].startswith("Oefenpersoon Els: ")

    async def test_stop_gives_feedback_a_score_card_and_the_replay_offer(self) -> None:
        game = engine.start("henk", seed=1)
        for line in ("Hoe gaat het met u?", "Dat klinkt eenzaam.", "U moet naar de soos."):
            game, _ = engine.respond(game, line)
        session = {"stage": "playing", "focus": "weerstand", "game": game}
        events, dispatcher = await run_action(ActionPracticeStop(), make_tracker(slots={"practice": session}))
        texts = "\n".join(m["text"] or "" for m in dispatcher.messages)
        assert " van de 10" in texts
        cards = [m["custom"] for m in dispatcher.messages if m.get("custom")]
        assert cards and cards[0]["card"]["kind"] == "practice_score"
        replay = dispatcher.messages[-1]
        assert replay["response"] == "utter_practice_replay"
        assert any("meer" in b["payload"] for b in replay["buttons"])
        assert slot_sets(events)["practice"] is None

    async def test_stop_without_practice(self) -> None:
        _, dispatcher = await run_action(ActionPracticeStop(), make_tracker(text="stop oefenen"))
        assert dispatcher.messages[0]["response"] == "utter_practice_none"


PRACTICE_TEXT = "Hoe ziet een gewone dag er voor u uit?"
PERSONA_TEXT = "Oefenpersoon Henk: Ach, de dagen gaan wel voorbij."


def _user(text: str, intent: str, at: float) -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 0.9}, [], timestamp=at)


def _turn(at: float, text: str, intent: str, action: str, *said: Event) -> list[Event]:
    """One turn: the message, the action, what the action said and set, and the listen after it."""
    events: list[Event] = [_user(text, intent, at), ActionExecuted(action, timestamp=at + 0.1)]
    for number, event in enumerate(said):
        event.timestamp = at + 0.2 + number / 100
        events.append(event)
    return [*events, ActionExecuted("action_listen", timestamp=at + 0.5)]


def practice_turns() -> list[list[Event]]:
    """A real conversation, practice in the middle of it, and the real conversation again."""
    card = {"custom": {"card": {"kind": "practice_score"}}}
    return [
        _turn(1, "ik voel me best alleen", "feel_lonely", "action_listen_reflect",
              BotUttered("Dat klinkt stil.")),
        _turn(2, "ik wil een gesprek oefenen", "start_practice", START_ACTION,
              BotUttered("Fijn dat je wilt oefenen."), SlotSet("practice", {"stage": "focus"})),
        _turn(3, PRACTICE_TEXT, "nlu_fallback", TURN_ACTION,
              BotUttered(PERSONA_TEXT), SlotSet("practice", {"stage": "playing", "lines": [PRACTICE_TEXT]})),
        _turn(4, "stop oefenen", "stop_practice", STOP_ACTION,
              BotUttered("Je score: 3 van de 10."), BotUttered(None, card), SlotSet("practice", None)),
        _turn(5, "ik voel me nog steeds alleen", "feel_lonely", "action_listen_reflect"),
    ]


@pytest.fixture(params=[CachedSQLTrackerStore, PrivateSQLTrackerStore])
def store(request: pytest.FixtureRequest, domain: Domain, tmp_path: Path) -> SQLTrackerStore:
    created: SQLTrackerStore = request.param(domain=domain, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    return created


async def talk(store: SQLTrackerStore, sender: str, events: list[Event]) -> None:
    tracker = await store.retrieve(sender) or DialogueStateTracker(sender, store.domain.slots)
    for event in events:
        tracker.update(event)
    await store.save(tracker)


def stored(store: SQLTrackerStore, sender: str) -> str:
    with sqlite3.connect(store.engine.url.database) as connection:
        rows = connection.execute("SELECT data FROM events WHERE sender_id = ? ORDER BY id", (sender,))
        return "\n".join(row[0] for row in rows)


class TestNotKeptAsARealConversation:
    async def test_the_practice_leaves_the_stored_conversation_when_it_stops(
        self, store: SQLTrackerStore
    ) -> None:
        turns = practice_turns()
        for turn in turns[:3]:
            await talk(store, "trainee", turn)
        assert PRACTICE_TEXT in stored(store, "trainee")  # while it runs, the state is read back each turn
        for turn in turns[3:]:
            await talk(store, "trainee", turn)
        data = stored(store, "trainee")
        assert PRACTICE_TEXT not in data and "Oefenpersoon" not in data and "van de 10" not in data
        assert "practice_score" not in data
        assert "ik voel me best alleen" in data and "ik wil een gesprek oefenen" in data
        assert "ik voel me nog steeds alleen" in data
        tracker = await store.retrieve("trainee")
        assert tracker is not None and tracker.get_slot("practice") is None
        texts = [event.text for event in tracker.events if isinstance(event, UserUttered)]
        assert texts == ["ik voel me best alleen", "ik wil een gesprek oefenen", PLACEHOLDER, PLACEHOLDER,
                         "ik voel me nog steeds alleen"]

    def test_a_crisis_message_in_practice_is_kept(self) -> None:
        events: list[dict[str, Any]] = [
            {"event": "action", "name": START_ACTION},
            {"event": "user", "text": "Hoe gaat het?", "parse_data": {"intent": {"name": "greet"}}},
            {"event": "user", "text": OWN_CRISIS, "parse_data": {"intent": {"name": "crisis"}}},
            {"event": "action", "name": "action_crisis_response"},
            {"event": "bot", "text": "Bel 113 of 112."},
            {"event": "slot", "name": "crisis_answered", "value": True},
            {"event": "user", "text": "ja, graag iemand", "parse_data": {"intent": {"name": "affirm"}}},
        ]
        changed = forget_practice(events)
        assert [events[i]["event"] for i in changed] == ["user"]
        assert events[2]["text"] == OWN_CRISIS and events[4]["text"] == "Bel 113 of 112."
        assert events[6]["text"] == "ja, graag iemand"


@pytest.mark.parametrize(
    ("text", "only_asked"),
    [
        # Found running the practice transcript through the real assistant: the polite opening has "ik".
        ("Mag ik vragen, heeft u weleens gedachten aan zelfmoord?", True),
        ("Mag ik je iets vragen: denk je weleens aan de dood?", True),
        ("ik vraag het je gewoon eerlijk, wil je soms dood?", True),
        ("Mag ik vragen, heeft u weleens gedachten aan zelfmoord? Ik wel.", False),
        ("ik wil je iets vragen, wil jij ook dood?", False),
        ("ik wil niet meer leven. heb jij dat ook?", False),
    ],
)
def test_a_polite_opening_does_not_make_the_question_the_trainees_own(text: str, only_asked: bool) -> None:
    from bot.safety.questions_to_another import risk_only_in_questions

    assert risk_only_in_questions(text) is only_asked
