"""The action server answers only Rasa: a call without its token is refused."""

from __future__ import annotations

import pytest

from tests.integration.servers import RunningAssistant, post_json

pytestmark = pytest.mark.integration

CALL = {
    "next_action": "action_melding_status",
    "tracker": {"sender_id": "x", "slots": {}, "events": []},
    "domain": {},
}


@pytest.mark.parametrize("query", ["", "?token=", "?token=verkeerd"])
def test_webhook_without_the_token_is_refused(assistant: RunningAssistant, query: str) -> None:
    status, body = post_json(f"http://127.0.0.1:{assistant.actions_port}/webhook{query}", CALL)
    assert status == 401 and "token" in body["error"]


def test_rasa_reaches_the_actions_with_the_token(assistant: RunningAssistant) -> None:
    replies = assistant.send("token-test", "hoe staat het met mijn melding")
    assert any("meldcode" in reply.get("text", "") for reply in replies)
