"""Building the site in tests: `build()` runs `mkdocs build --strict` as `make build` does, in a
separate process; `real_site()` is the real project built once per test session."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tests.tools.project import MKDOCS_ENV, ROOT


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
        check=False,  # a failed build is a result: tests of bad input expect one
    )
    return BuildResult(process.returncode, process.stdout + process.stderr, site_dir)


@cache
def real_site() -> BuildResult:
    """The real project, built once per test session, on first use (the `site_dir` fixture)."""
    site_dir = Path(tempfile.mkdtemp(prefix="rfhw-site-")) / "site"
    result = build(ROOT, site_dir)
    if not result.ok:
        raise RuntimeError(f"the site does not build:\n{result.output}")
    return result


def was_built() -> bool:
    return real_site.cache_info().currsize > 0
