"""Fetching policy that Scrapy's own components leave out: Retry-After, backoff, content types.

``RetryAfterMiddleware`` replaces Scrapy's ``RetryMiddleware`` (same settings): a 429 or 503 with
``Retry-After`` waits as long as the server asks (up to ``NEWS_RETRY_AFTER_MAX`` seconds; longer
means give up), other retryable failures (5xx, timeouts, dropped connections) wait an exponential
backoff with jitter; 404 and 410 are never retried. The wait happens in a coroutine, so other
downloads go on meanwhile.

``RobotsTxtReuseMiddleware`` hands the spider the robots.txt that Scrapy's ``RobotsTxtMiddleware``
has just fetched for the same site, so a site's robots.txt is downloaded once per run, not twice.

``NonHtmlFilter`` stops a page download as soon as its headers say it is a PDF, an image, audio
or video: the body is never transferred, and the (empty) response still reaches the spider, so
the extraction stage counts it as ``not_html`` like every other rejected page.
"""

from __future__ import annotations

import asyncio
import logging
import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urljoin, urlsplit

from scrapy import signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware
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
from scrapy.http.request import NO_CALLBACK
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.response import response_status_message

from scraper.items import FetchFailure

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

# Scrapy's download exceptions, by what they mean to someone reading a run summary. A cancelled
# download is the size limit: nothing else in this project cancels one.
_FAILURES: tuple[tuple[type[BaseException], FetchFailure], ...] = (
    (DownloadTimeoutError, FetchFailure.TIMEOUT),
    (ResponseDataLossError, FetchFailure.TRUNCATED),
    (DownloadCancelledError, FetchFailure.TOO_LARGE),
    (DownloadConnectionRefusedError, FetchFailure.CONNECTION_REFUSED),
    (CannotResolveHostError, FetchFailure.DNS_ERROR),
    (DownloadFailedError, FetchFailure.CONNECTION_LOST),
)


def fetch_failure_reason(exc: BaseException, request: Request | None, max_redirects: int) -> str | None:
    """Why a request failed for good, as the run summary names it; None when it was never sent.

    ``IgnoreRequest`` covers both requests that were not sent (robots.txt, off-site: Scrapy counts
    those itself) and answers that were given up on: an HTTP error status (``http_<status>``),
    a redirect chain longer than ``REDIRECT_MAX_TIMES`` and a redirect loop.
    """
    if isinstance(exc, HttpError):
        return f"http_{exc.response.status}"
    if isinstance(exc, IgnoreRequest):
        if request is not None and request.meta.get("news_redirect_loop"):
            return FetchFailure.REDIRECT_LOOP.value
        hops = request.meta.get("redirect_times", 0) if request is not None else 0
        return FetchFailure.TOO_MANY_REDIRECTS.value if max_redirects and hops >= max_redirects else None
    for kind, reason in _FAILURES:
        if isinstance(exc, kind):
            return reason.value
    return FetchFailure.OTHER.value


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retries, plus ``Retry-After`` and exponential backoff between attempts."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler.settings)
        self.crawler = crawler
        settings = crawler.settings
        self.backoff_base = settings.getfloat("NEWS_RETRY_BACKOFF_BASE", 1.0)
        self.backoff_max = settings.getfloat("NEWS_RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_max = settings.getfloat("NEWS_RETRY_AFTER_MAX", 120.0)
        if self.backoff_base < 0 or self.backoff_max < 0 or self.retry_after_max < 0:
            raise ValueError("NEWS_RETRY_BACKOFF_BASE, NEWS_RETRY_BACKOFF_MAX and NEWS_RETRY_AFTER_MAX must be >= 0")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def _backoff(self, attempt: int) -> float:
        """1, 2, 4, ... seconds (times NEWS_RETRY_BACKOFF_BASE), capped, with up to 25% jitter."""
        delay: float = min(self.backoff_max, self.backoff_base * 2.0 ** max(0, attempt - 1))
        return delay * (1 + random.random() / 4)

    async def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        asked = retry_after_seconds(response.headers.get(b"Retry-After"))
        stats = self.crawler.stats
        assert stats is not None
        if asked is not None and asked > self.retry_after_max:
            stats.inc_value("news/fetch/retry_after_too_long")  # the answer itself is the fetch error
            logger.warning("%s asks to retry in %.0fs (limit NEWS_RETRY_AFTER_MAX=%.0fs); giving up on it",
                           request.url, asked, self.retry_after_max)  # fmt: skip
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        delay = asked if asked is not None else self._backoff(retry.meta.get("retry_times", 1))
        if asked is not None:
            stats.inc_value("news/fetch/retry_after_honoured")
        await asyncio.sleep(delay)
        return retry

    async def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:  # type: ignore[override]
        if request.meta.get("dont_retry", False) or not isinstance(exception, self.exceptions_to_retry):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await asyncio.sleep(self._backoff(retry.meta.get("retry_times", 1)))
        return retry


class RedirectLoopMiddleware:
    """Ends a redirect that leads back to its own chain, with a reason.

    Scrapy follows it, and the dupefilter then drops the repeated URL without a word, so the
    page would vanish from the run unexplained. Sits outside ``RedirectMiddleware`` (a higher
    number), so it sees the 3xx answer first.
    """

    _REDIRECTS = frozenset({301, 302, 303, 307, 308})

    def process_response(self, request: Request, response: Response) -> Request | Response:
        location = response.headers.get(b"Location")
        if response.status not in self._REDIRECTS or not location:
            return response
        target = urljoin(response.url, location.decode("latin-1")).split("#", 1)[0]
        if target in {request.url, *request.meta.get("redirect_urls", [])}:
            request.meta["news_redirect_loop"] = True
            raise IgnoreRequest(f"redirect loop: {request.url} -> {target}")
        return response


class RobotsTxtReuseMiddleware:
    """The spider's robots.txt request is answered with the copy ``RobotsTxtMiddleware`` fetched.

    The spider reads robots.txt for its ``Sitemap:`` lines; Scrapy's middleware fetches the same
    file to obey it, just before (its own request comes back through this middleware). Placed
    right after it (101), this keeps that response per site and replays it, once, for the
    spider's request, which is then never sent. With ``ROBOTSTXT_OBEY`` off, nothing is kept and
    the spider's request goes out as usual. Counted as ``news/fetch/robots_reused``.
    """

    KEEP = 100  # robots.txt responses kept at most; the spider asks right after the fetch

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self._fetched: dict[str, Response] = {}  # scheme://netloc -> robots.txt response, oldest first

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_request(self, request: Request) -> Response | None:
        if request.meta.get("news_via") != "robots":
            return None
        response = self._fetched.pop(_site_of(request.url), None)
        if response is None:
            return None
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("news/fetch/robots_reused")
        request.meta["news_robots_replayed"] = True
        return response.replace(request=request)

    def process_response(self, request: Request, response: Response) -> Response:
        if request.meta.get("news_robots_replayed"):
            # The replay went through DownloaderStats (850) on its way out like a download; take
            # it back out, so the response counts stay counts of downloads.
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("downloader/response_count", -1)
            self.crawler.stats.inc_value(f"downloader/response_status_count/{response.status}", -1)
            return response
        if request.callback is NO_CALLBACK and request.meta.get("dont_obey_robotstxt"):
            first = request.meta.get("redirect_urls", [request.url])[0]  # robots.txt may redirect
            if urlsplit(first).path == "/robots.txt":
                self._fetched[_site_of(first)] = response
                while len(self._fetched) > self.KEEP:  # sites the spider never asks about
                    del self._fetched[next(iter(self._fetched))]
        return response


def _site_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


# Content types that are never news articles; anything text- or XML-like is let through.
NON_HTML_PREFIXES = (
    "application/pdf", "image/", "video/", "audio/", "font/", "application/zip",
    "application/x-rar", "application/x-7z", "application/msword", "application/vnd.",
    "application/octet-stream", "application/x-tar", "application/gzip", "application/x-gzip",
)  # fmt: skip


class NonHtmlFilter:
    """Stops page downloads whose ``Content-Type`` is not a web page, before the body arrives."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        extension = cls(crawler)
        crawler.signals.connect(extension.headers_received, signal=signals.headers_received)
        return extension

    def headers_received(self, headers: Any, body_length: int, request: Request, spider: Any) -> None:
        if request.meta.get("news_role") != "page":
            return  # sitemaps are often served gzip or octet-stream; only article candidates are filtered
        content_type = (headers.get(b"Content-Type") or b"").decode("latin-1").split(";", 1)[0].strip().lower()
        if content_type.startswith(NON_HTML_PREFIXES):
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("news/fetch/body_skipped")
            raise StopDownload(fail=False)
