"""The socket.io adapter's pure parts and its guards on the shared chat core, without servers."""

from __future__ import annotations

from typing import Any

import pytest

from bot.web.admission import Admission
from bot.web.limits import MAX_TEXT_CHARS
from bot.web.live_frames import LocalLiveFrames
from bot.web.protocol import (
    BAD_FRAME,
    CRISIS_DURING_HANDOVER,
    TOO_LONG,
    Button,
    ConsoleFrame,
    FrameError,
    Message,
    bot_frame,
    error_frame,
)
from bot.web.settings import Settings
from bot.web.socketio_chat import SocketIoChat, last_offered, rasa_messages, visitor_frame

VISITOR = "socketio-unit-visitor-0001"
WELCOME = {
    "text": "Voor wie chat je vandaag?",
    "buttons": [
        {"title": "Voor mezelf", "payload": "/for_myself"},
        {"title": "Ik maak me zorgen om iemand", "payload": "/worried_about_other"},
    ],
}


class RecordingServer:
    """Stands in for the socket.io server: keeps what would be emitted."""

    def __init__(self) -> None:
        self.emitted: list[tuple[str, Any, str]] = []

    async def emit(self, event: str, data: Any, to: str) -> None:
        self.emitted.append((event, data, to))

    def texts(self) -> list[str]:
        return [data["text"] for event, data, _ in self.emitted if event == "bot_uttered"]


def test_bot_messages_are_shaped_as_rasas_socketio_channel_sends_them() -> None:
    assert rasa_messages(bot_frame(WELCOME)) == [
        {
            "text": "Voor wie chat je vandaag?",
            "quick_replies": [
                {"content_type": "text", "title": "Voor mezelf", "payload": "/for_myself"},
                {
                    "content_type": "text",
                    "title": "Ik maak me zorgen om iemand",
                    "payload": "/worried_about_other",
                },
            ],
        }
    ]
    assert rasa_messages(bot_frame({"text": "Fijn."})) == [{"text": "Fijn."}]
    assert rasa_messages(bot_frame({"custom": {"kaart": 1}})) == [{"kaart": 1}]
    assert rasa_messages(error_frame("rate_limited"))[0]["text"].startswith("Je stuurt veel berichten")
    assert rasa_messages({"type": "volunteer", "text": "Hoi, ik ben Sam."}) == [
        {"text": "Vrijwilliger: Hoi, ik ben Sam."}
    ]
    assert "vrijwilliger" in rasa_messages({"type": "handover", "state": "waiting"})[0]["text"]
    for silent in ({"type": "typing"}, {"type": "done"}, {"type": "volunteer_typing", "typing": True}):
        assert rasa_messages(silent) == []  # type: ignore[arg-type]


def test_only_an_offered_payload_is_a_button_and_everything_else_is_typed_text() -> None:
    offered = {"/for_myself": "Voor mezelf"}
    assert visitor_frame("/for_myself", offered) == Button(title="Voor mezelf", payload="/for_myself")
    assert visitor_frame("/restart", offered) == Message("/restart")
    assert visitor_frame("/for_myself", {}) == Message("/for_myself")
    with pytest.raises(FrameError) as too_long:
        visitor_frame("a" * (MAX_TEXT_CHARS + 1), offered)
    assert too_long.value.code == TOO_LONG
    for bad in ("   ", 42, {"text": "hoi"}, ["hoi"]):
        with pytest.raises(FrameError) as refused:
            visitor_frame(bad, offered)
        assert refused.value.code == BAD_FRAME


def test_after_a_reload_only_the_buttons_after_the_last_visitor_message_count() -> None:
    events: list[dict[str, Any]] = [
        {"event": "user", "text": "hoi"},
        {
            "event": "bot",
            "text": "Waar wil je over praten?",
            "data": {"buttons": [{"title": "Oud", "payload": "/old"}]},
        },
        {"event": "user", "text": "/old"},
        {"event": "bot", "text": "Dank je."},
        {"event": "bot", "text": "Voor wie chat je vandaag?", "data": {"buttons": WELCOME["buttons"]}},
    ]
    assert last_offered(events) == {
        "/for_myself": "Voor mezelf",
        "/worried_about_other": "Ik maak me zorgen om iemand",
    }
    assert last_offered([*events, {"event": "user", "text": "/for_myself"}]) == {}


@pytest.fixture
def chat() -> tuple[SocketIoChat, RecordingServer, LocalLiveFrames]:
    server = RecordingServer()
    live = LocalLiveFrames()
    settings = Settings()
    client = Admission(settings).admit("unit-client")
    made = SocketIoChat(server, "sid-1", None, settings, live, client)  # type: ignore[arg-type]
    made.visitor = VISITOR
    return made, server, live


async def test_clicks_pass_as_payloads_once_and_typed_commands_lose_their_slash(
    chat: tuple[SocketIoChat, RecordingServer, LocalLiveFrames],
) -> None:
    conversation, server, _ = chat
    await conversation.send(bot_frame(WELCOME))
    await conversation.on_message("/for_myself")
    await conversation.on_message("/for_myself")  # the same payload again: no longer offered
    await conversation.on_message("/restart")
    queued = [conversation.queue.get_nowait() for _ in range(conversation.queue.qsize())]
    assert queued == ["/for_myself", "for_myself", "restart"]
    assert server.texts() == ["Voor wie chat je vandaag?"]  # accepted messages get no refusal


async def test_acute_risk_during_a_live_handover_is_answered_by_the_gateway(
    chat: tuple[SocketIoChat, RecordingServer, LocalLiveFrames],
) -> None:
    conversation, server, live = chat
    to_volunteer: list[ConsoleFrame] = []

    async def volunteer(frame: ConsoleFrame) -> None:
        to_volunteer.append(frame)

    live.add_volunteer(VISITOR, volunteer)
    await conversation.deliver({"type": "handover", "state": "active"})
    await conversation.on_message("ik wil niet meer leven")
    assert server.texts() == ["Je praat nu met een vrijwilliger: een mens.", CRISIS_DURING_HANDOVER]
    assert to_volunteer == [{"type": "visitor", "text": "ik wil niet meer leven", "acute_risk": True}]
