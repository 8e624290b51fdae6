"""Dark mode that follows the reader's device, with no script.

Material switches schemes with a palette toggle whose script restyles the whole page on every
load (two full style recalculations, the largest part of the page's main-thread time on a
phone). Instead the site has one palette and this module re-aims the theme's dark-scheme rules
("slate"), and the site's own, at the default scheme inside `prefers-color-scheme: dark`. The
rules are read from the installed theme at build time, so a theme upgrade carries through.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import tinycss2

DARK_SCHEME = re.compile(r"""\[data-md-color-scheme=(["']?)slate\1\]""")
DEFAULT_SCHEME = "[data-md-color-scheme=default]"
MEDIA = "screen and (prefers-color-scheme: dark)"  # print stays light


def _styles_dark_scheme(selector: str) -> bool:
    # `:not(slate)` selectors style the light scheme, and the theme's named primary colours
    # are unused (the site's own colours are in site.css): both are left out.
    return bool(DARK_SCHEME.search(selector)) and ":not(" not in selector and "-primary=" not in selector


def _dark_rules(nodes: list) -> list[str]:
    """The rules among `nodes` that style the dark scheme, re-aimed at the default scheme;
    rules nested in an at-rule (such as `@media screen`) keep their wrapper."""
    found: list[str] = []
    for node in nodes:
        if node.type == "qualified-rule":
            selectors = [s.strip() for s in tinycss2.serialize(node.prelude).split(",")]
            dark = [DARK_SCHEME.sub(DEFAULT_SCHEME, s) for s in selectors if _styles_dark_scheme(s)]
            if dark:
                found.append(f"{','.join(dark)}{{{tinycss2.serialize(node.content).strip()}}}")
        elif node.type == "at-rule" and node.content is not None:
            inner = _dark_rules(tinycss2.parse_blocks_contents(node.content, skip_comments=True,
                                                               skip_whitespace=True))
            if inner:
                found.append(f"@{node.at_keyword} {tinycss2.serialize(node.prelude).strip()}{{{''.join(inner)}}}")
    return found


def dark_mode_css(stylesheets: Iterable[str]) -> str:
    """One `@media (prefers-color-scheme: dark)` block holding every dark-scheme rule found in
    `stylesheets` (CSS texts, in cascade order), applied to the default scheme."""
    rules: list[str] = []
    for text in stylesheets:
        rules += _dark_rules(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True))
    return f"@media {MEDIA}{{{''.join(rules)}}}" if rules else ""
