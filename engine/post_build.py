"""One pass over the built HTML: each page is read once, repaired, and written back only if it
changed. The transforms themselves live with their subject (theme_fixes, images, glossary)."""

from __future__ import annotations

from pathlib import Path

from engine.glossary import explain_terms_once
from engine.held_html import HeldHtml
from engine.images import size_images
from engine.theme_fixes import fix_html


def page_url_path(site_dir: Path, path: Path) -> str:
    """'/conditions/sciatica/' for site/conditions/sciatica/index.html, '/' for the home page."""
    folder = path.relative_to(site_dir).parent.as_posix().strip(".")
    return f"/{folder}/".replace("//", "/")


def rewrite_pages(site_dir: Path, held: HeldHtml) -> list[str]:
    """The macros' held HTML put back, theme repairs, image sizes, glossary terms explained
    once; returns the final HTML of every page, for what reads the pages after (the CSP's
    script hashes)."""
    pages = []
    for path in site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        relative = path.relative_to(site_dir)
        is_blog_page = relative.parts[0] == "blog"
        page = held.restore(html, f"site/{relative.as_posix()}")
        fixed = explain_terms_once(size_images(fix_html(page, is_blog_page), page_url_path(site_dir, path), site_dir))
        if fixed != html:
            path.write_text(fixed, encoding="utf-8")
        pages.append(fixed)
    return pages
