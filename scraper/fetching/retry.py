"""Retries that honour ``Retry-After`` and back off exponentially (replaces Scrapy's ``RetryMiddleware``).

A 429 or 503 with ``Retry-After`` waits as long as the server asks (up to
``NEWS_RETRY_AFTER_MAX`` seconds; longer means give up), other retryable failures (5xx,
timeouts, dropped connections) wait an exponential backoff with jitter; 404 and 410 are never
retried. The wait happens in a coroutine, so other downloads go on meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Self

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.utils.response import response_status_message

from scraper.config import ConfigError

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)


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
        self.backoff_base = settings.getfloat("NEWS_RETRY_BACKOFF_BASE")
        self.backoff_max = settings.getfloat("NEWS_RETRY_BACKOFF_MAX")
        self.retry_after_max = settings.getfloat("NEWS_RETRY_AFTER_MAX")
        if self.backoff_base < 0 or self.backoff_max < 0 or self.retry_after_max < 0:
            raise ConfigError("NEWS_RETRY_BACKOFF_BASE, NEWS_RETRY_BACKOFF_MAX and NEWS_RETRY_AFTER_MAX must be >= 0")

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
