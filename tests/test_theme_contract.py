"""The installed Material for MkDocs against hooks/theme.py, the one list of theme internals the
site relies on. When an upgrade moves one, this file fails and says what to re-check."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import material
import pytest

from hooks import theme
from tests.tools.pages import soup
from tests.tools.project import ROOT

MATERIAL = Path(material.__file__).parent / "templates"


def template(name: str) -> str:
    return (MATERIAL / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("copy", theme.COPIED_TEMPLATES, ids=lambda c: c.override)
def test_each_copied_template_still_matches_its_upstream(copy: theme.CopiedTemplate):
    installed = hashlib.sha256((MATERIAL / copy.upstream).read_bytes()).hexdigest()
    assert installed == copy.sha256, (
        f"material/templates/{copy.upstream} changed upstream: re-merge overrides/{copy.override} "
        f"({copy.why}), or drop the copy if the theme now does it; then update its hash in "
        "hooks/theme.py"
    )
    assert (ROOT / "overrides" / copy.override).is_file()


@pytest.mark.parametrize("fix", theme.THEME_FIXES, ids=lambda f: f.name)
def test_each_theme_fix_is_still_needed(fix: theme.ThemeFix):
    assert fix.marker in template(fix.template), (
        f"material/templates/{fix.template} no longer has {fix.marker!r}: "
        f"the '{fix.name}' repair in hooks/theme.py ({fix.why}) may be obsolete: "
        "check and remove it"
    )


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        (
            '<label class="md-nav__link" for="a" tabindex="">',
            '<label class="md-nav__link" for="a">',
        ),
        (
            '<input type="checkbox" id="__drawer" autocomplete="off">',
            '<input type="checkbox" id="__drawer">',
        ),
        ('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">'),
        ('<link rel="alternate" type="application/rss+xml" href="feed.xml">\n<p>', "<p>"),
    ],
)
def test_each_theme_fix_repairs_its_markup(broken: str, fixed: str):
    assert theme.fix_html(broken, is_blog_page=False) == fixed


def test_theme_fixes_leave_good_markup_alone():
    # Negative control: markup the theme got right passes through unchanged.
    good = '<label tabindex="0"></label><input type="text" autocomplete="off"><input id="__toc">'
    good += (
        '<label class="md-nav__title" for="__toc"><link rel="alternate" type="application/rss+xml">'
    )
    assert theme.fix_html(good, is_blog_page=True) == good


def test_the_palette_stylesheet_and_its_dark_scheme():
    palettes = sorted((MATERIAL).glob(theme.PALETTE_GLOB))
    assert palettes, (
        f"no {theme.PALETTE_GLOB} in the theme: dark mode (engine/dark_mode.py) needs it"
    )
    css = palettes[0].read_text(encoding="utf-8")
    assert f"[data-md-color-scheme={theme.DARK_SCHEME}]" in css
    assert theme.PALETTE_LINK_MARK in template("base.html")


def test_fingerprinted_assets_keep_their_naming():
    assets = [p.name for p in (MATERIAL / "assets").rglob("*.min.*") if p.suffix in {".css", ".js"}]
    assert assets and all(
        theme.FINGERPRINTED.search(name) for name in assets if name.startswith(("main.", "bundle."))
    )


def test_search_still_fetches_the_index_the_lazy_loader_holds_back():
    bundle = next((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(
        encoding="utf-8"
    )
    assert "search_index.json" in bundle and "XMLHttpRequest" in bundle
    loader = (ROOT / "overrides/partials/lazy-search-index.html").read_text(encoding="utf-8")
    assert re.escape(theme.SEARCH_INDEX_URL).replace("/", "\\/") in loader


def test_the_scripts_block_still_writes_plain_script_tags():
    assert theme.SCRIPT_TAG in template("base.html"), "overrides/main.html defers `<script src=`"


def test_the_social_plugin_keeps_its_cards_dir_and_font_cache():
    from material.plugins.social.config import SocialConfig

    assert SocialConfig.cards_dir.default == "assets/images/social"
    assert all((theme.BUNDLED_FONTS / name).is_file() for name in theme.CARD_FONT_FILES.values())


# --- on the built site: the block overrides still take hold -------------------------------------


@pytest.mark.build
def test_block_overrides_take_hold_on_every_page(site_dir: Path):
    for html in sorted(site_dir.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        if "md-header" not in text:
            continue  # redirect stubs
        assert re.search(
            r'<link rel="stylesheet" href="[^"]*assets/stylesheets/main\.[0-9a-f]{8}\.min\.css"',
            text,
        ), html
        assert theme.PALETTE_LINK_MARK not in text, html
        assert "<script src=" not in text and "<script defer src=" in text, html


@pytest.mark.build
def test_every_card_named_in_structured_data_exists(site_dir: Path):
    """M9 of the code review: the JSON-LD image follows the social plugin's naming rule."""
    for html in sorted(site_dir.rglob("index.html")):
        script = soup(html).find("script", type="application/ld+json")
        if script is None:
            continue
        graph = json.loads(script.string)["@graph"]
        images = [
            node["image"]
            for node in graph
            if isinstance(node.get("image"), str) and "/social/" in node["image"]
        ]
        for image in images:
            path = site_dir / image.split("://", 1)[1].split("/", 1)[1]
            assert path.is_file(), f"{html}: {image}"
