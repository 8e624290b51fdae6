"""Illustrations load lazily and keep their space while loading.

Authors give a width (`{ width="360" }`); the height follows from the SVG's viewBox, so the
page does not jump when the picture arrives, and `loading="lazy"` keeps pictures below
the fold off the first download. Not the page's first picture: it may be in the first
screen, even its largest element, and a lazy one starts loading only after layout.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin

_IMG = re.compile(r"<img\b[^>]*>")
_ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')
_VIEWBOX = re.compile(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"')


def svg_ratio(path: Path) -> float | None:
    """Height over width, from the SVG's viewBox (read again when the file changes, so an
    edited drawing gets its new height under `mkdocs serve`)."""
    return _svg_ratio(path, path.stat().st_mtime_ns)


@cache
def _svg_ratio(path: Path, modified: int) -> float | None:
    match = _VIEWBOX.search(path.read_text(encoding="utf-8")[:2000])
    return float(match[2]) / float(match[1]) if match else None


def size_images(html: str, page_path: str, site_dir: Path) -> str:
    """Adds height and decoding="async" to local SVG images with a width, and
    loading="lazy" to all but the first."""
    sized = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal sized
        tag: str = match.group(0)
        attributes = dict(_ATTR.findall(tag))
        src = attributes.get("src", "")
        if (
            not src.endswith(".svg")
            or "://" in src
            or "width" not in attributes
            or "height" in attributes
        ):
            return tag
        file = site_dir / unquote(urljoin(page_path, src)).lstrip("/")
        ratio = svg_ratio(file) if file.is_file() else None
        if ratio is None:
            return tag
        height = round(int(attributes["width"]) * ratio)
        sized += 1
        loading = ' loading="lazy"' if sized > 1 else ""
        return tag[:-1].rstrip("/ ") + f' height="{height}"{loading} decoding="async">'

    return _IMG.sub(fix, html)
