"""The action server behind a token: `python -m actions.server` (what `make run` starts).

Rasa sends the token as `?token=...` (`action_endpoint.token` in endpoints.yml, from `ACTIONS_TOKEN`).
Every request without the right token gets a 401, whatever its path or method (Sanic also routes
`/webhook/` to the webhook, so a check on one path alone can be walked around); only `GET /health`
stays open, since it tells nothing about conversations. The server listens on 127.0.0.1 unless
`ACTIONS_HOST` says otherwise.

An action that fails is answered by `failed_action`, not by rasa-sdk's handler (which logs the error
text and sends the whole request back: what the visitor typed, and SQL errors with their values). It
logs the exception type, the action's name, where it happened and a random error id, and answers
with only the id.
"""

from __future__ import annotations

import argparse
import hmac
import logging
import os
import secrets
import traceback

from rasa_sdk.endpoint import create_app
from sanic import Sanic
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse, json

OPEN = frozenset({("GET", "/health"), ("HEAD", "/health")})
PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
logger = logging.getLogger(__name__)


def action_name(request: Request) -> str:
    """The action a webhook call asked for (a name from the domain), or "-"."""
    try:
        body = request.json
    except Exception:  # noqa: BLE001 - an unreadable body names no action
        return "-"
    name = body.get("next_action") if isinstance(body, dict) else None
    return name if isinstance(name, str) and name.isidentifier() else "-"


def failed_action(request: Request, exception: Exception) -> HTTPResponse:
    """Log and answer a failure without any value from the request or the error's text."""
    if isinstance(exception, SanicException):
        status = int(getattr(exception, "status_code", 500) or 500)
        return json({"error": "The request could not be handled."}, status=status)
    error_id = secrets.token_hex(6)
    frames = traceback.extract_tb(exception.__traceback__)
    # The deepest frame in the project's own code says most; its file and line, nothing else.
    ours = [frame for frame in frames if frame.filename.startswith(PROJECT_ROOT)] or frames
    where = f"{os.path.relpath(ours[-1].filename, PROJECT_ROOT)}:{ours[-1].lineno}" if ours else "-"
    name, kind = action_name(request), type(exception).__name__
    logger.error("Action %s failed: %s at %s (error id %s)", name, kind, where, error_id)
    return json({"error": "The action failed.", "error_id": error_id}, status=500)


def protected_app(token: str) -> Sanic:
    """rasa_sdk's app for the `actions` package, with the token check in front of every route."""
    app = create_app("actions", cors_origins=None)
    expected = token.encode("utf-8")

    async def check_token(request: Request) -> HTTPResponse | None:
        if (request.method, request.path) in OPEN:
            return None
        # Compared as bytes: a non-ASCII token is a wrong token (401), not a server error.
        given = str(request.args.get("token", "")).encode("utf-8")
        if not hmac.compare_digest(given, expected):
            return json({"error": "A valid token is required."}, status=401)
        return None

    app.register_middleware(check_token, "request")
    app.error_handler.add(Exception, failed_action)
    return app


def main() -> None:
    """Start the server; refuses to start without ACTIONS_TOKEN."""
    parser = argparse.ArgumentParser(prog="python -m actions.server")
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTIONS_PORT", "5055")))
    args = parser.parse_args()
    token = os.environ.get("ACTIONS_TOKEN", "")
    if not token:
        raise SystemExit("ACTIONS_TOKEN is not set: the action server only runs behind a token.")
    host = os.environ.get("ACTIONS_HOST", "127.0.0.1")
    protected_app(token).run(host, args.port, workers=1, access_log=False)


if __name__ == "__main__":
    main()
