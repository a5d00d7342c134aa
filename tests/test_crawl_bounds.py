"""End-to-end: a real `scrapy crawl` against sites that try to flood discovery (issue 12).

Four hostile sources and one normal source in one crawl, each site a stdlib server on its own
127.0.0.1 port whose documents are generated per request, never stored: a sitemap index naming
four sitemaps of 50,000 URLs each (200k), a page of 100,000 same-site links, a feed of 100,000
items, and twenty section pages that link one path with 10,000 values of an unknown query
parameter. The crawl must finish with a summary, count every bound it hit, ask each server for
no more than the bounds allow, keep its peak RSS under a generous bound, and still crawl the
normal source. Timings and the RSS figure are printed (run with ``-s``), not asserted.
"""

from __future__ import annotations

import resource
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from scraper.demo.loopback import LoopbackServer
from tests.conftest import run_crawl

pytestmark = pytest.mark.crawl

URL_CAP = 1000  # NEWS_MAX_URLS_PER_SOURCE for this crawl: the default (50,000) would mean 50k fetches
LINK_CAP = 500  # NEWS_MAX_LINKS_PER_PAGE, scraper/settings.py
PATH_CAP = 100  # NEWS_MAX_URLS_PER_PATH, scraper/settings.py
ENTRY_CAP = 50_000  # NEWS_MAX_ENTRIES_PER_DOCUMENT, scraper/settings.py
RSS_BOUND_MB = 600  # the bound for the process tree's largest process

Reply = tuple[int, str, bytes]
HTML = "text/html; charset=utf-8"
XML = "application/xml"


def html(body: str) -> Reply:
    return 200, HTML, f"<html><head><title>t</title></head><body>{body}</body></html>".encode()


class Site:
    """A server on its own port answering ``route(path)``; records every path asked for."""

    def __init__(self, name: str, route: Callable[[str, str], Reply | None]) -> None:
        self.requests: list[str] = []
        lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with lock:
                    site.requests.append(self.path)
                status, ctype, body = route(self.path, site.url) or (404, "text/plain", b"Not Found")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass

            def log_message(self, *args: Any) -> None:
                pass

        self.server = LoopbackServer(lambda address: ThreadingHTTPServer(address, Handler), name=name)
        self.server.start()
        self.url = self.server.base_url

    def asked(self, prefix: str) -> list[str]:
        return [path for path in self.requests if path.startswith(prefix)]


def sitemaps(path: str, base: str) -> Reply | None:
    if path == "/index.xml":
        items = "".join(f"<sitemap><loc>{base}/big-{n}.xml</loc></sitemap>" for n in range(4))
        return (
            200,
            XML,
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>'.encode(),
        )
    if path.startswith("/big-"):
        n = path.removeprefix("/big-").removesuffix(".xml")
        urls = "".join(f"<url><loc>{base}/a/{n}/{i}.html</loc></url>" for i in range(ENTRY_CAP))
        return 200, XML, f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()
    return None


def links(path: str, base: str) -> Reply | None:
    if path == "/":
        return html("".join(f'<a href="/l/{i}.html">{i}</a>' for i in range(100_000)))
    return None


def feed(path: str, base: str) -> Reply | None:
    if path == "/feed.xml":
        items = "".join(f"<item><link>{base}/f/{i}.html</link></item>" for i in range(100_000))
        return (
            200,
            "application/rss+xml",
            f'<rss version="2.0"><channel><title>f</title>{items}</channel></rss>'.encode(),
        )
    return None


def queries(path: str, base: str) -> Reply | None:
    if path == "/":
        return html("".join(f'<a href="/section/{k}/">s{k}</a>' for k in range(20)))
    if path.startswith("/section/"):
        k = int(path.split("/")[2])
        return html("".join(f'<a href="/story?v={k * 500 + j}">v</a>' for j in range(500)))
    return None


def good(path: str, base: str) -> Reply | None:
    return {"/": html('<a href="/a.html">a</a>'), "/a.html": html("<p>a</p>")}.get(path)


@pytest.fixture
def hostile() -> Iterator[dict[str, Site]]:
    routes = {"sitemaps": sitemaps, "links": links, "feed": feed, "queries": queries, "good": good}
    made = {name: Site(name, route) for name, route in routes.items()}
    yield made
    for site in made.values():
        site.server.stop()


def test_hostile_discovery_is_bounded_and_the_normal_source_still_crawled(
    tmp_path: Path, hostile: dict[str, Site]
) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[source]]\nname = "sitemaps"\nsitemaps = ["{hostile["sitemaps"].url}/index.xml"]\n'
        f'[[source]]\nname = "links"\nurls = ["{hostile["links"].url}/"]\n'
        f'[[source]]\nname = "feed"\nfeeds = ["{hostile["feed"].url}/feed.xml"]\n'
        f'[[source]]\nname = "queries"\nurls = ["{hostile["queries"].url}/"]\n'
        f'[[source]]\nname = "good"\nurls = ["{hostile["good"].url}/"]\n',
        "utf-8",
    )
    started = time.monotonic()
    result = run_crawl(tmp_path, "-a", f"sources={sources}", "-s", f"NEWS_MAX_URLS_PER_SOURCE={URL_CAP}",
                       "-s", "RETRY_ENABLED=False", "-s", "LOG_LEVEL=INFO", timeout=600)  # fmt: skip
    wall = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\nhostile crawl: {wall:.1f} s wall, peak RSS {peak_mb:.0f} MB (largest process of the tree)")

    assert result.summary, result.stderr[-3000:]
    limits = {k: v for k, v in result.summary["discovery"].items() if k.startswith("limit/")}
    print("bounds hit:", limits)
    # The sitemap index: 4 sitemaps of 50,000 URLs; the source's budget stops the queue.
    assert limits["limit/urls_per_source"] >= 200_000 - 2 * URL_CAP
    assert len(hostile["sitemaps"].asked("/a/")) <= URL_CAP
    assert len(hostile["feed"].asked("/f/")) <= URL_CAP
    # 100,000 links on one page: 500 taken, the rest of the page not read.
    assert limits["limit/links_per_page"] >= 1
    assert len(hostile["links"].asked("/l/")) == LINK_CAP
    # 100,000 feed items: 50,000 read.
    assert limits["limit/entries_per_document"] >= 1
    # 10,000 values of ?v= on one path: at most the per-path cap fetched.
    assert limits["limit/urls_per_path"] == 10_000 - PATH_CAP
    assert len(hostile["queries"].asked("/story?")) == PATH_CAP
    assert len(hostile["queries"].asked("/section/")) == 20
    # The normal source, beside them, is crawled in full.
    assert {"/", "/a.html"} <= set(hostile["good"].requests)
    assert result.summary["urls"]["unfinished"] == 0
    assert peak_mb < RSS_BOUND_MB
