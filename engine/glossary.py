"""The glossary: one file of `*[term]: meaning` lines (Python-Markdown's `abbr` syntax).

Its terms go to the abbr extension's `glossary` option, so each term gets a tooltip wherever
it appears, and the same terms render the glossary page: one source for both.
"""

from __future__ import annotations

import re
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


_ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.DOTALL)


def explain_terms_once(html: str) -> str:
    """Keeps the tooltip on a term's first use in a page and drops it from the repeats, as
    style guides explain a term once (WCAG 3.1.4 asks no more); repeats only add weight."""
    seen: set[str] = set()

    def first_only(match: re.Match[str]) -> str:
        title, term = match.group(1), match.group(2)
        if title in seen:
            return term
        seen.add(title)
        return match.group(0)

    return _ABBR.sub(first_only, html)
