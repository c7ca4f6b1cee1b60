"""The website gateway: serves the chat widget and a demo page, and relays each visitor's chat to Rasa.

Run it with `python -m bot.web` (`make run` starts it next to Rasa and the action server).

Routes
------
- `GET /`          the demo page: a calm Dutch information site about loneliness with the widget on it
- `GET /widget/*`  the widget (`widget.js`, `widget.css`), to embed on any allowed site
- `GET /ws`        the chat WebSocket (refused with 403 unless the page's Origin is allowed)
- `GET /health`    `{"status", "rasa", "actions"}`: 200 when both answer, 503 otherwise
- `GET /login`, `/inbox`, `/console` (+ `/console/ws`): staff pages, see `bot.web.staff` and
  `bot.web.console`

Nothing of Rasa's HTTP API is proxied. The gateway talks to Rasa's REST channel for each message and,
with Rasa's API token, reads one conversation's tracker to show the conversation so far.

Protocol (JSON text frames)
---------------------------
Widget -> gateway:
- `{"type": "hello", "visitor": "<id>" | null}` first, once. An unknown or malformed id counts as null.
- `{"type": "message", "text": "..."}` typed text, relayed as text (leading slashes removed, so typed
  text is never read as a `/intent` command).
- `{"type": "button", "title": "...", "payload": "..."}` a quick-reply button, relayed as its payload
  (the REST channel accepts a `/intent` payload only if the assistant offered that button).

Gateway -> widget:
- `{"type": "welcome", "visitor": "<id>", "max_chars": 1000}` the visitor id to keep (new ones are
  random, 24 characters); `max_chars` is `bot.text.MAX_MESSAGE_CHARS`.
- `{"type": "history", "messages": [{"from": "visitor" | "assistant", "text", "buttons"}]}` the
  conversation so far, from Rasa's tracker store (a clicked button shows its title). Empty for a new
  visitor; not sent when it cannot be read (then an `unavailable` error comes instead).
- For every message or button frame exactly one of:
  - `{"type": "typing"}`: accepted; the assistant is working on it. Then zero or more
    `{"type": "bot", "text": str | null, "buttons": [{"title", "payload"}], "custom": any}`,
    or `{"type": "error", "code": "unavailable", ...}` when Rasa did not answer, and finally
    `{"type": "done"}`. Accepted messages are answered in the order they were sent.
  - `{"type": "error", "code": "too_long" | "rate_limited" | "bad_frame", "text": "..."}`: refused,
    nothing was relayed.
- Error frames always carry a kind Dutch text the widget shows as it is.

Live handover (see `bot.web.console`):
- Widget -> gateway: `{"type": "typing", "typing": bool}` while the visitor types in a live chat
  (passed to the volunteer only then; otherwise ignored).
- Gateway -> widget: `{"type": "handover", "state": "waiting" | "active" | "ended"}`,
  `{"type": "volunteer", "text"}` (a person's message, shown under "Vrijwilliger"),
  `{"type": "volunteer_typing", "typing": bool}`. History messages may have `"from": "volunteer"`.

Limits (see `bot.web.limits`): text up to `bot.text.MAX_MESSAGE_CHARS` characters (`too_long`),
frames up to 16 KiB (bigger ones close the socket with code 1009), a token bucket per connection of
6 messages at once and one more every 2 seconds (`rate_limited`), at most 10 messages waiting.

Privacy: the visitor id is random and the only thing that links a visitor to a conversation. The gateway
stores nothing itself, logs no IP address, user agent, visitor id or message text, and has no access
log. Rasa sees only the gateway as its client.

Replicas: apart from the open sockets, the gateway keeps no state; history comes from Rasa's tracker
store and handovers from the database. The live frames of a handover between a visitor's and a
volunteer's socket go through `bot.web.delivery` (in-process; a second replica needs Redis pub/sub).
"""
