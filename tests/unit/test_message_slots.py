"""bot.rasa_ext.message_slots: at most N messages in progress at once; results, errors, order pass."""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.processor import MessageProcessor

from bot.rasa_ext import message_slots
from bot.rasa_ext.message_slots import DEFAULT_SLOTS, MessageSlots, slots_from_environment


class Handler:
    """A message handler that waits a little, as a custom action call does, and counts who is inside."""

    def __init__(self) -> None:
        self.inside = 0
        self.most_inside = 0
        self.started: list[int] = []

    async def __call__(self, number: int) -> int:
        self.started.append(number)
        self.inside += 1
        self.most_inside = max(self.most_inside, self.inside)
        try:
            await asyncio.sleep(0.01)
            if number < 0:
                raise RuntimeError("kapot")
            return number * 10
        finally:
            self.inside -= 1


@pytest.mark.parametrize("size", [1, 2, 3])
def test_no_more_messages_than_slots_are_handled_at_once(size: int) -> None:
    handler = Handler()
    limited = MessageSlots(size).limit(handler)

    async def many() -> list[int]:
        return await asyncio.gather(*(limited(number) for number in range(10)))

    assert asyncio.run(many()) == [number * 10 for number in range(10)]
    assert handler.most_inside == size
    assert handler.started == list(range(10))  # in the order they came in


def test_an_error_passes_through_and_frees_the_slot() -> None:
    handler = Handler()
    limited = MessageSlots(1).limit(handler)

    async def failing_then_ok() -> int:
        with pytest.raises(RuntimeError):
            await limited(-1)
        return await asyncio.wait_for(limited(4), timeout=5)

    assert asyncio.run(failing_then_ok()) == 40


def test_each_event_loop_gets_its_own_slots() -> None:
    limited = MessageSlots(1).limit(Handler())
    assert asyncio.run(limited(1)) == 10
    assert asyncio.run(limited(2)) == 20  # a semaphore bound to the first loop would fail here


@pytest.mark.parametrize(("environ", "expected"), [({}, DEFAULT_SLOTS), ({"RASA_MESSAGE_SLOTS": " 3 "}, 3)])
def test_the_number_of_slots_comes_from_the_environment(environ: dict[str, str], expected: int) -> None:
    assert slots_from_environment(environ) == expected


def test_a_wrong_number_of_slots_stops_with_a_clear_message() -> None:
    with pytest.raises(SystemExit, match="whole number"):
        slots_from_environment({"RASA_MESSAGE_SLOTS": "twee"})
    with pytest.raises(ValueError, match="at least 1"):
        MessageSlots(0)


def test_install_wraps_rasas_message_handling_once(monkeypatch: pytest.MonkeyPatch) -> None:
    original = getattr(MessageProcessor.handle_message, "__wrapped__", MessageProcessor.handle_message)
    monkeypatch.setattr(MessageProcessor, "handle_message", original)
    message_slots.install(2)
    message_slots.install(2)
    assert MessageProcessor.handle_message.__wrapped__ is original  # type: ignore[attr-defined]
