"""Shared fixtures: the real site built once per session (on first use, never at collection),
throwaway project copies to break, the site on loopback and a real browser. Helpers live in
tests/tools/ and are imported from there (`from tests.tools.pages import ...`), never from here.

Every test has one tier marker (registered in pyproject.toml): `unit` (no build), `build` (the
built site or a project copy), `browser` (Chromium, axe, the Nu HTML Checker), `lighthouse`,
`hosting` (nginx, wrk). `make test-fast` runs unit and build; `make test` runs everything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.tools.building import real_site, run_dir, was_built
from tests.tools.measured import measured
from tests.tools.pages import site_pages
from tests.tools.project import BUILD_CACHE, ROOT, copy_project

# --- the run's folder ----------------------------------------------------------------------------


def pytest_configure(config: pytest.Config) -> None:
    """The folder is made here, in the process that starts the run, before any pytest-xdist
    worker: the workers inherit its name from the environment and share the built site."""
    run_dir()


def pytest_unconfigure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):  # the main process, after the summary
        shutil.rmtree(run_dir(), ignore_errors=True)


# --- tiers ---------------------------------------------------------------------------------------

TIERS = {"unit", "build", "browser", "lighthouse", "hosting"}
BUILD_FIXTURES = {"site_dir", "project_copy", "build_cache", "site_url", "compressed_site_url"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test without a tier marker gets the one its fixtures imply; a test marked `unit` that
    needs a build or a browser, or a browser test not marked so, stops the run."""
    heavy = BUILD_FIXTURES | {"browser"}
    wrong = []
    for item in items:
        tiers = {mark.name for mark in item.iter_markers() if mark.name in TIERS}
        fixtures = set(getattr(item, "fixturenames", ()))
        if not tiers:
            item.add_marker(
                "browser"
                if "browser" in fixtures
                else "build"
                if fixtures & BUILD_FIXTURES
                else "unit"
            )
        elif "unit" in tiers and (len(tiers) > 1 or fixtures & heavy):
            wrong.append(f"{item.nodeid}: marked unit, but needs {sorted(fixtures & heavy)}")
        elif "browser" in fixtures and not tiers & {"browser", "lighthouse"}:
            wrong.append(f"{item.nodeid}: uses the browser but is not marked browser")
    if wrong:
        raise pytest.UsageError("tier markers do not match the fixtures:\n  " + "\n  ".join(wrong))


# --- the site, built once ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def site_dir() -> Path:
    return real_site().site_dir


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Tests that take `page` run once per page the build writes, named by its path. The list
    # comes from the source (tests/tools/pages.py), so collecting builds nothing.
    if "page" in metafunc.fixturenames:
        pages = site_pages()
        metafunc.parametrize("page", pages, ids=[str(p) for p in pages])


# --- throwaway copies ----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def build_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project's build cache (social cards above all, compiled page templates, QR
    codes), made once: copied into every project copy, so a copy's build draws only the cards
    of the pages a test changed. Taken from the project's own `.cache` (`make build`,
    `make serve` and the real-site build fill it)."""
    real_site()  # builds in the project folder, which fills its cache; never copy mid-build
    seed = tmp_path_factory.mktemp("build-cache") / ".cache"
    # A snapshot: a `make serve` running beside the tests may write to the project's own.
    shutil.copytree(ROOT / BUILD_CACHE, seed)
    return seed


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of data/ (and docs/, which treatment pages point into) to break."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path / "data"


@pytest.fixture
def project_copy(tmp_path: Path, build_cache: Path) -> Path:
    """A fresh copy of the project to edit and build, its social cards already drawn (its
    build cache seeded); a test may break it freely."""
    return copy_project(tmp_path / "project", build_cache=build_cache)


# --- after the run -------------------------------------------------------------------------------


def pytest_terminal_summary(terminalreporter) -> None:
    """After the run: what the tests measured, and the reading level of every page (the
    budget is checked by tests, SMOG only reported)."""
    for section, lines in measured().items():
        terminalreporter.section(section)
        for line in lines:
            terminalreporter.write_line(f"  {line}")
    if not was_built():
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


# --- the site on loopback, and a real browser ----------------------------------------------------


@pytest.fixture(scope="session")
def site_url(site_dir: Path):
    """The built site served on loopback, uncompressed."""
    from tests.tools.static_server import serve

    server = serve(site_dir, compress=False)
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def compressed_site_url(site_dir: Path):
    """The built site behind a gzip-compressing server with cache headers, as a host serves it."""
    from tests.tools.static_server import serve

    server = serve(site_dir)
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def chromium() -> str:
    """The Chromium executable (Lighthouse starts it itself); fails with how to install it."""
    from tests.tools.browser import ChromiumNotFound, chromium_path

    try:
        return chromium_path()
    except ChromiumNotFound as missing:
        pytest.fail(str(missing), pytrace=False)


@pytest.fixture(scope="session")
def browser(chromium: str):
    from playwright.sync_api import sync_playwright

    from tests.tools.browser import launch

    with sync_playwright() as playwright:
        running = launch(playwright, chromium)
        yield running
        running.close()
