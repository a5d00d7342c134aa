"""The ``news`` spider: find article pages and hand them on as ``Page`` items. Nothing else.

Discovery paths, per source: robots.txt ``Sitemap:`` lines (or ``/sitemap.xml``), sitemap
indexes, gzip and Google News sitemaps; RSS/Atom/RDF feeds named by the source, advertised with
``<link rel="alternate">`` or found at common paths; and links on the start page and the section
pages it leads to, to a bounded depth. Pages whose markup says "article" become ``Page`` items;
listing, tag, author and section pages are only followed. Extraction, cleaning, validation and
output are pipeline stages, so every discovery path ends in the same place.

What one source may add to the crawl is bounded (``spiders/bounds.py``): every discovered URL
passes a per-source budget, links are read lazily and only so many per page
(``spiders/links.py``), and sitemaps and feeds are cut, capped and parsed off the reactor thread
(``spiders/documents.py``, whose callbacks this class mixes in). ``max_articles`` limits what is
fetched, per source and for the run: article candidates beyond the free slots wait
(``spiders/quota.py``, whose spider middleware is the gate).

Arguments (``-a name=value``): ``url``, ``feed``, ``sitemap`` (each may repeat or be
comma-separated), ``sources`` (a TOML file), ``max_articles``. With none of them the spider
reads ``NEWS_SOURCES_FILE`` (``sources.toml``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import HtmlResponse, Response
from w3lib.encoding import http_content_type_encoding

from scraper.config import ConfigError
from scraper.extraction.declared import is_site_root
from scraper.extraction.pagekind import Kind, Verdict, classify
from scraper.extraction.signals import PageSignals, read_head_signals
from scraper.fetching.failures import fetch_failure_reason
from scraper.fetching.prefix import base_url
from scraper.items import Fetch, Page
from scraper.summary import SOURCES
from scraper.urls import DEFAULT_DROP_PARAMS, UrlCanonicalizer
from spiders.bounds import LIMIT_PREFIX, DiscoveryBudget, Limit
from spiders.discovery import COMMON_FEED_PATHS, is_feed_link, iter_links
from spiders.documents import DocumentCallbacks
from spiders.links import focus, iter_anchors
from spiders.quota import CANDIDATE, ArticleQuota
from spiders.sources import (
    Source,
    date_window,
    in_section,
    load_sources,
    non_negative_int,
    section_of,
    source_from_args,
)
from spiders.verdict import head_verdict

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure


ARGUMENTS = ("url", "feed", "sitemap", "sources", "max_articles", "since", "days", "output")
"""The spider's ``-a`` arguments; any other name is refused (a typo must not crawl sources.toml)."""


# How a page was found when a sitemap or feed listed it (see ``DocumentCallbacks._page_request``).
LISTED_VIA = frozenset({"sitemap_entry", "news_sitemap", "feed_entry"})


class NewsSpider(DocumentCallbacks, scrapy.Spider):
    """Discovers news articles on the configured sources."""

    name = "news"

    def __init__(
        self,
        url: str | None = None,
        feed: str | None = None,
        sitemap: str | None = None,
        sources: str | None = None,
        max_articles: str | int | None = None,
        since: str | None = None,
        days: str | int | None = None,
        output: str | None = None,
        **kwargs: Any,
    ) -> None:
        unknown = sorted(k for k in kwargs if not k.startswith("_"))  # Scrapyd adds _job
        if unknown:
            raise ConfigError(f"unknown spider argument(s) {', '.join(unknown)}; known: {', '.join(ARGUMENTS)}")
        super().__init__(**kwargs)
        self._args = {"url": url, "feed": feed, "sitemap": sitemap, "sources": sources}
        self._output = output
        self.max_articles = non_negative_int(max_articles, "max_articles") if max_articles is not None else None
        self.since = date_window(since, days)
        self.sources: list[Source] = []
        self._listing_pages: Counter[str] = Counter()
        self._limits_logged: set[tuple[str, Limit]] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider._configure(crawler)
        return spider

    def _configure(self, crawler: Crawler) -> None:
        """Resolve the sources and limits; fail fast with a clear message on bad input."""
        settings = crawler.settings
        one = source_from_args(self._args["url"], self._args["feed"], self._args["sitemap"])
        if one is not None:
            self.sources = [one]
        else:
            path = Path(self._args["sources"] or settings.get("NEWS_SOURCES_FILE"))
            self.sources = load_sources(path)
        self.allowed_domains = sorted({d for s in self.sources for d in s.domains()})
        # Spider arguments become settings here, before Scrapy freezes them, so the stages read
        # settings only. An -a argument is as explicit as -s (cmdline priority; given later, it wins).
        limits = {s.name: s.max_articles for s in self.sources if s.max_articles}
        settings.set("NEWS_SOURCE_MAX_ARTICLES", limits, priority="spider")
        settings.set("NEWS_RUN_SOURCE_NAME", self.sources[0].name if len(self.sources) == 1 else "", priority="spider")
        if self._output:  # -a output=TEMPLATE
            settings.set("NEWS_OUTPUT_PATH", self._output, priority="cmdline")
        if self.max_articles is not None:
            settings.set("NEWS_MAX_ARTICLES", self.max_articles, priority="cmdline")
        if self.since is not None:
            settings.set("NEWS_SINCE", self.since.isoformat(), priority="cmdline")
        elif settings.get("NEWS_SINCE"):
            self.since = date_window(str(settings.get("NEWS_SINCE")), None)
        drop = settings.getlist("NEWS_URL_DROP_PARAMS") or list(DEFAULT_DROP_PARAMS)
        self.canonicalize = UrlCanonicalizer.from_names(drop)
        self.follow_links = settings.getbool("NEWS_FOLLOW_LINKS")
        self.link_depth = settings.getint("NEWS_LINK_DEPTH")
        self.max_listing_pages = settings.getint("NEWS_MAX_LISTING_PAGES")
        self.max_links = settings.getint("NEWS_MAX_LINKS_PER_PAGE")
        self.min_headline_links = settings.getint("NEWS_MIN_HEADLINE_LINKS")
        self.max_document_bytes = settings.getint("NEWS_MAX_DISCOVERY_BYTES")
        self.max_entries = settings.getint("NEWS_MAX_ENTRIES_PER_DOCUMENT")
        self.budget = DiscoveryBudget(
            settings.getint("NEWS_MAX_URLS_PER_SOURCE"), settings.getint("NEWS_MAX_URLS_PER_PATH")
        )
        self.quota = ArticleQuota.from_crawler(crawler, settings.getint("NEWS_MAX_ARTICLES"), limits)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.crawler.stats.set_value(SOURCES, [s.summary() for s in self.sources])
        state = getattr(self, "state", None)  # a JOBDIR run's state, loaded before start()
        if isinstance(state, dict):
            self.quota.restore(state, self)  # a resumed run: the counts and waiting requests it paused with
        for source in self.sources:
            for request in self._start_requests(source):
                yield request

    def _start_requests(self, source: Source) -> Iterator[scrapy.Request]:
        for url in source.sitemaps:
            yield self._request(url, self.parse_sitemap, source, "sitemap")
        for url in source.feeds:
            yield self._request(url, self.parse_feed, source, "feed")
        for url in source.urls:
            section = section_of(url)
            if section is None:  # a home page: the whole site, its sitemaps included
                yield self._request(urljoin(url, "/robots.txt"), self.parse_robots, source, "robots")
            yield self._request(url, self.parse_page, source, "start", link_depth=0, section=section)

    def _request(
        self,
        url: str,
        callback: Any,
        source: Source,
        via: str,
        *,
        link_depth: int | None = None,
        hints: dict[str, str] | None = None,
        priority: int = 0,
        quiet_errors: bool = False,
        section: str | None = None,
    ) -> scrapy.Request:
        self.crawler.stats.inc_value(f"news/discovery/{via}")
        role = "page" if callback == self.parse_page else "discovery"
        meta: dict[str, Any] = {"news_source": source.name, "news_via": via, "news_hints": hints or {},
                                "news_role": role}  # fmt: skip
        if link_depth is not None:
            meta["news_link_depth"] = link_depth
        if role == "page" and via != "start":
            meta[CANDIDATE] = source.name  # an article candidate: it takes one of max_articles' slots
        if section is not None:
            meta["news_section"] = section
        if quiet_errors:
            meta["handle_httpstatus_list"] = [404, 410, 403]
        return scrapy.Request(self.canonicalize(url), callback=callback, meta=meta, priority=priority,
                              errback=self.on_error, cb_kwargs={"source": source})  # fmt: skip

    # --- HTML pages -------------------------------------------------------------------

    def parse_page(self, response: Response, source: Source) -> Iterator[Page | scrapy.Request]:
        """Emit article pages as ``Page`` items; follow links on listing pages.

        The parsed tree is released as soon as the page is done with (see
        :func:`release_parse_tree`); the ``Page`` item carries only the body bytes on.
        """
        stats = self.crawler.stats
        if not isinstance(response, HtmlResponse):
            stats.inc_value("news/response/page")
            yield self._page(response, source)  # the extraction stage says why it is not one
            return
        produced = False
        try:
            for output in self._parse_html(response, source):
                produced = produced or isinstance(output, Page)
                yield output
        finally:
            release_parse_tree(response)
            if not produced:  # a listing, or an old URL of another page: its article slot is free
                self.quota.release(response.meta)

    def _parse_html(self, response: HtmlResponse, source: Source) -> Iterator[Page | scrapy.Request]:
        stats = self.crawler.stats
        try:
            # An article decided by what precedes <body> is not parsed further (spiders/verdict.py)
            head = head_verdict(response)
            signals, verdict = head or _whole_page_verdict(response)
        except (UnicodeError, LookupError, ValueError):  # a charset Scrapy cannot decode with (idna)
            stats.inc_value("news/response/page")
            yield self._page(response, source)  # extraction decodes on its own terms, or says why not
            return
        stats.inc_value("news/spider/head_only" if head else "news/spider/whole_page")  # how the verdict was read
        stats.inc_value(f"news/pagekind/{verdict.kind}/{verdict.signal}")
        if verdict.kind is not Kind.LISTING:
            canonical = self._canonical_elsewhere(response, signals.canonical or signals.first_meta("og:url"), source)
            if canonical is not None:
                # An AMP/print variant or an old URL: fetch the article under its own URL, once.
                stats.inc_value("news/response/variant")
                yield self._request(canonical, self.parse_page, source, "canonical",
                                    hints=response.meta.get("news_hints"), priority=10)  # fmt: skip
                return
            stats.inc_value("news/response/page")
            yield self._page(response, source, verdict)
        else:
            stats.inc_value("news/response/listing")
        if verdict.kind is Kind.ARTICLE:
            return
        if response.meta.get("news_via") == "start":
            yield from self._feed_requests(response, source)
        yield from self._follow_links(response, source, verdict)

    def _canonical_elsewhere(self, response: HtmlResponse, href: str | None, source: Source) -> str | None:
        """The page's canonical URL when it names another page of the same site, else None.

        A canonical pointing at the site's root or at the page we came from is ignored: some
        CMSs point every page at the home page, and following that would lose the article.
        """
        if not href or response.meta.get("news_via") == "canonical":
            return None
        canonical = self.canonicalize(urljoin(base_url(response), href))  # response.urljoin, not decoding it whole
        here = {self.canonicalize(response.url), self.canonicalize(response.request.url if response.request else "")}
        if canonical in here or not source.allows(canonical) or is_site_root(urlsplit(canonical)):
            return None
        return canonical

    def _feed_requests(self, response: HtmlResponse, source: Source) -> Iterator[scrapy.Request]:
        """Feeds the start page advertises; the common paths when it advertises none."""
        section = response.meta.get("news_section")
        advertised = [
            response.urljoin(link.attrib["href"])
            for link in response.css("link[href]")
            if is_feed_link(link.attrib.get("rel", ""), link.attrib.get("type", ""))
        ]
        for url in advertised:
            if source.allows(url) and (section is None or in_section(url, section)):
                yield self._request(url, self.parse_feed, source, "feed")
        if not advertised and not source.feeds and section is None:
            for path in COMMON_FEED_PATHS:
                yield self._request(urljoin(response.url, path), self.parse_feed, source, "feed_guess",
                                    quiet_errors=True)  # fmt: skip

    def _follow_links(self, response: HtmlResponse, source: Source, verdict: Verdict) -> Iterator[scrapy.Request]:
        depth = response.meta.get("news_link_depth")
        if depth is None or not (self.follow_links and source.follow_links) or depth >= self.link_depth:
            return
        section = response.meta.get("news_section")
        if section is not None and depth > 0 and not in_section(response.url, section):
            self.crawler.stats.inc_value("news/discovery/outside_section")
            return  # started from a section: another section's page is not crawled for links
        anchors = iter_anchors(response, response.selector.root)
        lists = True
        if depth > 0 and verdict.kind is not Kind.LISTING and self.min_headline_links:
            # Neither a start page nor a declared listing: its links are followed only if it lists
            # stories; a page a sitemap or feed lists must also page on (articles it lists carry
            # blocks of related headlines too).
            listed = response.meta.get("news_via") in LISTED_VIA
            lists, anchors = focus(anchors, source.allows, self.max_links or 500, self.min_headline_links,
                                   paginated=listed)  # fmt: skip
            if not lists:
                self.crawler.stats.inc_value("news/discovery/not_a_listing")
        self._listing_pages[source.name] += lists  # only its pagination followed: not a listing page
        if self._listing_pages[source.name] > self.max_listing_pages:
            self.crawler.stats.inc_value("news/discovery/listing_budget_spent")
            return
        taken = 0
        for url in iter_links((url for url, _ in anchors), response.url):
            if not source.allows(url):
                self.crawler.stats.inc_value("news/discovery/offsite_skipped")
            elif self._too_old(None, url):
                self.crawler.stats.inc_value("news/discovery/outside_window")
            elif self.max_links and taken >= self.max_links:
                self._limit_hit(Limit.LINKS_PER_PAGE, source, response.url)
                return  # the rest of the page is not read
            else:
                taken += 1  # a link refused by the budget is taken too: the page is read no further
                if self._admit(url, source, per_path=True):
                    yield self._request(url, self.parse_page, source, "link", link_depth=depth + 1,
                                        section=section)  # fmt: skip

    def _admit(self, url: str, source: Source, *, per_path: bool) -> bool:
        """Whether the source's budget takes one more discovered URL; counted when it does not."""
        refused = self.budget.admit(source.name, self.canonicalize(url), per_path=per_path)
        if refused is not None:
            self._limit_hit(refused, source, url)
        return refused is None

    def _limit_hit(self, limit: Limit, source: Source, url: str) -> None:
        """Count a bound hit by its reason; say so in the log once per source and bound."""
        self.crawler.stats.inc_value(LIMIT_PREFIX + limit)
        if (source.name, limit) not in self._limits_logged:
            self._limits_logged.add((source.name, limit))
            self.logger.warning("Source %s hit the %s bound at %s; counted as %s%s from here on",
                                source.name, limit, url, LIMIT_PREFIX, limit)  # fmt: skip

    def _page(self, response: Response, source: Source, verdict: Verdict | None = None) -> Page:
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
        requested = response.request.url if response.request else response.url
        return Page(
            url=requested,
            final_url=response.url,
            status=response.status,
            body=response.body,
            # Only what the server declared: the page's <meta>, BOM and a guess for undeclared
            # legacy charsets are decode_body's to weigh (Scrapy would infer cp1252 for those).
            encoding=http_content_type_encoding(content_type),
            content_type=content_type.split(";", 1)[0].strip().lower(),
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
            source=source.name,
            discovered_via=str(response.meta.get("news_via", "link")),
            hints=dict(response.meta.get("news_hints") or {}),
            kind=str(verdict) if verdict is not None else "",
            fetch=Fetch(
                urls=(
                    *response.meta.get("redirect_urls", ()),
                    response.request.url if response.request else response.url,
                ),
                etag=_header(response, b"ETag"),
                last_modified=_header(response, b"Last-Modified"),
            ),
        )

    def on_error(self, failure: Failure) -> None:
        """Count fetch failures by reason; the run summary lists them."""
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        if request is not None:
            self.quota.release(request.meta)  # no page came of it: its article slot is free
        exc = failure.value if failure.value is not None else Exception("unknown")
        reason = fetch_failure_reason(exc, request, self.settings.getint("REDIRECT_MAX_TIMES"))
        if reason is None:  # robots.txt or off-site: never sent, and already counted by Scrapy
            self.crawler.stats.inc_value("news/discovery/ignored")
            self.logger.debug("Not fetched: %s (%s)", url, failure.getErrorMessage())
            return
        self.crawler.stats.inc_value(f"news/fetch_error/{reason}")
        attempts = 1 + int(request.meta.get("retry_times", 0)) if request is not None else 1
        self.logger.warning("Fetch failed for %s: %s after %d attempt(s) (%s); no page from it", url, reason,
                            attempts, failure.getErrorMessage() or type(failure.value).__name__)  # fmt: skip


def _whole_page_verdict(response: HtmlResponse) -> tuple[PageSignals, Verdict]:
    """Signals and verdict from the whole page's tree (kept on the response for its links)."""
    signals = read_head_signals(response.selector.root)  # extraction reads the structure
    return signals, classify(signals, response.url)


def release_parse_tree(response: HtmlResponse) -> None:
    """Drop the response's cached selector, and with it the lxml tree of the whole page.

    ``response.selector`` caches a ``Selector`` that points back at the response (scrapy#2977).
    That cycle outlives the callback until Python's cyclic collector runs, and the collector
    counts Python objects, not the libxml2 memory of the tree (several times the body's size):
    on a crawl of 700 pages the cycles held about 200 MB in the crawl process. Breaking it here
    lets reference counting free the tree, the decoded text and the response on the spot.
    The decoded text goes too: the engine keeps the response a while after the callback (its
    outputs are still being scheduled), and the ``Page`` item carries only the body bytes on.
    """
    if getattr(response, "_cached_selector", None) is not None:
        response._cached_selector = None
    if getattr(response, "_cached_ubody", None) is not None:
        response._cached_ubody = None


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1").strip() or None if value else None
