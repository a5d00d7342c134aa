"""Links of an HTML page, read lazily, so a page of a million links costs only what is taken.

Scrapy's ``LinkExtractor`` builds a ``Link`` (URL and anchor text) for every anchor of the page
before the first one is used: 86 s on the reactor thread and a million requests for a page of
a million same-site links. This yields the same URLs in the same order (``<a>``/``<area>``
``href``, whitespace stripped, resolved against ``<base href>``, percent-encoded in the page's
encoding, Scrapy's ignored extensions left out) one at a time, so the caller stops reading the
page once it has taken what it may (``NEWS_MAX_LINKS_PER_PAGE``).
"""

from __future__ import annotations

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
            yield url
