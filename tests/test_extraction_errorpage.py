"""A site's error page served with status 200 (a soft 404) is no article, whatever its layout."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from scraper.api import extract
from scraper.extraction.errorpage import error_page
from scraper.extraction.visible import read_signals
from scraper.items import Article, DropReason, Rejection

STORY = " ".join(["The council voted on Tuesday to rebuild the harbour wall before the winter storms."] * 8)
LATEST = "".join(
    f'<li><a href="/news/story-{n}">Council approves the budget for the harbour district, item {n}</a></li>'
    for n in range(8)
)


def _page(title: str, h1: str, body: str = "") -> str:
    return (
        f'<html lang="en"><head><title>{title}</title></head><body><header><a href="/">The Daily Example</a>'
        f"</header><main><article><h1>{h1}</h1>{body}</article><aside><h2>Latest stories</h2><ul>{LATEST}</ul>"
        "</aside></main><footer>© 2026 The Daily Example</footer></body></html>"
    )


def _said(title: str, h1: str) -> str | None:
    return error_page(read_signals(lxml_html.document_fromstring(_page(title, h1))))


@pytest.mark.parametrize(
    ("title", "h1", "where"),
    [
        ("Page not found | The Daily Example", "Sorry, we can't find that page", "title"),
        ("404 – The Daily Example", "Nothing here", "title"),
        ("The Daily Example :: Error 404", "Nothing here", "title"),
        ("Oops! Page Not Found - The Daily Example", "Nothing here", "title"),
        ("Error 404 - Page not found | The Daily Example", "Nothing here", "title"),
        ("Seite nicht gefunden | Rheinpost", "Hoppla!", "title"),
        ("Page introuvable - Le Quotidien", "Oups", "title"),
        ("The Daily Example", "404", "headline"),
        ("The Daily Example", "Página no encontrada", "headline"),
        ("ページが見つかりません｜みなと新聞", "エラー", "title"),
        ("Rheinpost » Fehler » Seite nicht gefunden", "Hoppla!", "title"),  # an old CMS's trail
    ],
)
def test_an_error_pages_title_or_headline_says_so(title: str, h1: str, where: str) -> None:
    assert _said(title, h1) == where


@pytest.mark.parametrize(
    ("title", "h1"),
    [
        ("Not found: the lost letters of the harbour master | The Daily Example", "Not found: the lost letters"),
        ("Council approves 404 new homes on the harbour site", "Council approves 404 new homes"),
        ("Why the page you wanted was not found, and what the archive is doing about it", "Archives"),
        ("Harbour wall | The Daily Example", "Harbour wall"),
        # review: a number, "not found" or a site's name in a story's headline
        ("404 jobs cut at the harbour plant | The Daily Example", "404 jobs cut"),
        ("Highway 404 closed after crash | The Daily Example", "Highway 404 closed"),
        ("Missing hiker not found | The Daily Example", "Missing hiker not found"),
        ("Route 410 reopens", "Route 410 reopens"),
        ("Lost and Not Found | The Daily Example", "Lost and Not Found"),
        ("Why the council's website says page not found | 404 Media", "Council website: page not found"),
    ],
)
def test_a_story_about_or_with_those_words_is_no_error_page(title: str, h1: str) -> None:
    assert _said(title, h1) is None


def test_a_soft_404_at_an_articles_address_is_rejected_with_its_reason() -> None:
    page = _page("Page not found | The Daily Example", "Sorry, we can't find that page",
                 f"<p>The page you asked for has moved or never existed. {STORY}</p>")  # fmt: skip
    result = extract(page, url="https://daily.example/news/2026/11/03/harbour-wall-rebuilt")
    assert isinstance(result, Rejection), result
    assert result.reason is DropReason.NOT_ARTICLE
    assert result.detail.startswith("error_page (title)"), result.detail
    story = extract(_page("Harbour wall | The Daily Example", "Harbour wall", f"<p>{STORY}</p><p>{STORY}</p>"),
                    url="https://daily.example/news/2026/11/03/harbour-wall-rebuilt")  # fmt: skip
    assert isinstance(story, Article), story


@pytest.mark.parametrize(
    ("title", "h1"),
    [
        ("Making sure you're not a bot!", "Making sure you're not a bot!"),  # Anubis, served with status 200
        ("Just a moment...", "www.daily.example"),
        ("Attention Required! | Cloudflare", "Sorry, you have been blocked"),
        ("Checking your browser | DDoS-Guard", "www.daily.example"),
        ("DDoS-Guard", "Checking your browser"),  # the vendor's name alone over the check's headline
        ("Access to this page has been denied", "Press & Hold to confirm you are a human"),
        ("Einen Moment bitte…", "www.rheinpost.example"),
    ],
)
def test_a_bot_check_served_for_the_page_is_no_article(title: str, h1: str) -> None:
    assert _said(title, h1) == "challenge"


def _article_page(title: str, h1: str, head: str) -> str:
    return _page(title, h1, f"<p>{STORY}</p>").replace("<head>", f"<head>{head}", 1)


@pytest.mark.parametrize(
    ("title", "h1", "head"),
    [
        ("Just a moment of silence for the harbour | The Daily Example", "Just a moment of silence", ""),
        ("Are you a robot? The test that decides | The Daily Example", "Are you a robot? The test", ""),
        ("Cloudflare outage takes down news sites", "Cloudflare outage takes down news sites", ""),
        ("The Daily Example", "Verifying you are human", ""),  # a story's headline: the check's title says so
        ("Robot or human?", "Robot or human?", '<meta property="og:type" content="article">'),  # code review 46
        ("One More Step", "One More Step", '<script type="application/ld+json">{"@type": "NewsArticle"}</script>'),
    ],
)
def test_a_story_about_bot_checks_is_no_challenge(title: str, h1: str, head: str) -> None:
    assert error_page(read_signals(lxml_html.document_fromstring(_article_page(title, h1, head)))) is None


def test_a_hidden_boxs_headline_before_the_storys_is_no_challenge() -> None:
    """Code review 46: a sign-up dialog's "One more step" is the page's first <h1>, before the story's own."""
    page = _page("Harbour wall | The Daily Example", "Harbour wall", f"<p>{STORY}</p>").replace(
        "<main>", '<div role="dialog" hidden><h1>One more step</h1><p>Confirm your e-mail.</p></div><main>', 1
    )
    assert error_page(read_signals(lxml_html.document_fromstring(page))) is None


def test_a_bot_check_is_rejected_with_its_reason() -> None:
    """WCXB holds one (an Anubis check at a forum's address): it was emitted with its explanation as the text."""
    explanation = (
        "<p>You are seeing this because the administrator of this website has set up a proof-of-work check to"
        " protect the server against aggressive scraping. " + STORY + "</p>"
    )
    page = _page("Making sure you&#39;re not a bot!", "Making sure you&#39;re not a bot!", explanation)
    result = extract(page, url="https://forum.example/t/harbour-wall/1234")
    assert isinstance(result, Rejection), result
    assert result.reason is DropReason.NOT_ARTICLE
    assert result.detail.startswith("error_page (challenge)"), result.detail
