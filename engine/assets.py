"""The site's own stylesheets in the built site: dark mode added, minified. Readable in docs/,
light on the wire."""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

from engine.dark_mode import dark_mode_css
from engine.errors import ContentError


def add_dark_mode(site_dir: Path, stylesheet: str, palette_glob: str, scheme: str) -> None:
    """Append to `stylesheet` the theme's and its own rules for the dark `scheme`, keyed to
    the device's colour-scheme setting (see engine/dark_mode.py). `palette_glob` finds the
    theme's palette stylesheet in the built site."""
    palettes = sorted(site_dir.glob(palette_glob))
    if not palettes:
        raise ContentError(
            palette_glob,
            "the theme's palette stylesheet is missing from the built site, so dark mode cannot "
            "be generated. Has the theme changed? See hooks/theme.py",
        )
    path = site_dir / stylesheet
    own = path.read_text(encoding="utf-8")
    dark = dark_mode_css([palettes[0].read_text(encoding="utf-8"), own], scheme)
    if not dark:
        raise ContentError(
            palettes[0].name,
            f"has no rules for the dark scheme '{scheme}', so dark mode cannot be generated. "
            "Has the theme changed? See hooks/theme.py",
        )
    note = "/* Dark mode, generated at build from the theme's palette and the rules above. */"
    path.write_text(
        f"{own}\n{note}\n{dark}\n",
        encoding="utf-8",
    )


def minify_stylesheets(site_dir: Path, stylesheets: list[str]) -> None:
    for name in stylesheets:
        path = site_dir / name
        if path.suffix == ".css" and path.is_file():
            path.write_text(rcssmin.cssmin(path.read_text(encoding="utf-8")), encoding="utf-8")


def minify_scripts(site_dir: Path, scripts: list[str]) -> None:
    """Scripts smaller on the wire; comments that open with /*! (licences) stay. ES5 only: rjsmin
    squeezes the spaces inside template literals."""
    for name in scripts:
        path = site_dir / name
        if path.suffix == ".js" and path.is_file():
            text = path.read_text(encoding="utf-8")
            if "`" in text:
                raise ContentError(
                    f"docs/{name}",
                    "has a template literal (`...`), which the minifier would corrupt: "
                    "join strings with + instead",
                )
            path.write_text(rjsmin.jsmin(text, keep_bang_comments=True), encoding="utf-8")
