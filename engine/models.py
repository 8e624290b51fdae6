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
    BeforeValidator,
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
DAY_NAMES: dict[str, str] = {
    "Mo": "Monday",
    "Tu": "Tuesday",
    "We": "Wednesday",
    "Th": "Thursday",
    "Fr": "Friday",
    "Sa": "Saturday",
    "Su": "Sunday",
}
# The clinic's logo, for the feed and for search engines (an absolute URL is built from it).
LOGO = "assets/images/logo-512.png"


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


class FirstVisit(Strict):
    """What a new patient needs to know before the first visit: docs/first-visit.md shows
    each part with {{ first_visit("length") }}, {{ first_visit("bring") }} and so on."""

    length_minutes: int = Field(ge=15, le=180)  # the whole first visit, talk and exam
    what_to_bring: list[Text] = Field(min_length=1)
    cost: Text  # what the visit costs, or how to find out
    insurance: Text  # which plans the clinic takes, or how to check
    cancellation: Text  # how to cancel or move a visit, and any notice asked for
    accessibility: Text  # step-free access, parking, help on request

    @field_validator("what_to_bring")
    @classmethod
    def _each_item_once(cls, items: list[str]) -> list[str]:
        _unique(items, "item to bring")
        return items


PlaceholderField = Literal[
    "phone",
    "email",
    "booking_url",
    "map_url",
    "address",
    "opening_hours",
    "clinicians",
    "first_visit",
]


class Clinic(Strict):
    name: Text
    # North American numbers only: the clinic is in Illinois and `tel:` links need E.164.
    phone: Annotated[str, StringConstraints(pattern=r"^\+1-\d{3}-\d{3}-\d{4}$")]
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")]
    booking_url: HttpUrl
    map_url: HttpUrl
    address: Address
    opening_hours: list[OpeningHours] = Field(min_length=1)
    clinicians: list[Clinician] = Field(min_length=1)
    first_visit: FirstVisit
    # Fields that still hold made-up values: a build for the real address refuses them.
    placeholders: list[PlaceholderField] = Field(default_factory=list)

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


def _a_regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as error:
        raise ValueError(f"not a valid pattern: {error}") from None
    return value


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
    # The same, as patterns a test matches against each sentence that cites the source: a
    # caution written down is not enough once a page is edited (roach2015 was cited for the
    # opposite of its finding on three pages).
    not_for: list[Annotated[str, AfterValidator(_a_regex)]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_a_link(self) -> Reference:
        if not (self.doi or self.pmid or self.url):
            raise ValueError("needs at least one of doi, pmid or url so readers can find it")
        return self


# --- data/treatments.yml ----------------------------------------------------------------------

EvidenceStrength = Literal["moderate", "low", "very-low", "insufficient", "not-studied"]


# The conditions a treatment's evidence is graded for. A grade belongs to the condition its
# studies were in: low back pain research must never stand in for sciatica.
Condition = Literal[
    "low-back-pain",
    "sciatica",
    "piriformis-syndrome",
    "slipped-disc",
    "spinal-stenosis",
    "hip-osteoarthritis",
    "hip-impingement",
    "sacroiliac-joint-pain",
    "pregnancy",
]
CONDITION_NAMES: dict[str, str] = {
    "low-back-pain": "low back pain",
    "sciatica": "sciatica",
    "piriformis-syndrome": "piriformis syndrome",
    "slipped-disc": "a slipped disc",
    "spinal-stenosis": "lumbar spinal stenosis",
    "hip-osteoarthritis": "hip osteoarthritis",
    "hip-impingement": "hip impingement",
    "sacroiliac-joint-pain": "sacroiliac joint pain",
    "pregnancy": "back and pelvic pain in pregnancy",
}
DEFAULT_CONDITION = "low-back-pain"


class Sourced(Strict):
    """A statement and the references that support it."""

    summary: Text
    references: list[Slug] = Field(min_length=1)


class Evidence(Strict):
    """How well a treatment is studied for one condition, and what the studies found."""

    strength: EvidenceStrength
    summary: Text
    # "Not studied" may rest on no source; every grade must.
    references: list[Slug] = Field(default_factory=list)

    @model_validator(mode="after")
    def _graded_evidence_is_sourced(self) -> Evidence:
        if self.strength != "not-studied" and not self.references:
            raise ValueError(f"a '{self.strength}' grade needs references")
        return self


class Treatment(Strict):
    id: Slug
    name: Text
    what_it_is: Text
    targets: Text
    typical_course: Text
    # Low back pain is required: it is the default every table shows. A condition left out
    # shows "Not studied".
    evidence: dict[Condition, Evidence]
    risks: Sourced
    suits: Text
    # The treatment's own article, as a path inside docs/, when it has one.
    page: Annotated[str, StringConstraints(pattern=r"^[\w/-]+\.md$")] | None = None

    @field_validator("evidence")
    @classmethod
    def _graded_for_low_back_pain(cls, evidence: dict[str, Evidence]) -> dict[str, Evidence]:
        if DEFAULT_CONDITION not in evidence:
            raise ValueError(f"needs a grade for '{DEFAULT_CONDITION}', the default condition")
        return evidence

    def evidence_for(self, condition: str) -> Evidence:
        """The evidence for `condition`; "Not studied" where the data records none."""
        return self.evidence.get(condition) or Evidence(  # type: ignore[call-overload]
            strength="not-studied",
            summary=f"No study of it in people with {CONDITION_NAMES[condition]} is recorded here.",
        )

    def sourced_fields(self) -> dict[str, Sourced | Evidence]:
        fields: dict[str, Sourced | Evidence] = {
            f"evidence.{c}": e for c, e in self.evidence.items()
        }
        return {**fields, "risks": self.risks}


class TreatmentList(Strict):
    treatments: list[Treatment] = Field(min_length=1)

    @field_validator("treatments")
    @classmethod
    def _unique_ids(cls, treatments: list[Treatment]) -> list[Treatment]:
        _unique([t.id for t in treatments], "treatment id")
        return treatments


# --- data/red_flags.yml -----------------------------------------------------------------------

# Most urgent first; each tier says how soon and where to go (NHS and NICE triage, US terms).
Tier = Literal["emergency", "urgent", "routine"]
TIER_ORDER: tuple[str, ...] = ("emergency", "urgent", "routine")


class RedFlagGroup(Strict):
    """Signs that need care sooner than a clinic visit, with how soon and where to go."""

    tier: Tier
    action: Text  # what to do: "See a doctor"
    time_frame: Text  # how soon: "today or tomorrow"
    call: Annotated[str, StringConstraints(pattern=r"^\d{3}$")] | None = None
    where: Text  # where to go without a doctor, or what happens next
    signs: list[Text] = Field(min_length=1)
    why: Text
    references: list[Slug] = Field(min_length=1)
    anchor: Slug | None = None  # the heading's id, kept when its words change

    @model_validator(mode="after")
    def _emergency_names_the_number(self) -> RedFlagGroup:
        if self.tier == "emergency" and not self.call:
            raise ValueError("the emergency tier needs `call`, the number to ring (911)")
        if self.call and f"Call {self.call}" not in self.action:
            raise ValueError(f"`action` must say 'Call {self.call}' so it can be a tel: link")
        return self

    @property
    def heading(self) -> str:
        return f"{self.action} {self.time_frame} if you have back pain and:"


class PregnancySigns(Strict):
    """Signs with back pain in pregnancy that are for the maternity team (or 911), not for the
    back pain tiers: they can mean labor, bleeding or an infection."""

    action: Text  # who to call: "Call your midwife, ..."
    time_frame: Text  # how soon: "straight away"
    signs: list[Text] = Field(min_length=1)
    emergency_signs: list[Text] = Field(min_length=1)  # call 911 for these
    why: Text
    references: list[Slug] = Field(min_length=1)

    @property
    def heading(self) -> str:
        return f"{self.action} {self.time_frame} if you are pregnant and have back pain with:"


class ExerciseStopSigns(Strict):
    """The signs every exercise's stop box names, after its own (data/exercises.yml `stop`)."""

    heading: Text  # "Stop and tell your clinician if"
    signs: list[Text] = Field(min_length=1)
    then: Text  # the last sentence: follow the urgent-care box for worse weakness and its signs
    exertion_signs: Text  # first, for exercises that work the heart: stop and call 911

    @field_validator("then")
    @classmethod
    def _names_the_urgent_box(cls, then: str) -> str:
        if "Stop and get help" not in then:  # it becomes the link to that box
            raise ValueError("must name the box it points to: 'Stop and get help'")
        return then


class RedFlags(Strict):
    groups: list[RedFlagGroup] = Field(min_length=2)
    pregnancy: PregnancySigns | None = None
    exercise_stop: ExerciseStopSigns

    @field_validator("groups")
    @classmethod
    def _tiers_once_each_most_urgent_first(cls, groups: list[RedFlagGroup]) -> list[RedFlagGroup]:
        # The reader who needs the emergency tier most must not scroll past the rest.
        tiers = [g.tier for g in groups]
        _unique(list(tiers), "tier")
        if tiers[0] != "emergency":
            raise ValueError("the first group must be the emergency tier")
        if tiers != sorted(tiers, key=TIER_ORDER.index):
            raise ValueError(f"tiers must run from most to least urgent: {', '.join(TIER_ORDER)}")
        return groups

    def tier(self, name: str) -> RedFlagGroup | None:
        return next((g for g in self.groups if g.tier == name), None)


# --- data/exercises.yml -----------------------------------------------------------------------

# A plan link names each exercise by its code, so a code is short and never reused.
ExerciseCode = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]{2,3}$")]
BodyArea = Literal["back", "hip", "leg", "whole-body"]
BODY_AREAS: dict[str, str] = {
    "back": "Back",
    "hip": "Hip",
    "leg": "Leg (sciatic nerve)",
    "whole-body": "Whole body",
}
DoseUnit = Literal["repeats", "breaths", "taps", "minutes"]
Count = Annotated[int, Field(ge=1, le=99)]
ILLUSTRATIONS = "assets/images/illustrations/"  # in docs/; tools/illustrations draws them


def _a_range(value: object) -> object:
    """One number or [low, high] (low below high), kept as (low, high)."""
    if isinstance(value, int):
        return (value, value)
    if isinstance(value, list) and len(value) == 2 and value[0] < value[1]:
        return tuple(value)
    raise ValueError("must be one number or [low, high] with low below high")


CountRange = Annotated[tuple[Count, Count], BeforeValidator(_a_range)]


class Dose(Strict):
    """How much, as pages print it; a plan starts from the low end of each range."""

    amount: CountRange
    unit: DoseUnit
    each_side: bool = False
    hold: CountRange | None = None  # seconds; steps show it where they say {hold}
    sets: Count = 1
    times_a_day: CountRange
    references: list[Slug] = []  # sources for this dose; without any it is a typical start


class ExerciseStop(Strict):
    """What this exercise adds to the common stop signs of data/red_flags.yml."""

    sharp_pain_in: list[Text] = []  # "You feel sharp pain in your hip, groin or back"
    also: list[Text] = []  # after the sharp pain: "back pain that builds as you go"
    exertion: bool = False  # it works the heart: the box starts with the exertion signs
    first: Text | None = None  # a sign named before the others ("You feel dizzy ...")


class Exercise(Strict):
    id: Slug
    code: ExerciseCode
    aliases: list[ExerciseCode] = []  # earlier codes: plan links sent with them still open
    name: Text
    page: Text  # the docs/ page that shows it
    body_area: BodyArea
    conditions: list[Slug] = Field(min_length=1)  # docs/conditions/<key>.md
    image: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+\.svg$")]
    alt: Text
    caption: Text
    about: Text | None = None
    steps: list[Text] = Field(min_length=2)
    dose: Dose
    easier: Text
    harder: Text
    caution: Text | None = None
    stop: ExerciseStop
    references: list[Slug] = []
    retired: Text | None = None  # why it left the library; its plan links say so

    @property
    def codes(self) -> tuple[str, ...]:
        """Every code a plan link may name this exercise by: its own, then its old ones."""
        return (self.code, *self.aliases)

    @property
    def image_path(self) -> str:
        """Its picture, as a path in docs/."""
        return f"{ILLUSTRATIONS}{self.image}"

    @model_validator(mode="after")
    def _hold_where_the_steps_say(self) -> Exercise:
        says_hold = any("{hold}" in step for step in self.steps)
        if says_hold and self.dose.hold is None:
            raise ValueError("a step says {hold} but the dose has no `hold`")
        if self.dose.hold is not None and not says_hold:
            raise ValueError("the dose has a `hold`: write {hold} in the step that holds")
        return self


class ExerciseList(Strict):
    exercises: list[Exercise] = Field(min_length=1)

    @field_validator("exercises")
    @classmethod
    def _ids_and_codes_once(cls, exercises: list[Exercise]) -> list[Exercise]:
        _unique([e.id for e in exercises], "exercise id")
        # A code or alias names one exercise for ever: an old link must not open another one.
        _unique([code for e in exercises for code in e.codes], "exercise code")
        return exercises


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


class SiteSearch(Strict):
    """A page's `search:` front matter, as Material's search plugin reads it: `exclude: true`
    leaves the page out of the site's search; `boost` multiplies its score."""

    exclude: bool = False
    # Small factors: tests/search_queries.yml checks what they do to the everyday searches.
    boost: float = Field(default=1.0, gt=0, le=10)


class PageFrontMatter(BaseModel):
    """Every page: what search engines and link previews show."""

    # Other keys (hide, tags, date, categories, ...) belong to MkDocs and Material.
    model_config = ConfigDict(extra="allow", frozen=True)

    title: PlainText
    description: Annotated[PlainText, AfterValidator(_search_snippet_length)]
    # `info` pages (contact, privacy, indexes) carry no medical statements, so need no review.
    page_type: Literal["article", "info"] = "article"
    search: SiteSearch = SiteSearch()


class ArticleFrontMatter(PageFrontMatter):
    """Pages that make medical statements: a named clinician vouches for them on a date."""

    last_reviewed: date
    reviewed_by: Slug
    # Condition pages only: what search engines and assistants read as the condition's
    # signs and its possible treatments (schema.org MedicalCondition), in plain words.
    signs_and_symptoms: tuple[PlainText, ...] = ()
    possible_treatments: tuple[PlainText, ...] = ()
    # The condition's name where the title's part before a colon is not it.
    condition_name: PlainText | None = None

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
