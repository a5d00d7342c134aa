"""A post's address at the site's root (WordPress's default ``/?p=4830``) is not the home page.

Sites that never set "pretty" permalinks publish every post as ``/?p=N`` (pages as
``/?page_id=N``). The path is ``/``, and reading it as the home page made each such article a
listing twice over: the spider's head verdict only followed it, and the page-kind model's
``url_listing`` feature rejected it in extraction. The unseen-page fixtures
(``tests/fixtures/unseen``) hold three of them; the crawl below is a small WordPress site.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

from scraper.extraction.declared import head_features, is_site_root, names_one_item
from scraper.extraction.pagekind import Kind, classify
from scraper.extraction.visible import read_signals
from scraper.items import Article
from tests.conftest import run_crawl
from tests.test_crawl_bounds import Reply, Site, html
from tests.test_unseen_pages import extracted, page_html


@pytest.mark.parametrize(
    ("query", "one_item"),
    [
        ("p=4830", True),
        ("page_id=12", True),
        ("attachment_id=7", True),
        ("articleId=99", True),
        ("story=harbour-ferry-returns", True),
        ("p=2&lang=en", True),
        ("", False),
        ("page=2", False),  # a pager
        ("paged=3", False),
        ("s=ferry", False),  # a search
        ("sid=ab12cd", False),  # a session token
        ("sid=48213", False),  # even a numeric one
        ("Itemid=101", False),  # Joomla's menu
        ("catid=7", False),  # a category
        ("lang_id=2", False),
        ("p=4830;lang=en", True),  # ";" separates parameters too
        ("id=abc", False),
        ("utm_source=feed", False),
    ],
)
def test_a_query_names_one_item_only_with_an_item_key_and_value(query: str, one_item: bool) -> None:
    assert names_one_item(query) is one_item


def test_the_root_with_a_pager_or_nothing_is_the_home_page_and_a_post_is_not() -> None:
    assert is_site_root(urlsplit("https://herald.example/"))
    assert is_site_root(urlsplit("https://herald.example"))
    assert is_site_root(urlsplit("https://herald.example/?paged=2"))
    assert not is_site_root(urlsplit("https://herald.example/?p=4830"))
    assert not is_site_root(urlsplit("https://herald.example/news/"))


def test_a_post_at_the_root_is_not_a_listing_by_its_head_but_a_pager_elsewhere_still_is() -> None:
    signals = read_signals(lxml_html.document_fromstring(page_html("50_wp_default_permalink")))
    assert classify(signals, "https://millbrookherald.example/?p=4830").kind is not Kind.LISTING
    assert classify(signals, "https://millbrookherald.example/").kind is Kind.LISTING
    assert classify(signals, "https://millbrookherald.example/blog/?p=4830").kind is not Kind.LISTING  # a subfolder
    assert classify(signals, "https://millbrookherald.example/index.php?p=4830").kind is not Kind.LISTING
    assert classify(signals, "https://shop.example/shoes.html?p=2").kind is Kind.LISTING  # a pager off the root
    assert classify(signals, "https://millbrookherald.example/category/news/?p=4830").kind is Kind.LISTING
    assert head_features(signals, "https://millbrookherald.example/?p=4830")["url_listing"] == 0.0
    assert head_features(signals, "https://millbrookherald.example/")["url_listing"] == 1.0


@pytest.mark.parametrize(
    ("url", "forum"),
    [
        ("https://forum.example/topic/225132-if-the-forum-comes-to-an-end/", 1.0),  # a thread: an id follows
        ("https://community.example/topic/18427/rc1-of-v4", 1.0),
        ("https://boards.example/viewtopic.php?t=425337", 1.0),
        ("https://forum.example/t/confusing-resolver-structure/144854", 1.0),
        ("https://encyclopedia.example/topic/history-of-coffee", 0.0),  # an entry
        ("https://news.example/topic/software", 0.0),  # a tag's listing
    ],
)
def test_a_topic_is_a_forums_thread_only_with_an_id(url: str, forum: float) -> None:
    signals = read_signals(lxml_html.document_fromstring("<html><body><p>x</p></body></html>"))
    assert head_features(signals, url)["url_forum"] == forum


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("50_wp_default_permalink", "https://millbrookherald.example/?p=4830"),
        ("01_short_local_wp", "https://millbrookherald.example/?p=4812"),
        ("06_listicle_wp", "https://thriftygardener.example/?p=2291"),
    ],
)
def test_a_wordpress_article_at_its_default_permalink_is_kept(name: str, url: str) -> None:
    result = extracted(name, url)
    assert isinstance(result, Article), result


def route(path: str, base: str) -> Reply | None:
    """A WordPress site with default permalinks: the home page lists two posts and links a page."""
    fixtures = {"/?p=4830": "50_wp_default_permalink", "/?p=4812": "01_short_local_wp"}
    if path == "/":
        links = "".join(f'<h2><a href="{base}{post}">Post {post}</a></h2>' for post in fixtures)
        return html(links + '<a href="/?paged=2">Older posts</a>')
    if path == "/?paged=2":
        return html("<p>No older posts.</p>")
    if path in fixtures:
        return 200, "text/html; charset=utf-8", page_html(fixtures[path]).encode()
    return None


@pytest.fixture
def site() -> Iterator[Site]:
    made = Site("wordpress", route)
    yield made
    made.server.stop()


@pytest.mark.crawl
def test_a_crawl_of_a_site_with_default_permalinks_emits_its_posts(tmp_path: Path, site: Site) -> None:
    result = run_crawl(tmp_path, "-a", f"url={site.url}/", "-s", "ROBOTSTXT_OBEY=False", "-s", "RETRY_ENABLED=False")
    assert result.returncode == 0, result.stderr[-3000:]
    urls = sorted(urlsplit(record["url"]).query for record in result.records)
    assert urls == ["p=4812", "p=4830"], [record["url"] for record in result.records]


@pytest.mark.parametrize(
    ("url", "dated"),
    [
        ("https://news.example/2026/11/25/harbour-wall-repaired/", True),
        ("https://news.example/2026-11-25-harbour-wall-repaired", True),
        ("https://news.example/2026/11/", False),  # a month archive: its address ends at the date
        ("https://news.example/2026/11/25/", False),
        ("https://news.example/2026/11/page/2/", False),
    ],
)
def test_a_date_archives_address_is_no_dated_storys(url: str, dated: bool) -> None:
    """Session 43's probe: a WordPress month archive at ``/2026/11/`` was read as a dated story (url_date)."""
    signals = read_signals(lxml_html.document_fromstring("<html><body><p>x</p></body></html>"))
    assert head_features(signals, url)["url_date"] == float(dated)
