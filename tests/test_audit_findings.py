"""The medical audit of 2026-11-28 (shared/reviews/2026-11-medical-audit.md), finding by
finding: each fixed statement has a check that fails if it comes back, and the placeholder
guard keeps made-up contact details and reviewers off the live site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4.element import NavigableString, Tag

from engine.data import SiteData
from engine.errors import ContentError
from engine.placeholders import check_ready_to_publish, is_development_address, placeholder_fields
from tests.tools.building import build
from tests.tools.pages import EXERCISE_PAGES, TREATMENT_PAGES, soup
from tests.tools.project import ROOT, SITE_URL

SITE = SiteData.load(ROOT / "data")


def article(site_dir: Path, name: str):
    return soup(site_dir / name / "index.html").select_one("article.md-content__inner")


def article_pages(site_dir: Path) -> dict[str, Tag]:
    pages = {}
    for html in sorted(site_dir.rglob("index.html")):
        content = soup(html).select_one("article.md-content__inner")
        if content is not None:
            pages[str(html.parent.relative_to(site_dir))] = content
    return pages


# --- wording the audit found stronger than its source --------------------------------------------

RETIRED_WORDING = {
    r"\bthe same day\b": "§2-A1: cauda equina signs are an emergency, never 'the same day'",
    r"\bUS guidelines\b": "§2-B1: one 2017 guideline, past ACP's own 5-year currency",
    r"exercise (?:as|are) the first steps?": (
        "§2-B1: exercise is first-line for long-lasting pain only"
    ),
    r"\bexercise comes first\b": "§2-B2: for sciatica, staying active comes first",
    r"serious harms are rare": "§2-B5: up to 13 in 10,000 people is 'uncommon to rare'",
    r"a type of motor.control exercise": (
        "§2-B7: grouping DNS with motor control is the clinic's view"
    ),
    r"\bthan normal\b": "§2-B8: Prather 2017 had no normal comparison",
    r"\b38 young people\b": "§2-B8: the controls were young volunteers in a study of athletes",
    r"did not find newer trials": "§2-C: trial registries list newer trials",
    r"should not have it:? your clinician will check": "issue 13 item 6: list the precautions",
}


def find_retired(text: str) -> list[str]:
    return [
        why for pattern, why in RETIRED_WORDING.items() if re.search(pattern, text, re.IGNORECASE)
    ]


@pytest.mark.build
def test_retired_wording_is_gone_from_every_page(site_dir: Path):
    found = {
        name: hits
        for name, content in article_pages(site_dir).items()
        if (hits := find_retired(" ".join(content.get_text(" ").split())))
    }
    assert found == {}


@pytest.mark.unit
@pytest.mark.parametrize(
    "old",
    [
        "Some symptoms need care the same day.",
        "Guidelines advise staying active and exercise as the first steps for low back pain.",
        "Exercise comes first.",
        "Serious harms are rare.",
        "3 in 4 had less hip internal rotation than normal.",
        "Who should not have it: your clinician will check.",
    ],
)
def test_retired_wording_check_catches_the_audited_sentences(old: str):
    assert find_retired(old)  # negative control: the check is not vacuous


def citing_sentences(content) -> list[tuple[str, list[str]]]:
    """(sentence, cited keys) for every citation group on a page: the text of its paragraph
    or list item up to the group, from the last full stop before it."""
    found = []
    for sup in content.select("sup.app-cite"):
        keys = [a["href"].removeprefix("#ref-") for a in sup.find_all("a", href=True)]
        block = sup.find_parent(["p", "li", "td"])
        if block is None:
            continue
        before = []
        for node in block.descendants:
            if node is sup:
                break
            if isinstance(node, NavigableString) and not node.find_parent("sup"):
                before.append(node)
        text = " ".join("".join(before).split())
        sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)[-1] if text else ""
        found.append((sentence, keys))
    return found


def misuses(content) -> list[str]:
    problems = []
    for sentence, keys in citing_sentences(content):
        for key in keys:
            for pattern in SITE.references[key].not_for:
                if re.search(pattern, sentence, re.IGNORECASE):
                    problems.append(f"{key} cited for {sentence!r} (matches {pattern!r})")
    return problems


@pytest.mark.build
def test_no_source_is_cited_for_what_it_does_not_say(site_dir: Path):
    """Audit §2-A2: roach2015 found no difference in rotation and was cited for less rotation.
    Each source's `not_for` patterns in data/references.yml hold what it must not back."""
    problems = {
        name: found
        for name, content in article_pages(site_dir).items()
        if (found := misuses(content))
    }
    assert problems == {}


@pytest.mark.unit
def test_the_misuse_check_catches_roach2015_cited_for_less_rotation():
    # Negative control, on the audited sentence itself.
    html = (
        "<article><p>Many people with low back pain have less of this movement."
        '<sup class="app-cite"><a href="#ref-prather2017">1</a>,'
        '<a href="#ref-roach2015">2</a></sup></p></article>'
    )
    from bs4 import BeautifulSoup

    problems = misuses(BeautifulSoup(html, "html.parser"))
    assert len(problems) == 1 and problems[0].startswith("roach2015")


# --- evidence per condition on the pages (§2-B3) -------------------------------------------------


@pytest.mark.build
@pytest.mark.parametrize(
    ("name", "condition"),
    [
        ("conditions/sciatica", "sciatica"),
        ("conditions/piriformis-syndrome", "piriformis-syndrome"),
    ],
)
def test_condition_pages_show_that_conditions_grades(site_dir: Path, name: str, condition: str):
    content = article(site_dir, name)
    table = content.select_one(".app-table table")
    assert table is not None
    label = table.select_one("thead tr").get_text(" ")
    assert f"for {condition.replace('-', ' ')}" in label
    by_name = {t.name: t for t in SITE.treatments}
    for row in table.select("tbody tr"):
        treatment = by_name[row.find("th").get_text(" ", strip=True)]
        grade = row.select_one(".app-evidence")
        expected = treatment.evidence_for(condition).strength
        assert f"app-evidence--{expected}" in grade["class"], (treatment.id, grade["class"])


# --- what a reader can safely do today (issue 13 item 5) ----------------------------------------


@pytest.mark.build
@pytest.mark.parametrize("name", ["conditions/sciatica", "conditions/low-back-pain"])
def test_self_care_today_is_on_the_page(site_dir: Path, name: str):
    content = article(site_dir, name)
    section = content.find(id="what-you-can-safely-do-today")
    assert section is not None
    text = []
    for sibling in section.find_next_siblings():
        if sibling.name == "h2":
            break
        text.append(sibling.get_text(" "))
    words = " ".join(text).lower()
    for needed in ("heat", "sitting", "pharmacist"):
        assert needed in words, f"{name}: self-care today says nothing about {needed}"


@pytest.mark.build
def test_sciatica_page_names_the_medicines_nice_advises_against(site_dir: Path):
    words = article(site_dir, "conditions/sciatica").get_text(" ").lower()
    for medicine in ("gabapentin", "pregabalin", "steroid", "benzodiazepine", "opioid"):
        assert medicine in words, medicine


# --- precautions and stop rules (issue 13 item 6, audit §2-D) -----------------------------------


@pytest.mark.build
@pytest.mark.parametrize("name", TREATMENT_PAGES)
def test_treatment_pages_list_who_should_not_have_it(site_dir: Path, name: str):
    text = article(site_dir, name).get_text(" ")
    assert re.search(r"who should not have it", text, re.IGNORECASE), name


@pytest.mark.build
def test_manipulation_precautions_are_listed(site_dir: Path):
    text = article(site_dir, "treatments/spinal-manipulation").get_text(" ").lower()
    for precaution in (
        "osteoporosis",
        "blood thinner",
        "bleeding",
        "arthritis",
        "cancer",
        "infection",
    ):
        assert precaution in text, precaution


@pytest.mark.build
@pytest.mark.parametrize("name", EXERCISE_PAGES)
def test_exercise_pages_carry_pregnancy_and_bone_cautions(site_dir: Path, name: str):
    text = article(site_dir, name).get_text(" ").lower()
    assert "pregnan" in text and "osteoporosis" in text


@pytest.mark.build
@pytest.mark.parametrize("name", [*EXERCISE_PAGES, "exercises"])
def test_stop_rules_say_new_or_worse_tingling(site_dir: Path, name: str):
    """People with sciatica already tingle: a stop rule must be about new or worse tingling."""
    content = article(site_dir, name)
    for box in content.select(".app-urgent"):  # the urgent signs, worded in data/red_flags.yml
        box.decompose()
    # Stop rules are list items (the key points, the index's list) and each exercise's box.
    rules = content.select("li, .admonition.warning > p:not(.admonition-title)")
    items = [" ".join(rule.get_text(" ").split()) for rule in rules]
    tingling = [item for item in items if "tingling" in item.lower()]
    assert tingling, f"{name}: no stop rule about tingling"
    assert all(re.search(r"new or (?:worse|getting worse)", item) for item in tingling), tingling


# --- no placeholder goes live (issue 13 item 7) --------------------------------------------------


@pytest.mark.unit
@pytest.mark.parametrize(
    ("url", "development"),
    [
        (SITE_URL, True),
        ("http://127.0.0.1:8000/", True),
        ("http://localhost:8000/", True),
        ("https://www.riverforesthealth.com/", False),
        ("https://example.riverforesthealth.com/", False),
    ],
)
def test_development_addresses(url: str, development: bool):
    assert is_development_address(url) is development


@pytest.mark.unit
def test_tests_build_for_the_default_development_address():
    # Tests read the address from one constant (tests/tools/project.py) and pin it for their
    # builds; it must be mkdocs.yml's default, the address a plain `make build` uses.
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    default = re.search(r'^site_url: !ENV \[SITE_URL, "([^"]+)"\]', config, re.M)
    assert default is not None and default[1] == SITE_URL
    assert is_development_address(SITE_URL)


@pytest.mark.unit
def test_the_clinic_file_marks_its_placeholders():
    assert set(placeholder_fields(SITE.clinic)) >= {
        "phone",
        "email",
        "booking_url",
        "map_url",
        "address",
        "clinicians",
    }


@pytest.mark.unit
def test_fictitious_values_count_even_when_the_list_forgets_them():
    forgetful = SITE.clinic.model_copy(update={"placeholders": []})
    assert {"phone", "email", "booking_url", "map_url"} <= set(placeholder_fields(forgetful))


@pytest.mark.unit
def test_real_details_pass_the_guard():
    # Negative control: a clinic with real-looking details and an empty list goes live.
    details = SITE.clinic.model_dump(mode="json") | {
        "placeholders": [],
        "phone": "+1-708-366-0142",
        "email": "frontdesk@riverforesthealth.com",
        "booking_url": "https://booking.riverforesthealth.com/",
        "map_url": "https://maps.riverforesthealth.com/",
    }
    real = type(SITE.clinic).model_validate(details)
    check_ready_to_publish(real, "https://www.riverforesthealth.com/")


@pytest.mark.unit
def test_a_real_address_refuses_placeholders():
    with pytest.raises(ContentError) as raised:
        check_ready_to_publish(SITE.clinic, "https://www.riverforesthealth.com/")
    message = str(raised.value)
    assert message.startswith("data/clinic.yml:")
    for field in ("phone", "email", "booking_url", "map_url", "address", "clinicians"):
        assert field in message


@pytest.mark.build
def test_the_live_build_stops_and_the_development_build_does_not(
    project_copy: Path, tmp_path: Path
):
    live = build(project_copy, tmp_path / "live", SITE_URL="https://www.riverforesthealth.com/")
    assert not live.ok
    assert "data/clinic.yml: still holds placeholder values" in live.output
    assert "phone, email, booking_url, map_url, address, clinicians" in live.output
    development = build(project_copy, tmp_path / "dev", SITE_URL=SITE_URL)
    assert development.ok, development.output[-2000:]
