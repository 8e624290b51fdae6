"""Sharing and printing an article: the email link and the QR code the templates show
(overrides/partials/share.html, print-footer.html)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import quote

import segno

from engine.cache_files import mark_used, remove_unused


def email_link(url: str, title: str) -> str:
    """A mailto: link with the article's title as subject and its address in the body; the
    reader picks whom to send it to."""
    body = f"{title}\n\n{url}"
    return f"mailto:?subject={quote(title)}&body={quote(body)}"


_QR_OPTIONS = {
    "scale": 3,
    "border": 2,
    "dark": "#000000",
    "light": "#ffffff",
    "title": "QR code for this page",
}


def qr_code_svg(url: str, cache: Path | None = None) -> str:
    """An inline SVG QR code for `url`, kept in `cache` between builds: choosing the best of
    the eight masks takes segno about 9 ms a code, most of an article's extra build time."""
    key = hashlib.sha256(f"{segno.__version__} {_QR_OPTIONS} {url}".encode()).hexdigest()
    cached = cache / f"{key}.svg" if cache else None
    if cached and cached.is_file():
        mark_used(cached)
        return cached.read_text(encoding="utf-8")
    svg = (
        segno.make(url, error="m").svg_inline(**_QR_OPTIONS).replace("<svg ", '<svg role="img" ', 1)
    )
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(svg, encoding="utf-8")
    return svg


def remove_unused_qr_codes(cache: Path) -> int:
    return remove_unused(cache, "*.svg")
