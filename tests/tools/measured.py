"""Measurements tests want shown after the run (Lighthouse scores, load burst), by section;
conftest.py prints them in the terminal summary. They go to a file in the run's folder, so
lines measured in a pytest-xdist worker reach the summary the main process prints."""

from __future__ import annotations

import json

from filelock import FileLock

from tests.tools.building import run_dir


def report(section: str, line: str) -> None:
    folder = run_dir()
    with FileLock(folder / "measured.lock"), (folder / "measured.jsonl").open("a") as file:
        file.write(json.dumps([section, line]) + "\n")


def measured() -> dict[str, list[str]]:
    path = run_dir() / "measured.jsonl"
    sections: dict[str, list[str]] = {}
    if path.is_file():
        for row in path.read_text(encoding="utf-8").splitlines():
            section, line = json.loads(row)
            sections.setdefault(section, []).append(line)
    return sections
