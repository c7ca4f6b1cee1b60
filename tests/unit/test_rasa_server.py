"""bot.rasa_ext.server checks action server replies exactly as Rasa does, with the validator built once, and
freezes the loaded model for the garbage collector."""

from __future__ import annotations

import asyncio
import gc
from types import SimpleNamespace
from typing import Any

import pytest
import rasa.core.run
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

from bot.rasa_ext import server as rasa_server

GOOD: dict[str, Any] = {
    "events": [
        {"event": "slot", "timestamp": None, "name": "role", "value": "self"},
        {"event": "followup", "name": "action_listen"},
    ],
    "responses": [{"text": "Fijn dat je er bent.", "buttons": [{"title": "Ja", "payload": "/affirm"}]}],
}
BAD: list[dict[str, Any]] = [
    {"events": [{"event": "no_such_event"}], "responses": []},
    {"events": "niet een lijst", "responses": []},
    {"events": [{"event": "slot", "name": 3}], "responses": []},
]


@pytest.fixture
def action() -> RemoteAction:
    return RemoteAction("action_welcome", EndpointConfig("http://127.0.0.1:5055/webhook"))


def rasas_own(action: RemoteAction, result: dict[str, Any]) -> bool:
    return RemoteAction._validate_action_result(action, result)


def test_a_good_reply_passes_both_checks(action: RemoteAction) -> None:
    assert rasas_own(action, GOOD) is True
    assert rasa_server.validate_action_result(action, GOOD) is True


@pytest.mark.parametrize("reply", BAD)
def test_a_wrong_reply_fails_both_checks_with_rasas_message(
    action: RemoteAction, reply: dict[str, Any]
) -> None:
    with pytest.raises(ValidationError) as rasa_error:
        rasas_own(action, reply)
    with pytest.raises(ValidationError) as our_error:
        rasa_server.validate_action_result(action, reply)
    assert our_error.value.message == rasa_error.value.message
    assert "Failed to validate Action server response" in our_error.value.message


def test_install_replaces_rasas_check(action: RemoteAction, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    rasa_server.install()
    assert RemoteAction._validate_action_result is rasa_server.validate_action_result
    with pytest.raises(ValidationError):
        action._validate_action_result(BAD[0])


def test_the_loaded_agent_is_frozen_and_returned() -> None:
    agent = SimpleNamespace(name="agent")
    loaded: list[tuple[Any, ...]] = []

    async def load(*args: Any) -> Any:
        loaded.append(args)
        return agent

    gc.unfreeze()
    try:
        result = asyncio.run(rasa_server.freeze_after_loading(load)("model.tar.gz", "app"))
        assert result is agent
        assert loaded == [("model.tar.gz", "app")]
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_install_wraps_rasas_agent_loading_once(monkeypatch: pytest.MonkeyPatch) -> None:
    original = getattr(rasa.core.run.load_agent_on_start, "__wrapped__", rasa.core.run.load_agent_on_start)
    monkeypatch.setattr(rasa.core.run, "load_agent_on_start", original)
    rasa_server.install()
    rasa_server.install()
    assert rasa.core.run.load_agent_on_start.__wrapped__ is original  # type: ignore[attr-defined]
