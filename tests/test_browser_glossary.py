"""In Chromium: a glossary term opens its meaning by tap, click, Enter or Space, with or without
scripts; Escape or a tap elsewhere hides it; the meaning stays on screen on a phone; no term
is a control inside a heading or a link; axe finds nothing with a meaning open."""

from __future__ import annotations

import pytest

from engine.glossary import PLAIN_CLASSES, PLAIN_INSIDE
from tests.test_quality_gates import axe_violations, page_is_dark
from tests.tools.browser import node_tool

pytestmark = pytest.mark.browser

CONDITION = "conditions/sciatica/"
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}
TERM = "button.app-term"
# Pages whose titles, headings, card links or urgent boxes use glossary words (build tests).
PAGES_WITH_TITLED_TERMS = [
    "",
    CONDITION,
    "treatments/",
    "blog/",
    "blog/sciatica-usually-gets-better/",
    "conditions/",
    "about/glossary/",
    "exercises/hip-rotation/",  # "pain (sciatica)" in its urgent-care box
]


@pytest.fixture(params=[True, False], ids=["scripts", "no scripts"])
def phone(browser, request):
    """A phone, with and without scripts: the popover is the browser's own."""
    context = browser.new_context(
        viewport=PHONE, has_touch=True, is_mobile=True, java_script_enabled=request.param
    )
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
    return tab.locator("#" + button.get_attribute("popovertarget"))


def expanded(tab, button) -> bool:
    """What assistive technology is told: the button's expanded state in Chromium's
    accessibility tree. The browser sets it for a popover's button (no aria-expanded needed)."""
    return ax_states(tab, f"[popovertarget='{button.get_attribute('popovertarget')}']")["expanded"]


def ax_states(tab, selector: str) -> dict:
    cdp = tab.context.new_cdp_session(tab)
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})
    cdp.detach()
    return {state["name"]: state["value"].get("value") for state in ax["nodes"][0]["properties"]}


def test_a_button_that_opens_nothing_has_no_expanded_state(desktop, site_url):
    # Negative control for `expanded`: the theme's back-to-top button is not a disclosure.
    desktop.goto(site_url + CONDITION)
    assert "expanded" not in ax_states(desktop, "button.md-top")
    assert "focusable" in ax_states(desktop, "button.md-top")


def test_a_tap_on_a_phone_shows_the_meaning_on_screen_and_a_second_tap_hides_it(phone, site_url):
    phone.goto(site_url + CONDITION)
    button = phone.locator(TERM, has_text="nerve root")
    meaning = meaning_of(phone, button)
    assert not meaning.is_visible()  # negative control: closed when the page loads
    assert not expanded(phone, button)
    move_term_to(phone, button, 300)  # room below it
    # (Without scripts the theme's header is 373 px wide at 360: not the glossary's doing.)
    page_width = phone.evaluate("document.documentElement.scrollWidth")
    button.tap()
    assert meaning.is_visible()
    assert meaning.inner_text() == "The part of a nerve where it leaves the spine"
    assert expanded(phone, button)
    box, term = meaning.bounding_box(), button.bounding_box()
    assert box and term
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], "off the screen"
    assert next_to(box, term), f"the meaning {box} should touch its term {term}"
    assert phone.evaluate("document.documentElement.scrollWidth") == page_width
    button.tap()
    assert not meaning.is_visible()
    assert not expanded(phone, button)


def next_to(box: dict, term: dict, gap: float = 16) -> bool:
    """Just under the term, or just over it (where there is no room under it)."""
    below = 0 <= box["y"] - (term["y"] + term["height"]) <= gap
    above = 0 <= term["y"] - (box["y"] + box["height"]) <= gap
    return below or above


def move_term_to(tab, button, y: float) -> None:
    """Scrolls (as a reader would, so it works without scripts) until the term's top is at y."""
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box
    tab.mouse.wheel(0, box["y"] - y)
    tab.wait_for_timeout(300)
    box = button.bounding_box()
    assert box and abs(box["y"] - y) < 2, f"term at {box}, wanted y={y}"


def test_a_tap_elsewhere_hides_the_meaning(phone, site_url):
    phone.goto(site_url + CONDITION)
    button = phone.locator(TERM, has_text="MRI")
    button.tap()
    assert meaning_of(phone, button).is_visible()
    phone.locator("h1").tap()
    assert not meaning_of(phone, button).is_visible()


def test_near_the_foot_of_the_screen_the_meaning_opens_above_its_term(phone, site_url):
    phone.goto(site_url + CONDITION)
    button = phone.locator(TERM, has_text="nerve root")
    move_term_to(phone, button, PHONE["height"] - 40)
    button.tap()
    term, box = button.bounding_box(), meaning_of(phone, button).bounding_box()
    assert term and box
    assert next_to(box, term) and box["y"] < term["y"] and box["y"] >= 0


def test_with_room_below_the_meaning_opens_under_its_term(desktop, site_url):
    # Negative control for the test above: it opens above only for want of room.
    desktop.goto(site_url + CONDITION)
    button = desktop.locator(TERM, has_text="nerve root")
    move_term_to(desktop, button, 300)
    button.click()
    term, box = button.bounding_box(), meaning_of(desktop, button).bounding_box()
    assert term and box
    assert next_to(box, term) and box["y"] > term["y"]


def test_a_click_shows_the_meaning_and_a_second_click_hides_it(desktop, site_url):
    desktop.goto(site_url + CONDITION)
    button = desktop.locator(TERM, has_text="MRI")
    meaning = meaning_of(desktop, button)
    button.click()
    assert meaning.is_visible()
    assert meaning.inner_text().startswith("A scan that uses a strong magnet")
    button.click()
    assert not meaning.is_visible()


def test_a_term_is_a_target_of_at_least_24_px(desktop, site_url):
    desktop.goto(site_url + CONDITION)
    for button in desktop.locator(f".md-content p > {TERM}").all():
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
    target = desktop.evaluate("document.activeElement.getAttribute('popovertarget')")
    button = desktop.locator(f"[popovertarget='{target}']")
    meaning = meaning_of(desktop, button)
    outline = desktop.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus must be visible on a term"
    assert not meaning.is_visible()
    desktop.keyboard.press(key)
    assert meaning.is_visible()
    assert expanded(desktop, button)
    # Escape hides it and leaves focus on the term (so an open meaning never hides the
    # focused control for good: WCAG 2.4.11).
    desktop.keyboard.press("Escape")
    assert not meaning.is_visible()
    assert desktop.evaluate(
        "t => document.activeElement.getAttribute('popovertarget') === t", target
    )
    # Focus goes on in reading order from an open term, not back to the top.
    desktop.keyboard.press(key)
    desktop.keyboard.press("Tab")
    after = desktop.evaluate(
        "b => b.compareDocumentPosition(document.activeElement)", button.element_handle()
    )
    assert after & 4, "focus went backwards from an open term"  # DOCUMENT_POSITION_FOLLOWING


@pytest.mark.parametrize("address", PAGES_WITH_TITLED_TERMS)
def test_no_term_is_a_control_inside_a_heading_or_a_link(desktop, site_url, address):
    # Headings, links, other controls, labels, the page's frame and the urgent-care boxes.
    elements = sorted(PLAIN_INSIDE) + [f".{name}" for name in sorted(PLAIN_CLASSES)]
    plain = f":is({', '.join(elements)}) :is(.app-term, abbr)"
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
    tab.locator(TERM, has_text="nerve root").tap()
    assert tab.locator(".app-term__meaning:popover-open").count() == 1
    assert axe_violations(tab, axe_source) == []
    context.close()


def test_a_meaning_left_open_does_not_print(desktop, site_url):
    # Open, it floats in the top layer: on paper it would sit on every page.
    desktop.goto(site_url + CONDITION)
    button = desktop.locator(TERM, has_text="MRI")
    button.click()
    assert meaning_of(desktop, button).is_visible()  # negative control: open on screen
    desktop.emulate_media(media="print")
    assert not meaning_of(desktop, button).is_visible()
    assert button.is_visible()  # the word itself stays in the sentence
