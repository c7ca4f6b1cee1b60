"""Password checks off the event loop: argon2 in a small thread pool, with a bounded queue.

An argon2 check takes 0.1–0.25 s of CPU on purpose. On the event loop a few logins a second would
stall every chat and console; here they run in their own threads, at most `workers` at once, with at
most `queue` more waiting, and at most `per_client` of one client at once, so that one client cannot
fill the queue for everyone. A login beyond that is told to try again in a moment (`Busy`).
"""

from __future__ import annotations

import asyncio
import contextlib
from concurrent.futures import Future, ThreadPoolExecutor

from bot.store.accounts import verify_password

WORKERS = 2
QUEUE = 8
PER_CLIENT = 2


class Busy(Exception):
    """Too many password checks are running or waiting; try again in a moment."""


class PasswordChecks:
    """Runs `verify_password` in a thread pool of `workers` threads, with at most `queue` waiting."""

    def __init__(self, workers: int = WORKERS, queue: int = QUEUE, per_client: int = PER_CLIENT) -> None:
        self.workers = workers
        self.queue = queue
        self.per_client = per_client
        # Checks in progress per client key (`bot.web.clients`); a key leaves when it reaches 0.
        self._of_client: dict[str, int] = {}
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="password-check")
        self._slots = asyncio.Semaphore(workers)
        # Checks admitted and not yet finished: running, or waiting for a slot.
        self.admitted = 0

    async def verify(self, password_hash: str, password: str, client: str) -> bool:
        """Whether the password matches; raises `Busy` instead of queueing without bound."""
        if self.admitted >= self.workers + self.queue or self._of_client.get(client, 0) >= self.per_client:
            raise Busy
        self.admitted += 1
        self._of_client[client] = self._of_client.get(client, 0) + 1
        try:
            await self._slots.acquire()
        except BaseException:
            self._leave(client)
            raise
        try:
            job: Future[bool] = self._pool.submit(verify_password, password_hash, password)
        except BaseException:
            self._finished(client)
            raise
        loop = asyncio.get_running_loop()

        def done(_: Future[bool]) -> None:
            with contextlib.suppress(RuntimeError):  # the loop is closed: nothing left to free
                loop.call_soon_threadsafe(self._finished, client)

        # The slot is free again only when the thread is done, even if the request went away.
        job.add_done_callback(done)
        return await asyncio.wrap_future(job)

    def _leave(self, client: str) -> None:
        self.admitted -= 1
        left = self._of_client.pop(client, 1) - 1
        if left > 0:
            self._of_client[client] = left

    def _finished(self, client: str) -> None:
        self._leave(client)
        self._slots.release()

    def close(self) -> None:
        """Stop the threads (at shutdown)."""
        self._pool.shutdown(wait=False, cancel_futures=True)
