"""Live-handover frames between a visitor's socket and a volunteer's socket.

`LocalLiveFrames` carries them within one gateway process, which is enough for one replica. With
several gateway replicas the visitor and the volunteer may sit on different processes: with `REDIS_URL`
set the gateway uses `RedisLiveFrames` (`bot.web.redis_live_frames`, Redis pub/sub, one channel per
visitor for each direction). The handover state itself (queue, who accepted, ended) is in the database,
never here.

(Not to be confused with `bot.store.models.Delivery`, the outbox of meldingen.)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from bot.web.protocol import ConsoleFrame, WidgetFrame

# A socket's send function: to a visitor's widget, or to a volunteer's console.
SendToVisitor = Callable[[WidgetFrame], Awaitable[None]]
SendToVolunteer = Callable[[ConsoleFrame], Awaitable[None]]


class LiveFrames(Protocol):
    """Routes frames to the sockets of one conversation, keyed by the visitor id."""

    def add_visitor(self, visitor: str, send: SendToVisitor) -> None:
        """A visitor socket for this conversation opened."""

    def remove_visitor(self, visitor: str, send: SendToVisitor) -> None:
        """That visitor socket closed."""

    def add_volunteer(self, visitor: str, send: SendToVolunteer) -> None:
        """A volunteer took this conversation."""

    def remove_volunteer(self, visitor: str, send: SendToVolunteer) -> None:
        """The volunteer left this conversation."""

    async def to_visitor(self, visitor: str, frame: WidgetFrame) -> None:
        """Send to every open socket of the visitor (several tabs are allowed)."""

    async def to_volunteer(self, visitor: str, frame: ConsoleFrame) -> None:
        """Send to the volunteer who has this conversation, if any."""


class LocalLiveFrames:
    """Live frames within one process (one gateway replica)."""

    def __init__(self) -> None:
        self._visitors: dict[str, list[SendToVisitor]] = {}
        self._volunteers: dict[str, SendToVolunteer] = {}

    def add_visitor(self, visitor: str, send: SendToVisitor) -> None:
        """Register a visitor socket."""
        self._visitors.setdefault(visitor, []).append(send)

    def remove_visitor(self, visitor: str, send: SendToVisitor) -> None:
        """Forget a visitor socket."""
        sends = self._visitors.get(visitor, [])
        if send in sends:
            sends.remove(send)
        if not sends:
            self._visitors.pop(visitor, None)

    def add_volunteer(self, visitor: str, send: SendToVolunteer) -> None:
        """Register the volunteer's socket for this conversation."""
        self._volunteers[visitor] = send

    def remove_volunteer(self, visitor: str, send: SendToVolunteer) -> None:
        """Forget the volunteer's socket for this conversation."""
        if self._volunteers.get(visitor) == send:
            del self._volunteers[visitor]

    async def to_visitor(self, visitor: str, frame: WidgetFrame) -> None:
        """Send to the visitor's sockets."""
        for send in list(self._visitors.get(visitor, [])):
            await send(frame)

    async def to_volunteer(self, visitor: str, frame: ConsoleFrame) -> None:
        """Send to the volunteer's socket."""
        send = self._volunteers.get(visitor)
        if send is not None:
            await send(frame)
