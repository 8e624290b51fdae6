"""The "When to get urgent care" block that every condition page carries."""

from __future__ import annotations

from collections.abc import Callable

from engine.models import RedFlags

Cite = Callable[..., str]


def urgent_care_markdown(red_flags: RedFlags, cite: Cite, searchable: bool = False) -> str:
    """Markdown (with md_in_html blocks): a heading, then one box per level of urgency.

    The block repeats on every condition page, so only one page (`searchable`) puts it in
    the search index; elsewhere it would bloat the index and crowd every result list."""
    exclude = "" if searchable else " data-search-exclude"
    parts = [f"## When to get urgent care {{ #when-to-get-urgent-care{exclude} }}", ""]
    for group in red_flags.groups:
        signs = "\n".join(f"- {sign}" for sign in group.signs)
        parts += [
            f'<div class="app-urgent app-urgent--{group.urgency}" markdown{exclude}>',
            "",
            f"### {group.heading}",
            "",
            signs,
            "",
            f"{group.why}{cite(*group.references)}",
            "",
            "</div>",
            "",
        ]
    return "\n".join(parts)
