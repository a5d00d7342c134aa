"""The news spider's callbacks, on responses we build (scrapy/tests/test_spider_sitemap.py style)."""

from __future__ import annotations

import asyncio
import gc
import gzip
import weakref
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response, TextResponse, XmlResponse
from scrapy.utils.test import get_crawler

from scraper.items import Page
from spiders.news import NewsSpider
from tests.helpers import project_settings

from .test_spiders_discovery import INDEX, NEWS_SITEMAP, RSS, URLSET

ARTICLE = b"""<html lang="en"><head><title>Bridge reopens | Example</title>
<meta property="og:type" content="article"></head><body><h1>Bridge reopens</h1>
<p>Text.</p><a href="/other-story-with-long-slug.html">other</a></body></html>"""

LISTING = b"""<html><head><title>Local news</title>
<link rel="alternate" type="application/rss+xml" href="/feed.rss"></head><body>
<a href="/news/2026/11/bridge.html">Bridge</a> <a href="https://elsewhere.example/x">off-site</a>
<a href="/section/local/page/2/">next</a> <a href="/news/2026/11/bridge.html#comments">again</a></body></html>"""


def make_spider(settings: dict[str, Any] | None = None, **kwargs: Any) -> NewsSpider:
    crawler = get_crawler(NewsSpider, settings_dict=project_settings(**(settings or {})))
    crawler.settings.frozen = False  # as in a crawl: the spider turns its arguments into settings first
    spider = NewsSpider.from_crawler(crawler, **kwargs)
    crawler.settings.freeze()
    crawler.spider = spider
    return spider


def response(cls: type[Response], url: str, body: bytes, spider: NewsSpider, **meta: Any) -> Any:
    request = Request(url, meta={"news_source": spider.sources[0].name, **meta})
    if issubclass(cls, TextResponse):
        return cls(url=url, body=body, request=request, encoding="utf-8")
    return cls(url=url, body=body, request=request)


def drain(requests: AsyncIterator[Request]) -> list[Request]:
    """The requests an async callback (sitemap, feed: parsed on a thread) yields, in order."""

    async def collect() -> list[Request]:
        return [request async for request in requests]

    return asyncio.run(collect())


def test_url_argument_starts_with_robots_and_home() -> None:
    spider = make_spider(url="https://www.news.example/")
    assert spider.allowed_domains == ["news.example"]
    requests = list(spider._start_requests(spider.sources[0]))
    assert [r.url for r in requests] == ["https://www.news.example/robots.txt", "https://www.news.example/"]


def test_feed_and_sitemap_arguments_may_be_comma_separated() -> None:
    spider = make_spider(feed="https://a.example/rss, https://a.example/atom", sitemap="https://a.example/s.xml")
    urls = [r.url for r in spider._start_requests(spider.sources[0])]
    assert urls == ["https://a.example/s.xml", "https://a.example/rss", "https://a.example/atom"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"url": "ftp://x.example/"}, "not an http"),
        ({"url": "https://x.example/", "max_articles": "-3"}, "max_articles"),
    ],
)
def test_bad_arguments_fail_fast(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_spider(**kwargs)


def test_sources_file(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nname = "Gazette"\nurls = ["https://gazette.example/"]\nmax_articles = 5\n', "utf-8")
    spider = make_spider(sources=str(path))
    assert [s.name for s in spider.sources] == ["Gazette"]
    assert spider.settings.getdict("NEWS_SOURCE_MAX_ARTICLES") == {"Gazette": 5}


def test_robots_sitemaps_are_followed_on_site_only() -> None:
    spider = make_spider(url="https://news.example/")
    body = b"Sitemap: https://news.example/sitemap_index.xml\nSitemap: https://evil.example/s.xml\n"
    resp = response(TextResponse, "https://news.example/robots.txt", body, spider)
    requests = list(spider.parse_robots(resp, spider.sources[0]))
    assert [r.url for r in requests] == ["https://news.example/sitemap_index.xml"]


def test_robots_without_sitemap_falls_back_to_sitemap_xml() -> None:
    spider = make_spider(url="https://news.example/")
    resp = response(TextResponse, "https://news.example/robots.txt", b"User-agent: *\n", spider)
    (request,) = spider.parse_robots(resp, spider.sources[0])
    assert request.url == "https://news.example/sitemap.xml"


def test_sitemap_index_then_urlset_then_gzip() -> None:
    spider = make_spider(url="https://news.example/")
    source = spider.sources[0]
    (child,) = drain(
        spider.parse_sitemap(response(XmlResponse, "https://news.example/index.xml", INDEX, spider), source)
    )
    assert child.callback == spider.parse_sitemap
    gz = response(Response, "https://news.example/sitemap-1.xml.gz", gzip.compress(URLSET), spider)
    pages = list(drain(spider.parse_sitemap(gz, source)))
    assert [r.url for r in pages] == ["https://news.example/a.html", "https://news.example/b.html"]
    assert all(r.callback == spider.parse_page for r in pages)


def test_a_broken_url_in_a_sitemap_costs_only_its_entry() -> None:
    spider = make_spider(url="https://news.example/")
    broken = URLSET.replace(
        b"<url><loc>https://news.example/a.html",
        b"<url><loc>http://[bad/</loc></url><url><loc>https://news.example/a.html",
    )
    pages = list(
        drain(
            spider.parse_sitemap(response(XmlResponse, "https://news.example/s.xml", broken, spider), spider.sources[0])
        )
    )
    assert [r.url for r in pages] == ["https://news.example/a.html", "https://news.example/b.html"]


def test_news_sitemap_hints_travel_with_the_request() -> None:
    spider = make_spider(url="https://news.example/")
    resp = response(XmlResponse, "https://news.example/news.xml", NEWS_SITEMAP, spider)
    (request,) = drain(spider.parse_sitemap(resp, spider.sources[0]))
    assert request.meta["news_via"] == "news_sitemap"
    assert request.meta["news_hints"] == {"title": "Harbour bridge reopens", "published": "2026-11-03T08:15:00+01:00"}


def test_feed_entries_become_page_requests() -> None:
    spider = make_spider(feed="https://news.example/feed.rss")
    resp = response(XmlResponse, "https://news.example/feed.rss", RSS, spider)
    (request,) = drain(spider.parse_feed(resp, spider.sources[0]))
    assert request.url == "https://news.example/first.html"
    assert request.meta["news_hints"]["title"] == "First & best"


def test_article_page_becomes_a_page_item_and_is_not_followed() -> None:
    spider = make_spider(url="https://news.example/")
    resp = response(HtmlResponse, "https://news.example/bridge-reopens-after-six-months.html", ARTICLE, spider,
                    news_via="link", news_link_depth=1)  # fmt: skip
    (item,) = spider.parse_page(resp, spider.sources[0])
    assert isinstance(item, Page)
    assert item.final_url == "https://news.example/bridge-reopens-after-six-months.html"
    assert item.content_type == "" or item.content_type.startswith("text/html")
    assert item.discovered_via == "link"


def test_listing_page_is_followed_not_emitted() -> None:
    spider = make_spider(url="https://news.example/")
    resp = response(HtmlResponse, "https://news.example/", LISTING, spider, news_via="start", news_link_depth=0)
    out = list(spider.parse_page(resp, spider.sources[0]))
    assert not [o for o in out if isinstance(o, Page)]
    urls = [o.url for o in out]
    assert "https://news.example/feed.rss" in urls
    assert "https://news.example/news/2026/11/bridge.html" in urls
    assert "https://news.example/section/local/page/2/" in urls
    assert not [u for u in urls if "elsewhere.example" in u]
    assert urls.count("https://news.example/news/2026/11/bridge.html") == 1


@pytest.mark.parametrize(("url", "body", "via"), [
    ("https://news.example/bridge-reopens-after-six-months.html", ARTICLE, "link"),
    ("https://news.example/", LISTING, "start"),
])  # fmt: skip
def test_a_parsed_page_is_freed_without_the_cyclic_collector(url: str, body: bytes, via: str) -> None:
    """Once the callback is done, nothing keeps the response (and its lxml tree) alive.

    With the collector off, only reference counting can free it: a response left in a cycle
    with its cached selector would stay until a full collection, however large its tree.
    """
    spider = make_spider(url="https://news.example/")
    resp = response(HtmlResponse, url, body, spider, news_via=via, news_link_depth=0)
    gc.disable()
    try:
        out = list(spider.parse_page(resp, spider.sources[0]))
        assert getattr(resp, "_cached_ubody", None) is None  # the decoded text is not held while the engine holds resp
        assert getattr(resp, "_cached_selector", None) is None
        freed = weakref.ref(resp)
        del resp
        assert out  # the page was parsed and gave a Page or requests
        assert freed() is None
    finally:
        gc.enable()


def test_link_depth_is_bounded() -> None:
    spider = make_spider(url="https://news.example/")
    resp = response(HtmlResponse, "https://news.example/section/local/", LISTING, spider,
                    news_via="link", news_link_depth=3)  # fmt: skip
    assert list(spider.parse_page(resp, spider.sources[0])) == []


def test_non_html_response_is_handed_to_extraction() -> None:
    spider = make_spider(url="https://news.example/")
    resp = Response("https://news.example/report.pdf", body=b"%PDF-1.7", request=Request("https://news.example/report.pdf"),
                    headers={"Content-Type": "application/pdf"})  # fmt: skip
    (item,) = spider.parse_page(resp, spider.sources[0])
    assert isinstance(item, Page)
    assert item.content_type == "application/pdf"


def test_date_window_skips_links_whose_url_date_is_older() -> None:
    spider = make_spider({"NEWS_SINCE": "2026-11-05"}, url="https://news.example/")
    page = b"""<html><body><a href="/news/2026/10/31/halloween.html">old day</a>
    <a href="/archive/2026/10/">last month</a> <a href="/news/2026/11/bridge.html">this month</a>
    <a href="/news/2026/11/04/too-early.html">a day early</a> <a href="/news/undated.html">undated</a></body></html>"""
    resp = response(HtmlResponse, "https://news.example/", page, spider, news_via="link", news_link_depth=0)
    urls = [o.url for o in spider.parse_page(resp, spider.sources[0])]
    assert "https://news.example/news/2026/11/bridge.html" in urls  # the month overlaps the window
    assert "https://news.example/news/undated.html" in urls  # no date: the page's own date decides
    assert not [u for u in urls if "2026/10" in u or "too-early" in u]
    assert spider.crawler.stats.get_value("news/discovery/outside_window") == 3


def test_undated_sitemap_index_entries_are_judged_by_their_url() -> None:
    spider = make_spider({"NEWS_SINCE": "2026-11-01"}, url="https://news.example/")
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://news.example/sitemaps/2024-01.xml</loc></sitemap>
    <sitemap><loc>https://news.example/sitemaps/2026-11.xml</loc></sitemap></sitemapindex>"""
    resp = response(XmlResponse, "https://news.example/sitemap.xml", index, spider)
    assert [r.url for r in drain(spider.parse_sitemap(resp, spider.sources[0]))] == [
        "https://news.example/sitemaps/2026-11.xml"
    ]
    assert spider.crawler.stats.get_value("news/discovery/old_sitemap_skipped") == 1
