"""The wijkteam inbox: the meldingen of the own municipality, one melding, status changes (CSRF, audit).

Rendered on the server from `templates/` (every value escaped), without scripts.
"""

from __future__ import annotations

from aiohttp import web

from bot.store.accounts import Account, audit
from bot.store.db import default_engine, session_scope
from bot.store.meldingen import InboxItem, inbox, inbox_item, set_status
from bot.web.rendering import render_page
from bot.web.security import checked_form
from bot.web.sessions import require

INBOX_ROLES = ("wijkteam", "admin")
STATUS_LABELS = {
    "new": "nieuw (nog niet per e-mail afgeleverd)",
    "delivered": "afgeleverd",
    "picked_up": "opgepakt",
    "closed": "afgerond",
    "undeliverable": "NIET AFGELEVERD (e-mail mislukt)",
}
NEXT_STATUSES = {
    "new": ("picked_up",),
    "delivered": ("picked_up", "closed"),
    "picked_up": ("closed",),
    "undeliverable": ("picked_up", "closed"),
    "closed": (),
}
ACTION_LABELS = {"picked_up": "Zet op: opgepakt", "closed": "Zet op: afgerond"}
NOT_FOUND = "Deze melding bestaat niet of is niet van jouw gemeente."


def _visible(account: Account, item: InboxItem) -> bool:
    return account.role == "admin" or item.municipality_code == account.municipality_code


async def inbox_page(request: web.Request) -> web.Response:
    """The meldingen of the wijkteam's own municipality (admins see all)."""
    account, csrf = require(request, INBOX_ROLES)
    scope = None if account.role == "admin" else account.municipality_code
    with session_scope(default_engine()) as session:
        items = inbox(session, scope)
        audit(session, account.username, "inbox.opened", scope or "alle")
    context = {"account": account, "csrf": csrf, "items": items, "status_labels": STATUS_LABELS}
    return render_page("inbox.html", request, context)


async def melding_page(request: web.Request) -> web.Response:
    """One melding with its history; opening it is written to the audit log."""
    account, csrf = require(request, INBOX_ROLES)
    code = request.match_info["code"]
    with session_scope(default_engine()) as session:
        item = inbox_item(session, code)
        if item is None or not _visible(account, item):
            raise web.HTTPNotFound(text=NOT_FOUND)
        audit(session, account.username, "melding.opened", code)
    context = {
        "account": account,
        "csrf": csrf,
        "item": item,
        "knows": {True: "ja", False: "nee", None: "onbekend"}[item.person_knows],
        "contact": (item.contact_value or "") if item.contact_preference != "none" else "geen (anoniem)",
        "next_statuses": NEXT_STATUSES[item.status],
        "status_labels": STATUS_LABELS,
        "action_labels": ACTION_LABELS,
    }
    return render_page("melding.html", request, context)


async def melding_status(request: web.Request) -> web.Response:
    """Move a melding on (opgepakt, afgerond): CSRF-checked, own municipality only, audited."""
    account, csrf = require(request, INBOX_ROLES)
    form = await checked_form(request, csrf)
    code, status = request.match_info["code"], form.get("status", "")
    with session_scope(default_engine()) as session:
        item = inbox_item(session, code)
        if item is None or not _visible(account, item):
            raise web.HTTPNotFound(text=NOT_FOUND)
        if status not in NEXT_STATUSES[item.status]:
            raise web.HTTPBadRequest(text="Deze stap kan niet vanuit de huidige status.")
        set_status(session, code, status, actor=account.username, note="Gewijzigd in de inbox.")
        audit(session, account.username, "melding.status", code, status)
    raise web.HTTPFound(f"/inbox/{code}")
