"""Finish: each page's final HTML, in memory, as MkDocs writes it.

Blog pages render with the site's variants of their templates (hooks/theme.py). The macros'
held HTML goes back in, Material's markup gets its repairs, images their sizes and glossary
terms their one explanation. MkDocs writes each page once, and `mkdocs serve`
runs the same code as `mkdocs build`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # engine/, hooks.*

from engine.citations import point_excerpt_citations_to_posts
from engine.glossary import explain_terms_once
from engine.images import size_images
from engine.models import ArticleFrontMatter
from engine.seo import complete_link_preview
from hooks import build
from hooks.build import stops_the_build
from hooks.theme import fix_html, use_template_variant


@event_priority(-50)  # after the blog plugin has given its pages their templates
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    use_template_variant(page)
    return html


@event_priority(-50)  # after any plugin that edits the page's HTML
@stops_the_build
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    facts = build.current().published.get(f"docs/{page.file.src_uri}")
    if facts is not None:
        is_article = isinstance(facts.front_matter, ArticleFrontMatter) or facts.is_blog_post
        output = complete_link_preview(
            output, title=facts.title, site_name=config.site_name, is_article=is_article
        )
    return finish(output, page.file.dest_uri, config)


@stops_the_build
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Pages that come from a template alone (404.html); sitemap.xml is not HTML."""
    if not template_name.endswith(".html"):
        return output_content
    return finish(output_content, template_name, config)


def finish(html: str, dest_uri: str, config: MkDocsConfig) -> str:
    html = build.current().held.restore(html, f"site/{dest_uri}")
    html = fix_html(html, is_blog_page=dest_uri.startswith("blog/"))
    html = point_excerpt_citations_to_posts(html)
    html = size_images(html, url_path(dest_uri), Path(config.site_dir))
    return explain_terms_once(html)


def url_path(dest_uri: str) -> str:
    """'/conditions/sciatica/' for conditions/sciatica/index.html, '/' for 404.html."""
    folder = Path(dest_uri).parent.as_posix().strip(".")
    return f"/{folder}/".replace("//", "/")
