"""Screenshots of built pages at phone and desktop width, for a person to look at.

    python tests/tools/screenshots.py SITE_DIR OUT_DIR [PAGE ...]

Serves SITE_DIR on loopback, opens each page in headless Chromium (Debian's, driven by
Playwright) at 360 px and 1280 px wide, in light and dark mode, and writes full-page PNGs.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

WIDTHS = {"phone": (360, 780), "desktop": (1280, 900)}
DEFAULT_PAGES = ["", "blog/hip-internal-rotation-low-back-pain/", "treatments/"]
# Without these, Chromium tries Google's services and waits on this closed network.
CHROMIUM_ARGS = ["--disable-background-networking", "--disable-component-update", "--no-first-run"]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    sys.exit("Chromium not found: install it with `apt-get install -y chromium`.")


def serve(site_dir: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site_dir))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(site_dir: Path, out_dir: Path, pages: list[str]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    server = serve(site_dir)
    base = f"http://127.0.0.1:{server.server_port}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
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
