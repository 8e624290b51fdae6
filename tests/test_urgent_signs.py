"""Urgent signs are worded once, in data/red_flags.yml, and every page shows the same tiers and
words: the full block on condition pages, "Stop and get help" on exercise and treatment pages.
A page that words a sign itself ("get help the same day if you have trouble peeing") stops the
build, naming the page and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from engine.data import SiteData
from engine.errors import ContentError
from engine.red_flags import find_red_flag_wording
from tests.tools.building import build
from tests.tools.pages import EXERCISE_PAGES, TREATMENT_PAGES, soup
from tests.tools.project import ROOT

EXERCISE_PAGES = ["exercises", *EXERCISE_PAGES]  # the index has the box too
CONDITION_PAGES = [
    "conditions/low-back-pain",
    "conditions/sciatica",
    "conditions/piriformis-syndrome",
    "conditions/hip-internal-rotation",
    "conditions/lumbar-compensation",
]
RED_FLAGS = SiteData.load(ROOT / "data").red_flags


def page(site_dir: Path, name: str):
    return soup(site_dir / name / "index.html")


# --- the lint ------------------------------------------------------------------------------------


@pytest.mark.unit
@pytest.mark.parametrize(
    "prose",
    [
        "Get help the same day if you have new trouble peeing.",
        "Some symptoms need care soon, such as numbness around your bottom or genitals.",
        "Loss of bladder or bowel control is a warning sign.",
        "Pain down both legs can be serious.",
        "Numbness where you sit on a saddle.",
    ],
)
def test_lint_finds_a_sign_worded_in_prose(prose: str):
    assert find_red_flag_wording(prose)


@pytest.mark.unit
@pytest.mark.parametrize(
    "prose",
    [
        "Lie on your back and bend both legs.",  # an exercise step, not a symptom
        '{{ urgent_care() }} and {{ cite("lavy2009") }}',
        "{{ stop_and_get_help() }}",
        "During the exam your clinician checks both sides.",
    ],
)
def test_lint_spares_ordinary_words_and_macro_calls(prose: str):
    # Negative control: the lint does not fire on everything.
    assert find_red_flag_wording(prose) == []


@pytest.mark.unit
def test_lint_reports_the_file_line():
    body = "# Title\n\nFine text.\n\nGet help the same day\nif you have trouble peeing.\n"
    (finding,) = find_red_flag_wording(body, first_line=6)
    assert finding.line == 6 + (6 - 1) and finding.term == "peeing"  # body line 6
    assert "same day" in finding.sentence


@pytest.mark.build
def test_a_page_that_words_a_sign_itself_stops_the_build(project_copy: Path, tmp_path: Path):
    page_file = project_copy / "docs/exercises/hip-rotation.md"
    text = page_file.read_text(encoding="utf-8")
    page_file.write_text(
        text + "\nGet help the same day if you have new trouble with your bladder.\n",
        encoding="utf-8",
    )
    result = build(project_copy, tmp_path / "site")
    assert not result.ok
    line = len(text.splitlines()) + 2
    assert "docs/exercises/hip-rotation.md: names red-flag signs" in result.output
    assert f"line {line} ('bladder')" in result.output


@pytest.mark.build
def test_the_glossary_may_not_word_a_sign_either(project_copy: Path, tmp_path: Path):
    glossary = project_copy / "docs/_snippets/glossary.md"
    glossary.write_text(
        glossary.read_text(encoding="utf-8") + "*[red flag]: Such as trouble peeing\n",
        encoding="utf-8",
    )
    result = build(project_copy, tmp_path / "site")
    assert not result.ok and "docs/_snippets/glossary.md: names red-flag signs" in result.output


OUTSIDE_THE_BOXES = re.compile(
    r"\b(?:bladder|bowels?|peeing|incontinen\w*|saddle|genitals?)\b", re.IGNORECASE
)


@pytest.mark.build
def test_no_built_page_words_a_sign_outside_the_urgent_boxes(site_dir: Path):
    """End to end: in every page's article text, the signs appear only inside the boxes the
    macros draw (the reference list and scripts aside; glossary meanings are checked too)."""
    offenders = {}
    for html in site_dir.rglob("*.html"):
        doc = soup(html)
        article = doc.select_one("article.md-content__inner")
        if article is None:
            continue
        for box in article.select(".app-urgent, ol.app-references, script"):
            box.decompose()
        if found := OUTSIDE_THE_BOXES.findall(article.get_text(" ")):
            offenders[str(html.relative_to(site_dir))] = sorted(set(found))
    assert offenders == {}


# --- the schema ----------------------------------------------------------------------------------


def load_error(data_dir: Path, change, section: str = "groups") -> str:
    """The error loading data/red_flags.yml gives after `change` edits one of its sections."""
    path = data_dir / "red_flags.yml"
    content = yaml.safe_load(path.read_text())
    change(content[section])
    path.write_text(yaml.safe_dump(content, sort_keys=False))
    with pytest.raises(ContentError) as raised:
        SiteData.load(data_dir)
    return str(raised.value)


@pytest.mark.unit
def test_a_tier_without_a_time_frame_is_rejected(data_dir: Path):
    message = load_error(data_dir, lambda groups: groups[1].pop("time_frame"))
    assert (
        message.startswith("data/red_flags.yml:")
        and "field 'time_frame': Field required" in message
    )


@pytest.mark.unit
@pytest.mark.parametrize("field", ["tier", "references", "where"])
def test_each_group_needs_its_tier_where_and_references(data_dir: Path, field: str):
    assert f"field '{field}'" in load_error(data_dir, lambda groups: groups[0].pop(field))


@pytest.mark.unit
def test_tiers_run_from_most_urgent(data_dir: Path):
    message = load_error(data_dir, lambda groups: groups.reverse())
    assert "emergency" in message


@pytest.mark.unit
def test_the_emergency_tier_names_the_number_to_call(data_dir: Path):
    assert "needs `call`" in load_error(data_dir, lambda groups: groups[0].pop("call"))


@pytest.mark.unit
def test_age_alone_is_not_an_urgent_sign():
    """Audit §3: "over 50 and new" alone sent ordinary sciatica to the urgent tier."""
    urgent = RED_FLAGS.tier("urgent")
    assert urgent is not None
    assert not any(re.search(r"\b50\b", sign) for sign in urgent.signs)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("tier", "words"),
    [
        ("emergency", "serious accident"),  # audit §3: major trauma
        ("emergency", "chest pain"),
        ("emergency", "wipe"),  # early cauda equina: changed feeling when wiping
        ("emergency", "bladder is full"),
        ("urgent", "inject drugs"),  # infection risk
        ("urgent", "procedure on your spine"),
        ("urgent", "changed shape"),
        ("urgent", "shoulder blades"),  # upper (thoracic) back pain
        ("routine", "before you were 45"),  # inflammatory back pain
    ],
)
def test_audit_red_flags_are_in_their_tier(tier: str, words: str):
    group = RED_FLAGS.tier(tier)
    assert group is not None and any(words in sign for sign in group.signs), (tier, words)


# --- what readers see ----------------------------------------------------------------------------


def tier_texts(container) -> list[str]:
    return [" ".join(li.get_text().split()) for li in container.select("li")]


@pytest.mark.build
@pytest.mark.parametrize("name", [*CONDITION_PAGES, "urgent-care", ""])
def test_the_full_block_shows_every_tier_with_its_time_and_911_link(site_dir: Path, name: str):
    content = page(site_dir, name)
    for group in RED_FLAGS.groups:
        box = content.select_one(f".app-urgent--{group.tier}")
        assert box is not None, group.tier
        heading = " ".join(box.find("h3").get_text(" ").split())
        assert group.time_frame in heading and heading.startswith(group.action.split()[0])
    assert content.select_one('.app-urgent--emergency h3 a[href="tel:911"]')


@pytest.mark.build
@pytest.mark.parametrize("name", EXERCISE_PAGES + TREATMENT_PAGES)
def test_exercise_and_treatment_pages_have_the_stop_box(site_dir: Path, name: str):
    content = page(site_dir, name)
    section = content.find(id="stop-and-get-help")
    assert section is not None
    emergency = content.select_one(".app-urgent--emergency")
    assert emergency.select_one('a[href="tel:911"]')
    # Same words as the data, sign for sign.
    assert tier_texts(emergency) == [" ".join(s.split()) for s in RED_FLAGS.groups[0].signs]
    for group in RED_FLAGS.groups[1:]:
        box = content.select_one(f".app-urgent--{group.tier}")
        link = box.find("a", href=True)
        assert group.time_frame in box.get_text() and "urgent-care/#" in link["href"]
        anchor = link["href"].split("#")[1]
        assert page(site_dir, "urgent-care").find(id=anchor), (
            f"{anchor} is not on the urgent-care page"
        )


@pytest.mark.build
def test_the_emergency_words_are_the_same_on_every_page(site_dir: Path):
    seen = {
        name: tier_texts(page(site_dir, name).select_one(".app-urgent--emergency"))
        for name in CONDITION_PAGES + EXERCISE_PAGES + TREATMENT_PAGES + ["urgent-care"]
    }
    assert len({tuple(signs) for signs in seen.values()}) == 1, seen


# --- pregnancy: signs for the maternity team ----------------------------------------------------

PREGNANCY_PAGE = "conditions/back-and-pelvic-pain-in-pregnancy"


def pregnancy_error(data_dir: Path, change) -> str:
    return load_error(data_dir, change, section="pregnancy")


@pytest.mark.unit
@pytest.mark.parametrize("field", ["signs", "emergency_signs", "references"])
def test_the_pregnancy_signs_need_their_lists_and_sources(data_dir: Path, field: str):
    message = pregnancy_error(data_dir, lambda pregnancy: pregnancy.pop(field))
    assert message.startswith("data/red_flags.yml:") and f"field 'pregnancy.{field}'" in message


@pytest.mark.unit
def test_a_pregnancy_source_must_be_a_known_reference(data_dir: Path):
    message = pregnancy_error(data_dir, lambda p: p.update(references=["nosuchsource2099"]))
    assert "nosuchsource2099" in message


@pytest.mark.build
def test_the_pregnancy_page_shows_the_maternity_signs_from_the_data(site_dir: Path):
    box = soup(site_dir / PREGNANCY_PAGE / "index.html").select_one(
        ".app-urgent:has(#if-you-are-pregnant)"
    )
    assert box is not None, "no pregnancy box"
    text = " ".join(box.get_text(" ").split())
    signs = RED_FLAGS.pregnancy
    assert signs is not None
    for sign in [*signs.signs, *signs.emergency_signs]:
        assert sign in text, sign
    assert box.select_one('a[href="tel:911"]'), "the 911 line is a tel: link"
    # It sits near the top, before the first section, beside (not instead of) the full block.
    page = soup(site_dir / PREGNANCY_PAGE / "index.html")
    assert page.select_one("#when-to-get-urgent-care") is not None
    assert page.select_one("article h2").get("id") == "if-you-are-pregnant"
