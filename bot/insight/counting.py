"""From Rasa's events to anonymous counts per municipality and ISO week.

`InsightCounter.observe` reads the events Rasa's event brokers publish (dicts with `sender_id`, as in
`RasaEvent`) one by one, in order, and collects deltas to the counts (`take_deltas`). What counts:

- a conversation: a session's first user message (a new session after an hour away is a new one);
- once per conversation: each kind of loneliness (`loneliness_type`), each cause (`causes`), each chosen
  step (`plan_step`), a crisis answer, a handover (the person waits for a volunteer);
- every melding stored.

Slots that a new session carries over from an earlier one (before its first user message) were counted
in that earlier conversation and are not counted again. The week is the week of the conversation's
first message (Dutch time); the municipality is the recognised `municipality_code` (a CBS code), else
"onbekend". When the municipality becomes known later in the conversation, everything it counted moves
from "onbekend" (or the earlier municipality) to that municipality.

What is kept in memory, and only there: per active conversation, a keyed hash of the sender id (HMAC
with a random key made when the counter starts and never written anywhere, so the hash is useless
outside this process), the week, the municipality and what was counted. An entry is dropped after
`IDLE_SECONDS` without events and when the table is full (oldest first). No text, no sender id and no
time finer than the week is ever stored. After a restart a conversation that goes on may be counted
once more; that is the price of not storing who is who.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import time
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypedDict
from zoneinfo import ZoneInfo

from bot.insight.categories import (
    CRISIS_RESPONSES,
    HANDOVER_RESPONSES,
    MELDING_RESPONSES,
    TYPE_LABELS,
    cause_labels,
    municipality_value,
    step_value,
)
from bot.store.insight import UNKNOWN_MUNICIPALITY, CountKey

DUTCH_TIME = ZoneInfo("Europe/Amsterdam")
# A conversation without events for this long is forgotten (Rasa starts a new session after 60 minutes).
IDLE_SECONDS = 2 * 60 * 60
MAX_CONVERSATIONS = 100_000
NEW_CONVERSATION_EVENTS = frozenset({"session_started", "restart"})


class RasaEvent(TypedDict, total=False):
    """The fields of a published Rasa event that the counter reads (all others are ignored)."""

    sender_id: str  # the conversation; hashed in memory, never stored
    event: str  # "user", "bot", "slot", "action", "session_started", ...
    timestamp: float  # seconds since 1970 (UTC)
    name: str  # a slot's name (slot events)
    value: Any  # a slot's value (slot events)
    metadata: dict[str, Any]  # bot events: `utter_action` names the response


def iso_week(timestamp: float) -> str:
    """The ISO week of a moment in Dutch time, e.g. "2026-W49"."""
    year, week, _ = dt.datetime.fromtimestamp(timestamp, tz=DUTCH_TIME).isocalendar()
    return f"{year}-W{week:02d}"


@dataclass
class _Conversation:
    """What the counter remembers of one active conversation (in memory only)."""

    last_seen: float
    week: str | None = None  # set by the first user message: the conversation has started
    municipality: str = UNKNOWN_MUNICIPALITY
    seen: set[tuple[str, str]] = field(default_factory=set)  # once-per-conversation facts seen
    counted: Counter[tuple[str, str]] = field(default_factory=Counter)  # what this conversation added


class InsightCounter:
    """Turns a stream of Rasa events into deltas to the stored counts (see the module docstring)."""

    def __init__(
        self,
        clock: Callable[[], float] = time.time,
        idle_seconds: float = IDLE_SECONDS,
        max_conversations: int = MAX_CONVERSATIONS,
    ) -> None:
        self._key = secrets.token_bytes(32)
        self._clock = clock
        self._idle_seconds = idle_seconds
        self._max = max_conversations
        self._conversations: OrderedDict[bytes, _Conversation] = OrderedDict()
        self._deltas: Counter[CountKey] = Counter()

    @property
    def active_conversations(self) -> int:
        """How many conversations are remembered right now."""
        return len(self._conversations)

    def _hash(self, sender_id: str) -> bytes:
        return hmac.new(self._key, sender_id.encode("utf-8"), hashlib.sha256).digest()[:16]

    def _forget_idle(self, moment: float) -> None:
        while self._conversations:
            oldest = next(iter(self._conversations.values()))
            if len(self._conversations) <= self._max and moment - oldest.last_seen < self._idle_seconds:
                return
            self._conversations.popitem(last=False)

    def observe(self, event: RasaEvent | dict[str, Any]) -> None:
        """Take one published event into account (events of one conversation must come in order)."""
        sender_id, kind = event.get("sender_id"), event.get("event")
        if not isinstance(sender_id, str) or not isinstance(kind, str):
            return
        moment = self._clock()
        key = self._hash(sender_id)
        if kind in NEW_CONVERSATION_EVENTS:
            self._conversations.pop(key, None)
            self._conversations[key] = _Conversation(last_seen=moment)
            self._forget_idle(moment)
            return
        conversation = self._conversations.pop(key, None) or _Conversation(last_seen=moment)
        conversation.last_seen = moment
        self._conversations[key] = conversation  # most recently used last
        self._forget_idle(moment)
        if kind == "user":
            self._user_message(conversation, event)
        elif kind == "slot":
            self._slot(conversation, event.get("name"), event.get("value"))
        elif kind == "bot":
            metadata = event.get("metadata")
            response = metadata.get("utter_action") if isinstance(metadata, dict) else None
            self._response(conversation, response)

    def take_deltas(self) -> dict[CountKey, int]:
        """The changes to the stored counts since the last call (nothing zero), and start afresh."""
        deltas = {key: delta for key, delta in self._deltas.items() if delta}
        self._deltas = Counter()
        return deltas

    def _user_message(self, conversation: _Conversation, event: RasaEvent | dict[str, Any]) -> None:
        if conversation.week is not None:
            return
        timestamp = event.get("timestamp")
        moment = float(timestamp) if isinstance(timestamp, (int, float)) else self._clock()
        conversation.week = iso_week(moment)
        self._count(conversation, ("conversation", ""))

    def _slot(self, conversation: _Conversation, name: object, value: object) -> None:
        if name == "municipality_code":
            code = municipality_value(value)
            if code is not None:
                self._move(conversation, code)
        elif name == "loneliness_type":
            if isinstance(value, str) and value in TYPE_LABELS:
                self._fact(conversation, "loneliness_type", value)
        elif name == "causes":
            known = cause_labels()
            for cause in value if isinstance(value, list) else ():
                if isinstance(cause, str) and cause in known:
                    self._fact(conversation, "cause", cause)
        elif name == "plan_step":
            step = step_value(value)
            if step is not None:
                self._fact(conversation, "step", step)

    def _response(self, conversation: _Conversation, response: object) -> None:
        if conversation.week is None:
            return
        if response in CRISIS_RESPONSES:
            self._fact(conversation, "crisis", "")
        elif response in HANDOVER_RESPONSES:
            self._fact(conversation, "handover", "")
        elif response in MELDING_RESPONSES:
            self._count(conversation, ("melding", ""))  # every melding counts, not once per conversation

    def _fact(self, conversation: _Conversation, kind: str, value: str) -> None:
        """Count a fact once per conversation; before the first user message it was carried over."""
        fact = (kind, value)
        if fact in conversation.seen:
            return
        conversation.seen.add(fact)
        if conversation.week is not None:
            self._count(conversation, fact)

    def _count(self, conversation: _Conversation, fact: tuple[str, str]) -> None:
        assert conversation.week is not None
        conversation.counted[fact] += 1
        self._deltas[CountKey(conversation.municipality, conversation.week, *fact)] += 1

    def _move(self, conversation: _Conversation, municipality: str) -> None:
        """The conversation's municipality is (now) known: what it counted goes along."""
        if municipality == conversation.municipality:
            return
        if conversation.week is not None:
            for fact, times in conversation.counted.items():
                self._deltas[CountKey(conversation.municipality, conversation.week, *fact)] -= times
                self._deltas[CountKey(municipality, conversation.week, *fact)] += times
        conversation.municipality = municipality
