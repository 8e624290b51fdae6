"""Reads `data/*.yml`, validates each file against its schema and cross-checks them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from engine.errors import ContentError
from engine.models import (
    Clinic,
    Exercise,
    ExerciseList,
    RedFlags,
    Reference,
    Treatment,
    TreatmentList,
)

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class SiteData:
    clinic: Clinic
    treatments: list[Treatment]
    references: dict[str, Reference]
    red_flags: RedFlags
    exercises: list[Exercise]

    @classmethod
    def load(cls, data_dir: Path) -> SiteData:
        clinic = load_model(data_dir / "clinic.yml", Clinic)
        references = load_references(data_dir / "references.yml")
        treatments = load_model(data_dir / "treatments.yml", TreatmentList).treatments
        check_treatment_references(data_dir / "treatments.yml", treatments, references)
        check_treatment_pages(data_dir / "treatments.yml", treatments, data_dir.parent / "docs")
        red_flags = load_model(data_dir / "red_flags.yml", RedFlags)
        check_known_references(
            data_dir / "red_flags.yml",
            {
                **{f"tier '{g.tier}'": g.references for g in red_flags.groups},
                **({"pregnancy": red_flags.pregnancy.references} if red_flags.pregnancy else {}),
            },
            references,
        )
        exercises = load_model(data_dir / "exercises.yml", ExerciseList).exercises
        check_exercises(data_dir / "exercises.yml", exercises, references, data_dir.parent / "docs")
        return cls(clinic, treatments, references, red_flags, exercises)


# libyaml's parser when PyYAML was built with it (the wheels are): several times faster.
if TYPE_CHECKING:
    SafeLoader = yaml.SafeLoader
else:
    SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class UniqueKeyLoader(SafeLoader):
    """PyYAML keeps the last of two equal keys without a word; two sources under one key
    would silently lose one, so a repeated key is an error."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key '{key}' appears twice", key_node.start_mark
                )
            seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


def read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(_display(path), "file not found") from None
    try:
        return yaml.load(text, Loader=UniqueKeyLoader)
    except yaml.YAMLError as error:
        raise ContentError(_display(path), f"is not valid YAML: {error}") from None


def load_model(path: Path, model: type[Model]) -> Model:
    try:
        return model.model_validate(read_yaml(path))
    except ValidationError as error:
        raise ContentError(_display(path), describe_errors(error, read_yaml(path))) from None


def load_references(path: Path) -> dict[str, Reference]:
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise ContentError(_display(path), "must be a mapping of reference key to record")
    references = {}
    for key, record in raw.items():
        try:
            references[key] = Reference.model_validate(record)
        except ValidationError as error:
            raise ContentError(
                _display(path), f"reference '{key}': {describe_errors(error)}"
            ) from None
    return references


def check_treatment_references(
    path: Path, treatments: list[Treatment], references: dict[str, Reference]
) -> None:
    for treatment in treatments:
        check_known_references(
            path,
            {
                f"treatment '{treatment.id}', field '{field}.references'": sourced.references
                for field, sourced in treatment.sourced_fields().items()
            },
            references,
        )


def check_known_references(
    path: Path, keys_by_place: dict[str, list[str]], references: dict[str, Reference]
) -> None:
    """Every key, at every place in a data file, must be in data/references.yml."""
    for place, keys in keys_by_place.items():
        for key in keys:
            if key not in references:
                raise ContentError(
                    _display(path),
                    f"{place}: unknown reference key '{key}' (add it to data/references.yml)",
                )


def check_treatment_pages(path: Path, treatments: list[Treatment], docs_dir: Path) -> None:
    for treatment in treatments:
        if treatment.page and not (docs_dir / treatment.page).is_file():
            raise ContentError(
                _display(path),
                f"treatment '{treatment.id}', field 'page': docs/{treatment.page} does not exist",
            )


def check_exercises(
    path: Path, exercises: list[Exercise], references: dict[str, Reference], docs_dir: Path
) -> None:
    """What the schema cannot see: the files and pages each exercise names exist."""
    check_known_references(
        path,
        {
            f"exercise '{e.id}', field '{field}'": keys
            for e in exercises
            for field, keys in (
                ("references", e.references),
                ("dose.references", e.dose.references),
            )
        },
        references,
    )
    for exercise in exercises:
        for field, docs_path in _named_files(exercise):
            if not (docs_dir / docs_path).is_file():
                raise ContentError(
                    _display(path),
                    f"exercise '{exercise.id}', field '{field}': docs/{docs_path} does not exist",
                )


def _named_files(exercise: Exercise) -> list[tuple[str, str]]:
    return [
        ("page", exercise.page),
        ("image", exercise.image_path),
        *(("conditions", f"conditions/{key}.md") for key in exercise.conditions),
    ]


def describe_errors(error: ValidationError, raw: Any = None) -> str:
    """One line per problem: which record (by its id where it has one) and which field."""
    return "; ".join(_describe_one(problem, raw) for problem in error.errors())


def _describe_one(problem: Mapping[str, Any], raw: Any) -> str:
    location = list(problem["loc"])
    record = ""
    # For lists of records, name the record by its id: "treatment 'dns'" beats "treatments.3".
    if len(location) >= 2 and isinstance(location[1], int) and isinstance(raw, dict):
        items = raw.get(location[0])
        index = location[1]
        label = str(location[0]).rstrip("s")
        item = items[index] if isinstance(items, list) and index < len(items) else None
        record_id = item.get("id") if isinstance(item, dict) else None
        record = f"{label} '{record_id}', " if record_id else f"{label} #{index + 1}, "
        location = location[2:]
    field = ".".join(str(part) for part in location) or "(record)"
    return f"{record}field '{field}': {problem['msg']}"


def _display(path: Path) -> str:
    """The path as an author knows it, e.g. data/treatments.yml."""
    return f"{path.parent.name}/{path.name}"
