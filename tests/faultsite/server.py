"""A programmatic news site on 127.0.0.1 that misbehaves the way real ones do.

Crawl tests need more than well-formed pages: transient 5xx and 429 answers with
``Retry-After``, charsets that lie, PDFs and videos behind article-looking links, empty and
binary bodies, a 25 MB page, a page that never answers in time, a connection dropped without a
response, redirect loops, calendar and query-string traps that never end, tracking parameters,
AMP and print duplicates, robots.txt rules, off-site links, and archive sitemaps and feed entries
that a crawl limited to recent news should not even request. ``FaultSite`` serves all of that
from Python (no files), records every request so tests can assert what the crawler did and did
not fetch, and keeps per-path state (how often a flaky page has been asked for) that is reset on
every ``start()``. What a correct crawl yields is written down in ``truth.py``.

Run ``python -m tests.faultsite.server [--port N]`` to browse it; the first stdout line is the
base URL.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import re
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

from scraper.demo.loopback import LoopbackServer
from tests.faultsite import pages
from tests.faultsite.stories import ALL_STORIES, AUTHOR_SLUGS, BUDGET, CAFE, CHOIR, FERRY, PIER_PRICES, QUOTA, STORM

HTML = "text/html; charset=utf-8"
PLAIN = "text/plain; charset=utf-8"
XML = "application/xml; charset=utf-8"

HUGE_BYTES = 25 * 1024 * 1024
"""Size of ``/news/huge.html``: above Scrapy's ``DOWNLOAD_MAXSIZE`` (20 MiB) and our 15 MB cap."""

SLOW_SECONDS = 5.0
"""How long ``/news/slow.html`` waits before answering; tests run with ``DOWNLOAD_TIMEOUT=2``."""

FLAKY: dict[str, tuple[tuple[int, dict[str, str]], ...]] = {
    STORM.path: ((503, {"Retry-After": "2"}),),
    QUOTA.path: ((429, {"Retry-After": "1"}), (429, {"Retry-After": "1"})),
    CHOIR.path: ((500, {}),),
}
"""Failures a path answers with, in order, before it answers 200 (counted per path, any query)."""

Headers = dict[str, str]
RequestRecord = tuple[str, str, Headers]
"""``(method, path_with_query, headers)`` as the request arrived."""


@dataclass(slots=True)
class Reply:
    """What the handler should do for one request; routes build these, the handler sends them.

    Besides an ordinary response a reply can stream its body (``chunks``/``length``), send only
    the first ``send_bytes`` of a body whose full length it announced, wait ``delay`` seconds
    first, or ``drop`` the connection without answering at all.
    """

    status: int = 200
    body: bytes = b""
    content_type: str | None = HTML
    headers: Headers = field(default_factory=dict)
    compressible: bool = False  # gzip it when the client accepts gzip, like most real servers
    chunks: Callable[[], Iterator[bytes]] | None = None
    length: int | None = None  # Content-Length of a streamed body
    send_bytes: int | None = None  # announce len(body), send only this many, then close
    delay: float = 0.0
    drop: bool = False


def html(text: str, status: int = 200, **kwargs: Any) -> Reply:
    """An ordinary UTF-8 HTML page (compressible)."""
    return Reply(status, text.encode("utf-8"), HTML, compressible=True, **kwargs)


def redirect(status: int, location: str) -> Reply:
    """A redirect with a tiny body, as servers send."""
    return Reply(status, b"Moved", PLAIN, {"Location": location})


def not_found() -> Reply:
    """The site's 404 page."""
    return html(pages.error_page(404, "Page not found"), 404)


@dataclass(slots=True)
class Request:
    """The parts of a request routes look at."""

    method: str
    path: str  # without ``;params`` and query
    query: dict[str, list[str]]
    headers: Headers


Route = Callable[["FaultSite", Request], Reply]


# --- routes ------------------------------------------------------------------------------------


def _story(site: FaultSite, req: Request) -> Reply:
    """Article pages, including the flaky ones, the lying charsets, the slow one and the print view."""
    story = ALL_STORIES[req.path]
    failures = FLAKY.get(req.path, ())
    if failures:
        attempt = site.hit(req.path)
        if attempt < len(failures):
            status, headers = failures[attempt]
            return html(pages.error_page(status, "Temporarily unavailable"), status, headers=headers)
    base = site.base_url
    if story is FERRY and req.query.get("print") == ["1"]:
        return html(pages.print_article(story, base))
    text = pages.article_page(story, base)
    if story is CAFE:  # cp1252 bytes, the server says UTF-8 (the page's own meta says windows-1252)
        return Reply(200, text.encode("cp1252", "xmlcharrefreplace"), HTML, compressible=True)
    if story is BUDGET:  # UTF-8 bytes, the server says Latin-1 (the page's own meta says utf-8)
        return Reply(200, text.encode("utf-8"), "text/html; charset=iso-8859-1", compressible=True)
    if story is PIER_PRICES:
        return html(text, delay=site.slow_seconds)
    if req.path == "/news/truncated.html":  # a complete HTTP response of an incomplete page
        return Reply(200, text.encode("utf-8"), HTML)
    return html(text)


def _section_news(site: FaultSite, req: Request) -> Reply:
    raw = req.query.get("page", ["1"])[-1]
    if not raw.isdigit() or int(raw) not in pages.NEWS_PAGES:
        return not_found()
    return html(pages.section_news(site.base_url, int(raw)))


def _redirect_chain(site: FaultSite, req: Request) -> Reply:
    raw = req.query.get("hop", ["0"])[-1]
    hop = int(raw) if raw.isdigit() else 0
    return redirect(302, f"/news/redirect-chain?hop={hop + 1}")


def _partial(site: FaultSite, req: Request) -> Reply:
    body = pages.results_page(site.base_url).encode("utf-8")
    return Reply(200, body, HTML, send_bytes=len(body) * 2 // 5)


def _huge(site: FaultSite, req: Request) -> Reply:
    size = site.huge_bytes
    return Reply(200, content_type=HTML, chunks=lambda: pages.huge_chunks("The harbour review in full", size),
                 length=size)  # fmt: skip


ROUTES: dict[str, Route] = {
    "/": lambda site, req: html(pages.home_page(site.base_url, site.port)),
    "/robots.txt": lambda site, req: Reply(200, pages.robots_txt(site.base_url).encode(), PLAIN),
    "/sitemap_index.xml": lambda site, req: Reply(200, pages.sitemap_index(site.base_url).encode(), XML),
    "/sitemaps/news.xml": lambda site, req: Reply(200, pages.news_sitemap(site.base_url).encode(), XML),
    "/sitemaps/2026-11.xml.gz": lambda site, req: Reply(
        200, pages.november_sitemap_gz(site.base_url), "application/x-gzip"
    ),
    **{
        path: (lambda site, req: Reply(200, pages.archive_sitemap(site.base_url, req.path).encode(), XML))
        for path in pages.ARCHIVE_SITEMAPS
    },
    "/feed.xml": lambda site, req: Reply(
        200, pages.rss_feed(site.base_url).encode(), "application/rss+xml; charset=utf-8", compressible=True
    ),
    "/atom.xml": lambda site, req: Reply(200, pages.atom_feed(site.base_url).encode(), "application/atom+xml"),
    "/section/news/": _section_news,
    "/section/business/": lambda site, req: html(pages.section_business(site.base_url)),
    "/about/": lambda site, req: html(pages.about_page()),
    "/static/site.css": lambda site, req: Reply(200, pages.STYLESHEET.encode(), "text/css"),
    pages.AMP_PATH: lambda site, req: html(pages.amp_article(FERRY, site.base_url)),
    pages.OLD_REDIRECT_PATH: lambda site, req: redirect(301, f"{site.base_url}/news/library-reopens-after-flood.html"),
    **dict.fromkeys(ALL_STORIES, _story),
    # Not HTML behind links that look like pages.
    "/files/report.pdf": lambda site, req: Reply(200, pages.pdf_bytes(), "application/pdf"),
    "/news/annual-report": lambda site, req: Reply(
        200, pages.pdf_bytes(), "application/pdf", {"Content-Disposition": 'attachment; filename="accounts.pdf"'}
    ),
    "/media/clip.mp4": lambda site, req: Reply(200, pages.mp4_bytes(), "video/mp4", {"Accept-Ranges": "bytes"}),
    "/img/photo.jpg": lambda site, req: Reply(200, pages.jpeg_bytes(), "image/jpeg"),
    # Broken bodies.
    "/news/empty.html": lambda site, req: Reply(200, b"", HTML),
    "/news/binary.html": lambda site, req: Reply(200, pages.binary_noise(), HTML),
    "/news/huge.html": _huge,
    "/news/partial.html": _partial,
    # Status codes and transport faults.
    "/news/gone.html": lambda site, req: html(pages.error_page(410, "This story has been removed"), 410),
    "/news/missing.html": lambda site, req: not_found(),
    "/news/drop.html": lambda site, req: Reply(drop=True),
    "/news/redirect-loop": lambda site, req: redirect(302, "/news/redirect-loop"),
    "/news/redirect-chain": _redirect_chain,
}
"""Exact paths (after ``;params`` are stripped); everything else goes through ``_dynamic``."""

_ARCHIVE_DAY = re.compile(r"/archive/(\d{4})/(\d{2})/(\d{2})/")
_ARCHIVE_MONTH = re.compile(r"/archive/(\d{4})/(\d{2})/")
_AUTHOR = re.compile(r"/author/([a-z]+)/")
_TAG = re.compile(r"/tag/([a-z0-9-]+)/")


def _dynamic(site: FaultSite, req: Request) -> Reply:
    """Generated pages: any archive date (the calendar trap), search, authors, tags."""
    if m := _ARCHIVE_DAY.fullmatch(req.path):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return not_found()
        return html(pages.archive_day(day))
    if m := _ARCHIVE_MONTH.fullmatch(req.path):
        if not 1 <= int(m[2]) <= 12 or int(m[1]) < 1:
            return not_found()
        return html(pages.archive_month(int(m[1]), int(m[2])))
    if req.path == "/search":
        raw_page = req.query.get("page", ["1"])[-1]
        page = min(int(raw_page), 10**6) if raw_page.isdigit() else 1
        query = req.query.get("q", ["news"])[-1][:80]
        return html(pages.search_page(query, req.query.get("sort", ["relevance"])[-1][:20], page))
    if m := _AUTHOR.fullmatch(req.path):
        names = {v: k for k, v in AUTHOR_SLUGS.items()}
        return html(pages.author_page(site.base_url, names[m[1]])) if m[1] in names else not_found()
    if m := _TAG.fullmatch(req.path):
        text = pages.tag_page(m[1])
        return html(text) if text is not None else not_found()
    if not req.path.endswith("/") and (req.path + "/" in ROUTES or req.path.startswith(("/author/", "/tag/"))):
        return redirect(301, req.path + "/")
    return not_found()


# --- HTTP plumbing ----------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    """A ThreadingHTTPServer that knows its ``FaultSite`` and keeps quiet about client hang-ups."""

    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], site: FaultSite) -> None:
        self.site = site
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients hanging up (timeouts, cancelled 25 MB downloads) are expected, not errors."""
        exc = sys.exc_info()[1]
        if not isinstance(exc, OSError):
            self.site.errors.append(f"{client_address}: {exc!r}")


class _Handler(BaseHTTPRequestHandler):
    """Records every request, asks the routes for a ``Reply`` and carries it out."""

    server: _Server
    protocol_version = "HTTP/1.1"  # keep-alive, like real servers (and Scrapy's HTTP/1.1 client)
    server_version = "KestrelCMS/3.2"
    timeout = 120  # an idle keep-alive connection does not pin a thread forever (longer than a test crawl)

    def setup(self) -> None:
        super().setup()
        self.server.site._track(self.connection, add=True)

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            super().finish()
        self.server.site._track(self.connection, add=False)

    def do_GET(self) -> None:
        """Serve a page."""
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        """Serve the headers of a page (same status, same Content-Length, no body)."""
        self._respond(send_body=False)

    def do_POST(self) -> None:
        """The site has no forms a crawler should submit."""
        self.server.site._record(self.command, self.path, dict(self.headers.items()))
        self._send(Reply(405, b"Method not allowed", PLAIN, {"Allow": "GET, HEAD"}), send_body=True)

    def log_message(self, format: str, *args: Any) -> None:
        """Silence per-request stderr logging: tests read ``FaultSite.requests`` instead."""

    def _respond(self, *, send_body: bool) -> None:
        site = self.server.site
        headers = dict(self.headers.items())
        site._record(self.command, self.path, headers)
        try:
            reply = site._route(self.command, self.path, headers)
        except Exception as exc:  # a bug in the fixture must not look like a site fault
            site.errors.append(f"{self.command} {self.path}: {exc!r}")
            reply = Reply(500, f"fixture error: {exc!r}".encode(), PLAIN)
        if reply.delay and site._stopping.wait(reply.delay):
            self.close_connection = True  # stop() interrupts the wait: answer nothing
            return
        if reply.drop:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        self._send(reply, send_body=send_body)

    def _send(self, reply: Reply, *, send_body: bool) -> None:
        body = reply.body
        extra = dict(reply.headers)
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "").lower()
        if reply.compressible and accepts_gzip and len(body) > 512:
            body = gzip.compress(body, mtime=0)
            extra["Content-Encoding"] = "gzip"
            extra["Vary"] = "Accept-Encoding"
        length = reply.length if reply.chunks is not None and reply.length is not None else len(body)
        try:
            self.send_response(reply.status)
            if reply.content_type:
                self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(length))
            for name, value in extra.items():
                self.send_header(name, value)
            self.end_headers()
            if not send_body:
                return
            if reply.chunks is not None:
                for chunk in reply.chunks():
                    if self.server.site._stopping.is_set():
                        break
                    self.wfile.write(chunk)
            elif reply.send_bytes is not None:
                self.wfile.write(body[: reply.send_bytes])
                self.close_connection = True  # the announced length never arrives
            else:
                self.wfile.write(body)
        except OSError:  # the client gave up (timeout, too large): nothing to report
            self.close_connection = True


class FaultSite:
    """The fault site on a background thread; a context manager.

    ::

        with FaultSite() as site:
            run_crawl(..., "-a", f"url={site.base_url}/")
            assert site.count("/private/") == 0

    ``requests`` lists ``(method, path_with_query, headers)`` in arrival order; ``count(prefix)``
    counts requests whose path-with-query starts with ``prefix``. Per-path state (the 503/429/500
    sequences) and the request log are reset by every ``start()``, so one instance can serve
    several crawls. ``errors`` collects exceptions raised by the fixture itself (should stay
    empty). ``slow_seconds`` and ``huge_bytes`` can be lowered for fast unit tests.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        slow_seconds: float = SLOW_SECONDS,
        huge_bytes: int = HUGE_BYTES,
    ) -> None:
        self.host = host
        self.port = port
        self.slow_seconds = slow_seconds
        self.huge_bytes = huge_bytes
        self.errors: list[str] = []
        self._lock = threading.Lock()
        self._log: list[RequestRecord] = []
        self._times: list[float] = []  # time.monotonic() of each request in _log
        self._hits: Counter[str] = Counter()
        self._connections: set[socket.socket] = set()
        self._stopping = threading.Event()
        self._server = LoopbackServer(lambda address: _Server(address, self), host=host, port=port, name="faultsite")

    # --- lifecycle ---

    def start(self) -> Self:
        """Bind (port 0 = any free port), reset all state, serve on a daemon thread."""
        if self._server.running:
            raise RuntimeError("FaultSite already started")
        with self._lock:
            self._log.clear()
            self._times.clear()
            self._hits.clear()
            self.errors.clear()
        self._stopping = threading.Event()
        self._server.start()
        self.port = self._server.port
        return self

    def stop(self) -> None:
        """Stop serving: wake sleeping handlers, close open connections and the socket (idempotent)."""
        self._stopping.set()
        with self._lock:
            connections = list(self._connections)
        for conn in connections:  # keep-alive connections would otherwise outlive the server
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self._server.stop()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # --- what tests read ---

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (no trailing slash) of the running server."""
        return self._server.base_url

    @property
    def requests(self) -> list[RequestRecord]:
        """A snapshot of ``(method, path_with_query, headers)`` for every request, in arrival order."""
        with self._lock:
            return list(self._log)

    @property
    def paths(self) -> list[str]:
        """Just the path-with-query of every request, in arrival order."""
        with self._lock:
            return [path for _, path, _ in self._log]

    def count(self, path_prefix: str) -> int:
        """How many requests had a path-with-query starting with ``path_prefix``."""
        with self._lock:
            return sum(1 for _, path, _ in self._log if path.startswith(path_prefix))

    def arrivals(self, path: str) -> list[float]:
        """``time.monotonic()`` at each request for exactly ``path`` (query ignored), in order."""
        with self._lock:
            return [t for (_, p, _), t in zip(self._log, self._times, strict=True) if p.split("?", 1)[0] == path]

    def clear_requests(self) -> None:
        """Forget the request log (the per-path fault state is kept; ``start()`` resets both)."""
        with self._lock:
            self._log.clear()
            self._times.clear()

    # --- used by the handler ---

    def hit(self, path: str) -> int:
        """Count a request to ``path``; returns how many came before it (0 for the first)."""
        with self._lock:
            before = self._hits[path]
            self._hits[path] += 1
            return before

    def _record(self, method: str, path: str, headers: Headers) -> None:
        with self._lock:
            self._log.append((method, path, headers))
            self._times.append(time.monotonic())

    def _track(self, conn: socket.socket, *, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    def _route(self, method: str, raw_path: str, headers: Headers) -> Reply:
        parts = urlsplit(raw_path)
        host = headers.get("Host", "").rsplit(":", 1)[0].strip("[]").lower()
        if host and host != self.host:  # an off-site host name that happens to resolve here
            return html(pages.partner_page())
        path = re.sub(r";[^/]*", "", parts.path) or "/"  # ;jsessionid=... path parameters
        req = Request(method, path, parse_qs(parts.query, keep_blank_values=True), headers)
        route = ROUTES.get(path)
        return route(self, req) if route is not None else _dynamic(self, req)


def main(argv: list[str] | None = None) -> int:
    """Serve the fault site until Ctrl-C; the first stdout line is the base URL."""
    parser = argparse.ArgumentParser(description="Serve the fault-injecting test news site.")
    parser.add_argument("--port", type=int, default=0, help="port (default 0: any free port)")
    args = parser.parse_args(argv)
    site = FaultSite(port=args.port).start()
    print(site.base_url, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        site.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
