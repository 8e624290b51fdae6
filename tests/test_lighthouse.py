"""Lighthouse (mobile, default throttling) on the pages readers land on most, served with
compression as a host would. Each page runs three times.

Accessibility, Best Practices, SEO and Agentic Browsing are deterministic: 100 in the best run.
Performance is a timing simulated from a trace taken on this machine, and it moves with the
machine: on 2026-11-29 the unchanged treatments page scored 92 to 98 within minutes, the
sciatica article 100 in 5 of 5 runs idle and 91 to 98 while other work ran (headless Chromium
now and then paints a second late). So, as the brief asks of any timing gate, Performance is
gated on what does not vary (bytes, DOM size, layout shift: `BUDGETS`) and on a floor of 85 in
the best run, which only a gross regression breaks; the median and best scores are printed at
the end of every run, so a drift shows."""

from __future__ import annotations

import json
import os
import statistics
import subprocess

import pytest

from tests.tools.browser import CHROMIUM_ARGS, node_tool
from tests.tools.measured import report

pytestmark = pytest.mark.lighthouse

PAGES = ["", "conditions/sciatica/", "treatments/", "blog/"]
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


@pytest.fixture(scope="module")
def reports(compressed_site_url, chromium, tmp_path_factory) -> dict[str, list[dict]]:
    folder = tmp_path_factory.mktemp("lighthouse")
    return {
        page: [
            lighthouse(
                compressed_site_url + page,
                str(folder / f"{i}-{page.replace('/', '_') or 'home'}.json"),
                chromium,
            )
            for i in range(RUNS)
        ]
        for page in PAGES
    }


@pytest.mark.parametrize("address", PAGES)
def test_lighthouse_scores(reports, address, record_property):
    runs = [scores(report) for report in reports[address]]
    median = {name: statistics.median(run[name] for run in runs) for name in CATEGORIES}
    best = {name: max(run[name] for run in runs) for name in CATEGORIES}
    record_property("lighthouse", median)
    report(
        f"Lighthouse, mobile, median (best) of {RUNS} runs",
        f"{address or '(home)':22} "
        + ", ".join(f"{k} {round(100 * median[k])} ({round(100 * best[k])})" for k in CATEGORIES),
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


@pytest.mark.parametrize("address", PAGES)
def test_lighthouse_budgets(reports, address):
    assert over_budget(reports[address][0]) == {}, f"budgets: {BUDGETS}"


def test_the_budget_check_catches_a_heavy_page():
    # Negative control: a report over each budget is caught; one within is not.
    heavy = {"audits": {name: {"numericValue": limit + 1} for name, limit in BUDGETS.items()}}
    light = {"audits": {name: {"numericValue": limit} for name, limit in BUDGETS.items()}}
    assert set(over_budget(heavy)) == set(BUDGETS) and over_budget(light) == {}
