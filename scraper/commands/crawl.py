"""``scrapy crawl`` whose exit status says whether the run failed, for cron and systemd.

Scrapy's own ``crawl`` exits 1 only when the crawler could not start (a bad setting, the crawl
state locked by another run). A scheduled run also fails when it started but could do nothing:
no source answered, or the output file could not be written. Such a run exits 1 here, and the
reason is logged as an error and written in the run summary (``failed``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

from scraper.summary import failure_reason

if TYPE_CHECKING:
    import argparse

    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


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
