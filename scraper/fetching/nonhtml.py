"""Stop a page download as soon as its headers say it is a PDF, an image, audio or video.

The body is never transferred, and the (empty) response still reaches the spider, so the
extraction stage counts it as ``not_html`` like every other rejected page.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Self

from scrapy import signals
from scrapy.exceptions import (
    StopDownload,
)

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


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
