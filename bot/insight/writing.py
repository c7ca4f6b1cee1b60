"""Adding counted deltas to the store, and trying again while the database is away.

Deltas that could not be written are kept (in memory, they are only counts) and added to the next try,
so a database restart loses nothing that was already read.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Mapping

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.store.db import session_scope
from bot.store.insight import CountKey, add_counts

logger = logging.getLogger(__name__)
FIRST_RETRY_SECONDS = 0.5
MAX_RETRY_SECONDS = 30.0


class DeltaWriter:
    """Adds deltas to the store; what failed waits for the next `write` (or `write_until_done`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._waiting: Counter[CountKey] = Counter()

    @property
    def waiting(self) -> int:
        """How many counts wait for the database."""
        return sum(1 for delta in self._waiting.values() if delta)

    def write(self, deltas: Mapping[CountKey, int]) -> bool:
        """Add these (and any waiting) deltas in one transaction; False, and kept, when it failed."""
        self._waiting.update(deltas)
        pending = {key: delta for key, delta in self._waiting.items() if delta}
        if not pending:
            return True
        try:
            with session_scope(self.engine) as session:
                add_counts(session, pending)
        except SQLAlchemyError as error:
            logger.warning(
                "Inzicht: %d tellingen konden niet worden opgeslagen (%s); ik probeer het opnieuw.",
                len(pending),
                type(error).__name__,
            )
            return False
        self._waiting = Counter()
        return True

    def write_until_done(self, deltas: Mapping[CountKey, int], stop: threading.Event | None = None) -> bool:
        """Write, trying again with back-off until it worked or `stop` is set; True when written."""
        wait = FIRST_RETRY_SECONDS
        written = self.write(deltas)
        while not written:
            if stop is not None and stop.wait(wait):
                return self.write({})
            if stop is None:
                time.sleep(wait)
            wait = min(wait * 2, MAX_RETRY_SECONDS)
            written = self.write({})
        return True
