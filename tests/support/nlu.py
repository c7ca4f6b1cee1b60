"""The trained NLU, loaded in this process and called synchronously."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.support.paths import MODEL


class Parser:
    """Parses text with the trained NLU, synchronously."""

    def __init__(self) -> None:
        from rasa.core.agent import Agent

        from bench.nlu_quality import quiet_structlog

        quiet_structlog()
        self.loop = asyncio.new_event_loop()
        self.agent = Agent.load(str(MODEL))

    def parse(self, text: str) -> dict[str, Any]:
        return self.loop.run_until_complete(self.agent.parse_message(text))

    def intent(self, text: str) -> str:
        return str(self.parse(text)["intent"]["name"])
