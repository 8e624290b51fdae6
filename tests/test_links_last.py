"""Links last: every published address still resolves, and the sitemap lists exactly the pages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.tools.pages import address_of, built_page_files, doc_pages, ids_on, name_of
from tests.tools.project import ROOT, SITE_URL

PUBLISHED = [
    line.strip()
    for line in (ROOT / "tests/published_urls.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
]
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')


def resolve(site_dir: Path, path: str) -> Path | None:
    """The file a static host serves for `path`, following redirect stubs; None if missing."""
    target = site_dir / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    for _ in range(5):  # a redirect may lead to another redirect, but not forever
        if not target.is_file():
            return None
        if target.suffix != ".html" or not (
            stub := REFRESH.search(target.read_text(encoding="utf-8"))
        ):
            return target
        target = (target.parent / stub.group(1)).resolve() / "index.html"
    return None


@pytest.mark.build
@pytest.mark.parametrize("address", PUBLISHED)
def test_published_address_still_resolves(site_dir: Path, address: str):
    path, _, anchor = address.partition("#")
    target = resolve(site_dir, path)
    assert target is not None, f"{path} no longer exists: add a redirect"
    if anchor:
        assert anchor in ids_on(target), f"{address}: the section anchor is gone"


@pytest.mark.build
def test_resolver_detects_a_missing_page(site_dir: Path):
    # Negative control: an address that never existed does not resolve.
    assert resolve(site_dir, "/conditions/no-such-page/") is None


@pytest.mark.unit
def test_every_page_is_published():
    """A new page must be added to published_urls.txt, so its address is protected too."""
    published_pages = {address.partition("#")[0] for address in PUBLISHED}
    for doc in doc_pages():
        url = f"/{doc.name}/" if doc.name else "/"
        assert url in published_pages, f"{url} is missing from tests/published_urls.txt"


def sitemap_paths(site_dir: Path) -> list[str]:
    tree = ET.parse(site_dir / "sitemap.xml")
    locations = tree.getroot().findall("sm:url/sm:loc", SITEMAP_NS)
    return [urlparse(loc.text or "").path for loc in locations]


def page_addresses(site_dir: Path) -> set[str]:
    """Every real page's address: index.html files that are not redirect stubs."""
    return {"/" + address_of(name_of(site_dir, path)) for path in built_page_files(site_dir)}


@pytest.mark.build
def test_sitemap_lists_every_page_and_nothing_else(site_dir: Path):
    listed = sitemap_paths(site_dir)
    assert len(listed) == len(set(listed)), "a page is listed twice"
    assert set(listed) == page_addresses(site_dir)
    assert "/404.html" not in listed
    assert "/blog/reduced-hip-internal-rotation-might-be-causing-your-low-back-pain/" not in listed


@pytest.mark.build
def test_sitemap_lastmod_is_the_review_date(site_dir: Path):
    tree = ET.parse(site_dir / "sitemap.xml")
    lastmod = {
        urlparse(url.findtext("sm:loc", namespaces=SITEMAP_NS)).path: url.findtext(
            "sm:lastmod", namespaces=SITEMAP_NS
        )
        for url in tree.getroot().findall("sm:url", SITEMAP_NS)
    }
    for doc in doc_pages():
        url = f"/{doc.name}/" if doc.name else "/"
        expected = doc.meta.get("last_reviewed")
        assert lastmod[url] == (expected.isoformat() if expected else None), url


@pytest.mark.build
def test_robots_txt_points_to_the_sitemap(site_dir: Path):
    robots = (site_dir / "robots.txt").read_text()
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots
    assert "Disallow: /\n" not in robots
