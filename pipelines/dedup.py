"""De-duplication stage: one record per canonical URL and per cleaned text, within a run.

Request-level duplicates are Scrapy's dupefilter's job; these are the ones it cannot see: the
same article reached under two URLs (a redirect, a print or AMP variant that names the same
canonical URL) and the same text under different canonical URLs (syndication). The state is
explicit and lives on this component, created by ``from_crawler`` and gone with the crawl.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from scrapy.exceptions import DropItem

from scraper.items import Article, DropReason

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class DedupPipeline:
    """Drops an article whose canonical URL or content hash was already emitted."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.urls: dict[str, str] = {}  # canonical URL -> the URL first emitted for it
        self.hashes: dict[str, str] = {}  # content hash -> the canonical URL first emitted

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        assert self.crawler.stats is not None
        if item.canonical_url in self.urls:
            self.crawler.stats.inc_value(f"news/drop/{DropReason.DUPLICATE_URL}")
            raise DropItem(f"{DropReason.DUPLICATE_URL}: {item.canonical_url}")
        if item.content_hash in self.hashes:
            self.crawler.stats.inc_value(f"news/drop/{DropReason.DUPLICATE_CONTENT}")
            raise DropItem(f"{DropReason.DUPLICATE_CONTENT}: same text as {self.hashes[item.content_hash]}")
        self.urls[item.canonical_url] = item.url
        self.hashes[item.content_hash] = item.canonical_url
        return item
