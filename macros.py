"""Macros for the River Forest Health and Wellness site (mkdocs-macros, `module_name: macros`).

Pages call:
    {{ treatment_table(ids=["mckenzie", "dns"], columns=["evidence", "risks"], caption="...") }}
    {{ cite("hopayian2010") }}  or  {{ cite("koes2007", "jensen2019") }}
    {{ urgent_care() }}  {{ booking_cta() }}  {{ opening_hours() }}  {{ glossary() }}

Around every page it also checks the front matter, adds the review line, the share and
print blocks, the reference list and the JSON-LD; after the build it writes robots.txt and
llms.txt. The work is done by plain functions in `engine/`; this module wires them to pages.
"""

from __future__ import annotations

import posixpath
import sys
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urljoin

# mkdocs-macros loads this file by path, so its folder is not importable yet.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from mkdocs.structure.files import File  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from engine import assets, booking, hosting, post_build, red_flags, seo, sharing, tables  # noqa: E402
from engine.citations import PageCitations  # noqa: E402
from engine.data import SiteData  # noqa: E402
from engine.errors import ContentError, UnknownKeyError  # noqa: E402
from engine.front_matter import check_front_matter, read_front_matter  # noqa: E402
from engine.glossary import GLOSSARY_FILE, glossary_markdown, read_site_glossary  # noqa: E402
from engine.held_html import HeldHtml  # noqa: E402
from engine.models import DEFAULT_CONDITION, ArticleFrontMatter  # noqa: E402
from engine.placeholders import check_ready_to_publish  # noqa: E402
from engine.page_templates import cache_page_templates, remove_unused_page_templates  # noqa: E402
from engine.review import insert_after_title, review_line  # noqa: E402
from engine.site_files import llms_txt, robots_txt  # noqa: E402
from engine.social import seed_card_fonts  # noqa: E402

FEED_LOGO = "assets/images/logo-512.png"
CONDITION_SECTION = "conditions/"
# The one page whose repeated blocks belong in the search index.
COMPARISON_PAGE = "treatments/index.md"
URGENT_CARE_PAGE = "urgent-care.md"


class _PageState:
    """What the macros learn about the page being rendered; reset before each page."""

    def __init__(self, site: SiteData, held: HeldHtml, source: str) -> None:
        self.hold = lambda html: held.hold(html, source)
        self.citations = PageCitations(site.references, hold=self.hold)
        self.front_matter = None
        self.tables = 0


def define_env(env):
    """Load and check data/, share clinic facts with the templates, register the macros."""
    site = SiteData.load(Path(env.project_dir) / "data")
    check_ready_to_publish(site.clinic, env.conf["site_url"])
    # Templates (the booking block in overrides/) read clinic facts from config.extra.
    env.conf["extra"]["clinic"] = site.clinic
    env.variables["clinic"] = site.clinic
    _give_the_feed_a_logo(env.conf)
    terms = read_site_glossary(Path(env.conf["docs_dir"]))
    _check_no_red_flag_wording(f"docs/{GLOSSARY_FILE}", "\n".join(terms.values()))
    _give_every_page_the_glossary(env.conf, terms)
    seed_card_fonts(env.conf)
    cache_dir = Path(env.project_dir) / ".cache"
    qr_cache, templates_cache = cache_dir / "qr", cache_dir / "macros"
    # Finished HTML from the macros skips Markdown and search; post-build puts it back.
    held = HeldHtml()
    state = {"page": _PageState(site, held, "")}
    published: dict[str, seo.PageFacts] = {}  # source -> facts, for the site-wide checks

    def current() -> _PageState:
        return state["page"]

    @env.macro
    def treatment_table(ids=None, columns=None, caption=None, condition=DEFAULT_CONDITION):
        """A comparison table of the treatments in data/treatments.yml, graded for `condition`."""
        current().tables += 1
        searchable = env.page.file.src_uri == COMPARISON_PAGE
        with _naming_the_page(env):
            table = tables.treatment_table(
                site.treatments,
                ids=ids,
                columns=columns,
                caption=caption,
                cite=current().citations.cite,
                link_to=lambda path: _link_from_page(env, path),
                number=current().tables,
                searchable=searchable,
                condition=condition,
            )
        return table if searchable else current().hold(table)

    @env.macro
    def cite(*keys):
        """Numbered links to this page's reference list."""
        with _naming_the_page(env):
            return current().citations.cite(*keys)

    @env.macro
    def urgent_care():
        """The red-flag block, split by urgency, from data/red_flags.yml."""
        searchable = env.page.file.src_uri == URGENT_CARE_PAGE
        return red_flags.urgent_care_markdown(site.red_flags, current().citations.cite, searchable)

    @env.macro
    def stop_and_get_help(old_anchor=None):
        """The short "Stop and get help" box for exercise and treatment pages; `old_anchor`
        keeps a published link to the section it replaced working."""
        return red_flags.stop_box_markdown(site.red_flags, _markdown_link(env, URGENT_CARE_PAGE), old_anchor)

    @env.macro
    def urgent_care_summary():
        """One line naming each tier, linked to the signs (on this page, if it has the block)."""
        if "urgent_care()" in env.markdown:
            target = f"#{red_flags.BLOCK_ANCHOR}"
        else:
            target = _markdown_link(env, URGENT_CARE_PAGE) + f"#{red_flags.BLOCK_ANCHOR}"
        return red_flags.summary_markdown(site.red_flags, target)

    @env.macro
    def opening_hours():
        """The clinic's opening hours as a table."""
        return booking.opening_hours_table(site.clinic)

    @env.macro
    def glossary():
        """Every term in docs/_snippets/glossary.md, as a definition list."""
        return glossary_markdown(terms)

    @env.macro
    def booking_cta(text="Book an appointment"):
        """An inline booking action for use inside an article."""
        return booking.booking_cta(site.clinic, text)

    def on_pre_page_macros(env):
        if "templates_cached" not in state:  # mkdocs-macros makes its Jinja env after define_env
            cache_page_templates(env.env, templates_cache)
            state["templates_cached"] = True
        state["page"] = _PageState(site, held, _source(env))
        file = env.page.file
        if file.generated_by:  # blog archive and category pages: no author-written source
            _describe_generated_page(env.page)
            return
        source = _source(env)
        _check_no_red_flag_wording(source, env.markdown, _body_first_line(file.content_string, env.markdown))
        meta = read_front_matter(source, file.content_string)
        current().front_matter = check_front_matter(source, meta, site.clinic)

    def on_post_page_macros(env):
        page_state = current()
        front_matter = page_state.front_matter
        if front_matter and front_matter.page_type == "info" and page_state.citations.cited:
            raise ContentError(
                _source(env),
                "cites sources but is `page_type: info`: a page with medical statements is an "
                "article and needs last_reviewed and reviewed_by",
            )
        facts = _page_facts(env, page_state, site)
        published[_source(env)] = facts
        if isinstance(front_matter, ArticleFrontMatter):
            env.markdown = insert_after_title(env.markdown, review_line(front_matter, site.clinic))
            env.markdown += "\n\n" + page_state.hold(sharing.share_block(facts.url, facts.title))
        env.markdown = f"{env.markdown.rstrip()}\n\n{page_state.citations.reference_list_markdown()}"
        if isinstance(front_matter, ArticleFrontMatter):
            footer = sharing.print_footer(facts.url, site.clinic, qr_cache)
            env.markdown += "\n\n" + page_state.hold(footer) + "\n"
        services = [t.name for t in site.treatments]
        graph = seo.page_graph(facts, site.clinic, env.conf["site_url"], services)
        env.page.meta["jsonld"] = seo.script_json(graph)

    def on_post_build(env):
        seo.check_unique(published)
        site_dir = Path(env.conf["site_dir"])
        # The last change to the pages' HTML, so the CSP hashes their final inline scripts.
        pages = post_build.rewrite_pages(site_dir, held)  # one read and write per page
        held.check_all_restored()
        hosting.write_hosting_files(site_dir, pages)
        stylesheets = [str(css) for css in env.conf["extra_css"]]
        assets.add_dark_mode(site_dir, stylesheets[0])
        assets.minify_stylesheets(site_dir, stylesheets)
        (site_dir / "robots.txt").write_text(robots_txt(env.conf["site_url"]), encoding="utf-8")
        articles = [f for f in published.values() if f.front_matter and not f.url.endswith("/blog/")]
        llms = llms_txt(env.conf["site_name"], env.conf["site_description"].strip(), articles)
        (site_dir / "llms.txt").write_text(llms, encoding="utf-8")
        remove_unused_page_templates(templates_cache)
        sharing.remove_unused_qr_codes(qr_cache)

    env.pre_macro_functions.append(on_pre_page_macros)
    env.post_macro_functions.append(on_post_page_macros)
    env.post_build_functions.append(on_post_build)


def _check_no_red_flag_wording(source: str, markdown: str, first_line: int = 1) -> None:
    """Urgent signs are worded once, in data/red_flags.yml: a page that words one itself
    could tell a reader "the same day" where the data says "call 911 now"."""
    if findings := red_flags.find_red_flag_wording(markdown, first_line):
        raise ContentError(source, red_flags.describe_findings(findings))


def _body_first_line(file_text: str, body: str) -> int:
    """The file line the page body starts on, after its front matter (for error messages)."""
    start = file_text.find(body.lstrip()[:200])
    return file_text.count("\n", 0, start) + 1 if start >= 0 else 1


def _give_every_page_the_glossary(config, terms: dict[str, str]) -> None:
    """Tooltips for the glossary's terms on every page, through abbr's own `glossary` option.
    (Appending the file to each page instead made Markdown parse its 36 definitions on every
    page: about 6 ms a page, half of a plain page's Markdown time.)"""
    if "abbr" not in config["markdown_extensions"]:
        raise ContentError("mkdocs.yml", "the glossary needs the `abbr` Markdown extension in markdown_extensions")
    config["mdx_configs"].setdefault("abbr", {})["glossary"] = terms


def _page_facts(env, page_state: _PageState, site: SiteData) -> seo.PageFacts:
    page, config = env.page, env.conf
    front_matter = page_state.front_matter
    url = urljoin(config["site_url"], page.url)
    meta_date = page.meta.get("date")  # a blog post's date: a date, or {created: date}
    return seo.PageFacts(
        url=url,
        title=(front_matter.title if front_matter else page.meta.get("title") or page.title or ""),
        description=page.meta.get("description", ""),
        section=_top_section(page),
        crumbs=_crumbs(page, config["site_url"], url),
        front_matter=front_matter,
        image=urljoin(config["site_url"], _card_path(page, config)),
        published=_as_date(meta_date.get("created") if isinstance(meta_date, dict) else meta_date),
        references=[site.references[key] for key in page_state.citations.cited],
        is_condition=page.file.src_uri.startswith(CONDITION_SECTION) and not page.is_index,
        is_blog_post=page.file.src_uri.startswith("blog/posts/"),
    )


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _crumbs(page, site_url: str, url: str) -> list[seo.Crumb]:
    """Home, then each section (linked to its index page), then the page itself."""
    crumbs = [seo.Crumb("Home", site_url)]
    for ancestor in reversed(page.ancestors):
        target = ancestor if ancestor.is_page else next((c for c in ancestor.children if c.is_page), None)
        if target is not None and target is not page:
            crumbs.append(seo.Crumb(ancestor.title, urljoin(site_url, target.url)))
    if not page.is_homepage:
        crumbs.append(seo.Crumb(page.title, url))
    # A section named like its index page ("Blog" > "Blog") reads as one step.
    return [c for i, c in enumerate(crumbs) if i == 0 or c.url != crumbs[i - 1].url]


def _top_section(page) -> str:
    ancestors = [a for a in page.ancestors if a.is_section]
    return ancestors[-1].title if ancestors else ""


def _card_path(page, config) -> str:
    """Where Material's social plugin writes this page's card (its own naming rule)."""
    suffix = "/index.html" if config["use_directory_urls"] and not page.is_index else ".html"
    return "assets/images/social/" + page.file.dest_uri.replace(suffix, ".png")


def _describe_generated_page(page) -> None:
    """Blog archive and category pages get a title and description of their own."""
    section = "posts from " if page.file.src_uri.startswith("blog/archive/") else "posts about "
    page.meta.setdefault("title", f"Blog {section}{page.title}")
    page.meta.setdefault(
        "description",
        f"River Forest Health and Wellness blog {section}{page.title}: plain-language articles "
        "reviewed by our clinicians.",
    )


def _give_the_feed_a_logo(config) -> None:
    # An RSS <image> must be an absolute URL; derive it from site_url so the two never drift.
    if "rss" in config["plugins"]:
        config["plugins"]["rss"].config.image = urljoin(config["site_url"], FEED_LOGO)


def _source(env) -> str:
    return f"docs/{env.page.file.src_uri}"


@contextmanager
def _naming_the_page(env):
    """Re-raises a bad macro argument as a build error that names the page it is on."""
    try:
        yield
    except (UnknownKeyError, ValueError) as error:
        raise ContentError(_source(env), str(error)) from None


def _markdown_link(env, docs_path: str) -> str:
    """A Markdown link target to docs/`docs_path` from the page being built (MkDocs checks
    and rewrites it, as it does an author's own links)."""
    return posixpath.relpath(docs_path, posixpath.dirname(env.page.file.src_uri) or ".")


def _link_from_page(env, docs_path: str) -> str:
    """The URL of docs/`docs_path` relative to the page being built."""
    config = env.conf
    target = File(docs_path, config["docs_dir"], config["site_dir"], config["use_directory_urls"])
    return get_relative_url(target.url, env.page.url)
