"""Build-speed benchmark (`make bench`): is the site's pipeline (macros, data checks, structured
data, social cards, post-build passes) cheap next to Material itself, and does it grow linearly?

In one run, in a scratch copy of the project, it builds:
  - the real site, then the site plus 100 and plus 400 generated articles, with our config;
  - the same pages with a plain Material config (same Markdown extensions, no plugins but
    search, no overrides).
Each build runs twice and the faster counts (the second has warm caches, as an author's
repeated builds do); the first, cold build is printed too. Prints seconds per page and the
ratio ours/plain; the target is a ratio of 1.3 or less at every size.

    python tests/tools/bench.py [SIZES...]      (default: 0 100 400)
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from project import MKDOCS_ENV, ROOT, copy_project  # tests/tools/, this script's folder

TEMPLATE = ROOT / "docs" / "conditions" / "piriformis-syndrome.md"  # a long, cited article
TARGET_RATIO = 1.3


def add_articles(project: Path, count: int) -> None:
    """`count` articles made from a real one (same length, macros and figures), each with its
    own title and description so the uniqueness checks pass."""
    template = TEMPLATE.read_text(encoding="utf-8")
    folder = project / "docs" / "bench"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for number in range(1, count + 1):
        text = re.sub(r'^title: "(.*)"$', rf'title: "\1 (copy {number})"', template, count=1, flags=re.M)
        text = re.sub(r"^description: (.*)$", rf"description: \1 Copy {number}.", text, count=1, flags=re.M)
        text = re.sub(r"^# (.*)$", rf"# \1 (copy {number})", text, count=1, flags=re.M)
        (folder / f"article-{number}.md").write_text(text, encoding="utf-8")


def write_configs(project: Path) -> tuple[Path, Path]:
    """Ours, with the generated folder allowed outside the nav; and a plain Material config
    over the same docs with the same Markdown extensions."""
    ours = project / "mkdocs.yml"
    ours.write_text(ours.read_text(encoding="utf-8") + "\nnot_in_nav: |\n  bench/\n", encoding="utf-8")
    config = yaml_load(ours.read_text(encoding="utf-8"))
    plain = {
        "site_name": config["site_name"],
        "site_url": config["site_url"],
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "markdown_extensions": config["markdown_extensions"],
        "exclude_docs": config["exclude_docs"],
        "not_in_nav": "bench/\n",
    }
    plain_path = project / "plain.yml"
    plain_path.write_text(yaml.safe_dump(plain, sort_keys=False), encoding="utf-8")
    return ours, plain_path


def build_seconds(config: Path, out: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)],
                            cwd=config.parent, env=MKDOCS_ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"build with {config.name} failed:\n{result.stderr[-3000:]}")
    return elapsed


def pages_in(docs: Path) -> int:
    return sum(1 for path in docs.rglob("*.md") if "_snippets" not in path.parts)


def main(sizes: list[int]) -> int:
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        project = copy_project(Path(scratch))
        ours, plain = write_configs(project)
        for size in sizes:
            add_articles(project, size)
            pages = pages_in(project / "docs")
            ours_runs = [build_seconds(ours, project / "out-ours") for _ in range(2)]
            plain_runs = [build_seconds(plain, project / "out-plain") for _ in range(2)]
            rows.append((size, pages, ours_runs, plain_runs))
            print(f"  built +{size} articles ({pages} pages)", file=sys.stderr)
    return report(rows)


def report(rows) -> int:
    print(f"\n{'added':>6} {'pages':>6} {'ours s':>8} {'(cold)':>8} {'plain s':>8} "
          f"{'ours ms/page':>13} {'plain ms/page':>14} {'ratio':>6}")
    worst = 0.0
    for size, pages, ours_runs, plain_runs in rows:
        ours, plain = min(ours_runs), min(plain_runs)
        ratio = ours / plain
        worst = max(worst, ratio)
        print(f"{size:>6} {pages:>6} {ours:>8.2f} {ours_runs[0]:>8.2f} {plain:>8.2f} "
              f"{1000 * ours / pages:>13.1f} {1000 * plain / pages:>14.1f} {ratio:>6.2f}")
    if len(rows) >= 3:
        # Linear growth: the cost of each added page stays the same from the first step to the next.
        (s0, p0, o0, _), (s1, p1, o1, _), (s2, p2, o2, _) = rows[:3]
        first = (min(o1) - min(o0)) / (p1 - p0)
        second = (min(o2) - min(o1)) / (p2 - p1)
        print(f"\nours, per added page: {1000 * first:.1f} ms (+{s1 - s0}), {1000 * second:.1f} ms "
              f"(+{s2 - s1}); growth is linear when these are close")
    verdict = "within" if worst <= TARGET_RATIO else "OVER"
    print(f"worst ratio ours/plain {worst:.2f}: {verdict} the target of {TARGET_RATIO}")
    return 0


if __name__ == "__main__":
    sys.exit(main([int(size) for size in sys.argv[1:]] or [0, 100, 400]))
