"""Politeness for the whole cluster: one per-site budget in Redis, taken atomically.

Each Scrapy process spaces and caps its own requests per site; three workers would hit a site
three times as hard. This downloader middleware makes ``DOWNLOAD_DELAY`` and
``CONCURRENT_REQUESTS_PER_DOMAIN`` hold across the cluster: before a request goes out, one Lua
script (atomic, in Redis's clock) reserves the site's next free send time, at least
``DOWNLOAD_DELAY`` after the previous reservation of any worker, and one of the site's
concurrency tokens; the worker waits until its time, and gives the token back when the answer
(or the error) arrives. A token of a worker that died expires after ``DOWNLOAD_TIMEOUT`` plus a
margin. Each worker's own Scrapy throttling still applies on top, so the cluster is never faster
on one site than a single process with the same settings. ``NEWS_REDIS_POLITENESS=False`` turns
it off (a benchmark against our own server).
"""

from __future__ import annotations

import asyncio
import itertools
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlsplit

import redis
from scrapy.exceptions import IgnoreRequest, NotConfigured

from scraper.cluster.run import ClusterRun

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

TOKEN = "news_cluster_token"
"""Request meta: the site token this request holds (key, member), given back on its answer."""

_ACQUIRE = """
local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local limit = tonumber(ARGV[2])
if limit > 0 and redis.call('ZCARD', KEYS[2]) >= limit then return -1 end
local at = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local delay = tonumber(ARGV[1])
redis.call('SET', KEYS[1], at + delay, 'PX', at + delay - now + 60000)
redis.call('ZADD', KEYS[2], at + tonumber(ARGV[3]), ARGV[4])
redis.call('PEXPIRE', KEYS[2], at - now + tonumber(ARGV[3]))
return at - now
"""
"""-1 when the site's tokens are all taken; else the milliseconds to wait before sending."""

BUSY_POLL_SECONDS = 0.05


class SharedPolitenessMiddleware:
    """Waits for the site's cluster-wide send slot and token; returns the token on the answer."""

    def __init__(self, crawler: Crawler, run: ClusterRun) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.run = run
        self.delay_ms = int(settings.getfloat("DOWNLOAD_DELAY") * 1000)
        self.limit = settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
        self.hold_ms = int((settings.getfloat("DOWNLOAD_TIMEOUT") + 30) * 1000)
        self._acquire = run.client.register_script(_ACQUIRE)
        self._numbers = itertools.count()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        run = ClusterRun.of(crawler)
        if run is None or not crawler.settings.getbool("NEWS_REDIS_POLITENESS"):
            raise NotConfigured("no cluster, or NEWS_REDIS_POLITENESS is off")
        return cls(crawler, run)

    async def process_request(self, request: Request) -> None:
        site = urlsplit(request.url).netloc.lower()
        keys = [self.run.site_key(site, "next"), self.run.site_key(site, "tokens")]
        token = f"{self.run.output_run_id}:{next(self._numbers)}"
        stats: Any = self.crawler.stats
        while True:
            try:
                wait = int(self._acquire(keys=keys, args=[self.delay_ms, self.limit, self.hold_ms, token]))
            except redis.RedisError as exc:
                self.run.lost(exc)
                raise IgnoreRequest(f"Redis is gone: {request.url} not sent") from None
            if wait >= 0:
                break
            stats.inc_value("news/cluster/politeness_busy")
            await asyncio.sleep(BUSY_POLL_SECONDS)
        request.meta[TOKEN] = (keys[1], token)
        if wait:
            stats.inc_value("news/cluster/politeness_waits")
            await asyncio.sleep(wait / 1000)

    def process_response(self, request: Request, response: Response) -> Response:
        self._release(request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        self._release(request)

    def _release(self, request: Request) -> None:
        held = request.meta.pop(TOKEN, None)
        if held is None or self.run.is_lost:
            return
        try:
            self.run.client.zrem(*held)
        except redis.RedisError as exc:
            self.run.lost(exc)
