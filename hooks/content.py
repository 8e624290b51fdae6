"""Content: the site's data and each page's checks and additions.

- on_config (first of all plugins): load and check data/, refuse placeholders for a real
  address, glossary terms marked, the macros, the feed logo, the card fonts.
- on_pre_build: cache compiled page templates (mkdocs-macros' Jinja exists by then).
- on_pre_page: a fresh page state; the front matter and red-flag wording checked.
- on_page_markdown (after the macros render): review line, reference list, JSON-LD, and in
  page.meta what overrides/partials/ show on articles (share link, printed address, QR code).
- on_page_content: an "On this page" list on long articles, after the Key points.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs_macros.plugin import MacrosPlugin

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # engine/, macros.py, hooks.*

from engine import page_contents, red_flags, seo, sharing
from engine.data import SiteData
from engine.errors import ContentError
from engine.front_matter import check_condition_fields, check_front_matter, read_front_matter
from engine.glossary import GLOSSARY_FILE, read_site_glossary
from engine.models import LOGO, ArticleFrontMatter
from engine.page_templates import cache_page_templates
from engine.placeholders import check_ready_to_publish
from engine.review import insert_after_title, review_line
from hooks import build, theme
from hooks.build import Build, PageState, stops_the_build
from macros import MACROS

CONDITION_SECTION = "conditions/"


# --- MkDocs events ---------------------------------------------------------------------------


@event_priority(100)  # before rss reads its logo and mkdocs-macros its macros
@stops_the_build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project_dir = Path(config.config_file_path).parent
    site = SiteData.load(project_dir / "data")
    check_ready_to_publish(site.clinic, config.site_url or "")
    terms = read_site_glossary(Path(config.docs_dir))
    _check_no_red_flag_wording(f"docs/{GLOSSARY_FILE}", "\n".join(terms.values()))
    build.start(Build(site=site, glossary=terms, project_dir=project_dir))
    _give_every_page_the_glossary(config, terms)
    # Templates (the booking block in overrides/) and pages (mkdocs-macros shares `extra`)
    # read clinic facts.
    config.extra["clinic"] = site.clinic
    config.extra["not_for_emergencies"] = red_flags.not_for_emergencies_html(site.red_flags)
    _macros_plugin(config).register_macros(MACROS)
    theme.set_feed_logo(config, urljoin(config.site_url or "", LOGO))
    theme.seed_card_fonts(config)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    cache_page_templates(_macros_plugin(config).env, build.current().templates_cache)


@stops_the_build
def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> Page:
    state = build.current().start_page(page)
    if page.file.generated_by:  # blog archive and category pages: no author-written source
        return page
    _check_no_red_flag_wording(state.source, state.text)
    meta = read_front_matter(state.source, state.text)
    state.front_matter = check_front_matter(state.source, meta, build.current().site.clinic)
    return page


@event_priority(-50)  # after mkdocs-macros has rendered the page
@stops_the_build
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    current = build.current()
    state = current.current_page
    if page.file.generated_by:
        _describe_generated_page(page, current.site.clinic.name)
    _refuse_citations_on_info_pages(state)
    facts = _page_facts(page, config, state, current)
    check_condition_fields(state.source, state.front_matter, facts.is_condition)
    current.published[state.source] = facts
    front_matter = state.front_matter
    if isinstance(front_matter, ArticleFrontMatter):
        markdown = insert_after_title(markdown, review_line(front_matter, current.site.clinic))
        # For overrides/partials/: printed header (article-start.html), share (article-end.html).
        page.meta["share"] = {
            "url": facts.url,
            "mailto": sharing.email_link(facts.url, facts.title),
        }
        page.meta["print_header"] = {
            "address": sharing.printed_address(facts.url),
            "qr_svg": sharing.qr_code_svg(facts.url, current.qr_cache),
        }
    markdown = f"{markdown.rstrip()}\n\n{state.citations.reference_list_markdown()}"
    services = [t.name for t in current.site.treatments]
    page.meta["jsonld"] = seo.script_json(
        seo.page_graph(facts, current.site.clinic, config.site_url or "", services)
    )
    return markdown


@stops_the_build
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Long articles get an "On this page" list after their Key points (shown on phones)."""
    article = isinstance(build.current().current_page.front_matter, ArticleFrontMatter)
    if not article or "toc" in page.meta.get("hide", []):  # the home page hides its contents
        return html
    return page_contents.insert_contents(html, page_contents.contents_html(_sections(page)))


# --- helpers ---------------------------------------------------------------------------------


def _sections(page: Page) -> list[tuple[str, str]]:
    """The page's second-level headings, as (anchor, title): the toc nests them under the
    title when the page has an <h1>."""
    items = list(page.toc)
    if len(items) == 1 and items[0].level == 1:
        items = list(items[0].children)
    return [(item.id, item.title) for item in items]


def _macros_plugin(config: MkDocsConfig) -> MacrosPlugin:
    plugin = config.plugins["macros"]
    if not isinstance(plugin, MacrosPlugin):
        raise ContentError("mkdocs.yml", "the `macros` plugin must be mkdocs-macros-plugin")
    return plugin


def _check_no_red_flag_wording(source: str, text: str) -> None:
    """Urgent signs are worded once, in data/red_flags.yml: a page that words one itself
    could tell a reader "the same day" where the data says "call 911 now"."""
    if findings := red_flags.find_red_flag_wording(text):
        raise ContentError(source, red_flags.describe_findings(findings))


def _give_every_page_the_glossary(config: MkDocsConfig, terms: dict[str, str]) -> None:
    """The glossary's terms marked on every page, through abbr's own `glossary` option (the
    first use in a page is then explained: engine/glossary.py, from hooks/finish.py).
    (Appending the file to each page instead made Markdown parse its 36 definitions on every
    page: about 6 ms a page, half of a plain page's Markdown time.)"""
    if "abbr" not in config.markdown_extensions:
        raise ContentError(
            "mkdocs.yml", "the glossary needs the `abbr` Markdown extension in markdown_extensions"
        )
    config.mdx_configs.setdefault("abbr", {})["glossary"] = terms


def _refuse_citations_on_info_pages(state: PageState) -> None:
    if state.front_matter and state.front_matter.page_type == "info" and state.citations.cited:
        raise ContentError(
            state.source,
            "cites sources but is `page_type: info`: a page with medical statements is an "
            "article and needs last_reviewed and reviewed_by",
        )


def _page_facts(
    page: Page, config: MkDocsConfig, state: PageState, current: Build
) -> seo.PageFacts:
    site_url = config.site_url or ""
    url = urljoin(site_url, page.url)
    front_matter = state.front_matter
    meta_date = page.meta.get("date")  # a blog post's date: a date, or {created: date}
    return seo.PageFacts(
        url=url,
        title=(
            front_matter.title
            if front_matter
            else page.meta.get("document_title") or page.meta.get("title") or page.title or ""
        ),
        description=page.meta.get("description", ""),
        section=_top_section(page),
        crumbs=_crumbs(page, site_url, url),
        front_matter=front_matter,
        image=urljoin(site_url, theme.card_path(page, config)),
        published=_as_date(meta_date.get("created") if isinstance(meta_date, dict) else meta_date),
        references=[current.site.references[key] for key in state.citations.cited],
        is_condition=page.file.src_uri.startswith(CONDITION_SECTION) and not page.is_index,
        is_blog_post=page.file.src_uri.startswith("blog/posts/"),
    )


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _crumbs(page: Page, site_url: str, url: str) -> list[seo.Crumb]:
    """Home, then each section (linked to its index page), then the page itself."""
    crumbs = [seo.Crumb("Home", site_url)]
    for ancestor in reversed(list(page.ancestors)):
        target = _landing_page(ancestor)
        if target is not None and target is not page:
            crumbs.append(seo.Crumb(ancestor.title or "", urljoin(site_url, target.url)))
    if not page.is_homepage:
        crumbs.append(seo.Crumb(page.title or "", url))
    # A section named like its index page ("Blog" > "Blog") reads as one step.
    return [c for i, c in enumerate(crumbs) if i == 0 or c.url != crumbs[i - 1].url]


def _landing_page(item: StructureItem) -> Page | None:
    """A nav item's page: itself, or a section's first page."""
    if isinstance(item, Page):
        return item
    if isinstance(item, Section):
        return next((child for child in item.children if isinstance(child, Page)), None)
    return None


def _top_section(page: Page) -> str:
    ancestors = [a for a in page.ancestors if a.is_section]
    return (ancestors[-1].title or "") if ancestors else ""


def _describe_generated_page(page: Page, clinic_name: str) -> None:
    """Blog archive and category pages get a document title and description of their own.
    Not `title`: the blog plugin shows a category's title as its label on every post ("in
    Low back pain"), which must stay the plain name."""
    name = page.title or ""
    archive = page.file.src_uri.startswith(theme.BLOG_ARCHIVE_PREFIX)
    topic = f"posts from {name}" if archive else f"posts about {name.lower()}"
    page.meta.setdefault("document_title", f"Blog {topic}")
    page.meta.setdefault(
        "description",
        f"{clinic_name} blog {topic}: plain-language articles reviewed by our clinicians.",
    )
