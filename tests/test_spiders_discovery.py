"""Parsers of sitemaps, feeds and robots.txt, on bytes we write here."""

from __future__ import annotations

from datetime import date

import pytest

from spiders.discovery import (
    is_feed_link,
    iter_links,
    parse_feed,
    parse_sitemap,
    sitemaps_from_robots,
    url_date_span,
)

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://news.example/a.html</loc><lastmod>2026-11-01</lastmod></url>
  <url><loc> https://news.example/b.html </loc></url>
</urlset>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://news.example/c.html</loc>
    <news:news><news:publication><news:name>Example</news:name><news:language>en</news:language>
    </news:publication><news:publication_date>2026-11-03T08:15:00+01:00</news:publication_date>
    <news:title>Harbour bridge reopens</news:title></news:news></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://news.example/sitemap-1.xml.gz</loc><lastmod>2026-11-02</lastmod></sitemap>
</sitemapindex>"""

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title>
<item><title>First &amp; best</title><link>https://news.example/first.html</link>
<pubDate>Tue, 03 Nov 2026 08:15:00 +0100</pubDate></item>
<item><title>No link</title></item></channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Example</title><entry><title>Atom one</title><link rel="alternate" href="/atom-one.html"/>
<updated>2026-11-04T10:00:00Z</updated></entry></feed>"""


def test_urlset_entries_with_lastmod() -> None:
    doc = parse_sitemap(URLSET)
    assert doc is not None
    assert not doc.is_index
    assert not doc.is_news
    assert [(e.url, e.lastmod) for e in doc.entries] == [
        ("https://news.example/a.html", "2026-11-01"),
        ("https://news.example/b.html", None),
    ]


def test_news_sitemap_gives_title_and_date() -> None:
    doc = parse_sitemap(NEWS_SITEMAP)
    assert doc is not None
    assert doc.is_news
    (entry,) = doc.entries
    assert entry.title == "Harbour bridge reopens"
    assert entry.published == "2026-11-03T08:15:00+01:00"


def test_sitemap_index() -> None:
    doc = parse_sitemap(INDEX)
    assert doc is not None
    assert doc.is_index
    assert doc.entries[0].url == "https://news.example/sitemap-1.xml.gz"


@pytest.mark.parametrize("body", [b"", b"<html><body>not xml</body></html>", b"\x00\x01garbage"])
def test_not_a_sitemap(body: bytes) -> None:
    assert parse_sitemap(body) is None


def test_rss_entries_and_dates() -> None:
    entries = parse_feed(RSS, "https://news.example/feed.rss")
    assert entries is not None
    assert [(e.url, e.title, e.published) for e in entries] == [
        ("https://news.example/first.html", "First & best", "2026-11-03T07:15:00+00:00")
    ]


def test_atom_relative_links_resolved() -> None:
    entries = parse_feed(ATOM, "https://news.example/feed.atom")
    assert entries is not None
    assert entries[0].url == "https://news.example/atom-one.html"
    assert entries[0].published == "2026-11-04T10:00:00+00:00"


def test_html_is_not_a_feed() -> None:
    assert parse_feed(b"<html><body><p>Hello</p></body></html>", "https://news.example/") is None


def test_sitemaps_from_robots() -> None:
    robots = "User-agent: *\nDisallow: /admin/\nSitemap: https://news.example/s.xml\nsitemap: /other.xml\n"
    assert sitemaps_from_robots(robots, "https://news.example/robots.txt") == [
        "https://news.example/s.xml",
        "https://news.example/other.xml",
    ]


def test_feed_link_detection() -> None:
    assert is_feed_link("alternate", "application/rss+xml")
    assert is_feed_link("Alternate", "application/atom+xml ")
    assert not is_feed_link("stylesheet", "text/css")
    assert not is_feed_link("alternate", "text/html")


def test_iter_links_absolute_without_fragments_once() -> None:
    hrefs = ["/a.html#top", "a.html", "mailto:x@y", "javascript:void(0)", "https://other.example/b", "#"]
    assert list(iter_links(hrefs, "https://news.example/")) == [
        "https://news.example/a.html",
        "https://other.example/b",
    ]


@pytest.mark.parametrize(
    ("url", "span"),
    [
        ("https://n.example/news/2025/06/01/bridge.html", (date(2025, 6, 1), date(2025, 6, 1))),
        ("https://n.example/2024/02/bridge/", (date(2024, 2, 1), date(2024, 2, 29))),
        ("https://n.example/story-2025-06-30.html", (date(2025, 6, 30), date(2025, 6, 30))),
        ("https://n.example/sitemaps/2023-11.xml", (date(2023, 11, 1), date(2023, 11, 30))),
        ("https://n.example/archive/2026/12/", (date(2026, 12, 1), date(2026, 12, 31))),
        ("https://n.example/news/2025/02/31/x.html", None),  # no such day
        ("https://n.example/story/12025/06/x.html", None),  # part of a longer number
        ("https://n.example/2025/13/x.html", None),  # no such month
        ("https://n.example/2025-06/01/x.html", (date(2025, 6, 1), date(2025, 6, 30))),  # mixed separators: a month
        ("https://n.example/x.html?date=2020/01/01", None),  # the query is not the path
        ("https://n.example/top-100/x.html", None),
    ],
)
def test_url_date_span(url: str, span: tuple[date, date] | None) -> None:
    assert url_date_span(url) == span
