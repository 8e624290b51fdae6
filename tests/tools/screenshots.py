"""Screenshots of built pages at phone and desktop width, for a person to look at.

    python tests/tools/screenshots.py SITE_DIR OUT_DIR [PAGE ...]

Serves SITE_DIR on loopback, opens each page in headless Chromium (Debian's, driven by
Playwright) at 360 px and 1280 px wide, in light and dark mode, and writes full-page PNGs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(
    0, str(Path(__file__).resolve().parents[2])
)  # the project root, when run as a script
from tests.tools.browser import ChromiumNotFound, launch
from tests.tools.static_server import serve

WIDTHS = {"phone": (360, 780), "desktop": (1280, 900)}
DEFAULT_PAGES = ["", "blog/hip-internal-rotation-low-back-pain/", "treatments/"]


def main(site_dir: Path, out_dir: Path, pages: list[str]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    server = serve(site_dir)
    base = f"http://127.0.0.1:{server.server_port}/"
    with sync_playwright() as playwright:
        try:
            browser = launch(playwright)
        except ChromiumNotFound as missing:
            sys.exit(str(missing))
        for scheme in ("light", "dark"):
            for label, (width, height) in WIDTHS.items():
                context = browser.new_context(
                    viewport={"width": width, "height": height}, color_scheme=scheme
                )
                page = context.new_page()
                for path in pages:
                    page.goto(base + path, wait_until="networkidle")
                    name = (path.strip("/").replace("/", "_") or "home") + f"-{label}-{scheme}.png"
                    page.screenshot(path=out_dir / name, full_page=True)
                    print(out_dir / name)
                context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:] or DEFAULT_PAGES)
