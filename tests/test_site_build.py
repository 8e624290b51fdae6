"""The built site, read as HTML: the booking block, clinic facts, tables and review lines."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from engine.data import SiteData
from engine.glossary import PLAIN_CLASSES, PLAIN_INSIDE, read_site_glossary
from engine.review import us_date
from tests.tools.building import build
from tests.tools.pages import DocPage, doc_pages, html_pages, read_page, site_pages, soup
from tests.tools.project import ROOT

pytestmark = pytest.mark.build  # the built site, and one project copy

SITE = SiteData.load(ROOT / "data")
CLINIC = SITE.clinic
PHONE_TEXT = re.compile(r"\(?\b\d{3}\)?[ .-]\d{3}-\d{4}\b")


def cta(page_html) -> list:
    return page_html.select("aside.app-cta")


# --- the booking block on every page -------------------------------------------------------------


def test_every_page_has_exactly_one_booking_block(site_dir: Path, page: Path):
    blocks = cta(read_page(site_dir / page))
    assert len(blocks) == 1, f"{page}: {len(blocks)} booking blocks"


def test_booking_block_links_and_address(site_dir: Path, page: Path):
    block = cta(read_page(site_dir / page))[0]
    action = block.find("a", class_="app-cta__button")
    assert action.get_text(strip=True) == "Book an appointment"  # verb first
    assert action["href"] == str(CLINIC.booking_url)
    assert block.find("a", href=CLINIC.phone_href).get_text(strip=True) == CLINIC.phone_display
    assert CLINIC.address.street in block.find("address").get_text()


def test_booking_block_comes_after_the_page_content(site_dir: Path, page: Path):
    html = (site_dir / page).read_text(encoding="utf-8")
    assert (
        html.index('class="md-main"')
        < html.index('class="app-cta"')
        < html.index('class="md-footer"')
    )


def test_pages_listed_from_the_source_are_the_pages_built(site_dir: Path):
    # Tests that run once per page take their list from the source, so that collecting them
    # builds nothing; this keeps that list honest: every page built, and only those.
    assert site_pages() == html_pages(site_dir)


def test_site_has_the_pages_the_block_must_reach(site_dir: Path):
    pages = {str(p) for p in (site_dir).rglob("*.html")}
    expected = ["404.html", "blog/index.html", "tags/index.html", "blog/archive/2026/index.html"]
    for name in expected:
        assert str(site_dir / name) in pages, name


# --- clinic facts come from data/clinic.yml -------------------------------------------------------


def test_one_phone_number_site_wide(site_dir: Path):
    hrefs, shown = set(), set()
    for path in site_dir.rglob("*.html"):
        page_html = read_page(path)
        hrefs |= {a["href"] for a in page_html.select('a[href^="tel:"]')}
        shown |= set(PHONE_TEXT.findall(page_html.get_text(" ")))
    # The clinic's number, and the emergency number the urgent signs tell readers to call.
    emergency = SiteData.load(ROOT / "data").red_flags.groups[0].call
    assert hrefs == {CLINIC.phone_href, f"tel:{emergency}"}
    assert shown == {CLINIC.phone_display}


def test_booking_links_all_point_at_the_booking_url(site_dir: Path):
    booking_host = urlparse(str(CLINIC.booking_url)).netloc
    found = set()
    for path in site_dir.rglob("*.html"):
        for a in read_page(path).find_all("a", href=True):
            if urlparse(a["href"]).netloc == booking_host:
                found.add(a["href"])
    assert found == {str(CLINIC.booking_url)}


def test_contact_page_lists_the_opening_hours(site_dir: Path):
    table = read_page(site_dir / "contact/index.html").find("table")
    rows = {
        tr.find_all("td")[0].get_text(): tr.find_all("td")[1].get_text()
        for tr in table.tbody.find_all("tr")
    }
    assert len(rows) == 7
    assert rows["Monday"] == "8 a.m. to 6 p.m." and rows["Sunday"] == "Closed"


# --- tables are generated from data/treatments.yml ------------------------------------------------


def table_rows(page_html, number: int = 0) -> list[str]:
    table = page_html.select("div.app-table table")[number]
    return [th.get_text(strip=True) for th in table.select('tbody th[scope="row"]')]


def test_comparison_table_lists_every_treatment(site_dir: Path):
    page_html = read_page(site_dir / "treatments/index.html")
    assert table_rows(page_html) == [t.name for t in SITE.treatments]
    assert page_html.find("caption") is not None


def test_home_page_table_is_from_the_same_data(site_dir: Path):
    page_html = read_page(site_dir / "index.html")
    assert table_rows(page_html) == [t.name for t in SITE.treatments]
    headers = [th.get_text(strip=True) for th in page_html.select("div.app-table thead th")]
    assert headers == ["Treatment", "What it is"]


def test_comparison_table_subset(site_dir: Path):
    names = {t.id: t.name for t in SITE.treatments}
    rows = table_rows(read_page(site_dir / "treatments/index.html"), number=1)
    assert rows == [names["spinal-manipulation"], names["soft-tissue"]]


def test_a_treatment_added_to_the_data_appears_in_the_table(project_copy: Path, tmp_path: Path):
    data_file = project_copy / "data/treatments.yml"
    data = yaml.safe_load(data_file.read_text())
    new = {**data["treatments"][0], "id": "heat-wraps", "name": "Heat wraps (test fixture)"}
    new.pop("page", None)
    data["treatments"].append(new)
    data_file.write_text(yaml.safe_dump(data, sort_keys=False))

    result = build(project_copy, tmp_path / "site")
    assert result.ok, result.output
    assert "Heat wraps (test fixture)" in table_rows(
        soup(result.site_dir / "treatments/index.html")
    )


def test_the_fixture_treatment_is_not_in_the_real_site(site_dir: Path):
    # Negative control for the test above: the name only appears when the data has it.
    assert "Heat wraps" not in (site_dir / "treatments/index.html").read_text()


# --- articles show who reviewed them --------------------------------------------------------------


@pytest.mark.parametrize("doc", doc_pages(), ids=lambda doc: doc.name or "home")
def test_review_line_on_articles_only(site_dir: Path, doc: DocPage):
    # A blog index shows each post's opening, review line included: that belongs to the post.
    html = read_page(site_dir / doc.built)
    review = [p for p in html.select("p.app-review") if not p.find_parent(class_="md-post")]
    meta = doc.meta
    if not doc.is_article:
        assert review == []  # negative control: info pages carry no medical review
        return
    assert len(review) == 1
    reviewer = CLINIC.clinician(meta["reviewed_by"])
    reviewed_on = meta["last_reviewed"]
    assert isinstance(reviewed_on, date)
    text = review[0].get_text(" ", strip=True)
    assert text.startswith("Medically reviewed by")
    assert reviewer.name_with_credentials in text and us_date(reviewed_on) in text
    assert review[0].find("time")["datetime"] == reviewed_on.isoformat()


# --- citations become a numbered reference list ---------------------------------------------------


def test_citations_link_to_the_reference_list(site_dir: Path):
    page_html = read_page(site_dir / "blog/hip-internal-rotation-low-back-pain/index.html")
    items = page_html.select("ol.app-references > li")
    targets = {a["href"].lstrip("#") for a in page_html.select("sup.app-cite a")}
    assert items and targets == {li["id"] for li in items}
    source_links = [
        li.find("a", href=re.compile(r"^https://(doi\.org|pubmed\.ncbi\.nlm\.nih\.gov)/"))
        for li in items
    ]
    assert sum(link is not None for link in source_links) >= 3
    for li in items:
        assert li.find("a", href=re.compile(r"^https://")), li["id"]


def test_citation_groups_are_in_ascending_order(site_dir: Path):
    groups = [
        [int(a.get_text()) for a in sup.select("a")]
        for path in sorted(site_dir.rglob("index.html"))
        for sup in read_page(path).select("sup.app-cite")
    ]
    assert any(len(group) > 1 for group in groups), (
        "no page cites a group: the check would pass vacuously"
    )
    assert [group for group in groups if group != sorted(group)] == []


# --- privacy: nothing on a page comes from another host -------------------------------------------

LOADED = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src"}


def test_pages_load_nothing_from_other_hosts(site_dir: Path, page: Path):
    page_html = read_page(site_dir / page)
    for tag, attribute in LOADED.items():
        for element in page_html.find_all(tag):
            url = element.get(attribute)
            if not url or (tag == "link" and "canonical" in element.get("rel", [])):
                continue
            assert not urlparse(url).netloc, f"{page}: <{tag}> loads {url}"
    assert "fonts.googleapis" not in (site_dir / page).read_text()


# --- glossary terms ------------------------------------------------------------------------------

GLOSSARY = read_site_glossary(ROOT / "docs")


def explained_terms(page_html) -> dict[str, str]:
    """Term -> the meaning its button opens (engine/glossary.py's markup)."""
    return {
        button.get_text(): page_html.find(id=button["popovertarget"]).get_text()
        for button in page_html.select("button.app-term")
    }


def test_glossary_terms_get_their_meaning_from_the_glossary(site_dir: Path):
    # The sciatica page uses several glossary terms; each button opens the glossary's words,
    # in a popover that is closed when the page loads.
    page = read_page(site_dir / "conditions" / "sciatica" / "index.html")
    explained = explained_terms(page)
    assert {"sciatica", "nerve root", "disc herniation", "MRI"} <= explained.keys()
    for term, meaning in explained.items():
        assert GLOSSARY[term] == meaning
    meanings = page.select(".app-term__meaning")
    assert len(meanings) == len(explained)
    assert all(m.get("popover") == "" and m.name == "span" for m in meanings)


def test_terms_come_from_the_glossary_once_per_term(site_dir: Path, page: Path):
    html = read_page(site_dir / page)
    terms = [button.get_text() for button in html.select("button.app-term")]
    assert all(term in GLOSSARY for term in terms), (
        f"terms not in the glossary: {set(terms) - GLOSSARY.keys()}"
    )
    assert len(terms) == len(set(terms)), "a term is explained more than once"
    assert not html.select("abbr"), "a term the abbr extension marked was left as it was"
    for button in html.select("button.app-term"):
        meaning = button.find_next_sibling()
        assert meaning and meaning.get("id") == button["popovertarget"], button.get_text()
        assert len(html.find_all(id=meaning["id"])) == 1
    # The glossary's source lines never show on a page.
    assert "*[" not in html.get_text()


def test_no_term_is_explained_in_headings_links_labels_the_frame_or_urgent_boxes(
    site_dir: Path, page: Path
):
    html = read_page(site_dir / page)
    plain = sorted(PLAIN_INSIDE) + [f".{name}" for name in sorted(PLAIN_CLASSES)]
    inside = html.select(", ".join(f"{element} .app-term" for element in plain))
    assert inside == [], f"{page}: {[term.get_text() for term in inside]}"


def test_glossary_words_in_headings_and_links_are_there_to_be_left_plain(site_dir: Path):
    # Negative control for the test above: titles, card links and urgent boxes do use glossary
    # words (the browser review saw them underlined), so the check has something to leave plain.
    home = read_page(site_dir / "index.html")
    treatments = read_page(site_dir / "treatments" / "index.html")
    post = read_page(site_dir / "blog" / "sciatica-usually-gets-better" / "index.html")
    assert "low back pain" in treatments.select_one("h1").get_text()
    assert "sciatica" in post.select_one("h1").get_text().lower()
    assert any("low back pain" in link.get_text() for link in home.select("article a"))
    exercise = read_page(site_dir / "exercises" / "hip-rotation" / "index.html")
    assert "(sciatica)" in exercise.select_one(".app-urgent--emergency").get_text()


def test_a_term_the_page_does_not_use_is_not_explained(site_dir: Path):
    # Negative control: the privacy page mentions no medical term, so it explains none.
    page = read_page(site_dir / "about" / "privacy" / "index.html")
    text = page.select_one("article").get_text()
    unused = [term for term in GLOSSARY if term not in text]
    assert unused and not page.select(".app-term")


def test_search_index_holds_no_glossary_meaning(site_dir: Path):
    # The index is made from the page before its terms are explained: a meaning must not sit
    # in the middle of every sentence that uses its term. The glossary page itself is out of
    # search (`search: exclude`), so no meaning is indexed anywhere.
    docs = json.loads((site_dir / "search" / "search_index.json").read_text())["docs"]
    assert docs and not any("app-term" in doc["text"] for doc in docs)
    assert not any(doc["location"].startswith("about/glossary/") for doc in docs)
    for meaning in GLOSSARY.values():
        holders = {doc["location"].split("#")[0] for doc in docs if meaning in doc["text"]}
        assert holders == set(), f"{meaning!r} indexed on {holders}"


@pytest.mark.build
def test_the_plan_view_shows_its_plan_before_the_rest_is_laid_out(site_dir: Path):
    """Issue 17: deferred, plan.js showed the plan after the page below it was laid out, and
    Lighthouse measured a layout shift of 0.57. It must run where it stands: not deferred, after
    the exercises it picks and before what follows them."""
    html = (site_dir / "plan/view/index.html").read_text(encoding="utf-8")
    script = re.search(r'<script( defer)? src="[./]*assets/javascripts/plan\.js"', html)
    assert script and script[1] is None, "plan.js is deferred on the plan view"
    exercises, stop_box = html.index("data-plan-exercises"), html.index('id="stop-and-get-help"')
    assert exercises < script.start() < stop_box
    builder = (site_dir / "plan/index.html").read_text(encoding="utf-8")
    assert re.search(r'<script defer src="[./]*assets/javascripts/plan\.js"', builder)  # control
