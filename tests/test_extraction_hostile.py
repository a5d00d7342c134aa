"""Hostile input through the real extraction path: a clear outcome, never a crash or garbage.

Each page is an ordinary article with one flaw found by fuzzing real pages: control characters,
odd JSON-LD values, URLs urllib cannot read, titles that are only the site's name. The article
must still come out clean, or the page be rejected with a reason; ``extract_article`` never
raises.
"""

from __future__ import annotations

import json

import pytest
from itemadapter import ItemAdapter

from scraper.extraction.article import extract_article
from scraper.items import Article, DropReason, Rejection
from tests.helpers import make_page

PROSE = "".join(
    f"<p>The harbour council met on Tuesday to discuss repairs to the sea wall, item {i}, and agreed "
    f"to spend more on the work than last year after the winter storms damaged the old stones.</p>"
    for i in range(6)
)


def page(head: str = "", body: str = "", h1: str = "Council agrees to repair the sea wall") -> str:
    return (f"<html lang='en'><head><title>Council agrees to repair the sea wall | Harbour News</title>"
            f"<meta property='og:type' content='article'>{head}</head>"
            f"<body><article><h1>{h1}</h1>{body}{PROSE}</article></body></html>")  # fmt: skip


def ld(**fields: object) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", **fields}
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def article(html: str, **fields: object) -> Article:
    result = extract_article(make_page(html, **fields))
    assert isinstance(result, Article), result
    json.dumps(ItemAdapter(result).asdict(), ensure_ascii=False).encode("utf-8")  # writable as UTF-8 JSON
    return result


@pytest.mark.parametrize(
    "html",
    [
        page(body="<div class='share'>Share</div>\x01 The vote was close.\x1b"),  # beside a pruned box
        page(head="<meta name='description' content='Council \x1b reviews the budget after a protest'>"),
        page(body="<p>Mayor\x02 Ann Lee said the \x0bwork starts in May.</p>"),
    ],
)
def test_control_characters_neither_crash_nor_lose_the_page(html: str) -> None:
    result = article(html)
    assert "sea wall" in result.text
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in result.text)


@pytest.mark.parametrize("headline", [12345, True, [{}], {"@value": "x"}, "Breaking", "Harbour News"])
def test_a_headline_that_is_not_a_headline_gives_way_to_the_h1(headline: object) -> None:
    html = page(head=ld(headline=headline, publisher={"@type": "Organization", "name": "Harbour News"}))
    assert article(html).title == "Council agrees to repair the sea wall"


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ("<meta property='og:image' content='http://[::1'>", ""),
        (ld(headline="Council agrees to repair the sea wall", image="https://[x]y/a.jpg"), ""),
        ("<link rel='canonical' href='http://[bad/'><meta property='og:url' content='https://[x]y/'>", ""),
        ("", "<figure><img src='http://[::1/a.jpg'><figcaption>The old sea wall in March.</figcaption></figure>"),
    ],
)
def test_urls_urllib_cannot_read_cost_only_their_field(head: str, body: str) -> None:
    result = article(page(head=head, body=body))
    assert result.canonical_url == "https://news.example/2026/11/story.html"
    assert result.image is None or result.image.startswith("https://news.example/")


def test_a_page_url_urllib_cannot_read_is_still_extracted() -> None:
    result = extract_article(make_page(page(), url="http://[::1/story.html"))
    assert isinstance(result, Article), result  # not even the safety net's extraction_failed


def test_json_ld_nested_deeper_than_python_recurses_is_ignored() -> None:
    deep = "<script type='application/ld+json'>" + "[" * 5000 + "]" * 5000 + "</script>"
    assert article(page(head=deep)).title == "Council agrees to repair the sea wall"


def test_escaped_control_characters_and_surrogates_in_json_ld_are_dropped() -> None:
    raw = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
           '"Council agrees to repair \\u0001the sea wall\\ud800", "author": {"@type": "Person", '
           '"name": "Ann\\u001b Lee"}}</script>')  # fmt: skip
    result = article(page(head=raw))
    assert result.title == "Council agrees to repair the sea wall"
    assert result.authors == ["Ann Lee"]


def test_markup_and_bare_separators_are_not_a_title() -> None:
    assert article(page(h1="<b>Council</b> agrees to repair the sea wall")).title == (
        "Council agrees to repair the sea wall"
    )
    html = page(h1="Council agrees to repair the sea wall").replace(
        "<title>Council agrees to repair the sea wall | Harbour News</title>", "<title>| Harbour News</title>"
    )
    assert article(html).title == "Council agrees to repair the sea wall"


def test_a_title_made_only_of_the_site_name_does_not_crash() -> None:
    html = page(head="<meta property='og:site_name' content='Harbour News'>").replace(
        "<title>Council agrees to repair the sea wall | Harbour News</title>",
        "<title>Harbour News | Harbour News</title>",
    )
    assert article(html).title == "Council agrees to repair the sea wall"


@pytest.mark.parametrize(
    "author",
    [
        {"@type": "Organization", "name": "https://harbour.example"},
        {"@type": "Person", "name": "harbour.example/authors/ann-lee"},
        {"@type": "Person", "name": "Ann Lee | Updated 3 hours ago"},
    ],
)
def test_urls_and_update_notes_are_not_authors(author: dict[str, str]) -> None:
    authors = article(page(head=ld(headline="Council agrees to repair the sea wall", author=author))).authors
    assert authors in ([], ["Ann Lee"])


@pytest.mark.parametrize(
    "body",
    [
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>'
        + "".join(
            f"<item><title>Story {i} about the sea wall repairs</title><link>https://news.example/{i}</link>"
            f"<description>{PROSE}</description></item>"
            for i in range(5)
        )
        + "</channel></rss>",
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour News</title>'
        + "".join(f"<entry><title>Story {i}</title><summary>{PROSE}</summary></entry>" for i in range(5))
        + "</feed>",
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>https://news.example/{i}</loc></url>" for i in range(50))
        + "</urlset>",
    ],
)
def test_a_feed_or_sitemap_served_as_a_page_is_not_an_article(body: str) -> None:
    result = extract_article(make_page(body))
    assert isinstance(result, Rejection)
    assert result.reason is DropReason.NOT_ARTICLE


def test_a_utf8_page_with_one_bad_byte_keeps_its_accents() -> None:
    html = page(body="<p>André Schütz, the engineer, said the café on the quay would stay open.</p>").encode()
    cut = html.index(b"<p>The harbour")
    result = article(html[:cut] + b"\xff" + html[cut:], encoding=None)
    assert "André Schütz" in result.text
    assert "Ã" not in result.text


def test_a_link_list_marked_as_an_article_is_not_one() -> None:
    """Some CMSs mark tag and archive pages ``og:type=article``; a list of links is still no story."""
    links = "".join(f"<li><a href='/story-{i}.html'>Story {i} about the harbour wall and the council</a></li>"
                    for i in range(300))  # fmt: skip
    html = (f"<html><head><title>All stories</title><meta property='og:type' content='article'></head>"
            f"<body><article><h1>All stories</h1><ul>{links}</ul></article></body></html>")  # fmt: skip
    result = extract_article(make_page(html))
    assert isinstance(result, Rejection)
    assert result.reason is DropReason.NOT_ARTICLE


def test_a_story_in_one_block_beside_big_menus_is_an_article() -> None:
    nav = "".join(f"<li><a href='/s{i}'>Section {i} news</a></li>" for i in range(160))
    story = "<br>".join(f"The harbour council met on Tuesday about the sea wall, item {i}, and agreed to spend "
                        f"more on the work than last year after the storms." for i in range(16))  # fmt: skip
    head = "<title>Council agrees | Harbour</title><meta property='og:type' content='article'>"
    body = f"<nav><ul>{nav}</ul></nav><div>{story}</div><footer><ul>{nav}</ul></footer>"
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    assert article(html).word_count > 300


def test_a_bug_is_counted_apart_from_pages_the_parser_cannot_read() -> None:
    """An exception no rule foresaw is ``extraction_error`` with its type and traceback, never raised."""
    page = make_page("<html><body><p>text</p></body></html>")
    page.body = None  # type: ignore[assignment]  # what a bug upstream could hand over
    result = extract_article(page)
    assert isinstance(result, Rejection)
    assert result.reason is DropReason.EXTRACTION_ERROR
    assert result.error == "TypeError"
    assert "Traceback" in result.traceback
    assert "article.py" in result.traceback
