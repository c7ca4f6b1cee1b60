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
    - `SOCKETIO_PORT` (8081): where Rasa's socket.io protocol is served for stock Rasa widgets
      (`bot.web.socketio_chat`), on the same host; 0 turns it off.
    - `RASA_URL` (http://127.0.0.1:5005): the Rasa server; only its REST channel and, with a token,
      the tracker of a conversation are used. Several Rasa replicas: comma-separated URLs; each visitor
      has a first choice among them (spread by visitor id) and moves to the next one when it does not
      answer (`bot.web.rasa_client`).
    - `REDIS_URL`: when set (e.g. redis://127.0.0.1:6379/0), live handover frames travel between gateway
      replicas over Redis pub/sub (`bot.web.redis_live_frames`); without it, within this process.
    - `RASA_TOKEN`: the token of Rasa's HTTP API (Rasa reads the same variable); without it the gateway
      cannot show the conversation so far after a reload.
    - `ACTIONS_URL` (http://127.0.0.1:5055): the action server, only for `/health`.
    - `GATEWAY_ALLOWED_ORIGINS`: comma-separated origins of the pages that may open the chat socket
      (default: the gateway's own demo page, http://localhost:<port> and http://127.0.0.1:<port>).
    - `RASA_TIMEOUT` (30): seconds to wait for Rasa's answer before telling the visitor it is unavailable.
    - `GATEWAY_RATE_BURST` (10) and `GATEWAY_RATE_PER_SECOND` (1): each visitor's token bucket for
      messages (kept per visitor id, so a reconnect gives no fresh allowance). Room for a person who
      clicks through the buttons of the network map and the plan without waiting.
    - `GATEWAY_MAX_SOCKETS` (2000) and `GATEWAY_MAX_SOCKETS_PER_CLIENT` (20): open visitor sockets in
      total and per client (one address; a household or an office behind one NAT address is one client).
    - `GATEWAY_CLIENT_RATE_BURST` (20) and `GATEWAY_CLIENT_RATE_PER_SECOND` (1): each client's token
      bucket, shared by all its sockets, for messages and for opening sockets.
    - `GATEWAY_CLIENT_IN_FLIGHT` (1): messages of one client at Rasa at once; the others wait their turn.
    - `GATEWAY_TYPING_BURST` (20) and `GATEWAY_TYPING_PER_SECOND` (2): typing frames per client; more
      are dropped.
    - `GATEWAY_TRUSTED_PROXIES`: comma-separated addresses of reverse proxies in front of the gateway;
      only from them is `X-Forwarded-For` believed (default: none, the peer's address counts).
    - `HANDOVER_WAIT_SECONDS` (120): how long a visitor waits for a volunteer before the assistant
      says honestly that nobody came and takes over again.
    """

    host: str = "127.0.0.1"
    port: int = 8080
    socketio_port: int = 8081
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_urls: tuple[str, ...] = ()
    redis_url: str | None = None
    rasa_token: str | None = None
    actions_url: str = "http://127.0.0.1:5055"
    allowed_origins: frozenset[str] = local_origins(8080)
    rasa_timeout: float = 30.0
    rate_burst: int = 10
    rate_per_second: float = 1.0
    max_sockets: int = 2000
    max_sockets_per_client: int = 20
    client_rate_burst: int = 20
    client_rate_per_second: float = 1.0
    client_in_flight: int = 1
    typing_burst: int = 20
    typing_per_second: float = 2.0
    trusted_proxies: frozenset[str] = frozenset()
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
        replicas = (get("RASA_URL") or defaults.rasa_url).split(",")
        rasa_urls = tuple(url.strip().rstrip("/") for url in replicas if url.strip()) or (defaults.rasa_url,)
        return cls(
            host=get("GATEWAY_HOST") or defaults.host,
            port=port,
            socketio_port=int(get("SOCKETIO_PORT") or defaults.socketio_port),
            rasa_url=rasa_urls[0],
            rasa_urls=rasa_urls,
            redis_url=get("REDIS_URL"),
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
            max_sockets=int(get("GATEWAY_MAX_SOCKETS") or defaults.max_sockets),
            max_sockets_per_client=int(
                get("GATEWAY_MAX_SOCKETS_PER_CLIENT") or defaults.max_sockets_per_client
            ),
            client_rate_burst=int(get("GATEWAY_CLIENT_RATE_BURST") or defaults.client_rate_burst),
            client_rate_per_second=float(
                get("GATEWAY_CLIENT_RATE_PER_SECOND") or defaults.client_rate_per_second
            ),
            client_in_flight=int(get("GATEWAY_CLIENT_IN_FLIGHT") or defaults.client_in_flight),
            typing_burst=int(get("GATEWAY_TYPING_BURST") or defaults.typing_burst),
            typing_per_second=float(get("GATEWAY_TYPING_PER_SECOND") or defaults.typing_per_second),
            trusted_proxies=frozenset(
                p.strip() for p in (get("GATEWAY_TRUSTED_PROXIES") or "").split(",") if p.strip()
            ),
            handover_wait_seconds=float(get("HANDOVER_WAIT_SECONDS") or defaults.handover_wait_seconds),
        )

    @property
    def rasa_replicas(self) -> tuple[str, ...]:
        """Every Rasa replica's base URL (`rasa_url` alone when no list was given)."""
        return self.rasa_urls or (self.rasa_url,)

    def origin_allowed(self, origin: str | None) -> bool:
        """Tell whether a page from `origin` may open the chat socket (no Origin header: refused)."""
        return origin is not None and normalise_origin(origin) in self.allowed_origins
