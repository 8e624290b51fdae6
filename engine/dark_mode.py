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
from typing import Any

import tinycss2

DEFAULT_SCHEME = "[data-md-color-scheme=default]"
MEDIA = "screen and (prefers-color-scheme: dark)"  # print stays light


def _scheme_selector(scheme: str) -> re.Pattern[str]:
    """[data-md-color-scheme=slate], quoted or not, for the theme's dark scheme's name."""
    return re.compile(rf"""\[data-md-color-scheme=(["']?){re.escape(scheme)}\1\]""")


def _styles_dark_scheme(selector: str, dark_scheme: re.Pattern[str]) -> bool:
    # `:not(slate)` selectors style the light scheme, and the theme's named primary colours
    # are unused (the site's own colours are in site.css): both are left out.
    return (
        bool(dark_scheme.search(selector))
        and ":not(" not in selector
        and "-primary=" not in selector
    )


def _dark_rules(nodes: list[Any], dark_scheme: re.Pattern[str]) -> list[str]:
    """The rules among `nodes` that style the dark scheme, re-aimed at the default scheme;
    rules nested in an at-rule (such as `@media screen`) keep their wrapper."""
    found: list[str] = []
    for node in nodes:
        if node.type == "qualified-rule":
            selectors = [s.strip() for s in tinycss2.serialize(node.prelude).split(",")]
            dark = [
                dark_scheme.sub(DEFAULT_SCHEME, s)
                for s in selectors
                if _styles_dark_scheme(s, dark_scheme)
            ]
            if dark:
                found.append(f"{','.join(dark)}{{{tinycss2.serialize(node.content).strip()}}}")
        elif node.type == "at-rule" and node.content is not None:
            inner = _dark_rules(
                tinycss2.parse_blocks_contents(
                    node.content, skip_comments=True, skip_whitespace=True
                ),
                dark_scheme,
            )
            if inner:
                prelude = tinycss2.serialize(node.prelude).strip()
                found.append(f"@{node.at_keyword} {prelude}{{{''.join(inner)}}}")
    return found


def dark_mode_css(stylesheets: Iterable[str], scheme: str) -> str:
    """One `@media (prefers-color-scheme: dark)` block holding every rule for the theme's dark
    `scheme` found in `stylesheets` (CSS texts, in cascade order), applied to the default
    scheme."""
    dark_scheme = _scheme_selector(scheme)
    rules: list[str] = []
    for text in stylesheets:
        rules += _dark_rules(
            tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True), dark_scheme
        )
    return f"@media {MEDIA}{{{''.join(rules)}}}" if rules else ""
