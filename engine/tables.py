"""Treatment-comparison tables, rendered from data/treatments.yml."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from engine.errors import UnknownKeyError
from engine.models import CONDITION_NAMES, DEFAULT_CONDITION, Treatment

Cite = Callable[..., str]
LinkTo = Callable[[str], str]  # docs path -> URL relative to the page being built


EVIDENCE_LABELS: dict[str, str] = {
    "moderate": "Moderate",
    "low": "Low",
    "very-low": "Very low",
    "insufficient": "Too little to judge",
    "not-studied": "Not studied",
}


@dataclass(frozen=True)
class Column:
    label: str
    render: Callable[[Treatment, Cite, LinkTo], str]


def _evidence_column(condition: str) -> Column:
    """The evidence column for one condition: its grade, never another condition's."""

    def render(treatment: Treatment, cite: Cite, link_to: LinkTo) -> str:
        evidence = treatment.evidence_for(condition)
        label = EVIDENCE_LABELS[evidence.strength]
        citations = cite(*evidence.references) if evidence.references else ""
        return (
            f'<strong class="app-evidence app-evidence--{evidence.strength}">{label}</strong>'
            f" {escape(evidence.summary)}{citations}"
        )

    return Column(f"Strength of evidence for {CONDITION_NAMES[condition]}", render)


def _name(treatment: Treatment, cite: Cite, link_to: LinkTo) -> str:
    if treatment.page:
        return f'<a href="{escape(link_to(treatment.page))}">{escape(treatment.name)}</a>'
    return escape(treatment.name)


def _risks(treatment: Treatment, cite: Cite, link_to: LinkTo) -> str:
    return escape(treatment.risks.summary) + cite(*treatment.risks.references)


def _text(field: str) -> Callable[[Treatment, Cite, LinkTo], str]:
    return lambda treatment, cite, link_to: escape(getattr(treatment, field))


COLUMNS: dict[str, Column] = {
    "name": Column("Treatment", _name),
    "what_it_is": Column("What it is", _text("what_it_is")),
    "targets": Column("What it targets", _text("targets")),
    "typical_course": Column("Typical course", _text("typical_course")),
    "evidence": _evidence_column(DEFAULT_CONDITION),  # replaced per table by its condition
    "risks": Column("Risks and side effects", _risks),
    "suits": Column("Who it may suit", _text("suits")),
}
DEFAULT_COLUMNS = ("name", "what_it_is", "evidence", "typical_course", "risks")
TABLE_CLASS = "app-table"  # site.css, section "Treatment comparison tables"


def select_treatments(
    treatments: Sequence[Treatment], ids: Sequence[str] | None
) -> list[Treatment]:
    """The treatments named by `ids`, in that order; all of them when `ids` is None."""
    if ids is None:
        return list(treatments)
    by_id = {t.id: t for t in treatments}
    unknown = [i for i in _as_list(ids) if i not in by_id]
    if unknown:
        raise UnknownKeyError("treatment id", unknown[0], list(by_id))
    return [by_id[i] for i in _as_list(ids)]


def select_condition(condition: str) -> str:
    if condition not in CONDITION_NAMES:
        raise UnknownKeyError("condition", condition, list(CONDITION_NAMES))
    return condition


def select_columns(columns: Sequence[str] | None) -> list[str]:
    chosen = _as_list(columns) if columns is not None else list(DEFAULT_COLUMNS)
    for key in chosen:
        if key not in COLUMNS:
            raise UnknownKeyError("column", key, list(COLUMNS))
    if "name" not in chosen:
        chosen = ["name", *chosen]  # rows need their header cell
    return chosen


def treatment_table(
    treatments: Sequence[Treatment],
    *,
    ids: Sequence[str] | None = None,
    columns: Sequence[str] | None = None,
    caption: str | None = None,
    cite: Cite,
    link_to: LinkTo,
    number: int = 1,
    searchable: bool = True,
    condition: str = DEFAULT_CONDITION,
) -> str:
    """An HTML table with a caption and scoped headers; each data cell names its column in
    `data-label`, which site.css shows when a narrow column turns each row into a card.

    `number` counts the tables on a page, so that two tables never share an id; tables that
    repeat the comparison page's facts stay out of the search index (`searchable=False`).
    The evidence column grades each treatment for `condition` only."""
    rows = select_treatments(treatments, ids)
    keys = select_columns(columns)
    columns_here = {**COLUMNS, "evidence": _evidence_column(select_condition(condition))}
    caption = caption or "How the treatments compare"
    # Each column's width comes from site.css, by its key: longer texts get wider columns.
    widths = "".join(f'<col class="{TABLE_CLASS}__column--{k.replace("_", "-")}">' for k in keys)
    head = "".join(f'<th scope="col">{escape(columns_here[k].label)}</th>' for k in keys)
    body = "\n".join(_row(t, keys, columns_here, cite, link_to) for t in rows)
    # The class keeps Material's own table styles and its scroll wrapper away (hooks/theme.py).
    return (
        f'<div class="{TABLE_CLASS}"{"" if searchable else " data-search-exclude"}>\n'
        f'<table class="{TABLE_CLASS}__table">\n'
        f'<caption id="treatment-table-{number}">{escape(caption)}</caption>\n'
        f"<colgroup>{widths}</colgroup>\n<thead><tr>{head}</tr></thead>\n"
        f"<tbody>\n{body}\n</tbody>\n</table>\n</div>"
    )


def _row(
    treatment: Treatment, keys: list[str], columns: dict[str, Column], cite: Cite, link_to: LinkTo
) -> str:
    cells = []
    for key in keys:
        column = columns[key]
        content = column.render(treatment, cite, link_to)
        if key == "name":
            cells.append(f'<th scope="row">{content}</th>')
        else:
            cells.append(f'<td data-label="{escape(column.label)}">{content}</td>')
    return f"<tr>{''.join(cells)}</tr>"


def _as_list(value: Sequence[str] | str) -> list[str]:
    # A lone string from a page, treatment_table(ids="dns"), means one id, not its letters.
    return [value] if isinstance(value, str) else list(value)
