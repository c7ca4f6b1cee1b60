"""The network map and the plan as cards in the widget, against the real assistant: shown, kept, printed.

Also writes the screenshots docs/network-map.png and docs/plan-card.png.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from tests.support.gateway import Stack
from tests.support.paths import ROOT

pytestmark = pytest.mark.integration

DOCS = ROOT / "docs"
SVG = "{http://www.w3.org/2000/svg}"
CATCH_PRINT = """() => {
    window.printedCard = null;
    window.print = () => {
        const sheet = document.querySelector('.ew-print-sheet img');
        window.printedCard = sheet ? sheet.getAttribute('alt') : null;
        window.printing = document.documentElement.classList.contains('ew-printing');
    };
}"""


# Scroll only the chat log (not the page) so that the card's title and picture are in view.
SHOW_CARD_TOP = """card => {
        const log = card.closest('[data-testid=chat-log]');
        log.scrollTop += card.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
        window.scrollTo(0, 0);
    }"""


def say(page: Page, text: str) -> None:
    page.get_by_test_id("chat-input").fill(text)
    page.get_by_test_id("chat-input").press("Enter")


def reply(page: Page, title: str) -> None:
    page.locator(".ew-quick").get_by_role("button", name=title, exact=True).click()


def start_for_myself(page: Page, stack: Stack) -> None:
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(stack.gateway.url)
    page.get_by_test_id("chat-launcher").click()
    say(page, "hoi")
    page.get_by_role("button", name="Voor mezelf").click()
    expect(page.get_by_test_id("chat-log")).to_contain_text("3 op de 10")


def axe_serious(page: Page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def check_card(page: Page, card: Locator, title: str, lines: list[str], filename: str) -> None:
    """The picture decodes, the text alternative opens, "Bewaren" saves the SVG, "Printen" prints it."""
    image = card.get_by_role("img", name=title)
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")  # the SVG decoded
    card.get_by_text("Lees als tekst").click()
    for line in lines:
        expect(card.locator("details li", has_text=line)).to_be_visible()

    with page.expect_download() as download_info:
        card.get_by_role("link", name=re.compile("^Bewaren")).click()
    download = download_info.value
    assert download.suggested_filename == filename
    root = ET.parse(download.path()).getroot()
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.findtext(f"{SVG}title") == title

    page.evaluate(CATCH_PRINT)
    card.get_by_role("button", name=re.compile("^Printen")).click()
    page.wait_for_function(f"window.printedCard === {title!r}")
    assert page.evaluate("window.printing") is True
    expect(page.locator(".ew-print-sheet")).to_have_count(0, timeout=5_000)  # cleaned up after printing


def screenshot(page: Page, card: Locator, path: Path) -> None:
    card.locator("details").evaluate("details => { details.open = false; }")
    card.evaluate(SHOW_CARD_TOP)
    page.mouse.move(0, 0)
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000


def test_the_network_map_is_asked_without_names_and_shown_as_a_card(page: Page, stack: Stack) -> None:
    start_for_myself(page, stack)
    log = page.get_by_test_id("chat-log")
    say(page, "wie zijn er nog om me heen")
    expect(log).to_contain_text("Namen zijn niet")
    expect(log).to_contain_text("1 van 4. Familie")
    reply(page, "Iemand dichtbij")
    expect(log).to_contain_text("2 van 4. Vrienden")
    reply(page, "Niemand")
    expect(log).to_contain_text("3 van 4. De buurt")
    say(page, "alleen mijn buurvrouw Truus af en toe")  # typed, with a name: only "een paar" is kept
    expect(log).to_contain_text("4 van 4.")
    reply(page, "Sla over")

    card = page.get_by_test_id("chat-card")
    expect(card).to_have_count(1)
    expect(card).to_have_attribute("data-kind", "network_map")
    expect(log).to_contain_text("Wat vind je zelf van dit plaatje?")
    lines = ["Familie: iemand dichtbij", "Vrienden: niemand", "Buurt: een paar, niet dichtbij"]
    check_card(page, card, "Mijn netwerk", lines, "mijn-netwerk.svg")
    assert "Truus" not in card.inner_text() and "Truus" not in (
        card.locator("img").get_attribute("src") or ""
    )

    serious = axe_serious(page)
    assert serious == [], "\n".join(serious)
    screenshot(page, card, DOCS / "network-map.png")

    page.reload()  # the card comes back with the conversation
    page.get_by_test_id("chat-launcher").click()
    expect(page.get_by_test_id("chat-card")).to_have_count(1)
    expect(page.get_by_test_id("chat-card").get_by_role("img", name="Mijn netwerk")).to_be_visible()


def test_a_chosen_step_becomes_a_plan_card(page: Page, stack: Stack) -> None:
    start_for_myself(page, stack)
    log = page.get_by_test_id("chat-log")
    say(page, "heb je tips")
    expect(page.get_by_role("button", name="Zoek iets bij mij in de buurt")).to_be_visible()
    page.locator(".ew-quick .ew-reply").first.click()
    expect(log).to_contain_text("Wanneer zou je het willen doen?")
    reply(page, "In het weekend")
    expect(log).to_contain_text("Wie kan meegaan of helpen?")
    say(page, "mijn buurvrouw Truus misschien")
    expect(log).to_contain_text("Wat zou het lastig kunnen maken?")
    reply(page, "Het is spannend")
    expect(log).to_contain_text("Zal ik je er de volgende keer naar vragen?")
    reply(page, "Ja, graag")

    card = page.get_by_test_id("chat-card")
    expect(card).to_have_attribute("data-kind", "plan")
    expect(log).to_contain_text("Wanneer: in het weekend. Met wie: een buur.")
    lines = ["Wanneer: in het weekend", "Met wie: een buur", "Wat in de weg kan zitten: het is spannend"]
    check_card(page, card, "Mijn kleine stap", lines, "mijn-kleine-stap.svg")
    assert "Truus" not in card.inner_text() and "Truus" not in (
        card.locator("img").get_attribute("src") or ""
    )

    serious = axe_serious(page)
    assert serious == [], "\n".join(serious)
    screenshot(page, card, DOCS / "plan-card.png")
