"""Measurements tests want shown after the run (Lighthouse scores, load burst), by section;
conftest.py prints them in the terminal summary."""

from __future__ import annotations

MEASURED: dict[str, list[str]] = {}


def report(section: str, line: str) -> None:
    MEASURED.setdefault(section, []).append(line)
