"""The cluster run every worker joins: one Redis client, one run id, one way to fail.

The first worker to start sets ``news:<crawl>:current`` to a new run id; every worker started
while that run is open reads it and joins (``SET NX`` then ``GET``: no two ids for one crawl).
The run's keys (frontier, leases, dupefilter, worker counter) all carry the id, so a finished run
is closed by dropping the ``current`` pointer and giving its keys an expiry
(``NEWS_REDIS_RUN_TTL_HOURS``): the next cron start begins a new run, and memory stays bounded.

Each worker takes a number from the run's counter; its output files are named
``<run-id>-wNN`` so workers on one machine never share a file, and the cluster's records are
found by the run id alone.

Redis going away mid-run is not a traceback per request: :meth:`ClusterRun.lost` logs one line,
counts ``news/cluster/redis_lost`` (the run summary's ``failed`` says ``redis_unavailable`` and
``scrapy crawl`` exits 1) and closes the spider, which renames the output file written so far
into place as usual.
"""

from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlsplit, urlunsplit

import redis
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro

from scraper.cluster import _RUNS, run_of
from scraper.config import ConfigError
from scraper.summary import CLUSTER_RUN_ID, REDIS_LOST

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


_FINISH = """
if redis.call('ZCARD', KEYS[2]) > 0 or redis.call('ZCARD', KEYS[3]) > 0 then return 0 end
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
for i = 2, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
return 1
"""
"""End the run for the whole cluster, only if the frontier is empty and no lease is held."""


_JOIN = """
local current = redis.call('GET', KEYS[1])
if current and redis.call('EXISTS', KEYS[2]) == 1 then return current end
if current then
  for _, name in ipairs({'queue', 'leases', 'seen', 'workers'}) do
    redis.call('PEXPIRE', ARGV[4] .. ':' .. current .. ':' .. name, ARGV[3])
  end
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
return ARGV[1]
"""
"""The run to join: the current one while a worker of it is alive (``KEYS[2]``, refreshed every
second by each worker), else a new one (``ARGV[1]``); an abandoned run's keys then expire."""


def redacted(url: str) -> str:
    """The Redis URL without its password, for log lines and the summary."""
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def connect(url: str) -> redis.Redis:
    """A client with timeouts short enough that a dead server ends a worker, not hangs it."""
    return redis.Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5, health_check_interval=30)


class ClusterRun:
    """This worker's membership in the cluster run (an extension; only with ``NEWS_REDIS_URL``)."""

    def __init__(self, crawler: Crawler, client: redis.Redis, url: str, crawl: str, run_id: str, worker: int) -> None:
        self.crawler = crawler
        self.client = client
        self.url = url
        self.prefix = f"news:{crawl}"
        self.run_id = run_id
        self.worker = worker
        self.is_lost = False
        self.ttl_ms = int(crawler.settings.getfloat("NEWS_REDIS_RUN_TTL_HOURS") * 3_600_000)
        # A run none of whose workers said it is alive for three leases is abandoned (see _JOIN).
        self.alive_ms = int(3_000 * crawler.settings.getfloat("NEWS_REDIS_LEASE_SECONDS"))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        url = str(settings.get("NEWS_REDIS_URL") or "")
        if not url:
            raise NotConfigured("NEWS_REDIS_URL is not set")
        crawl = str(settings.get("NEWS_REDIS_CRAWL"))
        if not crawl or any(c in crawl for c in ":{} "):
            raise ConfigError(f"NEWS_REDIS_CRAWL must be a plain name (no ':', braces or spaces), got {crawl!r}")
        if settings.getfloat("NEWS_REDIS_LEASE_SECONDS") <= 0 or settings.getfloat("NEWS_REDIS_IDLE_SECONDS") < 0:
            raise ConfigError("NEWS_REDIS_LEASE_SECONDS must be > 0 and NEWS_REDIS_IDLE_SECONDS >= 0")
        if settings.getfloat("NEWS_REDIS_RUN_TTL_HOURS") <= 0:
            raise ConfigError("NEWS_REDIS_RUN_TTL_HOURS must be > 0")
        current = f"news:{crawl}:current"
        try:
            client = connect(url)
            alive_ms = int(3_000 * settings.getfloat("NEWS_REDIS_LEASE_SECONDS"))
            ttl_ms = int(settings.getfloat("NEWS_REDIS_RUN_TTL_HOURS") * 3_600_000)
            joined: Any = client.eval(_JOIN, 2, current, f"{current}:alive", _new_run_id(), alive_ms, ttl_ms,
                                      f"news:{crawl}")  # fmt: skip
            run_id = joined.decode() if isinstance(joined, bytes) else str(joined)
            worker = int(client.incr(f"news:{crawl}:{run_id}:workers"))
            client.set(f"news:{crawl}:last", run_id)  # for `scraper cluster status` once the run is over
        except (redis.RedisError, ValueError) as exc:
            # One line for the cron mail, then exit 1 before anything was opened (as a locked state does).
            logger.error("Cannot join the cluster crawl: Redis at %s: %s; this worker did not start",
                         redacted(url), exc)  # fmt: skip
            raise SystemExit(1) from None
        assert crawler.stats is not None
        crawler.stats.set_value(CLUSTER_RUN_ID, run_id)
        crawler.stats.set_value("news/cluster/worker", worker)
        logger.info("Joined cluster crawl %r at %s: run %s, worker %d", crawl, redacted(url), run_id, worker)
        run = cls(crawler, client, url, crawl, run_id, worker)
        _RUNS[crawler] = run
        return run

    @classmethod
    def of(cls, crawler: Crawler) -> ClusterRun | None:
        """The crawler's cluster run, or None (one process). Usable while extensions are still being made."""
        run: ClusterRun | None = run_of(crawler)
        return run

    @property
    def output_run_id(self) -> str:
        """This worker's run id for file names: the cluster's, plus the worker number."""
        return f"{self.run_id}-w{self.worker:02d}"

    def key(self, name: str) -> str:
        """A key of this run (``news:<crawl>:<run id>:<name>``)."""
        return f"{self.prefix}:{self.run_id}:{name}"

    def site_key(self, site: str, name: str) -> str:
        """A per-site key shared by every run of the crawl (politeness outlives a run)."""
        return f"{self.prefix}:site:{site}:{name}"

    def alive(self) -> None:
        """This worker is alive (every second): the run is not abandoned while a worker says so."""
        self.client.set(f"{self.prefix}:current:alive", self.run_id, px=self.alive_ms)

    def finish(self) -> bool:
        """Close the run for the cluster if nothing is queued or leased; True when it is over."""
        keys = [f"{self.prefix}:current", self.key("queue"), self.key("leases"), self.key("seen"), self.key("workers")]
        done = bool(self.client.eval(_FINISH, len(keys), *keys, self.run_id, self.ttl_ms))
        if done:
            logger.info("Cluster run %s: frontier empty and no lease held; the crawl is over", self.run_id)
        return done

    def lost(self, exc: Exception) -> None:
        """Redis stopped answering: say so once, count it, close this worker (exit status 1)."""
        if self.is_lost:
            return
        self.is_lost = True
        logger.error("Redis at %s is gone (%s): this worker stops; the records it wrote are kept",
                     redacted(self.url), exc)  # fmt: skip
        assert self.crawler.stats is not None
        self.crawler.stats.set_value(REDIS_LOST, 1)
        engine: Any = getattr(self.crawler, "engine", None)
        if engine is not None and engine.spider is not None:
            deferred_from_coro(engine.close_spider_async(reason="redis_unavailable"))


def _new_run_id() -> str:
    """A run id of the output stage's shape (``pipelines/recovery.py`` recognises it): ``20261125T103000Z-a1b2``."""
    return f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(2)}"
