"""The discovery bounds on their own: the budget, the document cap, the sitemap entry limit, links."""

from __future__ import annotations

import gzip
import zlib

import pytest
from scrapy.http import HtmlResponse
from scrapy.linkextractors import LinkExtractor

from spiders.bounds import DiscoveryBudget, Limit, cap_document
from spiders.discovery import parse_sitemap
from spiders.links import iter_hrefs


def test_budget_caps_distinct_urls_per_source_and_not_repeats() -> None:
    budget = DiscoveryBudget(max_urls_per_source=2, max_urls_per_path=0)
    assert budget.admit("s", "https://a.example/1") is None
    assert budget.admit("s", "https://a.example/2") is None
    assert budget.admit("s", "https://a.example/1") is None  # admitted before: the dupefilter's to drop
    assert budget.admit("s", "https://a.example/3") is Limit.URLS_PER_SOURCE
    assert budget.admit("other", "https://b.example/3") is None  # each source has its own budget


def test_budget_caps_query_strings_per_path_for_links_only() -> None:
    budget = DiscoveryBudget(max_urls_per_source=0, max_urls_per_path=2)
    assert budget.admit("s", "https://a.example/story?v=1") is None
    assert budget.admit("s", "https://a.example/story?v=2") is None
    assert budget.admit("s", "https://a.example/story?v=3") is Limit.URLS_PER_PATH
    assert budget.admit("s", "https://a.example/other?v=3") is None
    assert budget.admit("s", "https://a.example/story?v=4", per_path=False) is None  # a sitemap entry


def test_document_cap_cuts_plain_and_gzip_bodies() -> None:
    body = b"<urlset>" + b"x" * 1000
    assert cap_document(body, 0) == (body, False)
    assert cap_document(body, 100) == (body[:100], True)
    bomb = gzip.compress(b"\0" * 50_000_000)  # 50 MB of zeros in about 50 KB
    data, cut = cap_document(bomb, 1_000_000)
    assert (len(data), cut) == (1_000_000, True)
    assert cap_document(gzip.compress(body), 10_000) == (body, False)
    with pytest.raises(zlib.error):
        cap_document(b"\x1f\x8b" + b"not gzip at all", 1000)


def test_sitemap_limit_stops_reading() -> None:
    urls = "".join(f"<url><loc>https://a.example/{i}</loc></url>" for i in range(10))
    body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()
    doc = parse_sitemap(body, 3)
    assert doc is not None
    assert doc.truncated
    assert [e.url for e in doc.entries] == [f"https://a.example/{i}" for i in range(3)]
    whole = parse_sitemap(body, 10)
    assert whole is not None
    assert not whole.truncated
    assert len(whole.entries) == 10


def test_lazy_links_are_what_scrapys_link_extractor_gives() -> None:
    body = """<html><head><base href="https://a.example/news/"></head><body>
    <a href=" rel.html ">r</a><a href="/abs">a</a><a href="/abs">again</a><area href="/map">
    <a href="/doc.pdf">pdf</a><a href="mailto:x@a.example">m</a><a href="http://[bad">b</a>
    <a href="/caf\u00e9?q=\u00fc">u</a><a>no href</a><a href="https://other.example/x#f">o</a></body></html>"""
    response = HtmlResponse("https://a.example/news/index.html", body=body.encode("utf-8"), encoding="utf-8")
    ours = list(dict.fromkeys(iter_hrefs(response, response.selector.root)))
    assert ours == [link.url for link in LinkExtractor(unique=True).extract_links(response)]
