"""Delivery of live-handover frames between a visitor's socket and a volunteer's socket.

`LocalDelivery` delivers within one gateway process, which is enough for one replica. With a second
gateway replica the visitor and the volunteer may sit on different processes: swap in an
implementation of `Delivery` on Redis pub/sub (one channel per visitor for each direction). The
handover state itself (queue, who accepted, ended) is in the database, never here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Protocol

Frame = dict[str, Any]
Send = Callable[[Frame], Awaitable[None]]


class Delivery(Protocol):
    """Routes frames to the sockets of one conversation, keyed by the visitor id."""

    def add_visitor(self, visitor: str, send: Send) -> None:
        """A visitor socket for this conversation opened."""

    def remove_visitor(self, visitor: str, send: Send) -> None:
        """That visitor socket closed."""

    def add_volunteer(self, visitor: str, send: Send) -> None:
        """A volunteer took this conversation."""

    def remove_volunteer(self, visitor: str, send: Send) -> None:
        """The volunteer left this conversation."""

    async def to_visitor(self, visitor: str, frame: Frame) -> None:
        """Send to every open socket of the visitor (several tabs are allowed)."""

    async def to_volunteer(self, visitor: str, frame: Frame) -> None:
        """Send to the volunteer who has this conversation, if any."""


class LocalDelivery:
    """In-process delivery (one gateway replica)."""

    def __init__(self) -> None:
        self._visitors: dict[str, list[Send]] = {}
        self._volunteers: dict[str, Send] = {}

    def add_visitor(self, visitor: str, send: Send) -> None:
        """Register a visitor socket."""
        self._visitors.setdefault(visitor, []).append(send)

    def remove_visitor(self, visitor: str, send: Send) -> None:
        """Forget a visitor socket."""
        sends = self._visitors.get(visitor, [])
        if send in sends:
            sends.remove(send)
        if not sends:
            self._visitors.pop(visitor, None)

    def add_volunteer(self, visitor: str, send: Send) -> None:
        """Register the volunteer's socket for this conversation."""
        self._volunteers[visitor] = send

    def remove_volunteer(self, visitor: str, send: Send) -> None:
        """Forget the volunteer's socket for this conversation."""
        if self._volunteers.get(visitor) == send:
            del self._volunteers[visitor]

    async def to_visitor(self, visitor: str, frame: Frame) -> None:
        """Deliver to the visitor's sockets."""
        for send in list(self._visitors.get(visitor, [])):
            await send(frame)

    async def to_volunteer(self, visitor: str, frame: Frame) -> None:
        """Deliver to the volunteer's socket."""
        send = self._volunteers.get(visitor)
        if send is not None:
            await send(frame)
