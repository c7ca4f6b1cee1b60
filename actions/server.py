"""The action server behind a token: `python -m actions.server` (what `make run` starts).

Rasa sends the token as `?token=...` (`action_endpoint.token` in endpoints.yml, from `ACTIONS_TOKEN`).
Every request without the right token gets a 401, whatever its path or method (Sanic also routes
`/webhook/` to the webhook, so a check on one path alone can be walked around); only `GET /health`
stays open, since it tells nothing about conversations. The server listens on 127.0.0.1 unless
`ACTIONS_HOST` says otherwise.
"""

from __future__ import annotations

import argparse
import hmac
import os

from rasa_sdk.endpoint import create_app
from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, json

OPEN = frozenset({("GET", "/health"), ("HEAD", "/health")})


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
