"""`python -m bot.web`: run the gateway (settings from the environment, see `bot.web.settings`)."""

from __future__ import annotations

import logging
import sys

from aiohttp import web

from bot.web.main import create_app
from bot.web.settings import Settings


def main() -> int:
    """Run until interrupted."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("aiohttp.access").disabled = True  # no IP addresses or user agents in any log
    settings = Settings.from_env()
    logging.getLogger("bot.web").info(
        "Website chat: http://%s:%d/ (widget at /widget/widget.js, chat socket at /ws); Rasa at %s",
        settings.host,
        settings.port,
        settings.rasa_url,
    )
    web.run_app(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        access_log=None,
        print=None,
        handle_signals=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
