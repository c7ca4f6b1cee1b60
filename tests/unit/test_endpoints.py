"""endpoints.yml as Rasa reads it: the action server's token comes from the environment."""

from __future__ import annotations

import pytest
from rasa.utils.endpoints import read_endpoint_config

from tests.support.paths import ROOT


def test_rasa_sends_the_token_from_actions_token(monkeypatch: pytest.MonkeyPatch) -> None:
    # A quoted "${ACTIONS_TOKEN}" is not expanded by Rasa: every action call then got a 401.
    monkeypatch.setenv("ACTIONS_TOKEN", "s3cr3t-Token_x")
    config = read_endpoint_config(str(ROOT / "endpoints.yml"), "action_endpoint")
    assert config is not None
    assert config.token == "s3cr3t-Token_x"
