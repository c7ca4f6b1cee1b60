"""The staff pages in Chromium: login, inbox, one melding and the volunteer console, one look, no serious
or critical axe findings, times in Dutch local time.

No Rasa is needed: the gateway runs on its own database, and the console's live chat runs between a
volunteer's console and a visitor's socket opened from the demo page. Screenshots go to
tests/artifacts/, or to docs/ with STAFF_SCREENSHOTS_TO_DOCS=1 (docs/staff-*.png).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlalchemy import update

from bot.conversation.handover import HandoverSummary
from bot.store.accounts import add_user
from bot.store.db import make_engine, session_scope
from bot.store.handovers import start_handover
from bot.store.meldingen import NewMelding, create_melding, set_status
from bot.store.models import Melding
from bot.web.rendering import dutch_time
from tests.support.gateway import RunningGateway, start_gateway
from tests.support.servers import free_port

PASSWORD = "lang-genoeg-wachtwoord"
VISITOR = "bezoeker-voor-de-console-01"
DOCS = Path(__file__).resolve().parents[2] / "docs"
DUTCH_TIME = re.compile(
    r"\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
    r" 20\d\d, \d\d:\d\d\b"
)
SUMMARY: HandoverSummary = {
    "reason": "vroeg zelf om een mens",
    "phase": "luisteren naar de situatie",
    "loneliness_type": "sociaal",
    "scale_result": None,
    "themes": ["verhuisd"],
    "duration": "een paar maanden",
    "wishes": ["wandelen", "koken"],
    "chosen_step": None,
    "municipality": "Nijmegen",
}
OPEN_VISITOR_SOCKET = """(visitor) => new Promise((resolve) => {
    const ws = new WebSocket(`ws://${location.host}/ws`);
    window.receivedFrames = [];
    ws.onmessage = (event) => window.receivedFrames.push(JSON.parse(event.data));
    ws.onopen = () => { ws.send(JSON.stringify({type: "hello", visitor})); resolve(); };
    window.visitorSocket = ws;
})"""


@dataclass
class StaffSite:
    """A gateway with two staff accounts, three meldingen and one person waiting for a volunteer."""

    gateway: RunningGateway
    meldingen: list[str]


@pytest.fixture(scope="module")
def staff_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StaffSite]:
    workdir = tmp_path_factory.mktemp("staff-pages")
    nowhere = f"http://127.0.0.1:{free_port()}"  # no Rasa: the staff pages do not need it
    gateway = start_gateway(
        workdir, rasa_url=nowhere, actions_url=nowhere, env={"HANDOVER_WAIT_SECONDS": "900"}
    )
    engine = make_engine(f"sqlite:///{workdir / 'bot.db'}")
    with session_scope(engine) as session:
        add_user(session, "wim", "wijkteam", PASSWORD, "GM0268")
        add_user(session, "anna", "volunteer", PASSWORD)
        neighbour = create_melding(
            session,
            NewMelding(
                "GM0268",
                "other",
                "Mijn buurvrouw is rond de 80 en woont alleen. Sinds haar man overleed zie ik haar bijna "
                "nooit meer buiten. Ze zegt dat ze het goed maakt, maar de gordijnen blijven vaak dicht.",
                False,
                "phone",
                "06-12345678",
            ),
        )
        myself = create_melding(
            session, NewMelding("GM0268", "self", "Ik wil af en toe iemand spreken.", None, "none", None)
        )
        failed = create_melding(
            session, NewMelding("GM0268", "self", "Ik ben net verhuisd en ken niemand.", None, "none", None)
        )
        set_status(session, myself, "picked_up", actor="wim", note="Gebeld, afspraak gemaakt.")
        start_handover(session, VISITOR, SUMMARY, share_transcript=False)
    with engine.begin() as connection:
        connection.execute(update(Melding).where(Melding.code == failed).values(status="undeliverable"))
    engine.dispose()
    yield StaffSite(gateway, [neighbour, myself, failed])
    gateway.stop()


@pytest.fixture
def staff_context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    ctx.set_default_timeout(30_000)
    yield ctx
    ctx.close()


def new_page(ctx: BrowserContext, errors: list[str]) -> Page:
    opened = ctx.new_page()
    opened.on("pageerror", lambda error: errors.append(str(error)))
    return opened


def serious_axe_findings(page: Page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def check_and_photograph(page: Page, name: str, artifacts: Path, for_docs: bool = True) -> None:
    findings = serious_axe_findings(page)
    assert findings == [], f"{name}:\n" + "\n".join(findings)
    # The look is the staff stylesheet's, not the browser's defaults.
    assert page.locator("body").evaluate("el => getComputedStyle(el).fontFamily").startswith("system-ui")
    expect(page.locator(".staff-header")).to_have_css("background-color", "rgb(11, 85, 99)")
    folder = DOCS if for_docs and os.environ.get("STAFF_SCREENSHOTS_TO_DOCS") == "1" else artifacts
    page.mouse.move(0, 0)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def wait_for_handover(visitor: Page, state: str, timeout: float = 30) -> None:
    """Wait for a handover frame on the visitor's socket (polled: the page's CSP forbids eval)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        frames = visitor.evaluate("() => window.receivedFrames")
        if {"type": "handover", "state": state} in frames:
            return
        visitor.wait_for_timeout(100)
    raise AssertionError(f"No handover '{state}' frame reached the visitor.")


def log_in(page: Page, base: str, user: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_test_id("login-username").fill(user)
    page.get_by_test_id("login-password").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()


def test_staff_pages_have_one_accessible_look_and_dutch_times(
    browser: Browser, staff_context: BrowserContext, staff_site: StaffSite, artifacts: Path
) -> None:
    # Stored times are UTC; the pages show Amsterdam time, summer and winter.
    assert dutch_time(dt.datetime(2026, 12, 4, 13, 5)) == "4 december 2026, 14:05"
    assert dutch_time(dt.datetime(2026, 7, 1, 22, 30)) == "2 juli 2026, 00:30"
    base = staff_site.gateway.url
    neighbour = staff_site.meldingen[0]
    errors: list[str] = []
    wijkteam = new_page(staff_context, errors)

    wijkteam.goto(f"{base}/login")
    expect(wijkteam.get_by_test_id("login-submit")).to_be_visible()
    check_and_photograph(wijkteam, "staff-login", artifacts)

    log_in(wijkteam, base, "wim")
    expect(wijkteam).to_have_url(f"{base}/inbox")
    inbox = wijkteam.get_by_test_id("inbox-list")
    for code in staff_site.meldingen:
        expect(inbox).to_contain_text(code)
    expect(inbox).to_contain_text(DUTCH_TIME)
    assert "UTC" not in inbox.inner_text()
    check_and_photograph(wijkteam, "staff-inbox", artifacts)

    wijkteam.get_by_role("link", name=neighbour).click()
    expect(wijkteam.get_by_role("heading", level=1)).to_have_text(f"Melding {neighbour}")
    expect(wijkteam.locator("main")).to_contain_text("06-12345678")
    expect(wijkteam.locator(".history")).to_contain_text(DUTCH_TIME)
    check_and_photograph(wijkteam, "staff-melding", artifacts)

    volunteer_ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    volunteer_ctx.set_default_timeout(30_000)
    try:
        console = new_page(volunteer_ctx, errors)
        log_in(console, base, "anna")
        expect(console).to_have_url(f"{base}/console")
        queue = console.get_by_test_id("console-queue")
        expect(queue).to_contain_text("Wacht")
        expect(queue).not_to_contain_text("vroeg zelf om een mens")  # the summary only after accepting
        check_and_photograph(console, "staff-console-queue", artifacts, for_docs=False)

        visitor = new_page(volunteer_ctx, errors)
        visitor.goto(base)
        visitor.evaluate(OPEN_VISITOR_SOCKET, VISITOR)
        wait_for_handover(visitor, "waiting")
        console.get_by_test_id("console-accept").click()
        expect(console.locator("#summary")).to_contain_text("vroeg zelf om een mens")
        wait_for_handover(visitor, "active")
        visitor.evaluate(
            """() => window.visitorSocket.send(JSON.stringify(
                {type: "message", text: "Hoi. Ik vind het fijn dat er iemand is."}))"""
        )
        expect(console.get_by_test_id("console-log")).to_contain_text("Ik vind het fijn dat er iemand is")
        console.get_by_test_id("console-input").fill("Hoi, ik ben Anna. Fijn dat je er bent. Hoe gaat het?")
        console.get_by_test_id("console-send").click()
        expect(console.get_by_test_id("console-log")).to_contain_text("Hoe gaat het?")
        console.get_by_test_id("console-note").fill("Rustig gesprek.")
        console.get_by_test_id("console-input").focus()
        check_and_photograph(console, "staff-console", artifacts)
    finally:
        volunteer_ctx.close()
    assert errors == [], f"JavaScript errors on the staff pages: {errors}"
