"""`python -m bot insight-consumer`: count Rasa's events from RabbitMQ for /inzicht until Ctrl-C or SIGTERM.

Settings from the environment, as the cluster profile sets them: `RABBITMQ_URL`
(amqp://guest:guest@127.0.0.1:5672), `EVENTS_QUEUE` (rasa_events), and `DATABASE_URL` for the counts.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
from typing import Any

from bot.insight.consumer import DEFAULT_QUEUE, DEFAULT_URL, RASA_EXCHANGE, ConsumerSettings, consume


def add_command(commands: Any) -> None:
    """Add the `insight-consumer` command to the command line's subparsers."""
    parser = commands.add_parser("insight-consumer", help="tellingen voor /inzicht uit RabbitMQ bijhouden")
    url = os.environ.get("RABBITMQ_URL", "").strip() or DEFAULT_URL
    parser.add_argument("--url", default=url, help="RabbitMQ (standaard: RABBITMQ_URL of de lokale)")
    queue = os.environ.get("EVENTS_QUEUE", "").strip() or DEFAULT_QUEUE
    parser.add_argument("--queue", default=queue, help=f"de wachtrij van Rasa's event broker ({queue})")
    parser.add_argument("--exchange", default=RASA_EXCHANGE, help=f"Rasa's exchange ({RASA_EXCHANGE})")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Consume until SIGINT or SIGTERM, then store what was counted and stop."""
    from bot.store.db import default_engine

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("aio_pika").setLevel(logging.WARNING)
    logging.getLogger("aiormq").setLevel(logging.WARNING)
    settings = ConsumerSettings(url=args.url, queue=args.queue, exchange=args.exchange)

    async def main() -> int:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for number in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(number, stop.set)
        await consume(settings, default_engine(), stop)
        return 0

    return asyncio.run(main())
