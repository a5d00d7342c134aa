"""``scrapy crawl`` whose exit status says whether the run failed, for cron and systemd.

Scrapy's own ``crawl`` exits 1 only when the crawler could not start (a bad setting, the crawl
state locked by another run). A scheduled run also fails when it started but could do nothing:
no source answered, or the output file could not be written. Such a run exits 1 here, and the
reason is logged as an error and written in the run summary (``failed``).
"""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import TYPE_CHECKING, Any

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError
from twisted.internet.defer import Deferred

from scraper.config import ConfigError
from scraper.state.store import StateLocked
from scraper.summary import failure_reason

if TYPE_CHECKING:
    import argparse

    from scrapy import Spider
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)


class Command(ScrapyCrawlCommand):
    """Run a spider; a clear line and exit status 2 on bad input, 1 when the run failed."""

    def __init__(self) -> None:
        super().__init__()
        self._crawlers: list[Crawler] = []
        self._start_error: BaseException | None = None
        self._notes: list[str] = []

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        """Scrapy's options, then: ``-O`` with the crawl state appends instead of truncating.

        With the state on, a run writes only what is new or changed: ``-O out.jsonl`` would empty
        the user's file on a run that found nothing new. The feed is appended to instead (as ``-o``
        does), with a warning that says so.
        """
        super().process_options(args, opts)
        assert self.settings is not None
        if not self.settings.getbool("NEWS_STATE_ENABLED"):
            return
        feeds = self.settings.getdict("FEEDS")
        appended: dict[str, Any] = {}
        for uri, options in feeds.items():
            if options.get("overwrite") and _appendable(uri, options):
                appended[uri] = {**options, "overwrite": False}
                self._notes.append(
                    f"-O {uri}: appending instead of overwriting, since with the crawl state a run writes only "
                    "new or changed articles (NEWS_STATE_ENABLED=False to overwrite)"
                )
            elif options.get("overwrite"):  # a JSON array, CSV or remote feed cannot be appended to safely
                self._notes.append(
                    f"-O {uri}: overwritten; with the crawl state it holds only this run's new or changed "
                    "articles (use a local .jsonl feed to keep earlier runs' records)"
                )
        if appended:
            self.settings.set("FEEDS", {**feeds, **appended}, priority="cmdline")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        for note in self._notes:
            logger.warning("%s", note)
        if len(args) != 1:
            raise UsageError("give exactly one spider name")
        assert self.crawler_process is not None
        try:
            crawler = self._create_crawler(args[0])
        except KeyError as exc:  # Scrapy's spider loader: no spider of that name
            print(f"error: {exc.args[0] if exc.args else exc}", file=sys.stderr)
            self.exitcode = 2
            return
        started = self.crawler_process.crawl(crawler, **opts.spargs)
        if isinstance(started, asyncio.Future):
            started.add_done_callback(self._started)
        elif isinstance(started, Deferred):  # the Twisted-only CrawlerProcess
            started.addErrback(self._start_failed)
        self.crawler_process.start()
        if self._start_error is not None:
            # The message is the whole story for bad input; the log has it too, for cron mail.
            print(f"error: {self._start_error}", file=sys.stderr)
            self.exitcode = 2 if isinstance(self._start_error, ConfigError) else 1
            return
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
            return
        for crawler in self._crawlers:
            reason = failure_reason(crawler.stats.get_stats() if crawler.stats else {})
            if reason is not None:
                logger.error("The run failed: %s", reason)
                self.exitcode = 1

    def _started(self, task: asyncio.Future[Any]) -> None:
        """Take the start-up exception off the task, so asyncio does not print it as a traceback."""
        if not task.cancelled() and task.exception() is not None:
            self._note_start_error(task.exception())

    def _start_failed(self, failure: Failure) -> None:
        self._note_start_error(failure.value)

    def _note_start_error(self, exc: BaseException | None) -> None:
        if exc is None:
            return
        self._start_error = exc
        if isinstance(exc, ConfigError | StateLocked | OSError):
            logger.error("Cannot start: %s", exc)  # bad input, a locked state or an unwritable folder
        else:  # not an input problem: a bug, whose traceback is what fixes it
            logger.error("Cannot start", exc_info=exc)

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        crawler = super()._create_crawler(spidercls)
        self._crawlers.append(crawler)
        return crawler


def _appendable(uri: str, options: dict[str, Any]) -> bool:
    """A local JSON Lines feed: appending to it keeps a valid file (JSON arrays and CSV would not)."""
    local = "://" not in uri or uri.startswith("file://")
    return local and str(options.get("format", "")).lower() in ("jsonlines", "jsonl", "jl")
