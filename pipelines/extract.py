"""Extraction stage: ``Page`` -> ``Article`` in worker processes, or ``DropItem(reason)``.

Thin on purpose: the work is :func:`scraper.extraction.extract_article` (extraction and
cleaning), run in an :class:`~scraper.workers.ExtractorPool` so a huge page never blocks the
reactor and every core is used. This stage only awaits it, counts the outcome and drops pages
that are not articles with their reason (``news/drop/<reason>``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Self

from pipelines.drop import drop
from scraper.config import ConfigError
from scraper.extraction.article import ExtractionOptions
from scraper.extraction.workers import ExtractorPool, default_workers
from scraper.items import Page, Rejection

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class ExtractPipeline:
    """Turns every ``Page`` into an ``Article``; other items pass through untouched."""

    def __init__(self, crawler: Crawler, workers: int, options: ExtractionOptions) -> None:
        self.crawler = crawler
        self.workers = workers
        self.options = options
        self.pool: ExtractorPool | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        workers = settings.getint("NEWS_EXTRACT_WORKERS")
        if workers < -1:
            raise ConfigError(f"NEWS_EXTRACT_WORKERS must be -1 (one per CPU), 0 (inline) or more, got {workers}")
        return cls(crawler, default_workers() if workers == -1 else workers, ExtractionOptions.from_settings(settings))

    def open_spider(self) -> None:
        self.pool = ExtractorPool(self.workers, self.options)

    def close_spider(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, Page):
            return item
        stats = self.crawler.stats
        assert stats is not None
        assert self.pool is not None
        stats.inc_value("news/extract/pages")
        result = await self.pool.extract(item)
        if isinstance(result, Rejection):
            if result.error is not None:  # a bug, not a verdict on the page: counted and logged apart
                stats.inc_value(f"news/extract/error/{result.error}")
                logger.error("Extraction raised on %s (%s):\n%s", item.final_url, result.detail, result.traceback)
            else:
                logger.debug("Not an article: %s (%s: %s)", item.final_url, result.reason, result.detail)
            if result.verdict:  # the structural page-kind verdict that dropped it, by deciding signal
                stats.inc_value(f"news/pagekind/{result.verdict}")
            drop(stats, result.reason, result.detail)
        stats.inc_value("news/extract/articles")
        return result
