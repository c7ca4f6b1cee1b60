"""Gateway settings, read once from the environment (defaults suit `make run` on one machine)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from bot.conversation.handover import DEFAULT_WAIT_SECONDS


def local_origins(port: int) -> frozenset[str]:
    """The gateway's own demo page, by name and by address (the default allow-list)."""
    return frozenset({f"http://localhost:{port}", f"http://127.0.0.1:{port}"})


def normalise_origin(origin: str) -> str:
    """Lower-case an origin and drop a trailing slash, so that comparisons are exact but forgiving."""
    return origin.strip().rstrip("/").lower()


@dataclass(frozen=True)
class Settings:
    """Everything the gateway can be configured with.

    Environment variables (all optional):
    - `GATEWAY_HOST` (127.0.0.1), `GATEWAY_PORT` (8080): where the gateway listens.
    - `RASA_URL` (http://127.0.0.1:5005): the Rasa server; only its REST channel and, with a token,
      the tracker of a conversation are used.
    - `RASA_TOKEN`: the token Rasa was started with (`--enable-api --auth-token`); without it the gateway
      cannot show the conversation so far after a reload.
    - `ACTIONS_URL` (http://127.0.0.1:5055): the action server, only for `/health`.
    - `GATEWAY_ALLOWED_ORIGINS`: comma-separated origins of the pages that may open the chat socket
      (default: the gateway's own demo page, http://localhost:<port> and http://127.0.0.1:<port>).
    - `RASA_TIMEOUT` (30): seconds to wait for Rasa's answer before telling the visitor it is unavailable.
    - `GATEWAY_RATE_BURST` (6) and `GATEWAY_RATE_PER_SECOND` (0.5): the per-connection token bucket.
    - `HANDOVER_WAIT_SECONDS` (120): how long a visitor waits for a volunteer before the assistant
      says honestly that nobody came and takes over again.
    """

    host: str = "127.0.0.1"
    port: int = 8080
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_token: str | None = None
    actions_url: str = "http://127.0.0.1:5055"
    allowed_origins: frozenset[str] = local_origins(8080)
    rasa_timeout: float = 30.0
    rate_burst: int = 6
    rate_per_second: float = 0.5
    handover_wait_seconds: float = DEFAULT_WAIT_SECONDS

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Build settings from environment variables; unset or empty ones keep their default."""
        env = os.environ if env is None else env
        defaults = cls()

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        origins = get("GATEWAY_ALLOWED_ORIGINS")
        port = int(get("GATEWAY_PORT") or defaults.port)
        return cls(
            host=get("GATEWAY_HOST") or defaults.host,
            port=port,
            rasa_url=(get("RASA_URL") or defaults.rasa_url).rstrip("/"),
            rasa_token=get("RASA_TOKEN"),
            actions_url=(get("ACTIONS_URL") or defaults.actions_url).rstrip("/"),
            allowed_origins=(
                frozenset(normalise_origin(o) for o in origins.split(",") if o.strip())
                if origins
                else local_origins(port)
            ),
            rasa_timeout=float(get("RASA_TIMEOUT") or defaults.rasa_timeout),
            rate_burst=int(get("GATEWAY_RATE_BURST") or defaults.rate_burst),
            rate_per_second=float(get("GATEWAY_RATE_PER_SECOND") or defaults.rate_per_second),
            handover_wait_seconds=float(get("HANDOVER_WAIT_SECONDS") or defaults.handover_wait_seconds),
        )

    def origin_allowed(self, origin: str | None) -> bool:
        """Tell whether a page from `origin` may open the chat socket (no Origin header: refused)."""
        return origin is not None and normalise_origin(origin) in self.allowed_origins
