"""Links from the page being built to another file in docs/."""

from __future__ import annotations

import posixpath

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url


def markdown_link(page: Page, docs_path: str) -> str:
    """A Markdown link target to docs/`docs_path` (MkDocs checks and rewrites it, as it does
    an author's own links)."""
    return posixpath.relpath(docs_path, posixpath.dirname(page.file.src_uri) or ".")


def url_from_page(page: Page, docs_path: str) -> str:
    """The URL of docs/`docs_path` relative to the page being built, for finished HTML."""
    use_directory_urls = page.file.use_directory_urls
    target = File(docs_path, "", "", use_directory_urls)
    return get_relative_url(target.url, page.url)
