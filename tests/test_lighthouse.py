"""Lighthouse (mobile, default throttling) on one page of every type, served with compression
as a host would. Each page runs up to three times, until one run meets every gate: the gate is
the best of three, and a page that passes at once costs one run.

Accessibility, Best Practices, SEO and Agentic Browsing are deterministic: 100 in the best run.
Performance is a timing simulated from a trace taken on this machine, and it moves with the
machine: on 2026-11-29 the unchanged treatments page scored 92 to 98 within minutes, the
sciatica article 100 in 5 of 5 runs idle and 91 to 98 while other work ran. With eight other
jobs on the two cores, every page scored 57 to 83. Lighthouse itself says when its score
cannot be trusted: it measures the host's speed before each run (`benchmarkIndex`) and warns
at 1000 or below ("a slower CPU than Lighthouse expects"); those busy runs measured 212 to 944,
the quiet ones 1000 to 1600. So, as the brief asks of any timing gate, Performance is
gated only on what barely varies (bytes, DOM size, layout shift: `BUDGETS`, in the best run: a
layout shift can depend on when the theme's script runs on a very busy machine) and its score is
reported, not gated. A floor of 85 in the best run Lighthouse called trustworthy (benchmarkIndex
over 1000) held in five stability runs in a row, then failed twice in the sixth (84, host speeds
1012 to 1239) while the unit tests ran beside it: no score floor is safe from the host. Each
page's best scores, its runs and the host speeds are printed at the end of every run, so a drift
shows. A run on a trusted host that meets every gate ends a page's runs."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests.tools.browser import CHROMIUM_ARGS, node_tool
from tests.tools.measured import report
from tests.tools.project import ROOT

pytestmark = pytest.mark.lighthouse

# The first plan link in tests/plan_links.txt: three exercises and a note.
SENT_PLAN = next(
    line.split()[0]
    for line in (ROOT / "tests/plan_links.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)

# One page of each type the site builds, by its template and furniture.
PAGES = {
    "home": "",
    "article": "conditions/hip-internal-rotation/",
    "condition": "conditions/sciatica/",
    "treatment": "treatments/mckenzie-method/",
    "exercise": "exercises/hip-rotation/",
    "comparison": "treatments/",
    "urgent care": "urgent-care/",
    "about": "about/",
    "blog index": "blog/",
    "blog post": "blog/hip-internal-rotation-low-back-pain/",
    "not found": "404.html",
    # Issue 17: the home exercise plan, the builder and a plan as a patient opens it.
    "plan builder": "plan/",
    "plan view": "plan/view/#" + SENT_PLAN,
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo", "agentic-browsing"]
# Performance is reported, not gated: see the module's docstring.
REQUIRED = {"accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
# What a page costs, the same in every run: transfer size (bytes), elements, layout shift.
BUDGETS = {"total-byte-weight": 100 * 1024, "dom-size-insight": 1500, "cumulative-layout-shift": 0}
RUNS = 3
# Lighthouse's own line (core/gather/driver/environment.js, SLOW_CPU_BENCHMARK_INDEX_THRESHOLD):
# at or below it, a run warns that the host CPU was too slow for a trustworthy Performance score.
SLOW_HOST = 1000


def lighthouse(url: str, output: str, chromium: str) -> dict:
    node = node_tool(".bin/node")
    cli = node_tool("lighthouse/cli/index.js")
    flags = " ".join(["--headless=new", "--no-sandbox", *CHROMIUM_ARGS])
    subprocess.run(
        [
            str(node),
            str(cli),
            url,
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
            "--output=json",
            f"--output-path={output}",
        ],
        check=True,
        timeout=300,
        env={**os.environ, "CHROME_PATH": chromium},
    )
    with open(output) as report:
        return json.load(report)


def scores(report: dict) -> dict[str, float]:
    return {name: report["categories"][name]["score"] for name in CATEGORIES}


def passes(run: dict[str, float]) -> bool:
    return all(run[name] >= floor for name, floor in REQUIRED.items()) and (
        run["agentic-browsing"] == 1.0
    )


def host_speed(report: dict) -> float:
    return float(report["environment"]["benchmarkIndex"])


def trusted(report: dict) -> bool:
    """Whether Lighthouse trusted the host enough for its Performance score."""
    return host_speed(report) > SLOW_HOST


def meets_every_gate(report: dict) -> bool:
    return trusted(report) and passes(scores(report)) and not over_budget(report)


def unmet_floors(reports: list[dict]) -> dict[str, float]:
    """Each gated category's best score, where even that is below its floor."""
    runs = [scores(r) for r in reports]
    best = {name: max(run[name] for run in runs) for name in REQUIRED}
    return {name: score for name, score in best.items() if score < REQUIRED[name]}


@pytest.fixture(scope="module")
def reports(compressed_site_url, chromium, tmp_path_factory) -> dict[str, list[dict]]:
    folder = tmp_path_factory.mktemp("lighthouse")
    found: dict[str, list[dict]] = {}
    for kind, address in PAGES.items():
        found[kind] = []
        while len(found[kind]) < RUNS and not any(meets_every_gate(r) for r in found[kind]):
            output = folder / f"{len(found[kind])}-{kind.replace(' ', '-')}.json"
            found[kind].append(lighthouse(compressed_site_url + address, str(output), chromium))
    return found


@pytest.mark.parametrize("kind", PAGES)
def test_lighthouse_scores(reports, kind, record_property):
    runs = [scores(report) for report in reports[kind]]
    best = {name: max(run[name] for run in runs) for name in CATEGORIES}
    speeds = [round(host_speed(r)) for r in reports[kind]]
    record_property("lighthouse", best)
    report(
        f"Lighthouse, mobile, best run (runs needed, of {RUNS}; host speed, {SLOW_HOST} or "
        "below not trusted for Performance)",
        f"{kind:11} {PAGES[kind] or '/':42} "
        + ", ".join(f"{k} {round(100 * best[k])}" for k in CATEGORIES)
        + f"  ({len(runs)}; {', '.join(map(str, speeds))})",
    )
    failing = unmet_floors(reports[kind])
    assert failing == {}, (
        f"below the floor in every run that counts: {failing}; all runs: {runs}, "
        f"host speeds {speeds}"
    )
    assert best["agentic-browsing"] == 1.0


def over_budget(report: dict) -> dict[str, float]:
    """The audits of `report` over their budget, with the value measured."""
    measured = {name: report["audits"][name]["numericValue"] for name in BUDGETS}
    return {name: value for name, value in measured.items() if value > BUDGETS[name]}


@pytest.mark.parametrize("kind", PAGES)
def test_lighthouse_budgets(reports, kind):
    # Bytes and elements are the same in every run; a layout shift can depend on when the
    # theme's script runs (one run in ten under a load of 15 on two cores), so, like the
    # scores, the budgets hold in the best run.
    best = {name: min(r["audits"][name]["numericValue"] for r in reports[kind]) for name in BUDGETS}
    over = {name: value for name, value in best.items() if value > BUDGETS[name]}
    assert over == {}, f"budgets: {BUDGETS}"


def _fake(performance: float, speed: float, **others: float) -> dict:
    categories = {**dict.fromkeys(CATEGORIES, 1.0), "performance": performance, **others}
    return {
        "categories": {name: {"score": value} for name, value in categories.items()},
        "environment": {"benchmarkIndex": speed},
        "audits": {name: {"numericValue": 0} for name in BUDGETS},
    }


def test_performance_is_reported_and_the_rest_is_gated():
    quiet, busy = 1500, 600
    # Performance is reported, never gated: on 2026-11-29 a run on a host Lighthouse trusted
    # (1012 to 1239) still scored 76 to 84 while the unit tests ran beside it.
    assert unmet_floors([_fake(0.70, quiet), _fake(0.75, busy)]) == {}
    # The deterministic categories are gated on any host.
    assert unmet_floors([_fake(0.95, busy, seo=0.9)]) == {"seo": 0.9}
    # Only a quiet run that meets every gate stops the runs early.
    assert meets_every_gate(_fake(0.9, quiet)) and not meets_every_gate(_fake(0.9, busy))


def test_a_run_passes_only_when_every_gate_is_met():
    # Negative control for the early stop: one category short of its floor is not a pass.
    perfect = dict.fromkeys(CATEGORIES, 1.0)
    assert passes(perfect)
    assert not any(passes({**perfect, name: 0.99}) for name in ["accessibility", "seo"])
    assert passes({**perfect, "performance": 0.5})  # reported, not gated


def test_the_budget_check_catches_a_heavy_page():
    # Negative control: a report over each budget is caught; one within is not.
    heavy = {"audits": {name: {"numericValue": limit + 1} for name, limit in BUDGETS.items()}}
    light = {"audits": {name: {"numericValue": limit} for name, limit in BUDGETS.items()}}
    assert set(over_budget(heavy)) == set(BUDGETS) and over_budget(light) == {}
