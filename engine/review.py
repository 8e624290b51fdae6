"""The "Medically reviewed by ... on ..." line shown on every article."""

from __future__ import annotations

import re
from datetime import date
from html import escape

from engine.models import ArticleFrontMatter, Clinic

_FIRST_H1 = re.compile(r"^# .+$", re.MULTILINE)


def review_line(front_matter: ArticleFrontMatter, clinic: Clinic) -> str:
    reviewer = clinic.clinician(front_matter.reviewed_by)
    when = front_matter.last_reviewed
    return (
        '<p class="app-review" data-search-exclude>Medically reviewed by '
        f"<strong>{escape(reviewer.name_with_credentials)}</strong> on "
        f'<time datetime="{when.isoformat()}">{us_date(when)}</time></p>'
    )


def insert_after_title(markdown: str, html: str) -> str:
    """Puts `html` under the page's `# Title`, or first when the title comes from front matter."""
    match = _FIRST_H1.search(markdown)
    if not match:
        return f"{html}\n\n{markdown}"
    return f"{markdown[: match.end()]}\n\n{html}\n{markdown[match.end() :]}"


def us_date(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"
