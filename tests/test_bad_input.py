"""Bad content stops the build with a message that names the file (and the bad key)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path


from conftest import ROOT, build

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


def test_unknown_treatment_id(project_copy, tmp_path):
    edit(project_copy, TREATMENTS, '"spinal-manipulation", "soft-tissue"', '"spinal-manipulation", "cupping"')
    output = failed_build(project_copy, tmp_path)
    assert "docs/treatments/index.md" in output and "unknown treatment id 'cupping'" in output


def test_unknown_column(project_copy, tmp_path):
    edit(project_copy, TREATMENTS, 'columns=["evidence", "risks", "suits"]', 'columns=["evidence", "cost"]')
    output = failed_build(project_copy, tmp_path)
    assert "docs/treatments/index.md" in output and "unknown column 'cost'" in output


def test_unknown_reference_key(project_copy, tmp_path):
    edit(project_copy, POST, 'cite("roach2015")', 'cite("roach2051")')
    output = failed_build(project_copy, tmp_path)
    assert POST in output and "unknown reference key 'roach2051'" in output


def test_missing_description(project_copy, tmp_path):
    path = project_copy / POST
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^description: .*\n", "", text, count=1, flags=re.MULTILINE))
    output = failed_build(project_copy, tmp_path)
    assert f"{POST}: front matter field 'description': Field required" in output


def test_unparseable_front_matter(project_copy, tmp_path):
    edit(project_copy, TREATMENTS, "reviewed_by: aokafor", "reviewed_by: [aokafor")
    output = failed_build(project_copy, tmp_path)
    assert f"{TREATMENTS}: front matter is not valid YAML" in output


def test_unknown_reviewer(project_copy, tmp_path):
    edit(project_copy, TREATMENTS, "reviewed_by: aokafor", "reviewed_by: drwho")
    output = failed_build(project_copy, tmp_path)
    assert f"{TREATMENTS}: front matter field 'reviewed_by': 'drwho'" in output


def test_broken_internal_link(project_copy, tmp_path):
    edit(project_copy, POST, "../../treatments/index.md", "../../treatments/compare.md")
    output = failed_build(project_copy, tmp_path)
    assert "blog/posts/hip-internal-rotation-low-back-pain.md" in output
    assert "treatments/compare.md" in output and "not found" in output


def test_broken_anchor(project_copy, tmp_path):
    edit(project_copy, POST, "../../treatments/index.md", "../../treatments/index.md#no-such-section")
    output = failed_build(project_copy, tmp_path)
    assert "blog/posts/hip-internal-rotation-low-back-pain.md" in output and "no-such-section" in output


def test_info_page_may_not_cite(project_copy, tmp_path):
    edit(project_copy, "docs/contact.md", "You can book online", '{{ cite("koes2007") }} You can book online')
    output = failed_build(project_copy, tmp_path)
    assert "docs/contact.md: cites sources but is `page_type: info`" in output


def test_a_macro_whose_output_cannot_be_shown_stops_the_build(project_copy, tmp_path):
    # In a code span the citation would show as code, not as a link to the reference list.
    path = project_copy / POST
    path.write_text(path.read_text(encoding="utf-8") + '\nSee `{{ cite("koes2007") }}`.\n', encoding="utf-8")
    output = failed_build(project_copy, tmp_path)
    assert f"{POST}: 1 macro output(s) did not reach the built page" in output


def test_bad_data_file_stops_the_build(project_copy, tmp_path):
    edit(project_copy, "data/treatments.yml", "strength: insufficient", "strength: unknown")
    output = failed_build(project_copy, tmp_path)
    assert "data/treatments.yml: treatment 'dns', field 'evidence.low-back-pain.strength'" in output


def test_bad_glossary_line_stops_the_build(project_copy, tmp_path):
    edit(project_copy, "docs/_snippets/glossary.md", "*[MRI]: A scan", "*[MRI] A scan")
    output = failed_build(project_copy, tmp_path)
    assert "docs/_snippets/glossary.md: line " in output and "is not a `*[term]: meaning` entry" in output


def test_glossary_without_the_abbr_extension_stops_the_build(project_copy, tmp_path):
    # Without abbr the terms would silently lose their tooltips.
    edit(project_copy, "mkdocs.yml", "  - abbr\n", "")
    output = failed_build(project_copy, tmp_path)
    assert "mkdocs.yml: the glossary needs the `abbr` Markdown extension" in output


def test_unmodified_copy_builds(project_copy, tmp_path):
    # Negative control: the failures above come from the edits, not from the copying.
    result = build(project_copy, tmp_path / "site")
    assert result.ok, result.output


# --- `make build` is atomic: a failed build leaves the last good site/ as it was -----------------


def make_build(project: Path) -> subprocess.CompletedProcess:
    venv = ROOT / ".venv"
    return subprocess.run(
        ["make", "--no-print-directory", "build", f"VENV={venv}", "-o", str(venv / ".installed-from-lock")],
        cwd=project, capture_output=True, text=True, timeout=300,
    )


def test_failed_make_build_keeps_the_last_good_site(project_copy):
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, project_copy / name)
    good = make_build(project_copy)
    assert good.returncode == 0, good.stdout + good.stderr
    page = project_copy / "site/conditions/sciatica/index.html"
    before = page.read_bytes()
    edit(project_copy, "docs/conditions/sciatica.md", "# Sciatica", "# Sciatica {{ cite('no-such-key') }}")

    broken = make_build(project_copy)

    assert broken.returncode != 0
    assert "no-such-key" in broken.stdout + broken.stderr
    assert page.read_bytes() == before  # the deployable site is the last good one, whole
    assert (project_copy / "site/index.html").is_file() and (project_copy / "site/_headers").is_file()
    assert not (project_copy / ".site-next").exists()  # no half-written build left behind
