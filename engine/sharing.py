"""Sharing and printing an article: copy link, email, and a printed footer with a QR code."""

from __future__ import annotations

import hashlib
from html import escape
from pathlib import Path
from urllib.parse import quote

import segno

from engine.cache_files import mark_used, remove_unused
from engine.models import Clinic


def share_block(url: str, title: str) -> str:
    """A copy-link button (shown by assets/javascripts/share.js where the browser can copy)
    and an email link that works everywhere, with no third-party script."""
    subject = quote(title)
    body = quote(f"{title}\n\n{url}")
    return (
        '<div class="app-share" role="group" aria-label="Share this page" data-search-exclude>'
        '<button type="button" class="md-button app-share__copy" '
        f'data-app-copy="{escape(url)}" hidden>Copy link</button> '
        f'<a class="md-button app-share__email" href="mailto:?subject={subject}&amp;body={body}">'
        "Email this page</a>"
        '<span class="app-share__status" role="status"></span></div>'
    )


def print_footer(url: str, clinic: Clinic, qr_cache: Path | None = None) -> str:
    """Shown only on paper: where to find the page again, and how to reach the clinic."""
    svg = qr_code_svg(url, qr_cache)
    return (
        '<div class="app-print-only app-print-footer" data-search-exclude>'
        f"<div>{svg}</div>"
        "<p><strong>This page online:</strong><br>"
        f'<span class="app-print-footer__url">{escape(url)}</span></p>'
        f"<p><strong>{escape(clinic.name)}</strong><br>"
        f"Phone {clinic.phone_display}<br>{escape(clinic.address.one_line)}</p></div>"
    )


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
