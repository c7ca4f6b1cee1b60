"""The action server behind a token: `python -m actions.server` (what `make run` starts).

Rasa sends the token as `?token=...` (`action_endpoint.token` in endpoints.yml, from `ACTIONS_TOKEN`);
a call to `/webhook` without the right token gets a 401. The server listens on 127.0.0.1 unless
`ACTIONS_HOST` says otherwise. `/health` stays open: it tells nothing about conversations.
"""

from __future__ import annotations

import argparse
import hmac
import os

from rasa_sdk.endpoint import create_app
from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, json


def protected_app(token: str) -> Sanic:
    """rasa_sdk's app for the `actions` package, with the token check in front of `/webhook`."""
    app = create_app("actions", cors_origins=None)

    async def check_token(request: Request) -> HTTPResponse | None:
        if request.path == "/webhook" and not hmac.compare_digest(request.args.get("token", ""), token):
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
