"""Dark mode follows the device setting with CSS only: no palette toggle, no palette script, and
the theme's dark-scheme rules carried into site.css at build."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.dark_mode import dark_mode_css
from hooks.theme import DARK_SCHEME
from tests.tools.pages import soup

THEME_LIKE = """
[data-md-color-scheme=slate]{--md-default-bg-color:#1e2129;color-scheme:dark}
[data-md-color-primary=lime]:not([data-md-color-scheme=slate]){--x:1}
@media screen{[data-md-color-scheme=slate][data-md-color-primary=pink]{--y:2}
  [data-md-color-scheme=slate] img[src$="#only-light"]{display:none}}
.md-header{color:red}
"""


@pytest.mark.unit
def test_dark_rules_are_re_aimed_at_the_default_scheme_inside_the_media_query():
    css = dark_mode_css([THEME_LIKE, '[data-md-color-scheme="slate"] .app-x{--z:3}'], DARK_SCHEME)
    assert css.startswith("@media screen and (prefers-color-scheme: dark){")
    assert "[data-md-color-scheme=default]{--md-default-bg-color:#1e2129;color-scheme:dark}" in css
    assert (
        '@media screen{[data-md-color-scheme=default] img[src$="#only-light"]{display:none}}' in css
    )
    assert "[data-md-color-scheme=default] .app-x{--z:3}" in css  # the site's own dark rules too
    assert "slate" not in css


@pytest.mark.unit
def test_light_only_and_unrelated_rules_are_left_out():
    css = dark_mode_css([THEME_LIKE], DARK_SCHEME)
    assert "lime" not in css and "pink" not in css and ".md-header" not in css


@pytest.mark.unit
def test_no_dark_rules_gives_nothing():
    # Negative control: the build treats an empty result as a theme change and stops.
    assert dark_mode_css([".md-header{color:red}"], DARK_SCHEME) == ""


@pytest.mark.build
def test_built_stylesheet_carries_dark_mode(site_dir: Path):
    css = (site_dir / "assets/stylesheets/site.css").read_text(encoding="utf-8")
    assert "@media screen and (prefers-color-scheme:dark){" in css  # minified
    assert "color-scheme:dark" in css  # the theme's own slate variables came through


@pytest.mark.build
def test_pages_have_no_palette_toggle_or_palette_stylesheet(site_dir: Path):
    page = soup(site_dir / "conditions/sciatica/index.html")
    assert page.select('[data-md-component="palette"]') == []
    assert [
        link["href"] for link in page.select('link[rel="stylesheet"]') if "palette." in link["href"]
    ] == []


# --- the guards for a theme change (code review B1: they raised TypeError, not their message) ---


def test_a_missing_palette_stylesheet_is_named(tmp_path: Path):
    from engine.assets import add_dark_mode
    from engine.errors import ContentError
    from hooks.theme import PALETTE_GLOB

    (tmp_path / "site.css").write_text(".x{}", encoding="utf-8")
    with pytest.raises(ContentError, match="palette stylesheet is missing"):
        add_dark_mode(tmp_path, "site.css", PALETTE_GLOB, DARK_SCHEME)


def test_a_palette_without_dark_rules_is_named(tmp_path: Path):
    from engine.assets import add_dark_mode
    from engine.errors import ContentError
    from hooks.theme import PALETTE_GLOB

    palette = tmp_path / "assets/stylesheets/palette.0123abcd.min.css"
    palette.parent.mkdir(parents=True)
    palette.write_text(".md-header{color:red}", encoding="utf-8")
    (tmp_path / "site.css").write_text(".x{}", encoding="utf-8")
    with pytest.raises(ContentError, match="has no rules for the dark scheme 'slate'"):
        add_dark_mode(tmp_path, "site.css", PALETTE_GLOB, DARK_SCHEME)
