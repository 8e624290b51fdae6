"""Hosting: what a host needs beside the pages, once every plugin has written its files.

Security headers with the CSP hashes of every inline script (read from the finished site,
redirect stubs included), the site's stylesheet with dark mode and minified, robots.txt and
llms.txt; unused cache files pruned. Site-wide checks (unique titles, every held fragment
restored) run first.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # engine/, hooks.*

from engine import assets, hosting
from engine.errors import ContentError
from engine.front_matter import check_unique
from engine.page_templates import remove_unused_page_templates
from engine.sharing import remove_unused_qr_codes
from engine.site_files import llms_txt, robots_txt
from hooks import build, theme
from hooks.build import stops_the_build
from macros import MINIFIED_SCRIPTS

SITE_STYLESHEET = "assets/stylesheets/site.css"


@stops_the_build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fails before the build, not after it, when dark mode would have nowhere to go."""
    if SITE_STYLESHEET not in _stylesheets(config):
        raise ContentError(
            "mkdocs.yml", f"extra_css must list {SITE_STYLESHEET}: dark mode is added to it"
        )
    return config


@event_priority(-100)  # last: after redirects writes its stubs, whose scripts the CSP hashes
@stops_the_build
def on_post_build(config: MkDocsConfig) -> None:
    current = build.current()
    site_dir = Path(config.site_dir)
    check_unique(current.published)
    current.held.check_all_restored()
    pages = [path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.html"))]
    hosting.write_hosting_files(site_dir, pages, theme.FINGERPRINTED)
    assets.add_dark_mode(site_dir, SITE_STYLESHEET, theme.PALETTE_GLOB, theme.DARK_SCHEME)
    assets.minify_stylesheets(site_dir, _stylesheets(config))
    assets.minify_scripts(site_dir, list(MINIFIED_SCRIPTS))
    (site_dir / "robots.txt").write_text(robots_txt(config.site_url or ""), encoding="utf-8")
    articles = [
        f for f in current.published.values() if f.front_matter and not f.url.endswith("/blog/")
    ]
    summary = (config.site_description or "").strip()
    (site_dir / "llms.txt").write_text(
        llms_txt(config.site_name, summary, articles, _nav_sections(config)), encoding="utf-8"
    )
    remove_unused_page_templates(current.templates_cache)
    remove_unused_qr_codes(current.qr_cache)


def _nav_sections(config: MkDocsConfig) -> list[str]:
    """The navigation's top-level sections in order, "" first for the pages at its top."""
    entries = [entry for entry in config.nav or [] if isinstance(entry, dict)]
    return ["", *(title for e in entries for title, value in e.items() if isinstance(value, list))]


def _stylesheets(config: MkDocsConfig) -> list[str]:
    return [str(css) for css in config.extra_css]
