"""The project as a build sees it: what to copy for a standalone build, and the environment
MkDocs runs in. Shared by the test fixtures (conftest.py) and the benchmark (bench.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Everything a build reads; the copy must stand alone, like a fresh clone.
PROJECT_PARTS = ["mkdocs.yml", "macros.py", "engine", "docs", "data", "overrides"]
# Quiet the MkDocs 2 / Material maintenance banners, as the Makefile does.
MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination
