"""Live handover in two real Chromium pages: the visitor's widget and a volunteer's console."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from bot.store.accounts import add_user
from bot.store.db import make_engine, session_scope
from tests.support.gateway import Stack, start_stack
from tests.support.paths import MODEL

pytestmark = pytest.mark.integration
PASSWORD = "lang-genoeg-wachtwoord"


@pytest.fixture(scope="module")
def handover_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}; run `make train` (make test does).")
    running = start_stack(
        Path(tmp_path_factory.mktemp("browser-handover")),
        assistant_env={"VOLUNTEER_HOURS": "00:00-24:00"},
    )
    engine = make_engine(f"sqlite:///{running.assistant.workdir / 'bot.db'}")
    with session_scope(engine) as session:
        add_user(session, "anna", "volunteer", PASSWORD)
    engine.dispose()
    yield running
    running.stop()


@pytest.fixture
def volunteer_page(browser: Browser) -> Iterator[Page]:
    ctx: BrowserContext = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    ctx.set_default_timeout(30_000)
    opened = ctx.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    ctx.close()
    assert not errors, f"JavaScript errors on the console: {errors}"


def test_visitor_and_volunteer_talk_live_and_the_assistant_takes_over_again(
    page: Page, volunteer_page: Page, handover_stack: Stack
) -> None:
    base = handover_stack.gateway.url
    console = volunteer_page
    console.goto(f"{base}/login")
    console.get_by_test_id("login-username").fill("anna")
    console.get_by_test_id("login-password").fill(PASSWORD)
    console.get_by_test_id("login-submit").click()
    expect(console).to_have_url(f"{base}/console")
    expect(console.get_by_test_id("console-queue")).to_contain_text("Er wacht niemand")
    expect(console.locator("#status")).to_contain_text("online")

    page.goto(base)
    page.get_by_test_id("chat-launcher").click()
    log = page.get_by_test_id("chat-log")
    page.get_by_test_id("chat-input").fill("kan ik met een echt mens praten")
    page.get_by_test_id("chat-input").press("Enter")
    expect(log).to_contain_text("korte samenvatting")
    page.get_by_role("button", name="Ja, dat mag").click()
    expect(log).to_contain_text("ons gesprek tot nu toe lezen")
    page.get_by_role("button", name="Ja, dat mag").click()
    expect(log).to_contain_text("Ik zoek nu een vrijwilliger")

    expect(console.get_by_test_id("console-queue")).to_contain_text("Wacht")
    expect(console.get_by_test_id("console-queue")).not_to_contain_text("vroeg zelf om een mens")
    console.get_by_test_id("console-accept").click()
    expect(console.locator("#summary")).to_contain_text("vroeg zelf om een mens")
    expect(console.locator("#transcript")).to_contain_text("kan ik met een echt mens praten")
    expect(log).to_contain_text("Vanaf nu praat je met een mens")

    console.get_by_test_id("console-input").press_sequentially("Hoi")
    expect(page.locator(".ew-typing")).to_contain_text("De vrijwilliger typt")
    console.get_by_test_id("console-input").fill("Hoi, ik ben Anna. <b>Fijn</b> dat je er bent.")
    console.get_by_test_id("console-send").click()
    message = page.get_by_test_id("chat-volunteer").last
    expect(message).to_contain_text("Vrijwilliger")
    expect(message).to_contain_text("Hoi, ik ben Anna. <b>Fijn</b> dat je er bent.")  # as text
    assert message.locator("b").count() == 0

    page.get_by_test_id("chat-input").press_sequentially("Dank je")
    expect(console.locator("#typing")).to_contain_text("De bezoeker typt")
    page.get_by_test_id("chat-input").press("Enter")
    expect(console.get_by_test_id("console-log")).to_contain_text("Dank je")

    console.get_by_test_id("console-note").fill("Rustig gesprek.")
    console.get_by_test_id("console-end").click()
    expect(console.locator("#status")).to_contain_text("afgesloten")
    expect(log).to_contain_text("weer met mij, de digitale assistent")
    answers = page.locator(".ew-msg-assistant").count()
    page.get_by_test_id("chat-input").fill("ben jij een robot?")
    page.get_by_test_id("chat-input").press("Enter")
    expect(page.locator(".ew-msg-assistant")).to_have_count(answers + 1)

    page.reload()  # the volunteer's message is still shown as the volunteer's, as stored: without the name
    page.get_by_test_id("chat-launcher").click()
    expect(page.get_by_test_id("chat-volunteer").first).to_contain_text("Hoi, ik ben [naam].")
