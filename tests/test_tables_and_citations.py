"""Unit tests of the macro functions: comparison tables and citations, with negative controls."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from engine.citations import PageCitations, format_reference
from engine.data import SiteData
from engine.errors import UnknownKeyError
from engine.tables import COLUMNS, DEFAULT_COLUMNS, Column, treatment_table
from tests.tools.project import ROOT

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def site() -> SiteData:
    return SiteData.load(ROOT / "data")


@pytest.fixture
def citations(site: SiteData) -> PageCitations:
    return PageCitations(site.references)


def render(site: SiteData, citations: PageCitations, **options) -> BeautifulSoup:
    html = treatment_table(
        site.treatments, cite=citations.cite, link_to=lambda path: f"/{path}", **options
    )
    return BeautifulSoup(html, "html.parser")


def row_names(table: BeautifulSoup) -> list[str]:
    return [th.get_text(strip=True) for th in table.select('tbody th[scope="row"]')]


def header_labels(table: BeautifulSoup) -> list[str]:
    return [th.get_text(strip=True) for th in table.select('thead th[scope="col"]')]


# --- treatment_table -------------------------------------------------------------------------


def test_all_treatments_in_data_order_by_default(site, citations):
    table = render(site, citations)
    assert row_names(table) == [t.name for t in site.treatments]
    assert header_labels(table) == [COLUMNS[key].label for key in DEFAULT_COLUMNS]


def test_a_subset_in_the_order_asked(site, citations):
    table = render(site, citations, ids=["spinal-manipulation", "mckenzie"])
    by_id = {t.id: t.name for t in site.treatments}
    assert row_names(table) == [by_id["spinal-manipulation"], by_id["mckenzie"]]
    # Negative control: a treatment not asked for is not in the table.
    assert by_id["dns"] not in table.get_text()


def test_a_single_id_as_a_string_is_one_treatment(site, citations):
    table = render(site, citations, ids="dns")
    assert len(row_names(table)) == 1


def test_a_column_choice(site, citations):
    table = render(site, citations, columns=["risks", "suits"])
    # The name column is kept first: rows need a header cell.
    assert header_labels(table) == ["Treatment", "Risks and side effects", "Who it may suit"]
    assert "Strength of evidence" not in table.get_text()  # negative control


def test_table_is_accessible(site, citations):
    table = render(site, citations, caption="Hands-on treatments")
    caption = table.find("caption")
    assert caption.get_text() == "Hands-on treatments" and caption["id"]
    assert all(th.get("scope") in {"col", "row"} for th in table.find_all("th"))
    assert len(table.select('tbody th[scope="row"]')) == len(site.treatments)


def test_the_table_has_a_class_and_no_scrolling_region(site, citations):
    # A class keeps Material's table styles and scrolling box away (hooks/theme.py); the table
    # fits its column at any width, so it needs no focusable scrolling region.
    table = render(site, citations)
    assert table.find("table")["class"] == ["app-table__table"]
    wrapper = table.find("div", class_="app-table")
    assert wrapper.get("role") is None and wrapper.get("tabindex") is None


def test_every_data_cell_is_labelled_with_its_column_header(site, citations):
    """On a narrow screen each row is a card and each cell shows its `data-label` (site.css):
    the label must be the column's header, cell by cell."""
    table = render(site, citations, columns=["what_it_is", "evidence", "typical_course", "risks"])
    headers = header_labels(table)
    assert len(headers) == 5
    for row in table.select("tbody tr"):
        name, *cells = row.find_all(["th", "td"])
        assert name.name == "th" and not name.has_attr("data-label")
        assert [cell.name for cell in cells] == ["td"] * 4
        assert [cell["data-label"] for cell in cells] == headers[1:]


def test_the_evidence_label_names_the_tables_condition(site, citations):
    table = render(site, citations, columns=["evidence"], condition="piriformis-syndrome")
    labels = {td["data-label"] for td in table.select("tbody td")}
    assert labels == {"Strength of evidence for piriformis syndrome"}


def test_labels_and_headers_are_escaped(site, citations, monkeypatch):
    # A label is text in an attribute and in a header cell: quotes and tags stay text.
    label = 'Risks "and" <b>side</b> effects & more'
    monkeypatch.setitem(COLUMNS, "risks", Column(label, COLUMNS["risks"].render))
    html = treatment_table(site.treatments[:1], columns=["risks"], cite=citations.cite, link_to=str)
    assert '"and"' not in html and "<b>" not in html
    parsed = BeautifulSoup(html, "html.parser")
    assert parsed.select_one("tbody td")["data-label"] == label
    assert header_labels(parsed)[1] == label


def test_each_column_gets_a_width_class_in_order(site, citations):
    table = render(site, citations, columns=["evidence", "risks", "suits"])
    assert [col["class"] for col in table.select("colgroup col")] == [
        ["app-table__column--name"],
        ["app-table__column--evidence"],
        ["app-table__column--risks"],
        ["app-table__column--suits"],
    ]


def test_site_css_gives_every_column_a_width():
    """Column widths are weights in site.css; a column added to COLUMNS needs one."""
    css = (ROOT / "docs/assets/stylesheets/site.css").read_text(encoding="utf-8")
    for key in COLUMNS:
        assert f".app-table__column--{key.replace('_', '-')} {{\n  width:" in css, key


def test_two_tables_on_a_page_get_different_ids(site, citations):
    first = render(site, citations, number=1).find("caption")["id"]
    second = render(site, citations, number=2).find("caption")["id"]
    assert first != second


def test_evidence_cell_cites_the_records_references(site, citations):
    render(site, citations, ids=["mckenzie"], columns=["evidence"])
    mckenzie = next(t for t in site.treatments if t.id == "mckenzie")
    assert citations.cited == mckenzie.evidence["low-back-pain"].references


# --- evidence per condition (audit §2-B3) ---------------------------------------------------------


def evidence_cells(table) -> dict[str, str]:
    return {
        row.find("th").get_text(" ", strip=True): row.find("td").get_text(" ", strip=True)
        for row in table.select("tbody tr")
    }


def test_the_evidence_column_is_for_the_tables_condition(site, citations):
    table = render(site, citations, columns=["evidence"], condition="sciatica")
    assert header_labels(table)[1] == "Strength of evidence for sciatica"
    exercise = next(t for t in site.treatments if t.id == "exercise-therapy")
    cell = evidence_cells(table)[exercise.name]
    assert cell.startswith("Low") and exercise.evidence["sciatica"].summary.split()[0] in cell


def test_a_condition_without_a_grade_shows_not_studied_never_the_low_back_pain_grade(
    site, citations
):
    graded = next(t for t in site.treatments if t.evidence["low-back-pain"].strength == "moderate")
    ungraded = graded.model_copy(
        update={"evidence": {"low-back-pain": graded.evidence["low-back-pain"]}}
    )
    table = BeautifulSoup(
        treatment_table(
            [ungraded], columns=["evidence"], cite=citations.cite, link_to=str, condition="sciatica"
        ),
        "html.parser",
    )
    cell = evidence_cells(table)[graded.name]
    assert cell.startswith("Not studied") and "Moderate" not in cell
    # Negative control: the same row graded for low back pain does show its grade.
    lbp = BeautifulSoup(
        treatment_table([ungraded], columns=["evidence"], cite=citations.cite, link_to=str),
        "html.parser",
    )
    assert evidence_cells(lbp)[graded.name].startswith("Moderate")


def test_an_unknown_condition_is_named(site, citations):
    with pytest.raises(UnknownKeyError) as raised:
        render(site, citations, condition="neck-pain")
    assert raised.value.kind == "condition" and "'neck-pain'" in str(raised.value)


def test_exercise_therapy_and_corrective_exercise_are_graded_apart(site):
    """Audit §2-B4: corrective (impairment-targeted) exercise borrowed general exercise's grade."""
    grades = {t.id: t.evidence["low-back-pain"].strength for t in site.treatments}
    assert grades["exercise-therapy"] == "moderate"
    assert grades["corrective-exercise"] in {"very-low", "insufficient"}


def test_dns_does_not_borrow_motor_control_exercises_grade(site):
    """Audit §2-B7: DNS is not motor-control exercise in any source."""
    dns = next(t for t in site.treatments if t.id == "dns")
    assert dns.evidence["low-back-pain"].strength in {"insufficient", "not-studied"}
    assert "We group it" in dns.what_it_is


def test_visit_counts_are_labelled_as_the_clinics_plan(site):
    """Audit §2-C: visit counts have no source; they are the clinic's usual plan."""
    assert all(t.typical_course.startswith("At our clinic") for t in site.treatments)


def test_text_from_data_is_escaped(site, citations):
    # Data is text, never markup: an author's "<" must not open a tag.
    treatment = site.treatments[0].model_copy(update={"name": "Heat <b>packs</b>"})
    html = treatment_table([treatment], cite=citations.cite, link_to=str)
    assert "&lt;b&gt;" in html and "<b>" not in html


@pytest.mark.parametrize(
    ("options", "kind", "key"),
    [
        ({"ids": ["mckenzie", "acupuncture"]}, "treatment id", "acupuncture"),
        ({"columns": ["evidence", "price"]}, "column", "price"),
    ],
)
def test_unknown_keys_are_named(site, citations, options, kind, key):
    with pytest.raises(UnknownKeyError) as raised:
        render(site, citations, **options)
    assert raised.value.kind == kind
    assert f"'{key}'" in str(raised.value)


# --- cite and the reference list -----------------------------------------------------------


def test_citations_are_numbered_in_order_of_first_use(citations):
    keys = ["koes2007", "hayden2021"]
    first = BeautifulSoup(citations.cite(keys[0]), "html.parser")
    both = BeautifulSoup(citations.cite(keys[1], keys[0]), "html.parser")
    assert first.a.get_text() == "1" and first.a["href"] == "#ref-koes2007"
    # Numbered by first use, shown in ascending order within a group.
    assert [(a.get_text(), a["href"]) for a in both.find_all("a")] == [
        ("1", "#ref-koes2007"),
        ("2", "#ref-hayden2021"),
    ]
    assert citations.cited == keys


def test_a_group_of_new_citations_is_numbered_in_the_order_written(citations):
    group = BeautifulSoup(citations.cite("qaseem2017", "koes2007"), "html.parser")
    assert [(a.get_text(), a["href"]) for a in group.find_all("a")] == [
        ("1", "#ref-qaseem2017"),
        ("2", "#ref-koes2007"),
    ]


def test_reference_list_follows_citation_order(citations, site):
    citations.cite("qaseem2017")
    citations.cite("koes2007")
    markdown = citations.reference_list_markdown()
    items = BeautifulSoup(markdown, "html.parser").find_all("li")
    assert [li["id"] for li in items] == ["ref-qaseem2017", "ref-koes2007"]
    assert markdown.startswith("## References")


def test_no_citations_no_reference_list(citations):
    assert citations.reference_list_markdown() == ""


def test_unknown_reference_key_is_named(citations):
    with pytest.raises(UnknownKeyError) as raised:
        citations.cite("koes2007", "nobody1999")
    assert "'nobody1999'" in str(raised.value)


def test_reference_links_to_doi_and_pubmed(site):
    with_both = next(r for r in site.references.values() if r.doi and r.pmid)
    links = BeautifulSoup(format_reference(with_both), "html.parser").find_all("a")
    assert [a["href"] for a in links] == [
        f"https://doi.org/{with_both.doi}",
        f"https://pubmed.ncbi.nlm.nih.gov/{with_both.pmid}/",
    ]


def test_every_reference_has_a_usable_link(site):
    for key, reference in site.references.items():
        html = format_reference(reference)
        assert '<a href="https://' in html, key


def test_no_page_asks_readers_to_swipe_a_table_sideways():
    """The tables fit their column at every width (tests/test_browser_tables.py): a hint to
    swipe or scroll them sideways would be wrong."""
    hint = re.compile(r"\b(swipe|scroll)\b[^.]*\bsideways\b", re.IGNORECASE)
    pages = sorted((ROOT / "docs").rglob("*.md"))
    assert len(pages) > 20
    assert [p.name for p in pages if hint.search(p.read_text(encoding="utf-8"))] == []
    assert hint.search("On a phone, swipe the table sideways to see every column.")  # control
