"""Retry-After and backoff retries, and the non-HTML download filter."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
    StopDownload,
)
from scrapy.http import Headers, Response
from scrapy.http.request import NO_CALLBACK
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.internet.error import TCPTimedOutError

from scraper.fetching.failures import fetch_failure_reason
from scraper.fetching.nonhtml import NonHtmlFilter
from scraper.fetching.redirect import RedirectLoopMiddleware
from scraper.fetching.retry import RetryAfterMiddleware, retry_after_seconds
from scraper.fetching.robotstxt import RobotsTxtReuseMiddleware
from tests.helpers import project_settings


@pytest.mark.parametrize(
    ("header", "seconds"),
    [(b"120", 120.0), (" 5 ", 5.0), (b"Wed, 25 Nov 2026 10:01:00 GMT", 60.0), (b"soon", None), (None, None)],
)
def test_retry_after_header(header: bytes | str | None, seconds: float | None) -> None:
    now = datetime(2026, 11, 25, 10, 0, 0, tzinfo=UTC)
    assert retry_after_seconds(header, now) == seconds


def middleware(**settings: object) -> RetryAfterMiddleware:
    crawler = get_crawler(Spider, settings_dict=project_settings(**settings))
    crawler.spider = Spider.from_crawler(crawler, name="news")
    return RetryAfterMiddleware.from_crawler(crawler)


def test_503_with_retry_after_is_retried_after_waiting() -> None:
    mw = middleware()
    request = Request("https://n.example/a")
    response = Response(request.url, status=503, headers={"Retry-After": "0"}, request=request)
    retried = asyncio.run(mw.process_response(request, response))
    assert isinstance(retried, Request)
    assert retried.meta["retry_times"] == 1
    assert mw.crawler.stats is not None
    assert mw.crawler.stats.get_value("news/fetch/retry_after_honoured") == 1


def test_too_long_retry_after_gives_up_with_a_reason() -> None:
    mw = middleware(NEWS_RETRY_AFTER_MAX=10)
    request = Request("https://n.example/a")
    response = Response(request.url, status=429, headers={"Retry-After": "3600"}, request=request)
    assert asyncio.run(mw.process_response(request, response)) is response
    assert mw.crawler.stats is not None
    assert mw.crawler.stats.get_value("news/fetch/retry_after_too_long") == 1


@pytest.mark.parametrize("status", [404, 410, 200])
def test_not_retried(status: int) -> None:
    mw = middleware()
    request = Request("https://n.example/a")
    response = Response(request.url, status=status, request=request)
    assert asyncio.run(mw.process_response(request, response)) is response


def test_timeouts_are_retried_with_backoff_until_the_limit() -> None:
    mw = middleware(NEWS_RETRY_BACKOFF_BASE=0.0, RETRY_TIMES=2)
    request: Request | None = Request("https://n.example/slow")
    attempts = 0
    while isinstance(request, Request):
        request = asyncio.run(mw.process_exception(request, TCPTimedOutError()))
        attempts += 1
    assert attempts == 3  # two retries, then give up
    assert mw.crawler.stats is not None
    assert mw.crawler.stats.get_value("retry/max_reached") == 1


def test_backoff_doubles_and_is_capped() -> None:
    mw = middleware(NEWS_RETRY_BACKOFF_BASE=1.0, NEWS_RETRY_BACKOFF_MAX=3.0)
    assert 1.0 <= mw._backoff(1) <= 1.25
    assert 2.0 <= mw._backoff(2) <= 2.5
    assert 3.0 <= mw._backoff(5) <= 3.75


@pytest.mark.parametrize(
    ("content_type", "stopped"),
    [("application/pdf", True), ("image/jpeg", True), ("video/mp4", True), ("text/html; charset=utf-8", False)],
)
def test_non_html_pages_stop_after_headers(content_type: str, stopped: bool) -> None:
    crawler = get_crawler(Spider, settings_dict=project_settings())
    extension = NonHtmlFilter.from_crawler(crawler)
    request = Request("https://n.example/file", meta={"news_role": "page"})
    headers = Headers({"Content-Type": content_type})
    if stopped:
        with pytest.raises(StopDownload):
            extension.headers_received(headers, 100, request, None)
    else:
        extension.headers_received(headers, 100, request, None)


def test_sitemaps_are_not_filtered() -> None:
    extension = NonHtmlFilter.from_crawler(get_crawler(Spider, settings_dict=project_settings()))
    request = Request("https://n.example/sitemap.xml.gz", meta={"news_role": "discovery"})
    extension.headers_received(Headers({"Content-Type": "application/x-gzip"}), 100, request, None)


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (DownloadTimeoutError("took longer than 2.0 seconds"), "timeout"),
        (DownloadFailedError("Connection was closed cleanly."), "connection_lost"),
        (ResponseDataLossError(), "truncated"),
        (DownloadCancelledError("Expected to receive 26214400 bytes which is larger than download max size"),
         "too_large"),
        (DownloadConnectionRefusedError(), "connection_refused"),
        (CannotResolveHostError(), "dns_error"),
        (ValueError("odd"), "other"),
    ],
)  # fmt: skip
def test_fetch_failure_reasons(exc: Exception, reason: str) -> None:
    assert fetch_failure_reason(exc, Request("https://n.example/a"), 20) == reason


def test_http_errors_and_redirect_limits_are_failures_robots_and_offsite_are_not() -> None:
    request = Request("https://n.example/a")
    gone = Response(request.url, status=410, request=request)
    assert fetch_failure_reason(HttpError(gone), request, 20) == "http_410"
    hops = Request("https://n.example/a?hop=20", meta={"redirect_times": 20})
    assert fetch_failure_reason(IgnoreRequest("max redirections reached"), hops, 20) == "too_many_redirects"
    assert fetch_failure_reason(IgnoreRequest("Forbidden by robots.txt"), request, 20) is None


def test_a_redirect_back_into_its_chain_ends_as_a_loop() -> None:
    mw = RedirectLoopMiddleware()
    first = Request("https://n.example/a")
    to_self = Response(first.url, status=302, headers={"Location": "/a"}, request=first)
    with pytest.raises(IgnoreRequest):
        mw.process_response(first, to_self)
    assert fetch_failure_reason(IgnoreRequest("loop"), first, 20) == "redirect_loop"
    second = Request("https://n.example/a/", meta={"redirect_urls": ["https://n.example/a"]})
    back = Response(second.url, status=301, headers={"Location": "https://n.example/a#top"}, request=second)
    with pytest.raises(IgnoreRequest):
        mw.process_response(second, back)


def test_an_ordinary_redirect_passes() -> None:
    request = Request("https://n.example/old")
    moved = Response(request.url, status=301, headers={"Location": "/new"}, request=request)
    assert RedirectLoopMiddleware().process_response(request, moved) is moved
    assert "news_redirect_loop" not in request.meta


def _robots_fetch(url: str) -> Request:
    """The request Scrapy's RobotsTxtMiddleware makes for itself."""
    return Request(url, meta={"dont_obey_robotstxt": True}, callback=NO_CALLBACK)


def test_the_spiders_robots_request_gets_the_copy_scrapy_fetched() -> None:
    crawler = get_crawler(Spider)
    crawler.stats.open_spider()  # type: ignore[union-attr]
    reuse = RobotsTxtReuseMiddleware.from_crawler(crawler)
    fetched = Response("https://news.example/robots.txt", body=b"Sitemap: https://news.example/s.xml")
    reuse.process_response(_robots_fetch("https://news.example/robots.txt"), fetched)
    other_scheme = Request("http://news.example/robots.txt", meta={"news_via": "robots"})
    assert reuse.process_request(other_scheme) is None  # another scheme: its own fetch
    mine = Request("https://news.example/robots.txt", meta={"news_via": "robots"})
    replay = reuse.process_request(mine)
    assert replay is not None
    assert replay.body == fetched.body
    assert replay.request is mine
    assert reuse.process_request(Request("https://news.example/robots.txt", meta={"news_via": "robots"})) is None
    crawler.stats.set_value("downloader/response_count", 1)  # type: ignore[union-attr]
    reuse.process_response(mine, replay)  # after DownloaderStats counted it
    assert crawler.stats.get_value("downloader/response_count") == 0  # type: ignore[union-attr]


def test_robots_copies_nobody_asks_for_are_not_kept_forever() -> None:
    reuse = RobotsTxtReuseMiddleware.from_crawler(get_crawler(Spider))
    for n in range(RobotsTxtReuseMiddleware.KEEP + 20):
        url = f"https://site{n}.example/robots.txt"
        reuse.process_response(_robots_fetch(url), Response(url, body=b"User-agent: *"))
    assert len(reuse._fetched) == RobotsTxtReuseMiddleware.KEEP
    assert "https://site0.example" not in reuse._fetched
