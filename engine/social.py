"""Social cards without the network: Material's social plugin downloads its font from
Google Fonts the first time; we put the font it asks for in its cache first."""

from __future__ import annotations

import shutil
from pathlib import Path

FONTS = Path(__file__).parent / "fonts"
FAMILY = "Roboto"
# The plugin looks a style up by file name: "<style>.ttf" in "<cache>/fonts/<family>/".
STYLES = {"Regular": "Roboto-Regular.ttf", "Bold": "Roboto-Bold.ttf"}


def seed_card_fonts(config) -> None:
    """Copy the bundled font into the social plugin's cache, if the plugin is on."""
    plugin = config["plugins"].get("material/social") or config["plugins"].get("social")
    if plugin is None or not plugin.config.enabled:
        return
    cache = Path(plugin.config.cache_dir)
    if not cache.is_absolute():
        cache = Path(config["config_file_path"]).parent / cache
    target = cache / "fonts" / FAMILY
    target.mkdir(parents=True, exist_ok=True)
    for style, file_name in STYLES.items():
        destination = target / f"{style}.ttf"
        if not destination.exists():
            shutil.copyfile(FONTS / file_name, destination)
