"""Pages and their paths, one way everywhere: a page's name is its URL path without slashes
("conditions/sciatica", "" for home); its address is the URL path relative to the site root
("conditions/sciatica/", "" for home); its file is where the build writes it.

`site_pages()` lists every HTML page a build writes, from the source alone (docs/ and the blog
plugin's settings in mkdocs.yml), so tests can be parametrised without building the site.
`html_pages(site_dir)` lists them from a built site; a build test keeps the two equal."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from tests.tools.project import ROOT

DOCS = ROOT / "docs"
# Pages that carry the "Stop and get help" box, and must list precautions or cautions.
# Every exercise page in docs/exercises/ (each shows exercises from data/exercises.yml).
EXERCISE_PAGES = sorted(
    f"exercises/{path.stem}" for path in (DOCS / "exercises").glob("*.md") if path.stem != "index"
)
TREATMENT_PAGES = [
    "treatments/mckenzie-method",
    "treatments/dynamic-neuromuscular-stabilization",
    "treatments/spinal-manipulation",
    "treatments/soft-tissue-therapy",
    "treatments/corrective-exercise",
]


def soup(path: Path) -> BeautifulSoup:
    """The HTML file parsed afresh: the caller may change it."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@lru_cache(maxsize=128)
def read_page(path: Path) -> BeautifulSoup:
    """The HTML file parsed once and shared between tests: read it, never change it (take
    `soup()` for a copy to change). Most page checks only read, and parsing is most of
    their time."""
    return soup(path)


def ids_on(path: Path) -> frozenset[str]:
    """Every `id` in the HTML file (the anchors a link can point at)."""
    return frozenset(str(element["id"]) for element in read_page(path).find_all(id=True))


def address_of(name: str) -> str:
    """The URL path of page `name` from the site root: "conditions/sciatica/", "" for home."""
    return f"{name}/" if name else ""


def page_file(site_dir: Path, name: str) -> Path:
    """The built HTML file of page `name`."""
    return site_dir / name / "index.html"


def name_of(site_dir: Path, path: Path) -> str:
    """The name of the page built into `path` (an index.html file of the site)."""
    relative = path.parent.relative_to(site_dir).as_posix()
    return "" if relative == "." else relative


def address_of_file(relative: Path | str) -> str:
    """The URL path a static host serves `relative` (a site file) at: index.html → its folder."""
    return str(relative).removesuffix("index.html")


# --- pages written in docs/ ----------------------------------------------------------------------


@dataclass(frozen=True)
class DocPage:
    source: Path  # the Markdown file
    meta: dict  # its front matter
    name: str  # its URL path: "conditions/sciatica", "blog/some-post", "" for home

    @property
    def built(self) -> Path:
        """The built HTML file, relative to the site folder."""
        return Path(self.name) / "index.html"

    @property
    def is_article(self) -> bool:
        return self.meta.get("page_type", "article") == "article"


def doc_pages() -> list[DocPage]:
    """Every page written in docs/ (snippets excluded), with its front matter and URL path."""
    pages = []
    for source in sorted(DOCS.rglob("*.md")):
        relative = source.relative_to(DOCS)
        if relative.parts[0] == "_snippets":
            continue
        meta = yaml.safe_load(source.read_text(encoding="utf-8").split("---")[1])
        if relative.parts[:2] == ("blog", "posts"):
            name = f"blog/{meta['slug']}"
        elif relative.name == "index.md":
            name = "" if relative.parent == Path(".") else str(relative.parent)
        else:
            name = str(relative.with_suffix(""))
        pages.append(DocPage(source, meta, name))
    return pages


# --- pages the build generates -------------------------------------------------------------------


def blog_settings() -> dict:
    """The blog plugin's options in mkdocs.yml."""
    from mkdocs.utils.yaml import yaml_load

    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "blog" in plugin:
            return plugin["blog"] or {}
    return {}


def slug(text: str) -> str:
    """Material's default slug for a category (Python-Markdown's toc slugify)."""
    return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", text).strip().lower())


def _listing(folder: str, posts: int, per_page: int) -> list[str]:
    """A blog listing's page and its pagination pages (page/2/, ...)."""
    return [folder] + [f"{folder}/page/{n}" for n in range(2, math.ceil(posts / per_page) + 1)]


def generated_page_names() -> list[str]:
    """The pages the blog plugin writes beside the posts: archive and category listings and
    their pagination (Material's defaults unless mkdocs.yml sets them)."""
    settings = blog_settings()
    blog = settings.get("blog_dir", "blog").strip("/")
    per_page = settings.get("post_per_page", 10)
    posts = [doc.meta for doc in doc_pages() if doc.source.parent == DOCS / blog / "posts"]
    names = _listing(blog, len(posts), per_page)[1:]  # the index itself is in docs/
    if settings.get("archive", True):
        years: dict[int, int] = {}
        for post in posts:
            created = post["date"]["created"] if isinstance(post["date"], dict) else post["date"]
            years[created.year] = years.get(created.year, 0) + 1
        for year, count in sorted(years.items()):
            names += _listing(
                f"{blog}/archive/{year}",
                count,
                settings.get("archive_pagination_per_page", per_page),
            )
    if settings.get("categories", True):
        counts: dict[str, int] = {}
        for post in posts:
            for category in post.get("categories", []):
                counts[slug(category)] = counts.get(slug(category), 0) + 1
        for category, count in sorted(counts.items()):
            names += _listing(
                f"{blog}/category/{category}",
                count,
                settings.get("categories_pagination_per_page", per_page),
            )
    return names


@cache
def _site_pages() -> tuple[Path, ...]:
    names = [doc.name for doc in doc_pages()] + generated_page_names()
    return tuple(sorted([Path("404.html"), *(Path(name) / "index.html" for name in names)]))


def site_pages() -> list[Path]:
    """Every HTML page the build writes (redirect stubs aside), relative to the site folder,
    listed from the source: no build needed."""
    return list(_site_pages())


# --- pages of a built site -----------------------------------------------------------------------


def is_redirect_stub(path: Path) -> bool:
    """mkdocs-redirects' placeholder for an old address: not a page a reader stays on."""
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:1000]


def html_pages(site_dir: Path) -> list[Path]:
    """Every HTML page of a built site (redirect stubs aside), relative to the site folder."""
    return sorted(
        path.relative_to(site_dir)
        for path in site_dir.rglob("*.html")
        if not is_redirect_stub(path)
    )


def built_page_files(site_dir: Path) -> list[Path]:
    """Every built page that has an address: index.html files that are not redirect stubs
    (so not the 404 page), as absolute paths."""
    return [site_dir / path for path in html_pages(site_dir) if path.name == "index.html"]
