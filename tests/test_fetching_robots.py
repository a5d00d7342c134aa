"""robots.txt per RFC 9309 and "a site is its origin", one component at a time (the crawl is in
tests/test_crawl_hostile.py)."""

from __future__ import annotations

import asyncio

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.test import get_crawler
from twisted.internet.defer import Deferred
from twisted.internet.error import TCPTimedOutError

from scraper import settings
from scraper.fetching.origin import OriginFilterMiddleware
from scraper.fetching.robotspolicy import (
    MAX_REDIRECTS,
    DisallowAll,
    Rfc9309RobotsTxtMiddleware,
    RobotsUnreachable,
    cap_robots_body,
    is_robots_fetch,
)
from scraper.fetching.robotstxt import RobotsTxtReuseMiddleware
from spiders.sources import Source
from tests.helpers import project_settings


def test_code_executing_consoles_are_off_by_default() -> None:
    assert settings.TELNETCONSOLE_ENABLED is False
    assert settings.REMOTE_CONTROL_ENABLED is False
    assert settings.DOWNLOADER_MIDDLEWARES["scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware"] is None
    assert settings.DOWNLOADER_MIDDLEWARES["scraper.fetching.robotspolicy.Rfc9309RobotsTxtMiddleware"] == 100


def test_the_cap_keeps_whole_lines() -> None:
    body = b"User-agent: *\nDisallow: /a/\nDisallow: /bbbbbbbb/\n"
    assert cap_robots_body(body, 1000) is body
    assert cap_robots_body(body, 30) == b"User-agent: *\nDisallow: /a/\n"
    assert cap_robots_body(body, 0) is body  # 0: no limit


def _robots_fetch(url: str, **meta: object) -> Request:
    return Request(url, meta={"dont_obey_robotstxt": True, **meta}, callback=NO_CALLBACK)


def test_the_robots_fetch_is_recognised_through_redirects() -> None:
    assert is_robots_fetch(_robots_fetch("https://n.example/robots.txt"))
    hop = _robots_fetch("https://cdn.example/r", redirect_urls=["https://n.example/robots.txt"])
    assert is_robots_fetch(hop)
    assert not is_robots_fetch(Request("https://n.example/robots.txt", meta={"news_via": "robots"}))


def _middleware() -> Rfc9309RobotsTxtMiddleware:
    crawler = get_crawler(Spider, settings_dict=project_settings())
    crawler.spider = Spider.from_crawler(crawler, name="news")
    return Rfc9309RobotsTxtMiddleware.from_crawler(crawler)


def test_the_robots_fetch_is_tried_once_may_leave_the_host_and_redirects_five_times() -> None:
    mw = _middleware()
    request = _robots_fetch("https://n.example/robots.txt")
    assert asyncio.run(mw.process_request(request)) is None
    assert request.meta["dont_retry"] is True
    assert request.meta["allow_offsite"] is True
    assert request.meta["redirect_ttl"] == MAX_REDIRECTS == 5


def test_a_failed_robots_fetch_becomes_unreachable_not_an_error() -> None:
    mw = _middleware()
    with pytest.raises(RobotsUnreachable, match="TCPTimedOutError"):
        mw.process_exception(_robots_fetch("https://n.example/robots.txt"), TCPTimedOutError())
    assert mw.process_exception(Request("https://n.example/a"), TCPTimedOutError()) is None


@pytest.mark.parametrize(
    ("status", "allowed", "stat"),
    [(503, False, "robots_disallow_all_5xx"), (500, False, "robots_disallow_all_5xx"),
     (404, True, "robots_allow_all_4xx"), (403, True, "robots_allow_all_4xx")],
)  # fmt: skip
def test_status_codes_as_rfc_9309_says(status: int, allowed: bool, stat: str) -> None:
    mw = _middleware()
    mw._parsers["n.example"] = Deferred()
    request = _robots_fetch("https://n.example/robots.txt")
    response = Response(request.url, status=status, body=b"User-agent: *\nDisallow: /\n", request=request)
    asyncio.run(mw._parse_robots(response, "n.example", request))
    parser = mw._parsers["n.example"]
    if allowed:
        assert parser is None  # Scrapy's "no rules"
    else:
        assert isinstance(parser, DisallowAll)
        assert not parser.allowed("https://n.example/robots.txt", "news-scraper")
    assert mw.crawler.stats is not None
    assert mw.crawler.stats.get_value(f"news/fetch/{stat}") == 1


def test_unreachable_disallows_and_too_many_redirects_allow() -> None:
    mw = _middleware()
    mw._parsers["a.example"] = Deferred()
    mw._robots_error(RobotsUnreachable("TCPTimedOutError"), "a.example")
    assert isinstance(mw._parsers["a.example"], DisallowAll)
    mw._parsers["b.example"] = Deferred()
    mw._robots_error(IgnoreRequest("max redirections reached"), "b.example")
    assert mw._parsers["b.example"] is None


def test_the_spider_reads_the_same_capped_copy() -> None:
    crawler = get_crawler(Spider, settings_dict=project_settings(NEWS_ROBOTSTXT_MAX_BYTES=20))
    crawler.stats.open_spider()  # type: ignore[union-attr]
    reuse = RobotsTxtReuseMiddleware.from_crawler(crawler)
    body = b"Sitemap: /a.xml\nSitemap: /b.xml\n"
    reuse.process_response(
        _robots_fetch("https://n.example/robots.txt"), Response("https://n.example/robots.txt", body=body)
    )
    replay = reuse.process_request(Request("https://n.example/robots.txt", meta={"news_via": "robots"}))
    assert replay is not None
    assert replay.body == b"Sitemap: /a.xml\n"


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("http://127.0.0.1:8080/a.html", True),
        ("http://127.0.0.1:22/", False),  # same host, another port: another origin
        ("http://127.0.0.1/", False),
        ("http://127.0.0.2:8080/", False),
        ("not a url", False),
    ],
)
def test_a_site_is_its_origin(url: str, allowed: bool) -> None:
    assert Source("loop", urls=["http://127.0.0.1:8080/"]).allows(url) is allowed


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://www.news.example/a", True),
        ("https://feeds.news.example/rss", True),  # subdomains as before
        ("http://news.example/a", True),  # default ports normalised: http and https
        ("https://news.example:443/a", True),
        ("https://news.example:8443/a", False),
        ("https://other.example/a", False),
    ],
)
def test_subdomains_stay_in_but_other_ports_do_not(url: str, allowed: bool) -> None:
    assert Source("n", urls=["https://www.news.example/"]).allows(url) is allowed


def test_allowed_domains_may_name_a_port() -> None:
    source = Source("n", urls=["http://127.0.0.1:8080/"], allowed_domains=["127.0.0.1:8080", "www.news.example"])
    assert source.allows("http://127.0.0.1:8080/x")
    assert not source.allows("http://127.0.0.1:9090/x")
    assert source.allows("https://news.example/x")
    assert source.domains() == frozenset({"127.0.0.1", "news.example"})  # Scrapy's allowed_domains: no ports


def test_an_allowed_subdomain_restricts_the_crawl_to_it() -> None:
    """``allowed_domains = ["edition.cnn.com"]`` keeps Scrapy's meaning: not all of cnn.com, nor nothing."""
    source = Source("cnn", urls=["https://edition.cnn.com/"], allowed_domains=["edition.cnn.com"])
    assert source.allows("https://edition.cnn.com/2026/12/02/story.html")
    assert source.allows("https://live.edition.cnn.com/x")
    assert not source.allows("https://www.cnn.com/x")
    assert source.domains() == frozenset({"edition.cnn.com"})


def test_a_redirect_to_another_port_is_refused() -> None:
    crawler = get_crawler(Spider, settings_dict=project_settings())
    crawler.stats.open_spider()  # type: ignore[union-attr]
    mw = OriginFilterMiddleware.from_crawler(crawler)
    source = Source("loop", urls=["http://127.0.0.1:8080/"])
    mw.process_request(Request("http://127.0.0.1:8080/b", cb_kwargs={"source": source}))
    with pytest.raises(IgnoreRequest, match="another origin"):
        mw.process_request(Request("http://127.0.0.1:22/", cb_kwargs={"source": source}))
    mw.process_request(_robots_fetch("http://elsewhere.example/robots.txt"))  # no source: not ours to judge
    assert crawler.stats.get_value("news/fetch/offsite_port") == 1  # type: ignore[union-attr]
