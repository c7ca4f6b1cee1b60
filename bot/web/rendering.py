"""Server-rendered staff pages: the Jinja2 templates in `templates/` (autoescaped) and Dutch times."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp_jinja2
import jinja2
from aiohttp import web

from bot.web.security import PageKind, protect_page

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
DUTCH_TIME = ZoneInfo("Europe/Amsterdam")
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_time(moment: dt.datetime) -> str:
    """A stored time (UTC; naive means UTC) in Dutch local time, e.g. "4 december 2026, 14:05"."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    local = moment.astimezone(DUTCH_TIME)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year}, {local:%H:%M}"


def setup_templates(app: web.Application) -> None:
    """Give the app its Jinja2 environment (autoescape on, undefined names are errors)."""
    environment = aiohttp_jinja2.setup(
        app,
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["dutch_time"] = dutch_time


def render_page(
    template: str, request: web.Request, context: dict[str, Any], kind: PageKind = "staff", status: int = 200
) -> web.Response:
    """Render a page from a template, with its security headers (see `bot.web.security`)."""
    response = aiohttp_jinja2.render_template(template, request, context, status=status)
    protect_page(response, request, kind)
    return response
