"""robots.txt as RFC 9309 says, on top of Scrapy's ``RobotsTxtMiddleware``.

Scrapy's middleware fetches robots.txt once per host and port, but reads every answer it gets
as a robots.txt: a 503 page or a connection error becomes "no rules", so a site whose robots.txt
is down is crawled whole; a redirect to another host is dropped as off-site, with the same
result; and a 10 MB file is parsed whole on the reactor (10 s, then 0.27 s per URL checked).
RFC 9309 (section 2.3.1) says otherwise, and this subclass does what it says:

* 2xx: the rules, parsed from at most ``NEWS_ROBOTSTXT_MAX_BYTES`` (500 KiB, the RFC's minimum;
  cut at the last whole line). Counted as ``news/fetch/robots_truncated`` when cut.
* 3xx: up to five redirects are followed, to other hosts too, and the file found there is obeyed.
  More than five (or a loop) is "unavailable", like a 4xx.
* 4xx: unavailable, everything is allowed (``news/fetch/robots_allow_all_4xx``).
* 5xx, and no answer at all (timeout, refused, DNS): unreachable, nothing on that site is
  requested for the rest of the run (``news/fetch/robots_disallow_all_5xx``,
  ``news/fetch/robots_disallow_all_unreachable``), with one warning naming the site.

The fetch is made once per site and run, without retries (a timeout costs ``DOWNLOAD_TIMEOUT``
once, not four times), and its verdict is kept for the run, so the spider's own robots.txt
request for a disallowed site is refused like any other URL there.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Self
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http.request import NO_CALLBACK
from scrapy.robotstxt import RobotParser
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred

from scraper.config import ConfigError

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

MAX_REDIRECTS = 5
"""RFC 9309 2.3.1.2: crawlers should follow at least five consecutive redirects."""


class DisallowAll(RobotParser):
    """The verdict for a site whose robots.txt is unreachable (5xx or no answer): nothing allowed."""

    @classmethod
    def from_crawler(cls, crawler: Crawler, robotstxt_body: bytes) -> Self:
        return cls()

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        return False


class RobotsUnreachable(IgnoreRequest):
    """The robots.txt download failed without an answer; carries why, for the one warning.

    An ``IgnoreRequest``, so Scrapy's middleware does not log the failure as an error with its
    traceback; :meth:`Rfc9309RobotsTxtMiddleware._robots_error` turns it into "disallow all".
    """


def robots_key(url: str) -> str:
    """``scheme://host[:port]`` of a URL, default ports left out: what one robots.txt covers."""
    parts = urlsplit(url)
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    default = {"http": 80, "https": 443}.get(scheme)
    authority = f"[{host}]" if ":" in host else host
    return f"{scheme}://{authority}" + (f":{port}" if port and port != default else "")


def is_robots_fetch(request: Request) -> bool:
    """Whether ``request`` is (a redirect hop of) the fetch Scrapy's middleware makes to obey."""
    if request.callback is not NO_CALLBACK or not request.meta.get("dont_obey_robotstxt"):
        return False
    first = str(request.meta.get("redirect_urls", [request.url])[0])
    return urlsplit(first).path == "/robots.txt"


async def _verdict_of(pending: Deferred[RobotParser | None]) -> RobotParser | None:
    """The verdict ``pending`` fires with, awaited without taking it from the requests after this one.

    Scrapy's middleware awaits the site's shared Deferred itself, through
    ``maybe_deferred_to_future``; under the asyncio reactor that is ``Deferred.asFuture``, which
    consumes the result: its callback returns None, so every later request waiting for the same
    robots.txt got None, "no rules", and was sent whatever robots.txt said: of the requests that
    waited for a site's robots.txt, only the first was checked (start URLs given together, or a
    cluster worker taking queued URLs while its robots.txt was still on its way). Each waiter
    gets a Deferred of its own here, fed by a callback that hands the verdict on unchanged.
    """
    mine: Deferred[RobotParser | None] = Deferred()

    def relay(verdict: RobotParser | None) -> RobotParser | None:
        mine.callback(verdict)
        return verdict  # for the next waiter

    pending.addCallback(relay)
    return await maybe_deferred_to_future(mine)


def cap_robots_body(body: bytes, limit: int) -> bytes:
    """The first ``limit`` bytes of a robots.txt, cut back to the last whole line (0: no limit)."""
    if limit <= 0 or len(body) <= limit:
        return body
    head = body[:limit]
    return head[: head.rfind(b"\n") + 1]


class Rfc9309RobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's ``RobotsTxtMiddleware`` with RFC 9309's status codes, redirects and size limit.

    Replaces it at the same place (100) in ``DOWNLOADER_MIDDLEWARES``.
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.max_bytes = crawler.settings.getint("NEWS_ROBOTSTXT_MAX_BYTES")
        if self.max_bytes < 0:
            raise ConfigError(f"NEWS_ROBOTSTXT_MAX_BYTES must be >= 0 (0 = no limit), got {self.max_bytes}")

    async def robot_parser(self, request: Request) -> RobotParser | None:
        """The verdict for the request's scheme and authority (RFC 9309), fetched once per run.

        Scrapy keys robots.txt by host and port alone, so http and https of one host shared a
        verdict; with "unreachable means disallow all", a closed port 80 would then block the
        whole https site. Each scheme gets its own robots.txt here.
        """
        key = robots_key(request.url)
        if key not in self._parsers:
            self._parsers[key] = Deferred()
            fetch = Request(f"{key}/robots.txt", priority=self.DOWNLOAD_PRIORITY,
                            meta={"dont_obey_robotstxt": True}, callback=NO_CALLBACK)  # fmt: skip
            try:
                response = await self.crawler.engine.download_async(fetch)
                await self._parse_robots(response, key, request)
            except Exception as exc:  # every outcome is a verdict, logged by _robots_error in one line
                self._robots_error(exc, key)
            self._stats.inc_value("robotstxt/request_count")
        parser = self._parsers[key]
        if isinstance(parser, Deferred):
            return await _verdict_of(parser)
        return parser

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if is_robots_fetch(request):
            # One attempt; redirects to any host (RFC 9309), at most five of them.
            request.meta["dont_retry"] = True
            request.meta["allow_offsite"] = True
            request.meta.setdefault("redirect_ttl", MAX_REDIRECTS)
            return
        await super().process_request(request)

    def process_exception(self, request: Request, exception: Exception) -> None:
        if is_robots_fetch(request) and not isinstance(exception, IgnoreRequest):
            raise RobotsUnreachable(f"{type(exception).__name__}: {exception}") from exception

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        status = response.status
        if 200 <= status < 300:
            body = cap_robots_body(response.body, self.max_bytes)
            if len(body) < len(response.body):
                self._stats.inc_value("news/fetch/robots_truncated")
                logger.warning("robots.txt of %s is %d bytes: only the first %d are obeyed (NEWS_ROBOTSTXT_MAX_BYTES)",
                               netloc, len(response.body), len(body))  # fmt: skip
                response = response.replace(body=body)
            await super()._parse_robots(response, netloc, request)
            return
        self._stats.inc_value("robotstxt/response_count")
        self._stats.inc_value(f"robotstxt/response_status_count/{status}")
        if status >= 500:
            self._stats.inc_value("news/fetch/robots_disallow_all_5xx")
            logger.warning("robots.txt of %s answered %d: nothing on that site is requested in this run "
                           "(RFC 9309: unreachable means disallow all)", netloc, status)  # fmt: skip
            self._settle(netloc, DisallowAll())
        else:  # 4xx, or a 3xx that was not followed (no Location): unavailable, allow all
            self._stats.inc_value(
                "news/fetch/robots_allow_all_4xx" if status >= 400 else "news/fetch/robots_allow_all_unavailable"
            )
            self._settle(netloc, None)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        if isinstance(exc, RobotsUnreachable):
            self._stats.inc_value("news/fetch/robots_disallow_all_unreachable")
            logger.warning("robots.txt of %s could not be fetched (%s): nothing on that site is requested in this run "
                           "(RFC 9309: unreachable means disallow all)", netloc, exc)  # fmt: skip
            self._settle(netloc, DisallowAll())
            return
        # More than five redirects, a redirect loop: unavailable (RFC 9309 2.3.1.2), allow all.
        self._stats.inc_value("news/fetch/robots_allow_all_unavailable")
        logger.info("robots.txt of %s unavailable (%s): everything allowed", netloc, exc)
        super()._robots_error(exc, netloc)

    def _settle(self, netloc: str, parser: RobotParser | None) -> None:
        """Give the waiting requests of ``netloc`` their verdict, and keep it for the run."""
        waiting = self._parsers[netloc]
        assert isinstance(waiting, Deferred)
        self._parsers[netloc] = parser
        waiting.callback(parser)
