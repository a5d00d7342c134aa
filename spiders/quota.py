"""Article limits that limit fetching, not only writing.

``max_articles`` (the run's ``-a max_articles`` / ``NEWS_MAX_ARTICLES``, and each source's own in
``sources.toml``) used to be applied at output only: a source limited to 5 had 40 article pages
fetched and extracted, 10 of them then dropped. Here a *slot* is one article page that is in
flight (requested, or fetched and in extraction) or written. A candidate article request is sent
only while its source (and the run) has a free slot; otherwise it waits in the source's backlog.
A slot is freed when its page ends without a record (a listing after all, a fetch error, a
duplicate, a drop of any kind), and the next waiting URL is requested then. A written record keeps
its slot for good, so a source stops being fetched once its limit is written.

Fairness under the run's limit: one source may hold at most ``share`` run slots in flight (twice
the per-site download concurrency), and freed slots go round the sources in turn, so a source
whose sitemap lists thousands of URLs cannot take every slot before another source's stories are
found.

The gate is a spider middleware (:class:`QuotaMiddleware`) placed after Scrapy's own (depth, URL
length, referer), so a request they drop never takes a slot, and a request sent later from the
backlog has already passed them. The backlog is bounded by the discovery budget
(``NEWS_MAX_URLS_PER_SOURCE``); a paused JOBDIR run keeps it, and the counts, in the job's state.
"""

from __future__ import annotations

import itertools
from collections import Counter, deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Self

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware
from scrapy.utils.request import request_from_dict

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response

SLOT = "news_slot"  # request meta: the source whose slot this request holds
CANDIDATE = "news_candidate"  # request meta: the source of an article candidate (set by the spider)
RUN = ""  # the key of the run-wide limit (no source is named "")
STATE_KEY = "news_quota"  # in ``spider.state``, which Scrapy keeps in JOBDIR between pause and resume


class ArticleQuota:
    """Slots per source and for the run; requests beyond them wait (see the module docstring)."""

    def __init__(
        self,
        run_limit: int,
        source_limits: dict[str, int],
        schedule: Callable[[Request], None],
        count: Callable[[str, int], None],
        share: int = 8,
    ) -> None:
        self.limits = {RUN: run_limit, **{k: v for k, v in source_limits.items() if k != RUN}}
        self.schedule = schedule
        self.count = count  # (stats key, n): the crawl's stats, looked up when used
        self.share = max(1, share)
        self.in_flight: Counter[str] = Counter()
        self.written: Counter[str] = Counter()
        self.backlog: dict[str, deque[Request]] = {}
        self._draining = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, run_limit: int, source_limits: dict[str, int]) -> Self:
        """A quota fed by the crawl's signals: what became of each page decides its slot."""
        quota = cls(
            run_limit,
            source_limits,
            lambda request: _schedule(crawler, request),
            lambda key, n: crawler.stats.inc_value(key, n),
            share=2 * crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"),
        )
        if quota.active:
            crawler.signals.connect(quota._on_request_dropped, signal=signals.request_dropped)
            crawler.signals.connect(quota._on_item_scraped, signal=signals.item_scraped)
            crawler.signals.connect(quota._on_item_lost, signal=signals.item_dropped)
            crawler.signals.connect(quota._on_item_lost, signal=signals.item_error)
            crawler.signals.connect(quota._on_idle, signal=signals.spider_idle)
            crawler.signals.connect(quota._on_closed, signal=signals.spider_closed)
        return quota

    @property
    def active(self) -> bool:
        """Whether any limit is set (without one, requests pass untouched)."""
        return any(self.limits.values())

    def admit(self, request: Request, source: str) -> bool:
        """Take a slot for ``request`` (True: send it now) or queue it behind the source's slots."""
        if not self.active:
            return True
        if self._full(source):
            self.count("news/quota/held", 1)
            self.backlog.setdefault(source, deque()).append(request)
            return False
        self._take(request, source)
        return True

    def release(self, meta: dict[str, object]) -> None:
        """The request's page ended without a record: free its slot, send what waits behind it."""
        source = meta.pop(SLOT, None)
        if not isinstance(source, str):
            return
        self._free(source)
        self.drain()

    def record_written(self, meta: dict[str, object], source: str) -> None:
        """A record was written: its slot is kept (a page without one, the start URL, takes one now)."""
        holder = meta.pop(SLOT, None)
        if isinstance(holder, str):
            self._free(holder)
            source = holder
        self.written[source] += 1
        self.written[RUN] += 1
        self.drain()

    def reset_in_flight(self) -> None:
        """The crawl is idle: nothing is in flight whatever the counts say (a slot that leaked)."""
        self.in_flight.clear()

    def drain(self) -> int:
        """Send waiting requests into free slots, one source after another in turn.

        Re-entrant calls return at once: a request the scheduler refuses frees its slot again from
        inside ``schedule`` (``request_dropped``), and the loop below goes on until nothing moves.
        """
        if self._draining:
            return 0
        self._draining = True
        try:
            sent = 0
            while moved := self._drain_round():
                sent += moved
            self._forget_spent()
            return sent
        finally:
            self._draining = False

    def _drain_round(self) -> int:
        """One request from each source that has a free slot; a source served goes to the back."""
        sent = 0
        for source in list(self.backlog):
            waiting = self.backlog.get(source)
            if waiting and not self._full(source):
                request = waiting.popleft()
                self._take(request, source)
                self.count("news/quota/released", 1)
                self.schedule(request)
                sent += 1
                if source in self.backlog:  # round robin across calls too: the next slot is another's
                    self.backlog[source] = self.backlog.pop(source)
            if source in self.backlog and not self.backlog[source]:
                del self.backlog[source]
        return sent

    def _forget_spent(self) -> None:
        """Drop what waits behind a limit that is written in full: no slot of it will free again."""
        for source in [s for s in self.backlog if self._spent(s)]:
            self.count("news/quota/never_fetched", len(self.backlog.pop(source)))

    def _take(self, request: Request, source: str) -> None:
        request.meta[SLOT] = source
        self.in_flight[source] += 1
        self.in_flight[RUN] += 1

    def _free(self, source: str) -> None:
        for key in (source, RUN):  # never below 0: an idle reset may have cleared the count
            self.in_flight[key] = max(0, self.in_flight[key] - 1)

    def _full(self, source: str) -> bool:
        if any(self._used(key) >= limit for key, limit in self._limits_of(source)):
            return True
        # Under the run's limit, one source holds at most its share of the slots in flight.
        return bool(self.limits[RUN]) and self.in_flight[source] >= self.share

    def _spent(self, source: str) -> bool:
        """Written up to a limit: no slot of this source will ever free again."""
        return any(self.written[key] >= limit for key, limit in self._limits_of(source))

    def _used(self, key: str) -> int:
        return self.in_flight[key] + self.written[key]

    def _limits_of(self, source: str) -> list[tuple[str, int]]:
        pairs = ((RUN, self.limits[RUN]), (source, self.limits.get(source, 0)))
        return [(key, limit) for key, limit in pairs if limit]

    # --- JOBDIR pause and resume ---------------------------------------------------------

    def save(self, state: dict[str, Any], spider: Spider) -> None:
        """Keep the counts and the waiting requests in the job's state (a paused run)."""
        state[STATE_KEY] = {
            "in_flight": dict(self.in_flight),  # those requests wait in the job's own queue
            "written": dict(self.written),
            "backlog": [r.to_dict(spider=spider) for r in itertools.chain.from_iterable(self.backlog.values())],
        }

    def restore(self, state: dict[str, Any], spider: Spider) -> None:
        """Take back a paused run's counts and waiting requests, and send what fits."""
        saved = state.pop(STATE_KEY, None)
        if not saved:
            return
        self.in_flight.update(saved.get("in_flight", {}))
        self.written.update(saved.get("written", {}))
        for data in saved.get("backlog", []):
            request = request_from_dict(data, spider=spider)
            self.backlog.setdefault(str(request.meta.get(CANDIDATE, "")), deque()).append(request)
        self.drain()

    # --- signal handlers ------------------------------------------------------------

    def _on_request_dropped(self, request: Request, **_: Any) -> None:
        self.release(request.meta)  # the scheduler refused it (a URL already seen)

    def _on_item_scraped(self, item: Any, response: Response | None = None, **_: Any) -> None:
        meta = _meta_of(response)
        self.record_written(meta, str(getattr(item, "source", "") or meta.get(SLOT) or ""))

    def _on_item_lost(self, item: Any, response: Response | None = None, **_: Any) -> None:
        self.release(_meta_of(response))

    def _on_idle(self, **_: Any) -> None:
        """Idle with URLs waiting means a slot leaked somewhere: free them all and go on."""
        if not self.backlog:
            return
        self.reset_in_flight()
        if self.drain():
            raise DontCloseSpider

    def _on_closed(self, spider: Spider, reason: str = "", **_: Any) -> None:
        """A paused run (Ctrl-C with JOBDIR) keeps its backlog; this runs before Scrapy saves the state."""
        state = getattr(spider, "state", None)
        if reason == "shutdown" and isinstance(state, dict):
            self.save(state, spider)


class QuotaMiddleware(BaseSpiderMiddleware):
    """The gate: an article candidate the spider yields goes out now or waits for a slot.

    Placed after Scrapy's spider middlewares (``SPIDER_MIDDLEWARES`` 100: depth 900, URL length
    800 and referer 700 see the output first), so what they drop never takes a slot. Spiders
    without an ``ArticleQuota`` (another project's, through the add-on) pass untouched.
    """

    def get_processed_request(self, request: Request, response: Response | None) -> Request | None:
        source = request.meta.get(CANDIDATE)
        quota = getattr(self.crawler.spider, "quota", None)
        if not isinstance(source, str) or not isinstance(quota, ArticleQuota):
            return request
        return request if quota.admit(request, source) else None


def _meta_of(response: Response | None) -> dict[str, object]:
    try:
        return response.meta if response is not None else {}
    except AttributeError:  # a response built without a request
        return {}


def _schedule(crawler: Crawler, request: Request) -> None:
    """Hand a waiting request to the engine; a crawl already closing takes no more (counted)."""
    try:
        if crawler.engine is None:
            raise RuntimeError("no engine")
        crawler.engine.crawl(request)
    except RuntimeError:  # the spider is closing (max_articles reached, Ctrl-C)
        crawler.stats.inc_value("news/quota/not_sent_closing")
