"""Which pages have their links followed: ``spiders.links.focus`` on the markup real themes use."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import html as lxml_html

from spiders.links import focus

HEADLINE = "Council agrees the harbour budget for {n}"


def anchors(body: str) -> list[tuple[str, Any]]:
    root = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    return [(f"https://a.example{a.get('href')}", a) for a in root.iter("a")]


def same_site(url: str) -> bool:
    return url.startswith("https://a.example/")


@pytest.mark.parametrize(
    ("card", "lists"),
    [
        ('<article><header><h2><a href="/s{n}">' + HEADLINE + "</a></h2></header><p>Teaser.</p></article>", True),
        ('<section><a href="/s{n}"><h3>' + HEADLINE + "</h3><p>" + "A long teaser. " * 12 + "</p></a></section>", True),
        ('<div><a href="/s{n}">' + HEADLINE + "</a></div>", True),
        ('<header><nav><a href="/s{n}">' + HEADLINE + "</a></nav></header>", False),
        ('<footer><a href="/s{n}">' + HEADLINE + "</a></footer>", False),
        ('<aside><a href="/s{n}">' + HEADLINE + "</a></aside>", False),
        ('<li><a href="/s{n}">Report {n}</a></li>', False),
    ],
    ids=["card-header", "whole-card-link", "plain", "site-nav", "site-footer", "aside", "short-anchors"],
)
def test_a_page_lists_stories_when_its_content_links_read_like_headlines(card: str, lists: bool) -> None:
    found = anchors("".join(card.format(n=n) for n in range(5)) + '<a href="/page/2">2</a>')
    listed, kept = focus(iter(found), same_site, 500, 3)
    assert listed is lists
    urls = [url for url, _ in kept]
    assert urls == ([url for url, _ in found] if lists else ["https://a.example/page/2"])


def test_only_the_first_anchors_are_read_to_decide() -> None:
    found = anchors(
        "".join(f'<a href="/x{n}">x</a>' for n in range(1000)) + '<div><a href="/s">' + HEADLINE + "</a></div>"
    )
    listed, kept = focus(iter(found), same_site, 500, 1)
    assert not listed
    assert list(kept) == []
