"""Runs Rasa's command line (`python -m bot.rasa_ext.server run ...`) with three speed fixes.

1. Rasa checks every reply of the action server against its response schema with `jsonschema.validate`,
   which first checks the schema itself against the JSON Schema meta-schema, on every reply. Under load
   that was about 8% of the Rasa server's CPU time. `install()` makes Rasa check the replies with a
   validator built once for the same schema: the same check, the same error when a reply is wrong.
2. Once the model is loaded, the Rasa process holds about 780,000 Python objects (TensorFlow, spaCy,
   Rasa itself) that live as long as the process. Python's cycle collector walked all of them in each
   full collection: a pause of about 0.3 s, several times a minute under load, that every message in
   progress had to wait out. `install()` moves them out of the collector's sight with `gc.freeze()`
   right after the model is loaded; full collections then take 10 to 20 ms. Objects made later (the
   conversations) are collected as before. A model swapped in later through the HTTP API is not
   frozen, and what the frozen model leaves behind in reference cycles is not freed; `make run` never
   swaps models.
3. `bot.rasa_ext.message_slots`: at most `RASA_MESSAGE_SLOTS` (4) messages are handled at once, so a message
   waiting for its custom action is not held up by the other conversations' work.
And two safety rules: the HTTP API token comes from `RASA_TOKEN` (or `RASA_TOKEN_FILE`), never from the
command line, and is checked as `bot.rasa_ext.api_token` says (`--enable-api` without a token is
refused); files Rasa creates (the SQLite tracker store) are readable by their owner only (umask 077).
A custom action that fails (the action server down or restarting) answers with a kind message instead of
silence (`bot.rasa_ext.action_failures`).
`make run` and the integration tests start Rasa through this module; `rasa` itself works unchanged.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Awaitable, Callable
from functools import lru_cache, wraps
from typing import Any

import rasa.core.run
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

from bot.rasa_ext import action_failures, api_token, message_slots

TOKEN_OPTIONS = ("-t", "--auth-token", "--jwt-secret")


@lru_cache(maxsize=1)
def _validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)  # once, instead of for every reply
    return cls(schema)


def validate_action_result(_: RemoteAction, result: dict[str, Any]) -> bool:
    """Rasa's `RemoteAction._validate_action_result`, with the validator built once."""
    error = best_match(_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the Action "
        f"endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


def freeze_after_loading(load: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    """Wrap Rasa's `load_agent_on_start`: load the model, then freeze what exists at that moment."""

    @wraps(load)
    async def load_agent_on_start(*args: Any, **kwargs: Any) -> Any:
        agent = await load(*args, **kwargs)
        gc.collect()
        gc.freeze()
        return agent

    return load_agent_on_start


def install() -> None:
    """Use `validate_action_result` for every remote action; freeze the loaded model for the collector."""
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
    if not hasattr(rasa.core.run.load_agent_on_start, "__wrapped__"):
        rasa.core.run.load_agent_on_start = freeze_after_loading(rasa.core.run.load_agent_on_start)


def token_on_command_line(argv: list[str]) -> bool:
    """Whether a token or JWT secret is given as an argument (visible to every local user)."""
    return any(arg in TOKEN_OPTIONS or arg.startswith(("--auth-token=", "--jwt-secret=")) for arg in argv)


def main() -> None:
    """`rasa` with the fixes installed; takes the same arguments."""
    argv = sys.argv[1:]
    token = api_token.token_from_env()
    if token_on_command_line(argv):
        print(
            "WARNING: a token on the command line can be read by every user of this machine (ps). "
            "Set RASA_TOKEN or RASA_TOKEN_FILE instead.",
            file=sys.stderr,
        )
    elif "--enable-api" in argv and not token:
        raise SystemExit("--enable-api needs RASA_TOKEN or RASA_TOKEN_FILE: the API runs behind a token.")
    os.umask(0o077)
    install()
    message_slots.install()
    action_failures.install()
    api_token.install(token)
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
