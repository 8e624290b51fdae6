"""Comparison tables in Chromium (issue 15, item 3; browser review M1, M2 and m10).

On every page with a comparison table, at phone and desktop widths: nothing is clipped (every
cell lies inside the viewport and the content column, nothing scrolls sideways), the caption
wraps whole, and Material's frame and scrolling box stay away. On a phone each treatment is a
card: its name, then each column's label above its value. On a desktop the table fits its
column with no word broken. Each check returns what it found wrong, so a negative control can
show it failing."""

from __future__ import annotations

import re

import pytest

from tests.tools.browser import node_tool
from tests.tools.pages import address_of, doc_pages

pytestmark = pytest.mark.browser

TABLE_PAGES = [
    address_of(doc.name)
    for doc in doc_pages()
    if "{{ treatment_table(" in doc.source.read_text(encoding="utf-8")
]
PHONES = [360, 390]
DESKTOPS = [1280, 1920]
HEIGHT = 800

# Each JS check returns a list of problems, each naming the table by its caption.
SHARED = """
const name = table => `"${table.querySelector('caption').textContent.slice(0, 40)}"`;
const tables = () => [...document.querySelectorAll('.app-table')];
const inside = (box, outer) => box.left >= outer.left - 0.5 && box.right <= outer.right + 0.5;
const column = wrapper => {  // the content box of the text column the table sits in
  const parent = wrapper.parentElement, box = parent.getBoundingClientRect();
  const style = getComputedStyle(parent);
  return {left: box.left + parseFloat(style.paddingLeft),
          right: box.right - parseFloat(style.paddingRight)};
};
"""

NOTHING_CLIPPED = (
    "() => {"
    + SHARED
    + """
  const problems = [], view = {left: 0, right: document.documentElement.clientWidth};
  if (document.documentElement.scrollWidth > innerWidth)
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px`);
  for (const wrapper of tables()) {
    const table = wrapper.querySelector('table'), label = name(wrapper);
    for (const box of [wrapper, table])
      if (box.scrollWidth > box.clientWidth)
        problems.push(`${label}: ${box.tagName} ${box.scrollWidth}px in ${box.clientWidth}px`);
    const limits = column(wrapper);
    for (const cell of table.querySelectorAll('caption, th, td')) {
      if (!cell.getClientRects().length) continue;  // the header row is hidden on a card
      const box = cell.getBoundingClientRect(), text = cell.textContent.slice(0, 30);
      if (!inside(box, view)) problems.push(`${label}: "${text}" is outside the screen`);
      if (!inside(box, limits)) problems.push(`${label}: "${text}" is outside the column`);
      if (cell.scrollWidth > cell.clientWidth) problems.push(`${label}: "${text}" overflows`);
    }
  }
  return problems;
}"""
)

CAPTION_WHOLE = (
    "() => {"
    + SHARED
    + """
  const problems = [];
  for (const wrapper of tables()) {
    const caption = wrapper.querySelector('caption'), style = getComputedStyle(caption);
    const text = caption.textContent;
    if (caption.scrollWidth > caption.clientWidth || caption.scrollHeight > caption.clientHeight)
      problems.push(`${name(wrapper)}: the caption is cut off`);
    if (style.textOverflow === 'ellipsis' || style.whiteSpace === 'nowrap')
      problems.push(`${name(wrapper)}: the caption may not wrap`);
    const range = document.createRange();
    range.selectNodeContents(caption);
    const lines = [...range.getClientRects()];
    const box = caption.getBoundingClientRect();
    const outside = line => line.right > box.right + 0.5 || line.bottom > box.bottom + 0.5;
    if (!text.trim() || lines.some(outside))
      problems.push(`${name(wrapper)}: the caption's text runs out of its box`);
  }
  return problems;
}"""
)

# m10: one frame at most, and no empty strip under the table (Material's own table border,
# inline-block and scrolling box made a double frame and a 35-60 px strip).
ONE_FRAME = (
    "() => {"
    + SHARED
    + """
  const problems = [];
  for (const wrapper of tables()) {
    const table = wrapper.querySelector('table');
    if (table.parentElement !== wrapper || wrapper.querySelector('.md-typeset__scrollwrap'))
      problems.push(`${name(wrapper)}: Material wrapped the table in its scrolling box`);
    const framed = [wrapper, table].filter(el => getComputedStyle(el).borderTopStyle !== 'none');
    if (framed.length)
      problems.push(`${name(wrapper)}: an outer frame (${framed.map(el => el.tagName)})`);
    const strip = wrapper.getBoundingClientRect().bottom - table.getBoundingClientRect().bottom;
    if (strip > 1) problems.push(`${name(wrapper)}: ${strip}px empty under the table`);
  }
  return problems;
}"""
)

# A card: the treatment's name first, then each cell with its column's label (from the header
# row) drawn above its value, inside the cell.
CARDS = (
    "() => {"
    + SHARED
    + """
  const problems = [];
  for (const wrapper of tables()) {
    const table = wrapper.querySelector('table'), label = name(wrapper);
    const headers = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
    if (getComputedStyle(table.querySelector('thead')).display !== 'none')
      problems.push(`${label}: the header row still shows`);
    for (const row of table.querySelectorAll('tbody tr')) {
      const [head, ...cells] = row.children, card = row.getBoundingClientRect();
      const treatment = head.textContent.trim();
      if (getComputedStyle(row).display !== 'block' || head.tagName !== 'TH')
        problems.push(`${label}: "${treatment}" is not a card`);
      if (Math.abs(head.getBoundingClientRect().top - card.top) > 2 || !head.innerText.trim())
        problems.push(`${label}: "${treatment}" does not head its card`);
      cells.forEach((cell, i) => {
        const before = getComputedStyle(cell, '::before'), expected = headers[i + 1];
        if (before.content !== JSON.stringify(expected) || before.display === 'none')
          problems.push(`${label}: "${treatment}" shows ${before.content}, not "${expected}"`);
        const value = document.createRange();
        value.selectNodeContents(cell);
        const top = value.getBoundingClientRect().top, cellTop = cell.getBoundingClientRect().top;
        const lineHeight = parseFloat(getComputedStyle(cell).lineHeight);
        // The label's line sits between the cell's top and its value.
        if (top - cellTop < lineHeight)
          problems.push(`${label}: "${treatment}" has no label above "${cell.textContent}"`);
        const box = cell.getBoundingClientRect();
        if (box.left < card.left || box.right > card.right || cell.offsetParent === null)
          problems.push(`${label}: "${treatment}" has a cell outside its card`);
      });
    }
  }
  return problems;
}"""
)

# On a desktop: a real table, its cells side by side, and every word whole in its column.
TABLE_FITS = (
    "() => {"
    + SHARED
    + """
  const problems = [];
  for (const wrapper of tables()) {
    const table = wrapper.querySelector('table'), label = name(wrapper);
    const headerShown = table.querySelector('thead th').offsetParent !== null;
    if (getComputedStyle(table).display !== 'table' || !headerShown)
      problems.push(`${label}: not shown as a table`);
    for (const row of table.querySelectorAll('tr')) {
      const tops = [...row.children].map(cell => Math.round(cell.getBoundingClientRect().top));
      if (new Set(tops).size !== 1) problems.push(`${label}: a row's cells are not side by side`);
    }
    for (const cell of table.querySelectorAll('th, td')) {
      // Where no word may break, a word too long for its column would stick out.
      cell.style.overflowWrap = 'normal';
      cell.style.hyphens = 'manual';
      for (const link of cell.querySelectorAll('a')) link.style.wordBreak = 'normal';
      if (cell.scrollWidth > cell.clientWidth)
        problems.push(`${label}: a word of "${cell.textContent}" is too long for its column`);
      cell.removeAttribute('style');
      for (const link of cell.querySelectorAll('a')) link.removeAttribute('style');
    }
  }
  return problems;
}"""
)


@pytest.fixture(scope="module", params=PHONES + DESKTOPS, ids=lambda width: f"{width}px")
def sized_tab(request, browser):
    context = browser.new_context(viewport={"width": request.param, "height": HEIGHT})
    tab = context.new_page()
    yield request.param, tab
    context.close()


def open_tables(tab, url: str) -> None:
    tab.goto(url)
    assert tab.locator(".app-table").count() >= 1, f"{url} has no comparison table"


def test_table_pages_are_found():
    # Negative control for the page list: the pages the review named are in it.
    assert {"", "conditions/sciatica/", "conditions/low-back-pain/", "treatments/"} <= set(
        TABLE_PAGES
    )
    assert len(TABLE_PAGES) >= 10


@pytest.mark.parametrize("address", TABLE_PAGES)
def test_nothing_is_clipped_and_captions_are_whole(sized_tab, site_url, address):
    width, tab = sized_tab
    open_tables(tab, site_url + address)
    assert tab.evaluate(NOTHING_CLIPPED) == []
    assert tab.evaluate(CAPTION_WHOLE) == []
    assert tab.evaluate(ONE_FRAME) == []
    layout = CARDS if width in PHONES else TABLE_FITS
    assert tab.evaluate(layout) == []


# --- negative controls: each check finds what it looks for -----------------------------------


@pytest.fixture
def tab_at(browser):
    contexts = []

    def open_at(width: int, url: str, css: str = ""):
        context = browser.new_context(viewport={"width": width, "height": HEIGHT})
        contexts.append(context)
        tab = context.new_page()
        open_tables(tab, url)
        if css:
            tab.add_style_tag(content=css)
        return tab

    yield open_at
    for context in contexts:
        context.close()


def test_a_table_wider_than_its_column_is_caught(tab_at, site_url):
    tab = tab_at(
        1280, site_url + "treatments/", ".md-typeset .app-table__table { min-width: 60rem }"
    )
    problems = tab.evaluate(NOTHING_CLIPPED)
    assert any("outside the column" in p for p in problems)
    assert any("TABLE" in p or "DIV" in p for p in problems)


def test_a_truncated_caption_is_caught(tab_at, site_url):
    css = (
        ".md-typeset .app-table__table caption"
        " { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; display: block }"
    )
    tab = tab_at(360, site_url + "conditions/sciatica/", css)
    assert any("caption" in p for p in tab.evaluate(CAPTION_WHOLE))


def test_a_double_frame_and_a_strip_are_caught(tab_at, site_url):
    css = (
        ".md-typeset .app-table { border: 1px solid; padding-bottom: 40px }"
        " .md-typeset .app-table__table { border: 1px solid }"
    )
    problems = tab_at(1280, site_url, css).evaluate(ONE_FRAME)
    assert any("outer frame (DIV,TABLE)" in p for p in problems)
    assert any("empty under the table" in p for p in problems)


def test_a_card_without_labels_is_caught(tab_at, site_url):
    tab = tab_at(
        360, site_url + "treatments/", ".md-typeset .app-table__table td::before { content: none }"
    )
    problems = tab.evaluate(CARDS)
    assert any('not "What it is"' in p for p in problems)
    assert any("no label above" in p for p in problems)


def test_a_wide_table_is_not_taken_for_cards(tab_at, site_url):
    # The card check fails on the wide layout: it does look at the cards.
    tab = tab_at(1280, site_url + "treatments/")
    problems = tab.evaluate(CARDS)
    assert any("header row still shows" in p for p in problems)
    assert any("is not a card" in p for p in problems)


def test_a_word_too_long_for_its_column_is_caught(tab_at, site_url):
    css = ".md-typeset .app-table__column--name { width: 2% }"
    problems = tab_at(1280, site_url + "treatments/", css).evaluate(TABLE_FITS)
    assert any("too long for its column" in p for p in problems)


def test_cards_on_a_desktop_are_caught(tab_at, site_url):
    css = ".md-typeset .app-table__table, .md-typeset .app-table__table tr { display: block }"
    problems = tab_at(1280, site_url + "treatments/", css).evaluate(TABLE_FITS)
    assert any("not shown as a table" in p for p in problems)


# --- the layout switch is the table's own width, and screen readers keep the table ------------


@pytest.mark.parametrize("address", TABLE_PAGES)
def test_the_breakpoint_is_where_the_table_stops_fitting(tab_at, site_url, address):
    """The switch to cards is the table's own width (a container query, 45em of its 15 px
    text), not the screen's. Just above it every word still fits its column, in every table;
    at it, the same table is cards. At 1280 the page is wide enough for both to show."""
    tab = tab_at(1280, site_url + address, ".md-typeset .app-table { max-width: 45.1em }")
    assert tab.evaluate(TABLE_FITS) == []
    tab.add_style_tag(content=".md-typeset .app-table { max-width: 45em }")
    assert tab.evaluate(CARDS) == []


def test_paper_gets_the_table(tab_at, site_url):
    """A printed handout has room for the table, which is more compact than the cards: print
    shows the table whatever the window's width, its rows whole."""
    tab = tab_at(360, site_url + "treatments/")
    assert tab.evaluate(CARDS) == []  # on screen, at this width: cards
    tab.emulate_media(media="print")
    shown = tab.evaluate(
        """() => [...document.querySelectorAll('.app-table__table')].map(table =>
            [table, table.querySelector('thead'), table.querySelector('tbody tr')]
              .map(el => getComputedStyle(el))).map(([table, head, row]) =>
            [table.display, head.display, row.breakInside])"""
    )
    assert shown == [["table", "table-header-group", "avoid"]] * 2


def test_cards_keep_table_semantics_and_their_labels(tab_at, site_url):
    """In card form, Chromium still reports a table with a row header per treatment; each
    cell's accessible text starts with its label, so the card reads well in a line too."""
    tab = tab_at(360, site_url + "treatments/mckenzie-method/")
    snapshot = tab.locator(".app-table__table").aria_snapshot()
    assert snapshot.startswith('- table "McKenzie method compared with general exercise"')
    assert len(re.findall(r"- rowheader ", snapshot)) == 2
    cells = re.findall(r'- cell "([^"]+)"', snapshot)
    labels = (
        "Strength of evidence for low back pain ",
        "Typical course ",
        "Risks and side effects ",
    )
    assert len(cells) == 6 and all(cell.startswith(labels) for cell in cells)
    wide = tab_at(1280, site_url + "treatments/mckenzie-method/")
    assert '- columnheader "Typical course"' in wide.locator(".app-table__table").aria_snapshot()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("address", TABLE_PAGES)
def test_no_axe_violations_on_cards(browser, site_url, scheme, address):
    """The site-wide axe check runs at desktop width; the cards are checked here."""
    from tests.test_quality_gates import AXE_TAGS, page_is_dark

    context = browser.new_context(viewport={"width": 360, "height": HEIGHT}, color_scheme=scheme)
    tab = context.new_page()
    open_tables(tab, site_url + address)
    assert page_is_dark(tab) == (scheme == "dark")
    tab.add_script_tag(content=node_tool("axe-core/axe.min.js").read_text())
    violations = tab.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))
            .violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' '))}`)""",
        AXE_TAGS,
    )
    context.close()
    assert violations == []
