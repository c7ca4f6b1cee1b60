"""/inzicht in Chromium: own municipality for a wijkteam, any for an admin, the k-anonymity rule on the page,
in the charts and in the CSV, and no serious or critical axe findings.

The counts are stored as the consumer stores them (`bot.store.insight.add_counts`); no Rasa is needed.
The screenshot goes to tests/artifacts/inzicht.png, or to docs/inzicht.png with STAFF_SCREENSHOTS_TO_DOCS=1.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from bot.insight.categories import step_labels
from bot.store.accounts import add_user
from bot.store.db import make_engine, session_scope
from bot.store.insight import CountKey, add_counts
from bot.web.pages.insight import _today, recent_weeks
from tests.support.gateway import RunningGateway, start_gateway
from tests.support.servers import free_port

PASSWORD = "lang-genoeg-wachtwoord"
DOCS = Path(__file__).resolve().parents[2] / "docs"
STEP = next(iter(step_labels()))
NUMBER = re.compile(r"^\d+$")


@dataclass
class InsightSite:
    gateway: RunningGateway
    last_week: str  # the week the page shows first (the last whole week)


def seed(url: str) -> str:
    weeks = [week.id for week in recent_weeks(_today())]
    last = weeks[-2]
    deltas: dict[CountKey, int] = {}
    # Nijmegen: a trend over the weeks, some under 10.
    for index, week in enumerate(weeks):
        deltas[CountKey("GM0268", week, "conversation", "")] = [8, 12, 15, 9, 18, 21, 14, 26, 19, 31, 23, 6][
            index
        ]
    deltas.update(
        {
            CountKey("GM0268", last, "crisis", ""): 4,
            CountKey("GM0268", last, "handover", ""): 11,
            CountKey("GM0268", last, "melding", ""): 2,
            CountKey("GM0268", last, "loneliness_type", "social"): 14,
            CountKey("GM0268", last, "loneliness_type", "emotional"): 6,
            CountKey("GM0268", last, "cause", "moving"): 12,
            CountKey("GM0268", last, "cause", "loss"): 3,
            CountKey("GM0268", last, "step", STEP): 10,
            CountKey("GM0268", last, "step", "activity"): 7,
            # Another municipality and conversations without one: never on Nijmegen's page.
            CountKey("GM0363", last, "conversation", ""): 877,
            CountKey("GM0363", last, "crisis", ""): 463,
            CountKey("onbekend", last, "conversation", ""): 5,
        }
    )
    engine = make_engine(url)
    with session_scope(engine) as session:
        add_counts(session, deltas)
        add_user(session, "wim", "wijkteam", PASSWORD, "GM0268")
        add_user(session, "beheer", "admin", PASSWORD)
        add_user(session, "anna", "volunteer", PASSWORD)
    engine.dispose()
    return last


@pytest.fixture(scope="module")
def insight_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InsightSite]:
    workdir = tmp_path_factory.mktemp("insight-page")
    nowhere = f"http://127.0.0.1:{free_port()}"  # no Rasa: the page reads only the app database
    gateway = start_gateway(workdir, rasa_url=nowhere, actions_url=nowhere)
    last = seed(f"sqlite:///{workdir / 'bot.db'}")
    yield InsightSite(gateway, last)
    gateway.stop()


@pytest.fixture
def staff(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    ctx.set_default_timeout(30_000)
    yield ctx
    ctx.close()


def log_in(page: Page, base: str, user: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_test_id("login-username").fill(user)
    page.get_by_test_id("login-password").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()
    page.wait_for_load_state()


def serious_axe_findings(page: Page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def cell(table: Locator, row_label: str) -> str:
    return (
        table.locator("tr", has=table.page.locator("th", has_text=row_label)).locator("td").first.inner_text()
    )


def assert_k_rule(page: Page) -> None:
    """No count under 10 in any table cell, and no exact bar for one in any chart."""
    for text in page.locator("table.counts td").all_inner_texts():
        assert NUMBER.match(text) and int(text) >= 10 or text == "minder dan 10", text
    for chart in page.locator("svg.chart").all():
        values = chart.locator("text.bar-value").all_text_contents()  # SVG elements have no innerText
        exact = [v for v in values if NUMBER.match(v)]
        assert all(int(v) >= 10 for v in exact), values
        assert chart.locator("rect.bar").count() == len(exact)
        assert chart.locator("rect.bar-suppressed").count() == values.count("< 10")
        assert chart.get_attribute("role") == "img"
        assert chart.locator("title").text_content() and chart.locator("desc").text_content()


def test_a_wijkteam_sees_its_own_municipality_k_anonymous_and_accessible(
    staff: BrowserContext, insight_site: InsightSite, artifacts: Path
) -> None:
    base = insight_site.gateway.url
    page = staff.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, base, "wim")
    page.goto(f"{base}/inzicht?gemeente=GM0363")  # asking for another municipality changes nothing
    expect(page.get_by_role("heading", level=1)).to_have_text("Inzicht: waar mensen over praten")
    expect(page.get_by_test_id("insight-scope")).to_have_text("Nijmegen")
    main = page.locator("main").inner_text()
    assert "877" not in main and "463" not in main and "Amsterdam" not in main

    weeks = page.get_by_test_id("insight-weeks")
    last_row = weeks.locator("tbody tr").nth(1)  # newest first: this week, then the last whole week
    assert last_row.locator("td").all_inner_texts() == ["23", "minder dan 10", "11", "minder dan 10"]
    assert weeks.locator("tbody tr").first.locator("td").first.inner_text() == "minder dan 10"  # 6 this week

    causes = page.get_by_test_id("insight-cause")
    assert cell(causes, "verhuisd") == "12"
    assert cell(causes, "verlies van een dierbare") == "minder dan 10"  # 3
    assert cell(causes, "zorgen over geld") == "minder dan 10"  # 0: the same as 1 to 9
    kinds = page.get_by_test_id("insight-loneliness_type")
    assert cell(kinds, "Sociale eenzaamheid") == "14"
    assert cell(kinds, "Emotionele eenzaamheid") == "minder dan 10"
    steps = page.get_by_test_id("insight-step")
    assert cell(steps, step_labels()[STEP]) == "10"
    assert cell(steps, "Een activiteit uit de buurt") == "minder dan 10"
    assert_k_rule(page)
    chart = page.get_by_test_id("chart-conversations")
    assert "minder dan 10" in (chart.locator("desc").text_content() or "")

    findings = serious_axe_findings(page)
    assert findings == [], "\n".join(findings)
    folder = DOCS if os.environ.get("STAFF_SCREENSHOTS_TO_DOCS") == "1" else artifacts
    page.mouse.move(0, 0)
    page.screenshot(path=str(folder / "inzicht.png"), full_page=True)

    # Another week from the form: its counts, still k-anonymous.
    page.get_by_label("Week voor soorten, oorzaken en stappen").select_option(index=0)
    page.get_by_role("button", name="Toon").click()
    expect(page.get_by_test_id("insight-cause")).to_contain_text("minder dan 10")
    assert_k_rule(page)

    download = page.request.get(f"{base}/inzicht.csv?gemeente=GM0363")
    assert download.status == 200
    assert download.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(download.text().lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["gemeente", "week", "van", "tot en met", "onderwerp", "waarde", "aantal"]
    assert {row[0] for row in rows[1:]} == {"Nijmegen"}
    for row in rows[1:]:
        assert row[6] == "minder dan 10" or int(row[6]) >= 10, row
    last = insight_site.last_week
    assert [row[6] for row in rows if row[1] == last and row[4] == "Gesprekken"] == ["23"]
    assert [row[6] for row in rows if row[1] == last and row[5] == "verlies van een dierbare"] == [
        "minder dan 10"
    ]
    assert errors == []


def test_an_admin_chooses_a_municipality_or_all_and_a_volunteer_is_refused(
    staff: BrowserContext, insight_site: InsightSite
) -> None:
    base = insight_site.gateway.url
    admin = staff.new_page()
    log_in(admin, base, "beheer")
    admin.goto(f"{base}/inzicht")
    weeks = admin.get_by_test_id("insight-weeks")
    assert weeks.locator("tbody tr").nth(1).locator("td").all_inner_texts()[:2] == [
        "905",
        "467",
    ]  # all together
    admin.get_by_label("Gemeente", exact=True).select_option(label="Amsterdam")
    admin.get_by_role("button", name="Toon").click()
    expect(admin.get_by_role("heading", level=2).first).to_have_text("Per week: Amsterdam")
    assert weeks.locator("tbody tr").nth(1).locator("td").all_inner_texts() == [
        "877",
        "463",
        "minder dan 10",
        "minder dan 10",
    ]
    assert_k_rule(admin)
    findings = serious_axe_findings(admin)
    assert findings == [], "\n".join(findings)
    admin.get_by_label("Gemeente", exact=True).select_option(label="Gemeente onbekend")
    admin.get_by_role("button", name="Toon").click()
    assert weeks.locator("tbody tr").nth(1).locator("td").first.inner_text() == "minder dan 10"  # 5

    volunteer_ctx = staff.browser
    assert volunteer_ctx is not None
    other = volunteer_ctx.new_context()
    try:
        volunteer = other.new_page()
        log_in(volunteer, base, "anna")
        response = volunteer.goto(f"{base}/inzicht")
        assert response is not None and response.status == 403
        assert volunteer.request.get(f"{base}/inzicht.csv").status == 403
    finally:
        other.close()
    anonymous = staff.browser.new_context() if staff.browser else None
    assert anonymous is not None
    try:
        response = anonymous.request.get(f"{base}/inzicht.csv", max_redirects=0)
        assert response.status == 302 and response.headers["location"] == "/login"
    finally:
        anonymous.close()
