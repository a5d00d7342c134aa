"""End-to-end: the small hostile inputs of issue 12 each get a clear, counted outcome.

One site serves them all beside a real article: a gzip bomb and a corrupt gzip file as
sitemaps, a page whose gzip Content-Encoding inflates past ``DOWNLOAD_MAXSIZE``, a page nested
100,000 elements deep, an article with NUL and other control characters in its title and text,
and a link longer than ``URLLENGTH_LIMIT``. The crawl must finish without a traceback, emit the
article, count every fault with its reason, and leave no URL unfinished.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_crawl
from tests.test_crawl_hostile import Reply, Site, page, text

pytestmark = pytest.mark.crawl

SENTENCES = " ".join(f"The harbour board met for the {n}th time and agreed the budget for the pier." for n in range(30))
ARTICLE = (
    "<html><head><title>Pier budget\x00 agreed\x01</title>"
    "<meta property='og:type' content='article'></head><body><article><h1>Pier budget\x00 agreed</h1>"
    f"<p>{SENTENCES}\x00</p><p>{SENTENCES.replace('pier', 'quay')}\x0b</p></article></body></html>"
)


def gzip_bomb(size: int) -> bytes:
    """``size`` bytes of zeros, gzip-compressed (about 1,000 times smaller)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1 << 20)
    parts = [compressor.compress(chunk) for _ in range(size >> 20)]
    return b"".join(parts) + compressor.flush()


@pytest.fixture
def site() -> Iterator[Site]:
    made = Site("inputs")
    made.routes["/robots.txt"] = text(f"User-agent: *\nAllow: /\nSitemap: {made.url}/bomb.xml.gz\n"
                                      f"Sitemap: {made.url}/corrupt.xml.gz\n")  # fmt: skip
    made.routes["/bomb.xml.gz"] = Reply(200, gzip_bomb(200 << 20), {"Content-Type": "application/x-gzip"})
    made.routes["/corrupt.xml.gz"] = Reply(
        200, gzip.compress(b"<urlset>" * 1000)[:200] + b"\xff" * 500, {"Content-Type": "application/x-gzip"}
    )
    long_link = "/news/" + "x" * 3000 + ".html"
    made.routes["/"] = page("Inputs", ["/news/pier-budget-agreed.html", "/bomb.html", "/deep.html", long_link])
    made.routes["/news/pier-budget-agreed.html"] = Reply(
        200, ARTICLE.encode(), {"Content-Type": "text/html; charset=utf-8"}
    )
    made.routes["/bomb.html"] = Reply(
        200, gzip_bomb(64 << 20), {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    )
    deep = "<div>" * 100_000 + "deep" + "</div>" * 100_000
    made.routes["/deep.html"] = Reply(200, f"<html><body>{deep}</body></html>".encode(), {"Content-Type": "text/html"})
    yield made
    made.stop()


@pytest.mark.parametrize("limit", [[], ["-a", "max_articles=5"]], ids=["no_limit", "max_articles"])
def test_small_hostile_inputs_each_get_a_counted_outcome(tmp_path: Path, site: Site, limit: list[str]) -> None:
    """With max_articles too: its gate sits after Scrapy's URL-length and depth checks."""
    result = run_crawl(tmp_path, "-a", f"url={site.url}/", "-s", "RETRY_ENABLED=False", *limit, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-5000:]
    summary = result.summary
    print({k: summary.get(k) for k in ("drops", "fetch_errors", "responses", "not_requested", "urls")})
    # The article with NUL and control characters is a page, not a binary file; they are removed.
    assert [r["title"] for r in result.records] == ["Pier budget agreed"]
    assert not any(ch in result.records[0]["text"] for ch in "\x00\x01\x0b")
    # The gzip sitemaps: the bomb cut at NEWS_MAX_DISCOVERY_BYTES, both unreadable, both counted.
    assert summary["discovery"]["limit/document_bytes"] == 1
    assert summary["responses"]["sitemap_unreadable"] == 2
    # The page that inflates past DOWNLOAD_MAXSIZE: a fetch error named for its size.
    assert summary["fetch_errors"] == {"too_large": 1}
    assert "discovery" not in summary or "ignored" not in summary["discovery"]
    # The 3,000-character link: never requested, counted.
    assert summary["not_requested"]["url_too_long"] == 1
    assert not [p for p in site.requests if len(p) > 2000]
    # The 100,000-deep page: parsed and judged, not a crash.
    assert site.requests.count("/deep.html") == 1
    assert sum(summary["drops"].values()) == 1
    assert summary["errors"] == {}
    assert summary["urls"]["unfinished"] == 0
