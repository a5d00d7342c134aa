"""The run summary and the run's verdict, built from the stats alone.

A person or a monitoring job wants to know what a run did: where every URL ended up, how many
records were written and why pages were dropped, and whether the run failed. All of it is in
Scrapy's stats by the time the spider closes, so :class:`RunSummary` (an extension, like Scrapy's
``CoreStats``) reads nothing but the stats and writes ``<run-id>.summary.json`` beside the run's
output; ``scrapy crawl``'s exit status (``scraper/commands/crawl.py``) applies the same
:func:`failure_reason`. The stages only count; none of them reaches into another.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from scrapy import signals

from scraper.items import DropReason, FetchFailure

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

OUTPUT_NOT_WRITABLE = "news/output/not_writable"
"""Stat the output stage sets when it cannot open its file."""
OUTPUT_PATH = "news/output/path"
"""Stat: the run's output file, set by the output stage once the file is open."""
RUN_ID = "news/run_id"
"""Stat: the run's id (the output file's stem)."""
RECORDS = "news/output/records"
"""Stat: records written; ``news/output/records_by_source/<source>`` per source."""
REDIS_LOST = "news/cluster/redis_lost"
"""Stat a cluster worker sets when Redis stopped answering mid-run (``scraper/cluster/run.py``)."""
CLUSTER_RUN_ID = "news/cluster/run_id"
"""Stat: the run id a cluster worker shares with the others (``scraper/cluster/run.py``)."""
SOURCES = "news/sources"
"""Stat: the run's sources (name, urls, feeds, sitemaps), set by the spider when it opens."""


def failure_reason(stats: dict[str, Any]) -> str | None:
    """Why a run that started counts as failed, or None when it did its job.

    "No source reachable" means no response at all that carried a page (2xx) or confirmed one
    (304): every request was refused, timed out or answered with an error status. "Nothing
    extracted" means article pages arrived but none became an article and some were lost to the
    extraction itself (a worker that died, a page over its time budget, a bug), not to a verdict
    on the page: a site whose pages are all listings is not a failed run, a dead pool is.
    """
    if stats.get(OUTPUT_NOT_WRITABLE):
        return "output_not_writable"
    if stats.get(REDIS_LOST):  # a cluster worker whose Redis went away mid-run
        return "redis_unavailable"
    prefix = "downloader/response_status_count/"
    answered = sum(v for k, v in stats.items() if k.startswith(prefix) and k[len(prefix) :] in _USEFUL)
    if not answered:
        if stats.get(CLUSTER_RUN_ID) and not stats.get("downloader/request_count", 0):
            return None  # a cluster worker the others left nothing for: not a failure of the crawl
        return "no_source_reachable"
    lost = sum(stats.get(f"news/drop/{reason}", 0) for reason in _LOST_IN_EXTRACTION)
    if stats.get("news/extract/pages", 0) and not stats.get("news/extract/articles", 0) and lost:
        return "nothing_extracted"
    return None


_USEFUL = frozenset({*(str(code) for code in range(200, 300)), "304"})
_LOST_IN_EXTRACTION = (DropReason.WORKER_DIED, DropReason.TOO_SLOW, DropReason.EXTRACTION_ERROR)


def build_summary(stats: dict[str, Any], spider_name: str, reason: str) -> dict[str, Any]:
    """What a person or a monitoring job wants to know about a run, from the stats."""

    def with_prefix(prefix: str) -> dict[str, Any]:
        return {k.removeprefix(prefix): v for k, v in sorted(stats.items()) if k.startswith(prefix)}

    started = stats.get("start_time")
    return {
        "run_id": stats.get(RUN_ID),
        "spider": spider_name,
        "started_at": started.isoformat(timespec="seconds") if isinstance(started, datetime) else None,
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "finish_reason": reason,
        "failed": failure_reason(stats),
        "output": stats.get(OUTPUT_PATH),
        "sources": stats.get(SOURCES, []),
        "urls": url_accounting(stats),
        "requests": stats.get("downloader/request_count", 0),
        "pages_fetched": stats.get("downloader/response_count", 0),
        "article_pages": stats.get("news/extract/pages", 0),
        "records_written": stats.get(RECORDS, 0),
        "records_by_source": with_prefix(RECORDS + "_by_source/"),
        "responses": with_prefix("news/response/"),
        "drops": with_prefix("news/drop/"),
        "fetch_errors": with_prefix("news/fetch_error/"),
        "retries": with_prefix("retry/"),
        "fetch": with_prefix("news/fetch/"),
        "state": with_prefix("news/state/"),
        "dedup": with_prefix("news/dedup/"),
        "cluster": with_prefix("news/cluster/"),
        "extraction_errors": with_prefix("news/extract/error/"),
        "not_requested": {
            "robots_forbidden": stats.get("robotstxt/forbidden", 0),
            "offsite": stats.get("offsite/filtered", 0) + stats.get("news/discovery/offsite_skipped", 0),
            "duplicate": stats.get("dupefilter/filtered", 0),
            "url_too_long": stats.get("urllength/request_ignored_count", 0),  # over URLLENGTH_LIMIT
        },
        "http_status": with_prefix("downloader/response_status_count/"),
        "discovery": with_prefix("news/discovery/"),
        "quota": with_prefix("news/quota/"),  # max_articles: article URLs held, released, never fetched
        "page_kinds": with_prefix("news/pagekind/"),
        "archive": with_prefix("news/archive/"),
        "errors": {k: v for k, v in stats.items() if k.startswith(("spider_exceptions/", "log_count/ERROR"))},
    }


def url_accounting(stats: dict[str, Any]) -> dict[str, int]:
    """Where every URL the crawl asked for ended up; the outcomes add up to ``requested``.

    ``requested`` counts URLs, not attempts: retries and robots.txt middleware fetches are left
    out. Each URL was handled by the spider (a page, listing, feed, sitemap or robots.txt, see
    ``responses``), redirected (its target is a URL of its own), answered ``304 Not Modified``
    (the crawl state's conditional GET), or failed for good (see ``fetch_errors``).
    ``unfinished`` is what a run that stopped early (``max_articles``, a timeout, Ctrl-C) left
    in flight; it is 0 for a run that finished.
    """

    def total(prefix: str, keep: Callable[[str], bool] = lambda key: True) -> int:
        return sum(v for k, v in stats.items() if k.startswith(prefix) and keep(k.removeprefix(prefix)))

    requested = (
        stats.get("downloader/request_count", 0)
        - stats.get("retry/count", 0)
        - stats.get("robotstxt/request_count", 0)
        + stats.get("news/fetch/robots_reused", 0)  # the spider's robots.txt, answered without a request
    )
    outcomes = {
        "handled": total("news/response/"),
        # The last hop of a chain cut at REDIRECT_MAX_TIMES, or of a loop, is counted once, as failed.
        "redirected": total("downloader/response_status_count/", lambda code: code.startswith("3") and code != "304")
        - stats.get(f"news/fetch_error/{FetchFailure.TOO_MANY_REDIRECTS}", 0)
        - stats.get(f"news/fetch_error/{FetchFailure.REDIRECT_LOOP}", 0),
        "not_modified": stats.get("news/state/not_modified", 0),
        "failed": total("news/fetch_error/"),
    }
    return {"requested": requested, **outcomes, "unfinished": requested - sum(outcomes.values())}


def write_json(target: Path, data: dict[str, Any]) -> None:
    """Write ``data`` to ``target`` atomically: a reader sees the old file or the whole new one."""
    temporary = target.with_name(target.name + ".part")
    temporary.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", "utf-8")
    os.replace(temporary, target)


class RunSummary:
    """Writes ``<run-id>.summary.json`` beside the run's output when the spider closes."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider: Spider, reason: str) -> None:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        output = stats.get(OUTPUT_PATH)
        if not output:
            return  # no output file of ours (feed exports only, or it could not be opened)
        path = Path(output)
        target = path.with_name(path.name.removesuffix(".jsonl") + ".summary.json")
        write_json(target, build_summary(stats, spider.name, reason))
        logger.info("Run summary: %s", target)
