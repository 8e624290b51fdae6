"""Production hosting, tested for real: nginx runs on loopback with the shipped deploy/nginx.conf
(root pointed at a fresh build, a throwaway TLS certificate), then the headers, compression,
caching, the 404 page, the Content-Security-Policy in Chromium and a load burst are checked.
The generated `_headers` file for static hosts is checked against the same policy."""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from engine.hosting import SECURITY_HEADERS, inline_script_hashes
from hooks.theme import FINGERPRINTED
from tests.tools.measured import report
from tests.tools.pages import address_of_file, site_pages
from tests.tools.project import ROOT

SHIPPED = ROOT / "deploy" / "nginx.conf"
PAGES = [str(p) for p in site_pages()]


# --- nginx on loopback, with the shipped config --------------------------------------------------


def tool(name: str, package: str) -> str:
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin")
    if not found:
        pytest.fail(
            f"{name} is needed for the hosting checks: install it with "
            f"`apt-get install -y {package}` (.ci/run does this).",
            pytrace=False,
        )
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def substitute(text: str, pattern: str, replacement: str, expected: int) -> str:
    """Replace a directive an admin edits; fail if the shipped file no longer has it as expected."""
    result, count = re.subn(pattern, replacement, text, flags=re.M)
    assert count == expected, (
        f"deploy/nginx.conf: expected {expected} line(s) matching {pattern!r}, found {count}"
    )
    return result


def loopback_config(site_dir: Path, https_port: int, http_port: int, cert: Path, key: Path) -> str:
    """The shipped server blocks with only the EDIT lines changed, as an admin would."""
    text = SHIPPED.read_text(encoding="utf-8")
    text = substitute(text, r"^\s*listen \[::\]:\d+.*$\n", "", 2)  # loopback only
    text = substitute(text, r"listen 80;", f"listen 127.0.0.1:{http_port};", 1)
    text = substitute(
        text, r"listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;", 1
    )
    text = substitute(text, r"^(\s*)root \S+;", rf"\1root {site_dir};", 1)
    text = substitute(text, r"ssl_certificate\s+\S+;", f"ssl_certificate {cert};", 1)
    text = substitute(text, r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {key};", 1)
    return substitute(
        text,
        r"include \S+/_nginx/security-headers\.conf;",
        f"include {site_dir}/_nginx/security-headers.conf;",
        1,
    )


def main_config(work: Path, server_conf: Path) -> str:
    """What /etc/nginx/nginx.conf provides around a conf.d file, in a scratch folder."""
    temp = "".join(
        f"  {kind}_temp_path {work}/{kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;\n" if os.geteuid() == 0 else ""  # the build folder is private to its owner
    return (
        f"{user}worker_processes 2;\npid {work}/nginx.pid;\nerror_log {work}/error.log warn;\n"
        "events { worker_connections 1024; }\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
        f"  access_log off;\n  sendfile on;\n{temp}  include {server_conf};\n}}\n"
    )


def self_signed_certificate(work: Path) -> tuple[Path, Path]:
    cert, key = work / "cert.pem", work / "key.pem"
    subprocess.run(
        [
            tool("openssl", "openssl"),
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def wait_for(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx exited: {log.read_text() if log.exists() else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail("nginx did not start listening within 15 s")


@dataclass(frozen=True)
class Nginx:
    base: str  # https://127.0.0.1:PORT
    http_port: int  # the plain-HTTP server that redirects


@pytest.fixture(scope="module")
def nginx(site_dir: Path, tmp_path_factory) -> Iterator[Nginx]:
    """The built site served by nginx with deploy/nginx.conf."""
    binary = tool("nginx", "nginx")
    work = tmp_path_factory.mktemp("nginx")
    cert, key = self_signed_certificate(work)
    https_port, http_port = free_port(), free_port()
    server_conf = work / "server.conf"
    server_conf.write_text(loopback_config(site_dir, https_port, http_port, cert, key))
    (work / "nginx.conf").write_text(main_config(work, server_conf))
    # -e: the start-up error log too, so nginx never needs /var/log (runs without root).
    args = [binary, "-p", str(work), "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")]
    checked = subprocess.run([*args, "-t"], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, f"nginx -t rejects the config:\n{checked.stderr}"
    process = subprocess.Popen([*args, "-g", "daemon off;"], stderr=subprocess.PIPE)
    wait_for(https_port, process, work / "error.log")
    yield Nginx(f"https://127.0.0.1:{https_port}", http_port)
    process.terminate()
    process.wait(timeout=10)


def fetch(server: Nginx, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    host, port = server.base.removeprefix("https://").split(":")
    connection = http.client.HTTPSConnection(
        host, int(port), timeout=10, context=ssl._create_unverified_context()
    )
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    result = response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    connection.close()
    return result


def asset(site_dir: Path, pattern: str) -> str:
    return "/" + next(site_dir.glob(pattern)).relative_to(site_dir).as_posix()


# --- headers, compression, caching, 404 ----------------------------------------------------------


def nginx_header_lines(site_dir: Path) -> str:
    return (site_dir / "_nginx/security-headers.conf").read_text()


def built_script_hashes(site_dir: Path) -> list[str]:
    return inline_script_hashes(
        page.read_text(encoding="utf-8") for page in site_dir.rglob("*.html")
    )


@pytest.mark.hosting
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/conditions/sciatica/",
        "/assets/stylesheets/site.css",
        "/search/search_index.json",
        "/feed_rss_created.xml",
        "/no-such-page/",
    ],
)
def test_every_response_has_the_security_headers(nginx, site_dir, path):
    status, headers, _ = fetch(nginx, path)
    assert status in (200, 404)
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    script_src = re.search(r"script-src ([^;]+)", csp)[1].split()
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert set(built_script_hashes(site_dir)) <= set(script_src)
    for name, value in SECURITY_HEADERS.items():
        assert headers[name.lower()] == value, name
    assert "server" not in headers or "nginx/" not in headers["server"]  # no version disclosed


@pytest.mark.build
def test_the_policy_hashes_every_inline_script_and_nothing_else(site_dir):
    hashes = built_script_hashes(site_dir)
    assert len(hashes) >= 2  # the theme's and the search loader, at least: not vacuous
    csp_line = next(
        line
        for line in nginx_header_lines(site_dir).splitlines()
        if "Content-Security-Policy" in line
    )
    assert sorted(re.findall(r"'sha256-[^']+'", csp_line)) == hashes


@pytest.mark.hosting
@pytest.mark.parametrize(
    "path",
    [
        "/conditions/sciatica/",
        "/assets/stylesheets/site.css",
        "/search/search_index.json",
        "/sitemap.xml",
        "/assets/images/logo.svg",
    ],
)
def test_text_is_compressed(nginx, path):
    status, headers, body = fetch(nginx, path, {"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("content-encoding") == "gzip", headers
    assert "accept-encoding" in headers.get("vary", "").lower()
    assert len(gzip.decompress(body)) > len(body)
    _, plain, _ = fetch(nginx, path)
    assert "content-encoding" not in plain  # negative control: no gzip unless asked


@pytest.mark.hosting
def test_fingerprinted_assets_are_cached_for_a_year(nginx, site_dir):
    for path in (
        asset(site_dir, "assets/stylesheets/main.*.min.css"),
        asset(site_dir, "assets/javascripts/bundle.*.min.js"),
    ):
        assert FINGERPRINTED.search(path)
        _, headers, _ = fetch(nginx, path)
        assert headers["cache-control"] == "public, max-age=31536000, immutable", path


@pytest.mark.hosting
@pytest.mark.parametrize(
    "path",
    ["/", "/conditions/sciatica/", "/assets/stylesheets/site.css", "/assets/images/logo.svg"],
)
def test_pages_and_unhashed_files_revalidate(nginx, path):
    _, headers, _ = fetch(nginx, path)
    assert headers["cache-control"] == "no-cache"
    status, _, body = fetch(nginx, path, {"If-None-Match": headers["etag"]})
    assert status == 304 and body == b""  # revalidation is cheap


@pytest.mark.hosting
def test_unknown_address_gets_the_site_404_page_with_status_404(nginx, site_dir):
    status, headers, body = fetch(nginx, "/conditions/no-such-condition/")
    assert status == 404
    assert body == (site_dir / "404.html").read_bytes()
    assert headers["cache-control"] == "no-cache"


@pytest.mark.hosting
def test_host_files_are_not_served(nginx, site_dir):
    assert (site_dir / "_headers").is_file() and (
        site_dir / "_nginx/security-headers.conf"
    ).is_file()
    for path in ("/_headers", "/_nginx/security-headers.conf"):
        status, _, body = fetch(nginx, path)
        assert status == 404 and b"add_header" not in body


@pytest.mark.hosting
def test_folder_without_slash_redirects_relatively(nginx):
    status, headers, _ = fetch(nginx, "/conditions")
    assert status == 301 and headers["location"] == "/conditions/"


@pytest.mark.hosting
def test_plain_http_redirects_to_https(nginx):
    connection = http.client.HTTPConnection("127.0.0.1", nginx.http_port, timeout=10)
    connection.request("GET", "/conditions/sciatica/?a=1")
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == "https://127.0.0.1/conditions/sciatica/?a=1"
    connection.close()


@pytest.mark.build
def test_static_host_headers_file_matches(site_dir):
    text = (site_dir / "_headers").read_text()
    lines = text.splitlines()
    assert lines[1] == "/*"
    nginx_conf = nginx_header_lines(site_dir)
    csp = re.search(r'Content-Security-Policy "([^"]+)"', nginx_conf)[1]
    assert f"  Content-Security-Policy: {csp}" in lines  # one policy for every host
    for name, value in SECURITY_HEADERS.items():
        assert f"  {name}: {value}" in lines
    immutable = [lines[i - 1] for i, line in enumerate(lines) if "immutable" in line]
    assert immutable and all(FINGERPRINTED.search(path) for path in immutable)
    assert all((site_dir / path.lstrip("/")).is_file() for path in immutable)


# --- the policy in a real browser --------------------------------------------------------------

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__cspViolations.push(
    `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} ` +
    `(${e.sourceFile}:${e.lineNumber})`));
"""


@pytest.fixture(scope="module")
def csp_tab(browser, nginx):
    context = browser.new_context(ignore_https_errors=True, viewport={"width": 360, "height": 780})
    context.add_init_script(RECORD_VIOLATIONS)
    tab = context.new_page()
    console: list[str] = []
    tab.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    tab.console_csp = console
    yield tab
    context.close()


def violations_after_loading(tab, url: str) -> list[str]:
    tab.console_csp.clear()
    tab.goto(url, wait_until="load")
    tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    tab.wait_for_timeout(100)
    return tab.evaluate("window.__cspViolations") + tab.console_csp


@pytest.mark.hosting
@pytest.mark.browser
@pytest.mark.parametrize("html_page", PAGES)
def test_no_csp_violations_on_any_page(csp_tab, nginx, html_page):
    url = f"{nginx.base}/{address_of_file(html_page)}"
    assert violations_after_loading(csp_tab, url) == []
    assert csp_tab.evaluate("typeof document$") == "object"  # the theme's script is running


@pytest.mark.hosting
@pytest.mark.browser
def test_the_plan_pages_work_under_the_policy(csp_tab, nginx):
    """Issue 17: the builder and a plan, with their script and the QR library, as hosted."""
    fragment = next(
        line.split()[0]
        for line in (ROOT / "tests/plan_links.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    assert violations_after_loading(csp_tab, f"{nginx.base}/plan/view/#{fragment}") == []
    assert csp_tab.locator("[data-plan-exercises] > section:not([hidden])").count() == 3
    assert csp_tab.locator("[data-plan-qr] svg").count() == 1  # drawn by the vendored library
    assert violations_after_loading(csp_tab, f"{nginx.base}/plan/") == []
    csp_tab.get_by_role("checkbox", name="Clamshell", exact=True).check()
    assert "/plan/view/#1/cs." in csp_tab.get_by_label("Link to this plan").input_value()
    assert csp_tab.evaluate("window.__cspViolations") == [] and csp_tab.console_csp == []


@pytest.mark.hosting
@pytest.mark.browser
def test_search_works_under_the_policy(csp_tab, nginx):
    csp_tab.goto(f"{nginx.base}/conditions/sciatica/")
    csp_tab.click("label[for=__search]")  # the search button in the header, on a phone
    # Type as a reader does: Material reads the query on keyup (and on focus or when the
    # search worker is ready); fill() fires only `input`, so it failed about one run in three.
    csp_tab.locator("[data-md-component=search-query]").press_sequentially("piriformis")
    results = csp_tab.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() > 0
    assert csp_tab.evaluate("window.__cspViolations") == [] and csp_tab.console_csp == []


@pytest.mark.hosting
@pytest.mark.browser
def test_policy_blocks_an_unknown_inline_script(csp_tab, nginx):
    # Negative control: a script the build did not hash must not run, and is reported.
    violations_after_loading(csp_tab, f"{nginx.base}/")
    csp_tab.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__injected = true'; document.head.append(s); }""")
    csp_tab.wait_for_timeout(100)
    assert csp_tab.evaluate("window.__injected") is None
    assert any("script-src" in v for v in csp_tab.evaluate("window.__cspViolations"))


# --- a bounded load burst ----------------------------------------------------------------------


@pytest.mark.hosting
def test_load_burst_has_no_errors(nginx):
    wrk = tool("wrk", "wrk")
    result = subprocess.run(
        [
            wrk,
            "--threads",
            "2",
            "--connections",
            "64",
            "--duration",
            "3s",
            "--latency",
            "--header",
            "Accept-Encoding: gzip",
            f"{nginx.base}/conditions/sciatica/",
        ],
        capture_output=True,
        check=False,
        text=True,
        timeout=60,
    )
    out = result.stdout
    assert result.returncode == 0, result.stderr
    requests_per_second = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)[1]
    total = int(re.search(r"(\d+) requests in", out)[1])
    report(
        "nginx under load (deploy/nginx.conf)",
        f"wrk, 64 connections, 3 s, one article over TLS with gzip: "
        f"{requests_per_second:,.0f} requests/s, p99 latency {p99}, {total:,} requests",
    )
    assert "Socket errors" not in out, out
    assert "Non-2xx or 3xx responses" not in out, out
    assert total > 64  # it really ran


# --- the GitHub Pages workflow -----------------------------------------------------------------

PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


@pytest.mark.unit
def test_workflow_actions_are_pinned_by_commit_sha():
    workflow = (ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8")
    uses = re.findall(r"uses:\s*(\S+)", workflow)
    assert len(uses) >= 4  # checkout, build, upload, deploy at least: not vacuous
    assert [action for action in uses if not PINNED.match(action)] == []
    assert not PINNED.match("actions/checkout@v4")  # negative control: a tag is not a pin
    assert "make test" in workflow and "path: site" in workflow
