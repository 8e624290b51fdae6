"""The one loopback server for a built site (tests, Lighthouse, screenshots): serves files as a
real host does, with cache headers, keep-alive and the site's 404 page, and compresses them
(gzip) unless asked not to. Loopback only.

    python tests/tools/static_server.py SITE_DIR [PORT]
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from pathlib import Path

sys.path.insert(
    0, str(Path(__file__).resolve().parents[2])
)  # the project root, when run as a script
from engine.hosting import CACHE_FOREVER
from hooks.theme import FINGERPRINTED

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the client accepts it (and `compress` is on), with long
    caching for fingerprinted assets and revalidation for everything else, as deploy/
    configures. HTTP/1.1 so connections are kept alive, as any real host does."""

    protocol_version = "HTTP/1.1"
    compress = True

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # let the base class redirect to the slash URL
            path = path / "index.html"
        if not path.is_file():
            return self._not_found()
        body = path.read_bytes()
        compress = (
            self.compress
            and path.suffix in COMPRESSIBLE
            and "gzip" in self.headers.get("Accept-Encoding", "")
        )
        if compress:
            body = gzip.compress(body, compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header(
            "Cache-Control", CACHE_FOREVER if FINGERPRINTED.search(path.name) else "no-cache"
        )
        self.end_headers()
        return _Body(body)

    def _not_found(self):
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


class PlainHandler(SiteHandler):
    """The same, never compressed."""

    compress = False


def serve(site_dir: Path, port: int = 0, compress: bool = True) -> http.server.ThreadingHTTPServer:
    """`site_dir` on http://127.0.0.1:PORT/ (a free port if 0), in a daemon thread; stop it
    with `.shutdown()`."""
    handler = functools.partial(SiteHandler if compress else PlainHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


if __name__ == "__main__":
    running = serve(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 8000)
    print(f"serving {sys.argv[1]} at http://127.0.0.1:{running.server_port}/")
    threading.Event().wait()
