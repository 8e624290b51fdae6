"""The build-speed benchmark's own logic (`make bench`): the configs it compares and what its
report concludes. The timings themselves are measured by `make bench`, not asserted here."""

from __future__ import annotations

import pytest
from mkdocs.utils.yaml import yaml_load

from tests.tools import bench
from tests.tools.project import copy_project

pytestmark = pytest.mark.unit  # the configs and the report; nothing is built

SITE_PLUGINS = ["blog", "tags", "social", "redirects", "rss"]  # beside search and macros


def plugin_names(config_path) -> list[str]:
    config = yaml_load(config_path.read_text(encoding="utf-8"))
    return [bench.plugin_name(plugin) for plugin in config["plugins"]]


def card_cache(config_path) -> str:
    config = yaml_load(config_path.read_text(encoding="utf-8"))
    return next(
        plugin["social"]["cache_dir"]
        for plugin in config["plugins"]
        if bench.plugin_name(plugin) == "social"
    )


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def test_stock_is_our_plugins_without_macros_and_plain_is_search_only(project):
    configs = bench.write_configs(project)
    assert set(configs) == {"ours", "stock", "plain"}  # no per-plugin builds unless asked
    assert plugin_names(configs["stock"]) == ["search", *SITE_PLUGINS]
    assert plugin_names(configs["plain"]) == ["search"]
    assert "macros" in plugin_names(configs["ours"])


def test_per_plugin_configs_each_leave_out_one_plugin_and_keep_their_own_card_cache(project):
    configs = bench.write_configs(project, per_plugin=True)
    stock = plugin_names(configs["stock"])
    for name in SITE_PLUGINS:
        assert plugin_names(configs[f"stock-{name}"]) == [other for other in stock if other != name]
    with_cards = [
        path for key, path in configs.items() if key.startswith("stock") and key != "stock-social"
    ]
    caches = {card_cache(path) for path in with_cards} | {".cache/plugin/social"}  # ours' own
    assert len(caches) == len(with_cards) + 1  # no two builds evict each other's cards


def test_each_stock_config_is_lent_the_card_font(project):
    configs = bench.write_configs(project, per_plugin=True)
    fonts = project / ".cache" / "plugin" / "social" / "fonts" / "Roboto"
    fonts.mkdir(parents=True)
    (fonts / "Regular.ttf").write_bytes(b"font")
    bench.share_card_fonts(project)
    for key in configs:
        if key.startswith("stock"):
            assert (
                project / ".cache" / "plugin" / f"social-{key}" / "fonts" / "Roboto" / "Regular.ttf"
            ).exists()


def row(added: int, **seconds: float) -> bench.Row:
    return bench.Row(added, 100 + added, {name: [value] for name, value in seconds.items()})


def test_report_says_when_the_plugins_alone_are_over_the_target(capsys):
    bench.report([row(0, ours=2.0, stock=1.5, plain=1.0, **{"stock-social": 1.1})])
    printed = capsys.readouterr().out
    assert "stock/plain is 1.50 or more: the plugins alone are over the target" in printed
    assert "social 0.40 (4.0)" in printed  # 0.4 s over 100 pages


def test_report_does_not_blame_the_plugins_when_stock_is_within_the_target(capsys):
    # Negative control: stock at 1.2 times plain leaves room under 1.3.
    bench.report([row(0, ours=1.4, stock=1.2, plain=1.0)])
    printed = capsys.readouterr().out
    assert "plugins alone" not in printed
    assert "cost of each plugin" not in printed  # not asked for
    assert "worst whole-build ratio ours/plain 1.40: OVER" in printed


def test_sizes_and_the_per_plugin_switch_are_read_from_the_command_line():
    assert bench.parse_arguments([]) == ([0, 100, 400], False)
    assert bench.parse_arguments(["--plugins", "0", "400"]) == ([0, 400], True)


@pytest.mark.parametrize("arguments", [["--plugns"], ["four"]])
def test_a_mistyped_argument_stops_with_the_usage(arguments, capsys):
    with pytest.raises(SystemExit):
        bench.parse_arguments(arguments)
    assert "usage: " in capsys.readouterr().err
