"""A redirect back into its own chain ends at once as ``redirect_loop``.

Scrapy's ``RedirectMiddleware`` would follow the loop until ``REDIRECT_MAX_TIMES``; seeing the 3xx
first, this middleware stops at the first repeat and names the failure.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from scrapy.exceptions import (
    IgnoreRequest,
)

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.http import Response

logger = logging.getLogger(__name__)


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
