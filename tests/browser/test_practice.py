"""Practice mode in the widget, against the real assistant: a trainee practises with a persona.

A short good conversation with Henk ends in feedback and the score card (docs/practice-score.png);
asking the persona about suicidal thoughts is no crisis, the trainee's own crisis is. The volunteer
console links to the widget with "?chat=oefenen", which opens the chat and starts practice mode.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from bot.store.accounts import add_user
from bot.store.db import make_engine, session_scope
from tests.browser.test_cards import DOCS, axe_serious, check_card, reply, say, screenshot
from tests.support.gateway import Stack

pytestmark = pytest.mark.integration

START = "ik wil een gesprek oefenen"
HENK = "Henk, 79, weduwnaar sinds acht maanden"
PERSONA_LINE = "Oefenpersoon Henk: "
# Assistant messages that are text (the score card is an assistant message too, without .ew-text).
ASSISTANT = ".ew-msg-assistant:not(.ew-card) .ew-text"
VOLUNTEER = "oefenvrijwilliger"
PASSWORD = "lang-genoeg-wachtwoord"
# Open questions, a reflection, a summary, asking about wishes, and letting Henk choose his own step.
GOOD_TRAINEE = [
    "Hoe gaat het met u, de laatste tijd?",
    "Hoe ziet een gewone dag er voor u uit?",
    "Dat klinkt als een stille tijd.",
    "Wat mist u het meest?",
    "Veel mensen voelen dat weleens, u bent niet de enige.",
    "Dus als ik het goed begrijp: u bent veel alleen en u mist echt contact.",
    "Wat zou u graag anders willen?",
    "Waar bent u goed in?",
    "Wat zou u zelf als eerste kleine stap willen doen?",
]
ASKS_PERSONA = "Heb je weleens gedachten aan zelfmoord?"
OWN_CRISIS = "ik wil zelf ook niet meer leven"


def exchange(page: Page, send: Callable[[], None], echo: str) -> list[str]:
    """Send one message or button, wait until the whole answer is there, and return its text messages."""
    before = page.locator(ASSISTANT).count()
    visitor = page.locator(".ew-msg-visitor .ew-text")
    sent = visitor.count()
    # A person reads the answer before writing on: the gateway lets one visitor send about one message
    # a second after a burst of ten (GATEWAY_RATE_PER_SECOND), and a practice conversation is longer.
    page.wait_for_timeout(1_000)
    send()
    expect(visitor).to_have_count(sent + 1)
    expect(visitor.last).to_have_text(echo)
    expect(page.locator(".ew-typing")).to_be_empty()  # "done": every answer to it has arrived
    texts = page.locator(ASSISTANT).all_inner_texts()
    assert len(texts) > before, f"No answer to {echo!r}"
    return texts[before:]


def typed(page: Page, text: str) -> list[str]:
    return exchange(page, lambda: say(page, text), text)


def chosen(page: Page, title: str) -> list[str]:
    return exchange(page, lambda: reply(page, title), title)


def open_widget(page: Page, stack: Stack) -> None:
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(stack.gateway.url)
    page.get_by_test_id("chat-launcher").click()


def practise_with_henk(page: Page) -> list[str]:
    """From the start of practice mode to Henk's first words; returns what the persona said."""
    focus = chosen(page, "Omgaan met weerstand")
    assert any("Met wie wil je oefenen?" in line for line in focus)
    expect(page.locator(".ew-quick .ew-reply").first).to_have_text(HENK)  # suits "weerstand": first
    begin = chosen(page, HENK)
    assert any(line.startswith("Je oefent met Henk") for line in begin), begin
    assert any(line.startswith("Het oefengesprek begint nu") for line in begin), begin
    return begin[-1:]


def test_a_trainee_practises_with_a_persona_and_gets_the_score_card(page: Page, stack: Stack) -> None:
    open_widget(page, stack)
    log = page.get_by_test_id("chat-log")
    intro = typed(page, START)
    assert any("oefenpersoon" in line and "geen echt" in line for line in intro), intro
    assert any("Wat vind je zelf lastig" in line for line in intro), intro
    expect(page.get_by_role("button", name="Omgaan met weerstand")).to_be_visible()

    persona_lines = practise_with_henk(page)
    for line in GOOD_TRAINEE:
        answer = typed(page, line)
        assert len(answer) == 1, answer  # the persona answers, nothing else does
        persona_lines += answer

    # A trainee who asks about suicidal thoughts does the right thing: the persona answers, no crisis.
    answer = typed(page, ASKS_PERSONA)
    assert len(answer) == 1 and "112" not in answer[0] and "113" not in answer[0], answer
    persona_lines += answer
    assert all(line.startswith(PERSONA_LINE) for line in persona_lines), persona_lines
    assert len(set(persona_lines)) == len(persona_lines), "a persona line was said twice"

    feedback = typed(page, "stop oefenen")
    score = re.search(r"(\d+) van de 10", " ".join(feedback))
    assert score, feedback
    assert not any(line.startswith("Oefenpersoon") for line in feedback), feedback
    assert any("Goed dat je direct vroeg naar gedachten aan zelfmoord" in line for line in feedback)
    assert int(score.group(1)) >= 7, feedback  # a good trainee gets a good score

    card = page.get_by_test_id("chat-card")
    expect(card).to_have_count(1)
    expect(card).to_have_attribute("data-kind", "practice_score")
    title = f"Oefengesprek met Henk: {score.group(1)} van de 10"
    lines = ["Weerstand van de oefenpersoon: normaal", "Direct gevraagd naar gedachten aan zelfmoord"]
    check_card(page, card, title, lines, "oefengesprek.svg")
    for line in GOOD_TRAINEE:  # only the assistant's labels and numbers go into the card
        assert line not in card.inner_text()
    expect(page.get_by_role("button", name="Nog eens, met meer weerstand")).to_be_visible()
    expect(log).to_contain_text(re.compile("(Je|U) bent nu weer in het gewone gesprek"))

    serious = axe_serious(page)
    assert serious == [], "\n".join(serious)
    path = DOCS / "practice-score.png"
    screenshot(page, card, path)
    assert path.stat().st_size < 300_000

    # Not kept as a real conversation: after a reload the trainee's lines are gone from the history.
    page.reload()
    page.get_by_test_id("chat-launcher").click()
    expect(log).to_contain_text("[oefengesprek, niet bewaard]")
    for line in [*GOOD_TRAINEE, *persona_lines]:
        expect(log).not_to_contain_text(line)


def test_the_trainees_own_crisis_in_practice_gets_the_crisis_answer(page: Page, stack: Stack) -> None:
    open_widget(page, stack)
    typed(page, START)
    practise_with_henk(page)
    assert typed(page, "Hoe gaat het met u, de laatste tijd?")[0].startswith(PERSONA_LINE)

    asked = typed(page, ASKS_PERSONA)
    assert len(asked) == 1 and asked[0].startswith(PERSONA_LINE), asked
    assert "112" not in " ".join(asked)

    crisis = " ".join(typed(page, OWN_CRISIS))
    assert "112" in crisis and "113" in crisis, crisis
    assert "Oefenpersoon" not in crisis, crisis


@pytest.fixture(scope="module")
def volunteer(stack: Stack) -> str:
    """A volunteer account in the stack's database (shared by the gateway)."""
    engine = make_engine(f"sqlite:///{stack.assistant.workdir / 'bot.db'}")
    with session_scope(engine) as session:
        add_user(session, VOLUNTEER, "volunteer", PASSWORD)
    engine.dispose()
    return VOLUNTEER


@pytest.fixture
def console_context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="nl-NL")
    ctx.set_default_timeout(30_000)
    errors: list[str] = []
    ctx.on("page", lambda opened: opened.on("pageerror", lambda error: errors.append(str(error))))
    yield ctx
    ctx.close()
    assert not errors, f"JavaScript errors: {errors}"


def test_the_volunteer_console_links_to_practice(
    console_context: BrowserContext, stack: Stack, volunteer: str
) -> None:
    base = stack.gateway.url
    console = console_context.new_page()
    console.goto(f"{base}/login")
    console.get_by_test_id("login-username").fill(volunteer)
    console.get_by_test_id("login-password").fill(PASSWORD)
    console.get_by_test_id("login-submit").click()
    expect(console).to_have_url(f"{base}/console")
    link = console.get_by_role("link", name="Oefenen met een oefenpersoon")
    expect(link).to_be_visible()
    expect(link).to_have_attribute("target", "_blank")  # an open chat in the console stays open
    serious = axe_serious(console)
    assert serious == [], "\n".join(serious)

    with console_context.expect_page() as opened:
        link.click()
    widget = opened.value
    log = widget.get_by_test_id("chat-log")
    expect(log).to_contain_text("Wat vind je zelf lastig")  # the chat opened and asked for practice
    expect(widget.locator(".ew-msg-visitor .ew-text")).to_have_text([START])
    assert widget.url == f"{base}/"  # "?chat=oefenen" is gone, so a reload does not ask again

    widget.reload()
    widget.get_by_test_id("chat-launcher").click()
    expect(log).to_contain_text("Wat vind je zelf lastig")
    expect(widget.locator(".ew-msg-visitor .ew-text")).to_have_text([START])
    assert practise_with_henk(widget)[0].startswith(PERSONA_LINE)
