"""robots.txt shared by a cluster's workers: one download, even when the owner finishes between two polls.

A real ``redis-server`` (``tests/redisserver.py``) and two workers' ``SharedRobotsMiddleware``; the
only stand-in is the moment: worker B's Redis client lets worker A store its answer and release the
lock right after B's first look, the narrowest window of a real race (seen in
``tests/test_cluster.py``: robots.txt fetched twice by three workers).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import redis
from scrapy import Request, Spider
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.test import get_crawler

from scraper.cluster.robots import SharedRobotsMiddleware
from scraper.cluster.run import ClusterRun
from tests.helpers import project_settings
from tests.redisserver import SKIP_REASON, RedisServer, redis_server_binary

pytestmark = pytest.mark.skipif(redis_server_binary() is None, reason=SKIP_REASON)

ROBOTS = "http://127.0.0.1:9/robots.txt"


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    with RedisServer() as server:
        yield server


class _AfterFirstCommand(redis.Redis):
    """A client that runs ``then`` once, right after its first command of interest has been answered."""

    then: Callable[[], object] | None = None

    def execute_command(self, *args: Any, **options: Any) -> Any:
        reply = super().execute_command(*args, **options)  # type: ignore[no-untyped-call]
        if self.then is not None and args and str(args[0]).upper() in ("GET", "EVALSHA", "EVAL"):
            then, self.then = self.then, None
            then()
        return reply


def _worker(url: str) -> tuple[SharedRobotsMiddleware, ClusterRun, Any]:
    crawler = get_crawler(Spider, settings_dict=project_settings(NEWS_REDIS_URL=url, DOWNLOAD_TIMEOUT=5))
    run = ClusterRun.from_crawler(crawler)
    return SharedRobotsMiddleware(crawler, run), run, crawler.stats


def _robots_fetch() -> Request:
    return Request(ROBOTS, meta={"dont_obey_robotstxt": True}, callback=NO_CALLBACK)


def test_a_worker_whose_owner_stores_the_answer_between_two_looks_takes_it_and_downloads_nothing(
    redis_server: RedisServer,
) -> None:
    owner, _, _ = _worker(redis_server.url)
    late, late_run, late_stats = _worker(redis_server.url)
    hooked = _AfterFirstCommand.from_url(redis_server.url)
    assert isinstance(hooked, _AfterFirstCommand)
    late_run.client = hooked
    late = SharedRobotsMiddleware(late.crawler, late_run)  # its script registered on the hooked client

    first = _robots_fetch()
    assert asyncio.run(owner.process_request(first)) is None  # the owner's to download
    answer = Response(ROBOTS, status=200, body=b"User-agent: *\nDisallow: /private/\n", request=first)
    hooked.then = lambda: owner.process_response(first, answer)  # stored and unlocked right after B's look

    got = asyncio.run(late.process_request(_robots_fetch()))
    assert isinstance(got, Response), "the late worker took the lock and would download robots.txt again"
    assert got.body == answer.body
    assert late_stats.get_value("news/cluster/robots_shared") == 1
