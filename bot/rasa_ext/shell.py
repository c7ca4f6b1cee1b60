"""Chat with the running assistant in the terminal.

Uses Rasa's own console (the one `rasa shell` uses, with button choices) against this project's REST
channel, so buttons are verified exactly as on the website. `make shell` starts the servers first.
"""

from __future__ import annotations

import asyncio
import sys
import uuid

from rasa.core.channels.console import record_messages


def main(argv: list[str] | None = None) -> int:
    """Run the console until the visitor types /stop or presses Ctrl-D."""
    args = sys.argv[1:] if argv is None else argv
    server_url = args[0] if args else "http://localhost:5005"
    sender = f"shell-{uuid.uuid4().hex[:8]}"
    asyncio.run(record_messages(sender_id=sender, server_url=server_url, use_response_stream=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
