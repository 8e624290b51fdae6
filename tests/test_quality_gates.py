"""Quality gates in a real browser, on every page: accessibility (axe-core), HTML validity
(Nu HTML Checker), privacy (no request leaves the site), layout at 360 px, page weight."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.tools.browser import node_tool
from tests.tools.pages import address_of, address_of_file, doc_pages, site_pages

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PAGES = [str(p) for p in site_pages()]
ARTICLES = [address_of(doc.name) for doc in doc_pages() if doc.is_article]
# Bytes, compressed, per article on a first visit. 80 KiB until issue 15, which added about
# 3.5 KiB to the longest article (83.1 to 84.5 KiB measured on 2026-11-29): Book and Call in
# the header, the On this page list, the booking box, the sources' disclosure, glossary
# meanings that open by touch, and the printed header with its QR code. Material's script
# and stylesheet are 58 KiB of it. 85 KiB until issue 16, whose longest article (long-lasting
# pain: 2,200 words, 16 sources, 19 headings) measured 85.1 KiB after trimming; its HTML is
# 22 KiB of that. Lighthouse's budget for every page type stays 100 KiB.
FIRST_VIEW_BUDGET = 88 * 1024
PHONE = {"width": 360, "height": 780}


@pytest.fixture(scope="module", params=["light", "dark"])
def scheme_tab(request, browser):
    context = browser.new_context(color_scheme=request.param)
    tab = context.new_page()
    yield request.param, tab
    context.close()


@pytest.fixture(scope="module")
def axe_source() -> str:
    return node_tool("axe-core/axe.min.js").read_text()


# --- accessibility --------------------------------------------------------------------------------


def page_is_dark(tab) -> bool:
    """Whether the page background is dark: dark mode follows the device setting (CSS only)."""
    rgb = tab.evaluate(
        """() => getComputedStyle(document.body).backgroundColor
            .match(/\\d+/g).slice(0, 3).map(Number)"""
    )
    return sum(rgb) / 3 < 128


def axe_violations(tab, axe_source: str) -> list[dict]:
    tab.add_script_tag(content=axe_source)
    return tab.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))
            .violations.map(v => ({id: v.id, help: v.help,
                                   nodes: v.nodes.map(n => n.target.join(' '))}))""",
        AXE_TAGS,
    )


@pytest.mark.parametrize("html_page", PAGES)
def test_no_axe_violations(scheme_tab, site_url, axe_source, html_page):
    scheme, tab = scheme_tab
    tab.goto(site_url + address_of_file(html_page))
    assert page_is_dark(tab) == (scheme == "dark")  # the scheme under test is the one applied
    assert axe_violations(tab, axe_source) == []


def test_axe_finds_a_planted_violation(browser, site_url, axe_source):
    # Negative control: an image with no alt text and a low-contrast line must be reported.
    tab = browser.new_page()
    tab.goto(site_url)
    tab.evaluate("""() => { const main = document.querySelector('article');
        main.insertAdjacentHTML('afterbegin',
            '<img src="assets/images/logo-512.png"><p style="color:#bbb">faint</p>'); }""")
    found = {v["id"] for v in axe_violations(tab, axe_source)}
    tab.close()
    assert {"image-alt", "color-contrast"} <= found


def tab_until(tab, predicate: str, limit: int = 300) -> bool:
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate(predicate):
            return True
    return False


@pytest.mark.parametrize("address", ["", "conditions/sciatica/"])
def test_keyboard_reaches_skip_link_search_and_booking(browser, site_url, address):
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    tab.goto(site_url + address)
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.classList.contains('md-skip')")
    assert tab.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    assert tab_until(tab, "document.activeElement.matches('[data-md-component=search-query]')")
    assert tab_until(tab, "document.activeElement.matches('.app-cta__button')")
    outline = tab.evaluate(
        "(style => [style.outlineStyle, style.outlineWidth])"
        "(getComputedStyle(document.activeElement))"
    )
    assert outline[0] != "none" and outline[1] != "0px", (
        "focus must be visible on the booking button"
    )
    tab.close()


# --- HTML validity --------------------------------------------------------------------------------


def test_html_is_valid(site_dir: Path):
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "Java is needed for the Nu HTML Checker: `apt-get install -y default-jre-headless`.",
            pytrace=False,
        )
    vnu = node_tool("vnu-jar/build/dist/vnu.jar")
    pages = sorted(str(p) for p in site_dir.rglob("*.html"))
    result = subprocess.run(
        [java, "-jar", str(vnu), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        check=False,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{m['url'].split(str(site_dir))[-1]}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
    assert errors == [], "\n".join(errors[:20])
    assert len(pages) >= 30  # negative control: the checker saw the whole site


# --- privacy: nothing leaves the site -------------------------------------------------------------


def requests_while_reading(tab, url: str) -> list[str]:
    seen: list[str] = []
    tab.on("request", lambda request: seen.append(request.url))
    tab.goto(url, wait_until="networkidle")
    tab.evaluate("""async () => { for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y); await new Promise(r => setTimeout(r, 20)); } }""")
    tab.wait_for_load_state("networkidle")
    return seen


def foreign(urls: list[str], own_host: str) -> list[str]:
    return [
        u
        for u in urls
        if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != own_host
    ]


@pytest.mark.parametrize("html_page", PAGES)
def test_no_request_leaves_the_site(browser, site_url, html_page):
    tab = browser.new_page()
    urls = requests_while_reading(tab, site_url + address_of_file(html_page))
    tab.close()
    assert foreign(urls, urlparse(site_url).netloc) == []


def test_foreign_request_is_detected(browser, site_url):
    # Negative control: a planted image on another host shows up.
    tab = browser.new_page()
    seen: list[str] = []
    tab.on("request", lambda request: seen.append(request.url))
    tab.goto(site_url)
    tab.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<img src=\"https://tracker.example/p.gif\">')"
    )
    tab.wait_for_timeout(300)
    tab.close()
    assert foreign(seen, urlparse(site_url).netloc) == ["https://tracker.example/p.gif"]


# --- layout on a phone ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def phone_tab(browser):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("html_page", PAGES)
def test_no_sideways_scrolling_at_360px(phone_tab, site_url, html_page):
    phone_tab.goto(site_url + address_of_file(html_page))
    width = phone_tab.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"page is {width}px wide"


# Comparison tables (cards on a phone, no clipping on a desktop): tests/test_browser_tables.py.


# --- page weight ----------------------------------------------------------------------------------


def first_view_bytes(browser, url: str) -> tuple[int, list[tuple[str, int]]]:
    """Compressed bytes (bodies and headers) a first-time visitor downloads for one page."""
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    sizes: list[tuple[str, int]] = []

    def count(request) -> None:
        measured = request.sizes()
        sizes.append((request.url, measured["responseBodySize"] + measured["responseHeadersSize"]))

    tab.on("requestfinished", count)
    tab.goto(url, wait_until="networkidle")
    context.close()
    return sum(size for _, size in sizes), sizes


@pytest.mark.parametrize("address", ARTICLES)
def test_first_view_weight_within_budget(browser, compressed_site_url, address):
    total, sizes = first_view_bytes(browser, compressed_site_url + address)
    assert 30_000 < total <= FIRST_VIEW_BUDGET, "\n".join(
        f"{n:7d} {u}" for u, n in sorted(sizes, key=lambda s: -s[1])
    )
    assert not any("search_index.json" in u for u, _ in sizes), (
        "the search index loads on first search only"
    )


def test_search_still_works_after_lazy_loading(browser, site_url):
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    tab.goto(site_url)
    # Type as a reader does: Material reads the query on keyup (and on focus or when the
    # search worker is ready), and fill() fires only `input`, so a filled query is missed
    # whenever the worker was ready first (issue 14, T1).
    tab.locator("[data-md-component=search-query]").press_sequentially("piriformis")
    tab.wait_for_selector(".md-search-result__item", timeout=15000)
    assert "piriformis" in tab.locator(".md-search-result").inner_text().lower()
    tab.close()
