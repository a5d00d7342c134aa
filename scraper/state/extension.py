"""The crawl state inside a run: who owns it, and when a record is saved.

``CrawlStateExtension`` owns the state for the run: it takes the lock (a second run on the same
state stops at start), opens the SQLite file, deletes articles not seen for
``NEWS_STATE_RETENTION_DAYS``, and saves a record (the facts it needs ride on the ``Article``) once the
output stage has written it durably. Only then is the record saved (:meth:`commit`), so a run killed at
any point never marks as done a record that is not on disk.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from scrapy import signals
from scrapy.exceptions import NotConfigured

from scraper import neardup
from scraper.cluster import run_of
from scraper.config import ConfigError
from scraper.dates import parse_aware
from scraper.items import Article
from scraper.state.store import (
    CrawlState,
    Record,
    SqliteCrawlState,
    StateCorrupt,
    StateLock,
    StateLocked,
    stamp,
    utc_now,
)

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from scraper.cluster.run import ClusterRun

logger = logging.getLogger(__name__)


class CrawlStateExtension:
    """Lock, open and expire the state at start; save records the output stage wrote."""

    def __init__(self, crawler: Crawler, state: CrawlState, lock: StateLock | None, recheck: timedelta) -> None:
        self.crawler = crawler
        self.state = state
        self.lock = lock
        self.recheck = recheck

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("NEWS_STATE_ENABLED"):
            raise NotConfigured("NEWS_STATE_ENABLED is off")
        retention = settings.getfloat("NEWS_STATE_RETENTION_DAYS")
        recheck = settings.getfloat("NEWS_STATE_RECHECK_HOURS")
        if retention <= 0 or recheck < 0:
            raise ConfigError("NEWS_STATE_RETENTION_DAYS must be > 0 and NEWS_STATE_RECHECK_HOURS >= 0")
        cluster: ClusterRun | None = run_of(crawler)
        if cluster is not None:  # the cluster's state is in Redis; its run id stands for the lock
            from scraper.state.redis_store import RedisCrawlState  # Redis only in a cluster worker

            redis_state = RedisCrawlState(cluster.client, f"{cluster.prefix}:state", retention, cluster.lost)
            logger.info("Crawl state in Redis (%s:state), shared by the cluster", cluster.prefix)
            return cls._connected(crawler, redis_state, None, recheck)
        path = Path(settings.get("NEWS_STATE_PATH"))
        lock: StateLock | None = None
        try:
            lock = StateLock.acquire(path)
            state = SqliteCrawlState(path)
        except (StateLocked, StateCorrupt) as exc:
            if lock is not None:
                lock.release()
            # The one line a person reading the cron mail needs; an exception would reach the
            # console as a traceback (Scrapy re-raises start-up errors), so the run stops here
            # with status 1 before anything was opened.
            logger.error("%s", exc)
            raise SystemExit(1) from None
        expired = state.expire(stamp(datetime.now(UTC) - timedelta(days=retention)))
        assert crawler.stats is not None
        crawler.stats.set_value("news/state/expired", expired)
        logger.info("Crawl state %s: %d articles not seen for %g days expired", path, expired, retention)
        return cls._connected(crawler, state, lock, recheck)

    @classmethod
    def _connected(cls, crawler: Crawler, state: CrawlState, lock: StateLock | None, recheck: float) -> Self:
        settings = crawler.settings
        extension = cls(crawler, state, lock, timedelta(hours=recheck))
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        if not settings.getbool("NEWS_OUTPUT_ENABLED"):
            # No output file of ours to be durable in (only Scrapy's feed exports, say): a record
            # counts as written once it has passed every stage.
            crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        return extension

    def item_scraped(self, item: Any) -> None:
        if isinstance(item, Article):
            self.commit(item)

    def commit(self, article: Article) -> None:
        """Save a record the output stage has written and synced (never before)."""
        fetch = article.fetch
        signature = article.signature or neardup.encode(neardup.minhash(article.text))
        self.state.save(
            Record(
                canonical_url=article.canonical_url,
                content_hash=article.content_hash,
                signature=signature,
                revision=article.revision,
                published=article.published,
                modified=article.modified,
                duplicate_of=article.duplicate_of,
                seen_at=_seen_at(article.fetched_at),
                urls=(article.url, *(fetch.urls if fetch else ())),
                fetched_url=article.url,
                etag=fetch.etag if fetch else None,
                last_modified=fetch.last_modified if fetch else None,
            )
        )
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("news/state/saved")

    def spider_closed(self) -> None:
        self.state.close()
        if self.lock is not None:
            self.lock.release()


def _seen_at(fetched_at: str) -> str:
    """The record's fetch time in the state's timestamp shape (now if it does not parse)."""
    when = parse_aware(fetched_at)
    return stamp(when) if when else utc_now()
