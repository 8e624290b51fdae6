"""The project as a build sees it: what to copy for a standalone build, the address it is built
for, and the environment MkDocs runs in. Shared by the test fixtures and the benchmark."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Everything a build reads; the copy must stand alone, like a fresh clone. (hooks/ is skipped
# while it does not exist yet.)
PROJECT_PARTS = ["mkdocs.yml", "macros.py", "hooks", "engine", "docs", "data", "overrides"]
# The development address (mkdocs.yml's default for `site_url`; a unit test keeps the two equal).
# Tests build for it and read it from here, so `SITE_URL=... make test` tests the same site.
SITE_URL = "https://www.riverforesthealth.example/"
# Quiet the MkDocs 2 / Material maintenance banners, as the Makefile does; pin the address.
MKDOCS_ENV = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "DISABLE_MKDOCS_2_WARNING": "true",
    "SITE_URL": SITE_URL,
}
# What builds keep between runs: social cards (and their font) in plugin/social, compiled
# page templates, QR codes. Each entry is keyed by what it was made from, so a copy seeded
# with them still redraws or recompiles whatever a test changed.
BUILD_CACHE = Path(".cache")
CARD_CACHE = BUILD_CACHE / "plugin" / "social"


def copy_project(destination: Path, build_cache: Path | None = None) -> Path:
    """A standalone copy of the project in `destination`. With `build_cache` (a `.cache`
    folder), the copy starts with it, so its build draws and compiles only what changed."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, destination / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        elif source.exists() or part != "hooks":
            shutil.copy2(source, destination / part)
    if build_cache is not None and build_cache.is_dir():
        shutil.copytree(build_cache, destination / BUILD_CACHE)
    return destination
