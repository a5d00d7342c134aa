"""robots.txt once per site per cluster run: the first worker fetches it, the others read its answer.

Each worker's robots.txt middleware (``scraper/fetching/robotspolicy.py``) still decides what the
answer means; this downloader middleware only stands between it and the network. For a robots.txt
fetch (and each of its redirect hops) the first worker to ask takes a short lock in Redis,
downloads the file and stores the raw answer (status, headers, and the body up to
``NEWS_ROBOTSTXT_MAX_BYTES`` plus one byte, so a cut file is still seen as cut) under the run; the others wait for it
and get the same bytes as a response, so every worker reaches the same verdict from one download
(``news/cluster/robots_shared``). A fetch that fails without an answer releases the lock and is
not stored: each worker then tries on its own, as it would alone.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import TYPE_CHECKING, Any, Self

import redis
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response

from scraper.cluster.run import ClusterRun
from scraper.fetching.robotspolicy import is_robots_fetch

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler

WAIT_POLL_SECONDS = 0.1
_STORED, _LOCKED = 1, 2  # the script's answers (0: another worker holds the lock)
_STORED_OR_LOCK = """
local stored = redis.call('GET', KEYS[1])
if stored then return {1, stored} end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {2} end
return {0}
"""
"""The stored answer, else the lock, in one step: read apart, a worker could miss the answer, then
take the lock its owner had just released after storing it, and download robots.txt again."""
OWNER = "news_cluster_robots_owner"
"""Request meta: this worker holds the lock for the request's URL and stores the answer."""


class SharedRobotsMiddleware:
    """Serves robots.txt answers another worker of the run already downloaded."""

    def __init__(self, crawler: Crawler, run: ClusterRun) -> None:
        self.crawler = crawler
        self.run = run
        self.lock_ms = int((crawler.settings.getfloat("DOWNLOAD_TIMEOUT") + 10) * 1000)
        limit = crawler.settings.getint("NEWS_ROBOTSTXT_MAX_BYTES")
        self.max_body = limit + 1 if limit > 0 else None
        self._stored_or_lock = run.client.register_script(_STORED_OR_LOCK)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        run = ClusterRun.of(crawler)
        if run is None or not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured("no cluster, or robots.txt not obeyed")
        return cls(crawler, run)

    async def process_request(self, request: Request) -> Response | None:
        if not is_robots_fetch(request) or self.run.is_lost:
            return None
        key = self.run.key(f"robots:{request.url}")
        deadline = time.monotonic() + self.lock_ms / 1000 + 5
        try:
            while True:
                lock: list[str | int] = [self.run.output_run_id, self.lock_ms]
                reply: Any = self._stored_or_lock(keys=[key, f"{key}:lock"], args=lock)
                if reply[0] == _STORED:
                    stats: Any = self.crawler.stats
                    stats.inc_value("news/cluster/robots_shared")
                    return _response(reply[1], request)
                if reply[0] == _LOCKED:
                    request.meta[OWNER] = key
                    return None  # ours to download
                if time.monotonic() > deadline:
                    return None  # the holder is stuck: fetch it ourselves
                await asyncio.sleep(WAIT_POLL_SECONDS)
        except redis.RedisError as exc:
            self.run.lost(exc)
            raise IgnoreRequest(f"Redis is gone: {request.url} not sent") from None

    def process_response(self, request: Request, response: Response) -> Response:
        key = request.meta.pop(OWNER, None)
        if key is not None and not self.run.is_lost:
            headers = [(k.decode("latin-1"), [v.decode("latin-1") for v in vs]) for k, vs in response.headers.items()]
            body = response.body[: self.max_body] if self.max_body else response.body
            value = json.dumps({"status": response.status, "headers": headers, "body": body.decode("latin-1")})
            try:
                self.run.client.set(key, value, px=self.run.ttl_ms)
                self.run.client.delete(f"{key}:lock")
            except redis.RedisError as exc:
                self.run.lost(exc)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        key = request.meta.pop(OWNER, None)
        if key is not None and not self.run.is_lost:
            try:
                self.run.client.delete(f"{key}:lock")
            except redis.RedisError as exc:
                self.run.lost(exc)


def _response(stored: bytes, request: Request) -> Response:
    data = json.loads(stored)
    headers = dict(data["headers"])
    return Response(request.url, status=int(data["status"]), headers=headers,
                    body=str(data["body"]).encode("latin-1"), request=request)  # fmt: skip
