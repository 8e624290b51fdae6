"""The article library: structure, references, reading level, honest wording, images, feed and
search."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from tests.tools.overclaims import overclaims
from tests.tools.pages import EXERCISE_PAGES, doc_pages, page_file, read_page, soup
from tests.tools.project import ROOT, SITE_URL
from tests.tools.readability import body_sentences, measure, page_readability

DOCS = ROOT / "docs"
READING_GRADE_BUDGET = 8.0  # US grade, Flesch-Kincaid; the house aim is 6
MIN_SOURCES = 3  # references with a DOI or PubMed link, per condition and treatment page

CONDITIONS = [
    "low-back-pain",
    "hip-internal-rotation",
    "lumbar-compensation",
    "piriformis-syndrome",
    "sciatica",
    # Issue 16: the pages a reader of the clinic's post looks for next.
    "slipped-disc",
    "spinal-stenosis",
    "hip-osteoarthritis-and-impingement",
    "hip-or-back-pain",
    "sacroiliac-joint-pain",
    "back-and-pelvic-pain-in-pregnancy",
    "long-lasting-pain",
]
HUB = "conditions/low-back-pain"
# Health guides that are not about one condition: held to the same standard.
GUIDES = ["treatments/pain-medicines", "which-clinician", "living-with-back-pain"]
TREATMENTS = [
    "mckenzie-method",
    "dynamic-neuromuscular-stabilization",
    "spinal-manipulation",
    "soft-tissue-therapy",
    "corrective-exercise",
]
EXERCISES = [page.removeprefix("exercises/") for page in EXERCISE_PAGES]
TOPIC_PAGES = (
    [f"conditions/{name}" for name in CONDITIONS]
    + GUIDES
    + [f"treatments/{name}" for name in TREATMENTS]
    + [f"exercises/{name}" for name in EXERCISES]
    + ["urgent-care"]
)
LIBRARY_PAGES = [
    "first-visit",
    "about/glossary",
    "about/editorial-policy",
    "about/medical-disclaimer",
    "about/privacy",
    "about/clinicians",
    "blog/hip-internal-rotation-low-back-pain",
]


ARTICLES = [doc.name for doc in doc_pages() if doc.is_article]


# --- the library is complete ---------------------------------------------------------------------


@pytest.mark.build
@pytest.mark.parametrize("name", TOPIC_PAGES + LIBRARY_PAGES)
def test_page_exists(site_dir: Path, name: str):
    assert page_file(site_dir, name).is_file()


@pytest.mark.unit
def test_no_placeholder_left_in_docs():
    leftovers = [
        str(p) for p in DOCS.rglob("*.md") if "PLACEHOLDER" in p.read_text(encoding="utf-8")
    ]
    assert leftovers == []


def links_from(site_dir: Path, name: str) -> set[str]:
    """The site pages `name` links to, as URL paths like conditions/sciatica."""
    page = page_file(site_dir, name)
    content = read_page(page).select_one("article.md-content__inner, div.md-content__inner")
    targets = set()
    for a in content.find_all("a", href=True):
        href = a["href"].split("#")[0]
        if not href or "://" in href or href.startswith(("mailto:", "tel:")):
            continue
        resolved = (page.parent / href).resolve()
        try:
            targets.add(
                str(resolved.relative_to(site_dir.resolve())).removesuffix("/index.html").strip("/")
            )
        except ValueError:
            continue
    return targets


@pytest.mark.build
@pytest.mark.parametrize("name", [f"conditions/{c}" for c in CONDITIONS])
def test_condition_pages_link_to_other_topics(site_dir: Path, name: str):
    links = links_from(site_dir, name)
    assert links & {f"conditions/{c}" for c in CONDITIONS} - {name}, "no link to another condition"
    assert any(link.startswith(("treatments", "exercises")) for link in links), "no link to care"


@pytest.mark.unit
def test_every_condition_page_is_listed_here():
    """A new condition page joins the checks above by being added to CONDITIONS."""
    written = {p.stem for p in (DOCS / "conditions").glob("*.md") if p.stem != "index"}
    assert written == set(CONDITIONS)


HEALTH_TOPICS = [f"conditions/{c}" for c in CONDITIONS if f"conditions/{c}" != HUB] + GUIDES


@pytest.mark.build
def test_the_hub_links_to_every_health_topic(site_dir: Path):
    missing = set(HEALTH_TOPICS) - links_from(site_dir, HUB)
    assert not missing, f"{HUB} does not link to {sorted(missing)}"


@pytest.mark.build
@pytest.mark.parametrize("name", HEALTH_TOPICS)
def test_every_health_topic_links_back_to_the_hub(site_dir: Path, name: str):
    assert HUB in links_from(site_dir, name)


@pytest.mark.build
def test_hub_link_check_sees_a_missing_link(site_dir: Path):
    # Negative control: a page that does not link to the hub is caught.
    assert HUB not in links_from(site_dir, "about/privacy")


@pytest.mark.build
@pytest.mark.parametrize("name", [f"treatments/{t}" for t in TREATMENTS])
def test_treatment_pages_link_to_conditions(site_dir: Path, name: str):
    assert any(link.startswith("conditions/") for link in links_from(site_dir, name))


# --- every article: key points, review line, references -------------------------------------------


def content_of(site_dir: Path, name: str):
    return soup(page_file(site_dir, name)).select_one(
        "article.md-content__inner, div.md-content__inner"
    )


KEY_POINTS_PAGES = TOPIC_PAGES + ["treatments"] + [n for n in ARTICLES if n.startswith("blog/")]


@pytest.mark.build
@pytest.mark.parametrize("name", KEY_POINTS_PAGES)
def test_article_opens_with_key_points(site_dir: Path, name: str):
    content = content_of(site_dir, name)
    first_box = content.select_one("div.admonition")
    assert (
        first_box is not None
        and first_box.select_one(".admonition-title").get_text(strip=True) == "Key points"
    )
    # Nothing but the title and the review line come before it (and, on paper only, the
    # handout's header: the clinic, the page's address and its QR code).
    before = [
        el
        for el in first_box.find_all_previous(["p", "ul", "ol", "table", "h2"])
        if content in el.parents and not el.find_parent(class_="app-print-only")
    ]
    assert all("app-review" in (el.get("class") or []) for el in before), before


@pytest.mark.build
@pytest.mark.parametrize("name", ARTICLES)
def test_article_has_a_review_line(site_dir: Path, name: str):
    assert len(content_of(site_dir, name).select("p.app-review")) == 1


def sources_with_doi_or_pubmed(site_dir: Path, name: str) -> int:
    items = content_of(site_dir, name).select("ol.app-references > li")
    pattern = re.compile(r"^https://(doi\.org|pubmed\.ncbi\.nlm\.nih\.gov)/")
    return sum(1 for li in items if li.find("a", href=pattern))


@pytest.mark.build
@pytest.mark.parametrize("name", TOPIC_PAGES)
def test_topic_page_has_enough_checkable_sources(site_dir: Path, name: str):
    assert sources_with_doi_or_pubmed(site_dir, name) >= MIN_SOURCES


@pytest.mark.build
@pytest.mark.parametrize("name", [f"conditions/{c}" for c in CONDITIONS] + GUIDES + ["urgent-care"])
def test_condition_page_has_the_urgent_care_block(site_dir: Path, name: str):
    content = content_of(site_dir, name)
    assert content.select_one("#when-to-get-urgent-care") is not None
    assert content.select_one(".app-urgent--emergency") and content.select_one(
        ".app-urgent--urgent"
    )


@pytest.mark.build
@pytest.mark.parametrize("name", [f"treatments/{t}" for t in TREATMENTS])
def test_treatment_page_has_a_comparison_table(site_dir: Path, name: str):
    assert content_of(site_dir, name).select_one("div.app-table table caption") is not None


# --- plain language -------------------------------------------------------------------------------


@pytest.mark.build
@pytest.mark.parametrize("name", ARTICLES)
def test_reading_level_within_budget(site_dir: Path, name: str):
    result = page_readability(page_file(site_dir, name))
    assert result.words >= 100, "too little body text to measure"
    assert result.flesch_kincaid_grade <= READING_GRADE_BUDGET, (
        f"{name}: Flesch-Kincaid grade {result.flesch_kincaid_grade:.1f} "
        f"(SMOG {result.smog_grade:.1f}) is over {READING_GRADE_BUDGET}"
    )


@pytest.mark.unit
def test_readability_measure_tells_hard_from_easy():
    # Negative control: the measure must rank dense clinical prose above plain words.
    easy = measure(["Sit on a chair.", "Swing your foot out to the side.", "Stop if it hurts."])
    hard = measure(
        [
            "Radiculopathy secondary to intervertebral disc herniation demonstrates "
            "considerable heterogeneity in prognostic trajectories across observational "
            "investigations."
        ]
    )
    assert easy.flesch_kincaid_grade < 4 < 12 < hard.flesch_kincaid_grade
    assert hard.smog_grade > easy.smog_grade


@pytest.mark.unit
def test_body_text_leaves_out_references_and_tables():
    html = """<article class="md-content__inner"><h1>T</h1><p>Plain words here.</p>
    <table><tr><td>Intervertebral heterogeneity</td></tr></table>
    <ol class="app-references"><li>Radiculopathy investigations.</li></ol></article>"""
    assert body_sentences(html) == ["Plain words here"]


# --- honest wording -------------------------------------------------------------------------------


def visible_text(site_dir: Path, name: str) -> str:
    content = content_of(site_dir, name)
    for element in content.select(".app-references, #references"):
        element.decompose()  # paper titles are the authors' words, not ours
    return content.get_text(" ")


@pytest.mark.build
@pytest.mark.parametrize("name", ARTICLES)
def test_no_overclaiming(site_dir: Path, name: str):
    assert overclaims(visible_text(site_dir, name)) == []


@pytest.mark.unit
@pytest.mark.parametrize(
    "sentence",
    [
        "This stretch will cure sciatica.",
        "Results guaranteed.",
        "Manipulation is proven to fix back pain.",
        "Stiff hips are causing your pain.",
        "Reduced hip rotation is causing low back pain.",
        "It eliminates pain in 100% of patients.",
    ],
)
def test_overclaim_lint_catches(sentence: str):
    assert overclaims(sentence)  # negative control: the lint is not vacuous


@pytest.mark.unit
def test_overclaim_lint_spares_ordinary_words():
    assert overclaims("Secure, accurate care; we procure curated, causal research.") == []


# --- images ---------------------------------------------------------------------------------------


@pytest.mark.build
def test_every_image_has_alt_text(site_dir: Path, page: Path):
    for img in read_page(site_dir / page).select("article img, div.md-content img"):
        assert img.get("alt", "").strip(), f"{page}: {img.get('src')} has no alt text"


ILLUSTRATIONS = sorted((DOCS / "assets/images/illustrations").glob("*.svg"))


@pytest.mark.unit
def test_there_are_illustrations():
    assert len(ILLUSTRATIONS) >= 8  # piriformis, and one per exercise (the seated check shares one)


@pytest.mark.unit
@pytest.mark.parametrize("svg", ILLUSTRATIONS, ids=lambda p: p.name)
def test_illustration_is_self_contained_and_labelled(svg: Path):
    text = svg.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.get("viewBox"), "needs a viewBox to scale on a phone"
    assert root.find("{http://www.w3.org/2000/svg}title") is not None, "needs a <title>"
    assert not re.search(r"""(?:href|src)\s*=\s*["']https?:""", text), "loads from another host"
    assert "<image" not in text, "embeds a raster image"
    assert len(text.encode()) < 12_000


@pytest.mark.build
def test_illustrations_are_used_with_captions(site_dir: Path):
    used = set()
    for path in site_dir.rglob("*.html"):
        for figure in read_page(path).select("figure"):
            img = figure.find("img")
            if img and "illustrations/" in img.get("src", ""):
                assert figure.find("figcaption") and figure.figcaption.get_text(strip=True), path
                used.add(Path(img["src"]).name)
    assert used == {svg.name for svg in ILLUSTRATIONS}


# --- blog feed and search -------------------------------------------------------------------------


def blog_posts() -> list[dict]:
    return [doc.meta for doc in doc_pages() if doc.name.startswith("blog/") and "slug" in doc.meta]


@pytest.mark.build
def test_rss_feed_lists_every_post(site_dir: Path):
    channel = ET.parse(site_dir / "feed_rss_created.xml").getroot().find("channel")
    items = channel.findall("item")
    links = {item.findtext("link") for item in items}
    assert links == {f"{SITE_URL}blog/{p['slug']}/" for p in blog_posts()}
    for item in items:
        assert item.findtext("title") and item.findtext("description")
        parsedate_to_datetime(item.findtext("pubDate"))  # a real RFC 822 date
    assert channel.find("image").findtext("url").endswith(".png")


@pytest.mark.build
def test_blog_index_archive_and_categories(site_dir: Path):
    index = read_page(site_dir / "blog/index.html")
    posts = index.select("article.md-post")
    assert len(posts) == len(blog_posts())
    for category in {c for p in blog_posts() for c in p.get("categories", [])}:
        slug = category.lower().replace(" ", "-")
        assert (site_dir / f"blog/category/{slug}/index.html").is_file(), category


SEARCHES = {
    "sciatic": "conditions/sciatica/",
    "piriformis": "conditions/piriformis-syndrome/",
    "hip rotation": "conditions/hip-internal-rotation/",
    "McKenzie": "treatments/mckenzie-method/",
}


@pytest.mark.build
@pytest.mark.parametrize(("query", "location"), SEARCHES.items())
def test_search_index_finds(site_dir: Path, query: str, location: str):
    docs = json.loads((site_dir / "search/search_index.json").read_text())["docs"]
    words = query.lower().split()
    hits = {
        doc["location"].split("#")[0]
        for doc in docs
        if all(word in (doc["title"] + " " + doc["text"]).lower() for word in words)
    }
    assert location in hits


# --- the first-visit page reads its facts from data/clinic.yml -----------------------------------


@pytest.mark.build
def test_first_visit_page_shows_the_clinic_data(site_dir: Path):
    import yaml

    visit = yaml.safe_load((ROOT / "data" / "clinic.yml").read_text(encoding="utf-8"))[
        "first_visit"
    ]
    content = content_of(site_dir, "first-visit")
    text = " ".join(content.get_text(" ").split())
    bring = [" ".join(li.get_text(" ").split()) for li in content.select("#what-to-bring ~ ul li")]
    assert bring[: len(visit["what_to_bring"])] == visit["what_to_bring"]
    for field in ("cost", "insurance", "cancellation", "accessibility"):
        assert " ".join(visit[field].split()) in text, field
    minutes = visit["length_minutes"]
    length = f"about {minutes // 60} hour" if minutes % 60 == 0 else f"about {minutes} minutes"
    assert f"Your first visit takes {length}" in text
