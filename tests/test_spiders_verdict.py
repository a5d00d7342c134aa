"""The spider's head-first verdict: the whole page's kind and canonical URL, or None (then the page is parsed).

The signal named in the verdict is the head's (``article/og_type`` where the whole page would say
``article/jsonld``): diagnostics only, see ``spiders/verdict.py``.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from spiders.news import _whole_page_verdict, release_parse_tree
from spiders.verdict import head_verdict

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CORPUS_PAGES = PROJECT_ROOT.parent / "shared" / "corpus" / "pages"
URL = "https://news.example/2026/11/bridge.html"
STORY = json.dumps({"@type": "NewsArticle", "headline": "Bridge reopens", "author": {"name": "A. Writer"}})
LD = f'<script type="application/ld+json">{STORY}</script>'
CANONICAL = '<link rel="canonical" href="https://news.example/2026/11/bridge-reopens.html">'
BODY = "<body><article><h1>Bridge reopens</h1><p>The bridge reopened on Monday.</p></article></body></html>"


def response(html: str, url: str = URL) -> HtmlResponse:
    return HtmlResponse(url, body=html.encode(), headers={"Content-Type": "text/html; charset=utf-8"})


def whole(page: HtmlResponse) -> tuple[str, str | None]:
    """The kind and canonical URL the spider reads from the whole page's tree."""
    signals, verdict = _whole_page_verdict(page)
    release_parse_tree(page)
    return verdict.kind, signals.canonical or signals.first_meta("og:url")


def from_head(page: HtmlResponse) -> tuple[str, str | None] | None:
    found = head_verdict(page)
    if found is None:
        return None
    signals, verdict = found
    return verdict.kind, signals.canonical or signals.first_meta("og:url")


@pytest.mark.parametrize(
    "html",
    [
        f"<html><head>{LD}{CANONICAL}</head>{BODY}",  # JSON-LD headline and canonical link above <body>
        '<html><head><meta property="og:type" content="article"></head>' + BODY,  # nothing below could differ
        f'<html><HEAD><META PROPERTY="og:url" CONTENT="/b.html">{LD}</HEAD><BODY class="x">{BODY}',
        # A headline in the head's JSON-LD and its canonical link: nothing below can change either.
        f"<html><head>{LD}{CANONICAL}</head><body>{LD.replace('NewsArticle', 'Recipe')}{LD}</body>",
        f"<html><head>{LD}{CANONICAL}</head><body><meta property=og:type content=website>{BODY}",
        f"<html><head>{LD}{CANONICAL}</head><body><link rel=canonical href=/other.html>{BODY}",
        # og:type article, first: a <meta> below cannot change it, a second canonical link comes too late.
        f'<html><head><meta property="og:type" content="article">{CANONICAL}</head>'
        '<body><meta itemprop="name" content="x"><link rel="Canonical" href="/other.html"></body>',
        # published_time with the head's og:type: a <meta> below cannot make og:type the first rule.
        '<html><head><meta property="og:type" content="website">'
        f'<meta property="article:published_time" content="2026-11-02">{CANONICAL}</head>'
        '<body><meta property="og:type" content="article"></body>',
        # an og:url in the head and no canonical link anywhere: a later og:url comes second.
        '<html><head><meta property="og:type" content="article"><meta property="og:url" content="/a.html"></head>'
        '<body><META PROPERTY="OG:URL" CONTENT="/b.html"></body>',
        # og:type article above, a JSON-LD article below: the whole page names another rule, the same kind.
        f'<html><head><meta property="og:type" content="article">{CANONICAL}</head><body>{LD}</body>',
        # published_time above, og:type and JSON-LD below: still an article, whichever rule names it.
        f'<html><head><meta property="article:published_time" content="2026-11-02">{CANONICAL}</head>'
        f'<body><meta property="og:type" content="article">{LD}</body>',
        # a JSON-LD article without a headline above, one with a headline below.
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle"}</script>'
        f"{CANONICAL}</head><body><Meta property=og:type content=article>{LD}</body>",
    ],
)
def test_an_article_decided_above_body_gets_the_whole_pages_kind_and_canonical(html: str) -> None:
    head = from_head(response(html))
    assert head is not None
    assert head == whole(response(html))
    assert head[0] == "article"


def test_the_verdict_names_the_heads_rule_where_the_body_would_name_another() -> None:
    html = f'<html><head><meta property="og:type" content="article">{CANONICAL}</head><body>{LD}</body>'
    found = head_verdict(response(html))
    assert found is not None
    assert str(found[1]) == "article/og_type"  # the whole page says article/jsonld: not parsed to rename it
    assert str(_whole_page_verdict(response(html))[1]) == "article/jsonld"


@pytest.mark.parametrize(
    ("html", "why"),
    [
        (f"<html><head>{LD}</head><body><link REL=CANONICAL href=/other.html></body>", "canonical below, any case"),
        (
            f'<html><head><meta property="og:type" content="website">{CANONICAL}</head><body>{LD}</body>',
            "not an article above: JSON-LD below could make it one",
        ),
        (
            '<html><head><meta property="og:type" content="article"></head><body>'
            '<meta property="og:url" content="https://news.example/x.html"></body>',
            "no canonical and no og:url above: one below counts",
        ),
        (f"<html><head>{LD}</head><body><link rel=canonical href=/other.html></body>", "canonical below"),
        (
            '<html><head><meta property="og:type" content="article"></head><body>'
            '<meta property="og:url" content="https://news.example/x.html"></body>',
            "og:url below",
        ),
        (
            f'<html><head><meta property="og:type" content="article"></head><body>{LD}{CANONICAL}</body>',
            "no canonical above: the one below counts",
        ),
        ("<html><head><title>Local news</title></head><body><a href=/a.html>A story</a></body>", "not an article"),
        (f"<html><head>{LD}{CANONICAL}</head><p>no body tag</p>", "no <body> tag"),
    ],
)
def test_a_page_whose_rest_could_change_the_verdict_is_parsed_whole(html: str, why: str) -> None:
    assert head_verdict(response(html)) is None, why


def test_where_the_head_cut_falls_inside_a_script_the_whole_page_decides() -> None:
    html = f'<html><head><script>document.write("<body>")</script>{LD}{CANONICAL}</head>{BODY}'
    head = from_head(response(html))
    assert head is None or head == whole(response(html))


@pytest.mark.skipif(not CORPUS_PAGES.is_dir(), reason=f"no corpus at {CORPUS_PAGES}: needs ../shared")
def test_on_the_news_corpus_the_short_way_gives_the_same_verdicts_and_canonical_urls() -> None:
    shortcuts = 0
    files = sorted(CORPUS_PAGES.glob("*.html*"))
    for file in files:
        body = gzip.decompress(file.read_bytes()) if file.name.endswith(".gz") else file.read_bytes()
        url = f"http://127.0.0.1:8000/a/{file.name.removesuffix('.gz')}"
        page = HtmlResponse(url, body=body, headers={"Content-Type": "text/html; charset=utf-8"})
        head = from_head(page)
        if head is not None:
            shortcuts += 1
            assert head == whole(HtmlResponse(url, body=body, headers=page.headers)), file.name
    assert shortcuts >= 9 * len(files) // 10  # 164 of 174 (126 while the verdict's signal had to be the whole page's)
