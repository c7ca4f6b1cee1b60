"""Rasa's HTTP API token: read from the environment or a file, sent in a header, compared as bytes.

Rasa 3.6 takes its token only as `rasa run --auth-token=...`, where every local user can read it
with `ps`, and accepts it only as `?token=` in the URL (which ends up in access logs and proxies). So
the project's Rasa wrapper (`bot/rasa_ext/server.py`) reads it from `RASA_TOKEN`, or from the file
named by `RASA_TOKEN_FILE`, and replaces Rasa's `requires_auth` with `requires_token`, which accepts
`Authorization: Bearer <token>` (what the gateway sends) as well as Rasa's `?token=`. The comparison
is in constant time on bytes, so a token with other than ASCII characters is a 401, not an error.
A JWT set-up (`--jwt-secret`) is left to Rasa's own check.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Callable
from functools import wraps
from http import HTTPStatus
from inspect import isawaitable
from pathlib import Path
from typing import Any

import rasa.server
from sanic import Sanic
from sanic.request import Request

BEARER = "bearer "


def token_from_env() -> str | None:
    """`RASA_TOKEN`, else the first line of the file `RASA_TOKEN_FILE`, else None."""
    token = os.environ.get("RASA_TOKEN", "").strip()
    if token:
        return token
    path = os.environ.get("RASA_TOKEN_FILE", "").strip()
    if path:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        return (lines[0].strip() if lines else "") or None
    return None


def presented_token(request: Request) -> str:
    """The token in `Authorization: Bearer ...`, else in `?token=`, else ""."""
    header = request.headers.get("Authorization", "")
    if header[: len(BEARER)].lower() == BEARER:
        return header[len(BEARER) :].strip()
    return str(request.args.get("token", ""))


def token_matches(given: str, expected: str) -> bool:
    """Compare in constant time, as UTF-8 bytes (str would raise on non-ASCII)."""
    return bool(expected) and hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def requires_token(original: Callable[..., Any], env_token: str | None) -> Callable[..., Any]:
    """A replacement for `rasa.server.requires_auth(app, token)` that checks our way (see above)."""

    def requires_auth(app: Sanic, token: str | None = None) -> Callable[[Any], Any]:
        expected = token or env_token
        if not expected:
            return original(app, token)

        def decorator(handler: Any) -> Any:
            rasas_own = original(app, expected)(handler)

            @wraps(handler)
            async def decorated(request: Request, *args: Any, **kwargs: Any) -> Any:
                if token_matches(presented_token(request), expected):
                    result = handler(request, *args, **kwargs)
                    return await result if isawaitable(result) else result
                if app.config.get("USE_JWT"):
                    return await rasas_own(request, *args, **kwargs)
                raise rasa.server.ErrorResponse(
                    HTTPStatus.UNAUTHORIZED, "NotAuthenticated", "User is not authenticated."
                )

            return decorated

        return decorator

    return requires_auth


def install(env_token: str | None) -> None:
    """Make every route of Rasa's HTTP API check the token with `requires_token`."""
    if not hasattr(rasa.server.requires_auth, "__wrapped_by_project__"):
        replacement = requires_token(rasa.server.requires_auth, env_token)
        replacement.__wrapped_by_project__ = True  # type: ignore[attr-defined]
        rasa.server.requires_auth = replacement
