"""A pool of extraction worker processes, shared by the crawl and ``scraper extract``.

Parsing a large page takes lxml and trafilatura hundreds of milliseconds of pure CPU; done on
Scrapy's reactor thread it would stall every download. Worker processes keep the reactor free
and use every core. ``spawn`` is used rather than ``fork`` because forking a process that runs
a Twisted reactor and threads copies their locks in unknown states.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

from scraper.extraction.article import ExtractionOptions, extract_article
from scraper.items import Article, Page, Rejection


def default_workers() -> int:
    """One worker per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class ExtractorPool:
    """Runs :func:`extract_article` in worker processes (or inline when ``workers == 0``)."""

    def __init__(self, workers: int, options: ExtractionOptions) -> None:
        if workers < 0:
            raise ValueError(f"NEWS_EXTRACT_WORKERS must be >= 0 (0 = inline), got {workers}")
        self.options = options
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None
        if workers:
            self._executor = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))

    def submit(self, page: Page) -> Future[Article | Rejection]:
        """Start extracting one page; the future resolves to an Article or a Rejection."""
        if self._executor is None:
            future: Future[Article | Rejection] = Future()
            future.set_result(extract_article(page, self.options))
            return future
        return self._executor.submit(extract_article, page, self.options)

    async def extract(self, page: Page) -> Article | Rejection:
        """Await one page's extraction from asyncio code (the pipeline stage)."""
        return await asyncio.wrap_future(self.submit(page))

    def close(self) -> None:
        """Stop the workers; pending work is cancelled."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
