"""Login throttling per client and per account-on-a-client, in this gateway's memory.

A client is a salted hash of its address (`bot.web.clients`), never the address. Two limits, each with
growing waits after a few free failures (`bot.store.accounts.login_delay`):
- one account tried from one client: 3 free failures, then 1, 2, 4, ... seconds (up to 15 minutes);
- one client, whatever names it tries: 10 free failures, then the same.
A third limit, per account over every client and replica, is in the database
(`bot.store.accounts.account_wait`); a client that logged in to that account before is exempt from
it, so that someone guessing from elsewhere slows themselves down, not the volunteer.
Everything here is bounded and forgotten after an hour without failures (known clients: 30 days).
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from aiohttp import web

from bot.store.accounts import FAILURE_WINDOW, login_delay
from bot.web.clients import request_client_key

CLIENT_FREE_FAILURES = 10
ACCOUNT_ON_CLIENT_FREE_FAILURES = 3
KNOWN_CLIENT_SECONDS = 30 * 24 * 3600.0
MAX_ENTRIES = 20_000

# Which limit makes a try wait, as written in the audit log.
Scope = Literal["client", "account+client", "account"]
Clock = Callable[[], float]


@dataclass(frozen=True)
class Wait:
    """A try that has to wait: how long, and which limit says so."""

    seconds: float
    scope: Scope
    key: str


@dataclass
class _Failures:
    at: deque[float] = field(default_factory=deque)
    # Until when a refusal under this limit has already been written to the audit log.
    noted_until: float = -math.inf


class LoginThrottle:
    """The per-client login limits of one gateway process."""

    def __init__(self, trusted_proxies: frozenset[str] = frozenset(), clock: Clock = time.monotonic) -> None:
        self.trusted_proxies = trusted_proxies
        self.clock = clock
        self._failures: OrderedDict[str, _Failures] = OrderedDict()
        self._known: OrderedDict[str, float] = OrderedDict()
        self._window = FAILURE_WINDOW.total_seconds()

    def client_of(self, request: web.Request) -> str:
        """The key of the client behind a request (the address the gateway trusts, salted and hashed)."""
        return request_client_key(request, self.trusted_proxies)

    @staticmethod
    def _keys(client: str, username: str) -> tuple[tuple[Scope, str, int], ...]:
        return (
            ("account+client", f"pair:{client}:{username}", ACCOUNT_ON_CLIENT_FREE_FAILURES),
            ("client", f"client:{client}", CLIENT_FREE_FAILURES),
        )

    def _recent(self, key: str) -> deque[float]:
        entry = self._failures.get(key)
        if entry is None:
            return deque()
        cutoff = self.clock() - self._window
        while entry.at and entry.at[0] <= cutoff:
            entry.at.popleft()
        return entry.at

    def wait(self, client: str, username: str) -> Wait | None:
        """The longest wait this client has for this account name, or None when it may try now."""
        now = self.clock()
        waits = []
        for scope, key, free in self._keys(client, username):
            recent = self._recent(key)
            if recent:
                left = recent[-1] + login_delay(len(recent), free) - now
                if left > 0:
                    waits.append(Wait(left, scope, key))
        return max(waits, key=lambda w: w.seconds, default=None)

    def account_wait(self, username: str, seconds: float) -> Wait:
        """The wait the database's per-account limit gave (`bot.store.accounts.account_wait`)."""
        return Wait(seconds, "account", f"account:{username}")

    def first_refusal(self, wait: Wait) -> bool:
        """Whether this is the first refused try in this wait (only that one goes to the audit log)."""
        entry = self._entry(wait.key)
        if entry.noted_until > self.clock():
            return False
        entry.noted_until = self.clock() + wait.seconds
        self._prune()
        return True

    def failed(self, client: str, username: str) -> list[Wait]:
        """Count a wrong password; the waits it starts (for the audit log)."""
        now = self.clock()
        started = []
        for scope, key, free in self._keys(client, username):
            self._recent(key)
            entry = self._entry(key)
            entry.at.append(now)
            delay = login_delay(len(entry.at), free)
            if delay > 0:
                started.append(Wait(delay, scope, key))
        self._prune()
        return started

    def succeeded(self, client: str, username: str) -> None:
        """A right password: forget this pair's failures and remember the client for this account."""
        pair = f"pair:{client}:{username}"
        self._failures.pop(pair, None)
        self._known[pair] = self.clock()
        self._known.move_to_end(pair)
        self._prune()

    def known(self, client: str, username: str) -> bool:
        """Whether this client logged in to this account in the last 30 days (in this process)."""
        since = self._known.get(f"pair:{client}:{username}")
        return since is not None and self.clock() - since < KNOWN_CLIENT_SECONDS

    def _entry(self, key: str) -> _Failures:
        entry = self._failures.get(key)
        if entry is None:
            entry = self._failures[key] = _Failures()
        self._failures.move_to_end(key)
        return entry

    def _prune(self) -> None:
        now = self.clock()
        while self._failures:
            key, oldest = next(iter(self._failures.items()))  # the one touched longest ago
            stale = (not oldest.at or oldest.at[-1] <= now - self._window) and oldest.noted_until <= now
            if not stale and len(self._failures) <= MAX_ENTRIES:
                break
            del self._failures[key]
        while self._known and (
            len(self._known) > MAX_ENTRIES
            or self.clock() - next(iter(self._known.values())) >= KNOWN_CLIENT_SECONDS
        ):
            self._known.popitem(last=False)
