"""Rasa's SQL tracker store with a small write-through cache of the conversations active right now.

Rasa loads a conversation from the database for every message: it reads all events of the current
session, parses their JSON and rebuilds each event object. Under load that was about a fifth of the
Rasa server's CPU time. This store keeps the event objects of recently active conversations in memory,
exactly as the database query would return them (the events since the latest `session_started`), and
builds the tracker from those. Every event is still written to the database first, so nothing is lost
when the process stops; the database stays the source of truth.

With one Rasa process (Rasa's in-memory lock store) this process is the only writer of the tracker
tables and the cache is used as it is. With several Rasa processes on one database (a Redis lock store,
`make cluster`), set `shared: true`: before a cached conversation is used, one small query compares the
database's count and highest id of that conversation's events with what the cache saw; when another
replica wrote in between, the conversation is read from the database again. Rasa's lock store lets only
one replica at a time handle a conversation, so the check and the turn cannot interleave with another
replica's write. Entries are dropped after `cache_seconds`
without a message (so `python -m bot purge`, which only removes conversations idle for at least a
day, never races with it) and the least recently used entries go first when more than `cache_size`
are active. New events are written in one insert; on SQLite with one open connection and a
write-ahead log.

Both stores here keep personal data out of what they store (`PrivateSQLTrackerStore`): a visitor's
texts, free-text slots and a volunteer's messages are written de-identified, so "bel Piet op
0612345678" is stored as "bel [naam] op [telefoonnummer]". The tracker of the turn in progress keeps
the original, so that the actions of that turn read what was typed; a reloaded tracker is the stored
one. The answers a person gave for a melding they agreed to are stored as typed (`CONSENTED_SLOTS`)
until the melding action has run; then they are replaced (`bot/rasa_ext/melding_turns.py`).
"""

from __future__ import annotations

import itertools
import json
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import BotUttered, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import SingletonThreadPool

from bot.privacy.deidentify import deidentify
from bot.rasa_ext.melding_turns import forget_melding_turns, melding_finished
from bot.rasa_ext.practice_turns import forget_practice_turns, practice_finished

DEFAULT_CACHE_SIZE = 1000
DEFAULT_CACHE_SECONDS = 600.0

# What the database holds of one conversation, cheaply: the number of its event rows and the highest id.
Fingerprint = tuple[int, int | None]


# The melding form's answers that a person agreed to pass on to the meldpunt (domain/melding.yml); the
# melding action reads them in a later turn, so they are stored as typed.
CONSENTED_SLOTS = frozenset({"melding_description", "melding_contact_value"})
VOLUNTEER = "volunteer"


def deidentified(event: Event) -> Event:
    """The event as it is stored: personal data in a visitor's or volunteer's text replaced.

    A visitor's message (its text, the text in its parse data and its entities' values), a text slot
    other than `CONSENTED_SLOTS`, and a volunteer's message. Other events, and events without personal
    data, are returned as they are (the same object).
    """
    if isinstance(event, UserUttered):
        data = event.as_dict()
        data["text"] = _clean(data.get("text"))
        parse_data = dict(data.get("parse_data") or {})
        parse_data["text"] = _clean(parse_data.get("text"))
        parse_data["entities"] = [
            {**entity, "value": _clean(entity.get("value"))} for entity in parse_data.get("entities") or []
        ]
        data["parse_data"] = parse_data
    elif isinstance(event, SlotSet) and event.key not in CONSENTED_SLOTS:
        data = event.as_dict()
        data["value"] = _clean(event.value)
    elif isinstance(event, BotUttered) and (event.metadata or {}).get("from") == VOLUNTEER:
        data = event.as_dict()
        data["text"] = _clean(event.text)
    else:
        return event
    if data == event.as_dict():
        return event
    stored = Event.from_parameters(data)
    return event if stored is None else stored


def _clean(value: Any) -> Any:
    """A text de-identified; a list of texts each; anything else as it is."""
    if isinstance(value, str):
        return deidentify(value)
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def current_session(events: list[Event]) -> list[Event]:
    """The events the SQL store returns for a conversation: from the latest session start on.

    Mirrors `SQLTrackerStore._event_query`: events with a timestamp at or after the latest
    `session_started` event's, or all events when there is none.
    """
    starts = [event.timestamp for event in events if isinstance(event, SessionStarted)]
    if not starts:
        return list(events)
    latest = max(starts)
    return [event for event in events if event.timestamp >= latest]


class PrivateSQLTrackerStore(SQLTrackerStore):
    """Rasa's `SQLTrackerStore` that stores every event in its `deidentified` form.

    For several Rasa processes (`type: bot.rasa_ext.tracker_store.PrivateSQLTrackerStore` in
    endpoints.yml); one Rasa process uses `CachedSQLTrackerStore`, which does the same.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A failed write must not put what a visitor typed into a log (the statement's values).
        self.engine.hide_parameters = True
        if self.engine.dialect.name != "sqlite":
            self._check_connections_before_use()

    def _check_connections_before_use(self) -> None:
        """A database server that restarted or closed its connections costs no message.

        Rasa's engine hands out pooled connections as they are; one the server closed fails the
        next message. With `pool_pre_ping` each is checked (and replaced) when it leaves the pool.
        """
        url = self.engine.url
        self.engine.dispose()
        options = create_engine_kwargs(url)
        self.engine = sa.create_engine(url, pool_pre_ping=True, hide_parameters=True, **options)
        self.sessionmaker = sessionmaker(bind=self.engine)

    def _row(self, sender_id: str, event: Event) -> dict[str, Any]:
        """The `events` row Rasa's `SQLTrackerStore.save` writes for one (already de-identified) event."""
        data = event.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }

    async def _stream(self, sender_id: str, events: list[Event]) -> None:
        """Publish the (de-identified) new events to the event broker, when one is configured."""
        if self.event_broker is not None and events:
            await self._stream_new_events(self.event_broker, events, sender_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Write the events that are not stored yet, de-identified; stream the same to the broker."""
        with self.session_scope() as session:
            new = [deidentified(event) for event in self._additional_events(session, tracker)]
            rows = [self._row(tracker.sender_id, event) for event in new]
            if rows:
                session.execute(self.SQLEvent.__table__.insert(), rows)
            self._forget_melding(session, tracker.sender_id, new)
            session.commit()
        await self._stream(tracker.sender_id, new)

    def _forget_melding(self, session: Any, sender_id: str, new: list[Event]) -> bool:
        """Once the melding action ran, its typed answers leave the stored events (`melding_turns`).

        Likewise, once practice mode stopped, the practice conversation (`practice_turns`).
        """
        forgot_practice = practice_finished(new)
        if forgot_practice:
            forget_practice_turns(session, self.SQLEvent.__table__, sender_id)
        if not melding_finished(new):
            return forgot_practice
        forget_melding_turns(session, self.SQLEvent.__table__, sender_id, CONSENTED_SLOTS)
        return True


class CachedSQLTrackerStore(PrivateSQLTrackerStore):
    """`PrivateSQLTrackerStore` that serves active conversations from memory; every event is written."""

    def __init__(
        self,
        *args: Any,
        cache_size: int = DEFAULT_CACHE_SIZE,
        cache_seconds: float = DEFAULT_CACHE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        shared: bool | str = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            self._keep_sqlite_open_with_a_write_ahead_log()
        self.cache_size = int(cache_size)
        self.cache_seconds = float(cache_seconds)
        # Other Rasa processes write the same tables: check a cached conversation before using it.
        self.shared = str(shared).strip().lower() in ("1", "true", "yes")
        self._clock = clock
        # sender id -> (events as the database holds them for the current session, last use)
        self._cache: OrderedDict[str, tuple[list[Event], float]] = OrderedDict()
        # sender id -> the database's fingerprint of the conversation when it was cached (shared only)
        self._fingerprints: dict[str, Fingerprint] = {}

    def _keep_sqlite_open_with_a_write_ahead_log(self) -> None:
        """SQLite: a write-ahead log, and one connection kept open instead of one per message.

        With a write-ahead log a commit appends to `<db>-wal` and syncs that once, instead of syncing
        a rollback journal and the database; just as durable, and readers (`python -m bot purge`)
        no longer block the writer. SQLAlchemy 1.4 opens a new SQLite connection for every session,
        and closing the last connection folds the log back into the database each time, so the
        connection is kept open (one per thread; Rasa uses one). Saving a message took 0.9 instead of
        1.9 ms here. The log mode stays with the file.
        """
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, poolclass=SingletonThreadPool, hide_parameters=True)
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA journal_mode=WAL")
        self.sessionmaker = sessionmaker(bind=self.engine)

    def _cached(self, sender_id: str) -> list[Event] | None:
        entry = self._cache.get(sender_id)
        if entry is None:
            return None
        events, used = entry
        if self._clock() - used > self.cache_seconds:
            self.forget(sender_id)
            return None
        return events

    def _remember(self, sender_id: str, events: list[Event], fingerprint: Fingerprint | None = None) -> None:
        self._cache[sender_id] = (events, self._clock())
        self._cache.move_to_end(sender_id)
        if fingerprint is not None:
            self._fingerprints[sender_id] = fingerprint
        while len(self._cache) > self.cache_size:
            oldest, _ = self._cache.popitem(last=False)
            self._fingerprints.pop(oldest, None)

    def forget(self, sender_id: str) -> None:
        """Drop a conversation from the cache (the next message reads it from the database)."""
        self._cache.pop(sender_id, None)
        self._fingerprints.pop(sender_id, None)

    def _fingerprint(self, session: Any, sender_id: str) -> Fingerprint:
        """How many event rows the database holds for this conversation, and the highest id."""
        table = self.SQLEvent.__table__
        count, highest = session.execute(
            sa.select(sa.func.count(table.c.id), sa.func.max(table.c.id)).where(
                table.c.sender_id == sender_id
            )
        ).one()
        return int(count), None if highest is None else int(highest)

    def _still_current(self, sender_id: str) -> bool:
        """Shared tables: whether no other replica wrote this conversation since it was cached."""
        if not self.shared:
            return True
        with self.session_scope() as session:
            current = self._fingerprint(session, sender_id)
        if self._fingerprints.get(sender_id) == current:
            return True
        self.forget(sender_id)
        return False

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The current session of a conversation, from memory when it was active recently."""
        events = self._cached(sender_id)
        if events is not None and not self._still_current(sender_id):
            events = None
        if events is None:
            fingerprint = None
            if self.shared:
                # Taken before the events are read: a write in between makes the next check read again.
                with self.session_scope() as session:
                    fingerprint = self._fingerprint(session, sender_id)
            tracker = await super().retrieve(sender_id)
            # No tracker means the database holds no events at all for this sender.
            self._remember(sender_id, [] if tracker is None else list(tracker.events), fingerprint)
            return tracker
        self._remember(sender_id, events)
        if not self.domain or not events:
            return None
        return DialogueStateTracker.from_events(sender_id, list(events), self.domain.slots)

    def _stored_count(self, tracker: DialogueStateTracker) -> int | None:
        """How many of the tracker's events are in the database, if the cache can tell.

        It can when the tracker grew from the cached events (the normal case: Rasa retrieved it,
        added the new turn and now saves it). Otherwise the answer is None.
        """
        stored = self._cached(tracker.sender_id)
        if stored is None or len(tracker.events) < len(stored):
            return None
        if all(mine is theirs for mine, theirs in zip(stored, tracker.events, strict=False)):
            return len(stored)
        return None

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Write the new events to the database, de-identified, then remember them as stored.

        When the tracker grew from the cached events, the new ones are written in one insert (the same
        rows as Rasa's `save`, without building an ORM object per event) and the cache holds the
        session's events as the database does. A tracker that did not grow from the cached events is
        written by `PrivateSQLTrackerStore.save`, and the conversation is read from the database again
        next time.
        """
        stored = self._stored_count(tracker)
        rewritten = False  # the melding's answers replaced in the database: read it again next time
        try:
            if stored is None:
                await super().save(tracker)
            else:
                cached = list(itertools.islice(tracker.events, stored))
                new = [deidentified(event) for event in itertools.islice(tracker.events, stored, None)]
                fingerprint = None
                with self.session_scope() as session:
                    if new:
                        session.execute(
                            self.SQLEvent.__table__.insert(), [self._row(tracker.sender_id, e) for e in new]
                        )
                    rewritten = self._forget_melding(session, tracker.sender_id, new)
                    if self.shared:
                        fingerprint = self._fingerprint(session, tracker.sender_id)
                    session.commit()
                await self._stream(tracker.sender_id, new)
        except BaseException:
            self.forget(tracker.sender_id)
            raise
        if stored is None or rewritten:
            self.forget(tracker.sender_id)
        else:
            self._remember(tracker.sender_id, current_session([*cached, *new]), fingerprint)
