"""Why a download failed, in the words a run summary uses (:class:`~scraper.items.FetchFailure`).

Scrapy's download exceptions name transport details; a reader of the summary wants "timeout",
"truncated", "too_large", "redirect_loop". The spider logs and counts each failed URL once with
this reason.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError

from scraper.items import FetchFailure

if TYPE_CHECKING:
    from scrapy import Request

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
        if _decompressed_too_large(exc):
            return FetchFailure.TOO_LARGE.value
        if request is not None and request.meta.get("news_redirect_loop"):
            return FetchFailure.REDIRECT_LOOP.value
        hops = request.meta.get("redirect_times", 0) if request is not None else 0
        return FetchFailure.TOO_MANY_REDIRECTS.value if max_redirects and hops >= max_redirects else None
    for kind, reason in _FAILURES:
        if isinstance(exc, kind):
            return reason.value
    return FetchFailure.OTHER.value


def _decompressed_too_large(exc: IgnoreRequest) -> bool:
    """Scrapy's HttpCompressionMiddleware gave up on a body that inflated past ``DOWNLOAD_MAXSIZE``.

    It says so only as an ``IgnoreRequest`` (its own exception, private, is the cause), the same
    class as "not sent because of robots.txt", so the cause's name and the message tell them apart.
    """
    cause = type(exc.__cause__).__name__ if exc.__cause__ is not None else ""
    return cause == "_DecompressionMaxSizeExceeded" or "exceeded DOWNLOAD_MAXSIZE" in str(exc)
