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

from scrapy import signals

from pipelines.drop import drop
from scraper.config import ConfigError
from scraper.extraction.article import ExtractionOptions
from scraper.extraction.workers import ExtractorPool, default_workers, short
from scraper.items import Page, Rejection

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

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
        return cls(crawler, *pool_settings(crawler.settings))

    def open_spider(self) -> None:
        early = self.crawler.get_extension(EarlyWorkers)
        self.pool = early.take(self.workers, self.options) if early is not None else None
        if self.pool is None:
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
        return result


def pool_settings(settings: BaseSettings) -> tuple[int, ExtractionOptions]:
    """The number of extraction workers and their options, from the settings."""
    workers = settings.getint("NEWS_EXTRACT_WORKERS")
    if workers < -1:
        raise ConfigError(f"NEWS_EXTRACT_WORKERS must be -1 (one per CPU), 0 (inline) or more, got {workers}")
    options = dataclasses.replace(ExtractionOptions.from_settings(settings), sign=True)  # see DedupPipeline
    return (default_workers() if workers == -1 else workers), options


class EarlyWorkers:
    """Extension: start the extraction workers as a crawl starts, for the extraction stage to take.

    A worker spends about 0.3 s of CPU importing lxml and trafilatura before its first page. Started
    when the stage opens, at the end of Scrapy's start-up, the workers were still importing when
    the first pages arrived (on a loaded 2-core machine, 1.7 s of pages waiting). Scrapy builds the
    extensions about 0.5 to 0.9 s earlier, before its engine (downloader handlers, middlewares,
    pipelines), while the crawl process uses one core: the workers' imports overlap that.

    Only for a crawl being started: Scrapy creates a crawl's spider before its extensions, so a
    crawler built without one (``get_crawler`` in tests, tools) starts no process. A pool the stage
    does not take (another pool size, or the crawl failed to open) is closed when the engine stops,
    or killed at exit (``scraper.extraction.workers``).
    """

    def __init__(self, crawler: Crawler) -> None:
        self.pool: ExtractorPool | None = None
        if crawler.spider is None:
            return
        workers, options = pool_settings(crawler.settings)
        if workers:
            self.pool = ExtractorPool(workers, options)
            crawler.signals.connect(self.close, signal=signals.engine_stopped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def take(self, workers: int, options: ExtractionOptions) -> ExtractorPool | None:
        """The started pool, if it has this size and options (then it is the caller's to close)."""
        pool, self.pool = self.pool, None
        if pool is not None and (pool.workers, pool.options) != (workers, options):
            pool.close()
            return None
        return pool

    def close(self) -> None:
        """Close a pool nobody took."""
        if self.pool is not None:
            self.pool.close()
            self.pool = None
