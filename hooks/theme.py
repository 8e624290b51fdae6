"""Every Material for MkDocs and plugin internal this site relies on, named in one place.

Material 9.8 is in maintenance until 2027-05-05; an upgrade, or a port to Zensical, starts
here. `tests/test_theme_contract.py` checks the installed theme against each item below, so
an upgrade that moves one fails loudly in that one test, with a list of what to re-check.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any, NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# --- Material's built files ------------------------------------------------------------------

# The palette stylesheet the `styles` block links (overrides/main.html leaves it out; its dark
# scheme rules are lifted into site.css by engine/dark_mode.py).
PALETTE_GLOB = "assets/stylesheets/palette.*.min.css"
PALETTE_LINK_MARK = "assets/stylesheets/palette."
# The scheme name Material gives dark mode in those rules: [data-md-color-scheme=slate].
DARK_SCHEME = "slate"
# Material's fingerprinted assets (main.57a0d79d.min.css): safe to cache for a year.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:css|js)$")
# What Material's search fetches on the main thread (overrides/partials/lazy-search-index.html
# delays it until a reader starts to search).
SEARCH_INDEX_URL = "search/search_index.json"
# The `scripts` block's tags, which overrides/main.html defers.
SCRIPT_TAG = "<script src="
# The article Material writes a page (and a blog post) in: the page's HTML and the `content`
# block's partials are its direct children. site.css's "Print exercises" handout prints only
# some of those children (`.md-content__inner > :not(...)`), so it relies on this nesting.
ARTICLE_MARKUP = '<article class="md-content__inner md-typeset">'
ARTICLE_TEMPLATES = ["base.html", "blog-post.html"]

# --- search ----------------------------------------------------------------------------------
# What tests/test_search.py and site.css's "Search results" section rely on in Material's search.

# The search box, a result (one per page) and its first link, as the bundle renders them.
SEARCH_QUERY = "[data-md-component=search-query]"
SEARCH_RESULT_ITEM = ".md-search-result__item"
SEARCH_RESULT_LINK = ".md-search-result__link"
# The result count above the list (in partials/search.html) and a result's "Missing: word"
# line (in the bundle): site.css gives both its quieter colour.
SEARCH_RESULT_COUNT = ".md-search-result__meta"
SEARCH_RESULT_MISSING = ".md-search-result__terms"
# The theme's rule for a result's text, which site.css's own rule of the same weight overrides.
SEARCH_RESULT_TEXT_RULE = ".md-search-result .md-typeset{"
# The page and the search worker (`new Worker`) exchange messages whose `type` is the place of
# its name in Material's SearchMessageType: the test counts queries sent and results received.
SEARCH_MESSAGE_TYPES = ("SETUP", "READY", "QUERY", "RESULT")
# Front matter the search plugin reads: `search: exclude: true` and `search: boost: N`.
SEARCH_FRONT_MATTER_READS = ('search.get("exclude")', '"boost" in search')

# Material styles a Markdown table (inline-block, its own border, scrolling) and its script
# wraps it in a scrolling box, but only a table without a class: the comparison tables have
# one (engine/tables.py), so site.css alone lays them out (browser review M1, M2 and m10).
PLAIN_TABLE_SELECTOR = "table:not([class])"

# --- block overrides that edit Material's markup -----------------------------------------------
# No template is copied whole. Where Material has no finer block, an override takes the whole
# block's output from super() and replaces one piece of markup; each piece is listed here, and
# tests/test_theme_contract.py checks it is still in the upstream template (or the replacement
# would silently do nothing).


class BlockEdit(NamedTuple):
    override: str  # in overrides/
    upstream: str  # the Material template whose markup it edits
    markup: str  # what it replaces, as Material writes it
    why: str


BLOCK_EDITS = [
    BlockEdit(
        "main.html",
        "partials/search.html",
        'data-md-component="search" role="dialog">',
        "the search dialog gets an accessible name",
    ),
    BlockEdit(
        "main.html",
        "partials/search.html",
        'autocorrect="off"',
        "autocorrect is not a standard attribute (Nu checker)",
    ),
    BlockEdit(
        "blog-post-landmarks.html",
        "blog-post.html",
        '<nav class="md-nav md-nav--primary">',
        "the post sidebar's navigation is named, apart from the site's (axe landmark-unique)",
    ),
    BlockEdit(
        "blog-post-landmarks.html",
        "blog-post.html",
        '<nav class="md-nav">',
        "the post's metadata and related links are named landmarks (axe landmark-unique)",
    ),
    BlockEdit(
        "blog-post-landmarks.html",
        "blog-post.html",
        'lang.t("blog.meta")',
        "the post sidebar's heading reads Post details, not the developer word Metadata",
    ),
    BlockEdit(
        "blog-index.html",
        "partials/post.html",
        '<nav class="md-post__action">',
        "each excerpt's Continue reading link is not one more unnamed landmark",
    ),
]

# The blog plugin gives its pages these templates; the site renders them with its variants,
# which extend the originals (a page's own `template:` front matter is left alone).
TEMPLATE_VARIANTS = {
    "blog-post.html": "blog-post-landmarks.html",
    "blog.html": "blog-index.html",
}


def use_template_variant(page: Page) -> None:
    template = page.meta.get("template")
    if template in TEMPLATE_VARIANTS:
        page.meta["template"] = TEMPLATE_VARIANTS[template]


# --- repairs to the HTML Material writes, where no block override reaches -------------------


class ThemeFix(NamedTuple):
    name: str
    template: str  # the Material template whose markup it repairs
    marker: str  # text in that template that shows the repair is still needed
    why: str


THEME_FIXES = [
    ThemeFix(
        "empty-tabindex",
        "partials/nav-item.html",
        'tabindex="{{ tabindex }}"',
        'navigation section labels get tabindex="", which is not a number (Nu checker)',
    ),
    ThemeFix(
        "checkbox-autocomplete",
        "base.html",
        'type="checkbox" id="__drawer" autocomplete="off"',
        "autocomplete is only allowed on text-like inputs (Nu checker)",
    ),
    ThemeFix(
        "toc-label",
        "partials/toc.html",
        '<label class="md-nav__title" for="__toc">',
        "on pages without the __toc checkbox (blog posts) the label is for nothing (Nu checker)",
    ),
    ThemeFix(
        "feed-links",
        "base.html",
        '<link rel="alternate" type="application/rss+xml"',
        "Material reads every alternate link as a translation and fetches its sitemap, "
        "twice per page: the feed links stay on blog pages only",
    ),
]

_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?) tabindex=""')
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'
# The space after the tag, not before it: a leading \s* is retried at every blank of the
# page's indentation, which made this one pattern most of the post-build time.
_FEED_LINK = re.compile(r'<link rel="alternate" type="application/rss\+xml"[^>]*>\s*')


def fix_html(html: str, is_blog_page: bool = True) -> str:
    """The repairs in THEME_FIXES; each does nothing once the theme is fixed."""
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = html.replace(_TOC_LABEL, '<label class="md-nav__title">')
    if not is_blog_page:
        html = _FEED_LINK.sub("", html)
    return html


# --- plugins: social cards, blog, RSS -------------------------------------------------------

CARD_FONT_FAMILY = "Roboto"
# The social plugin looks a style up by file name: "<cache>/fonts/<family>/<style>.ttf".
CARD_FONT_FILES = {"Regular": "Roboto-Regular.ttf", "Bold": "Roboto-Bold.ttf"}
BUNDLED_FONTS = Path(__file__).resolve().parent.parent / "engine" / "fonts"
# Where the blog plugin puts its generated archive pages.
BLOG_ARCHIVE_PREFIX = "blog/archive/"


def social_plugin(config: MkDocsConfig) -> Any | None:
    plugin = config.plugins.get("material/social") or config.plugins.get("social")
    return plugin if plugin is not None and plugin.config.enabled else None


def seed_card_fonts(config: MkDocsConfig) -> None:
    """The social plugin downloads its font from Google Fonts the first time; put the
    bundled font in its cache first, so the build never goes online."""
    plugin = social_plugin(config)
    if plugin is None:
        return
    cache = Path(plugin.config.cache_dir)
    if not cache.is_absolute():
        cache = Path(config.config_file_path).parent / cache
    target = cache / "fonts" / CARD_FONT_FAMILY
    target.mkdir(parents=True, exist_ok=True)
    for style, file_name in CARD_FONT_FILES.items():
        destination = target / f"{style}.ttf"
        if not destination.exists():
            shutil.copyfile(BUNDLED_FONTS / file_name, destination)


def card_path(page: Page, config: MkDocsConfig) -> str:
    """Where the social plugin writes this page's card (its own naming rule, under its
    `cards_dir`)."""
    plugin = social_plugin(config)
    cards_dir = plugin.config.cards_dir if plugin is not None else "assets/images/social"
    suffix = "/index.html" if config.use_directory_urls and not page.is_index else ".html"
    return f"{cards_dir}/" + page.file.dest_uri.replace(suffix, ".png")


def set_feed_logo(config: MkDocsConfig, logo_url: str) -> None:
    """The RSS plugin reads `image` in its on_config: content.on_config runs before it."""
    if "rss" in config.plugins:
        config.plugins["rss"].config.image = logo_url
