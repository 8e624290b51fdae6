"""Compiled page templates kept between builds.

mkdocs-macros renders each page by compiling its whole Markdown as a Jinja template
(`Environment.from_string`), every build: about 8 ms for a long article, more than the rest of
the macros' work on it. Jinja's own bytecode cache, keyed by the page's text, makes an
unchanged page cost a file read instead. A changed page has a new key, so it is compiled
afresh; Jinja also checks the Python and Jinja versions of each cached file.
"""

from __future__ import annotations

import hashlib
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, Template, nodes
from jinja2.bccache import Bucket

from engine.cache_files import mark_used, remove_unused

PATTERN = "page-%s.cache"


class _MarkedBytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache, marking each file it reads as used (see engine/cache_files.py)."""

    def load_bytecode(self, bucket: Bucket) -> None:
        super().load_bytecode(bucket)
        if bucket.code is not None:
            mark_used(Path(self._get_cache_filename(bucket)))


def cache_page_templates(jinja: Environment, directory: Path) -> None:
    """Makes `jinja.from_string`, which mkdocs-macros calls once per page, read and write
    compiled templates in `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    cache = _MarkedBytecodeCache(str(directory), pattern=PATTERN)

    def from_string(
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[Template] | None = None,
    ) -> Template:
        if not isinstance(source, str):  # a parsed template: nothing to key the cache on
            return Environment.from_string(jinja, source, globals, template_class)
        name = hashlib.sha256(source.encode("utf-8")).hexdigest()
        bucket = cache.get_bucket(jinja, name, None, source)
        if bucket.code is None:
            bucket.code = jinja.compile(source)
            cache.set_bucket(bucket)
        cls = template_class or jinja.template_class
        return cls.from_code(jinja, bucket.code, jinja.make_globals(globals), None)

    # The one monkeypatch: mkdocs-macros calls from_string itself (named in hooks/theme.py).
    jinja.from_string = from_string  # type: ignore[method-assign]


def remove_unused_page_templates(directory: Path) -> int:
    return remove_unused(directory, PATTERN % "*")
