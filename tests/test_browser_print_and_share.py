"""In Chromium: an article prints as a clean handout, and its share controls work by keyboard."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.tools.project import SITE_URL

pytestmark = pytest.mark.browser

ARTICLE = "conditions/sciatica/"
EXERCISE = "exercises/hip-rotation/"


@pytest.fixture
def tab(browser, site_url):
    context = browser.new_context(viewport={"width": 800, "height": 1000})
    tab = context.new_page()
    yield tab
    context.close()


def test_print_view_is_a_clean_handout(tab, site_url):
    tab.goto(site_url + ARTICLE)
    tab.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".app-cta", ".app-share"):
        assert not tab.locator(hidden).first.is_visible(), f"{hidden} shows in print"
    for shown in (
        ".admonition",
        "#references",
        "ol.app-references",
        ".app-print-header svg",
        ".app-urgent--emergency",
    ):
        assert tab.locator(shown).first.is_visible(), f"{shown} missing in print"
    header = tab.locator(".app-print-header").inner_text()  # page 1: tests/test_print_handout.py
    assert "(708) 555-0142" in header and f"{SITE_URL}{ARTICLE}".split("://")[1] in header


def test_print_keeps_exercise_illustrations(tab, site_url):
    tab.goto(site_url + EXERCISE)
    tab.emulate_media(media="print")
    figures = tab.locator("figure img")
    assert figures.count() >= 3
    assert all(figures.nth(i).is_visible() for i in range(figures.count()))


def test_screen_view_hides_the_print_header(tab, site_url):
    # Negative control for the print test: on screen the handout header stays out of the way.
    tab.goto(site_url + ARTICLE)
    assert not tab.locator(".app-print-header").is_visible()
    assert tab.locator(".app-cta").is_visible()


def test_pdf_of_an_article_renders(tab, site_url):
    tab.goto(site_url + ARTICLE)
    pdf = tab.pdf(format="Letter")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


def test_copy_link_works_by_keyboard(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + ARTICLE)
    button = page.get_by_role("button", name="Copy link")
    assert button.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.app-share__status').textContent.length > 0")
    assert page.locator(".app-share__status").inner_text() == "Link copied."
    assert page.evaluate("navigator.clipboard.readText()") == f"{SITE_URL}{ARTICLE}"
    context.close()


def test_email_link_carries_title_and_address(tab, site_url):
    tab.goto(site_url + ARTICLE)
    href = tab.get_by_role("link", name="Email this page").get_attribute("href")
    assert href.startswith("mailto:?subject=Sciatica")
    assert quote(f"{SITE_URL}{ARTICLE}") in href  # https%3A//www...example/conditions/sciatica/
