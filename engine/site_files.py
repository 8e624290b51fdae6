"""Files at the site root for crawlers and AI assistants: robots.txt and llms.txt."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urljoin

from engine.seo import PageFacts

# llms.txt sections, in reading order; pages outside these go under "Optional".
SECTION_ORDER = ["", "Get urgent care", "Conditions", "Treatments", "Exercises", "Blog"]


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n"


def llms_txt(site_name: str, summary: str, pages: Iterable[PageFacts]) -> str:
    """The llmstxt.org format: a title, a summary, then linked lists of pages by section."""
    by_section: dict[str, list[PageFacts]] = {}
    for facts in pages:
        section = facts.section if facts.section in SECTION_ORDER else "Optional"
        by_section.setdefault(section, []).append(facts)
    lines = [
        f"# {site_name}",
        "",
        f"> {summary}",
        "",
        "Patient-education articles on low back pain, hip internal rotation, piriformis "
        "syndrome and sciatica, and on the treatments the clinic offers. Every medical "
        "statement cites its source; each article names the clinician who reviewed it and when.",
    ]
    for section in [*SECTION_ORDER, "Optional"]:
        if section not in by_section:
            continue
        lines += ["", f"## {section or 'Start here'}", ""]
        lines += [f"- [{f.title}]({f.url}): {f.description}" for f in by_section[section]]
    return "\n".join(lines) + "\n"
