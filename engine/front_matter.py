"""The front-matter contract: every page says what it is; medical pages say who reviewed them."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from typing import Any, Protocol

import yaml
from pydantic import ValidationError

from engine.data import UniqueKeyLoader, describe_errors
from engine.errors import ContentError
from engine.models import ArticleFrontMatter, Clinic, PageFrontMatter

# The pattern MkDocs itself uses to find front matter, anchored to the start of the file.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def read_front_matter(source: str, text: str) -> dict[str, Any]:
    """The page's YAML front matter. MkDocs ignores YAML it cannot parse; we refuse it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ContentError(source, "has no front matter (a --- block with title and description)")
    try:
        # Two equal keys would keep the last without a word, as data/*.yml files refuse.
        meta = yaml.load(match.group(1), Loader=UniqueKeyLoader)
    except yaml.YAMLError as error:
        raise ContentError(
            source, f"front matter is not valid YAML: {_yaml_problem(error)}"
        ) from None
    if not isinstance(meta, dict):
        raise ContentError(source, "front matter must be a set of `key: value` lines")
    return meta


def check_front_matter(
    source: str, meta: dict[str, Any], clinic: Clinic
) -> PageFrontMatter | ArticleFrontMatter:
    model = ArticleFrontMatter if meta.get("page_type", "article") == "article" else PageFrontMatter
    try:
        front_matter = model.model_validate(meta)
    except ValidationError as error:
        raise ContentError(source, f"front matter {describe_errors(error)}") from None
    if isinstance(front_matter, ArticleFrontMatter):
        _check_reviewer(source, front_matter.reviewed_by, clinic)
    return front_matter


def check_condition_fields(source: str, front_matter: object, is_condition: bool) -> None:
    """A condition page names its signs and possible treatments (its structured data says
    what the page is about); any other page must not, or the data would describe nothing."""
    if not isinstance(front_matter, ArticleFrontMatter):
        return
    required = ("signs_and_symptoms", "possible_treatments")
    for field in required if is_condition else (*required, "condition_name"):
        given = getattr(front_matter, field)
        if is_condition and not given:
            raise ContentError(
                source,
                f"front matter field '{field}' is missing: a condition page lists them "
                "(a YAML list of short plain phrases)",
            )
        if given and not is_condition:
            raise ContentError(
                source,
                f"front matter field '{field}' is only for condition pages (docs/conditions/)",
            )


def _check_reviewer(source: str, reviewer: str, clinic: Clinic) -> None:
    known = [c.id for c in clinic.clinicians]
    if reviewer not in known:
        raise ContentError(
            source,
            f"front matter field 'reviewed_by': '{reviewer}' is not a clinician id in "
            f"data/clinic.yml (known: {', '.join(known)})",
        )


def _yaml_problem(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    # +2: the mark counts from 0 and from the line after the opening ---.
    return f"line {mark.line + 2}: {problem}" if mark else problem


# --- across pages ------------------------------------------------------------------------------


class Described(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str: ...


def check_unique(pages: Mapping[str, Described]) -> None:
    """Each page's title and description must exist and be its own: duplicates confuse
    search results, screen-reader users moving between tabs, and link previews."""
    for attribute in ("title", "description"):
        by_value: dict[str, list[str]] = defaultdict(list)
        for source, facts in pages.items():
            value = getattr(facts, attribute).strip()
            if not value:
                raise ContentError(source, f"has no {attribute}")
            by_value[value.casefold()].append(source)
        for sources in by_value.values():
            if len(sources) > 1:
                raise ContentError(
                    sources[0],
                    f"has the same {attribute} as {', '.join(sources[1:])}: "
                    "each page needs its own",
                )
