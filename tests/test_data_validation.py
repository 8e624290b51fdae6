"""Data files and front matter: bad input stops the build with the file, record and field."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from engine.data import SiteData
from engine.errors import ContentError
from engine.front_matter import check_front_matter, read_front_matter
from engine.models import ArticleFrontMatter
from tests.tools.project import ROOT

pytestmark = pytest.mark.unit


def edit_yaml(path: Path, change) -> None:
    content = yaml.safe_load(path.read_text())
    change(content)
    path.write_text(yaml.safe_dump(content, sort_keys=False))


def load_error(data_dir: Path) -> str:
    with pytest.raises(ContentError) as raised:
        SiteData.load(data_dir)
    return str(raised.value)


def test_real_data_loads():
    # Negative control for the tests below: the untouched files are valid.
    site = SiteData.load(ROOT / "data")
    assert site.treatments and site.references and site.clinic.clinicians


def test_missing_field_names_file_record_and_field(data_dir):
    edit_yaml(data_dir / "treatments.yml", lambda d: d["treatments"][1].pop("risks"))
    message = load_error(data_dir)
    second = yaml.safe_load((data_dir / "treatments.yml").read_text())["treatments"][1]["id"]
    assert message.startswith("data/treatments.yml:")
    assert f"treatment '{second}', field 'risks'" in message


def test_bad_evidence_strength_is_named(data_dir):
    def change(d):
        d["treatments"][0]["evidence"]["low-back-pain"]["strength"] = "strong"

    edit_yaml(data_dir / "treatments.yml", change)
    assert "field 'evidence.low-back-pain.strength'" in load_error(data_dir)


def test_a_grade_without_references_is_rejected(data_dir):
    def change(d):
        d["treatments"][0]["evidence"]["sciatica"]["references"] = []

    edit_yaml(data_dir / "treatments.yml", change)
    assert "field 'evidence.sciatica': Value error, a 'low' grade needs references" in load_error(
        data_dir
    )


def test_not_studied_may_rest_on_no_source(data_dir):
    # Negative control for the test above: "not studied" is a statement of absence.
    def change(d):
        d["treatments"][0]["evidence"]["sciatica"] = {
            "strength": "not-studied",
            "summary": "None found.",
        }

    edit_yaml(data_dir / "treatments.yml", change)
    SiteData.load(data_dir)


def test_every_treatment_is_graded_for_low_back_pain(data_dir):
    edit_yaml(
        data_dir / "treatments.yml", lambda d: d["treatments"][2]["evidence"].pop("low-back-pain")
    )
    assert "needs a grade for 'low-back-pain'" in load_error(data_dir)


def test_an_unknown_condition_is_rejected(data_dir):
    def change(d):
        d["treatments"][0]["evidence"]["neck-pain"] = d["treatments"][0]["evidence"]["sciatica"]

    edit_yaml(data_dir / "treatments.yml", change)
    assert "evidence.neck-pain" in load_error(data_dir)


def test_misspelt_field_is_an_error(data_dir):
    edit_yaml(data_dir / "treatments.yml", lambda d: d["treatments"][0].update(risk="typo"))
    assert "field 'risk'" in load_error(data_dir)


def test_duplicate_treatment_id(data_dir):
    edit_yaml(data_dir / "treatments.yml", lambda d: d["treatments"].append(d["treatments"][0]))
    assert "duplicate treatment id" in load_error(data_dir)


def test_unknown_reference_key_in_treatments(data_dir):
    def change(d):
        d["treatments"][0]["evidence"]["sciatica"]["references"].append("smith1066")

    edit_yaml(data_dir / "treatments.yml", change)
    message = load_error(data_dir)
    assert message.startswith("data/treatments.yml:") and "'smith1066'" in message


def test_treatment_page_must_exist(data_dir):
    edit_yaml(data_dir / "treatments.yml", lambda d: d["treatments"][0].update(page="nope.md"))
    assert "docs/nope.md does not exist" in load_error(data_dir)


def test_clinic_phone_format(data_dir):
    edit_yaml(data_dir / "clinic.yml", lambda d: d.update(phone="call us"))
    message = load_error(data_dir)
    assert message.startswith("data/clinic.yml:") and "field 'phone'" in message


def test_first_visit_length_must_be_minutes(data_dir):
    edit_yaml(data_dir / "clinic.yml", lambda d: d["first_visit"].update(length_minutes="an hour"))
    message = load_error(data_dir)
    assert message.startswith("data/clinic.yml:")
    assert "field 'first_visit.length_minutes'" in message


def test_first_visit_needs_something_to_bring(data_dir):
    edit_yaml(data_dir / "clinic.yml", lambda d: d["first_visit"].update(what_to_bring=[]))
    assert "field 'first_visit.what_to_bring'" in load_error(data_dir)


def test_first_visit_misspelt_field_is_named(data_dir):
    edit_yaml(data_dir / "clinic.yml", lambda d: d["first_visit"].update(cancelation="Call us."))
    assert "field 'first_visit.cancelation'" in load_error(data_dir)


def test_first_visit_unknown_part_is_refused():
    from engine.visit import first_visit_markdown

    visit = SiteData.load(ROOT / "data").clinic.first_visit
    assert first_visit_markdown(visit, "length").startswith("about ")  # negative control
    with pytest.raises(ValueError, match="unknown part 'price'"):
        first_visit_markdown(visit, "price")


def test_clinic_day_listed_twice(data_dir):
    edit_yaml(data_dir / "clinic.yml", lambda d: d["opening_hours"][1]["days"].append("Mo"))
    assert "duplicate day 'Mo'" in load_error(data_dir)


def test_reference_without_any_link(data_dir):
    def change(d):
        first = next(iter(d.values()))
        for field in ("doi", "pmid", "url"):
            first.pop(field, None)

    edit_yaml(data_dir / "references.yml", change)
    message = load_error(data_dir)
    assert message.startswith("data/references.yml: reference '") and "doi, pmid or url" in message


def test_yaml_syntax_error_names_the_file(data_dir):
    (data_dir / "red_flags.yml").write_text("groups: [unclosed\n")
    message = load_error(data_dir)
    assert message.startswith("data/red_flags.yml: is not valid YAML")


def test_a_key_given_twice(data_dir):
    path = data_dir / "references.yml"
    text = path.read_text()
    first = text[
        text.index("\nellison1990:") : text.index("\n\n", text.index("\nellison1990:") + 1)
    ]
    path.write_text(text + first + "\n")
    message = load_error(data_dir)
    assert (
        message.startswith("data/references.yml: is not valid YAML")
        and "'ellison1990' appears twice" in message
    )


def test_red_flags_emergency_first(data_dir):
    edit_yaml(data_dir / "red_flags.yml", lambda d: d["groups"].reverse())
    assert "first group must be the emergency tier" in load_error(data_dir)


# --- front matter ------------------------------------------------------------------------------

ARTICLE = {
    "title": "Sciatica",
    "description": (
        "What sciatica is, why it happens, how long it lasts and what helps, in plain words."
    ),
    "last_reviewed": date(2026, 11, 1),
    "reviewed_by": "jmorales",
}


@pytest.fixture(scope="module")
def clinic():
    return SiteData.load(ROOT / "data").clinic


def front_matter_error(meta: dict, clinic) -> str:
    with pytest.raises(ContentError) as raised:
        check_front_matter("docs/page.md", meta, clinic)
    return str(raised.value)


def test_valid_article_front_matter(clinic):
    front_matter = check_front_matter("docs/page.md", ARTICLE, clinic)
    assert isinstance(front_matter, ArticleFrontMatter) and front_matter.reviewed_by == "jmorales"


def test_info_page_needs_no_review(clinic):
    meta = {"title": "Contact", "description": ARTICLE["description"], "page_type": "info"}
    assert check_front_matter("docs/contact.md", meta, clinic).title == "Contact"


@pytest.mark.parametrize("field", ["title", "description", "last_reviewed", "reviewed_by"])
def test_each_required_field(clinic, field):
    meta = {k: v for k, v in ARTICLE.items() if k != field}
    message = front_matter_error(meta, clinic)
    assert message.startswith("docs/page.md: front matter") and f"field '{field}'" in message


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"description": "Too short."}, "must be 50 to 160 characters long (it has 10)"),
        ({"description": "x" * 161}, "must be 50 to 160 characters long (it has 161)"),
        (
            {"description": "See [our guide](guide.md) for what sciatica is and what helps."},
            "plain text",
        ),
        ({"last_reviewed": "last week"}, "YYYY-MM-DD"),
        ({"last_reviewed": date.today() + timedelta(days=2)}, "in the future"),
        ({"reviewed_by": "drnobody"}, "not a clinician id in data/clinic.yml"),
        ({"page_type": "essay"}, "field 'page_type'"),
        ({"search": {"boost": 0}}, "field 'search.boost'"),
        ({"search": {"boost": "high"}}, "field 'search.boost'"),
        ({"search": {"exlude": True}}, "field 'search.exlude'"),
    ],
)
def test_malformed_fields(clinic, changes, expected):
    assert expected in front_matter_error({**ARTICLE, **changes}, clinic)


def test_unparseable_front_matter_names_file_and_line():
    text = "---\ntitle: Sciatica\ndescription: [unclosed\n---\n\n# Sciatica\n"
    with pytest.raises(ContentError) as raised:
        read_front_matter("docs/sciatica.md", text)
    assert str(raised.value).startswith("docs/sciatica.md: front matter is not valid YAML")


def test_a_key_written_twice_in_front_matter_is_refused():
    """Code review B3: the data files refused repeated keys, front matter kept the last."""
    with pytest.raises(ContentError, match="key 'title' appears twice"):
        read_front_matter("docs/x.md", "---\ntitle: A\ntitle: B\n---\n# A\n")


def test_missing_front_matter():
    with pytest.raises(ContentError, match=re.escape("docs/x.md: has no front matter")):
        read_front_matter("docs/x.md", "# Just a heading\n")


def test_front_matter_is_read():
    meta = read_front_matter("docs/x.md", "---\ntitle: X\n---\n# X\n")
    assert meta == {"title": "X"}


# --- glossary ----------------------------------------------------------------------------------


def test_glossary_reads_entries_and_skips_comments(tmp_path):
    from engine.glossary import read_glossary

    path = tmp_path / "glossary.md"
    path.write_text(
        "<!-- a comment\n   over two lines -->\n*[MRI]: A scan\n\n*[DNS]: An exercise approach\n"
    )
    assert read_glossary(path, "docs/_snippets/glossary.md") == {
        "MRI": "A scan",
        "DNS": "An exercise approach",
    }


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("*[MRI]: A scan\nMRI means a scan\n", "line 2 is not"),
        ("*[MRI]: A\n*[MRI]: B\n", "'MRI' is defined twice"),
    ],
)
def test_glossary_errors_name_the_file_and_line(tmp_path, text, problem):
    from engine.glossary import read_glossary

    path = tmp_path / "glossary.md"
    path.write_text(text)
    with pytest.raises(ContentError) as raised:
        read_glossary(path, "docs/_snippets/glossary.md")
    assert str(raised.value).startswith("docs/_snippets/glossary.md: ") and problem in str(
        raised.value
    )
