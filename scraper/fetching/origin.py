"""No request leaves its source's sites, redirects included: a site is its origin.

The spider only requests links its source allows (``Source.allows``: the registered domain and
the port). Scrapy's ``OffsiteMiddleware`` checks host names only, so a redirect from an allowed
page to another port of the same host (``http://127.0.0.1:22/``, a mail or SSH server on the
site's machine) would still be fetched. Placed next to it (51), this refuses any request whose
source (the ``source`` callback argument the spider gives every request) does not allow its URL,
the hops of a redirect chain included. Counted in Scrapy's ``offsite/filtered`` and as
``news/fetch/offsite_port``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol, Self

from scrapy.exceptions import IgnoreRequest

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class _AllowsUrls(Protocol):
    def allows(self, url: str) -> bool: ...


class OriginFilterMiddleware:
    """Refuses a request whose source does not allow its URL (another port, another site)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        source: _AllowsUrls | None = request.cb_kwargs.get("source")
        if source is None or not hasattr(source, "allows") or source.allows(request.url):
            return
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("offsite/filtered")
        self.crawler.stats.inc_value("news/fetch/offsite_port")
        logger.debug("Not fetched, not on the source's sites (origin: host and port): %s", request.url)
        raise IgnoreRequest(f"offsite (another origin): {request.url}")
