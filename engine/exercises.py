"""Exercises from data/exercises.yml: the section an exercise page shows, and the pieces a home
exercise plan is made of (the builder's choices, the plan view's hidden sections).

A page and a plan show an exercise from the same record through the same functions, so the
words never differ; a plan only swaps in the clinician's numbers (assets/javascripts/plan.js
writes the dose sentence the same way `dose_sentence` does, and a browser test compares them).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path

from engine.errors import UnknownKeyError
from engine.front_matter import read_front_matter
from engine.models import Dose, Exercise, ExerciseStopSigns, RedFlags
from engine.red_flags import STOP_ANCHOR, exertion_box_markdown

Cite = Callable[..., str]
LinkTo = Callable[[str], str]  # a docs/ path -> a link from the page being built

# What pages and plan views show for a unit, one and many.
UNIT_WORDS: dict[str, tuple[str, str]] = {
    "repeats": ("slow repeat", "slow repeats"),
    "breaths": ("slow breath", "slow breaths"),
    "taps": ("slow tap", "slow taps"),
    "minutes": ("minute", "minutes"),
}
TYPICAL_START = "This is a typical start. Your clinician will adjust it."
FROM_RESEARCH = "This is about what was used in research{cite}. Your clinician will adjust it."


def find(exercises: Sequence[Exercise], exercise_id: str) -> Exercise:
    for exercise in exercises:
        if exercise.id == exercise_id:
            return exercise
    raise UnknownKeyError("exercise", exercise_id, [e.id for e in exercises])


# --- words ---------------------------------------------------------------------------------------


def count_range(low: int, high: int, joiner: str = "to") -> str:
    return str(low) if low == high else f"{low} {joiner} {high}"


def hold_words(hold: tuple[int, int]) -> str:
    """ "5 seconds", "2 or 3 seconds", "3 to 5 seconds"."""
    low, high = hold
    joiner = "or" if high == low + 1 else "to"
    unit = "second" if high == 1 else "seconds"
    return f"{count_range(low, high, joiner)} {unit}"


def times_a_day(times: tuple[int, int]) -> str:
    low, high = times
    return "once a day" if high == 1 else f"{count_range(low, high)} times a day"


def dose_sentence(dose: Dose) -> str:
    """ "8 to 10 slow repeats on each side, 1 to 2 times a day": no hold (the steps say it)."""
    low, high = dose.amount
    one, many = UNIT_WORDS[dose.unit]
    words = [f"{count_range(low, high)} {one if high == 1 else many}"]
    if dose.each_side:
        words.append(" on each side")
    if dose.sets > 1:
        words.append(f", in {dose.sets} sets")
    words.append(f", {times_a_day(dose.times_a_day)}")
    return "".join(words)


def stop_sentence(exercise: Exercise, common: ExerciseStopSigns) -> str:
    """The stop box's one sentence: this exercise's own signs, then the common ones."""
    areas = exercise.stop.sharp_pain_in
    sharp = f"sharp pain in your {_or_list(areas, comma=False)}" if areas else "sharp pain"
    feel = f"you feel {_or_list([sharp, *exercise.stop.also, *common.signs])}"
    if exercise.stop.first:
        return f"{exercise.stop.first}, or {feel}."
    return f"{feel[0].upper()}{feel[1:]}."


def _or_list(items: Sequence[str], comma: bool = True) -> str:
    """ "a, b, or c" (list of phrases that hold commas) or "a, b or c" (single words)."""
    if len(items) == 1:
        return items[0]
    last = ", or " if comma else " or "
    return ", ".join(items[:-1]) + last + items[-1]


# --- an exercise page's section -----------------------------------------------------------------


def stop_box_markdown(exercise: Exercise, red_flags: RedFlags) -> str:
    """The box under an exercise: when to stop and tell the clinician, then where the urgent
    signs are; after the emergency box for an exercise that works the heart."""
    common = red_flags.exercise_stop
    then = common.then.replace("Stop and get help", f"[Stop and get help](#{STOP_ANCHOR})", 1)
    return "\n".join(
        [
            *([exertion_box_markdown(red_flags)] if exercise.stop.exertion else []),
            f'!!! warning "{common.heading}"',
            "",
            f"    {stop_sentence(exercise, common)}",
            "",
            f"    {then}",
            "",
        ]
    )


def exercise_markdown(
    exercise: Exercise,
    number: int | None,
    red_flags: RedFlags,
    cite: Cite,
    link_to: LinkTo,
    plan: bool = False,
    figure: str | None = None,
) -> str:
    """The exercise as its page shows it, inside <section class="app-exercise"> (site.css and
    the "Print exercises" handout style that class). With `plan`, the section a plan view
    shows: hidden until plan.js picks it, its hold time and dose marked for the plan's numbers."""
    heading = f"{number}. {exercise.name}" if number else exercise.name
    attributes = ' class="app-exercise"'
    if plan:
        attributes += f' data-plan-codes="{" ".join(exercise.codes)}" hidden'
    text = "\n".join(
        [
            f"<section{attributes} markdown>",
            "",
            f"## {heading}",
            "",
            # A plan prints its exercises one after another: the picture, the words before the
            # steps and the steps stay together on paper (site.css, .app-exercise__how).
            *(['<div class="app-exercise__how" markdown>', ""] if plan else []),
            figure or _figure(exercise, link_to),
            "",
            *([exercise.about.strip(), ""] if exercise.about else []),
            _steps(exercise, plan),
            "",
            *(["</div>", ""] if plan else []),
            _dose_markdown(exercise.dose, cite, plan),
            "",
            f"**Easier:** {exercise.easier} **Harder:** {exercise.harder}",
            "",
            *([exercise.caution.strip(), ""] if exercise.caution else []),
            stop_box_markdown(exercise, red_flags),
            "</section>",
            "",
        ]
    )
    return with_citations(text, cite)


# A citation in a record's text, written as on a page: {{ cite("key") }} or {{ cite("a", "b") }}.
_CITE = re.compile(r"\{\{\s*cite\(([^)]*)\)\s*\}\}")


def with_citations(text: str, cite: Cite) -> str:
    """A record's text with its citations made, as the macro would make them on a page (the
    data is not a template, so mkdocs-macros never sees it)."""

    def citation(match: re.Match[str]) -> str:
        keys = ast.literal_eval(f"({match.group(1)},)")
        if not keys or not all(isinstance(key, str) for key in keys):
            raise ValueError(f"{match.group()} must name reference keys as strings")
        return cite(*keys)

    return _CITE.sub(citation, text)


# What the page does not need from a drawing file: its comments, and its title and description,
# which the record's alt text replaces.
_NOT_NEEDED = re.compile(r"<!--.*?-->\n?|<(title|desc)[^>]*>.*?</\1>\n?", re.S)
_ID_USE = re.compile(r'(id="|url\(#|href="#)([A-Za-z][\w-]*)')


def inline_figure_html(exercise: Exercise, svg: str) -> str:
    """The exercise's drawing written into the page (a plan view's figures): every plan then
    makes the same requests, so not even the server learns which exercises a plan holds. Its
    ids are made unique on the page; the record's alt text names it."""
    prefix = f"fig-{exercise.code}-"
    drawing = _NOT_NEEDED.sub("", svg.strip())
    drawing = _ID_USE.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", drawing)
    label = f'aria-label="{escape(exercise.alt.strip())}"'
    drawing = re.sub(r'aria-labelledby="[^"]*"', label, drawing, count=1)
    return (
        f'<figure class="app-plan-figure">{drawing}'
        f"<figcaption>{escape(exercise.caption.strip())}</figcaption></figure>"
    )


def _figure(exercise: Exercise, link_to: LinkTo) -> str:
    image = link_to(exercise.image_path)
    return "\n".join(
        [
            '<figure markdown="span">',
            f'  ![{exercise.alt.strip()}]({image}){{ width="360" }}',
            f"  <figcaption>{exercise.caption.strip()}</figcaption>",
            "</figure>",
        ]
    )


def _steps(exercise: Exercise, plan: bool) -> str:
    hold_range = exercise.dose.hold
    hold = hold_words(hold_range) if hold_range else ""
    if plan and hold_range:
        hold = f'<span data-plan-hold="{hold_range[0]}">{hold}</span>'
    return "\n".join(
        f"{n}. {step.strip().replace('{hold}', hold)}" for n, step in enumerate(exercise.steps, 1)
    )


def _dose_markdown(dose: Dose, cite: Cite, plan: bool) -> str:
    if plan:
        # plan.js rewrites the sentence from the plan's numbers; the data says how to word it.
        each_side = "true" if dose.each_side else "false"
        return (
            f'<p class="app-plan-dose" data-unit="{dose.unit}" data-each-side="{each_side}">'
            f"<strong>How much:</strong> <span>{dose_sentence(dose)}</span>. "
            "Your clinician set this for you.</p>"
        )
    source = FROM_RESEARCH.format(cite=cite(*dose.references)) if dose.references else TYPICAL_START
    return f"**How much:** {dose_sentence(dose)}. {source}"


def condition_names(docs_dir: Path) -> dict[str, str]:
    """Each condition page's key and the condition's name (its title before any colon, or its
    `condition_name`), for the builder's filter."""
    names = {}
    for path in sorted((docs_dir / "conditions").glob("*.md")):
        if path.stem == "index":
            continue
        meta = read_front_matter(f"docs/conditions/{path.name}", path.read_text(encoding="utf-8"))
        names[path.stem] = meta.get("condition_name") or str(meta["title"]).split(":")[0]
    return names
