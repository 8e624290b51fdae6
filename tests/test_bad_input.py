"""Bad content stops the build with a message that names the file (and the bad key)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.tools.building import build
from tests.tools.project import ROOT

pytestmark = pytest.mark.build  # each case builds a broken copy of the project

POST = "docs/blog/posts/hip-internal-rotation-low-back-pain.md"
TREATMENTS = "docs/treatments/index.md"


def edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture out of date: {old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def failed_build(project: Path, tmp_path: Path) -> str:
    result = build(project, tmp_path / "site")
    assert not result.ok, "the build should have failed"
    return result.output


# One small edit each: (file, old text, new text, what the build output must say; every part).
EDITS = [
    pytest.param(
        "docs/conditions/sciatica.md",
        "signs_and_symptoms:",
        "symptoms_listed:",
        ["docs/conditions/sciatica.md", "'signs_and_symptoms' is missing"],
        id="condition_page_without_its_signs",
    ),
    pytest.param(
        TREATMENTS,
        "reviewed_by: aokafor",
        "reviewed_by: aokafor\npossible_treatments: [Exercise]",
        [TREATMENTS, "'possible_treatments' is only for condition pages"],
        id="condition_fields_on_a_treatment_page",
    ),
    pytest.param(
        TREATMENTS,
        '"spinal-manipulation", "soft-tissue"',
        '"spinal-manipulation", "cupping"',
        ["docs/treatments/index.md", "unknown treatment id 'cupping'"],
        id="unknown_treatment_id",
    ),
    pytest.param(
        TREATMENTS,
        'columns=["evidence", "risks", "suits"]',
        'columns=["evidence", "cost"]',
        ["docs/treatments/index.md", "unknown column 'cost'"],
        id="unknown_column",
    ),
    pytest.param(
        POST,
        'cite("roach2015")',
        'cite("roach2051")',
        [POST, "unknown reference key 'roach2051'"],
        id="unknown_reference_key",
    ),
    pytest.param(
        TREATMENTS,
        "reviewed_by: aokafor",
        "reviewed_by: [aokafor",
        [f"{TREATMENTS}: front matter is not valid YAML"],
        id="unparseable_front_matter",
    ),
    pytest.param(
        TREATMENTS,
        "reviewed_by: aokafor",
        "reviewed_by: drwho",
        [f"{TREATMENTS}: front matter field 'reviewed_by': 'drwho'"],
        id="unknown_reviewer",
    ),
    pytest.param(
        POST,
        "../../treatments/index.md",
        "../../treatments/compare.md",
        ["blog/posts/hip-internal-rotation-low-back-pain.md", "treatments/compare.md", "not found"],
        id="broken_internal_link",
    ),
    pytest.param(
        POST,
        "../../treatments/index.md",
        "../../treatments/index.md#no-such-section",
        ["blog/posts/hip-internal-rotation-low-back-pain.md", "no-such-section"],
        id="broken_anchor",
    ),
    pytest.param(
        "docs/contact.md",
        "You can book online",
        '{{ cite("koes2007") }} You can book online',
        ["docs/contact.md: cites sources but is `page_type: info`"],
        id="info_page_may_not_cite",
    ),
    pytest.param(
        "data/treatments.yml",
        "low-back-pain:\n        strength: insufficient",
        "low-back-pain:\n        strength: unknown",
        ["data/treatments.yml: treatment 'dns', field 'evidence.low-back-pain.strength'"],
        id="bad_data_file",
    ),
    pytest.param(
        "docs/_snippets/glossary.md",
        "*[MRI]: A scan",
        "*[MRI] A scan",
        ["docs/_snippets/glossary.md: line ", "is not a `*[term]: meaning` entry"],
        id="bad_glossary_line",
    ),
    pytest.param(
        "docs/exercises/hip-rotation.md",
        '{{ exercise("windshield-wipers", number=2) }}',
        '{{ exercise("clamshell", number=2) }}',
        ["docs/exercises/hip-rotation.md", "exercise 'clamshell' belongs on docs/exercises/hip-"],
        id="exercise_on_another_page_than_its_record_names",
    ),
    pytest.param(
        "docs/exercises/hip-rotation.md",
        '{{ exercise("windshield-wipers", number=2) }}',
        '{{ exercise("windscreen-wipers", number=2) }}',
        ["docs/exercises/hip-rotation.md", "unknown exercise 'windscreen-wipers'"],
        id="unknown_exercise_id",
    ),
    pytest.param(
        "docs/exercises/hip-rotation.md",
        '{{ exercise("windshield-wipers", number=2) }}',
        '{{ exercise("seated-hip-turn", number=2) }}',
        ["docs/exercises/hip-rotation.md", "shows exercise 'seated-hip-turn' twice"],
        id="exercise_shown_twice",
    ),
    # Without abbr the glossary terms would silently lose their explanations.
    pytest.param(
        "mkdocs.yml",
        "  - abbr\n",
        "",
        ["mkdocs.yml: the glossary needs the `abbr` Markdown extension"],
        id="glossary_without_the_abbr_extension",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), EDITS)
def test_bad_content_stops_the_build_naming_the_file(
    project_copy, tmp_path, file, old, new, expected
):
    edit(project_copy, file, old, new)
    output = failed_build(project_copy, tmp_path)
    assert [part for part in expected if part not in output] == [], output[-3000:]


# --- cases of another shape ----------------------------------------------------------------------


def test_missing_description(project_copy, tmp_path):
    path = project_copy / POST
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^description: .*\n", "", text, count=1, flags=re.MULTILINE))
    output = failed_build(project_copy, tmp_path)
    assert f"{POST}: front matter field 'description': Field required" in output


def test_a_macro_whose_output_cannot_be_shown_stops_the_build(project_copy, tmp_path):
    # In a code span the citation would show as code, not as a link to the reference list.
    path = project_copy / POST
    path.write_text(
        path.read_text(encoding="utf-8") + '\nSee `{{ cite("koes2007") }}`.\n', encoding="utf-8"
    )
    output = failed_build(project_copy, tmp_path)
    assert f"{POST}: 1 macro output(s) did not reach the built page" in output


def test_unmodified_copy_builds(project_copy, tmp_path):
    # Negative control: the failures above come from the edits, not from the copying.
    result = build(project_copy, tmp_path / "site")
    assert result.ok, result.output


# --- `make build` is atomic: a failed build leaves the last good site/ as it was -----------------


def make_build(project: Path) -> subprocess.CompletedProcess:
    venv = ROOT / ".venv"
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            "build",
            f"VENV={venv}",
            "-o",
            str(venv / ".installed-from-lock"),
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,  # the test builds a broken copy on purpose
    )


def test_failed_make_build_keeps_the_last_good_site(project_copy):
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, project_copy / name)
    good = make_build(project_copy)
    assert good.returncode == 0, good.stdout + good.stderr
    page = project_copy / "site/conditions/sciatica/index.html"
    before = page.read_bytes()
    edit(
        project_copy,
        "docs/conditions/sciatica.md",
        "# Sciatica",
        "# Sciatica {{ cite('no-such-key') }}",
    )

    broken = make_build(project_copy)

    assert broken.returncode != 0
    assert "no-such-key" in broken.stdout + broken.stderr
    assert page.read_bytes() == before  # the deployable site is the last good one, whole
    assert (project_copy / "site/index.html").is_file() and (
        project_copy / "site/_headers"
    ).is_file()
    assert not (project_copy / ".site-next").exists()  # no half-written build left behind
