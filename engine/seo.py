"""What search engines, link previews and AI assistants read: JSON-LD, and the site-wide
facts (titles, descriptions) that must be unique."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape
from typing import Any
from urllib.parse import urljoin

from engine.models import DAY_NAMES, LOGO, ArticleFrontMatter, Clinic, PageFrontMatter, Reference

SCHEMA = "https://schema.org"


@dataclass(frozen=True)
class Crumb:
    name: str
    url: str


@dataclass(frozen=True)
class PageFacts:
    """What the JSON-LD of one page is built from."""

    url: str  # absolute
    title: str
    description: str
    section: str  # top-level nav section, e.g. "Conditions"; "" at the top level
    crumbs: list[Crumb]
    front_matter: PageFrontMatter | None = None
    image: str | None = None  # the social card, absolute
    published: date | None = None  # blog posts
    references: list[Reference] = field(default_factory=list)
    is_condition: bool = False
    is_blog_post: bool = False


def clinic_node(clinic: Clinic, site_url: str, services: list[str]) -> dict[str, Any]:
    """The clinic as a MedicalClinic (a LocalBusiness): one node, referenced by @id."""
    address = clinic.address
    return {
        "@type": "MedicalClinic",
        "@id": site_url + "#clinic",
        "name": clinic.name,
        "url": site_url,
        "telephone": clinic.phone,
        "email": clinic.email,
        "logo": urljoin(site_url, LOGO),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": address.street,
            "addressLocality": address.city,
            "addressRegion": address.region,
            "postalCode": address.postal_code,
            "addressCountry": address.country,
        },
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [f"{SCHEMA}/{DAY_NAMES[day]}" for day in hours.days],
                "opens": hours.opens,
                "closes": hours.closes,
            }
            for hours in clinic.opening_hours
        ],
        "medicalSpecialty": [f"{SCHEMA}/Musculoskeletal", f"{SCHEMA}/Physiotherapy"],
        "availableService": [{"@type": "MedicalTherapy", "name": name} for name in services],
    }


def page_graph(
    facts: PageFacts, clinic: Clinic, site_url: str, services: list[str]
) -> dict[str, Any]:
    """One @graph per page: the site, the clinic, the page, its breadcrumbs and its topic."""
    website = {
        "@type": "WebSite",
        "@id": site_url + "#website",
        "url": site_url,
        "name": clinic.name,
        "inLanguage": "en-US",
        "publisher": {"@id": site_url + "#clinic"},
    }
    nodes = [
        website,
        clinic_node(clinic, site_url, services),
        _breadcrumbs(facts),
        _web_page(facts, clinic),
    ]
    if facts.is_condition:
        nodes.append(_condition(facts))
    if isinstance(facts.front_matter, ArticleFrontMatter):
        nodes.append(_article(facts, clinic, site_url))
    return {"@context": SCHEMA, "@graph": nodes}


def _web_page(facts: PageFacts, clinic: Clinic) -> dict[str, Any]:
    page: dict[str, Any] = {
        "@type": "WebPage",
        "@id": facts.url,
        "url": facts.url,
        "name": facts.title,
        "description": facts.description,
        "inLanguage": "en-US",
        "isPartOf": {"@id": _site(facts) + "#website"},
        "breadcrumb": {"@id": facts.url + "#breadcrumb"},
    }
    if facts.image:
        page["primaryImageOfPage"] = {"@type": "ImageObject", "url": facts.image}
    front_matter = facts.front_matter
    if isinstance(front_matter, ArticleFrontMatter):
        reviewer = clinic.clinician(front_matter.reviewed_by)
        page.update(
            {
                "@type": "MedicalWebPage",
                "lastReviewed": front_matter.last_reviewed.isoformat(),
                "reviewedBy": {
                    "@type": "Person",
                    "name": reviewer.name,
                    "jobTitle": reviewer.role,
                    "honorificSuffix": reviewer.credentials,
                    "worksFor": {"@id": _site(facts) + "#clinic"},
                },
                "medicalAudience": {"@type": "MedicalAudience", "audienceType": "Patient"},
                "about": {"@id": facts.url + "#condition"}
                if facts.is_condition
                else {"@type": "Thing", "name": facts.title},
            }
        )
        if facts.references:
            page["citation"] = [_citation(ref) for ref in facts.references]
    return page


def _condition(facts: PageFacts) -> dict[str, Any]:
    condition: dict[str, Any] = {
        "@type": "MedicalCondition",
        "@id": facts.url + "#condition",
        "name": _condition_name(facts),
        "description": facts.description,
        "url": facts.url,
    }
    front_matter = facts.front_matter
    if isinstance(front_matter, ArticleFrontMatter):
        if front_matter.signs_and_symptoms:
            condition["signOrSymptom"] = [
                {"@type": "MedicalSignOrSymptom", "name": sign}
                for sign in front_matter.signs_and_symptoms
            ]
        if front_matter.possible_treatments:
            condition["possibleTreatment"] = [
                {"@type": "MedicalTherapy", "name": treatment}
                for treatment in front_matter.possible_treatments
            ]
    return condition


def _condition_name(facts: PageFacts) -> str:
    """The condition a page is about: named in front matter, or its title's first part
    ("Sciatica: causes, ..."), not the navigation's label, which is written for browsing."""
    front_matter = facts.front_matter
    if isinstance(front_matter, ArticleFrontMatter) and front_matter.condition_name:
        return front_matter.condition_name
    return facts.title.split(":")[0].strip()


def _article(facts: PageFacts, clinic: Clinic, site_url: str) -> dict[str, Any]:
    front_matter = facts.front_matter
    assert isinstance(front_matter, ArticleFrontMatter)
    reviewer = clinic.clinician(front_matter.reviewed_by)
    published = facts.published or front_matter.last_reviewed
    article = {
        "@type": "BlogPosting" if facts.is_blog_post else "Article",
        "@id": facts.url + "#article",
        "headline": facts.title[:110],
        "description": facts.description,
        "mainEntityOfPage": {"@id": facts.url},
        "datePublished": published.isoformat(),
        "dateModified": max(published, front_matter.last_reviewed).isoformat(),
        "author": {
            "@type": "Organization",
            "@id": site_url + "#clinic",
            "name": clinic.name,
            "url": site_url,
        },
        "publisher": {"@id": site_url + "#clinic"},
        "reviewedBy": {"@type": "Person", "name": reviewer.name},
        "inLanguage": "en-US",
    }
    if facts.image:
        article["image"] = facts.image
    return article


def _breadcrumbs(facts: PageFacts) -> dict[str, Any]:
    return {
        "@type": "BreadcrumbList",
        "@id": facts.url + "#breadcrumb",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": crumb.name, "item": crumb.url}
            for position, crumb in enumerate(facts.crumbs, start=1)
        ],
    }


def _citation(ref: Reference) -> dict[str, Any]:
    """Title and a link: enough to identify the source, light enough for every page."""
    if ref.doi:
        url = f"https://doi.org/{ref.doi}"
    elif ref.pmid:
        url = f"https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/"
    else:
        url = str(ref.url)
    return {"@type": "CreativeWork", "name": ref.title, "url": url}


def _site(facts: PageFacts) -> str:
    return facts.crumbs[0].url


def script_json(graph: dict[str, Any]) -> str:
    """JSON that is safe inside <script>: no "<", ">" or "&" can end the element early."""
    text = json.dumps(graph, ensure_ascii=False, separators=(",", ":"), default=_iso)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _iso(value: object) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot put {type(value).__name__} in JSON-LD")


# --- link previews ---------------------------------------------------------------------------

_OG_TYPE = '<meta property="og:type" content="website" />'
_PREVIEW_TITLE = re.compile(r'(<meta property="(?:og|twitter):title" content=")[^"]*(" />)')
_OG_IMAGE = re.compile(r'<meta property="og:image" content="[^"]*" />')


def complete_link_preview(html: str, *, title: str, site_name: str, is_article: bool) -> str:
    """What a chat app or social site shows for a shared link, on top of the social plugin's
    tags: the page's own title (the site's name goes in og:site_name, so titles are not cut
    short), `article` for articles, and a text alternative for the card image."""
    if _OG_IMAGE.search(html) is None:
        return html  # no card for this page (the social plugin is off)
    safe_title = escape(title, quote=True)
    html = _PREVIEW_TITLE.sub(lambda m: f"{m[1]}{safe_title}{m[2]}", html)
    if is_article:
        html = html.replace(_OG_TYPE, _OG_TYPE.replace("website", "article"), 1)
    alt = escape(f"{title}: {site_name}", quote=True)
    extra = (
        f'\n<meta property="og:site_name" content="{escape(site_name, quote=True)}" />'
        f'\n<meta property="og:image:alt" content="{alt}" />'
        f'\n<meta property="twitter:image:alt" content="{alt}" />'
    )
    return _OG_IMAGE.sub(lambda m: m[0] + extra, html, count=1)
