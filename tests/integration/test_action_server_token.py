"""The action server answers only Rasa: a call without its token is refused."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from tests.support.servers import RunningAssistant, post_json

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


@pytest.mark.parametrize("path", ["/webhook/", "/webhook//", "/webhook/?x=1", "/actions", "/nothing-here"])
def test_every_other_path_without_the_token_is_refused(assistant: RunningAssistant, path: str) -> None:
    # Found by review: Sanic routes /webhook/ to the webhook, and only /webhook was checked.
    status, body = post_json(f"http://127.0.0.1:{assistant.actions_port}{path}", CALL)
    assert status == 401 and "token" in body["error"]


def test_a_non_ascii_token_is_refused_not_a_server_error(assistant: RunningAssistant) -> None:
    status, _ = post_json(f"http://127.0.0.1:{assistant.actions_port}/webhook?token=%C3%A9%C3%A9n", CALL)
    assert status == 401


def test_other_methods_without_the_token_are_refused(assistant: RunningAssistant) -> None:
    for method in ("GET", "PUT", "DELETE"):
        request = urllib.request.Request(f"http://127.0.0.1:{assistant.actions_port}/webhook/", method=method)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        assert status in (401, 405), method
        assert status != 200


def test_health_stays_open(assistant: RunningAssistant) -> None:
    with urllib.request.urlopen(f"http://127.0.0.1:{assistant.actions_port}/health", timeout=10) as response:
        assert response.status == 200


def test_rasa_reaches_the_actions_with_the_token(assistant: RunningAssistant) -> None:
    replies = assistant.send("token-test", "hoe staat het met mijn melding")
    assert any("meldcode" in reply.get("text", "") for reply in replies)
