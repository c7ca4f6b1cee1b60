"""Small parts of the live handover in the gateway: frames, history labels, live frames, summary lines."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.conversation.handover import HandoverSummary, summary_lines, within_hours
from bot.web.history import history_messages
from bot.web.live_frames import LocalLiveFrames
from bot.web.protocol import Typing, parse_client_frame


def test_typing_frames_are_parsed() -> None:
    assert parse_client_frame('{"type": "typing", "typing": true}') == Typing(True)
    assert parse_client_frame('{"type": "typing", "typing": "yes"}') == Typing(False)


def test_volunteer_messages_in_the_tracker_show_as_from_the_volunteer() -> None:
    events = [
        {"event": "user", "text": "hoi"},
        {"event": "bot", "text": "Hallo, ik ben Anna.", "metadata": {"from": "volunteer"}},
        {"event": "bot", "text": "Je praat weer met mij.", "metadata": {}},
    ]
    assert [m["from"] for m in history_messages(events)] == ["visitor", "volunteer", "assistant"]


async def test_local_live_frames_reach_every_tab_and_the_volunteer() -> None:
    live_frames = LocalLiveFrames()
    got: list[tuple[str, dict[str, Any]]] = []

    async def tab_one(frame: dict[str, Any]) -> None:
        got.append(("tab1", frame))

    async def tab_two(frame: dict[str, Any]) -> None:
        got.append(("tab2", frame))

    async def volunteer(frame: dict[str, Any]) -> None:
        got.append(("volunteer", frame))

    live_frames.add_visitor("v", tab_one)
    live_frames.add_visitor("v", tab_two)
    live_frames.add_volunteer("v", volunteer)
    await live_frames.to_visitor("v", {"type": "volunteer", "text": "hoi"})
    await live_frames.to_volunteer("v", {"type": "visitor", "text": "hallo"})
    live_frames.remove_visitor("v", tab_one)
    live_frames.remove_volunteer("v", volunteer)
    await live_frames.to_visitor("v", {"type": "x"})
    await live_frames.to_volunteer("v", {"type": "y"})
    assert [who for who, _ in got] == ["tab1", "tab2", "volunteer", "tab2"]


def test_summary_lines_leave_out_what_is_unknown() -> None:
    summary: HandoverSummary = {
        "reason": "vroeg zelf om een mens",
        "phase": "luisteren naar de situatie",
        "loneliness_type": None,
        "scale_result": None,
        "wishes": ["wandelen", "koken"],
        "chosen_step": None,
        "municipality": "Nijmegen",
    }
    assert summary_lines(summary) == [
        ("Reden", "vroeg zelf om een mens"),
        ("Fase", "luisteren naar de situatie"),
        ("Wensen", "wandelen, koken"),
        ("Gemeente", "Nijmegen"),
    ]


def test_opening_hours_are_in_dutch_time() -> None:
    winter_noon = dt.datetime(2026, 1, 15, 11, 0, tzinfo=dt.timezone.utc)  # 12:00 in Amsterdam
    late = dt.datetime(2026, 1, 15, 21, 30, tzinfo=dt.timezone.utc)  # 22:30 in Amsterdam
    assert within_hours("09:00-21:00", winter_noon) and not within_hours("09:00-21:00", late)
    assert within_hours("20:00-02:00", late) and within_hours("00:00-24:00", late)
