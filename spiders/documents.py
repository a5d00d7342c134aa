"""The spider's callbacks for robots.txt, sitemaps and feeds: the documents that list URLs.

A sitemap or feed can be as large as a hostile site likes. So each is cut to
``NEWS_MAX_DISCOVERY_BYTES`` first (a gzip sitemap decompressed no further), at most
``NEWS_MAX_ENTRIES_PER_DOCUMENT`` entries are read, and the parsing runs on a worker thread
(``asyncio.to_thread``), not on the reactor: measured on this project's test machine, lxml took
6.6 s for a 200k-URL sitemap and feedparser 16-60 s for a 2-10 MB feed, time in which no other
source would get a request. The requests are yielded one at a time from an async generator into
Scrapy's scheduler, and every discovered URL passes the spider's per-source budget first.
"""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import urljoin

import scrapy
from scrapy.http import Response, TextResponse

from scraper.dates import parse_date
from spiders.bounds import Limit, cap_document
from spiders.discovery import Entry, parse_feed, parse_sitemap, sitemaps_from_robots, url_date_span
from spiders.sources import Source

T = TypeVar("T")


class DocumentCallbacks:
    """Mixed into ``NewsSpider``: robots.txt, sitemap and feed callbacks (see module docstring)."""

    crawler: Any
    logger: Any
    since: datetime | None
    max_document_bytes: int
    max_entries: int

    # NewsSpider's, used here:
    _request: Callable[..., scrapy.Request]
    _admit: Callable[..., bool]  # (url, source, *, per_path) -> whether the budget takes it
    _limit_hit: Callable[[Limit, Source, str], None]
    parse_page: Callable[..., Any]

    def parse_robots(self, response: Response, source: Source) -> Iterator[scrapy.Request]:
        """Sitemaps listed in robots.txt, else the conventional ``/sitemap.xml``."""
        text = response.text if isinstance(response, TextResponse) else response.body.decode("utf-8", "replace")
        self.crawler.stats.inc_value("news/response/robots")
        sitemaps = sitemaps_from_robots(text, response.url) if response.status == 200 else []
        if not sitemaps:
            sitemaps = [urljoin(response.url, "/sitemap.xml")]
        for url in sitemaps:
            if source.allows(url):
                yield self._request(url, self.parse_sitemap, source, "sitemap", quiet_errors=True)

    def _document(self, response: Response, source: Source) -> bytes | None:
        """The body to parse, cut at ``NEWS_MAX_DISCOVERY_BYTES``; None for a corrupt gzip."""
        try:
            body, cut = cap_document(response.body, self.max_document_bytes)
        except zlib.error:
            return None
        if cut:
            self._limit_hit(Limit.DOCUMENT_BYTES, source, response.url)
        return body

    async def _parsed(
        self, response: Response, source: Source, kind: str, parse: Callable[[bytes], T | None]
    ) -> T | None:
        """A sitemap's or feed's body cut to size and parsed off the reactor; None, counted, when there is none.

        A non-200 answer is ``news/response/<kind>_<status>``; a body that does not parse (corrupt
        gzip, a bomb cut short, not that kind of document) is ``<kind>_unreadable`` and
        ``news/discovery/bad_<kind>``: handled either way, so no URL is left unfinished.
        """
        stats = self.crawler.stats
        if response.status != 200:
            stats.inc_value(f"news/response/{kind}_{response.status}")
            return None
        body = self._document(response, source)
        parsed = await asyncio.to_thread(parse, body) if body is not None else None
        if parsed is None:
            stats.inc_value(f"news/discovery/bad_{kind}")
            stats.inc_value(f"news/response/{kind}_unreadable")
            self.logger.warning("Not a %s: %s; nothing followed from it", kind, response.url)
            return None
        stats.inc_value(f"news/response/{kind}")
        return parsed

    async def parse_sitemap(self, response: Response, source: Source) -> AsyncIterator[scrapy.Request]:
        """Follow a sitemap index; request the pages of a urlset (news sitemaps give hints)."""
        stats = self.crawler.stats
        sitemap = await self._parsed(response, source, "sitemap", lambda body: parse_sitemap(body, self.max_entries))
        if sitemap is None:
            return
        if sitemap.truncated:
            self._limit_hit(Limit.ENTRIES_PER_DOCUMENT, source, response.url)
        for entry in sitemap.entries:
            if not source.allows(entry.url):
                stats.inc_value("news/discovery/offsite_skipped")
            elif sitemap.is_index and self._too_old(entry.lastmod, entry.url):
                stats.inc_value("news/discovery/old_sitemap_skipped")
            elif sitemap.is_index:
                if self._admit(entry.url, source, per_path=False):
                    yield self._request(entry.url, self.parse_sitemap, source, "sitemap")
            elif self._too_old(entry.published or entry.lastmod, entry.url):
                stats.inc_value("news/discovery/outside_window")
            elif self._admit(entry.url, source, per_path=False):
                yield self._page_request(entry, source, "news_sitemap" if sitemap.is_news else "sitemap_entry")

    async def parse_feed(self, response: Response, source: Source) -> AsyncIterator[scrapy.Request]:
        """Request every article a feed lists, with the feed's title and date as hints."""
        stats = self.crawler.stats
        entries = await self._parsed(response, source, "feed", lambda body: parse_feed(body, response.url))
        if entries is None:
            return
        if self.max_entries and len(entries) > self.max_entries:
            self._limit_hit(Limit.ENTRIES_PER_DOCUMENT, source, response.url)
            del entries[self.max_entries :]
        for entry in entries:
            if not source.allows(entry.url):
                stats.inc_value("news/discovery/offsite_skipped")
            elif self._too_old(entry.published, entry.url):
                stats.inc_value("news/discovery/outside_window")
            elif self._admit(entry.url, source, per_path=False):
                yield self._page_request(entry, source, "feed_entry")

    def _too_old(self, value: str | None, url: str) -> bool:
        """Whether a sitemap/feed date, else a date in the URL's path, is older than the window.

        With neither, the URL is fetched and the page's own date decides.
        """
        if self.since is None:
            return False
        when = parse_date(value) if value else None
        if when is None:
            span = url_date_span(url)
            return span is not None and span[1] < self.since.date()
        when = when if when.tzinfo else when.replace(tzinfo=UTC)
        return when < self.since

    def _page_request(self, entry: Entry, source: Source, via: str) -> scrapy.Request:
        pairs = (("title", entry.title), ("published", entry.published), ("lastmod", entry.lastmod))
        hints = {k: v for k, v in pairs if v}  # lastmod: the crawl state's word on "changed since"
        depth = 1 if source.crawls_whole_site() else None  # as if linked from the home page
        return self._request(entry.url, self.parse_page, source, via, hints=hints, priority=10, link_depth=depth)
