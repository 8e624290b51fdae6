"""Numbered citations on a page and the reference list that goes with them."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from engine.errors import UnknownKeyError
from engine.models import Reference


class PageCitations:
    """Numbers references in the order a page first cites them; one instance per page."""

    def __init__(self, references: dict[str, Reference], hold: Callable[[str], str] = str) -> None:
        """`hold` takes finished HTML and returns what the page's Markdown gets in its place
        (engine.held_html); by default the HTML itself."""
        self._references = references
        self._cited: list[str] = []
        self._hold = hold

    @property
    def cited(self) -> list[str]:
        return list(self._cited)

    def cite(self, *keys: str) -> str:
        """`<sup>` links to the reference list: cite("a") -> 1, cite("a", "b") -> 1,2.
        New keys are numbered in the order written; the links go in ascending order, as
        Vancouver style prints a group ("1,2", never "2,1")."""
        if not keys:
            raise ValueError("cite() needs at least one reference key")
        numbered = sorted((self._number(key), key) for key in keys)
        links = ",".join(self._link(number, key) for number, key in numbered)
        return self._hold(f'<sup class="app-cite">{links}</sup>')

    def reference_list_markdown(self) -> str:
        """The page's "References" section, or "" when the page cites nothing."""
        if not self._cited:
            return ""
        items = "\n".join(
            f'<li id="ref-{key}">{format_reference(self._references[key])}</li>'
            for key in self._cited
        )
        # Closed until asked for (a citation followed opens it: assets/javascripts/
        # site.js), so the page does not end in screens of author lists; out of the
        # search index, where those lists would match every search.
        count = len(self._cited)
        summary = "Show the source" if count == 1 else f"Show all {count} sources"
        listing = self._hold(
            '<details class="app-references-box" data-search-exclude>'
            f"<summary>{summary}</summary>\n"
            f'<ol class="app-references">\n{items}\n</ol></details>'
        )
        return f"## References {{ #references data-search-exclude }}\n\n{listing}\n"

    def _link(self, number: int, key: str) -> str:
        return f'<a href="#ref-{key}" aria-label="Reference {number}">{number}</a>'

    def _number(self, key: str) -> int:
        if key not in self._references:
            raise UnknownKeyError("reference key", key, sorted(self._references))
        if key not in self._cited:
            self._cited.append(key)
        return self._cited.index(key) + 1


def format_reference(ref: Reference) -> str:
    """Vancouver style, as medical journals and PubMed print it, then links to the source."""
    parts = [f"{escape(ref.authors)}.", f"{escape(ref.title)}."]
    if ref.journal:
        parts.append(f"<i>{escape(ref.journal)}</i>.")
    parts.append(_year_volume_pages(ref))
    return " ".join(parts) + " " + " · ".join(_source_links(ref))


def _year_volume_pages(ref: Reference) -> str:
    text = str(ref.year)
    if ref.volume:
        text += f";{ref.volume}"
        if ref.issue:
            text += f"({ref.issue})"
    if ref.pages:
        text += f":{ref.pages}"
    return escape(text) + "."


def _source_links(ref: Reference) -> list[str]:
    links = []
    if ref.doi:
        links.append(f'<a href="https://doi.org/{escape(ref.doi)}">doi:{escape(ref.doi)}</a>')
    if ref.pmid:
        links.append(f'<a href="https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/">PubMed {ref.pmid}</a>')
    if ref.url and not links:
        links.append(f'<a href="{escape(str(ref.url))}">{escape(str(ref.url))}</a>')
    return links


# --- citations in blog excerpts ---------------------------------------------------------------

_EXCERPT = re.compile(r'(<article class="md-post md-post--excerpt">)(.*?)(</article>)', re.S)
_POST_LINK = re.compile(r'href="(?!#|category/|archive/)([^"]+)"')


def point_excerpt_citations_to_posts(html: str) -> str:
    """A blog index shows each post's opening with its citation numbers, but the sources
    are listed on the post: "#ref-x" would lead nowhere, so it leads to "<post>#ref-x"."""
    return _EXCERPT.sub(_repoint, html)


def _repoint(match: re.Match[str]) -> str:
    start, body, end = match.groups()
    post = _POST_LINK.search(body)
    if post is None:
        return match[0]
    return start + body.replace('href="#ref-', f'href="{post[1]}#ref-') + end
