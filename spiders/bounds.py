"""Bounds on what one source may put into the crawl, so a hostile site cannot exhaust memory.

A sitemap index of 500k URLs, a page of a million same-site links or ten thousand values of one
query parameter each turned into as many queued requests (about 3 KB each in Scrapy's memory
queue). :class:`DiscoveryBudget` is asked before a discovered URL becomes a request: each source
may queue at most ``NEWS_MAX_URLS_PER_SOURCE`` distinct URLs, and each path of a source at most
``NEWS_MAX_URLS_PER_PATH`` distinct query strings. What it refuses is counted by its reason
(``news/discovery/limit/...``), so the run summary says a bound was hit. Its own memory is
bounded by the same caps: it remembers only what it admitted.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from enum import StrEnum
from urllib.parse import urlsplit

LIMIT_PREFIX = "news/discovery/limit/"
"""Stats prefix of every bound hit; the run summary lists them under ``discovery``."""


class Limit(StrEnum):
    """Which bound refused something (the stat is ``LIMIT_PREFIX + value``)."""

    URLS_PER_SOURCE = "urls_per_source"  # a discovered URL past NEWS_MAX_URLS_PER_SOURCE
    URLS_PER_PATH = "urls_per_path"  # a query string past NEWS_MAX_URLS_PER_PATH for its path
    ENTRIES_PER_DOCUMENT = "entries_per_document"  # a sitemap/feed past NEWS_MAX_ENTRIES_PER_DOCUMENT
    LINKS_PER_PAGE = "links_per_page"  # a page with more than NEWS_MAX_LINKS_PER_PAGE links to follow
    DOCUMENT_BYTES = "document_bytes"  # a sitemap/feed cut at NEWS_MAX_DISCOVERY_BYTES


class DiscoveryBudget:
    """Per source: which URLs were admitted, and which query strings each path has had."""

    def __init__(self, max_urls_per_source: int, max_urls_per_path: int) -> None:
        self.max_urls_per_source = max_urls_per_source
        self.max_urls_per_path = max_urls_per_path
        self._urls: defaultdict[str, set[str]] = defaultdict(set)
        self._queries: defaultdict[tuple[str, str], set[str]] = defaultdict(set)

    def admit(self, source: str, url: str, *, per_path: bool = True) -> Limit | None:
        """None when ``url`` may be requested (remembered as admitted), else the bound it hits.

        A URL admitted before is admitted again without using the budget: the scheduler's
        duplicate filter drops it, as it always did. ``per_path=False`` skips the query-string
        bound: for sitemap and feed entries, URLs the site lists on purpose (``article.php?id=N``).
        """
        admitted = self._urls[source]
        if url in admitted:
            return None
        if self.max_urls_per_source and len(admitted) >= self.max_urls_per_source:
            return Limit.URLS_PER_SOURCE
        parts = urlsplit(url)
        queries = self._queries[(source, f"{parts.scheme}://{parts.netloc}{parts.path}")]
        if (
            per_path
            and self.max_urls_per_path
            and parts.query not in queries
            and len(queries) >= self.max_urls_per_path
        ):
            return Limit.URLS_PER_PATH
        queries.add(parts.query)
        admitted.add(url)
        return None


def cap_document(body: bytes, max_bytes: int) -> tuple[bytes, bool]:
    """At most ``max_bytes`` of a sitemap or feed (gunzipped when gzip), and whether it was cut.

    A gzip body is decompressed only up to the cap, so a compression bomb costs ``max_bytes``, not
    its full size. Parsers that recover from broken XML (lxml's, feedparser's) still read the
    entries before the cut. Raises ``zlib.error`` for a corrupt gzip stream.
    """
    limit = max_bytes or None
    if body[:2] == b"\x1f\x8b":
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        data = inflater.decompress(body, limit or 0)
        cut = bool(inflater.unconsumed_tail) or (limit is not None and len(data) >= limit and not inflater.eof)
        return data, cut
    if limit is not None and len(body) > limit:
        return body[:limit], True
    return body, False
