"""The query page in a real headless Chromium: pick a named query, run it, see the table
(labels for IRIs, counts and dates as text, no broken words, a column picker, the same
text as the named query's page); and an event's linked-data page, whose counts and dates
read as values."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from serve_fixtures import Server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"


ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
]


def _chromium() -> Any:
    """Playwright's sync API, with Debian's Chromium there (a failure, not a skip)."""
    from playwright import sync_api as playwright  # in the [test] extra

    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium", pytrace=False)
    return playwright


def test_run_named_query_in_browser(live_server: Server) -> None:
    playwright = _chromium()
    errors: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(live_server.url)
        page.wait_for_selector("body[data-ready=true]", timeout=15000)
        page.select_option("#named", "disagreements")
        assert "?pair a kgo:Disagreement" in page.input_value("#query")  # the text, loaded
        page.click("#run")
        page.wait_for_selector("#results table tbody tr", timeout=15000)
        headers = page.locator("#results th").all_inner_texts()
        assert headers[:3] == ["measure", "subjectLabel", "objectLabel"]
        cells = page.locator("#results tbody tr").first.locator("td").all_inner_texts()
        assert cells[0] == "troops" and "more than 2,000 (More than 2,000 troops)" in cells
        assert "approximately 2,500 (sekitar 2.500 personel)" in cells
        assert "1 row" in page.inner_text("#status")
        assert "/queries/disagreements?format=spreadsheet" in (
            page.get_attribute("#csv", "href") or ""
        )
        page.select_option("#named", "deployments-after-protests")
        page.fill("#param-days", "60")
        page.click("#run")
        page.wait_for_selector("#results tbody tr:nth-child(6)", timeout=15000)
        assert page.locator("#results tbody tr").count() == 6
        OUTPUT.mkdir(exist_ok=True)
        page.screenshot(path=str(OUTPUT / "query-page.png"), full_page=True)
        browser.close()
    assert errors == [], f"console errors (CSP violations?): {errors}"


def test_a_result_can_be_shared_by_its_url(live_server: Server) -> None:
    """The page's URL keeps the query and its parameters; opening it runs them again."""
    playwright = _chromium()
    errors: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(live_server.url + "?named=deployments-after-protests&days=60")
        page.wait_for_selector("#results tbody tr:nth-child(6)", timeout=15000)
        assert page.input_value("#named") == "deployments-after-protests"
        assert page.input_value("#param-days") == "60"
        page.select_option("#named", "")
        page.fill("#query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        page.click("#run")
        page.wait_for_selector("#results tbody tr", timeout=15000)
        assert "text=SELECT" in page.url
        again = browser.new_page()
        again.goto(page.url)
        again.wait_for_selector("#results tbody tr", timeout=15000)
        assert again.input_value("#query") == "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        browser.close()
    assert errors == []


BASE = "https://example.org/kg/"


def test_result_links_open_the_local_page(live_server: Server) -> None:
    """A result IRI under the base links to its page on this live_server, the IRI as title."""
    playwright = _chromium()
    errors: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(live_server.url + "?named=requests")
        page.wait_for_selector("#results tbody tr", timeout=15000)
        link = page.locator("#results tbody a").first
        href, title = link.get_attribute("href") or "", link.get_attribute("title") or ""
        assert href.startswith("/") and title == BASE + href[1:], (href, title)
        with page.expect_navigation() as navigation:
            link.click()
        response = navigation.value
        assert response is not None and response.status == 200
        assert page.url == live_server.url + href[1:]
        assert page.inner_text("p.iri") == title
        browser.close()
    assert errors == []


def test_named_query_and_service_pages_open_in_the_browser(live_server: Server) -> None:
    """/queries/NAME and the header's "service" link are pages, not SPARQL XML or Turtle."""
    playwright = _chromium()
    errors: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        response = page.goto(live_server.url + "queries/deployments", timeout=15000)
        assert response is not None and response.status == 200
        assert response.headers["content-type"].startswith("text/html")
        page.wait_for_selector("main table tbody tr", timeout=15000)
        assert page.locator("main table tbody tr").count() == 7
        assert page.locator("main table th").all_inner_texts()[:3] == [
            "deployment",
            "senderLabel",
            "destinationLabel",
        ]
        assert "Harbour Wire" in page.inner_text("main table")
        assert "SELECT" in page.inner_text("pre.sparql")
        OUTPUT.mkdir(exist_ok=True)
        page.screenshot(path=str(OUTPUT / "named-query.png"), full_page=True)
        # The form runs it again with a parameter; the link opens it on the query page.
        page.goto(live_server.url + "queries/timeline")
        all_rows = page.locator("main table tbody tr").count()
        page.fill("#param-actor", BASE + "id/organization/csto")
        with page.expect_navigation():
            page.click("main form button[type=submit]")
        assert "actor=https" in page.url
        assert 0 < page.locator("main table tbody tr").count() < all_rows
        page.click("text=Open it on the query page")
        page.wait_for_selector("#results tbody tr", timeout=15000)
        assert page.input_value("#named") == "timeline"
        assert page.input_value("#param-actor") == BASE + "id/organization/csto"
        # The header's "service" link: the service description as a page.
        with page.expect_navigation() as navigation:
            page.click("header >> text=service")
        response = navigation.value
        assert response is not None and response.headers["content-type"].startswith("text/html")
        assert page.inner_text("h1") == "SPARQL endpoint"
        browser.close()
    assert errors == [], f"console errors (CSP violations?): {errors}"


def test_an_event_page_shows_its_values_in_the_browser(live_server: Server) -> None:
    """Troop strength and dates read as text on one line each, the article's phrase set
    apart, and the value's node one click away."""
    playwright = _chromium()
    errors: list[str] = []
    path = "article/id-csto-kazakhstan-2022/deployment/csto_kazakhstan"
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="en-GB")
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        response = page.goto(live_server.url + path, timeout=15000)
        assert response is not None and response.status == 200
        values = page.locator("td span.value")
        assert values.all_inner_texts() == [
            "2022-01 (month; between 2022-01-03 and 2022-01-09; pekan lalu)",
            "approximately 2,500 (sekitar 2.500 personel)",
            "2022-01-13 (day; Kamis (13/1/2022))",
        ]
        troops = values.nth(1)
        verbatim = troops.locator(".verbatim")
        assert verbatim.evaluate("e => getComputedStyle(e).fontStyle") == "italic"
        assert verbatim.get_attribute("lang") == "id"
        line = float(troops.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
        box = troops.bounding_box()
        assert box is not None and box["height"] < 1.5 * line, "one line, no broken words"
        OUTPUT.mkdir(exist_ok=True)
        page.screenshot(path=str(OUTPUT / "deployment-page.png"), full_page=True)
        with page.expect_navigation():
            page.locator("td a.node").nth(1).click()
        assert page.url == live_server.url + path + "/troops"
        assert page.inner_text("p.value") == "approximately 2,500 (sekitar 2.500 personel)"
        browser.close()
    assert errors == [], f"console errors: {errors}"


# What the reader sees of a result table: the visible headers, and each row's visible cells.
_VISIBLE = """t => ({
  heads: Array.from(t.tHead.rows[0].cells).filter(c => !c.hidden).map(c => c.innerText.trim()),
  rows: Array.from(t.tBodies[0].rows, r =>
    Array.from(r.cells).filter(c => !c.hidden).map(c => c.innerText.trim())),
})"""

# Every word (a run of letters and digits) of a visible cell that the layout put on more
# than one line.
_BROKEN_WORDS = """t => {
  const broken = [];
  for (const td of t.querySelectorAll("td")) {
    if (td.hidden) continue;
    const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      for (const m of node.data.matchAll(/[\\p{L}\\p{N}]+/gu)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set(Array.from(range.getClientRects(), r => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""


def test_deployments_read_as_labels_counts_and_dates(live_server: Server) -> None:
    """Sender and destination are their labels, linked to their pages here; the troop
    count reads with its qualifier and phrase; no word breaks; rows stay a few lines high;
    the wide table scrolls in its box and the reader picks its columns."""
    playwright = _chromium()
    errors: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="en-GB")
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(live_server.url + "?named=deployments")
        page.wait_for_selector("#results table[data-labelled=true]", timeout=15000)
        table = page.locator("#results table")
        seen = table.evaluate(_VISIBLE)
        assert seen["heads"] == [
            "deployment",
            "senderLabel",
            "destinationLabel",
            "status",
            "troops",
            "start",
            "end",
            "withdrawal",
            "article",
            "publisherName",
        ]
        deployment = BASE + "article/id-csto-kazakhstan-2022/deployment/csto_kazakhstan"
        row = table.locator("tbody tr", has=page.locator(f'a[title="{deployment}"]'))
        texts = [t.strip() for t in row.locator("td:not([hidden])").all_inner_texts()]
        assert texts[1:6] == [
            "Collective Security Treaty Organization",
            "Kazakhstan",
            "happened",
            "approximately 2,500 (sekitar 2.500 personel)",
            "2022-01 (between 2022-01-03 and 2022-01-09)",
        ]
        assert not any(t.startswith("…/") for t in texts), "every IRI here has a label"
        sender, destination = (row.locator("td:not([hidden])").nth(i).locator("a") for i in (1, 2))
        assert sender.get_attribute("href") == "/id/organization/csto"
        assert sender.get_attribute("title") == BASE + "id/organization/csto"
        assert destination.get_attribute("href") == "/id/location/kazakhstan"
        phrase = row.locator("td:not([hidden])").nth(4).locator(".verbatim")
        assert phrase.get_attribute("lang") == "id"
        assert phrase.evaluate("e => getComputedStyle(e).fontStyle") == "italic"
        # No word is broken across lines; a row is at most three lines high.
        assert table.evaluate(_BROKEN_WORDS) == []
        line = float(
            table.locator("td").first.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
        )
        heights = table.locator("tbody tr").evaluate_all("rs => rs.map(r => r.offsetHeight)")
        assert max(heights) < 3.5 * line, (heights, line)
        # The table scrolls in its own box; the page does not.
        box = page.locator("#results .table-scroll")
        width = box.evaluate("e => [e.scrollWidth, e.clientWidth]")
        assert width[0] > width[1], width
        assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
        OUTPUT.mkdir(exist_ok=True)
        page.screenshot(path=str(OUTPUT / "query-page-deployments.png"), full_page=True)
        box.evaluate("e => { e.scrollLeft = e.scrollWidth }")
        assert box.evaluate("e => e.scrollLeft") > 0
        # The column picker: the folded columns start unchecked; a click shows or hides one.
        summary = page.locator("#results details.columns summary")
        assert summary.inner_text() == "Columns: 10 of 18 shown"
        summary.click()
        page.uncheck("#results details.columns input[value=article]")
        page.check("#results details.columns input[value=sender]")
        assert summary.inner_text() == "Columns: 10 of 18 shown"
        seen = table.evaluate(_VISIBLE)
        assert "article" not in seen["heads"] and "sender" in seen["heads"]
        assert all(len(r) == len(seen["heads"]) for r in seen["rows"])
        sender_iri = seen["rows"][0][seen["heads"].index("sender")]
        assert sender_iri.startswith("…/"), "the IRI column shows the IRI"
        page.uncheck("#results details.columns input[value=end]")
        assert summary.inner_text() == "Columns: 9 of 18 shown"
        page.screenshot(path=str(OUTPUT / "query-page-columns.png"), full_page=True)
        browser.close()
    assert errors == [], f"console errors (CSP violations?): {errors}"


@pytest.mark.parametrize(
    "name", ["deployments", "disagreements", "protests", "timeline", "requests", "roles"]
)
def test_the_query_page_and_the_named_query_page_read_alike(live_server: Server, name: str) -> None:
    """The script (query.js) and the live_server (kg/serve/table.py) apply the same rules: the
    same visible columns and the same text in every cell, labels looked up included."""
    playwright = _chromium()
    errors: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(live_server.url + "?named=" + name)
        page.wait_for_selector("#results table[data-labelled=true]", timeout=15000)
        scripted = page.locator("#results table").evaluate(_VISIBLE)
        page.goto(live_server.url + "queries/" + name)
        rendered = page.locator("main table.results-table").evaluate(_VISIBLE)
        assert page.locator("main details.columns").count() == 1, "the picker is there too"
        browser.close()
    assert scripted["rows"], name
    assert scripted == rendered
    assert errors == []
