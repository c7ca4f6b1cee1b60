"""The chat widget in a real (headless) Chromium on the demo page, against the real assistant."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.browser import EXIT_URL
from tests.support.gateway import Stack, start_gateway

pytestmark = pytest.mark.integration

WATCH_TYPING = """() => {
    window.sawTyping = false;
    const status = document.querySelector('.ew-typing');
    new MutationObserver(() => {
        if (status.textContent.includes('schrijft')) window.sawTyping = true;
    }).observe(status, {childList: true, subtree: true});
}"""
KEY_VISITOR = "eenzaamheid-chat.visitor"
KEY_REMEMBER = "eenzaamheid-chat.remember"


def storage(page: Page) -> dict[str, Any]:
    return page.evaluate(
        """() => ({
            session: Object.fromEntries(Object.entries(sessionStorage)),
            local: Object.fromEntries(Object.entries(localStorage)),
        })"""
    )


def tab_to_launcher(page: Page) -> None:
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement?.dataset?.testid") == "chat-launcher":
            return
    raise AssertionError("The chat launcher cannot be reached with Tab.")


def open_chat(page: Page) -> None:
    page.get_by_test_id("chat-launcher").click()
    expect(page.get_by_test_id("chat-input")).to_be_focused()


def say(page: Page, text: str) -> None:
    page.get_by_test_id("chat-input").fill(text)
    page.get_by_test_id("chat-input").press("Enter")


def start_conversation(page: Page, stack: Stack) -> None:
    page.goto(stack.gateway.url)
    open_chat(page)
    say(page, "hoi")
    expect(page.get_by_role("button", name="Voor mezelf")).to_be_visible()


def test_keyboard_only_chat_that_survives_a_reload(page: Page, stack: Stack) -> None:
    page.goto(stack.gateway.url)
    tab_to_launcher(page)
    page.keyboard.press("Enter")
    panel = page.get_by_role("dialog", name="Praat met de assistent")
    expect(panel).to_be_visible()
    expect(page.get_by_test_id("chat-input")).to_be_focused()
    expect(panel).to_contain_text("digitale assistent, niet met een mens")
    expect(panel).to_contain_text("Schrijf liever geen naam")  # the privacy note, before any message
    expect(panel.get_by_role("link", name=re.compile("113.nl"))).to_have_attribute("href", "https://www.113.nl")
    expect(panel).to_contain_text("Bel 113 of gratis 0800-0113")

    page.evaluate(WATCH_TYPING)
    page.keyboard.type("hoi")
    page.keyboard.press("Enter")
    log = page.get_by_test_id("chat-log")
    expect(log).to_contain_text("digitale assistent")
    assert page.evaluate("window.sawTyping") is True  # the typing indicator showed while waiting
    expect(log).to_contain_text("Voor wie chat je vandaag?")
    expect(page.get_by_test_id("chat-input")).to_have_value("")

    page.get_by_role("button", name="Voor mezelf").click()
    expect(log).to_contain_text("3 op de 10")
    expect(log.locator(".ew-msg-visitor")).to_have_text(["Jij: hoi", "Jij: Voor mezelf"])
    expect(page.get_by_role("button", name="Voor mezelf")).to_have_count(0)

    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(page.get_by_test_id("chat-launcher")).to_be_focused()

    saved = storage(page)
    assert re.fullmatch(r"[A-Za-z0-9_-]{24}", saved["session"][KEY_VISITOR])
    assert saved["local"] == {}  # not remembered on this device unless the visitor asks

    page.reload()
    page.get_by_test_id("chat-launcher").focus()
    page.keyboard.press("Enter")
    expect(log.locator(".ew-msg-visitor")).to_have_text(["Jij: hoi", "Jij: Voor mezelf"])
    expect(log).to_contain_text("Voor wie chat je vandaag?")
    expect(log).to_contain_text("3 op de 10")

    page.get_by_test_id("chat-input").fill("ik voel me vaak alleen")
    page.get_by_test_id("chat-send").click()
    expect(log.locator(".ew-msg-visitor")).to_have_count(3)
    expect(log.locator(".ew-msg-assistant")).to_have_count(5)


def test_a_dropped_connection_comes_back_with_the_conversation(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    own = start_gateway(tmp_path, stack.assistant)
    try:
        page.goto(own.url)
        open_chat(page)
        say(page, "hoi")
        log = page.get_by_test_id("chat-log")
        expect(page.get_by_role("button", name="Voor mezelf")).to_be_visible()
        own.stop()
        expect(page.locator(".ew-connection")).to_contain_text("De verbinding is even weg")
        say(page, "ben je er nog?")
        expect(page.locator(".ew-connection")).to_contain_text("Je tekst blijft staan")
        own = start_gateway(tmp_path, stack.assistant, port=own.port)
        expect(page.locator(".ew-connection")).to_be_empty(timeout=30_000)
        expect(log.locator(".ew-msg-visitor")).to_have_text(["Jij: hoi"])
        expect(page.get_by_test_id("chat-input")).to_have_value("ben je er nog?")
        page.get_by_test_id("chat-send").click()
        expect(log.locator(".ew-msg-visitor")).to_have_text(["Jij: hoi", "Jij: ben je er nog?"])
    finally:
        own.stop()


def test_remember_on_this_device_and_forget_again(context: BrowserContext, page: Page, stack: Stack) -> None:
    start_conversation(page, stack)
    remember = page.get_by_label("Onthoud dit gesprek op dit apparaat")
    expect(remember).not_to_be_checked()
    visitor = storage(page)["session"][KEY_VISITOR]

    remember.check()
    saved = storage(page)
    assert saved["local"] == {KEY_VISITOR: visitor, KEY_REMEMBER: "1"}
    assert KEY_VISITOR not in saved["session"]

    # A new tab (as after closing the browser) finds the conversation again.
    other = context.new_page()
    other.goto(stack.gateway.url)
    open_chat(other)
    expect(other.get_by_test_id("chat-log").locator(".ew-msg-visitor")).to_have_text(["Jij: hoi"])
    expect(other.get_by_label("Onthoud dit gesprek op dit apparaat")).to_be_checked()

    remember.uncheck()
    saved = storage(page)
    assert saved["local"] == {}
    assert saved["session"] == {KEY_VISITOR: visitor}
    other.close()


def test_quick_exit_leaves_and_clears_everything(page: Page, stack: Stack) -> None:
    start_conversation(page, stack)
    page.get_by_label("Onthoud dit gesprek op dit apparaat").check()
    assert storage(page)["local"]

    page.get_by_test_id("chat-quick-exit").click()
    page.wait_for_url(f"{EXIT_URL}**")
    expect(page).to_have_title("Neutraal")

    # Back on the site in the same tab: nothing of the widget is left in either storage.
    page.goto(stack.gateway.url)
    saved = storage(page)
    assert saved == {"session": {}, "local": {}}
    open_chat(page)
    expect(page.get_by_test_id("chat-log").locator(".ew-msg")).to_have_count(0)


def test_messages_are_shown_as_text_never_as_html(page: Page, stack: Stack) -> None:
    page.goto(stack.gateway.url)
    open_chat(page)
    html = '<img src=x onerror="document.title=1"><b>vet</b>'
    say(page, html)
    log = page.get_by_test_id("chat-log")
    expect(log.locator(".ew-msg-visitor")).to_have_text([f"Jij: {html}"])
    expect(log.locator(".ew-msg-assistant").first).to_be_visible()
    assert log.locator("img, b, script").count() == 0


def test_a_too_long_message_stays_in_the_input(page: Page, stack: Stack) -> None:
    page.goto(stack.gateway.url)
    open_chat(page)
    field = page.get_by_test_id("chat-input")
    assert field.get_attribute("maxlength") == "1000"
    long_text = "ik voel me alleen " * 60  # over 1000 characters, set past maxlength on purpose
    field.evaluate("(el, text) => { el.value = text; }", long_text)
    page.get_by_test_id("chat-send").click()
    log = page.get_by_test_id("chat-log")
    expect(log).to_contain_text("Je bericht is te lang")
    assert field.input_value() == long_text  # nothing lost
    expect(log.locator(".ew-msg-visitor")).to_have_count(0)


def test_reduced_motion_is_respected(browser: Any, stack: Stack) -> None:
    ctx = browser.new_context(reduced_motion="reduce")
    try:
        page = ctx.new_page()
        page.goto(stack.gateway.url)
        open_chat(page)
        panel = page.get_by_role("dialog")
        assert panel.evaluate("el => getComputedStyle(el).animationName") == "none"
    finally:
        ctx.close()


def axe_serious(page: Page) -> tuple[list[str], str]:
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    return serious, results.generate_snapshot()


def test_accessibility_scan_of_the_demo_page_with_the_chat_open(page: Page, stack: Stack) -> None:
    page.goto(stack.gateway.url)
    closed, _ = axe_serious(page)
    assert closed == [], "\n".join(closed)

    start_conversation(page, stack)
    page.get_by_role("button", name="Voor mezelf").click()
    expect(page.get_by_test_id("chat-log")).to_contain_text("3 op de 10")
    # An error message in the log, too (the text is set past maxlength on purpose).
    page.get_by_test_id("chat-input").evaluate("el => { el.value = 'ja '.repeat(400); }")
    page.get_by_test_id("chat-send").click()
    expect(page.get_by_test_id("chat-log")).to_contain_text("te lang")
    serious, snapshot = axe_serious(page)
    assert serious == [], "\n".join(serious)
    print(f"\naxe, chat open (moderate/minor only): {snapshot or 'no violations'}")


def test_text_at_200_percent_and_a_360px_screen_fit(page: Page, stack: Stack) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    start_conversation(page, stack)
    sizes = page.evaluate(
        """() => {
            const panel = document.querySelector('[role=dialog]');
            const box = panel.getBoundingClientRect();
            return {page: document.documentElement.scrollWidth, panelRight: box.right,
                    panelScroll: panel.scrollWidth, panelWidth: panel.clientWidth};
        }"""
    )
    assert sizes["page"] <= 360 and sizes["panelRight"] <= 360
    assert sizes["panelScroll"] <= sizes["panelWidth"]

    page.set_viewport_size({"width": 1280, "height": 800})
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    sizes = page.evaluate(
        """() => {
            const panel = document.querySelector('[role=dialog]');
            const input = document.querySelector('[data-testid=chat-input]');
            return {panelScroll: panel.scrollWidth, panelWidth: panel.clientWidth,
                    font: parseFloat(getComputedStyle(input).fontSize)};
        }"""
    )
    assert sizes["font"] >= 32  # the widget's text grew with the page's
    assert sizes["panelScroll"] <= sizes["panelWidth"]
    page.get_by_test_id("chat-input").scroll_into_view_if_needed()
    expect(page.get_by_test_id("chat-input")).to_be_in_viewport()
    expect(page.get_by_test_id("chat-quick-exit")).to_be_in_viewport()  # "Snel weg" never scrolls away


@pytest.mark.parametrize(
    ("name", "width", "height"), [("widget-desktop", 1280, 800), ("widget-phone", 360, 740)]
)
def test_screenshots(page: Page, stack: Stack, artifacts: Path, name: str, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    start_conversation(page, stack)
    page.get_by_role("button", name="Voor mezelf").click()
    expect(page.get_by_test_id("chat-log")).to_contain_text("3 op de 10")
    page.get_by_test_id("chat-input").fill("ik voel me de laatste tijd vaak alleen")
    page.get_by_test_id("chat-input").press("Enter")
    expect(page.get_by_test_id("chat-log").locator(".ew-msg-visitor")).to_have_count(3)
    expect(page.locator(".ew-typing")).to_be_empty()
    page.mouse.move(0, 0)
    path = artifacts / f"{name}.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
