"""The site's own stylesheets, minified in the built site: readable in docs/, light on the wire."""

from __future__ import annotations

from pathlib import Path

import rcssmin


def minify_stylesheets(site_dir: Path, stylesheets: list[str]) -> None:
    for name in stylesheets:
        path = site_dir / name
        if path.suffix == ".css" and path.is_file():
            path.write_text(rcssmin.cssmin(path.read_text(encoding="utf-8")), encoding="utf-8")
