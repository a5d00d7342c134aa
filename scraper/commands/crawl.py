"""``scrapy crawl`` whose exit status says whether the run failed, for cron and systemd.

Scrapy's own ``crawl`` exits 1 only when the crawler could not start (a bad setting, the crawl
state locked by another run). A scheduled run also fails when it started but could do nothing:
no source answered, or the output file could not be written. Such a run exits 1 here, and the
reason is logged as an error and written in the run summary (``failed``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

if TYPE_CHECKING:
    import argparse

    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

OUTPUT_NOT_WRITABLE = "news/output/not_writable"
"""Stat the output stage sets when it cannot open its file."""


def failure_reason(stats: dict[str, Any]) -> str | None:
    """Why a run that started counts as failed, or None when it did its job.

    "No source reachable" means no response at all that carried a page (2xx) or confirmed one
    (304): every request was refused, timed out or answered with an error status.
    """
    if stats.get(OUTPUT_NOT_WRITABLE):
        return "output_not_writable"
    prefix = "downloader/response_status_count/"
    answered = sum(v for k, v in stats.items() if k.startswith(prefix) and k[len(prefix) :] in _USEFUL)
    if not answered:
        return "no_source_reachable"
    return None


_USEFUL = frozenset({*(str(code) for code in range(200, 300)), "304"})


class Command(ScrapyCrawlCommand):
    """Run a spider; exit status 1 when it could not start or its run failed."""

    def __init__(self) -> None:
        super().__init__()
        self._crawlers: list[Crawler] = []

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        super().run(args, opts)
        if self.exitcode:
            return
        for crawler in self._crawlers:
            reason = failure_reason(crawler.stats.get_stats() if crawler.stats else {})
            if reason is not None:
                logger.error("The run failed: %s", reason)
                self.exitcode = 1

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        crawler = super()._create_crawler(spidercls)
        self._crawlers.append(crawler)
        return crawler
