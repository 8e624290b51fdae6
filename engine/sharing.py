"""Sharing and printing an article: the email link, the printed address and the QR code the
templates show (overrides/partials/share.html, print-header.html)."""

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


def printed_address(url: str) -> list[str]:
    """The page's address as printed, without the scheme a reader need not type, in parts that
    each end with a slash: the handout lets a line break only between parts, never inside
    a word ("hip-rotation" must not become "hip-" and "rotation")."""
    address = url.split("://", 1)[-1]
    parts = [f"{part}/" for part in address.split("/") if part]
    if parts and not address.endswith("/"):
        parts[-1] = parts[-1][:-1]
    return parts


# A viewBox and no fixed size, so print CSS can scale the code to a physical size (a fixed
# width and height let a print layout crop it, and a cropped code does not scan); the four
# modules of white border are the quiet zone the QR standard asks for.
_QR_OPTIONS = {
    "border": 4,
    "omitsize": True,
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
