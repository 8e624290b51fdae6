"""Macros for the River Forest Health and Wellness site (mkdocs-macros, `module_name: macros`).

Pages call:
    {{ treatment_table(ids=["mckenzie", "dns"], columns=["evidence", "risks"], caption="...") }}
    {{ cite("hopayian2010") }}  or  {{ cite("koes2007", "jensen2019") }}
    {{ booking_cta() }}

The work is done by plain functions in `engine/`; this module only wires them to pages.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urljoin

# mkdocs-macros loads this file by path, so its folder is not importable yet.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from mkdocs.structure.files import File  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from engine import booking, red_flags, tables  # noqa: E402
from engine.citations import PageCitations  # noqa: E402
from engine.data import SiteData  # noqa: E402
from engine.errors import ContentError, UnknownKeyError  # noqa: E402
from engine.front_matter import check_front_matter, read_front_matter  # noqa: E402
from engine.glossary import glossary_markdown, read_glossary  # noqa: E402
from engine.models import ArticleFrontMatter  # noqa: E402
from engine.review import insert_after_title, review_line  # noqa: E402


FEED_LOGO = "assets/images/logo-512.png"


class _PageState:
    """What the macros learn about the page being rendered; reset before each page."""

    def __init__(self, site: SiteData) -> None:
        self.citations = PageCitations(site.references)
        self.front_matter = None
        self.tables = 0


def define_env(env):
    """Load and check data/, share clinic facts with the templates, register the macros."""
    site = SiteData.load(Path(env.project_dir) / "data")
    # Templates (the booking block in overrides/) read clinic facts from config.extra.
    env.conf["extra"]["clinic"] = site.clinic
    env.variables["clinic"] = site.clinic
    _give_the_feed_a_logo(env.conf)
    state = {"page": _PageState(site)}

    def current() -> _PageState:
        return state["page"]

    @env.macro
    def treatment_table(ids=None, columns=None, caption=None):
        """A comparison table of the treatments in data/treatments.yml."""
        current().tables += 1
        with _naming_the_page(env):
            return tables.treatment_table(
                site.treatments,
                ids=ids,
                columns=columns,
                caption=caption,
                cite=current().citations.cite,
                link_to=lambda path: _link_from_page(env, path),
                number=current().tables,
            )

    @env.macro
    def cite(*keys):
        """Numbered links to this page's reference list."""
        with _naming_the_page(env):
            return current().citations.cite(*keys)

    @env.macro
    def urgent_care():
        """The red-flag block, split by urgency, from data/red_flags.yml."""
        return red_flags.urgent_care_markdown(site.red_flags, current().citations.cite)

    @env.macro
    def opening_hours():
        """The clinic's opening hours as a table."""
        return booking.opening_hours_table(site.clinic)

    @env.macro
    def glossary():
        """Every term in docs/_snippets/glossary.md, as a definition list."""
        path = Path(env.conf["docs_dir"]) / "_snippets" / "glossary.md"
        return glossary_markdown(read_glossary(path, "docs/_snippets/glossary.md"))

    @env.macro
    def booking_cta(text="Book an appointment"):
        """An inline booking action for use inside an article."""
        return booking.booking_cta(site.clinic, text)

    def on_pre_page_macros(env):
        state["page"] = _PageState(site)
        file = env.page.file
        if file.generated_by:  # blog archive and category pages have no author-written source
            return
        source = f"docs/{file.src_uri}"
        meta = read_front_matter(source, file.content_string)
        current().front_matter = check_front_matter(source, meta, site.clinic)

    def on_post_page_macros(env):
        front_matter = current().front_matter
        if front_matter and front_matter.page_type == "info" and current().citations.cited:
            raise ContentError(
                f"docs/{env.page.file.src_uri}",
                "cites sources but is `page_type: info`: a page with medical statements is an "
                "article and needs last_reviewed and reviewed_by",
            )
        if isinstance(front_matter, ArticleFrontMatter):
            env.markdown = insert_after_title(env.markdown, review_line(front_matter, site.clinic))
        references = current().citations.reference_list_markdown()
        if references:
            env.markdown = f"{env.markdown.rstrip()}\n\n{references}"

    env.pre_macro_functions.append(on_pre_page_macros)
    env.post_macro_functions.append(on_post_page_macros)


def _give_the_feed_a_logo(config) -> None:
    # An RSS <image> must be an absolute URL; derive it from site_url so the two never drift.
    if "rss" in config["plugins"]:
        config["plugins"]["rss"].config.image = urljoin(config["site_url"], FEED_LOGO)


@contextmanager
def _naming_the_page(env):
    """Re-raises a bad macro argument as a build error that names the page it is on."""
    try:
        yield
    except (UnknownKeyError, ValueError) as error:
        raise ContentError(f"docs/{env.page.file.src_uri}", str(error)) from None


def _link_from_page(env, docs_path: str) -> str:
    """The URL of docs/`docs_path` relative to the page being built."""
    config = env.conf
    target = File(docs_path, config["docs_dir"], config["site_dir"], config["use_directory_urls"])
    return get_relative_url(target.url, env.page.url)
