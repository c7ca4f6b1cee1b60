"""The wijkteam inbox: the meldingen of the own municipality, one melding, status changes (CSRF, audit).

Meldingen over a quota wait as "held" in a list of their own until someone releases them (then they
are sent) or closes them (never sent).

Rendered on the server from `templates/` (every value escaped), without scripts.
"""

from __future__ import annotations

from aiohttp import web

from bot.store.accounts import Account, audit
from bot.store.db import default_engine, session_scope
from bot.store.meldingen import InboxItem, inbox, inbox_item, release_melding, set_status
from bot.web.rendering import render_page
from bot.web.security import checked_form
from bot.web.sessions import require

INBOX_ROLES = ("wijkteam", "admin")
STATUS_LABELS = {
    "held": "wacht op controle (nog niet verstuurd)",
    "new": "nieuw (nog niet per e-mail afgeleverd)",
    "delivered": "afgeleverd",
    "picked_up": "opgepakt",
    "closed": "afgerond",
    "undeliverable": "NIET AFGELEVERD (e-mail mislukt)",
}
NEXT_STATUSES = {
    "held": ("closed",),  # closed without sending; releasing is its own step (`melding_release`)
    "new": ("picked_up",),
    "delivered": ("picked_up", "closed"),
    "picked_up": ("closed",),
    "undeliverable": ("picked_up", "closed"),
    "closed": (),
}
ACTION_LABELS = {"picked_up": "Zet op: opgepakt", "closed": "Zet op: afgerond"}
RELEASE_LABEL = "Vrijgeven: stuur naar het meldpunt"
NOT_FOUND = "Deze melding bestaat niet of is niet van jouw gemeente."
NO_MUNICIPALITY = (
    "Je account hoort nog niet bij een gemeente. Daarom zie je geen meldingen. "
    "Vraag de beheerder om je gemeente in te stellen."
)


def _visible(account: Account, item: InboxItem) -> bool:
    """Admins see every melding; anyone else only those of their own municipality (none without one)."""
    if account.role == "admin":
        return True
    return account.municipality_code is not None and item.municipality_code == account.municipality_code


async def inbox_page(request: web.Request) -> web.Response:
    """The meldingen of the wijkteam's own municipality (admins see all; without a municipality: none)."""
    account, csrf = require(request, INBOX_ROLES)
    everything = account.role == "admin"
    scope = account.municipality_code
    with session_scope(default_engine()) as session:
        items = inbox(session, scope, all_municipalities=everything)
        held = inbox(session, scope, limit=100, held=True, all_municipalities=everything)
        audit(session, account.username, "inbox.opened", "alle" if everything else scope or "geen")
    context = {
        "account": account,
        "csrf": csrf,
        "items": items,
        "held": held,
        "status_labels": STATUS_LABELS,
        "notice": NO_MUNICIPALITY if not everything and scope is None else "",
    }
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
        "release_label": RELEASE_LABEL if item.status == "held" else None,
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


async def melding_release(request: web.Request) -> web.Response:
    """Send a held melding after all: CSRF-checked, own municipality only, audited."""
    account, csrf = require(request, INBOX_ROLES)
    await checked_form(request, csrf)
    code = request.match_info["code"]
    with session_scope(default_engine()) as session:
        item = inbox_item(session, code)
        if item is None or not _visible(account, item):
            raise web.HTTPNotFound(text=NOT_FOUND)
        if not release_melding(session, code, actor=account.username):
            raise web.HTTPBadRequest(text="Deze melding wacht niet op controle.")
        audit(session, account.username, "melding.released", code)
    raise web.HTTPFound(f"/inbox/{code}")
