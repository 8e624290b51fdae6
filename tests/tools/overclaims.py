"""Phrases that claim more than the evidence on this site can support.

Treatments for back pain help some people somewhat; none cures, guarantees or is proven
to fix. "Is causing" states a cause where studies show only an association.
"""

from __future__ import annotations

import re

OVERCLAIMS = [
    r"cur(?:e|es|ed|ing)",
    r"guarantee(?:s|d)?",
    r"proven to (?:fix|work|cure|heal)",
    r"(?:will|always) (?:fix|heal|resolve|cure)",
    r"fix(?:es)? (?:your|the) (?:pain|back|hip|sciatica)",
    r"is causing",
    r"are causing",
    r"miracle",
    r"eliminates? (?:your |the )?pain",
    r"permanent(?:ly)? (?:fix|relief|cure)",
    r"100 ?%",
    r"risk[- ]free",
    r"completely safe",
]
_PATTERN = re.compile(r"\b(?:" + "|".join(OVERCLAIMS) + r")(?!\w)", re.IGNORECASE)


def overclaims(text: str) -> list[str]:
    """Every overclaiming phrase in `text`, as written."""
    return [match.group(0) for match in _PATTERN.finditer(text)]
