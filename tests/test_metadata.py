"""What search engines, link previews and assistants read: head tags, JSON-LD, cards, llms.txt."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import pytest
from PIL import Image

from engine.seo import PageFacts
from tests.tools.building import build
from tests.tools.pages import address_of, built_page_files, doc_pages, name_of, read_page
from tests.tools.project import ROOT, SITE_URL

ARTICLES = {doc.name for doc in doc_pages() if doc.is_article}
CONDITIONS = {
    doc.name
    for doc in doc_pages()
    if doc.name.startswith("conditions/") and doc.source.name != "index.md"
}
BLOG_POSTS = {doc.name for doc in doc_pages() if doc.source.parent.name == "posts"}


def head(path: Path):
    return read_page(path).head


def meta_content(page_head, attribute: str, value: str) -> str | None:
    tag = page_head.find("meta", attrs={attribute: value})
    return tag.get("content") if tag else None


# --- head tags ------------------------------------------------------------------------------------


@pytest.mark.build
def test_titles_and_descriptions_are_unique(site_dir: Path):
    pages = built_page_files(site_dir)
    titles = Counter(head(p).title.get_text(strip=True) for p in pages)
    descriptions = Counter(meta_content(head(p), "name", "description") for p in pages)
    assert [t for t, n in titles.items() if n > 1] == []
    assert None not in descriptions and [d for d, n in descriptions.items() if n > 1] == []


@pytest.mark.build
def test_head_tags_on_every_page(site_dir: Path):
    for path in built_page_files(site_dir):
        page = read_page(path)
        page_head = page.head
        url = SITE_URL + address_of(name_of(site_dir, path))
        assert page.html["lang"] == "en", path
        assert page_head.find("link", rel="canonical")["href"] == url, path
        assert 50 <= len(meta_content(page_head, "name", "description")) <= 200, path
        for tag in ("og:title", "og:description", "og:url", "og:image", "og:type"):
            assert meta_content(page_head, "property", tag), f"{path}: no {tag}"
        assert meta_content(page_head, "property", "og:url") == url
        assert meta_content(page_head, "property", "twitter:card") == "summary_large_image", path
        assert len(page.find_all("h1")) == 1, f"{path}: needs exactly one <h1>"


# --- structured data ------------------------------------------------------------------------------


def graph_of(path: Path) -> list[dict]:
    scripts = read_page(path).find_all("script", type="application/ld+json")
    assert len(scripts) == 1, f"{path}: one JSON-LD block expected"
    assert "</" not in scripts[0].string
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def nodes(graph: list[dict], kind: str) -> list[dict]:
    return [node for node in graph if node["@type"] == kind]


@pytest.mark.build
def test_every_page_has_the_clinic_site_and_breadcrumbs(site_dir: Path):
    for path in built_page_files(site_dir):
        graph = graph_of(path)
        (clinic,) = nodes(graph, "MedicalClinic")
        assert clinic["telephone"] and clinic["address"]["streetAddress"]
        assert clinic["openingHoursSpecification"][0]["opens"]
        (crumbs,) = nodes(graph, "BreadcrumbList")
        items = crumbs["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        assert items[0]["item"] == SITE_URL
        assert len(nodes(graph, "WebSite")) == 1


@pytest.mark.build
@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_structured_data(site_dir: Path, name: str):
    graph = graph_of(site_dir / name / "index.html")
    (page,) = nodes(graph, "MedicalWebPage")
    assert page["lastReviewed"] and page["reviewedBy"]["name"] and page["about"]
    assert page["medicalAudience"]["audienceType"] == "Patient"
    kind = "BlogPosting" if name in BLOG_POSTS else "Article"
    (article,) = nodes(graph, kind)
    assert article["author"]["name"] and article["datePublished"] and article["dateModified"]
    assert article["headline"] and article["image"].endswith(".png")
    assert (nodes(graph, "MedicalCondition") != []) == (name in CONDITIONS)


@pytest.mark.build
@pytest.mark.parametrize("name", sorted(CONDITIONS))
def test_condition_pages_describe_the_condition(site_dir: Path, name: str):
    graph = graph_of(site_dir / name / "index.html")
    (condition,) = nodes(graph, "MedicalCondition")
    (page,) = nodes(graph, "MedicalWebPage")
    assert page["about"] == {"@id": condition["@id"]} and condition["name"]
    assert ":" not in condition["name"], "the condition's name, not the page's headline"
    signs = condition.get("signOrSymptom", [])
    treatments = condition.get("possibleTreatment", [])
    assert signs and all(s["@type"] == "MedicalSignOrSymptom" and s["name"] for s in signs)
    assert treatments and all(t["@type"] == "MedicalTherapy" and t["name"] for t in treatments)


@pytest.mark.build
def test_info_pages_are_plain_web_pages(site_dir: Path):
    graph = graph_of(site_dir / "about/privacy/index.html")
    assert nodes(graph, "WebPage") and not nodes(graph, "MedicalWebPage")  # negative control


@pytest.mark.unit
def test_json_ld_is_safe_inside_a_script_element():
    from engine.seo import script_json

    text = script_json({"name": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"].startswith("</script>")


# --- social cards ---------------------------------------------------------------------------------


@pytest.mark.build
def test_every_page_has_a_1200_by_630_social_card(site_dir: Path):
    for path in built_page_files(site_dir):
        image_url = meta_content(head(path), "property", "og:image")
        card = site_dir / urlparse(image_url).path.lstrip("/")
        assert card.is_file(), f"{path}: {card} missing"
        with Image.open(card) as image:
            assert image.size == (1200, 630)


# --- llms.txt -------------------------------------------------------------------------------------


@pytest.mark.build
def test_llms_txt_lists_every_article(site_dir: Path):
    text = (site_dir / "llms.txt").read_text()
    assert text.startswith("# River Forest Health and Wellness\n\n> ")
    for name in ARTICLES:
        url = SITE_URL + address_of(name)
        assert f"]({url}): " in text, f"{url} missing from llms.txt"


@pytest.mark.build
def test_llms_txt_sections_follow_the_navigation(site_dir: Path):
    import yaml

    nav = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["nav"]
    sections = {
        title: value for entry in nav for title, value in entry.items() if isinstance(value, list)
    }
    headings = [
        line[3:]
        for line in (site_dir / "llms.txt").read_text().splitlines()
        if line.startswith("## ")
    ]
    # Health sections in the navigation's order; sections of information pages only (About,
    # Visit us) go under Optional. Blog posts are not in the nav but belong to the blog's section.
    docs = ROOT / "docs"
    info = {doc.source.relative_to(docs).as_posix() for doc in doc_pages() if not doc.is_article}
    health = [
        title
        for title, entries in sections.items()
        if "blog/index.md" in entries or not all(_nav_file(e) in info for e in entries)
    ]
    assert "About" not in health and "Back pain" in health  # the rule is not vacuous
    assert headings == ["Start here", *health, "Optional"]


def _nav_file(entry: str | dict[str, str]) -> str:
    return entry if isinstance(entry, str) else next(iter(entry.values()))


def test_llms_txt_moves_a_section_of_information_pages_to_optional():
    from engine.models import PageFrontMatter
    from engine.site_files import llms_txt

    def facts(section: str, page_type: str) -> PageFacts:
        matter = PageFrontMatter.model_construct(page_type=page_type)
        return PageFacts(f"https://x/{section}/", section, "d", section, [], matter)

    pages = [facts("Visit", "info"), facts("Back", "article"), facts("Hip", "article")]
    text = llms_txt("Site", "Summary", pages, ["", "Hip", "Visit", "Back"])
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## Hip",
        "## Back",
        "## Optional",
    ]


# --- a duplicate title stops the build ------------------------------------------------------------


@pytest.mark.build
def test_duplicate_title_stops_the_build(project_copy: Path, tmp_path: Path):
    page = project_copy / "docs/about/privacy.md"
    text = page.read_text()
    title_line = next(line for line in text.splitlines() if line.startswith("title:"))
    page.write_text(text.replace(title_line, "title: Medical disclaimer", 1))
    result = build(project_copy, tmp_path / "site")
    assert not result.ok
    assert "has the same title as" in result.output and "privacy.md" in result.output
