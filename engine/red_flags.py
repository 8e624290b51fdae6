"""Urgent signs, worded once (data/red_flags.yml) and shown three ways, plus the check that no
page words them in its own prose.

- `urgent_care_markdown`: the full block, one box per tier (condition pages).
- `stop_box_markdown`: "Stop and get help" (exercise and treatment pages): the emergency tier
  in full, the other tiers by their headings, linked to the full list.
- `summary_markdown`: one paragraph naming the tiers, linked to the list.
- `find_red_flag_wording`: where a page's own Markdown names a red-flag sign.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from markdown.extensions.toc import slugify

from engine.models import RedFlagGroup, RedFlags

Cite = Callable[..., str]
BLOCK_ANCHOR = "when-to-get-urgent-care"
STOP_ANCHOR = "stop-and-get-help"


def _action_markdown(group: RedFlagGroup) -> str:
    """The tier's action, with "Call 911" as a tel: link a phone dials in one tap."""
    if not group.call:
        return group.action
    call = f"Call {group.call}"
    return group.action.replace(call, f"[{call}](tel:{group.call})", 1)


def _heading_markdown(group: RedFlagGroup) -> str:
    return f"{_action_markdown(group)} {group.time_frame} if you have back pain and:"


def _box_open(group: RedFlagGroup, exclude: str) -> str:
    return f'<div class="app-urgent app-urgent--{group.tier}" markdown{exclude}>'


def urgent_care_markdown(red_flags: RedFlags, cite: Cite, searchable: bool = False) -> str:
    """Markdown (with md_in_html blocks): a heading, then one box per tier.

    The block repeats on every condition page, so only one page (`searchable`) puts it in
    the search index; elsewhere it would bloat the index and crowd every result list."""
    exclude = "" if searchable else " data-search-exclude"
    parts = [f"## When to get urgent care {{ #{BLOCK_ANCHOR}{exclude} }}", ""]
    for group in red_flags.groups:
        parts += [
            _box_open(group, exclude),
            "",
            f"### {_heading_markdown(group)} {{ #{_group_id(group)} }}",
            "",
            _signs(group.signs),
            "",
            group.where,
            "",
            f"{group.why}{cite(*group.references)}",
            "",
            "</div>",
            "",
        ]
    return "\n".join(parts)


PREGNANCY_ANCHOR = "if-you-are-pregnant"


def pregnancy_markdown(red_flags: RedFlags, cite: Cite) -> str:
    """The maternity signs, in a box of their own: pages about pregnancy show it beside the
    back pain tiers, which it does not replace. Its heading is a section (h2): the box comes
    before the page's first section, and headings must not skip a level."""
    signs = red_flags.pregnancy
    if signs is None:
        raise ValueError("data/red_flags.yml has no `pregnancy` section for pregnancy_warning()")
    emergency = red_flags.groups[0]
    return "\n".join(
        [
            '<div class="app-urgent app-urgent--urgent" markdown data-search-exclude>',
            "",
            f"## If you are pregnant {{ #{PREGNANCY_ANCHOR} }}",
            "",
            f"**{signs.heading}**",
            "",
            _signs(signs.signs),
            "",
            f"{_action_markdown(emergency)} {emergency.time_frame} if you have:",
            "",
            _signs(signs.emergency_signs),
            "",
            f"{signs.why}{cite(*signs.references)}",
            "",
            "</div>",
            "",
        ]
    )


def stop_box_markdown(
    red_flags: RedFlags, full_list_url: str, old_anchor: str | None = None
) -> str:
    """The short "Stop and get help" section: the same tiers and words as the full block.

    Every emergency sign is listed here, since a reader mid-exercise must not have to follow
    a link to learn that one needs 911; the slower tiers link to the full list. `old_anchor`
    keeps a published link to the section this box replaced working."""
    emergency, *others = red_flags.groups
    kept = f'<span id="{old_anchor}"></span>' if old_anchor else ""
    parts = [
        f"## {kept}Stop and get help {{ #{STOP_ANCHOR} data-search-exclude }}",
        "",
        _box_open(emergency, " data-search-exclude"),
        "",
        f"**{_heading_markdown(emergency)}**",
        "",
        _signs(emergency.signs),
        "",
        emergency.where,
        "",
        "</div>",
        "",
    ]
    for group in others:
        parts += [
            _box_open(group, " data-search-exclude"),
            "",
            f"**{_heading_markdown(group)}** [any of these other warning signs]"
            f"({_tier_url(full_list_url, group)}). {group.where}",
            "",
            "</div>",
            "",
        ]
    return "\n".join(parts)


def exertion_box_markdown(red_flags: RedFlags) -> str:
    """Before the stop box of an exercise that works the heart (walking): the exertion signs
    with the emergency tier's own action, in its box style."""
    emergency = red_flags.groups[0]
    action = _lower_first(_action_markdown(emergency))
    signs = red_flags.exercise_stop.exertion_signs
    return "\n".join(
        [
            '<div class="app-urgent app-urgent--exertion" markdown data-search-exclude>',
            "",
            f"**Stop, and {action} {emergency.time_frame}, if you get {signs}.**",
            "",
            "</div>",
            "",
        ]
    )


def summary_markdown(red_flags: RedFlags, list_url: str) -> str:
    """One paragraph that names each tier's action and time, and links to the signs."""
    emergency, *others = red_flags.groups
    now = f"{_lower_first(_action_markdown(emergency))} {emergency.time_frame}"
    first = f"Some signs with back pain mean you should {now}."
    slower = ", or ".join(f"{_lower_first(g.action)} {g.time_frame}" for g in others)
    return f"{first} Others mean you should {slower}. [Check the warning signs]({list_url})."


def not_for_emergencies_html(red_flags: RedFlags) -> str:
    """The line under every booking block: booking is not for an emergency, and what to do
    instead, in the emergency tier's own words, with its number as a tel: link."""
    emergency = red_flags.groups[0]
    action = escape(_lower_first(emergency.action))
    if emergency.call:
        call = f"call {emergency.call}"
        action = action.replace(call, f'<a href="tel:{emergency.call}">{call}</a>', 1)
    return (
        "<strong>Booking is not for emergencies.</strong> "
        f"For an emergency, {action} {escape(emergency.time_frame)}."
    )


def _signs(signs: list[str]) -> str:
    return "\n".join(f"- {sign}" for sign in signs)


def _tier_url(full_list_url: str, group: RedFlagGroup) -> str:
    page = full_list_url.split("#")[0]
    return f"{page}#{_group_id(group)}"


def _group_id(group: RedFlagGroup) -> str:
    """The tier heading's id: its published anchor, else the slug of its words."""
    return group.anchor or slugify(group.heading, "-")


def _lower_first(text: str) -> str:
    # "[Call 911](tel:911) or go ..." -> "[call 911](tel:911) or go ..."
    index = 1 if text.startswith("[") else 0
    return text[:index] + text[index].lower() + text[index + 1 :]


# --- the lint: urgent signs are worded only by the macros above ----------------------------------

# Words that name a cauda equina sign wherever they appear in a page's own text.
_ALWAYS = re.compile(
    r"\b(?:bladder|bowels?|pee|peeing|poo|pooing|urin\w*|incontinen\w*|saddle|genitals?|genital\w*"
    r"|anus|between (?:your|the) legs|around (?:your|the) bottom)\b",
    re.IGNORECASE,
)
# "both legs" is ordinary in exercise steps ("bend both legs"); it is a red flag next to a symptom.
_BOTH_LEGS = re.compile(r"\bboth legs\b", re.IGNORECASE)
_SYMPTOM = re.compile(r"\b(?:pain\w*|numb\w*|tingl\w*|weak\w*|sciatica)\b", re.IGNORECASE)
# What the page's author did not write as prose: macro calls and Jinja, HTML comments, code.
_NOT_PROSE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|<!--.*?-->|```.*?```", re.DOTALL)
_SENTENCE_END = re.compile(r"[.!?:](?=\s)|\n\s*\n|\n\s*[-*+]\s|\n\s*\d+\.\s|\n\s*#")


@dataclass(frozen=True)
class RedFlagWording:
    line: int
    term: str
    sentence: str

    def describe(self) -> str:
        return f"line {self.line} ('{self.term}'): {self.sentence}"


LINT_ADVICE = (
    "Urgent signs are worded only in data/red_flags.yml: show them with {{ urgent_care() }}, "
    "{{ stop_and_get_help() }} or {{ urgent_care_summary() }}, or link to the urgent-care page"
)


def describe_findings(findings: list[RedFlagWording]) -> str:
    places = "\n  ".join(finding.describe() for finding in findings)
    return f"names red-flag signs in its own words:\n  {places}\n{LINT_ADVICE}"


def find_red_flag_wording(markdown: str, first_line: int = 1) -> list[RedFlagWording]:
    """Every place where `markdown` (a page's source) names a red-flag sign as prose, by line
    (counted from `first_line`, the body's line in the file, after its front matter)."""
    prose = _NOT_PROSE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), markdown)
    findings = [_finding(prose, m, first_line) for m in _ALWAYS.finditer(prose)]
    for match in _BOTH_LEGS.finditer(prose):
        finding = _finding(prose, match, first_line)
        if _SYMPTOM.search(finding.sentence):
            findings.append(finding)
    return sorted(findings, key=lambda f: f.line)


def _finding(prose: str, match: re.Match[str], first_line: int) -> RedFlagWording:
    ends = [m.end() for m in _SENTENCE_END.finditer(prose, 0, match.start())]
    start = ends[-1] if ends else 0
    after = _SENTENCE_END.search(prose, match.end())
    end = after.start() + 1 if after else len(prose)
    sentence = " ".join(prose[start:end].split())
    line = first_line + prose.count("\n", 0, match.start())
    return RedFlagWording(line, match.group(), sentence)
