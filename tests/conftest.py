"""Shared fixtures: the real site built once per session, and throwaway copies to break."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.tools.project import MKDOCS_ENV, ROOT, copy_project  # noqa: F401 (ROOT: for tests)


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def build(project_dir: Path, site_dir: Path, **env: str) -> BuildResult:
    """`mkdocs build --strict`, as `make build` runs it, in a separate process; `env` adds
    environment variables (SITE_URL=...)."""
    process = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project_dir,
        env={**MKDOCS_ENV, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    return BuildResult(process.returncode, process.stdout + process.stderr, site_dir)


@cache
def real_site() -> BuildResult:
    """The real project, built once per test session (collection uses it to list pages)."""
    import tempfile

    site_dir = Path(tempfile.mkdtemp(prefix="rfhw-site-")) / "site"
    result = build(ROOT, site_dir)
    if not result.ok:
        raise RuntimeError(f"the site does not build:\n{result.output}")
    return result


def is_redirect_stub(path: Path) -> bool:
    """mkdocs-redirects' placeholder for an old address: not a page a reader stays on."""
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:1000]


def built_pages() -> list[Path]:
    """Every HTML page of the built site (redirect stubs aside), relative to the site folder."""
    site_dir = real_site().site_dir
    return sorted(
        path.relative_to(site_dir) for path in site_dir.rglob("*.html") if not is_redirect_stub(path)
    )


@pytest.fixture(scope="session")
def site_dir() -> Path:
    return real_site().site_dir


# Pages that carry the "Stop and get help" box, and must list precautions or cautions.
EXERCISE_PAGES = ["exercises/hip-rotation", "exercises/core-control"]
TREATMENT_PAGES = [
    "treatments/mckenzie-method",
    "treatments/dynamic-neuromuscular-stabilization",
    "treatments/spinal-manipulation",
    "treatments/soft-tissue-therapy",
    "treatments/corrective-exercise",
]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of data/ (and docs/, which treatment pages point into) to break."""
    import shutil

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path / "data"


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A fresh copy of the project to edit and build; a test may break it freely."""
    return copy_project(tmp_path / "project")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Tests that take `page` run once per built page, named by its path.
    if "page" in metafunc.fixturenames:
        pages = built_pages()
        metafunc.parametrize("page", pages, ids=[str(p) for p in pages])


# Measurements tests want shown after the run (Lighthouse medians, load burst), by section.
MEASURED: dict[str, list[str]] = {}


def report(section: str, line: str) -> None:
    MEASURED.setdefault(section, []).append(line)


def pytest_terminal_summary(terminalreporter) -> None:
    """After the run: what the tests measured, and the reading level of every page (the
    budget is checked by tests, SMOG only reported)."""
    for section, lines in MEASURED.items():
        terminalreporter.section(section)
        for line in lines:
            terminalreporter.write_line(f"  {line}")
    if real_site.cache_info().currsize == 0:
        return
    from tests.tools.readability import page_readability

    site_dir = real_site().site_dir
    terminalreporter.section("reading level of built pages (Flesch-Kincaid grade, SMOG)")
    for path in sorted(site_dir.rglob("index.html")):
        result = page_readability(path)
        if result.words >= 100:
            name = str(path.parent.relative_to(site_dir)) or "(home)"
            terminalreporter.write_line(
                f"  {name:55} FK {result.flesch_kincaid_grade:4.1f}  SMOG {result.smog_grade:4.1f}"
                f"  ({result.words} words)"
            )


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
    import yaml

    docs = ROOT / "docs"
    pages = []
    for source in sorted(docs.rglob("*.md")):
        relative = source.relative_to(docs)
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


# --- a real browser ----------------------------------------------------------------------------------

CHROMIUM_ARGS = [
    # Without these Chromium calls Google's services at start-up, which this site must not do.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    import shutil as _shutil

    if configured := os.environ.get("CHROMIUM_PATH"):  # e.g. Google Chrome on GitHub's runners
        return configured
    for name in ("chromium", "chromium-browser"):
        if found := _shutil.which(name):
            return found
    pytest.fail(
        "Chromium is needed for the browser checks: install it with `apt-get install -y chromium` "
        "(Debian's package; .ci/run does this).",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def site_url(site_dir: Path):
    """The built site served on loopback, as a static host would."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def compressed_site_url(site_dir: Path):
    """The built site behind a gzip-compressing server with cache headers, as a host serves it."""
    from tests.tools.static_server import serve

    server = serve(site_dir)
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def node_tool(relative: str) -> Path:
    """A file from the pinned Node tools (package.json); fails with how to install them."""
    path = ROOT / "node_modules" / relative
    if not path.exists():
        pytest.fail(
            f"{path.relative_to(ROOT)} is missing: install the pinned Node tools with `npm ci` "
            "(`make test` does this when Node.js and npm are installed).",
            pytrace=False,
        )
    return path
