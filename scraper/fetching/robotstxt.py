"""One robots.txt download per site and run.

``RobotsTxtReuseMiddleware`` hands the spider the robots.txt that Scrapy's ``RobotsTxtMiddleware``
has just fetched for the same site (the spider reads its ``Sitemap:`` lines), so a site's
robots.txt is downloaded once per run, not twice.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Self
from urllib.parse import urlsplit

from scrapy.http.request import NO_CALLBACK

from scraper.fetching.robotspolicy import cap_robots_body

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)


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
        self.max_bytes = crawler.settings.getint("NEWS_ROBOTSTXT_MAX_BYTES")
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
                # The spider reads the same capped copy the rules were parsed from.
                body = cap_robots_body(response.body, self.max_bytes)
                self._fetched[_site_of(first)] = response if body is response.body else response.replace(body=body)
                while len(self._fetched) > self.KEEP:  # sites the spider never asks about
                    del self._fetched[next(iter(self._fetched))]
        return response


def _site_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()
