"""The installed Material for MkDocs against hooks/theme.py, the one list of theme internals the
site relies on. When an upgrade moves one, this file fails and says what to re-check."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest

from hooks import theme
from macros import PLAN_SCRIPT
from tests.tools.pages import EXERCISE_PAGES, soup
from tests.tools.project import ROOT

MATERIAL = Path(material.__file__).parent / "templates"


def template(name: str) -> str:
    return (MATERIAL / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("edit", theme.BLOCK_EDITS, ids=lambda e: f"{e.override}:{e.markup}")
def test_each_block_edit_still_finds_its_markup(edit: theme.BlockEdit):
    assert edit.markup in template(edit.upstream), (
        f"material/templates/{edit.upstream} no longer has {edit.markup!r}: the replacement in "
        f"overrides/{edit.override} ({edit.why}) now does nothing; check the theme's new markup"
    )
    assert (ROOT / "overrides" / edit.override).is_file()


def test_no_material_template_is_copied_whole():
    """Overrides extend Material's templates; a file with an upstream's name would replace it."""
    copies = [
        path.relative_to(ROOT / "overrides").as_posix()
        for path in (ROOT / "overrides").rglob("*.html")
        if (MATERIAL / path.relative_to(ROOT / "overrides")).is_file()
        # Material's main.html is an empty extension point and its 404.html one heading: the
        # site's versions replace them; neither is a copy.
        and path.name not in {"main.html", "404.html"}
    ]
    assert copies == []


@pytest.mark.parametrize(("upstream", "variant"), theme.TEMPLATE_VARIANTS.items())
def test_each_template_variant_extends_its_upstream(upstream: str, variant: str):
    assert (MATERIAL / upstream).is_file()
    text = (ROOT / "overrides" / variant).read_text(encoding="utf-8")
    assert f'{{% extends "{upstream}" %}}' in text


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


def bundle_source(name: str) -> str:
    """The original TypeScript of one module of Material's bundle, from its source map."""
    source_map = next((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js.map"))
    data = json.loads(source_map.read_text(encoding="utf-8"))
    for path, text in zip(data["sources"], data["sourcesContent"], strict=True):
        if path.endswith(name):
            return str(text)
    raise AssertionError(f"no {name} in Material's bundle: check hooks/theme.py's search section")


def test_search_results_keep_the_markup_the_tests_and_styles_read():
    bundle = next((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(
        encoding="utf-8"
    )
    for name in (theme.SEARCH_RESULT_ITEM, theme.SEARCH_RESULT_LINK, theme.SEARCH_RESULT_MISSING):
        assert name.lstrip(".") in bundle, name
    assert "new Worker(" in bundle  # the test counts messages by wrapping Worker
    dialog = template("partials/search.html")
    assert theme.SEARCH_QUERY.strip("[]").replace("=", '="') + '"' in dialog
    assert f'class="{theme.SEARCH_RESULT_COUNT.lstrip(".")}"' in dialog
    stylesheet = next((MATERIAL / "assets" / "stylesheets").glob("main.*.min.css"))
    assert theme.SEARCH_RESULT_TEXT_RULE in stylesheet.read_text(encoding="utf-8")


def test_search_worker_messages_keep_their_order():
    source = bundle_source("integrations/search/worker/message/index.ts")
    members = re.search(r"enum SearchMessageType \{(.*?)\}", source, re.DOTALL)[1]
    assert tuple(re.findall(r"^\s*([A-Z]+),?", members, re.MULTILINE)) == theme.SEARCH_MESSAGE_TYPES


def test_search_plugin_still_reads_exclude_and_boost_from_front_matter():
    from material.plugins.search import plugin

    source = Path(plugin.__file__).read_text(encoding="utf-8")
    for read in theme.SEARCH_FRONT_MATTER_READS:
        assert read in source, f"the search plugin no longer reads {read}: see docs' `search:`"


def test_material_styles_and_wraps_only_tables_without_a_class():
    """The comparison tables keep out of Material's table styles and scrolling box by having a
    class: if the theme starts to reach tables with a class, they would clip again."""
    assets = MATERIAL / "assets"
    bundle = next((assets / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    css = next((assets / "stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    assert theme.PLAIN_TABLE_SELECTOR in bundle and "md-typeset__scrollwrap" in bundle
    assert f".md-typeset {theme.PLAIN_TABLE_SELECTOR}{{display:inline-block" in css


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
        # Every script deferred, the theme's included; the one exception is the plan view's own,
        # which must run where it stands (tests/test_site_build.py says why).
        undeferred = re.findall(r'<script src="([^"]+)"', text)
        allowed = [PLAN_SCRIPT] if html == site_dir / "plan/view/index.html" else []
        assert [u for u in undeferred if not any(u.endswith(a) for a in allowed)] == [], html
        assert "<script defer src=" in text, html
        assert 'role="dialog" aria-label="Search"' in text and "autocorrect" not in text, html


@pytest.mark.build
def test_block_edits_take_hold_on_blog_pages(site_dir: Path):
    post = soup(site_dir / "blog/sciatica-usually-gets-better/index.html")
    sidebar_navs = post.select(".md-sidebar--post nav")
    assert sidebar_navs and all(nav.get("aria-label") for nav in sidebar_navs)
    for view in ["blog/index.html", "blog/archive/2026/index.html"]:
        page = soup(site_dir / view)
        assert page.select(".md-post__action") and not page.select("nav.md-post__action"), view


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


@pytest.mark.parametrize("upstream", theme.ARTICLE_TEMPLATES)
def test_pages_are_still_written_in_the_article_print_css_expects(upstream: str):
    assert theme.ARTICLE_MARKUP in template(upstream), (
        f"material/templates/{upstream} no longer writes {theme.ARTICLE_MARKUP!r}: check the "
        "'Print exercises' rules in site.css (they keep some children of that article)"
    )


@pytest.mark.build
def test_exercises_sit_directly_in_the_article(site_dir: Path):
    for name in EXERCISE_PAGES:
        sections = soup(site_dir / name / "index.html").select("section.app-exercise")
        assert sections, name
        for section in sections:
            assert "md-content__inner" in section.parent.get("class", []), name
