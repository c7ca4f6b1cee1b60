"""The website gateway: serves the chat widget and a demo page, and relays each visitor's chat to Rasa.

Run it with `python -m bot.web` (`make run` starts it next to Rasa and the action server).

Layout (in the shape of aiohttp's demo apps):
- `main.py` builds the app (`create_app`); `routes.py` lists every URL; `keys.py` holds the typed
  application keys, so no module imports the one that built the app.
- `pages/` the handlers, one module per page: `widget` (demo page, chat socket), `health`, `login`,
  `inbox` (wijkteam), `console` (volunteers).
- `templates/` the staff pages (Jinja2, autoescaped; `base.html` is their shared shell);
  `static/` the files served as they are: `widget/`, `demo/`, `staff/` (stylesheet, console script).
- `protocol.py` the JSON frames of both WebSockets, as `TypedDict`s; `relay.py` one visitor's chat
  (`socketio_chat.py` the same over Rasa's socket.io protocol, for stock Rasa widgets),
  `console_relay.py` one volunteer's console, `handover.py` the live handover they share,
  `live_frames.py` how frames travel between their sockets.
- `security.py` CSP and other headers, origin checks, CSRF; `sessions.py` staff sessions;
  `session_watch.py` the console socket's session checks; `password_checks.py` and
  `login_throttle.py` the login's thread pool and per-client limits;
  `rendering.py` templates and Dutch times; `rasa_client.py`, `history.py`, `limits.py`, `settings.py`.

Nothing of Rasa's HTTP API is proxied. The gateway talks to Rasa's REST channel for each message and,
with Rasa's API token, reads one conversation's tracker to show the conversation so far.

Limits (see `bot.web.limits`): text up to `bot.text.MAX_MESSAGE_CHARS` characters (`too_long`),
frames up to 16 KiB (bigger ones close the socket with code 1009), a token bucket per connection of
6 messages at once and one more every 2 seconds (`rate_limited`), at most 10 messages waiting.

Privacy: the visitor id is random and the only thing that links a visitor to a conversation. The gateway
stores nothing itself, logs no IP address, user agent, visitor id or message text, and has no access
log. Rasa sees only the gateway as its client.

Replicas: apart from the open sockets, the gateway keeps no state; history comes from Rasa's tracker
store and handovers from the database. The live frames of a handover between a visitor's and a
volunteer's socket go through `bot.web.live_frames` (in-process, or over Redis pub/sub with `REDIS_URL`).
"""
