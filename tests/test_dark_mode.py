"""Dark mode follows the device setting with CSS only: no palette toggle, no palette script, and
the theme's dark-scheme rules carried into site.css at build."""

from __future__ import annotations

from pathlib import Path

from conftest import soup
from engine.dark_mode import dark_mode_css

THEME_LIKE = """
[data-md-color-scheme=slate]{--md-default-bg-color:#1e2129;color-scheme:dark}
[data-md-color-primary=lime]:not([data-md-color-scheme=slate]){--x:1}
@media screen{[data-md-color-scheme=slate][data-md-color-primary=pink]{--y:2}
  [data-md-color-scheme=slate] img[src$="#only-light"]{display:none}}
.md-header{color:red}
"""


def test_dark_rules_are_re_aimed_at_the_default_scheme_inside_the_media_query():
    css = dark_mode_css([THEME_LIKE, '[data-md-color-scheme="slate"] .app-x{--z:3}'])
    assert css.startswith("@media screen and (prefers-color-scheme: dark){")
    assert "[data-md-color-scheme=default]{--md-default-bg-color:#1e2129;color-scheme:dark}" in css
    assert '@media screen{[data-md-color-scheme=default] img[src$="#only-light"]{display:none}}' in css
    assert "[data-md-color-scheme=default] .app-x{--z:3}" in css  # the site's own dark rules too
    assert "slate" not in css


def test_light_only_and_unrelated_rules_are_left_out():
    css = dark_mode_css([THEME_LIKE])
    assert "lime" not in css and "pink" not in css and ".md-header" not in css


def test_no_dark_rules_gives_nothing():
    # Negative control: the build treats an empty result as a theme change and stops.
    assert dark_mode_css([".md-header{color:red}"]) == ""


def test_built_stylesheet_carries_dark_mode(site_dir: Path):
    css = (site_dir / "assets/stylesheets/site.css").read_text(encoding="utf-8")
    assert "@media screen and (prefers-color-scheme:dark){" in css  # minified
    assert "color-scheme:dark" in css  # the theme's own slate variables came through


def test_pages_have_no_palette_toggle_or_palette_stylesheet(site_dir: Path):
    page = soup(site_dir / "conditions/sciatica/index.html")
    assert page.select('[data-md-component="palette"]') == []
    assert [link["href"] for link in page.select('link[rel="stylesheet"]') if "palette." in link["href"]] == []
