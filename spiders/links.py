"""Links of an HTML page, read lazily, so a page of a million links costs only what is taken.

Scrapy's ``LinkExtractor`` builds a ``Link`` (URL and anchor text) for every anchor of the page
before the first one is used: 86 s on the reactor thread and a million requests for a page of
a million same-site links. This yields the same URLs in the same order (``<a>``/``<area>``
``href``, whitespace stripped, resolved against ``<base href>``, percent-encoded in the page's
encoding, Scrapy's ignored extensions left out) one at a time, so the caller stops reading the
page once it has taken what it may (``NEWS_MAX_LINKS_PER_PAGE``).

Links are followed from pages that list stories, not from any page of the site: :func:`focus`
keeps a page's links only when it carries a run of headline links (see there), else only its
pagination. Off-topic pages of a publisher (investor relations, products, help) link to
hundreds of their own documents; on a crawl of a site built from real publishers' pages those
made two thirds of all requests, most of them 404s.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy.http import HtmlResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS
from scrapy.utils.response import get_base_url
from scrapy.utils.url import url_has_any_extension
from w3lib.html import strip_html5_whitespace
from w3lib.url import safe_url_string

_SCHEMES = ("http", "https", "file", "ftp")  # what LinkExtractor keeps; iter_links keeps http(s)
_IGNORED = {f".{extension}" for extension in IGNORED_EXTENSIONS}


def iter_hrefs(response: HtmlResponse, root: Any) -> Iterator[str]:
    """Absolute URLs of the page's ``<a href>`` and ``<area href>``, in page order, lazily."""
    return (url for url, _ in iter_anchors(response, root))


def iter_anchors(response: HtmlResponse, root: Any) -> Iterator[tuple[str, Any]]:
    """``(absolute URL, element)`` of the page's ``<a href>`` and ``<area href>``, lazily."""
    base_url = get_base_url(response)
    for element in root.iter("a", "area"):
        href = element.get("href")
        if href is None:
            continue
        try:
            url = safe_url_string(urljoin(base_url, strip_html5_whitespace(href)), encoding=response.encoding)
            url = urljoin(response.url, url)
            scheme = urlsplit(url).scheme
        except ValueError:  # a bogus URL (bad port, IPv6 literal): LinkExtractor skips it too
            continue
        if scheme in _SCHEMES and not url_has_any_extension(url, _IGNORED):
            yield url, element


HEADLINE_WORDS = (4, 30)  # an anchor text of this many words reads like a headline
_CHROME_ALWAYS = frozenset({"nav", "aside"})
_CONTENT = frozenset({"article", "section", "main"})
_PAGINATION = re.compile(r"/page/\d+/?$|[?&](?:page|p|pg)=\d+(?:&|$)", re.IGNORECASE)


def is_pagination(url: str, element: Any) -> bool:
    """A link to the next/previous page of the same listing (``rel=next``, ``/page/2``, ``?page=2``)."""
    rel = (element.get("rel") or "").lower().split()
    return "next" in rel or "prev" in rel or bool(_PAGINATION.search(url))


def _headline_link(element: Any) -> bool:
    """An anchor that reads like a story's headline and sits in the page's content, not its chrome.

    A link around a whole card (headline and teaser) is judged by the heading inside it. A
    ``<header>``/``<footer>`` is chrome unless it belongs to an ``<article>``, ``<section>`` or
    ``<main>`` (a post card's own header); ``<nav>``/``<aside>`` always are.
    """
    words = len(element.text_content().split())
    if words > HEADLINE_WORDS[1]:
        heading = next(element.iter("h1", "h2", "h3", "h4"), None)
        words = len(heading.text_content().split()) if heading is not None else 0
    if not HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1]:
        return False
    in_header = False
    for ancestor in itertools.islice(element.iterancestors(), 60):  # libxml2 allows ~2,000 levels
        tag = ancestor.tag
        if tag in _CHROME_ALWAYS or ancestor.get("role") == "navigation":
            return False
        if tag in _CONTENT:
            return True
        in_header = in_header or tag in ("header", "footer")
    return not in_header


def focus(
    anchors: Iterator[tuple[str, Any]], same_site: Any, read: int, min_headlines: int, *, paginated: bool = False
) -> tuple[bool, Iterator[tuple[str, Any]]]:
    """Whether the page lists stories, and the anchors to follow from it.

    A page lists stories when at least ``min_headlines`` distinct same-site links among its first
    ``read`` anchors read like headlines (4-30 words, not in ``<nav>``/``<header>``/``<footer>``/
    ``<aside>``): then all its anchors go on. Otherwise only its pagination links do. With
    ``paginated``, a listing must also link to its next or previous page: the mark of a section
    page that an article with a block of related headlines lacks.
    """
    head = list(itertools.islice(anchors, read))
    headlines = {url for url, element in head if same_site(url) and _headline_link(element)}
    pages = not paginated or any(is_pagination(url, element) for url, element in head)
    if len(headlines) >= min_headlines and pages:
        return True, itertools.chain(head, anchors)
    return False, iter([(url, element) for url, element in head if is_pagination(url, element)])
