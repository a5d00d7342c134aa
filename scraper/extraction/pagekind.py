"""Is this page an article? Decided from the page's own signals, in one place.

The spider asks before emitting a page (listing, tag, author and section pages are only
followed for links), and the extraction stage asks again once it knows how much text the page
holds. The evidence, strongest first: JSON-LD types, ``og:type``, ``article:published_time``,
the URL's shape, and finally the amount of prose. Each verdict carries the signal that decided
it, which becomes a stats key (``news/pagekind/<verdict>/<signal>``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from scraper.extraction.signals import ARTICLE_TYPES, LISTING_TYPES, PageSignals


class Kind(StrEnum):
    """What a page is, as far as the crawl cares."""

    ARTICLE = "article"
    LISTING = "listing"
    UNKNOWN = "unknown"  # no markup either way: the amount of prose decides


@dataclass(slots=True, frozen=True)
class Verdict:
    """A page kind and the signal that decided it."""

    kind: Kind
    signal: str


# The root of an XML document that is a feed or a sitemap, after any prolog, comments or doctype.
_XML_ROOT = re.compile(
    r"^\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*"  # prolog, comments, doctype
    r"<(?:[\w-]+:)?(rss|feed|rdf|urlset|sitemapindex)\b",
    re.IGNORECASE | re.DOTALL,
)
_XML_KINDS = {"rss": "feed", "feed": "feed", "rdf": "feed", "urlset": "sitemap", "sitemapindex": "sitemap"}


def xml_document(text: str) -> str | None:
    """``feed`` or ``sitemap`` when the text is one (served as a page), else None.

    Served as ``text/html`` or linked like a page, an RSS feed would otherwise parse as HTML and
    come out as an "article" made of the channel name and every item run together.
    """
    match = _XML_ROOT.match(text[:4096])
    return _XML_KINDS[match.group(1).lower()] if match else None


# Path segments of pages that list articles rather than being one.
_LISTING_PATH = re.compile(
    r"/(?:tag|tags|topic|topics|thema|themen|author|authors|autor|autoren|category|categories|"
    r"kategorie|section|sections|rubrik|ressort|archive|archiv|page|seite|search|suche|feed)"
    r"(?:/|$)|/(?:page|seite)/\d+/?$|[?&](?:page|p)=\d+",
    re.IGNORECASE,
)
# Article URLs usually carry a date, a long slug or a numeric id.
_ARTICLE_PATH = re.compile(
    r"/(?:19|20)\d{2}/\d{1,2}/|/(?:19|20)\d{2}-\d{2}-\d{2}|"
    r"/[^/?#]*[a-z0-9]+(?:-[a-z0-9]+){3,}[^/?#]*(?:\.html?)?/?$|[-_/.]\d{6,}(?:\.html?)?/?$",
    re.IGNORECASE,
)


def classify(signals: PageSignals, url: str) -> Verdict:
    """The page kind from markup and URL alone (no text extraction)."""
    types = set(signals.jsonld_types)
    article_types = {t for t in types if t in ARTICLE_TYPES or t.endswith("Article")}
    og_type = (signals.first_meta("og:type") or "").strip().lower()
    if signals.article_ld is not None and signals.article_ld.get("headline"):
        return Verdict(Kind.ARTICLE, "jsonld")
    if og_type == "article":
        return Verdict(Kind.ARTICLE, "og_type")
    if signals.first_meta("article:published_time"):
        return Verdict(Kind.ARTICLE, "published_time")
    if article_types:
        return Verdict(Kind.ARTICLE, "jsonld")
    if types & LISTING_TYPES and "WebSite" not in types - LISTING_TYPES and types & (LISTING_TYPES - {"WebSite"}):
        return Verdict(Kind.LISTING, "jsonld")
    path = urlsplit(url).path or "/"
    if path == "/" or _LISTING_PATH.search(path + ("?" + urlsplit(url).query if urlsplit(url).query else "")):
        return Verdict(Kind.LISTING, "url")
    if og_type == "profile":
        return Verdict(Kind.LISTING, "og_type")
    if og_type in ("website", "object"):
        return Verdict(Kind.UNKNOWN, "og_website")  # many CMSs say website for everything
    if _ARTICLE_PATH.search(path):
        return Verdict(Kind.UNKNOWN, "url_article_shape")
    return Verdict(Kind.UNKNOWN, "no_signal")


def has_enough_prose(words: int, link_density: float, verdict: Verdict, min_words: int) -> bool:
    """Whether extracted text makes a page an article when markup did not say so.

    A page with article markup needs ``min_words``; a page without needs three times that and
    mostly unlinked text, because listing pages also yield teaser text.
    """
    if verdict.kind is Kind.ARTICLE:
        return words >= min_words
    if verdict.kind is Kind.LISTING:
        return False
    return words >= 3 * min_words and link_density < 0.35
