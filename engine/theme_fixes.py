"""Small repairs to the HTML Material 9.8 writes. Each lives in a template that cannot be
fixed with a block override (base.html, the nav-item macro, the toc partial); each
substitution does nothing once the theme is fixed.

- Three make every page pass the Nu HTML Checker.
- One keeps the RSS feed links to the blog: Material reads every <link rel="alternate"> as
  a translation of the site and downloads its sitemap.xml, twice per page, on every page.
"""

from __future__ import annotations

import re

# <label ... tabindex=""> on navigation sections: an empty tabindex is not a number.
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?) tabindex=""')
# autocomplete="off" on the drawer and search checkboxes: only allowed on text-like inputs.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*type="checkbox"[^>]*?) autocomplete="off"')
# <label for="__toc"> on pages without the __toc checkbox (blog posts): a label for nothing.
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'
# The space after the tag, not before it: a leading \s* is retried at every blank of the
# page's indentation, which made this one pattern most of the post-build time.
_FEED_LINK = re.compile(r'<link rel="alternate" type="application/rss\+xml"[^>]*>\s*')


def fix_html(html: str, is_blog_page: bool = True) -> str:
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = html.replace(_TOC_LABEL, '<label class="md-nav__title">')
    if not is_blog_page:
        html = _FEED_LINK.sub("", html)
    return html
