"""An "On this page" list at the top of long articles, for phones: there the theme keeps its
table of contents in the menu drawer, two taps away (browser review M11)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

# Fewer sections than this fit on a few screens: a list would only push the text down.
MIN_SECTIONS = 4
# The Key points box (an `abstract` admonition) ends at the first </div> after it opens:
# it holds a title paragraph and a list, never a <div>.
_KEY_POINTS = re.compile(r'<div class="admonition abstract">.*?</div>', re.S)
_TITLE = re.compile(r"<h1\b.*?</h1>", re.S)


def contents_html(sections: Sequence[tuple[str, str]]) -> str:
    """The list, from (anchor, title) pairs; "" for a page with few sections."""
    if len(sections) < MIN_SECTIONS:
        return ""
    items = "".join(
        f'<li><a href="#{escape(anchor)}">{escape(title)}</a></li>' for anchor, title in sections
    )
    return (
        '<nav class="app-page-contents" aria-label="On this page" data-search-exclude>'
        f'<p class="app-page-contents__title">On this page</p><ul>{items}</ul></nav>'
    )


def insert_contents(html: str, contents: str) -> str:
    """After the Key points (key points come first), else after the title."""
    if not contents:
        return html
    anchor = _KEY_POINTS.search(html) or _TITLE.search(html)
    if anchor is None:
        return contents + html
    return html[: anchor.end()] + contents + html[anchor.end() :]
