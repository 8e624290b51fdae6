"""Building the site in tests: `build()` runs `mkdocs build --strict` as `make build` does, in a
separate process; `real_site()` is the real project built once per test run, shared by the
run's pytest-xdist workers (`make test-fast` runs two)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from filelock import FileLock

from tests.tools.project import MKDOCS_ENV, ROOT

# Set by conftest.py in the process that starts the run; xdist workers inherit it.
RUN_DIR_VARIABLE = "RFHW_TEST_RUN_DIR"


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


def run_dir() -> Path:
    """A folder for this test run, the same for all its workers."""
    if RUN_DIR_VARIABLE not in os.environ:
        os.environ[RUN_DIR_VARIABLE] = tempfile.mkdtemp(prefix="rfhw-run-")
    return Path(os.environ[RUN_DIR_VARIABLE])


@cache
def real_site() -> BuildResult:
    """The real project, built on first use (the `site_dir` fixture) by whichever worker asks
    first; the others wait for it. It builds in the project folder, so two builds at once
    would race on its `.cache`: the lock makes it one."""
    folder = run_dir()
    site_dir, log = folder / "site", folder / "site-build.log"
    with FileLock(folder / "site-build.lock"):
        if not log.is_file():
            result = build(ROOT, site_dir)
            if not result.ok:
                raise RuntimeError(f"the site does not build:\n{result.output}")
            log.write_text(result.output, encoding="utf-8")
    return BuildResult(0, log.read_text(encoding="utf-8"), site_dir)


def was_built() -> bool:
    return (run_dir() / "site-build.log").is_file()
