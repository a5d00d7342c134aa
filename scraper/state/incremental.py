"""Unchanged known articles are not downloaded again.

``IncrementalFetchMiddleware`` is the downloader middleware that keeps the spider discovery-only:
an article page the state already has is not requested at all when the sitemap/feed date is not
newer than what the state saw (or, with no such date, when it was checked less than
``NEWS_STATE_RECHECK_HOURS`` ago); otherwise the request becomes a conditional GET with the stored
``ETag``/``Last-Modified``, and a ``304 Not Modified`` ends there, with no record.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Self

from scrapy.exceptions import IgnoreRequest, NotConfigured

from scraper.dates import parse_aware
from scraper.state.extension import CrawlStateExtension
from scraper.state.store import Known, stamp, utc_now

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)


class IncrementalFetchMiddleware:
    """Skips article pages the state has, or makes them conditional GETs (304: no record)."""

    def __init__(self, crawler: Crawler, extension: CrawlStateExtension) -> None:
        self.crawler = crawler
        self.extension = extension

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        extension = crawler.get_extension(CrawlStateExtension)
        if extension is None:
            raise NotConfigured("no crawl state (NEWS_STATE_ENABLED is off)")
        return cls(crawler, extension)

    def process_request(self, request: Request) -> None:
        if request.meta.get("news_role") != "page":
            return  # robots.txt, sitemaps, feeds: always fetched, they are how we find changes
        known = self.extension.state.lookup(request.url)
        if known is None:
            return
        stats = self.crawler.stats
        assert stats is not None
        now = datetime.now(UTC)
        if not fetch_due(known, request.meta.get("news_hints") or {}, now, self.extension.recheck):
            self.extension.state.touch(request.url, stamp(now), checked=False)
            stats.inc_value("news/state/skipped_unchanged")
            raise IgnoreRequest(f"unchanged since {known.checked_at}: {request.url}")
        if known.etag:
            request.headers[b"If-None-Match"] = known.etag
        if known.last_modified:
            request.headers[b"If-Modified-Since"] = known.last_modified
        stats.inc_value("news/state/conditional" if known.etag or known.last_modified else "news/state/refetch")

    def process_response(self, request: Request, response: Response) -> Response:
        if request.meta.get("news_role") != "page":
            return response
        if response.status == 304:
            etag = _header(response, b"ETag")
            last_modified = _header(response, b"Last-Modified")
            stats = self.crawler.stats
            assert stats is not None
            stats.inc_value("news/state/not_modified")
            self.extension.state.touch(request.url, utc_now(), checked=True, etag=etag, last_modified=last_modified)
            raise IgnoreRequest(f"not modified: {request.url}")
        return response


def fetch_due(known: Known, hints: dict[str, Any], now: datetime, recheck: timedelta) -> bool:
    """Whether a known article page must be requested again.

    A sitemap ``lastmod`` is the page's own word on when it changed: newer than our last check
    means fetch, otherwise not. A publication date (feeds, news sitemaps) says nothing about
    edits, so it only counts when newer than what we stored; without a newer date the page is
    rechecked once ``recheck`` has passed since it was last confirmed.
    """
    lastmod = parse_aware(hints.get("lastmod"))
    if lastmod is not None:
        return lastmod > (parse_aware(known.checked_at) or now)
    published = parse_aware(hints.get("published"))
    if published is not None and published > (parse_aware(known.published) or published):
        return True
    checked = parse_aware(known.checked_at)
    return checked is None or now - checked >= recheck


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
