"""The gateway's pure parts: frames, history from tracker events, the rate limit, settings."""

from __future__ import annotations

import json

import pytest

from bot.text import MAX_MESSAGE_CHARS
from bot.web.history import history_messages
from bot.web.limits import MAX_TEXT_CHARS, TokenBucket
from bot.web.protocol import (
    ERROR_TEXTS,
    Button,
    FrameError,
    Hello,
    Message,
    bot_frame,
    error_frame,
    new_visitor_id,
    parse_client_frame,
    valid_visitor_id,
)
from bot.web.settings import Settings


def frame(**data: object) -> str:
    return json.dumps(data)


def test_the_text_limit_is_the_one_from_bot_text() -> None:
    assert MAX_TEXT_CHARS == MAX_MESSAGE_CHARS


def test_visitor_ids_are_random_and_well_formed() -> None:
    ids = {new_visitor_id() for _ in range(100)}
    assert len(ids) == 100 and all(valid_visitor_id(v) and len(v) == 24 for v in ids)
    assert not valid_visitor_id("kort")
    assert not valid_visitor_id("spaties mogen niet hier")
    assert not valid_visitor_id(None)


def test_parse_hello_message_and_button() -> None:
    assert parse_client_frame(frame(type="hello", visitor=None)) == Hello(None)
    assert parse_client_frame(frame(type="hello", visitor="x/../y")) == Hello(None)
    visitor = new_visitor_id()
    assert parse_client_frame(frame(type="hello", visitor=visitor)) == Hello(visitor)
    assert parse_client_frame(frame(type="message", text="hoi")) == Message("hoi")
    assert parse_client_frame(frame(type="button", title="Ja", payload="/affirm")) == Button("Ja", "/affirm")
    assert parse_client_frame(frame(type="button", payload="nee")) == Button("nee", "nee")


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("niet json", "bad_frame"),
        ("[1, 2]", "bad_frame"),
        (frame(type="iets"), "bad_frame"),
        (frame(type="message", text=""), "bad_frame"),
        (frame(type="message", text=5), "bad_frame"),
        (frame(type="button", title="x"), "bad_frame"),
        (frame(type="message", text="a" * (MAX_MESSAGE_CHARS + 1)), "too_long"),
    ],
)
def test_refused_frames(raw: str, code: str) -> None:
    with pytest.raises(FrameError) as refused:
        parse_client_frame(raw)
    assert refused.value.code == code


def test_a_message_at_the_limit_is_fine() -> None:
    assert parse_client_frame(frame(type="message", text="a" * MAX_MESSAGE_CHARS)).text == "a" * 1000


def test_bot_frames_keep_text_buttons_and_custom_only() -> None:
    reply = {
        "recipient_id": "x",
        "text": "Hoi",
        "buttons": [{"title": "Ja", "payload": "/affirm"}, {"title": "kapot"}, "onzin"],
        "custom": {"handover": True},
    }
    assert bot_frame(reply) == {
        "type": "bot",
        "text": "Hoi",
        "buttons": [{"title": "Ja", "payload": "/affirm"}],
        "custom": {"handover": True},
    }
    assert bot_frame({"custom": {"a": 1}})["text"] is None


def test_error_texts_are_kind_dutch_and_unavailable_names_113_and_112() -> None:
    assert set(ERROR_TEXTS) == {
        "too_long",
        "rate_limited",
        "bad_frame",
        "unavailable",
        "too_many_chats",
        "busy",
    }
    unavailable = error_frame("unavailable")["text"]
    assert "even niet bereikbaar" in unavailable and "113" in unavailable and "0800-0113" in unavailable
    assert "112" in unavailable


def test_history_shows_a_clicked_button_by_its_title() -> None:
    events = [
        {"event": "action", "name": "action_session_start"},
        {"event": "session_started"},
        {"event": "user", "text": "hoi"},
        {"event": "bot", "text": "Welkom.", "data": {}},
        {
            "event": "bot",
            "text": "Voor wie chat je?",
            "data": {"buttons": [{"title": "Voor mezelf", "payload": "/for_myself"}]},
        },
        {"event": "user", "text": "/for_myself"},
        {"event": "slot", "name": "role", "value": "self"},
        {"event": "bot", "text": "Fijn.", "data": {"buttons": None}},
        {"event": "user", "text": "/for_myself"},  # not offered this time: shown as it was sent
    ]
    assert history_messages(events) == [
        {"from": "visitor", "text": "hoi", "buttons": []},
        {"from": "assistant", "text": "Welkom.", "buttons": []},
        {
            "from": "assistant",
            "text": "Voor wie chat je?",
            "buttons": [{"title": "Voor mezelf", "payload": "/for_myself"}],
        },
        {"from": "visitor", "text": "Voor mezelf", "buttons": []},
        {"from": "assistant", "text": "Fijn.", "buttons": []},
        {"from": "visitor", "text": "/for_myself", "buttons": []},
    ]


def test_history_keeps_the_newest_messages() -> None:
    events = [{"event": "user", "text": str(i)} for i in range(10)]
    assert [m["text"] for m in history_messages(events, limit=3)] == ["7", "8", "9"]


def test_token_bucket_allows_a_burst_then_refills() -> None:
    now = [0.0]
    bucket = TokenBucket(burst=6, per_second=0.5, clock=lambda: now[0])
    assert [bucket.allow() for _ in range(7)] == [True] * 6 + [False]
    now[0] += 1.0
    assert not bucket.allow()
    now[0] += 1.0
    assert bucket.allow() and not bucket.allow()
    now[0] += 1000
    assert sum(bucket.allow() for _ in range(10)) == 6


def test_settings_from_the_environment() -> None:
    default = Settings.from_env({})
    assert (default.host, default.port, default.rasa_url) == ("127.0.0.1", 8080, "http://127.0.0.1:5005")
    assert default.origin_allowed("http://localhost:8080") and default.origin_allowed("http://127.0.0.1:8080/")
    assert not default.origin_allowed("https://example.org") and not default.origin_allowed(None)
    custom = Settings.from_env(
        {
            "GATEWAY_PORT": "9000",
            "RASA_URL": "http://rasa:5005/",
            "RASA_TOKEN": "t",
            "GATEWAY_ALLOWED_ORIGINS": "https://Eenzaam.example, https://www.eenzaam.example",
        }
    )
    assert custom.port == 9000 and custom.rasa_url == "http://rasa:5005" and custom.rasa_token == "t"
    assert custom.origin_allowed("https://eenzaam.example")
    assert custom.origin_allowed("https://www.eenzaam.example")
    assert not custom.origin_allowed("http://localhost:8080")
    assert Settings.from_env({"GATEWAY_PORT": "8181"}).origin_allowed("http://localhost:8181")
