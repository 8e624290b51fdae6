"""Build-speed benchmark (`make bench`): is the site's pipeline (macros, data checks, structured
data, social cards, post-build passes) cheap next to Material itself, and does it grow linearly?

In one run, in a scratch copy of the project, it builds:
  - the real site, then the site plus 100 and plus 400 generated articles, with our config;
  - the same pages with a plain Material config (same Markdown extensions and glossary, no
    plugins but search, no overrides): the baseline of the target;
  - the same pages with "stock" Material: our config without our code (no macros, overrides,
    stylesheet or script) but with the plugins the site uses (blog, tags, social cards, RSS,
    redirects). It splits the gap to plain into what those plugins cost and what ours does.
Each build runs three times, the configs in turn, and the fastest counts (the later
runs have warm caches, as an author's repeated builds do); ours' first, cold build is printed
too. Prints seconds per page, the ratios ours/plain (the target is 1.3 or less at every
size), ours/stock and stock/plain, and the cost of each added article. Stock/plain is the
floor: no code of ours can bring ours/plain below it while the site keeps those plugins.

With --plugins it also builds stock without each plugin in turn, and prints what each one
costs (stock minus stock without it). That more than doubles the run time, and each cost is
the difference of two noisy timings: trust only the large ones, or repeat the run.

    python tests/tools/bench.py [--plugins] [SIZES...]      (default sizes: 0 100 400)
    make bench BENCH="--plugins 0 400"
"""

from __future__ import annotations

import argparse
import itertools
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

sys.path.insert(
    0, str(Path(__file__).resolve().parents[2])
)  # the project root, when run as a script
from engine.glossary import read_site_glossary
from tests.tools.project import MKDOCS_ENV, ROOT, copy_project

TEMPLATE = ROOT / "docs" / "conditions" / "piriformis-syndrome.md"  # a long, cited article
TARGET_RATIO = 1.3
RUNS = 3  # per config and size; the fastest counts


def add_articles(project: Path, count: int) -> None:
    """`count` articles made from a real one (same length, macros and figures), each with its
    own title and description so the uniqueness checks pass."""
    template = TEMPLATE.read_text(encoding="utf-8")
    folder = project / "docs" / "bench"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for number in range(1, count + 1):
        text = re.sub(
            r'^title: "(.*)"$', rf'title: "\1 (copy {number})"', template, count=1, flags=re.M
        )
        text = re.sub(
            r"^description: (.*)$", rf"description: \1 Copy {number}.", text, count=1, flags=re.M
        )
        text = re.sub(r"^# (.*)$", rf"# \1 (copy {number})", text, count=1, flags=re.M)
        (folder / f"article-{number}.md").write_text(text, encoding="utf-8")


def write_configs(project: Path, per_plugin: bool = False) -> dict[str, Path]:
    """Ours, with the generated folder allowed outside the nav; stock and plain Material
    configs over the same docs with the same Markdown extensions; with `per_plugin`, stock
    without each plugin in turn (search stays: plain has it too)."""
    ours = project / "mkdocs.yml"
    ours.write_text(
        ours.read_text(encoding="utf-8") + "\nnot_in_nav: |\n  bench/\n", encoding="utf-8"
    )
    config = yaml_load(ours.read_text(encoding="utf-8"))
    config["markdown_extensions"] = with_glossary(config["markdown_extensions"], project)
    configs = {
        "ours": ours,
        "stock": write_stock_config(project, config),
        "plain": write_plain_config(project, config),
    }
    if per_plugin:
        for name in map(plugin_name, config["plugins"]):
            if name not in ("search", "macros"):
                configs[f"stock-{name}"] = write_stock_config(project, config, without=name)
    return configs


def plugin_entry(plugin: str | dict) -> tuple[str, dict]:
    """A `plugins:` item as (name, options): `- tags` or `- social: {...}`."""
    return (plugin, {}) if isinstance(plugin, str) else next(iter(plugin.items()))


def plugin_name(plugin: str | dict) -> str:
    return plugin_entry(plugin)[0]


def with_glossary(extensions: list, project: Path) -> list:
    """The Markdown extensions as our build runs them: macros.py gives abbr the glossary, so
    the other configs get it here and convert the same Markdown to the same HTML."""
    terms = read_site_glossary(project / "docs")
    return [
        {"abbr": {"glossary": terms}} if extension == "abbr" else extension
        for extension in extensions
    ]


def write_stock_config(project: Path, config: dict, without: str = "") -> Path:
    """Our config without our code, and without the plugin named `without` if one is. Macros
    stay unexpanded text, as in the plain build. Each config's social cards get a cache of
    their own, so no two builds evict each other's cards."""
    path = project / (f"stock-{without}.yml" if without else "stock.yml")
    stock = {
        key: value
        for key, value in config.items()
        if key not in ("extra_css", "extra_javascript", "watch", "strict", "validation")
    }
    stock["theme"] = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    plugins = []
    for plugin in config["plugins"]:
        name, options = plugin_entry(plugin)
        if name in ("macros", without):
            continue
        if name == "social":
            options = {**options, "cache_dir": f".cache/plugin/social-{path.stem}"}
        plugins.append({name: options})
    stock["plugins"] = plugins
    path.write_text(yaml.safe_dump(stock, sort_keys=False), encoding="utf-8")
    return path


def write_plain_config(project: Path, config: dict) -> Path:
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
    return plain_path


def share_card_fonts(project: Path) -> None:
    """The stock builds have no macros to put the bundled font in their card caches: lend
    them the font ours put in its own, so no build downloads anything."""
    cache = project / ".cache" / "plugin"
    for config in project.glob("stock*.yml"):
        shutil.copytree(
            cache / "social" / "fonts",
            cache / f"social-{config.stem}" / "fonts",
            dirs_exist_ok=True,
        )


def build_seconds(config: Path, out: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)],
        cwd=config.parent,
        env=MKDOCS_ENV,
        capture_output=True,
        check=False,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"build with {config.name} failed:\n{result.stderr[-3000:]}")
    return elapsed


def pages_in(docs: Path) -> int:
    return sum(1 for path in docs.rglob("*.md") if "_snippets" not in path.parts)


def main(sizes: list[int], per_plugin: bool) -> int:
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        project = copy_project(Path(scratch))
        configs = write_configs(project, per_plugin)
        for size in sizes:
            add_articles(project, size)
            runs: dict[str, list[float]] = {name: [] for name in configs}
            # Interleaved, so a slow spell on the machine hits every config alike.
            for _ in range(RUNS):
                for name, config in configs.items():  # ours first: it seeds the card font
                    runs[name].append(build_seconds(config, project / f"out-{name}"))
                    if name == "ours":
                        share_card_fonts(project)
            rows.append(Row(size, pages_in(project / "docs"), runs))
            print(f"  built +{size} articles ({rows[-1].pages} pages)", file=sys.stderr)
    return report(rows)


class Row:
    def __init__(self, added: int, pages: int, runs: dict[str, list[float]]) -> None:
        self.added, self.pages, self.runs = added, pages, runs
        self.best = {name: min(times) for name, times in runs.items()}  # the warm build


def report(rows: list[Row]) -> int:
    print(
        f"\n{'added':>6} {'pages':>6} {'ours s':>7} {'(cold)':>7} {'stock s':>8} {'plain s':>8} "
        f"{'ours ms/page':>13} {'plain ms/page':>14} {'ours/plain':>11} {'ours/stock':>11} "
        f"{'stock/plain':>12}"
    )
    for row in rows:
        ours, stock, plain = row.best["ours"], row.best["stock"], row.best["plain"]
        print(
            f"{row.added:>6} {row.pages:>6} {ours:>7.2f} {row.runs['ours'][0]:>7.2f} {stock:>8.2f} "
            f"{plain:>8.2f} {1000 * ours / row.pages:>13.1f} {1000 * plain / row.pages:>14.1f} "
            f"{ours / plain:>11.2f} {ours / stock:>11.2f} {stock / plain:>12.2f}"
        )
    # Linear growth: each added article costs the same from one step to the next.
    print("\nms per added article:" if len(rows) > 1 else "")
    for before, after in itertools.pairwise(rows):
        cost = {
            name: 1000 * (after.best[name] - before.best[name]) / (after.pages - before.pages)
            for name in after.best
        }
        print(
            f"  +{before.added} to +{after.added}: ours {cost['ours']:.1f}, "
            f"stock {cost['stock']:.1f}, plain {cost['plain']:.1f}; "
            f"ours/plain {cost['ours'] / cost['plain']:.2f}, "
            f"ours/stock {cost['ours'] / cost['stock']:.2f}"
        )
    report_plugin_costs(rows)
    worst = max(row.best["ours"] / row.best["plain"] for row in rows)
    verdict = "within" if worst <= TARGET_RATIO else "OVER"
    print(f"worst whole-build ratio ours/plain {worst:.2f}: {verdict} the target of {TARGET_RATIO}")
    floor = min(row.best["stock"] / row.best["plain"] for row in rows)
    if floor > TARGET_RATIO:
        print(
            f"stock/plain is {floor:.2f} or more: the plugins alone are over the target, "
            "before any code of ours runs"
        )
    return 0


def report_plugin_costs(rows: list[Row]) -> None:
    """What each plugin costs: stock minus stock without it, in seconds and ms per page."""
    names = [name.removeprefix("stock-") for name in rows[0].best if name.startswith("stock-")]
    if not names:
        return
    print("\ncost of each plugin (stock minus stock without it), s (ms/page):")
    for row in rows:
        costs = {name: row.best["stock"] - row.best[f"stock-{name}"] for name in names}
        print(
            f"  +{row.added}: "
            + ", ".join(
                f"{name} {cost:.2f} ({1000 * cost / row.pages:.1f})" for name, cost in costs.items()
            )
        )


def parse_arguments(arguments: list[str]) -> tuple[list[int], bool]:
    parser = argparse.ArgumentParser(
        description="Time the build: ours against plain and stock Material."
    )
    parser.add_argument(
        "sizes", nargs="*", type=int, default=[0, 100, 400], help="articles to add (0 100 400)"
    )
    parser.add_argument("--plugins", action="store_true", help="also price each plugin (slow)")
    options = parser.parse_args(arguments)
    return options.sizes, options.plugins


if __name__ == "__main__":
    sys.exit(main(*parse_arguments(sys.argv[1:])))
