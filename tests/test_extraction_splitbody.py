"""A story printed in several same-class body containers is read whole (``splitbody.join_split_body``)."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from scraper.extraction.article import extract_article
from scraper.extraction.splitbody import join_split_body
from scraper.items import Article
from tests.helpers import make_page

_FIRST = (
    "<p>After three dry summers in a row the county board plans to let farmers draw water from the river in May "
    "instead of after midsummer, a proposal that worries anglers and the towns along its banks.</p>"
    "<p>Many growers lost much of their harvest last year when irrigation began too late, the farmers' union says, "
    "and potato growers alone put their losses at about four million pounds.</p>"
)
_SECOND = (
    "<p>But the river is also a spawning ground for trout and for the protected freshwater pearl mussel, and low "
    "water in early summer can wipe out a whole year's brood, the angling association warns.</p>"
    "<p>The board proposes that the draw should stop automatically whenever the flow at the gauge upstream falls "
    "below 1.2 cubic metres a second. Comments on the plan close on December 15.</p>"
)
_FACTS = '<div class="rich-text factbox"><h3>Facts: the river</h3><ul><li>110 kilometres long</li></ul></div>'


def _story(body_class: str) -> str:
    return (
        '<html lang="en"><head><title>Farmers want to water earlier | Farm News</title></head><body>'
        '<header><nav><a href="/">Farm News</a> <a href="/news">News</a></nav></header><main><article>'
        "<h1>Farmers want to water earlier, and anglers fear for the trout</h1>"
        f'<div class="{body_class}">{_FIRST}</div>{_FACTS}<div class="{body_class}">{_SECOND}</div>'
        '<div class="share"><a href="#">Share</a></div></article></main>'
        "<footer><p>Farm News is published by the Farmers' Union.</p></footer></body></html>"
    )


def test_a_story_split_by_a_box_is_read_whole_without_the_box() -> None:
    """Both parts, in the page's order: trafilatura alone read the first part only. The box between them stays
    out (a fact box here; an inline "More on this" box or a newsletter form as often, review)."""
    result = extract_article(make_page(_story("component rich-text article-body"), "https://farm.example/n/1"))
    assert isinstance(result, Article), result
    text = result.text
    assert "spawning ground for trout" in text
    assert "Comments on the plan close" in text
    assert text.index("potato growers") < text.index("spawning ground")
    assert "110 kilometres" not in text


def test_the_parts_move_into_one_wrapper_and_what_stood_between_them_stays_after_it() -> None:
    tree = lxml_html.document_fromstring(_story("article-body"))
    assert join_split_body(tree)
    article = tree.find(".//article")
    assert article is not None
    assert [child.get("class") for child in article if child.tag == "div"] == [
        "article-body", "rich-text factbox", "share"
    ]  # fmt: skip
    wrapper = article.find("div")
    assert wrapper is not None
    assert [child.get("class") for child in wrapper] == ["article-body", "article-body"]
    posts = lxml_html.document_fromstring(_story("post"))  # a list's posts: a class that names no body
    assert not join_split_body(posts)
    chart = lxml_html.document_fromstring(_story("chart-content"))  # "art-content" inside another word
    assert not join_split_body(chart)
    single = lxml_html.document_fromstring(_story("article-body").replace('<div class="article-body">', "<div>", 1))
    assert not join_split_body(single)  # one body container: nothing to join


@pytest.mark.parametrize("level", ["h2", "h3"])
def test_the_next_story_printed_under_this_one_is_not_joined(level: str) -> None:
    """Review: "Up next", the next story's linked headline and its body in the same classes (infinite scroll)."""
    teaser = f'<div class="next-up">Up next</div><{level}><a href="/n/2">Kitchen fire damages home</a></{level}>'
    assert not join_split_body(lxml_html.document_fromstring(_story("article-body").replace(_FACTS, teaser)))


def test_a_part_with_its_own_sub_headings_is_joined() -> None:
    """Second review: a story's parts hold its <h2> sub-headings; only an <h1> in a part is another story's."""
    page = _story("article-body").replace(_SECOND, f"<h2>What happens next</h2>{_SECOND}")
    assert join_split_body(lxml_html.document_fromstring(page))
    assert not join_split_body(lxml_html.document_fromstring(page.replace("h2>What", "h1>What")))
    anchored = page.replace("<h2>What happens next</h2>", '<h2><a href="#next">What happens next</a></h2>')
    assert join_split_body(lxml_html.document_fromstring(anchored))  # a link to its own section
    teaser = page.replace("<h2>What happens next</h2>", '<h3><a href="/n/2">Parents worry about portables</a></h3>')
    assert not join_split_body(lxml_html.document_fromstring(teaser))  # second review: a teaser in the same class
