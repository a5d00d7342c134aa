"""Threaded static HTTP server for the Harbour Gazette demo site.

The site files contain the placeholder ``__BASE__`` wherever an absolute URL is
required (sitemaps, feeds, canonical links, og:url, JSON-LD). The port is only
known once the socket is bound, so the placeholder is replaced with the real
``http://127.0.0.1:PORT`` at serve time, including inside the gzip-compressed
sitemap. Every request path is recorded so end-to-end tests can assert what a
crawler did (and did not) fetch, e.g. that robots.txt disallowed pages were
never requested.

Run ``python -m scraper.demo.server [--port N]``: the base URL is printed on
the first line of stdout so a Makefile or script can read it.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import signal
import sys
import threading
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType, TracebackType
from urllib.parse import unquote, urlsplit

from scraper.demo.loopback import LoopbackServer

SITE_DIR: Path = Path(__file__).resolve().parent / "site"
"""Folder holding the static files of the demo site (shipped as package data)."""

PLACEHOLDER: bytes = b"__BASE__"
"""Marker written in the static files wherever an absolute URL is needed."""

CONTENT_TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".png": "image/png",
    ".gz": "application/x-gzip",
}
"""Content types by file suffix; anything else is served as octet-stream."""

TEXT_SUFFIXES: frozenset[str] = frozenset({".html", ".xml", ".rss", ".atom", ".txt"})
"""Files in which ``__BASE__`` is substituted (binary files are left untouched)."""


def resolve_path(root: Path, url_path: str) -> tuple[Path | None, str | None]:
    """Map a URL path to a file under ``root``.

    Returns ``(file, None)`` when a file should be served, ``(None, location)``
    when the client should be redirected (a directory requested without its
    trailing slash, so relative links inside its index resolve correctly), and
    ``(None, None)`` when nothing matches (404). Rules, consistent with the
    links written in the site: ``/`` and ``/x/`` serve ``index.html`` of the
    folder; ``/x.ext`` serves that file; ``/x`` (no suffix) serves ``x.html``,
    else redirects to ``/x/`` if that folder has an ``index.html``.
    """
    path = unquote(url_path)
    parts = [part for part in path.split("/") if part]
    # Refuse anything that could escape the root (.., backslashes, NULs).
    if any(part in {".", ".."} or "\\" in part or "\x00" in part for part in parts):
        return None, None
    base = root.resolve()
    target = base.joinpath(*parts)
    if path.endswith("/") or not parts:
        candidate = target / "index.html"
    elif target.suffix:
        candidate = target
    else:
        html_file = target.with_name(target.name + ".html")
        if html_file.is_file():
            candidate = html_file
        elif (target / "index.html").is_file():
            return None, path + "/"
        else:
            return None, None
    try:
        candidate = candidate.resolve()
    except OSError:
        return None, None
    if not candidate.is_relative_to(base) or not candidate.is_file():
        return None, None
    return candidate, None


def load_body(file: Path, base_url: str) -> bytes:
    """Read a site file and substitute ``__BASE__`` with ``base_url``.

    Gzip files are decompressed, substituted and recompressed (``mtime=0`` so
    the bytes are deterministic), because the compressed sitemap must carry
    absolute URLs too.
    """
    data = file.read_bytes()
    replacement = base_url.encode("ascii")
    if file.suffix == ".gz":
        return gzip.compress(gzip.decompress(data).replace(PLACEHOLDER, replacement), mtime=0)
    if file.suffix in TEXT_SUFFIXES:
        return data.replace(PLACEHOLDER, replacement)
    return data


def etag(body: bytes) -> str:
    """A strong validator of the bytes served: it changes exactly when the page does."""
    return '"' + hashlib.sha1(body, usedforsecurity=False).hexdigest()[:20] + '"'


def not_modified(if_none_match: str | None, if_modified_since: str | None, validators: dict[str, str]) -> bool:
    """RFC 9110 conditional GET: ``If-None-Match`` decides when sent, else ``If-Modified-Since``."""
    if if_none_match is not None:
        return validators["ETag"] in {tag.strip() for tag in if_none_match.split(",")} or if_none_match.strip() == "*"
    if if_modified_since is not None:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        return parsedate_to_datetime(validators["Last-Modified"]) <= since
    return False


class _HTTPServer(ThreadingHTTPServer):
    """ThreadingHTTPServer carrying the site root and the request log."""

    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], root: Path) -> None:
        super().__init__(address, _Handler)
        self.root = root
        self.log_lock = threading.Lock()
        self.request_log: list[str] = []
        self.response_log: list[tuple[str, int]] = []  # (path, status), in the order answered

    @property
    def base_url(self) -> str:
        """``http://HOST:PORT``: what the pages' placeholders become."""
        host, port = self.server_address[:2]
        return f"http://{host if isinstance(host, str) else host.decode()}:{port}"


class _Handler(BaseHTTPRequestHandler):
    """Serve GET/HEAD for static files, with placeholder substitution."""

    server: _HTTPServer
    server_version = "HarbourGazetteDemo/1.0"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        """Serve the file and its body."""
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        """Serve the headers only (some crawlers probe with HEAD)."""
        self._serve(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Silence the default per-request stderr logging (tests read ``requests``)."""

    def _serve(self, *, send_body: bool) -> None:
        with self.server.log_lock:
            self.server.request_log.append(self.path)
        file, location = resolve_path(self.server.root, urlsplit(self.path).path)
        if location is not None:
            query = urlsplit(self.path).query
            self._send(
                HTTPStatus.MOVED_PERMANENTLY,
                b"",
                "text/plain; charset=utf-8",
                send_body=send_body,
                extra={"Location": location + (f"?{query}" if query else "")},
            )
            return
        if file is None:
            body = b"<!DOCTYPE html><title>404 Not Found</title><h1>Page not found</h1>\n"
            self._send(HTTPStatus.NOT_FOUND, body, CONTENT_TYPES[".html"], send_body=send_body)
            return
        body = load_body(file, self.server.base_url)
        content_type = CONTENT_TYPES.get(file.suffix, "application/octet-stream")
        validators = {"ETag": etag(body), "Last-Modified": formatdate(file.stat().st_mtime, usegmt=True)}
        if not_modified(self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since"), validators):
            self._send(HTTPStatus.NOT_MODIFIED, b"", content_type, send_body=False, extra=validators)
            return
        self._send(HTTPStatus.OK, body, content_type, send_body=send_body, extra=validators)

    def _send(
        self,
        status: HTTPStatus,
        body: bytes,
        content_type: str,
        *,
        send_body: bool,
        extra: dict[str, str] | None = None,
    ) -> None:
        with self.server.log_lock:
            self.server.response_log.append((self.path, int(status)))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if status != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class DemoServer:
    """The demo site served on a background daemon thread.

    Usable as a context manager::

        with DemoServer() as server:
            fetch(server.base_url + "/robots.txt")
            assert "/admin/" not in server.requests

    ``port=0`` (the default) lets the OS pick a free port, so parallel test
    runs never collide; read the result from ``base_url``.
    """

    def __init__(self, root: Path = SITE_DIR, host: str = "127.0.0.1", port: int = 0) -> None:
        self.root = Path(root)
        self._server = LoopbackServer(lambda address: _HTTPServer(address, self.root), host=host, port=port,
                                      name="demo-site-server")  # fmt: skip

    def start(self) -> DemoServer:
        """Bind the socket and serve on a daemon thread; returns ``self``."""
        self._server.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket (idempotent)."""
        self._server.stop()

    @property
    def _httpd(self) -> _HTTPServer | None:
        return self._server.httpd

    @property
    def port(self) -> int:
        """The bound port (the one asked for until the server starts)."""
        return self._server.port

    @property
    def base_url(self) -> str:
        """``http://HOST:PORT`` of the running server, without trailing slash."""
        return self._server.base_url

    @property
    def responses(self) -> list[tuple[str, int]]:
        """Snapshot of ``(path, status)`` answered (304: the body was not sent again)."""
        if self._httpd is None:
            return []
        with self._httpd.log_lock:
            return list(self._httpd.response_log)

    @property
    def requests(self) -> list[str]:
        """Snapshot of the requested paths (path + query, in arrival order)."""
        if self._httpd is None:
            return []
        with self._httpd.log_lock:
            return list(self._httpd.request_log)

    def clear_requests(self) -> None:
        """Forget the requests recorded so far (e.g. between two crawls)."""
        if self._httpd is not None:
            with self._httpd.log_lock:
                self._httpd.request_log.clear()
                self._httpd.response_log.clear()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    """Serve the demo site until Ctrl-C; first stdout line is the base URL."""
    parser = argparse.ArgumentParser(description="Serve the Harbour Gazette demo site.")
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port (default 0: pick a free one)")
    parser.add_argument("--root", type=Path, default=SITE_DIR, help="site folder to serve")
    args = parser.parse_args(argv)
    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    # Shells start background jobs with SIGINT ignored; re-arm it so `kill -INT`
    # works from a Makefile, and treat SIGTERM the same way (clean socket close).
    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    server = DemoServer(root=args.root, host=args.host, port=args.port).start()
    print(server.base_url, flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
