"""The one way tests and tools start Chromium: Debian's package (or CHROMIUM_PATH), with the
flags that keep it from calling Google's services, which this site must not do."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.tools.project import ROOT

CHROMIUM_ARGS = [
    # Without these Chromium calls Google's services at start-up, and waits on a closed network.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
INSTALL_HINT = "install it with `apt-get install -y chromium` (Debian's package; .ci/run does this)"


class ChromiumNotFound(RuntimeError):
    pass


def chromium_path() -> str:
    """CHROMIUM_PATH if set (e.g. Google Chrome on GitHub's runners), else the first on PATH."""
    if configured := os.environ.get("CHROMIUM_PATH"):
        return configured
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    raise ChromiumNotFound(f"Chromium is needed for the browser checks: {INSTALL_HINT}.")


def launch(playwright, executable: str | None = None):
    """Headless Chromium through Playwright, with the flags above."""
    return playwright.chromium.launch(
        executable_path=executable or chromium_path(), args=CHROMIUM_ARGS
    )


def node_tool(relative: str) -> Path:
    """A file from the pinned Node tools (package.json: axe-core, the Nu HTML Checker,
    Lighthouse); fails the test with how to install them."""
    path = ROOT / "node_modules" / relative
    if not path.exists():
        import pytest

        pytest.fail(
            f"{path.relative_to(ROOT)} is missing: install the pinned Node tools with `npm ci` "
            "(`make test` does this when Node.js and npm are installed).",
            pytrace=False,
        )
    return path
