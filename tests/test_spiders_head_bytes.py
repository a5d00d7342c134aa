"""The top of a page read from its bytes: the same text, base URL, meta refresh and head verdict as
Scrapy reads from ``response.text``, without decoding the whole page (``scraper/fetching/prefix.py``)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse
from scrapy.settings import Settings
from scrapy.utils.response import get_base_url, get_meta_refresh
from scrapy.utils.test import get_crawler

from scraper.fetching.metarefresh import PrefixMetaRefreshMiddleware
from scraper.fetching.prefix import BODY_START, SCAN_CHARS, base_url, head_cut, meta_refresh, text_prefix
from scraper.items import Page
from spiders.news import _whole_page_verdict, release_parse_tree
from spiders.verdict import head_verdict
from tests.test_spiders_news import make_spider

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CORPUS_PAGES = PROJECT_ROOT.parent / "shared" / "corpus" / "pages"
URL = "https://news.example/2026/11/bridge.html"
HEAD = (
    '<html><head><meta charset="{charset}"><meta property="og:type" content="article">'
    '<link rel="canonical" href="https://news.example/2026/11/bridge-reopens.html"><title>{title}</title></head>'
)
REFRESH = '<meta http-equiv="refresh" content="0; url=/moved.html">'
LONG = "Ünïcödé ∑ 橋 🌉 " * 600  # multi-byte characters across the 4,096-character mark


def response(body: bytes, content_type: str = "text/html; charset=utf-8", url: str = URL) -> HtmlResponse:
    headers = {"Content-Type": content_type} if content_type else {}
    return HtmlResponse(url, body=body, headers=headers, request=Request(url))


def page(title: str = "Bridge", charset: str = "utf-8", body: str = "<body><p>x</p></body></html>") -> str:
    return HEAD.format(charset=charset, title=title) + body


CASES = {
    "utf-8": (page(LONG).encode(), "text/html; charset=utf-8"),
    "utf-8 BOM": (b"\xef\xbb\xbf" + page(LONG).encode(), "text/html"),
    "cp1252 by meta": (page("Café " * 1000, "windows-1252").encode("cp1252"), "text/html"),
    "latin-1 header": (page("Ærø " * 1500).encode("latin-1"), "text/html; charset=iso-8859-1"),
    "shift_jis": (page("橋の再開 " * 900, "shift_jis").encode("shift_jis"), "text/html; charset=shift_jis"),
    "utf-16": (page(LONG).encode("utf-16"), "text/html; charset=utf-16"),
    "undeclared": (page(LONG).replace('<meta charset="utf-8">', "").encode(), ""),
    "invalid utf-8": (page("bad \xff bytes " * 500).encode("latin-1"), "text/html; charset=utf-8"),
    "split char at the cut": (page("x" * (SCAN_CHARS - 200) + "橋" * 50).encode(), "text/html; charset=utf-8"),
    "no-break space after body": (page(body="<body\u00a0class=x><p>y</p>").encode(), "text/html; charset=utf-8"),
    "no-break space, cp1252": (page(body="<BODY\u00a0><p>y</p>").encode("cp1252"), "text/html; charset=cp1252"),
    "body inside a word": (page(body="<bodyx><body><p>y</p>").encode(), "text/html; charset=utf-8"),
    "invalid byte after body": (page().encode().replace(b"<body>", b"<body\xff>"), "text/html; charset=utf-8"),
    "refresh": (page(body=f"<body>{REFRESH}</body>").replace("<head>", f"<head>{REFRESH}").encode(), "text/html"),
    "base and refresh": (
        page("Ü" * 100).replace("<head>", f'<head><base href="https://cdn.example/x/">{REFRESH}').encode(),
        "text/html; charset=utf-8",
    ),
    "refresh past 4,096 characters": (page("Ü" * 5000).replace("</title>", f"</title>{REFRESH}").encode(), "text/html"),
    "nul bytes": (page("a\x00b" * 2000).encode(), "text/html; charset=utf-8"),
    "no body tag": (HEAD.format(charset="utf-8", title="T").encode() + b"<p>text</p>", "text/html"),
    "short": (b"<html><body>x</body></html>", "text/html"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_prefix_base_url_refresh_and_head_are_what_scrapy_reads_from_the_text(name: str) -> None:
    body, content_type = CASES[name]
    text = response(body, content_type).text
    start = BODY_START.search(text)
    assert text_prefix(response(body, content_type), SCAN_CHARS) == text[:SCAN_CHARS]
    assert base_url(response(body, content_type)) == get_base_url(response(body, content_type))
    ignore = ["script", "noscript"]
    assert meta_refresh(response(body, content_type), ignore) == get_meta_refresh(response(body, content_type), ignore)
    cut = head_cut(response(body, content_type))
    assert (cut[0] if cut else None) == (text[: start.start()] if start else None)


@pytest.mark.parametrize("name", ["utf-8", "cp1252 by meta", "latin-1 header", "invalid utf-8", "nul bytes"])
def test_an_article_decided_from_its_head_is_never_decoded_whole(name: str) -> None:
    body, content_type = CASES[name]
    page = response(body, content_type)
    PrefixMetaRefreshMiddleware(Settings()).process_response(page.request, page)
    found = head_verdict(page)
    assert found is not None
    assert found[1].kind == "article"
    assert page._cached_ubody is None  # Scrapy's middleware and get_base_url decoded every page whole


class CountingResponse(HtmlResponse):
    """A response that counts how often its whole text is read."""

    reads = 0

    @property
    def text(self) -> str:
        CountingResponse.reads += 1
        return super().text


@pytest.mark.parametrize("variant", ["canonical here", "canonical elsewhere"])
def test_the_spider_hands_on_an_article_without_decoding_it(variant: str) -> None:
    body, content_type = CASES["utf-8"]
    # a relative canonical, joined to the page's base URL: the page's own, or another page's
    target = b"/2026/11/bridge.html" if variant == "canonical here" else b"/2026/11/other-story.html"
    body = body.replace(b"https://news.example/2026/11/bridge-reopens.html", target)
    spider = make_spider(url="https://news.example/")
    request = Request(URL, meta={"news_source": spider.sources[0].name, "news_via": "link"})
    page = CountingResponse(URL, body=body, headers={"Content-Type": content_type}, request=request)
    PrefixMetaRefreshMiddleware.from_crawler(spider.crawler).process_response(request, page)
    CountingResponse.reads = 0
    (out,) = spider.parse_page(page, spider.sources[0])
    assert CountingResponse.reads == 0  # response.urljoin decoded it whole for the canonical URL
    if variant == "canonical here":
        assert isinstance(out, Page)
    else:
        assert isinstance(out, Request)
        assert out.url == "https://news.example/2026/11/other-story.html"


@pytest.mark.parametrize("name", ["shift_jis", "utf-16", "undeclared"])
def test_other_encodings_are_read_from_the_decoded_text(name: str) -> None:
    body, content_type = CASES[name]
    page = response(body, content_type)
    head_cut(page)
    assert page._cached_ubody is not None


@pytest.mark.parametrize("name", ["refresh", "base and refresh", "refresh past 4,096 characters", "utf-8"])
def test_the_middleware_redirects_as_scrapys_does(name: str) -> None:
    body, content_type = CASES[name]
    crawler = get_crawler(settings_dict={"METAREFRESH_ENABLED": True})
    ours = PrefixMetaRefreshMiddleware.from_crawler(crawler).process_response(
        Request(URL), response(body, content_type)
    )
    theirs = MetaRefreshMiddleware.from_crawler(crawler).process_response(Request(URL), response(body, content_type))
    assert type(ours) is type(theirs)
    assert getattr(ours, "url", None) == getattr(theirs, "url", None)
    if name != "utf-8" and name != "refresh past 4,096 characters":
        assert isinstance(ours, Request)  # the case does redirect: the comparison above is not vacuous


@pytest.mark.skipif(not CORPUS_PAGES.is_dir(), reason=f"no corpus at {CORPUS_PAGES}: needs ../shared")
def test_on_the_news_corpus_the_bytes_give_scrapys_text_and_the_whole_pages_kinds() -> None:
    undecoded = 0
    for file in sorted(CORPUS_PAGES.glob("*.html*")):
        body = gzip.decompress(file.read_bytes()) if file.name.endswith(".gz") else file.read_bytes()
        url = f"http://127.0.0.1:8000/a/{file.name.removesuffix('.gz')}"
        text = response(body, url=url).text
        start = BODY_START.search(text)
        cut = head_cut(response(body, url=url))
        assert (cut[0] if cut else None) == (text[: start.start()] if start else None), file.name
        assert base_url(response(body, url=url)) == get_base_url(response(body, url=url)), file.name
        page = response(body, url=url)
        found = head_verdict(page)
        if found is not None:
            undecoded += page._cached_ubody is None
            whole = response(body, url=url)
            assert found[1].kind == _whole_page_verdict(whole)[1].kind, file.name
            release_parse_tree(whole)
    assert undecoded >= 160  # 164 of 174 pages: none of them decoded whole


@pytest.mark.parametrize(
    ("body", "encoding"),
    [
        # A byte order mark wins over the encoding given: the text is UTF-8, two bytes an "é".
        (b"\xef\xbb\xbf" + (page(title="é" * 2500) + REFRESH + "<body></body>").encode(), "cp1252"),
        # latin-1 is read as cp1252 (w3lib's translation): 0x85 is "…" there, not a space after <body.
        (page(body="").encode() + b"<body\x85 class=x><p>y</p><body><p>z</p></body></html>", "latin-1"),
    ],
    ids=["bom over cp1252", "latin-1 as cp1252"],
)
def test_a_response_made_with_an_encoding_reads_as_its_text(body: bytes, encoding: str) -> None:
    def made() -> HtmlResponse:
        return HtmlResponse(URL, body=body, encoding=encoding, request=Request(URL))

    text = made().text
    assert text_prefix(made(), SCAN_CHARS) == text[:SCAN_CHARS]
    assert meta_refresh(made(), []) == get_meta_refresh(made())
    start = BODY_START.search(text)
    cut = head_cut(made())
    assert start is not None
    assert cut is not None
    assert cut[0] == text[: start.start()]
