"""In Chromium: a glossary term opens its meaning by tap, click, Enter or Space and Escape hides it;
no term is a control inside a heading or a link; axe finds nothing with a meaning open; without
the script the meaning shows in brackets; nothing moves when the script runs."""

from __future__ import annotations

import pytest

from engine.glossary import PLAIN_INSIDE
from tests.test_quality_gates import axe_violations, page_is_dark
from tests.tools.browser import node_tool

pytestmark = pytest.mark.browser

CONDITION = "conditions/sciatica/"
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}
TERM = ".app-term__button"
# Pages whose titles, headings or card links use glossary words (see the build test's control).
PAGES_WITH_TITLED_TERMS = [
    "",
    CONDITION,
    "treatments/",
    "blog/",
    "blog/sciatica-usually-gets-better/",
    "conditions/",
    "about/glossary/",
]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def axe_source() -> str:
    return node_tool("axe-core/axe.min.js").read_text()


def meaning_of(tab, button):
    return tab.locator("#" + button.get_attribute("aria-controls"))


def test_a_tap_on_a_phone_shows_the_meaning_and_a_second_tap_hides_it(phone, site_url):
    phone.goto(site_url + CONDITION)
    button = phone.locator(TERM, has_text="nerve root")
    meaning = meaning_of(phone, button)
    assert button.get_attribute("aria-expanded") == "false"
    assert not meaning.is_visible()  # negative control: hidden before the tap
    button.tap()
    assert meaning.is_visible()
    assert meaning.inner_text() == "The part of a nerve where it leaves the spine"
    assert button.get_attribute("aria-expanded") == "true"
    box = meaning.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    button.tap()
    assert not meaning.is_visible()
    assert button.get_attribute("aria-expanded") == "false"


def test_a_click_shows_the_meaning_and_a_second_click_hides_it(desktop, site_url):
    desktop.goto(site_url + CONDITION)
    button = desktop.locator(TERM, has_text="MRI")
    meaning = meaning_of(desktop, button)
    button.click()
    assert meaning.is_visible()
    assert meaning.inner_text().startswith("A scan that uses a strong magnet")
    button.click()
    assert not meaning.is_visible()


def test_a_term_is_a_target_of_at_least_24_px(phone, site_url):
    phone.goto(site_url + CONDITION)
    for button in phone.locator(TERM).all():
        box = button.bounding_box()
        assert box and box["height"] >= 24 and box["width"] >= 24, button.inner_text()


def tab_to(tab, selector: str, limit: int = 400) -> bool:
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate("s => document.activeElement.matches(s)", selector):
            return True
    return False


@pytest.mark.parametrize("key", ["Enter", " "])
def test_the_keyboard_reaches_a_term_opens_it_and_escape_closes_it(desktop, site_url, key):
    desktop.goto(site_url + CONDITION)
    assert tab_to(desktop, TERM), "Tab never reached a glossary term"
    controls = desktop.evaluate("document.activeElement.getAttribute('aria-controls')")
    button = desktop.locator(f"[aria-controls='{controls}']")
    meaning = meaning_of(desktop, button)
    outline = desktop.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus must be visible on a term"
    assert not meaning.is_visible()
    desktop.keyboard.press(key)
    assert meaning.is_visible()
    assert button.get_attribute("aria-expanded") == "true"
    desktop.keyboard.press("Escape")
    assert not meaning.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    assert desktop.evaluate("document.activeElement.matches('.app-term__button')")
    # The meaning follows its term in the reading and focus order: Tab goes on to the next
    # control, not back to the top.
    desktop.keyboard.press(key)
    desktop.keyboard.press("Tab")
    after = desktop.evaluate(
        "b => b.compareDocumentPosition(document.activeElement)", button.element_handle()
    )
    assert after & 4, "focus went backwards from an open term"  # DOCUMENT_POSITION_FOLLOWING


@pytest.mark.parametrize("address", PAGES_WITH_TITLED_TERMS)
def test_no_term_is_a_control_inside_a_heading_or_a_link(desktop, site_url, address):
    # Headings, links, other controls, labels and the page's frame (engine/glossary.py).
    plain = f":is({', '.join(sorted(PLAIN_INSIDE))}) :is(.app-term, abbr)"
    desktop.goto(site_url + address)
    inside = desktop.evaluate(
        "s => [...document.querySelectorAll(s)].map(e => e.textContent)", plain
    )
    assert inside == []
    # Negative control: the page has terms (and, the build tests show, glossary words in
    # its headings or links that stayed plain).
    assert desktop.locator(TERM).count() > 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_a_meaning_open(browser, site_url, axe_source, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme, has_touch=True)
    tab = context.new_page()
    tab.goto(site_url + CONDITION)
    assert page_is_dark(tab) == (scheme == "dark")
    for name in ("nerve root", "MRI"):
        tab.locator(TERM, has_text=name).tap()
    assert tab.locator(".app-term__definition:visible").count() == 2
    assert axe_violations(tab, axe_source) == []
    context.close()


def test_without_the_script_the_meaning_shows_in_brackets(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + CONDITION)
    meaning = tab.locator("#app-term-nerve-root")
    assert meaning.is_visible()
    assert tab.locator("button.app-term__button").count() == 0  # no control that does nothing
    brackets = meaning.evaluate(
        "e => [getComputedStyle(e, '::before').content, getComputedStyle(e, '::after').content]"
    )
    assert brackets == ['" ("', '")"']
    context.close()


# Where each term, the block holding it and the block after it sit on the page.
TERM_BOXES = """() => [...document.querySelectorAll('.app-term')]
    .flatMap(term => [term, term.parentElement, term.parentElement.nextElementSibling])
    .filter(Boolean)
    .map(e => { const r = e.getBoundingClientRect();
                return [r.x + scrollX, r.y + scrollY, r.width, r.height].map(Math.round); })"""


def boxes_before_and_after_the_script(tab, url: str, script: str, style: str = ""):
    tab.route("**/glossary.js", lambda route: route.abort())  # run it by hand, later
    tab.goto(url)
    if style:
        tab.add_style_tag(content=style)
    before = tab.evaluate(TERM_BOXES)
    assert before and tab.locator(TERM).count() == 0
    tab.add_script_tag(content=script)
    assert tab.locator(TERM).count() > 0
    return before, tab.evaluate(TERM_BOXES)


@pytest.mark.parametrize("address", ["", CONDITION, "treatments/", "blog/"])
def test_nothing_moves_when_the_script_makes_the_buttons(phone, site_url, site_dir, address):
    # The word is an inline block before the script runs, as a button is after, at the same
    # height: no layout shift (Lighthouse's CLS), even in the smaller text of cards.
    script = (site_dir / "assets" / "javascripts" / "glossary.js").read_text()
    before, after = boxes_before_and_after_the_script(phone, site_url + address, script)
    assert before == after


def test_a_word_that_wrapped_before_the_script_would_move(phone, site_url, site_dir):
    # Negative control: as a plain inline word a long term wraps, and the button moves text.
    script = (site_dir / "assets" / "javascripts" / "glossary.js").read_text()
    inline = ".md-typeset .app-term__word { display: inline !important }"
    before, after = boxes_before_and_after_the_script(phone, site_url + CONDITION, script, inline)
    assert before != after
