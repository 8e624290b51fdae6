"""HTML that the macros build whole is held out of the Markdown and put back in the built page.

Citations, reference lists, the share and print blocks and the repeated comparison tables are
finished HTML. Left in the Markdown, Python-Markdown parses every tag of them again and the
search plugin reads them only to leave them out. A marker comment costs neither: Markdown
keeps it as it is and search skips comments. Python-Markdown's own htmlStash does the same
within one conversion; this does it across the build, so blog excerpts that copy a post's
markers get the same HTML back.
"""

from __future__ import annotations

import re

from engine.errors import ContentError

_MARKER = re.compile(r"<!--held-html-(\d+)-->")


class HeldHtml:
    """One build's held fragments; markers are numbered across the build, so one is never
    mistaken for another's."""

    def __init__(self) -> None:
        self._fragments: list[str] = []
        self._sources: list[str] = []  # the page each fragment came from, for error messages
        self._restored: set[int] = set()

    def hold(self, html: str, source: str) -> str:
        """Keeps `html` aside and returns the marker that stands in for it."""
        # A fragment may hold others (citations in a table): put those back now.
        self._fragments.append(self._put_back(html, source))
        self._sources.append(source)
        return f"<!--held-html-{len(self._fragments) - 1}-->"

    def restore(self, html: str, page: str) -> str:
        """`html` with every marker replaced by the fragment it stands for."""
        if "<!--held-html-" not in html:  # most pages' theme chrome, and pages without macros
            return html
        return self._put_back(html, page)

    def check_all_restored(self) -> None:
        """Every fragment reached a page: a marker lost on the way (a macro inside a heading's
        link text, an attribute or a code span) would silently drop a citation."""
        lost = [index for index in range(len(self._fragments)) if index not in self._restored]
        if lost:
            raise ContentError(
                self._sources[lost[0]],
                f"{len(lost)} macro output(s) did not reach the built page, for example "
                f"{self._fragments[lost[0]][:80]!r}: is a macro inside a heading, a link, "
                "an HTML attribute or a code span?",
            )

    def _put_back(self, html: str, page: str) -> str:
        def fragment(match: re.Match[str]) -> str:
            index = int(match.group(1))
            if index >= len(self._fragments):
                raise ContentError(page, f"{match.group(0)} is not a marker of this build")
            self._restored.add(index)
            return self._fragments[index]

        return _MARKER.sub(fragment, html)
