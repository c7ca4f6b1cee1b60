"""Every URL of the gateway, in one place.

- `GET /`              the demo page: a calm Dutch information site about loneliness with the widget on it
- `GET /widget/*`      the widget (`widget.js`, `widget.css`), to embed on any allowed site
- `GET /demo/*`        the demo page's stylesheet
- `GET /ws`            the chat WebSocket (refused with 403 unless the page's Origin is allowed)
- `GET /health`        `{"status", "rasa", "actions"}`: 200 when both answer, 503 otherwise
- `GET|POST /login`, `POST /logout`                    staff login
- `GET /inbox`, `GET /inbox/{code}`, `POST /inbox/{code}/status`, `POST /inbox/{code}/release`
                                                       the wijkteam inbox (release: send a held melding)
- `GET /console`, `GET /console/ws`                    the volunteer console and its socket
- `GET /inzicht`, `GET /inzicht.csv`                   anonymous counts for wijkteam and admin (charts, CSV)
- `GET /staff-static/*`  the staff pages' stylesheet and the console's script

Nothing of Rasa's own HTTP API is reachable through these routes.
Stock Rasa widgets get Rasa's socket.io protocol on a port of its own (`bot.web.socketio_chat`).
"""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

from bot.web.pages import console, health, inbox, insight, login, widget

STATIC_DIR = Path(__file__).resolve().parent / "static"


def setup_routes(app: web.Application) -> None:
    """Register every route of the gateway."""
    add_visitor_routes(app)
    add_staff_routes(app)
    add_console_routes(app)


def add_visitor_routes(app: web.Application) -> None:
    """The demo page, the widget's files, the chat socket and the health check."""
    app.router.add_get("/", widget.demo_page)
    app.router.add_get("/health", health.health)
    app.router.add_get("/ws", widget.chat_socket)
    app.router.add_static("/demo/", STATIC_DIR / "demo")
    app.router.add_static("/widget/", STATIC_DIR / "widget")


def add_staff_routes(app: web.Application) -> None:
    """Login, logout and the wijkteam inbox, with the staff pages' files (and the login's limits)."""
    login.setup_login(app)
    app.router.add_get("/login", login.login_page)
    app.router.add_post("/login", login.login_submit)
    app.router.add_post("/logout", login.logout)
    app.router.add_get("/inbox", inbox.inbox_page)
    app.router.add_get("/inbox/{code}", inbox.melding_page)
    app.router.add_post("/inbox/{code}/status", inbox.melding_status)
    app.router.add_post("/inbox/{code}/release", inbox.melding_release)
    app.router.add_get("/inzicht", insight.insight_page)
    app.router.add_get("/inzicht.csv", insight.insight_csv)
    app.router.add_static("/staff-static/", STATIC_DIR / "staff")


def add_console_routes(app: web.Application) -> None:
    """The volunteer console and its socket."""
    app.router.add_get("/console", console.console_page)
    app.router.add_get("/console/ws", console.console_socket)
