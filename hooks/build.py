"""What one build learns as it goes, shared by the hooks and the macros.

MkDocs loads each hook file on its own, so they meet here: `content.on_config` starts a
`Build`, each page gets a fresh `PageState`, and `hosting.on_post_build` reads what the
pages left behind. `mkdocs serve` starts a new `Build` on every rebuild."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import ParamSpec, TypeVar

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from engine.citations import PageCitations
from engine.data import SiteData
from engine.errors import ContentError
from engine.held_html import HeldHtml
from engine.models import Exercise, PageFrontMatter
from engine.seo import PageFacts

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class PageState:
    """What the macros and hooks learn about the page being built."""

    page: Page
    source: str  # docs/..., as authors know it
    text: str  # the page's file, front matter included
    citations: PageCitations
    front_matter: PageFrontMatter | None = None
    tables: int = 0


@dataclass
class Build:
    site: SiteData
    glossary: dict[str, str]
    project_dir: Path
    held: HeldHtml = field(default_factory=HeldHtml)
    published: dict[str, PageFacts] = field(default_factory=dict)  # source -> facts
    page: PageState | None = None
    shown_exercises: set[str] = field(default_factory=set)  # ids, each on its record's page

    @property
    def qr_cache(self) -> Path:
        return self.project_dir / ".cache" / "qr"

    @property
    def templates_cache(self) -> Path:
        return self.project_dir / ".cache" / "macros"

    def start_page(self, page: Page) -> PageState:
        source = f"docs/{page.file.src_uri}"
        self.page = PageState(
            page=page,
            source=source,
            text=page.file.content_string,
            citations=PageCitations(self.site.references, hold=self.hold),
        )
        return self.page

    def show_exercise(self, exercise: Exercise) -> None:
        """An exercise appears once, on the page its record names (data/exercises.yml)."""
        source = self.current_page.source
        if source != f"docs/{exercise.page}":
            raise ContentError(
                source, f"exercise '{exercise.id}' belongs on docs/{exercise.page} (its `page`)"
            )
        if exercise.id in self.shown_exercises:
            raise ContentError(source, f"shows exercise '{exercise.id}' twice")
        self.shown_exercises.add(exercise.id)

    def hold(self, html: str) -> str:
        """Finished HTML from a macro, kept out of Markdown and search until the page is done."""
        return self.held.hold(html, self.current_page.source)

    @property
    def current_page(self) -> PageState:
        if self.page is None:
            raise RuntimeError("no page is being built")
        return self.page


_builds: list[Build] = []  # the current build last; one per `mkdocs serve` rebuild


def start(build: Build) -> Build:
    _builds[:] = [build]
    return build


def current() -> Build:
    if not _builds:
        raise RuntimeError("the build has not started: is hooks/content.py in mkdocs.yml's hooks?")
    return _builds[-1]


def stops_the_build(event: Callable[P, R]) -> Callable[P, R]:
    """Bad content becomes MkDocs' own build error: one line naming the file, no traceback."""

    @functools.wraps(event)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return event(*args, **kwargs)
        except ContentError as error:
            raise PluginError(str(error)) from None

    return wrapper
