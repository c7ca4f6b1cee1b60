"""Runs Rasa's command line (`python -m bot.rasa_server run ...`) with one speed fix.

Rasa checks every reply of the action server against its response schema with `jsonschema.validate`,
which first checks the schema itself against the JSON Schema meta-schema, on every reply. Under load
that was about 8% of the Rasa server's CPU time. `install()` makes Rasa check the replies with a
validator built once for the same schema: the same check, the same error when a reply is wrong.
`make run` and the integration tests start Rasa through this module; `rasa` itself works unchanged.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


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


def install() -> None:
    """Use `validate_action_result` for every remote action."""
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]


def main() -> None:
    """`rasa` with the fix installed; takes the same arguments."""
    install()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
