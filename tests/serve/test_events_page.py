"""The events page (``/events``) in a real headless Chromium: the timeline and the map are
drawn, one mark per event where the data has a date or a place, deployments as arrows from
sender to destination, protests as points at the right coordinates (checked in the
screenshot's pixels), and the filters in the URL change what is drawn. Screenshots are
saved in ``test-output/``."""

from __future__ import annotations

import shutil
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from serve_fixtures import Server, start_server

from kg.cli import main as kg_main

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
BASE = "https://example.org/kg/"
KAZAKHSTAN = BASE + "id/location/kazakhstan"
DEPLOYMENT_RED = (0xC0, 0x39, 0x2B)  # kg/static/events.css
PROTEST_BLUE = (0x1F, 0x6F, 0xB2)

ARROWS_FACTS = """\
format: kg-facts/1
article:
  id: arrows-test
  title: Troops sent across borders as protests spread
  publisher: Test Wire
  published: '2023-06-20'
  language: en
  url: https://news.example/arrows
entities:
- {id: russia, type: Location, names: [Russia]}
- {id: kazakhstan, type: Location, names: [Kazakhstan]}
- {id: indonesia, type: Location, names: [Indonesia]}
- {id: lebanon, type: Location, names: [Lebanon]}
- {id: almaty, type: Location, names: [Almaty]}
deployments:
- id: russia_kazakhstan
  by: russia
  to: kazakhstan
  status: happened
  start: {date: '2022-01-06', text: on 6 January}
  evidence:
  - {start: 0, end: 11, text: Troops sent}
- id: indonesia_lebanon
  by: indonesia
  to: lebanon
  status: happened
  start: {date: 2023-06, text: in June}
  evidence:
  - {start: 11, end: 20, text: across bo}
protests:
- id: almaty_protest
  location: kazakhstan
  places: [almaty]
  start: {date: '2022-01-05', text: on 5 January}
  evidence:
  - {start: 21, end: 29, text: protests}
"""


def _chromium() -> Any:
    """Playwright's sync API, with Debian's Chromium there (a failure, not a skip)."""
    from playwright import sync_api as playwright  # in the [test] extra

    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium", pytrace=False)
    return playwright


@pytest.fixture(scope="module")
def arrows_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Two deployments between countries and a protest in a town: every end has a place."""
    folder = tmp_path_factory.mktemp("arrows")
    (folder / "facts").mkdir()
    (folder / "facts" / "arrows.yaml").write_text(ARROWS_FACTS, encoding="utf-8")
    assert kg_main(["build", str(folder / "facts"), "--out", str(folder / "kg")]) == 0
    s = start_server(folder / "kg")
    yield s
    s.stop()


def png_pixels(data: bytes) -> list[list[tuple[int, int, int]]]:
    """The RGB rows of a PNG (8-bit RGB or RGBA, not interlaced: what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    channels = 3
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, chunk = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, _height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and color in (2, 6) and interlace == 0
            channels = 4 if color == 6 else 3
        elif kind == b"IDAT":
            idat += chunk
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[list[tuple[int, int, int]]] = []
    previous = bytearray(stride)
    for y in range(len(raw) // (stride + 1)):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + best) & 0xFF
        rows.append([tuple(line[x : x + 3]) for x in range(0, stride, channels)])  # type: ignore[misc]
        previous = line
    return rows


def _near(pixel: tuple[int, int, int], colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def colours_around(page: Any, x: float, y: float, radius: int = 9) -> list[tuple[int, int, int]]:
    """The pixels of a screenshot of the page's square around (x, y), in CSS pixels."""
    clip = {"x": x - radius, "y": y - radius, "width": 2 * radius, "height": 2 * radius}
    return [p for row in png_pixels(page.screenshot(clip=clip)) for p in row]


def screen_point(page: Any, lat: float, lon: float) -> tuple[float, float]:
    """Where the map draws (lat, lon) on the screen, from its ``data-view`` (see events.js)."""
    box = page.locator("#map svg").bounding_box()
    lon0, lat1, k = map(float, page.get_attribute("#map svg", "data-view").split())
    scale = box["width"] / 1000
    return box["x"] + (lon - lon0) * k * scale, box["y"] + (lat1 - lat) * k * scale


def _open(browser: Any, url: str) -> Any:
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("requestfailed", lambda req: errors.append(req.url))
    page.goto(url)
    page.wait_for_selector("body[data-drawn]", timeout=20000)
    assert errors == []
    return page


def _map_marks(page: Any) -> dict[str, int]:
    counts: dict[str, int] = page.eval_on_selector_all(
        "#map a[data-event]",
        "els => els.reduce((n, a) => (n[a.dataset.event] = (n[a.dataset.event] || 0) + 1, n), {})",
    )
    return counts


def _expected_map_marks(events: list[dict[str, Any]]) -> dict[str, int]:
    """One mark per deployment with a place at either end, one per placed protest place."""

    def placed(refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [r for r in refs if r["lat"] is not None]

    out = {}
    for e in events:
        if e["type"] == "Deployment":
            n = 1 if placed(e["sender"]) or placed(e["destination"]) else 0
        else:
            n = len(placed(e["places"]) or placed(e["location"]))
        if n:
            out[e["iri"]] = n
    return out


def test_timeline_and_map_of_the_example_dataset(live_server: Server) -> None:
    playwright = _chromium()
    OUTPUT.mkdir(exist_ok=True)
    events = httpx.get(live_server.url + "events.json", timeout=30).json()["events"]
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = _open(browser, live_server.url + "events")
        page.screenshot(path=str(OUTPUT / "events-page.png"), full_page=True)
        assert "11 of 11 events (7 deployments, 4 protests)" in page.inner_text("#summary")
        # the timeline: one mark per event, each linking to its page
        timeline = page.eval_on_selector_all(
            "#timeline a[data-event]", "els => els.map(a => a.dataset.event)"
        )
        assert sorted(timeline) == sorted(e["iri"] for e in events)
        assert page.locator("#timeline .mark.deployment").count() == 7
        assert page.locator("#timeline .mark.protest").count() == 4
        # the map: a mark for every event with a place; the others listed below it
        expected = _expected_map_marks(events)
        assert _map_marks(page) == expected and len(expected) == 7
        listed = page.eval_on_selector_all("#unplaced a[data-event]", "els => els.length")
        assert listed == len(events) - len(expected) == 4
        assert page.locator("#map .land path").count() > 150, "the outline map is drawn"
        # pixels: mark colours at Jakarta and Almaty, none far out at sea
        for lat, lon in ((-6.215, 106.845), (43.252, 76.912)):
            around = colours_around(page, *screen_point(page, lat, lon))
            assert any(_near(c, DEPLOYMENT_RED) or _near(c, PROTEST_BLUE) for c in around)
        sea = colours_around(page, *screen_point(page, -30.0, 80.0))
        assert not any(_near(c, DEPLOYMENT_RED) or _near(c, PROTEST_BLUE) for c in sea)
        # a timeline mark: its colour in the screenshot where it is drawn
        box = page.locator("#timeline .mark.protest").first.bounding_box()
        middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        assert any(_near(c, PROTEST_BLUE) for c in colours_around(page, *middle, radius=3))
        browser.close()


def test_filters_in_the_url_change_what_is_drawn(live_server: Server) -> None:
    playwright = _chromium()
    OUTPUT.mkdir(exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1800})
        page.goto(live_server.url)
        page.click("#events-link")
        page.wait_for_selector("body[data-drawn]", timeout=20000)
        page.fill("input[name=actor]", KAZAKHSTAN)
        page.select_option("select[name=type]", "protest")
        page.click("#filters button[type=submit]")
        page.wait_for_url("**/events?actor=*")
        page.wait_for_selector("body[data-drawn]", timeout=20000)
        assert "type=protest" in page.url, "the filters are in the URL: a view can be shared"
        page.screenshot(path=str(OUTPUT / "events-kazakhstan-protests.png"), full_page=True)
        assert page.inner_text("h1") == "Events of Kazakhstan: timeline and map"
        assert page.locator("#timeline a[data-event]").count() == 2
        assert page.locator("#timeline .mark.deployment").count() == 0
        assert page.locator("#map .mark.deployment").count() == 0
        assert page.locator("#map .mark.protest").count() == 2, "both at Almaty"
        shared = _open(browser, page.url)
        assert shared.locator("#timeline a[data-event]").count() == 2
        period = _open(browser, live_server.url + "events?from=2025")
        assert period.locator("#timeline a[data-event]").count() == 3
        assert "Jakarta" in period.inner_text("#map")
        browser.close()


def test_deployments_are_arrows_from_sender_to_destination(arrows_server: Server) -> None:
    playwright = _chromium()
    OUTPUT.mkdir(exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = _open(browser, arrows_server.url + "events")
        page.screenshot(path=str(OUTPUT / "events-arrows.png"), full_page=True)
        assert page.locator("#map a[data-kind=arrow]").count() == 2
        assert page.locator("#map a[data-kind=point]").count() == 1
        # the Russia -> Kazakhstan arrow starts at Moscow and ends at Astana
        arrow = page.locator("#map a[data-event$=russia_kazakhstan] path.arrow")
        ends = arrow.evaluate(
            """p => { const m = p.getScreenCTM(), n = p.getTotalLength();
                 return [0, n / 2, n].map(l => { const q = p.getPointAtLength(l);
                   return [q.x * m.a + m.e, q.y * m.d + m.f]; }); }"""
        )
        for (x, y), (lat, lon) in zip(
            (ends[0], ends[2]), ((55.752, 37.616), (51.18, 71.446)), strict=True
        ):
            ex, ey = screen_point(page, lat, lon)
            assert abs(x - ex) < 2 and abs(y - ey) < 2
        # the arrow is drawn: its colour halfway, the sea's colour off it
        assert any(_near(c, DEPLOYMENT_RED) for c in colours_around(page, *ends[1], radius=4))
        assert not any(
            _near(c, DEPLOYMENT_RED) for c in colours_around(page, *screen_point(page, -40, 0))
        )
        only_protests = _open(browser, arrows_server.url + "events?type=protest")
        assert only_protests.locator("#map a[data-kind=arrow]").count() == 0
        assert only_protests.locator("#map a[data-kind=point]").count() == 1
        browser.close()
