"""A writing credit anywhere on the page ("Written by John Crenshaw") names the author when nothing else does."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from scraper.api import extract
from scraper.extraction.writtenby import written_by
from scraper.items import Article

STORY = " ".join(["The council voted on Tuesday to rebuild the harbour wall before the winter storms."] * 8)


def _page(after: str, before: str = "") -> str:
    return (
        '<html lang="en"><head><title>Harbour wall</title></head><body><article><h1>Harbour wall</h1>'
        f"{before}<p>{STORY}</p><p>{STORY}</p></article>{after}</body></html>"
    )


@pytest.mark.parametrize(
    ("box", "found"),
    [
        ('<div class="x1"><h3>Written by Cassidy Horton</h3><p>Cassidy writes about money.</p></div>',
         ["Written by Cassidy Horton"]),
        ('<div class="x1"><p>Written by <a href="/team/">John Crenshaw</a></p></div>', ["Written by John Crenshaw"]),
        ('<div class="x1"><span><i class="icon"></i> Written by <b>John Crenshaw</b></span></div>',
         ["Written by John Crenshaw"]),  # the opener in a tail: the line is its parent's
        ('<div class="x1"><p>Geschrieben von Petra Lindner</p></div>', ["Geschrieben von Petra Lindner"]),
        ('<div class="x1"><p>Written&nbsp;by Grace Liu</p></div>', ["Written by Grace Liu"]),  # a no-break space
        ('<ol class="x2"><li><p>Posted by Anna Miller</p><p>Great post!</p></li></ol>', []),  # a reader's, not a credit
        ('<div><p>The charter was written in 1923 by hand.</p></div>', []),  # the verb, not a credit
        ('<div><p>Well written by any measure, the report runs to 200 pages and names no one.</p></div>', []),
        ("<ul>" + "".join(f"<li>Written by {name}</li>" for name in ("Ann Lee", "Bo Ray", "Cy Tan")) + "</ul>",
         []),  # three writers credited: a list of posts
        ('<script>var s = "Written by John Crenshaw";</script>', []),
        ('<div class="x1"><p>Written by John Crenshaw</p></div><div class="x2"><p>Written By: John Crenshaw</p></div>',
         ["Written by John Crenshaw"]),  # the same writer twice is one credit
        ('<div class="x1"><p>Written by John Crenshaw</p></div><div class="related"><div class="card">'
         '<h3><a href="/blog/other">Another post about the harbour</a></h3><p>Written by Laura Chen</p></div></div>',
         ["Written by John Crenshaw"]),  # a related post's card beside the box: its credit is the post's
        ('<div class="related"><div class="card"><h3><a href="/blog/other-post">Another post about the harbour</a></h3>'
         "<p>Written by Laura Chen</p></div></div>", []),
        ("<ul><li>Directed by Denis Villeneuve</li><li>Written by Jon Spaihts</li></ul>", []),  # a film's credits
        ("<div><p>Publisher: Faber</p><p>Written by Sally Rooney</p></div>", []),  # a book's
        ("<blockquote><p>Do not go gentle</p><cite>Written by Dylan Thomas</cite></blockquote>", []),
        ("<footer><p>Written by Acme Studio</p></footer>", []),
        ('<ol class="comment-list"><li id="comment-12"><p>Written by Anna Miller</p><p>Great post!</p></li></ol>', []),
    ],
)  # fmt: skip
def test_a_writing_credit_is_read_wherever_it_stands(box: str, found: list[str]) -> None:
    assert written_by(lxml_html.document_fromstring(_page(box))) == found


def test_an_author_box_under_the_story_names_the_writer_when_no_byline_does() -> None:
    box = '<div class="x1"><h3>Written by Cassidy Horton</h3><p>Cassidy Horton writes about money.</p></div>'
    result = extract(_page(box), url="https://example.com/blog/harbour-wall")
    assert isinstance(result, Article), result
    assert result.authors == ["Cassidy Horton"]
    byline = extract(
        _page(box, before="<p>By Ann Lee | March 4, 2025</p>"), url="https://example.com/blog/harbour-wall"
    )
    assert isinstance(byline, Article), byline
    assert byline.authors == ["Ann Lee"]  # the byline under the headline comes first
    desk = extract(_page(box, before="<p>By Team Harbour | March 4, 2025</p>"), url="https://example.com/blog/x")
    assert isinstance(desk, Article), desk
    assert desk.authors == ["Cassidy Horton"]  # ... unless it names a desk: the person credited is the writer
    alone = extract(_page("", before="<p>By Team Harbour | March 4, 2025</p>"), url="https://example.com/blog/x")
    assert isinstance(alone, Article), alone
    assert alone.authors == ["Team Harbour"]  # a desk alone is the author
    person = extract(_page(box, before="<p>By Desk Hughes | March 4, 2025</p>"), url="https://example.com/blog/x")
    assert isinstance(person, Article), person
    assert person.authors == ["Desk Hughes"]  # a person named so is no desk (third review)
    german = extract(
        _page('<div class="x1"><p>Geschrieben von Petra Lindner</p></div>'), url="https://example.de/blog/x"
    )
    assert isinstance(german, Article), german
    assert german.authors == ["Petra Lindner"]  # the opener is no part of the name
