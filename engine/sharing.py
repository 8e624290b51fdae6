"""Sharing and printing an article: copy link, email, and a printed footer with a QR code."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

import segno

from engine.models import Clinic


def share_block(url: str, title: str) -> str:
    """A copy-link button (shown by assets/javascripts/share.js where the browser can copy)
    and an email link that works everywhere, with no third-party script."""
    subject = quote(title)
    body = quote(f"{title}\n\n{url}")
    return (
        '<div class="app-share" role="group" aria-label="Share this page" data-search-exclude>'
        f'<button type="button" class="md-button app-share__copy" data-app-copy="{escape(url)}" hidden>'
        "Copy link</button> "
        f'<a class="md-button app-share__email" href="mailto:?subject={subject}&amp;body={body}">'
        "Email this page</a>"
        '<span class="app-share__status" role="status"></span></div>'
    )


def print_footer(url: str, clinic: Clinic) -> str:
    """Shown only on paper: where to find the page again, and how to reach the clinic."""
    qr = segno.make(url, error="m")
    svg = qr.svg_inline(scale=3, border=2, dark="#000000", light="#ffffff", title="QR code for this page")
    svg = svg.replace("<svg ", "<svg role=\"img\" ", 1)
    return (
        '<div class="app-print-only app-print-footer" data-search-exclude>'
        f"<div>{svg}</div>"
        "<p><strong>This page online:</strong><br>"
        f"<span class=\"app-print-footer__url\">{escape(url)}</span></p>"
        f"<p><strong>{escape(clinic.name)}</strong><br>"
        f"Phone {clinic.phone_display}<br>{escape(clinic.address.one_line)}</p></div>"
    )
