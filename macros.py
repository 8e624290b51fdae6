"""The macros pages call, as plain functions; `hooks/content.py` registers `MACROS` with
mkdocs-macros (its register_macros habit), so tests can import and call them.

    {{ treatment_table(ids=["mckenzie", "dns"], columns=["evidence", "risks"], caption="...") }}
    {{ cite("hopayian2010") }}  or  {{ cite("koes2007", "jensen2019") }}
    {{ urgent_care() }}  {{ stop_and_get_help() }}  {{ urgent_care_summary() }}
    {{ booking_cta() }}  {{ opening_hours() }}  {{ glossary() }}
    {{ first_visit("length") }}  (or "bring", "cost", "insurance", "cancellation", "accessibility")
    {{ exercise("seated-hip-turn", number=1) }}  (from data/exercises.yml)
    {{ plan_builder() }}  {{ plan_view() }}  (the home exercise plan pages)

Each reads the build and the page being built from `hooks.build`; the work is in `engine/`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from engine import booking, exercises, plan, red_flags, tables, visit
from engine.errors import ContentError, UnknownKeyError
from engine.glossary import glossary_markdown
from engine.models import DEFAULT_CONDITION, Exercise
from hooks import build, links

# Where the urgent signs are listed in full (the stop box links there).
URGENT_CARE_PAGE = "urgent-care.md"
PLAN_VIEW_PAGE = "plan/view.md"
# Scripts only some pages load (the macros add them); the QR code library, vendored from npm
# (package.json), only where a plan is shown, before the plan code that uses it.
PLAN_SCRIPT = "assets/javascripts/plan.js"
QR_SCRIPT = "assets/javascripts/vendor/qrcode-generator.js"
# Minified at build (hooks/hosting.py), with site.js. rjsmin does not know template literals:
# it squeezed the spaces inside them in plan.js (a test caught it), so it refuses a file that
# has one.
MINIFIED_SCRIPTS = ("assets/javascripts/site.js", QR_SCRIPT, PLAN_SCRIPT)


def treatment_table(
    ids: Sequence[str] | None = None,
    columns: Sequence[str] | None = None,
    caption: str | None = None,
    condition: str = DEFAULT_CONDITION,
    searchable: bool = False,
) -> str:
    """A comparison table of the treatments in data/treatments.yml, graded for `condition`.
    Tables repeat across pages, so only the one page that owns them says `searchable=True`."""
    current = build.current()
    page = current.current_page
    page.tables += 1
    with _naming_the_page(page.source):
        table = tables.treatment_table(
            current.site.treatments,
            ids=ids,
            columns=columns,
            caption=caption,
            cite=page.citations.cite,
            link_to=lambda path: links.url_from_page(page.page, path),
            number=page.tables,
            searchable=searchable,
            condition=condition,
        )
    return table if searchable else current.hold(table)


def cite(*keys: str) -> str:
    """Numbered links to this page's reference list."""
    page = build.current().current_page
    with _naming_the_page(page.source):
        return page.citations.cite(*keys)


def urgent_care(searchable: bool = False) -> str:
    """The red-flag block, one box per tier, from data/red_flags.yml; only the urgent-care
    page puts it in the search index (`searchable=True`)."""
    current = build.current()
    page = current.current_page
    return red_flags.urgent_care_markdown(current.site.red_flags, page.citations.cite, searchable)


def stop_and_get_help(old_anchor: str | None = None) -> str:
    """The short "Stop and get help" box for exercise and treatment pages; `old_anchor`
    keeps a published link to the section it replaced working."""
    current = build.current()
    full_list = links.markdown_link(current.current_page.page, URGENT_CARE_PAGE)
    return red_flags.stop_box_markdown(current.site.red_flags, full_list, old_anchor)


def pregnancy_warning() -> str:
    """The signs with back pain in pregnancy that need the maternity team now, from
    data/red_flags.yml (`pregnancy`)."""
    current = build.current()
    page = current.current_page
    with _naming_the_page(page.source):
        return red_flags.pregnancy_markdown(current.site.red_flags, page.citations.cite)


def urgent_care_summary() -> str:
    """One line naming each tier, linked to the signs (on this page, if it has the block)."""
    current = build.current()
    page = current.current_page
    target = f"#{red_flags.BLOCK_ANCHOR}"
    if "urgent_care(" not in page.text:
        target = links.markdown_link(page.page, URGENT_CARE_PAGE) + target
    return red_flags.summary_markdown(current.site.red_flags, target)


def opening_hours() -> str:
    """The clinic's opening hours as a table."""
    return booking.opening_hours_table(build.current().site.clinic)


def glossary() -> str:
    """Every term in docs/_snippets/glossary.md, as a definition list."""
    return glossary_markdown(build.current().glossary)


def booking_cta(text: str = "Book an appointment", lead: str = "") -> str:
    """A booking action inside a page; with `lead`, the boxed block condition articles show
    after their section on what helps."""
    return booking.booking_cta(build.current().site.clinic, text, lead)


def first_visit(part: str) -> str:
    """One of the first-visit facts from data/clinic.yml (`first_visit:`), by name."""
    current = build.current()
    with _naming_the_page(current.current_page.source):
        return visit.first_visit_markdown(current.site.clinic.first_visit, part)


def exercise(exercise_id: str, number: int | None = None) -> str:
    """One exercise from data/exercises.yml, as its page shows it. Each exercise is shown on the
    one page its record names, once, so no exercise is written twice."""
    current = build.current()
    page = current.current_page
    with _naming_the_page(page.source):
        record = exercises.find(current.site.exercises, exercise_id)
        current.show_exercise(record)
        return exercises.exercise_markdown(
            record,
            number,
            current.site.red_flags,
            page.citations.cite,
            lambda path: links.markdown_link(page.page, path),
        )


def plan_builder() -> str:
    """The plan builder's choices and controls (docs/plan/index.md)."""
    current = build.current()
    page = current.current_page.page
    site = current.site
    names = exercises.condition_names(current.project_dir / "docs")
    return current.hold(
        plan.builder_html(site.exercises, lambda path: links.url_from_page(page, path), names)
        + "\n"
        + plan.builder_controls_html(site.clinic, links.url_from_page(page, PLAN_VIEW_PAGE))
        + _scripts(page, PLAN_SCRIPT)
    )


def plan_view() -> str:
    """Every exercise, hidden, for plan.js to show the ones a plan link names, in its order,
    with its numbers (docs/plan/view.md)."""
    current = build.current()
    state = current.current_page
    site = current.site
    sections = [
        exercises.exercise_markdown(
            record,
            None,
            site.red_flags,
            _no_citations,  # a plan is a handout: its sources are on the exercise's own page
            lambda path: links.markdown_link(state.page, path),
            plan=True,
            figure=current.hold(exercises.inline_figure_html(record, _drawing(record))),
        )
        for record in site.exercises
        if not record.retired
    ]
    retired = [plan.retired_html(r) for r in site.exercises if r.retired]
    return "\n".join(
        [
            current.hold(plan.view_frame_html(site.clinic)),
            "",
            '<div class="app-plan-exercises" data-plan-exercises markdown>',
            "",
            *sections,
            *(current.hold(html) for html in retired),
            "</div>",
            "",
            # plan.js runs here, as the page is read, not deferred: the plan is in place before
            # what follows is laid out, so nothing moves once it shows (Lighthouse measured a
            # layout shift of 0.57 with it deferred). The QR code, for paper only, can wait.
            current.hold(
                _scripts(state.page, QR_SCRIPT) + _scripts(state.page, PLAN_SCRIPT, defer=False)
            ),
        ]
    )


def _drawing(record: Exercise) -> str:
    path = build.current().project_dir / "docs" / record.image_path
    return path.read_text(encoding="utf-8")


def _no_citations(*keys: str) -> str:
    return ""


def _scripts(page: Any, *paths: str, defer: bool = True) -> str:
    attribute = " defer" if defer else ""
    return "".join(
        f'<script{attribute} src="{links.url_from_page(page, path)}"></script>' for path in paths
    )


MACROS: dict[str, Callable[..., Any]] = {
    macro.__name__: macro
    for macro in (
        treatment_table,
        cite,
        urgent_care,
        stop_and_get_help,
        urgent_care_summary,
        pregnancy_warning,
        opening_hours,
        glossary,
        booking_cta,
        first_visit,
        exercise,
        plan_builder,
        plan_view,
    )
}


@contextmanager
def _naming_the_page(source: str) -> Iterator[None]:
    """Re-raises a bad macro argument as a build error that names the page it is on."""
    try:
        yield
    except (UnknownKeyError, ValueError) as error:
        raise ContentError(source, str(error)) from None
