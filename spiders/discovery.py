"""Pure parsers for the documents that point at articles: sitemaps, feeds, robots.txt, HTML.

Kept apart from the spider so each can be tested on bytes, without a crawl. Sitemaps are read
with lxml (entities never resolved, broken XML recovered) because Scrapy's ``Sitemap`` drops
the Google News fields we use as hints; feeds with feedparser, which knows RSS 0.9x-2.0, RDF
and Atom and their date formats.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from io import BytesIO
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree


@dataclass(slots=True, frozen=True)
class Entry:
    """A URL a sitemap or feed points at, with what the document says about it."""

    url: str
    title: str | None = None
    published: str | None = None  # ISO 8601 (news:publication_date, pubDate, published)
    lastmod: str | None = None


@dataclass(slots=True, frozen=True)
class SitemapDoc:
    """A parsed sitemap: an index (entries are sitemaps) or a urlset (entries are pages)."""

    is_index: bool
    is_news: bool
    entries: list[Entry]
    truncated: bool = False  # more entries than the limit: the rest were not read


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_sitemap(body: bytes, limit: int = 0) -> SitemapDoc | None:
    """A sitemap index or urlset, or None when the bytes are not a sitemap.

    With ``limit``, at most that many entries are read and parsing stops there (``truncated``),
    so a 200k-URL sitemap costs the time and memory of ``limit`` entries, not of all of them.
    """
    truncated = False
    try:
        events = etree.iterparse(BytesIO(body), events=("end",), recover=True,
                                 resolve_entities=False, no_network=True, huge_tree=False)  # fmt: skip
        entries: list[Entry] = []
        root_tag = ""
        is_news = False
        for _, element in events:
            name = _local(element.tag)
            if name not in ("url", "sitemap"):
                continue
            fields = {_local(child.tag): child for child in element.iter()}
            loc = (fields["loc"].text or "").strip() if "loc" in fields else ""
            if loc and limit and len(entries) >= limit:
                truncated = True
                break
            if loc:
                is_news = is_news or "publication_date" in fields
                entries.append(Entry(
                    url=loc,
                    title=_text(fields.get("title")),
                    published=_text(fields.get("publication_date")),
                    lastmod=_text(fields.get("lastmod")),
                ))  # fmt: skip
            parent = element.getparent()
            root_tag = root_tag or (_local(parent.tag) if parent is not None else "")
            element.clear()
    except etree.XMLSyntaxError:
        return None
    if root_tag not in ("sitemapindex", "urlset"):
        return None
    return SitemapDoc(is_index=root_tag == "sitemapindex", is_news=is_news, entries=entries, truncated=truncated)


def _text(element: Any) -> str | None:
    if element is None or element.text is None:
        return None
    return " ".join(element.text.split()) or None


def parse_feed(body: bytes, base_url: str) -> list[Entry] | None:
    """Entries of an RSS/RDF/Atom feed, or None when the bytes are not a feed.

    feedparser is imported on the first feed: a crawl of sitemaps or links needs none of its 40
    modules (about 30 ms of the crawl process's start, every run).
    """
    import feedparser

    parsed = feedparser.parse(BytesIO(body), response_headers={"content-location": base_url})
    if not parsed.get("version") and not parsed.entries:
        return None
    entries = []
    for item in parsed.entries:
        link = item.get("link") or next(
            (lk.get("href") for lk in item.get("links", []) if lk.get("rel") == "alternate"), None
        )
        if not link:
            continue
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        published = datetime.fromtimestamp(calendar.timegm(stamp), UTC).isoformat(timespec="seconds") if stamp else None
        entries.append(Entry(url=urljoin(base_url, link.strip()), title=item.get("title"), published=published))
    return entries


def sitemaps_from_robots(text: str, base_url: str) -> list[str]:
    """The ``Sitemap:`` lines of a robots.txt, absolute."""
    urls = []
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            urls.append(urljoin(base_url, value.strip()))
    return urls


FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
COMMON_FEED_PATHS = (
    "/feed",
    "/rss",
    "/rss.xml",
    "/feed.xml",
    "/atom.xml",
    "/index.xml",
    "/feeds/all.atom.xml",
)


def is_feed_link(rel: str, content_type: str) -> bool:
    """``<link rel="alternate" type="application/rss+xml">`` and kin."""
    return "alternate" in rel.lower().split() and content_type.lower().strip() in FEED_TYPES[:3]


def iter_links(hrefs: Iterator[str] | list[str], base_url: str) -> Iterator[str]:
    """Absolute http(s) URLs of anchors, without fragments, in page order, once each."""
    seen: set[str] = set()
    for href in hrefs:
        href = href.strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:", "data:")):
            continue
        url = urljoin(base_url, href).split("#", 1)[0]
        if urlsplit(url).scheme in ("http", "https") and url not in seen:
            seen.add(url)
            yield url


# A date written into a URL path, as news CMSs do: /2025/06/01/slug, /2025/06/slug,
# /story-2025-06-01.html, /sitemaps/2024-01.xml. Year and month must be separated the same way as
# month and day, and the match must not sit inside a longer number (ids, phone numbers).
_PATH_DATE = re.compile(r"(?<![\w])((?:19|20)\d{2})([/-])(0[1-9]|1[0-2])(?:\2(0[1-9]|[12]\d|3[01]))?(?!\d)")


def url_date_span(url: str) -> tuple[date, date] | None:
    """The days a date in the URL's path stands for (one day, or a whole month), else None.

    Lets a date window skip archive pages, old articles and old monthly sitemaps that are found
    without a date of their own (a plain link, a sitemap index entry with no ``lastmod``).
    """
    match = _PATH_DATE.search(urlsplit(url).path)
    if match is None:
        return None
    year, month = int(match[1]), int(match[3])
    if match[4]:
        try:
            day = date(year, month, int(match[4]))
        except ValueError:  # 2025/02/31
            return None
        return day, day
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
