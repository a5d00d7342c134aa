"""End-to-end: links are followed from pages that list stories, not from every page (issue 12).

A publisher's site as real ones are: the home page links to a news section (headline links to
stories, a ``?page=2`` link to more) and to off-topic corporate pages (investor relations, a
product page) that link to dozens of their own documents, most of them gone (404). None of the
pages declares a kind in its head, so the spider decides from the links themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_crawl
from tests.test_crawl_bounds import XML, Reply, Site, html

pytestmark = pytest.mark.crawl

WORDS = [
    "council",
    "harbour",
    "ferry",
    "budget",
    "school",
    "library",
    "market",
    "bridge",
    "storm",
    "lifeboat",
    "regatta",
    "quota",
]
NAV = '<nav><a href="/about/company-history-and-values">Our company history and values</a></nav>'


def story(n: int) -> str:
    """A short story whose words differ from the others' (near-duplicates would be dropped)."""
    sentences = " ".join(f"The {WORDS[(n + k) % 12]} report {n * 31 + k} was read on day {k}." for k in range(12))
    return f"<article><h1>Harbour story {n}</h1><p>{sentences}</p></article>"


def route(path: str, base: str) -> Reply | None:
    if path == "/":
        return html(NAV + '<a href="/world">World news</a> <a href="/investors">Investors</a> '
                    '<a href="/products/reader">The Reader app</a>')  # fmt: skip
    if path in ("/world", "/world?page=2"):
        first = 0 if path == "/world" else 4
        items = "".join(f'<h2><a href="/world/story-{i}">Harbour story number {i} of the week</a></h2>'
                        for i in range(first, first + 4))  # fmt: skip
        more = '<a href="/world?page=2">More</a>' if path == "/world" else ""
        return html(NAV + items + more)
    if path.startswith("/world/story-"):
        return html(NAV + story(int(path.rsplit("-", 1)[1])))
    if path in ("/investors", "/products/reader"):
        docs = "".join(f'<li><a href="{path}/doc-{i}">Report {i}</a></li>' for i in range(40))
        return html(NAV + f"<h1>{path}</h1><ul>{docs}</ul>")
    return None  # the documents, the company page: 404


@pytest.fixture
def site() -> Iterator[Site]:
    made = Site("publisher", route)
    yield made
    made.server.stop()


def test_links_are_followed_from_listings_not_from_off_topic_pages(tmp_path: Path, site: Site) -> None:
    result = run_crawl(tmp_path, "-a", f"url={site.url}/", "-s", "ROBOTSTXT_OBEY=False", "-s", "RETRY_ENABLED=False")
    assert result.returncode == 0, result.stderr[-3000:]
    stories = sorted(site.asked("/world/story-"))
    assert stories == sorted(f"/world/story-{i}" for i in range(8)), stories  # page 2 too
    assert site.asked("/investors/doc-") == []
    assert site.asked("/products/reader/doc-") == []
    assert result.summary["discovery"]["not_a_listing"] >= 2
    assert len(result.records) == 8


def sitemapped(path: str, base: str) -> Reply | None:
    """The same publisher, but its home page links only to corporate pages; the sitemap lists the section."""
    if path == "/robots.txt":
        return 200, "text/plain", f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n".encode()
    if path == "/sitemap.xml":
        listed = ["/world", "/investors", *(f"/world/story-{i}" for i in range(4))]
        urls = "".join(f"<url><loc>{base}{page}</loc></url>" for page in listed)
        return 200, XML, f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()
    if path == "/":
        return html(NAV + '<a href="/investors">Investors</a>')
    if path.startswith("/world/story-"):  # an article with a block of related headlines (no head signals)
        n = int(path.rsplit("-", 1)[1])
        related = "".join(f'<h3><a href="/related/{n}-{k}">A related harbour story, number {k}</a></h3>'
                          for k in range(4))  # fmt: skip
        return html(NAV + story(n) + related)
    return route(path, base)


def test_a_section_the_sitemap_lists_is_read_for_links_like_one_the_home_page_links_to(tmp_path: Path) -> None:
    """Which of the sitemap and the home page names a section first must not decide what is crawled.

    Scrapy's duplicate filter keeps whichever request for ``/world`` came first; a sitemap entry
    used to carry no link depth, so when it won (a loaded machine) the section's stories on page
    2 were never reached. Here only the sitemap names it.
    """
    site = Site("sitemapped", sitemapped)
    try:
        result = run_crawl(tmp_path, "-a", f"url={site.url}/", "-s", "RETRY_ENABLED=False")
    finally:
        site.server.stop()
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(site.asked("/world/story-")) == sorted(f"/world/story-{i}" for i in range(8))
    assert site.asked("/investors/doc-") == []  # the sitemap's off-topic page is still not a listing
    assert site.asked("/related/") == []  # articles the sitemap lists are not listings for their related block
    assert len(result.records) == 8
