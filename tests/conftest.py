"""Shared fixtures: the real site built once per session, and throwaway copies to break."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# Everything a build reads; the copy must stand alone, like a fresh clone.
PROJECT_PARTS = ["mkdocs.yml", "macros.py", "engine", "docs", "data", "overrides"]


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def build(project_dir: Path, site_dir: Path) -> BuildResult:
    """`mkdocs build --strict`, as `make build` runs it, in a separate process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    process = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return BuildResult(process.returncode, process.stdout + process.stderr, site_dir)


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


@cache
def real_site() -> BuildResult:
    """The real project, built once per test session (collection uses it to list pages)."""
    import tempfile

    site_dir = Path(tempfile.mkdtemp(prefix="rfhw-site-")) / "site"
    result = build(ROOT, site_dir)
    if not result.ok:
        raise RuntimeError(f"the site does not build:\n{result.output}")
    return result


def built_pages() -> list[Path]:
    """Every HTML page of the built site, as paths relative to the site folder."""
    site_dir = real_site().site_dir
    return sorted(path.relative_to(site_dir) for path in site_dir.rglob("*.html"))


@pytest.fixture(scope="session")
def site_dir() -> Path:
    return real_site().site_dir


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
