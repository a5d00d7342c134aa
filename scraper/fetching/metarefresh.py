"""Scrapy's meta-refresh redirects, read without decoding the whole page.

Scrapy's ``MetaRefreshMiddleware`` looks for ``<meta http-equiv="refresh">`` in the first 4,096
characters of every HTML response, and takes them from ``response.text``: the whole body decoded,
for every page, in the crawl process, which otherwise needs only the text above ``<body`` (and
nothing at all of most pages' text: see ``scraper/fetching/prefix.py``). This subclass reads
the same characters from the bytes they are made of; the rules (``METAREFRESH_*`` settings, the
methods and schemes it skips, the redirect it makes) are Scrapy's. It takes Scrapy's place in
``DOWNLOADER_MIDDLEWARES`` (same order, 580).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse
from scrapy.utils.httpobj import urlparse_cached

from scraper.fetching.prefix import meta_refresh

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.http import Response

WEB_SCHEMES = frozenset({"http", "https"})


class PrefixMetaRefreshMiddleware(MetaRefreshMiddleware):
    """``MetaRefreshMiddleware`` whose refresh is read by :func:`scraper.fetching.prefix.meta_refresh`."""

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if (
            request.meta.get("dont_redirect", False)
            or request.method == "HEAD"
            or not isinstance(response, HtmlResponse)
            or urlparse_cached(request).scheme not in WEB_SCHEMES
        ):
            return response
        interval, url = meta_refresh(response, self._ignore_tags)
        if not url or interval is None:
            return response
        redirected = self._redirect_request_using_get(request, response, url)
        if urlparse_cached(redirected).scheme not in WEB_SCHEMES:
            return response
        if interval < self._maxdelay:
            return self._redirect(redirected, request, "meta refresh")
        return response
