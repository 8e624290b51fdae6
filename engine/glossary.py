"""The glossary: one file of `*[term]: meaning` lines (Python-Markdown's `abbr` syntax).

Its terms go to the abbr extension's `glossary` option, which marks each term wherever it
appears; `explain_terms_once` then turns a term's first use in a page's running text into a
button that opens its meaning by tap, click or keyboard. The same terms render the glossary
page: one source for both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path

from engine.errors import ContentError

_ENTRY = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<meaning>\S.*)$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _without_comments(text: str) -> str:
    # Keep the line breaks inside comments, so error messages point at the right line.
    return _COMMENT.sub(lambda match: "\n" * match.group(0).count("\n"), text)


GLOSSARY_FILE = "_snippets/glossary.md"  # in docs/


def read_site_glossary(docs_dir: Path) -> dict[str, str]:
    """The site's glossary, docs/_snippets/glossary.md; errors name it as authors know it."""
    return read_glossary(docs_dir / GLOSSARY_FILE, f"docs/{GLOSSARY_FILE}")


def read_glossary(path: Path, source: str) -> dict[str, str]:
    """Term -> meaning; a line that is neither an entry, a comment nor blank is an error."""
    entries: dict[str, str] = {}
    text = _without_comments(path.read_text(encoding="utf-8"))
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _ENTRY.match(line)
        if not match:
            raise ContentError(source, f"line {number} is not a `*[term]: meaning` entry: {line!r}")
        term = match["term"]
        if term in entries:
            raise ContentError(source, f"line {number}: '{term}' is defined twice")
        entries[term] = match["meaning"]
    return entries


def glossary_markdown(entries: dict[str, str]) -> str:
    """A definition list, A to Z."""
    return "\n\n".join(
        f"{term}\n:   {meaning}"
        for term, meaning in sorted(entries.items(), key=lambda e: e[0].lower())
    )


# Where a term stays plain words; its first use elsewhere gets the explanation.
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "title"}
_CONTROLS = {"a", "button", "label", "summary", "select", "textarea"}  # no control in a control
_LABELS = {"th", "caption", "figcaption", "dt"}  # of tables, figures and definition lists
_FRAME = {"header", "nav", "footer"}  # the page's, and an article's own header
PLAIN_INSIDE = frozenset(_HEADINGS | _CONTROLS | _LABELS | _FRAME)
# The urgent-care boxes (engine/red_flags.py) keep data/red_flags.yml's words as signed off,
# with no control among the signs.
PLAIN_CLASSES = frozenset({"app-urgent"})

TERM_ID_PREFIX = "app-term-"  # and the term, as letters, digits and hyphens
_NOT_IN_ID = re.compile(r"[^a-z0-9]+")

# One pass over the page: abbr's marks, and every tag so as to know what a mark sits inside.
# Comments and the text of script, style and pre are skipped whole: no tag in them counts.
_TOKEN = re.compile(
    r'<abbr title="(?P<meaning>[^"]*)">(?P<term>.*?)</abbr>'
    r"|<!--.*?-->"
    r"|<(?P<raw>script|style|pre)\b.*?</(?P=raw)\s*>"
    r"""|<(?P<end>/?)(?P<tag>[a-zA-Z][a-zA-Z0-9-]*)(?P<attributes>(?:[^>"']|"[^"]*"|'[^']*')*)>""",
    re.DOTALL | re.IGNORECASE,
)
_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


def explain_terms_once(html: str) -> str:
    """Each glossary term's first use in running text becomes a button that opens its meaning
    (`explained_term`); its other uses, and uses in places `PLAIN_INSIDE` lists, stay plain
    words. Style guides explain a term once (WCAG 3.1.4 asks no more); repeats add weight."""
    plain = _PlainElements()
    explained: set[str] = set()
    ids: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        if match["tag"]:
            plain.see(match["tag"].lower(), match["attributes"], closing=bool(match["end"]))
            return match.group(0)
        if match["term"] is None:  # a comment or raw text
            return match.group(0)
        term = match["term"]
        key = unescape(term).strip().lower()
        if plain.inside or key in explained:
            return term
        explained.add(key)
        return explained_term(term, unescape(match["meaning"]), _unique_id(key, ids))

    return _TOKEN.sub(replace, html)


def explained_term(term_html: str, meaning: str, element_id: str) -> str:
    """The term as a button that opens its meaning in a popover (HTML's own: the browser
    toggles it on tap, click, Enter or Space, closes it on Escape or a tap elsewhere, and tells
    assistive technology whether it is open), so it needs no script. A browser without
    popovers shows the meaning after the term, in brackets (site.css)."""
    return (
        f'<button type="button" class="app-term" popovertarget="{element_id}">{term_html}</button>'
        f'<span class="app-term__meaning" id="{element_id}" popover>'
        f"{escape(meaning, quote=False)}</span>"
    )


@dataclass
class _OpenElement:
    name: str
    depth: int  # elements of this name open since it began, itself included


class _PlainElements:
    """The plain elements (`PLAIN_INSIDE`, `PLAIN_CLASSES`) the scan is inside: each stays
    open until its own end tag, counted among the elements of its name."""

    def __init__(self) -> None:
        self._open: list[_OpenElement] = []

    @property
    def inside(self) -> bool:
        return bool(self._open)

    def see(self, tag: str, attributes: str, *, closing: bool) -> None:
        for element in self._open:
            if element.name == tag:
                element.depth += -1 if closing else 1
        # A stray end tag closes nothing, and never hides the next real element.
        self._open = [element for element in self._open if element.depth > 0]
        if not closing and _starts_plain(tag, attributes):
            self._open.append(_OpenElement(tag, 1))


def _starts_plain(tag: str, attributes: str) -> bool:
    if tag in PLAIN_INSIDE:
        return True
    found = _CLASS.search(attributes)
    classes = next((value for value in found.groups() if value), "") if found else ""
    return not PLAIN_CLASSES.isdisjoint(classes.split())


def _unique_id(key: str, taken: set[str]) -> str:
    base = TERM_ID_PREFIX + (_NOT_IN_ID.sub("-", key).strip("-") or "term")
    element_id, number = base, 1
    while element_id in taken:
        number += 1
        element_id = f"{base}-{number}"
    taken.add(element_id)
    return element_id
