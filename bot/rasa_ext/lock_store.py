"""Rasa's Redis lock store with a degraded mode: when Redis is down, locks are kept in this process.

With several Rasa replicas the lock store makes sure only one of them handles a conversation at a
time. Rasa's own `RedisLockStore` fails every message while Redis is unreachable. This one then keeps
the locks in memory instead, says so once in the log (and once more when Redis is back), and tries
Redis again with every call. The gateways send each visitor to the same replica as long as it answers
(`bot.web.rasa_client`), so in practice one replica still handles one conversation; only a visitor
whose replica fails during the outage could be handled by two at once.

In endpoints.yml: `lock_store: {type: bot.rasa_ext.lock_store.DegradableRedisLockStore, url: ..., ...}`
with the same settings as Rasa's `type: redis`.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.lock import TicketLock
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class DegradableRedisLockStore(RedisLockStore):
    """`RedisLockStore` that falls back to in-process locks while Redis cannot be reached."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs, **kwargs}
        super().__init__(**kwargs)
        self.fallback = InMemoryLockStore()
        self.degraded = False

    def _failed(self, error: Exception) -> None:
        if not self.degraded:
            logger.warning(
                "Redis is not reachable (%s): degraded mode, conversation locks are kept in this Rasa "
                "process only until Redis is back.",
                type(error).__name__,
            )
        self.degraded = True

    def _answered(self) -> None:
        if self.degraded:
            logger.warning("Redis is reachable again: conversation locks are shared by the replicas again.")
        self.degraded = False

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        """The conversation's lock from Redis, or from memory while Redis is down."""
        try:
            lock = super().get_lock(conversation_id)
        except (RedisError, OSError) as error:
            self._failed(error)
            return self.fallback.get_lock(conversation_id)
        self._answered()
        # A lock made during the outage is finished in memory, where it lives.
        return lock if lock is not None else self.fallback.get_lock(conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        """Delete the lock, in Redis and in memory."""
        self.fallback.conversation_locks.pop(conversation_id, None)
        try:
            super().delete_lock(conversation_id)
        except (RedisError, OSError) as error:
            self._failed(error)

    def save_lock(self, lock: TicketLock) -> None:
        """Save the lock in Redis, or in memory while Redis is down."""
        if lock.conversation_id in self.fallback.conversation_locks:
            self.fallback.save_lock(lock)
            return
        try:
            super().save_lock(lock)
        except (RedisError, OSError) as error:
            self._failed(error)
            self.fallback.save_lock(lock)
        else:
            self._answered()
