"""API tokens: read from the environment or a file, never expected on argv, compared as bytes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.rasa_ext.api_token import token_from_env, token_matches
from bot.rasa_ext.server import token_on_command_line
from bot.web.security import csrf_matches


@pytest.mark.parametrize("compare", [csrf_matches, token_matches])
def test_non_ascii_is_a_mismatch_not_an_error(compare: Callable[[str, str], bool]) -> None:
    assert compare("geheim-token", "geheim-token") is True
    assert compare("één€", "geheim-token") is False
    assert compare("geheim-token", "") is False
    assert compare("", "") is False


def test_the_token_comes_from_the_environment_or_a_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("RASA_TOKEN", raising=False)
    monkeypatch.delenv("RASA_TOKEN_FILE", raising=False)
    assert token_from_env() is None
    secret = tmp_path / "rasa-token"
    secret.write_text("uit-een-bestand\n", encoding="utf-8")
    monkeypatch.setenv("RASA_TOKEN_FILE", str(secret))
    assert token_from_env() == "uit-een-bestand"
    monkeypatch.setenv("RASA_TOKEN", "uit-de-omgeving")
    assert token_from_env() == "uit-de-omgeving"


@pytest.mark.parametrize(
    ("argv", "visible"),
    [
        (["run", "--enable-api"], False),
        (["run", "--enable-api", "--auth-token=geheim"], True),
        (["run", "--enable-api", "--auth-token", "geheim"], True),
        (["run", "-t", "geheim"], True),
        (["run", "--jwt-secret=geheim"], True),
    ],
)
def test_a_token_on_the_command_line_is_noticed(argv: list[str], visible: bool) -> None:
    assert token_on_command_line(argv) is visible
