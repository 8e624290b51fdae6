"""Lighthouse (mobile, default throttling) on one page of every type, served with compression
as a host would. Each page runs up to three times, until one run meets every gate: the gate is
the best of three, and a page that passes at once costs one run.

Accessibility, Best Practices, SEO and Agentic Browsing are deterministic: 100 in the best run.
Performance is a timing simulated from a trace taken on this machine, and it moves with the
machine: on 2026-11-29 the unchanged treatments page scored 92 to 98 within minutes, the
sciatica article 100 in 5 of 5 runs idle and 91 to 98 while other work ran (headless Chromium
now and then paints a second late). So, as the brief asks of any timing gate, Performance is
gated on what barely varies (bytes, DOM size, layout shift: `BUDGETS`, in the best run: a layout
shift can depend on when the theme's script runs on a very busy machine) and on a floor of 85
in the best run, which only a gross regression breaks; each page's best scores and the runs it
took are printed at the end of every run, so a drift shows. A run that meets every gate ends a
page's runs."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests.tools.browser import CHROMIUM_ARGS, node_tool
from tests.tools.measured import report

pytestmark = pytest.mark.lighthouse

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
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo", "agentic-browsing"]
REQUIRED = {"performance": 0.85, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
# What a page costs, the same in every run: transfer size (bytes), elements, layout shift.
BUDGETS = {"total-byte-weight": 100 * 1024, "dom-size-insight": 1500, "cumulative-layout-shift": 0}
RUNS = 3


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


def meets_every_gate(report: dict) -> bool:
    return passes(scores(report)) and not over_budget(report)


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
    record_property("lighthouse", best)
    report(
        f"Lighthouse, mobile, best run (runs needed, of {RUNS})",
        f"{kind:11} {PAGES[kind] or '/':42} "
        + ", ".join(f"{k} {round(100 * best[k])}" for k in CATEGORIES)
        + f"  ({len(runs)})",
    )
    failing = {name: best[name] for name, floor in REQUIRED.items() if best[name] < floor}
    assert failing == {}, (
        f"below the floor in every one of {RUNS} runs: {failing}; all runs: {runs}"
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


def test_a_run_passes_only_when_every_gate_is_met():
    # Negative control for the early stop: one category short of its floor is not a pass.
    perfect = dict.fromkeys(CATEGORIES, 1.0)
    assert passes(perfect)
    assert not any(passes({**perfect, name: 0.99}) for name in ["accessibility", "seo"])
    assert not passes({**perfect, "performance": 0.84})


def test_the_budget_check_catches_a_heavy_page():
    # Negative control: a report over each budget is caught; one within is not.
    heavy = {"audits": {name: {"numericValue": limit + 1} for name, limit in BUDGETS.items()}}
    light = {"audits": {name: {"numericValue": limit} for name, limit in BUDGETS.items()}}
    assert set(over_budget(heavy)) == set(BUDGETS) and over_budget(light) == {}
