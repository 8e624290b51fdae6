"""What makes the build quick, and must not change what it builds: HTML held out of the
Markdown, QR codes and compiled page templates kept between builds, and removed once no
build uses them."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from jinja2 import Environment, StrictUndefined

from engine.cache_files import UNUSED_FOR, remove_unused
from engine.errors import ContentError
from engine.held_html import HeldHtml
from engine.page_templates import cache_page_templates, remove_unused_page_templates
from engine.sharing import qr_code_svg, remove_unused_qr_codes
from tests.tools.building import build
from tests.tools.project import SITE_URL, copy_project

# --- held HTML --------------------------------------------------------------------------------


@pytest.mark.unit
def test_held_html_comes_back_in_place():
    held = HeldHtml()
    marker = held.hold('<sup class="app-cite">1</sup>', "docs/a.md")
    assert "<sup" not in marker and marker.startswith("<!--")
    assert (
        held.restore(f"<p>Text{marker}.</p>", "site/a/index.html")
        == '<p>Text<sup class="app-cite">1</sup>.</p>'
    )
    held.check_all_restored()


@pytest.mark.unit
def test_fragments_inside_fragments_come_back_whole():
    held = HeldHtml()
    cite = held.hold("<sup>1</sup>", "docs/a.md")
    table = held.hold(f"<table><td>Evidence{cite}</td></table>", "docs/a.md")
    assert (
        held.restore(table, "site/a/index.html") == "<table><td>Evidence<sup>1</sup></td></table>"
    )
    held.check_all_restored()


@pytest.mark.unit
def test_a_marker_that_never_reaches_a_page_stops_the_build():
    held = HeldHtml()
    held.hold("<sup>1</sup>", "docs/a.md")
    shown = held.hold("<sup>2</sup>", "docs/b.md")
    held.restore(shown, "site/b/index.html")
    with pytest.raises(ContentError) as raised:
        held.check_all_restored()
    assert raised.value.source == "docs/a.md" and "<sup>1</sup>" in raised.value.problem


@pytest.mark.unit
def test_a_marker_from_nowhere_is_an_error():
    with pytest.raises(ContentError, match=re.escape("site/a/index.html")):
        HeldHtml().restore("<!--held-html-7-->", "site/a/index.html")


@pytest.mark.build
def test_built_pages_and_feeds_carry_no_markers(site_dir: Path):
    files = [*site_dir.rglob("*.html"), *site_dir.rglob("*.xml"), *site_dir.rglob("*.json")]
    assert len(files) > 20
    leftovers = [
        str(f.relative_to(site_dir)) for f in files if "held-html-" in f.read_text(encoding="utf-8")
    ]
    assert leftovers == []


@pytest.mark.build
def test_held_html_stays_out_of_the_search_index(site_dir: Path):
    index = (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "app-references" not in index and "Copy link" not in index and "QR code" not in index
    # Control: the article text itself is indexed.
    assert "piriformis" in index.lower()


# --- QR codes ---------------------------------------------------------------------------------


@pytest.mark.unit
def test_qr_code_is_read_back_from_the_cache(tmp_path: Path):
    url = SITE_URL + "conditions/sciatica/"
    fresh = qr_code_svg(url, tmp_path)
    assert fresh == qr_code_svg(url)  # the cache changes nothing
    [cached] = tmp_path.iterdir()
    cached.write_text("<svg>from the cache</svg>", encoding="utf-8")
    assert qr_code_svg(url, tmp_path) == "<svg>from the cache</svg>"
    # Control: another address is not served the cached code.
    assert qr_code_svg(url + "x", tmp_path) != "<svg>from the cache</svg>"


# --- compiled page templates ------------------------------------------------------------------


def jinja(cache: Path) -> Environment:
    environment = Environment(undefined=StrictUndefined)
    environment.globals["cite"] = lambda key: f"[{key}]"
    cache_page_templates(environment, cache)
    return environment


@pytest.mark.unit
def test_an_unchanged_page_is_not_compiled_again(tmp_path: Path, monkeypatch):
    page = "Sciatica{{ cite('koes2007') }} gets better."
    assert jinja(tmp_path).from_string(page).render() == "Sciatica[koes2007] gets better."
    second = jinja(tmp_path)
    monkeypatch.setattr(second, "compile", lambda *args, **kwargs: pytest.fail("compiled again"))
    assert second.from_string(page).render() == "Sciatica[koes2007] gets better."


@pytest.mark.unit
def test_a_changed_page_is_compiled_afresh(tmp_path: Path):
    jinja(tmp_path).from_string("Old{{ cite('a') }}").render()
    assert jinja(tmp_path).from_string("New{{ cite('b') }}").render() == "New[b]"


# --- removing what no build uses --------------------------------------------------------------

DAY = 24 * 60 * 60


def last_used(path: Path, days_ago: float) -> None:
    """Dates the file's last use `days_ago` days back."""
    when = time.time() - days_ago * DAY
    os.utime(path, (when, when))


def cache_file(path: Path, days_ago: float) -> None:
    path.write_text("compiled or drawn by an earlier build", encoding="utf-8")
    last_used(path, days_ago)


@pytest.mark.unit
def test_files_unused_for_a_month_go_and_the_rest_stay(tmp_path: Path):
    assert UNUSED_FOR == 30 * DAY
    cache_file(tmp_path / "page-a.cache", 31)
    cache_file(tmp_path / "page-b.cache", 29)
    cache_file(tmp_path / "notes.txt", 365)  # control: not the cache's pattern, not its to remove
    assert remove_unused(tmp_path, "page-*.cache") == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt", "page-b.cache"]
    assert remove_unused(tmp_path / "never-made", "*.svg") == 0  # a first build has no cache yet


@pytest.mark.unit
def test_a_page_template_a_build_reads_counts_as_used(tmp_path: Path):
    jinja(tmp_path).from_string("Kept{{ cite('a') }}").render()
    jinja(tmp_path).from_string("Dropped{{ cite('b') }}").render()
    for path in tmp_path.iterdir():
        last_used(path, 40)
    assert (
        jinja(tmp_path).from_string("Kept{{ cite('a') }}").render() == "Kept[a]"
    )  # read from the cache
    assert remove_unused_page_templates(tmp_path) == 1  # control: the unread one goes
    [kept] = tmp_path.iterdir()
    assert jinja(tmp_path).from_string("Kept{{ cite('a') }}").render() == "Kept[a]"
    assert kept.exists()


@pytest.mark.unit
def test_a_qr_code_a_build_reads_counts_as_used(tmp_path: Path):
    url = SITE_URL + "conditions/sciatica/"
    qr_code_svg(url, tmp_path)
    qr_code_svg(url + "old/", tmp_path)
    for path in tmp_path.iterdir():
        last_used(path, 40)
    qr_code_svg(url, tmp_path)
    assert remove_unused_qr_codes(tmp_path) == 1
    [kept] = tmp_path.iterdir()
    assert kept.read_text(encoding="utf-8") == qr_code_svg(url)


@pytest.mark.build
def test_the_build_removes_cache_files_no_build_has_used(tmp_path: Path):
    """The wiring: a real build marks what it reads and removes the month-old rest."""
    project_copy = copy_project(tmp_path / "project")  # no seeded cache: every file is this build's
    caches = {"macros": "page-0000.cache", "qr": "0000.svg"}  # from pages deleted long ago
    for folder, name in caches.items():
        (project_copy / ".cache" / folder).mkdir(parents=True)
        cache_file(project_copy / ".cache" / folder / name, 31)
    result = build(project_copy, tmp_path / "site")
    assert result.ok, result.output
    for folder, name in caches.items():
        left = [path.name for path in (project_copy / ".cache" / folder).iterdir()]
        assert name not in left
        assert len(left) > 5  # control: this build's own files are there
