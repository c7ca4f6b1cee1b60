"""The embedded default (`make run`): its four processes, under the supervisor (`bot.supervise`).

    python -m bot.embedded                   action server, delivery worker, Rasa and the gateway
    python -m bot.embedded --without-gateway the first three (for `make shell`, which chats in the terminal)

A process that crashes is started again within seconds (with back-off); Ctrl-C stops all. Pids are in
`var/run/<name>.pid` (`actions`, `deliver`, `rasa`, `gateway`), output in `var/log/<name>.log`.
scripts/run.sh makes the tokens (`RASA_TOKEN`, `ACTIONS_TOKEN`) and the database first; every process
reads them from its environment.

Environment (all optional): `RASA_HOST` (127.0.0.1), `RASA_PORT` (5005), `ACTIONS_PORT` (5055),
`GATEWAY_PORT` (8080), `RASA_ENDPOINTS` (endpoints.yml; its action endpoint must name ACTIONS_PORT),
`RASA_MODEL` (models/current.tar.gz), `VAR_DIR` (var; pids in its run/, logs in its log/).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.supervise import ProcessSpec, run_supervised

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")


@dataclass(frozen=True)
class EmbeddedSettings:
    """Where the embedded default's processes listen and what Rasa loads."""

    rasa_host: str = "127.0.0.1"
    rasa_port: int = 5005
    actions_port: int = 5055
    gateway_port: int = 8080
    endpoints: Path = ROOT / "endpoints.yml"
    model: Path = ROOT / "models" / "current.tar.gz"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> EmbeddedSettings:
        """Settings from the environment; unset ones keep their default."""
        env = os.environ if env is None else env
        d = cls()

        def get(name: str, default: object) -> str:
            return env.get(name, "").strip() or str(default)

        return cls(
            rasa_host=get("RASA_HOST", d.rasa_host),
            rasa_port=int(get("RASA_PORT", d.rasa_port)),
            actions_port=int(get("ACTIONS_PORT", d.actions_port)),
            gateway_port=int(get("GATEWAY_PORT", d.gateway_port)),
            endpoints=Path(get("RASA_ENDPOINTS", d.endpoints)),
            model=Path(get("RASA_MODEL", d.model)),
        )

    @property
    def rasa_url(self) -> str:
        """Rasa, as the gateway and the health checks reach it."""
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def actions_url(self) -> str:
        """The action server, as the gateway's health check reaches it."""
        return f"http://127.0.0.1:{self.actions_port}"


def processes(settings: EmbeddedSettings, with_gateway: bool = True) -> list[ProcessSpec]:
    """The embedded default's processes, in start order."""
    specs = [
        ProcessSpec(
            "actions",
            (PYTHON, "-m", "actions.server", "--port", str(settings.actions_port)),
            ready_url=f"{settings.actions_url}/health",
        ),
        # Meldingen go from the outbox to the meldpunt by e-mail (SMTP_HOST/SMTP_PORT/SMTP_FROM, over
        # STARTTLS unless SMTP_TLS says otherwise; without an SMTP server they wait and are retried).
        ProcessSpec("deliver", (PYTHON, "-m", "bot", "deliver")),
        # `rasa run` through bot/rasa_ext/server.py and its speed fixes; the API behind RASA_TOKEN.
        ProcessSpec(
            "rasa",
            (
                PYTHON, "-m", "bot.rasa_ext.server", "run", "--model", str(settings.model),
                "--endpoints", str(settings.endpoints), "--credentials", str(ROOT / "credentials.yml"),
                "--interface", settings.rasa_host, "--port", str(settings.rasa_port), "--enable-api",
            ),  # fmt: skip
            ready_url=f"{settings.rasa_url}/webhooks/rest/",
        ),
    ]
    if with_gateway:
        specs.append(
            ProcessSpec(
                "gateway",
                (PYTHON, "-m", "bot.web"),
                {
                    "RASA_URL": settings.rasa_url,
                    "ACTIONS_URL": settings.actions_url,
                    "GATEWAY_PORT": str(settings.gateway_port),
                },
                ready_url=f"http://127.0.0.1:{settings.gateway_port}/widget/widget.js",
            )
        )
    return specs


def main(argv: list[str] | None = None) -> int:
    """Run the embedded default's processes until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m bot.embedded", description=__doc__.split("\n\n")[0])
    parser.add_argument("--without-gateway", action="store_true", help="no website gateway (make shell)")
    args = parser.parse_args(argv)
    return run_supervised(processes(EmbeddedSettings.from_env(), with_gateway=not args.without_gateway))


if __name__ == "__main__":
    raise SystemExit(main())
