"""The shared frontier: scrapy-redis's scheduler, queue and dupefilter, with leases and an end.

scrapy-redis pops a request off the Redis queue and forgets it: a worker that dies takes its
popped requests with it, and an idle worker waits forever. Here a pop is a *lease*: one Lua
script moves the request from the queue to ``<run>:leases`` (a sorted set scored by expiry, in
Redis's own clock, so machines' clocks do not matter). The worker renews its leases while it
works and acks one when the engine is completely done with the request (callback output
scheduled, items through every pipeline, so the record is on disk). A SIGKILLed worker stops
renewing; its leases expire and the next pop of any worker puts them back at the front of the
queue. Retries and redirects are new requests, pushed before the old lease is acked.

The crawl ends when the queue is empty and no lease is held: a worker whose engine is idle
keeps the spider open while another worker holds leases (they may discover more), and closes
once the whole cluster has had nothing to do for ``NEWS_REDIS_IDLE_SECONDS``.

The dupefilter is scrapy-redis's Redis set, fingerprinting with our URL canonicalisation
(``scraper/urls.py``) and storing 12 bytes of SHA-1 per URL, so every worker may seed the same
start URLs: the first one queues them, the others' copies are filtered.
"""

from __future__ import annotations

import hashlib
import logging
import time
from typing import TYPE_CHECKING, Any, Self

import redis
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis import picklecompat
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from scraper.cluster.run import ClusterRun
from scraper.urls import DEFAULT_DROP_PARAMS, UrlCanonicalizer

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

_NOW_MS = "local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n"
_RECLAIM = """
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 100)
for _, m in ipairs(expired) do
  redis.call('ZREM', KEYS[2], m)
  redis.call('ZADD', KEYS[1], -1000000, m)
end
"""
_POP = (
    _NOW_MS
    + _RECLAIM
    + """
local top = redis.call('ZRANGE', KEYS[1], 0, 0)
if #top == 0 then return {#expired} end
redis.call('ZREM', KEYS[1], top[1])
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[1]), top[1])
return {#expired, top[1]}
"""
)
"""Reclaim expired leases (to the front of the queue), then lease the best request."""
_COUNT = _NOW_MS + _RECLAIM + "return {redis.call('ZCARD', KEYS[1]), redis.call('ZCARD', KEYS[2]), #expired}"
"""Reclaim expired leases, then (queued, leased, reclaimed)."""
_RENEW = (
    _NOW_MS
    + "for i = 2, #ARGV do redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[1]), ARGV[i]) end return #ARGV - 1"
)
"""Push the expiry of this worker's leases forward (``XX``: a lease already reclaimed stays so)."""


class LeasedQueue(PriorityQueue):  # type: ignore[misc]  # scrapy-redis ships no type hints
    """scrapy-redis's priority queue whose pop leases the request instead of forgetting it."""

    def __init__(self, server: redis.Redis, spider: Spider, key: str, leases_key: str, lease_ms: int) -> None:
        super().__init__(server, spider, key, serializer=picklecompat)
        self.leases_key = leases_key
        self.lease_ms = lease_ms
        self._pop = server.register_script(_POP)
        self._count = server.register_script(_COUNT)
        self._renew = server.register_script(_RENEW)

    def pop_leased(self) -> tuple[Request | None, bytes | None, int]:
        """``(request, its payload, leases reclaimed)``; the request is leased until acked or expired."""
        reply = self._pop(keys=[self.key, self.leases_key], args=[self.lease_ms])
        reclaimed = int(reply[0])
        if len(reply) < 2:
            return None, None, reclaimed
        payload = bytes(reply[1])
        return self._decode_request(payload), payload, reclaimed

    def counts(self) -> tuple[int, int, int]:
        """``(queued, leased, reclaimed)`` for the whole cluster, expired leases put back first."""
        queued, leased, reclaimed = self._count(keys=[self.key, self.leases_key])
        return int(queued), int(leased), int(reclaimed)

    def renew(self, payloads: list[bytes]) -> None:
        if payloads:
            self._renew(keys=[self.leases_key], args=[self.lease_ms, *payloads])

    def ack(self, payloads: list[bytes]) -> None:
        if payloads:
            self.server.zrem(self.leases_key, *payloads)


class ClusterDupeFilter(RFPDupeFilter):  # type: ignore[misc]
    """scrapy-redis's Redis-set dupefilter, shared by the run, keyed by our canonical URLs."""

    def __init__(self, server: redis.Redis, key: str, canonicalize: UrlCanonicalizer, stats: StatsCollector) -> None:
        super().__init__(server, key)
        self.canonicalize = canonicalize
        self.stats = stats

    def request_fingerprint(self, request: Request) -> bytes:
        """12 bytes of SHA-1 of method, canonical URL and body (a collision at 10M URLs: ~1e-14)."""
        digest = hashlib.sha1(usedforsecurity=False)
        for part in (request.method.encode(), self.canonicalize(request.url).encode(), request.body or b""):
            digest.update(part)
            digest.update(b"\0")
        return digest.digest()[:12]

    def log(self, request: Request, spider: Spider) -> None:
        self.stats.inc_value("dupefilter/filtered")  # as Scrapy's own dupefilter counts (the run summary reads it)
        super().log(request, spider)

    def close(self, reason: str = "") -> None:
        """Keep the set: other workers are still using it (the run's expiry removes it)."""


class ClusterScheduler(Scheduler):  # type: ignore[misc]
    """The Redis scheduler of a cluster worker: leased pops, renewals, acks, and the crawl's end."""

    queue: LeasedQueue

    def __init__(self, crawler: Crawler, run: ClusterRun) -> None:
        settings = crawler.settings
        drop = settings.getlist("NEWS_URL_DROP_PARAMS") or list(DEFAULT_DROP_PARAMS)
        assert crawler.stats is not None
        dupefilter = ClusterDupeFilter(run.client, run.key("seen"), UrlCanonicalizer.from_names(drop), crawler.stats)
        super().__init__(run.client, persist=True, queue_key=run.key("queue"), dupefilter=dupefilter,
                         serializer=picklecompat)  # fmt: skip
        self.crawler = crawler
        self.stats = crawler.stats
        self.run = run
        self.lease_ms = int(settings.getfloat("NEWS_REDIS_LEASE_SECONDS") * 1000)
        self.idle_seconds = settings.getfloat("NEWS_REDIS_IDLE_SECONDS")
        self.held: dict[Request, bytes] = {}  # requests this worker leased and the engine still has
        self._idle_since: float | None = None
        self._tick = task.LoopingCall(self._heartbeat)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        run = ClusterRun.of(crawler)
        if run is None:
            raise RuntimeError("ClusterScheduler needs the ClusterRun extension (set NEWS_REDIS_URL)")
        return cls(crawler, run)

    def open(self, spider: Spider) -> None:
        self.spider = spider
        self.queue = LeasedQueue(self.server, spider, self.queue_key, self.run.key("leases"), self.lease_ms)
        self._tick.start(min(1.0, self.lease_ms / 3000), now=False)
        queued = self._guard(lambda: len(self.queue), 0)
        if queued:
            logger.info("Joining cluster run %s: %d requests already queued", self.run.run_id, queued)

    def close(self, reason: str) -> None:
        if self._tick.running:
            self._tick.stop()
        if not self.run.is_lost:
            self._guard(self._ack_done, None)  # the rest stay leased: they expire and go back

    def enqueue_request(self, request: Request) -> bool:
        if self.run.is_lost:
            return False
        return bool(self._guard(lambda: self._enqueue(request), False))

    def _enqueue(self, request: Request) -> bool:
        """scrapy-redis's enqueue (dupefilter, then the queue), counted without its deprecated stats call."""
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> Request | None:
        if self.run.is_lost:
            return None
        request: Request | None = self._guard(self._lease_next, None)
        return request

    def has_pending_requests(self) -> bool:
        if self.run.is_lost:
            return False
        return bool(self._guard(lambda: len(self.queue) > 0, False))

    def _lease_next(self) -> Request | None:
        self._ack_done()
        request, payload, reclaimed = self.queue.pop_leased()
        if reclaimed:
            self.stats.inc_value("news/cluster/leases_reclaimed", reclaimed)
            logger.warning("Took back %d expired lease(s) of a worker that stopped renewing them", reclaimed)
        if request is None or payload is None:
            return None
        self.held[request] = payload
        self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def _ack_done(self) -> None:
        """Ack the leases of requests the engine has finished with (nothing of them left in flight)."""
        if not self.held:
            return
        in_progress = self._in_progress()
        done = [request for request in self.held if request not in in_progress]
        if done:
            self.queue.ack([self.held.pop(request) for request in done])
            self.stats.inc_value("news/cluster/leases_acked", len(done))

    def _in_progress(self) -> set[Request] | frozenset[Request]:
        """The engine's requests in flight: a request leaves it only after its output was handled.

        Scrapy keeps them in the engine's slot (not a public attribute); a Scrapy without it would
        ack every lease at once, so it is checked, and the tests would fail on a lost article.
        """
        slot: Any = getattr(self.crawler.engine, "_slot", None)
        in_progress = getattr(slot, "inprogress", None)
        if in_progress is None:
            raise RuntimeError("this Scrapy's engine has no slot.inprogress: leases cannot be acked safely")
        return in_progress  # type: ignore[no-any-return]

    def _heartbeat(self) -> None:
        """Every second: ack what is done, renew the rest, and wake an idle engine to look for work."""
        if self.run.is_lost:
            return
        self._guard(self._renew, None)
        slot: Any = getattr(self.crawler.engine, "_slot", None)
        if slot is not None and not self.run.is_lost:
            slot.nextcall.schedule()

    def _renew(self) -> None:
        self.run.alive()
        self._ack_done()
        self.queue.renew(list(self.held.values()))

    def spider_idle(self) -> None:
        """Keep an idle worker open while the cluster still has work; close it once it has had none for a while."""
        if self.run.is_lost:
            return
        counts = self._guard(self._idle_counts, None)
        if counts is None:
            return
        queued, leased = counts
        if queued or leased:
            self._idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        if self._idle_since is None:
            self._idle_since = now
        if now - self._idle_since < self.idle_seconds:
            raise DontCloseSpider
        if not self._guard(self.run.finish, True):
            raise DontCloseSpider  # another worker queued something in between

    def _idle_counts(self) -> tuple[int, int]:
        self._ack_done()
        queued, leased, reclaimed = self.queue.counts()
        if reclaimed:
            self.stats.inc_value("news/cluster/leases_reclaimed", reclaimed)
        return queued, leased

    def _guard(self, call: Any, failed: Any) -> Any:
        """Run one Redis step; on a lost connection, fail the worker once and return ``failed``."""
        try:
            return call()
        except redis.RedisError as exc:
            self.run.lost(exc)
            return failed
