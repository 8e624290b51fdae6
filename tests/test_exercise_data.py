"""Issue 17: data/exercises.yml. A bad record stops the build naming the file, the record and the
field; codes name one exercise for ever; the words a page shows are made from the record."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from engine.data import SiteData
from engine.errors import ContentError
from engine.exercises import dose_sentence, hold_words, stop_sentence, times_a_day
from engine.models import Dose
from tests.tools.project import ROOT

pytestmark = pytest.mark.unit

SITE = SiteData.load(ROOT / "data")


def edit_exercise(data_dir: Path, exercise_id: str, change) -> None:
    path = data_dir / "exercises.yml"
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    record = next(e for e in content["exercises"] if e["id"] == exercise_id)
    change(record, content)
    path.write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")


def load_error(data_dir: Path) -> str:
    with pytest.raises(ContentError) as raised:
        SiteData.load(data_dir)
    return str(raised.value)


def test_the_real_library_loads():
    # Negative control for the cases below: the untouched file is valid.
    assert len(SITE.exercises) >= 14
    assert {e.body_area for e in SITE.exercises} == {"back", "hip", "leg", "whole-body"}


BAD_RECORDS = [
    pytest.param(
        lambda r, d: r["dose"].pop("unit"),
        "exercise 'seated-hip-turn', field 'dose.unit': Field required",
        id="missing_dose_unit",
    ),
    pytest.param(
        lambda r, d: r["dose"].update(amount=[10, 8]),
        "exercise 'seated-hip-turn', field 'dose.amount'",
        id="range_the_wrong_way_round",
    ),
    pytest.param(
        lambda r, d: r.update(code="SH1"),
        "exercise 'seated-hip-turn', field 'code'",
        id="code_not_short_lowercase",
    ),
    pytest.param(
        lambda r, d: r.update(body_area="neck"),
        "exercise 'seated-hip-turn', field 'body_area'",
        id="unknown_body_area",
    ),
    pytest.param(
        lambda r, d: r.update(steps=["Sit tall.", "Hold for a while."]),
        "the dose has a `hold`: write {hold}",
        id="hold_not_in_the_steps",
    ),
    pytest.param(
        lambda r, d: r.update(stop={"sharp_pain_in": ["hip"], "signs": ["numb feet"]}),
        "exercise 'seated-hip-turn', field 'stop.signs': Extra inputs are not permitted",
        id="stop_signs_written_in_the_record",
    ),
    pytest.param(
        lambda r, d: r.update(aliases=["ww"]),
        "duplicate exercise code 'ww'",
        id="alias_that_is_another_exercises_code",
    ),
    pytest.param(
        lambda r, d: r.update(image="seated-hip-turn.svg"),
        "exercise 'seated-hip-turn', field 'image': docs/assets/images/illustrations/"
        "seated-hip-turn.svg does not exist",
        id="missing_illustration",
    ),
    pytest.param(
        lambda r, d: r.update(conditions=["back-ache"]),
        "exercise 'seated-hip-turn', field 'conditions': docs/conditions/back-ache.md does not",
        id="unknown_condition",
    ),
    pytest.param(
        lambda r, d: r["dose"].update(references=["nobody2020"]),
        "exercise 'seated-hip-turn', field 'dose.references': unknown reference key 'nobody2020'",
        id="unknown_dose_source",
    ),
]


@pytest.mark.parametrize(("change", "expected"), BAD_RECORDS)
def test_a_bad_exercise_record_names_the_file_record_and_field(data_dir, change, expected):
    edit_exercise(data_dir, "seated-hip-turn", change)
    message = load_error(data_dir)
    assert message.startswith("data/exercises.yml: "), message
    assert expected in message, message


def test_a_step_that_holds_needs_a_hold_in_the_dose(data_dir):
    edit_exercise(data_dir, "windshield-wipers", lambda r, d: r["steps"].append("Hold for {hold}."))
    assert "exercise 'windshield-wipers'" in load_error(data_dir)


# --- the words -----------------------------------------------------------------------------------


def test_dose_words():
    dose = Dose(amount=[8, 10], unit="repeats", each_side=True, times_a_day=[1, 2])
    assert dose_sentence(dose) == "8 to 10 slow repeats on each side, 1 to 2 times a day"
    single = Dose(amount=1, unit="minutes", sets=3, times_a_day=1)
    assert dose_sentence(single) == "1 minute, in 3 sets, once a day"
    assert hold_words((2, 3)) == "2 or 3 seconds" and hold_words((3, 5)) == "3 to 5 seconds"
    assert hold_words((1, 1)) == "1 second" and times_a_day((2, 2)) == "2 times a day"


def test_every_stop_box_ends_with_the_shared_signs():
    common = SITE.red_flags.exercise_stop
    tail = "new or worse pain down your leg, or new or worse numbness, tingling or weakness."
    assert ", or ".join(common.signs) + "." == tail  # the data reads as the sentence's end
    for exercise in SITE.exercises:
        assert stop_sentence(exercise, common).endswith(tail), exercise.id


def test_the_stop_box_points_to_the_urgent_box_and_walking_starts_with_911():
    from engine.exercises import stop_box_markdown

    by_id = {e.id: e for e in SITE.exercises}
    walking = stop_box_markdown(by_id["walking-plan"], SITE.red_flags)
    bridge = stop_box_markdown(by_id["glute-bridge"], SITE.red_flags)
    emergency = SITE.red_flags.groups[0]
    assert "[Stop and get help](#stop-and-get-help)" in bridge
    assert walking.index("[call 911](tel:911)") < walking.index("!!! warning")
    assert f"call 911](tel:911) or go to an emergency department {emergency.time_frame}" in walking
    assert "911" not in bridge  # negative control: only exercises that work the heart


def test_the_box_must_name_the_urgent_box_it_points_to(data_dir):
    path = data_dir / "red_flags.yml"
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    content["exercise_stop"]["then"] = "If weakness is getting worse, see a doctor."
    path.write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
    message = load_error(data_dir)
    assert "data/red_flags.yml: " in message and "field 'exercise_stop.then'" in message


# --- the plan's scripts, minified at build -----------------------------------------------------


def test_the_minifier_refuses_a_template_literal(tmp_path):
    """rjsmin squeezes the spaces inside `...` (it turned "2 times a day" into "2times a day"):
    a script that has one stops the build, naming it; one without is minified."""
    from engine.assets import minify_scripts

    scripts = tmp_path / "assets/javascripts"
    scripts.mkdir(parents=True)
    (scripts / "plain.js").write_text('const words = count + " times a day";  // why\n')
    minify_scripts(tmp_path, ["assets/javascripts/plain.js"])
    assert (scripts / "plain.js").read_text() == 'const words=count+" times a day";'
    (scripts / "modern.js").write_text("const words = `${count} times a day`;\n")
    with pytest.raises(ContentError) as raised:
        minify_scripts(tmp_path, ["assets/javascripts/modern.js"])
    assert str(raised.value).startswith("docs/assets/javascripts/modern.js: has a template literal")


def test_a_dose_from_research_cites_its_source_on_the_page():
    from engine.exercises import TYPICAL_START, exercise_markdown

    record = next(e for e in SITE.exercises if e.id == "glute-bridge")
    sourced = record.model_copy(
        update={"dose": record.dose.model_copy(update={"references": ["hayden2021"]})}
    )
    cited: list[tuple[str, ...]] = []

    def cite(*keys: str) -> str:
        cited.append(keys)
        return "[1]"

    page = exercise_markdown(sourced, 4, SITE.red_flags, cite, lambda path: path)
    assert "was used in research[1]. Your clinician will adjust it." in page
    assert cited == [("hayden2021",)] and TYPICAL_START not in page
    plain = exercise_markdown(record, 4, SITE.red_flags, cite, lambda path: path)
    assert TYPICAL_START in plain  # negative control: no source, a typical start
