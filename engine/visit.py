"""The first-visit facts a page shows with {{ first_visit("part") }}, from data/clinic.yml, so
the length, what to bring, cost, insurance, cancelling and access are written in one place."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from engine.models import FirstVisit


def _length(visit: FirstVisit) -> str:
    minutes = visit.length_minutes
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"about {hours} hour{'s' if hours > 1 else ''}"
    return f"about {minutes} minutes"


def _bring(visit: FirstVisit) -> str:
    # A blank line first, so Markdown starts the list even straight after a sentence.
    return "\n" + "\n".join(f"- {escape(item)}" for item in visit.what_to_bring) + "\n"


PARTS: dict[str, Callable[[FirstVisit], str]] = {
    "length": _length,
    "bring": _bring,
    "cost": lambda visit: escape(visit.cost),
    "insurance": lambda visit: escape(visit.insurance),
    "cancellation": lambda visit: escape(visit.cancellation),
    "accessibility": lambda visit: escape(visit.accessibility),
}


def first_visit_markdown(visit: FirstVisit, part: str) -> str:
    """One part of the first-visit facts as Markdown: "length" is a phrase ("about 1 hour"),
    "bring" a bulleted list, the rest a sentence or two each."""
    try:
        render = PARTS[part]
    except KeyError:
        raise ValueError(
            f"first_visit(): unknown part '{part}'; use one of {', '.join(PARTS)}"
        ) from None
    return render(visit)
