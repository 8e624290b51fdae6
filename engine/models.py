"""Schemas for the files authors edit: `data/*.yml` and each page's front matter.

Every model forbids unknown fields, so a misspelt key is an error rather than a silent no-op.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
    field_validator,
    model_validator,
)

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ClockTime = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
Weekday = Literal["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _unique(values: list[str], what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"duplicate {what} '{value}'")
        seen.add(value)


# --- data/clinic.yml -------------------------------------------------------------------------


class Address(Strict):
    street: Text
    city: Text
    region: Text
    postal_code: Text
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]

    @property
    def one_line(self) -> str:
        return f"{self.street}, {self.city}, {self.region} {self.postal_code}"


class OpeningHours(Strict):
    days: list[Weekday] = Field(min_length=1)
    opens: ClockTime
    closes: ClockTime

    @model_validator(mode="after")
    def _opens_before_closes(self) -> OpeningHours:
        if self.opens >= self.closes:
            raise ValueError(f"opens ({self.opens}) must be before closes ({self.closes})")
        return self


class Clinician(Strict):
    id: Slug
    name: Text
    credentials: Text
    role: Text
    bio: Text

    @property
    def name_with_credentials(self) -> str:
        return f"{self.name}, {self.credentials}"


class Clinic(Strict):
    name: Text
    short_name: Text
    # North American numbers only: the clinic is in Illinois and `tel:` links need E.164.
    phone: Annotated[str, StringConstraints(pattern=r"^\+1-\d{3}-\d{3}-\d{4}$")]
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")]
    booking_url: HttpUrl
    map_url: HttpUrl
    address: Address
    opening_hours: list[OpeningHours] = Field(min_length=1)
    clinicians: list[Clinician] = Field(min_length=1)

    @field_validator("clinicians")
    @classmethod
    def _unique_ids(cls, clinicians: list[Clinician]) -> list[Clinician]:
        _unique([c.id for c in clinicians], "clinician id")
        return clinicians

    @field_validator("opening_hours")
    @classmethod
    def _each_day_once(cls, hours: list[OpeningHours]) -> list[OpeningHours]:
        _unique([day for entry in hours for day in entry.days], "day")
        return hours

    @property
    def phone_display(self) -> str:
        """(708) 555-0142: the form US readers expect."""
        area, exchange, line = self.phone.removeprefix("+1-").split("-")
        return f"({area}) {exchange}-{line}"

    @property
    def phone_href(self) -> str:
        return "tel:" + self.phone.replace("-", "")

    def clinician(self, clinician_id: str) -> Clinician:
        for clinician in self.clinicians:
            if clinician.id == clinician_id:
                return clinician
        raise KeyError(clinician_id)


# --- data/references.yml -----------------------------------------------------------------------


def _no_trailing_period(value: str) -> str:
    # The citation formatter adds its own punctuation.
    if value.endswith("."):
        raise ValueError("must not end with a full stop")
    return value


class Reference(Strict):
    authors: Annotated[Text, AfterValidator(_no_trailing_period)]
    title: Annotated[Text, AfterValidator(_no_trailing_period)]
    journal: Text | None = None  # or the publisher, for a guideline
    year: int = Field(ge=1900, le=2100)
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")] | None = None
    pmid: Annotated[str, StringConstraints(pattern=r"^\d{1,9}$")] | None = None
    url: HttpUrl | None = None
    # Who checked the record against the source, and what the source says: for editors, not shown.
    verification: Text
    findings: Text | None = None
    caution: Text | None = None  # what the source must not be cited for

    @model_validator(mode="after")
    def _has_a_link(self) -> Reference:
        if not (self.doi or self.pmid or self.url):
            raise ValueError("needs at least one of doi, pmid or url so readers can find it")
        return self

    @property
    def has_doi_or_pubmed(self) -> bool:
        return bool(self.doi or self.pmid)


# --- data/treatments.yml ----------------------------------------------------------------------

EvidenceStrength = Literal["moderate", "low", "very-low", "insufficient"]

EVIDENCE_LABELS: dict[str, str] = {
    "moderate": "Moderate",
    "low": "Low",
    "very-low": "Very low",
    "insufficient": "Too little to judge",
}


class Sourced(Strict):
    """A statement and the references that support it."""

    summary: Text
    references: list[Slug] = Field(min_length=1)


class Evidence(Sourced):
    strength: EvidenceStrength


class Treatment(Strict):
    id: Slug
    name: Text
    what_it_is: Text
    targets: Text
    typical_course: Text
    evidence: Evidence
    risks: Sourced
    suits: Text
    # The treatment's own article, as a path inside docs/, when it has one.
    page: Annotated[str, StringConstraints(pattern=r"^[\w/-]+\.md$")] | None = None

    def sourced_fields(self) -> dict[str, Sourced]:
        return {"evidence": self.evidence, "risks": self.risks}


class TreatmentList(Strict):
    treatments: list[Treatment] = Field(min_length=1)

    @field_validator("treatments")
    @classmethod
    def _unique_ids(cls, treatments: list[Treatment]) -> list[Treatment]:
        _unique([t.id for t in treatments], "treatment id")
        return treatments


# --- data/red_flags.yml -----------------------------------------------------------------------


class RedFlagGroup(Strict):
    """Signs that need care sooner than a clinic visit, with what to do about them."""

    urgency: Literal["emergency", "prompt"]
    heading: Text
    signs: list[Text] = Field(min_length=1)
    why: Text
    references: list[Slug] = Field(min_length=1)


class RedFlags(Strict):
    # Emergency first: the reader who needs it most must not have to scroll past the rest.
    groups: list[RedFlagGroup] = Field(min_length=2)

    @field_validator("groups")
    @classmethod
    def _emergency_first(cls, groups: list[RedFlagGroup]) -> list[RedFlagGroup]:
        if groups[0].urgency != "emergency":
            raise ValueError("the first group must be the emergency one")
        return groups


# --- front matter of pages in docs/ ------------------------------------------------------------

_MARKUP = re.compile(r"<[a-zA-Z/!]|\]\(|\*\*|`|\{\{|\{%|\n")


def _plain_text(value: str) -> str:
    if match := _MARKUP.search(value):
        raise ValueError(f"must be plain text: found {match.group()!r}")
    return value


PlainText = Annotated[Text, AfterValidator(_plain_text)]


def _search_snippet_length(value: str) -> str:
    # Search engines show about 160 characters; under 50 says too little to earn the click.
    if not 50 <= len(value) <= 160:
        raise ValueError(f"must be 50 to 160 characters long (it has {len(value)})")
    return value


class PageFrontMatter(BaseModel):
    """Every page: what search engines and link previews show."""

    # Other keys (hide, tags, date, categories, ...) belong to MkDocs and Material.
    model_config = ConfigDict(extra="allow", frozen=True)

    title: PlainText
    description: Annotated[PlainText, AfterValidator(_search_snippet_length)]
    # `info` pages (contact, privacy, indexes) carry no medical statements, so need no review.
    page_type: Literal["article", "info"] = "article"


class ArticleFrontMatter(PageFrontMatter):
    """Pages that make medical statements: a named clinician vouches for them on a date."""

    last_reviewed: date
    reviewed_by: Slug

    @field_validator("last_reviewed", mode="before")
    @classmethod
    def _a_calendar_date(cls, value: object) -> object:
        # YAML reads 2026-11-20 as a date; refuse datetimes and free text like "last week".
        if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError("must be a date written YYYY-MM-DD")
        return value

    @field_validator("last_reviewed")
    @classmethod
    def _not_in_future(cls, value: date) -> date:
        if value > date.today():
            raise ValueError(f"{value} is in the future")
        return value
