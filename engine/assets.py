"""The site's own stylesheets in the built site: dark mode added, minified. Readable in docs/,
light on the wire."""

from __future__ import annotations

from pathlib import Path

import rcssmin

from engine.dark_mode import dark_mode_css
from engine.errors import ContentError

THEME_PALETTE = "assets/stylesheets/palette.*.min.css"


def add_dark_mode(site_dir: Path, stylesheet: str) -> None:
    """Append to `stylesheet` the theme's and its own dark-scheme rules, keyed to the device's
    colour-scheme setting (see engine/dark_mode.py)."""
    palettes = sorted(site_dir.glob(THEME_PALETTE))
    if not palettes:
        raise ContentError(f"the theme's palette stylesheet ({THEME_PALETTE}) is missing from the "
                           "built site: dark mode cannot be generated. Has the theme changed?")
    path = site_dir / stylesheet
    own = path.read_text(encoding="utf-8")
    dark = dark_mode_css([palettes[0].read_text(encoding="utf-8"), own])
    if not dark:
        raise ContentError(f"{palettes[0].name} has no dark-scheme (slate) rules: dark mode cannot be generated.")
    path.write_text(f"{own}\n/* Dark mode, generated at build from the theme's palette and the rules above. */\n{dark}\n",
                    encoding="utf-8")


def minify_stylesheets(site_dir: Path, stylesheets: list[str]) -> None:
    for name in stylesheets:
        path = site_dir / name
        if path.suffix == ".css" and path.is_file():
            path.write_text(rcssmin.cssmin(path.read_text(encoding="utf-8")), encoding="utf-8")
