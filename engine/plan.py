"""A home exercise plan: the builder a clinician fills in (/plan/) and the view a patient
opens (/plan/view/#...). The build writes every exercise into both pages; the plan itself lives
only in the link's fragment, which assets/javascripts/plan.js reads and writes, so it never
reaches a server, a log or a referrer, and nothing is stored in the browser.

A plan link: #1/<code>.<amount>.<sets>.<hold>.<times>,.../<note>/<check>
  1       the format's version; a later format gets a new number and plan.js keeps reading 1
  code    the exercise's code or one of its aliases (data/exercises.yml)
  hold    0 where the exercise has no hold
  note    the clinician's note, percent-encoded with + for a space
  check   4 base-36 characters of a hash of what comes before: a link cut short says so
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from engine.models import BODY_AREAS, Clinic, Exercise

LinkTo = Callable[[str], str]  # a docs/ path -> its URL from the page being built
NOTE_LIMIT = 140  # characters: a short note keeps the link (and its QR code) small


# --- the plan builder's choices -----------------------------------------------------------------


def builder_html(
    exercises: Sequence[Exercise], link_to_page: LinkTo, conditions: dict[str, str]
) -> str:
    """One choice per exercise still in the library: a tick box, the dose fields (the
    starting dose filled in) and a link to the exercise on its page. `conditions` maps a
    condition key to its page title, for the filter."""
    items = [_choice_html(e, link_to_page) for e in exercises if not e.retired]
    return "\n".join(
        [
            '<div class="app-plan-builder" data-plan-builder>',
            _filters_html(exercises, conditions),
            '<ul class="app-plan-choices">',
            *items,
            "</ul>",
            "</div>",
        ]
    )


def _filters_html(exercises: Sequence[Exercise], conditions: dict[str, str]) -> str:
    used = {key for e in exercises if not e.retired for key in e.conditions}
    areas = {e.body_area for e in exercises if not e.retired}
    area_options = "".join(
        f'<option value="{key}">{escape(label)}</option>'
        for key, label in BODY_AREAS.items()
        if key in areas
    )
    condition_options = "".join(
        f'<option value="{key}">{escape(conditions[key])}</option>'
        for key in sorted(used, key=lambda k: conditions[k])
    )
    return (
        '<div class="app-plan-filters">'
        '<label>Body area <select data-plan-filter="area">'
        f'<option value="">All</option>{area_options}</select></label>'
        '<label>Usually given for <select data-plan-filter="condition">'
        f'<option value="">Any condition</option>{condition_options}</select></label>'
        "</div>"
    )


def _choice_html(exercise: Exercise, link_to_page: LinkTo) -> str:
    dose, code = exercise.dose, exercise.code
    name_id = f"plan-{code}-name"
    fields = [
        _number_field(code, name_id, "amount", dose.unit.capitalize(), dose.amount[0]),
        _number_field(code, name_id, "sets", "Sets", dose.sets),
    ]
    if dose.hold:
        fields.append(_number_field(code, name_id, "hold", "Hold (seconds)", dose.hold[0]))
    fields.append(_number_field(code, name_id, "times", "Times a day", dose.times_a_day[0]))
    return (
        f'<li class="app-plan-choice" data-plan-code="{code}" data-body-area="{exercise.body_area}"'
        f' data-conditions="{" ".join(exercise.conditions)}">'
        '<div class="app-plan-choice__pick">'
        f'<input type="checkbox" id="plan-{code}" data-plan-pick autocomplete="off">'
        f'<label for="plan-{code}" id="{name_id}">{escape(exercise.name)}</label>'
        f' <a href="{link_to_page(exercise.page)}">See it</a>'
        "</div>"
        f'<div class="app-plan-choice__dose">{"".join(fields)}</div>'
        "</li>"
    )


def _number_field(code: str, name_id: str, field: str, label: str, value: int) -> str:
    field_id = f"plan-{code}-{field}"
    return (
        '<span class="app-plan-field">'
        f'<label for="{field_id}" id="{field_id}-label">{label}</label>'
        f'<input type="number" id="{field_id}" data-plan-field="{field}" min="1" max="99"'
        f' value="{value}" inputmode="numeric" autocomplete="off"'
        f' aria-labelledby="{name_id} {field_id}-label"></span>'
    )


def retired_html(exercise: Exercise) -> str:
    """What a plan shows in place of an exercise that left the library."""
    return (
        '<div class="admonition note app-plan-retired"'
        f' data-plan-codes="{" ".join(exercise.codes)}" hidden>'
        f'<p class="admonition-title">{escape(exercise.name)}: no longer in our library</p>'
        f"<p>{escape(exercise.retired or '')} Ask your clinician what to do instead.</p></div>"
    )


def builder_controls_html(clinic: Clinic, view_url: str) -> str:
    """The builder's plan so far, the note, the link and what to do with it. Each action
    stays disabled until the plan has an exercise."""
    note_label = f"A short note for the patient (optional, up to {NOTE_LIMIT} characters)"
    return "\n".join(
        [
            f'<div class="app-plan-result" data-plan-result data-view-url="{view_url}"'
            f' data-clinic-name="{escape(clinic.name)}"'
            f' data-clinic-phone="{escape(clinic.phone_display)}">',
            '<h2 id="your-plan">Your plan</h2>',
            '<p data-plan-count aria-live="polite">No exercises chosen yet.</p>',
            '<ol class="app-plan-summary" data-plan-summary></ol>',
            f'<p><label for="plan-note">{note_label}</label>',
            f'<textarea id="plan-note" data-plan-note maxlength="{NOTE_LIMIT}" rows="2"'
            ' autocomplete="off"></textarea></p>',
            '<p><label for="plan-link">Link to this plan</label>',
            '<input type="text" id="plan-link" data-plan-link readonly'
            ' aria-describedby="plan-link-length"></p>',
            '<p id="plan-link-length" class="app-plan-length" data-plan-length></p>',
            '<p class="app-plan-actions">',
            '<button type="button" class="md-button md-button--primary" data-plan-copy disabled>'
            "Copy link</button>",
            '<a class="md-button" data-plan-email aria-disabled="true">Email to the patient</a>',
            '<button type="button" class="md-button" data-plan-print disabled>Print</button>',
            '<a class="md-button" data-plan-open aria-disabled="true">Open the plan</a>',
            "</p>",
            '<p class="app-plan-status" data-plan-status role="status"></p>',
            "</div>",
        ]
    )


def view_frame_html(clinic: Clinic) -> str:
    """The plan view's frame, before the exercises: the letterhead that prints on page 1 (the
    QR code is drawn by plan.js from the link itself), any problem with the link, what to do
    with no plan or no script, the clinician's note and the Print button."""
    phone = f'<a href="{clinic.phone_href}">{escape(clinic.phone_display)}</a>'
    return "\n".join(
        [
            '<div class="app-print-only app-print-header app-plan-letterhead">',
            '<div class="app-print-header__qr app-plan-qr"><div data-plan-qr></div>'
            "<p>Scan to open this plan</p></div>",
            f'<p class="app-print-header__clinic"><strong>{escape(clinic.name)}</strong>'
            f" · Phone {escape(clinic.phone_display)}</p>",
            f"<p>{escape(clinic.address.one_line)}</p>",
            "</div>",
            '<div class="admonition warning app-plan-problem" data-plan-problem role="alert"'
            " hidden>",
            '<p class="admonition-title">There is a problem with this link</p>',
            "<p data-plan-problem-text></p>",
            "</div>",
            '<p class="app-plan-empty" data-plan-empty>This page shows a home exercise plan from'
            " your clinician. Open the link they sent you, or scan the code on your printed"
            " plan.</p>",
            "<noscript><p>Your plan needs JavaScript to show. Turn it on, or call us on"
            f" {phone} and we will help.</p></noscript>",
            '<div class="admonition note app-plan-note" data-plan-note-box hidden>',
            '<p class="admonition-title">A note from your clinician</p>',
            "<p data-plan-note-text></p>",
            "</div>",
            '<p class="app-plan-actions" data-plan-view-actions hidden>',
            '<button type="button" class="md-button" data-plan-print>Print this plan</button>',
            "</p>",
        ]
    )
