"""Extraction stage: ``Page`` -> ``Article`` in worker processes, or ``DropItem(reason)``.

Thin on purpose: the work is :func:`scraper.extraction.extract_article` (extraction and
cleaning), run in an :class:`~scraper.workers.ExtractorPool` so a huge page never blocks the
reactor and every core is used. This stage only awaits it, counts the outcome and drops pages
that are not articles with their reason (``news/drop/<reason>``). The pool resolves every page,
so no exception (and with it Scrapy's "Error processing" line holding the whole page body)
leaves this stage; what happened to the workers is copied to ``news/extract/workers/<event>``
(``started``, ``died``, ``retried``, ``timed_out``). Log lines carry the URL and capped details,
never the body.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING, Any, Self

from pipelines.drop import drop
from scraper.config import ConfigError
from scraper.extraction.options import ExtractionOptions
from scraper.extraction.workers import ExtractorPool, default_workers, short
from scraper.items import Page, Rejection

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

TRACEBACK_LOG_CHARS = 4000  # the end of a traceback, where the failing line is; an exception message can hold page text


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
        options = dataclasses.replace(ExtractionOptions.from_settings(settings), sign=True)  # see DedupPipeline
        return cls(crawler, default_workers() if workers == -1 else workers, options)

    def open_spider(self) -> None:
        self.pool = ExtractorPool(self.workers, self.options)

    def close_spider(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self._count_worker_events()
            self.pool = None

    def _count_worker_events(self) -> None:
        stats = self.crawler.stats
        if self.pool is not None and stats is not None:
            for event, count in self.pool.counts.items():
                stats.set_value(f"news/extract/workers/{event}", count)

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, Page):
            return item
        stats = self.crawler.stats
        assert stats is not None
        assert self.pool is not None
        stats.inc_value("news/extract/pages")
        result = await self.pool.extract(item)
        self._count_worker_events()
        if isinstance(result, Rejection):
            url, detail = short(item.final_url), short(result.detail, 300)
            if result.error is not None:  # a bug, not a verdict on the page: counted and logged apart
                stats.inc_value(f"news/extract/error/{result.error}")
                logger.error("Extraction raised on %s (%s):\n%s", url, detail, result.traceback[-TRACEBACK_LOG_CHARS:])
            else:
                logger.debug("Not an article: %s (%s: %s)", url, result.reason, detail)
            if result.verdict:  # the structural page-kind verdict that dropped it, by deciding signal
                stats.inc_value(f"news/pagekind/{result.verdict}")
            drop(stats, result.reason, detail)
        stats.inc_value("news/extract/articles")
        for note in result.notes:  # e.g. news/extract/date/year_only_dropped
            stats.inc_value(f"news/extract/{note}")
        return result
