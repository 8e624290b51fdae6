"""Files at the site root for crawlers and AI assistants: robots.txt and llms.txt."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urljoin

from engine.seo import PageFacts


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n"


def llms_txt(site_name: str, summary: str, pages: Iterable[PageFacts], sections: list[str]) -> str:
    """The llmstxt.org format: a title, a summary, then linked lists of pages by section, in
    the order of the site's navigation (`sections`, "" for pages at its top level). A section
    of information pages only (about the clinic, not about health) is listed last as
    "Optional", which the format keeps for what an assistant may skip."""
    by_section: dict[str, list[PageFacts]] = {}
    for facts in pages:
        by_section.setdefault(facts.section, []).append(facts)
    main = [name for name in sections if name in by_section and not _info_only(by_section[name])]
    optional = [f for name in sections if name not in main for f in by_section.get(name, [])]
    lines = [
        f"# {site_name}",
        "",
        f"> {summary}",
        "",
        "Patient-education articles on low back pain and sciatica and their causes (a "
        "slipped disc, spinal stenosis, the sacroiliac joint, the hip), on long-lasting pain, "
        "pain medicines and which clinician to see, and on the treatments the clinic offers. "
        "Every medical statement cites its source; each article names the clinician who "
        "reviewed it and when.",
    ]
    for heading, listed in [*((name, by_section[name]) for name in main), ("Optional", optional)]:
        if listed:
            lines += ["", f"## {heading or 'Start here'}", ""]
            lines += [f"- [{f.title}]({f.url}): {f.description}" for f in listed]
    return "\n".join(lines) + "\n"


def _info_only(pages: list[PageFacts]) -> bool:
    return all(f.front_matter is not None and f.front_matter.page_type == "info" for f in pages)
