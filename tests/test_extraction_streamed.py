"""A page streamed in parts (React's streaming server rendering) is read with each part where its script puts it;
a post's wrapper named like a comment section is read as the post."""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.api import extract
from scraper.extraction.storymarkup import unmark_story_wrappers
from scraper.extraction.streamed import place_streamed
from scraper.items import Article

_INTRO = (
    "Cloud computing boomed during the last decade, and the growth of the industry is still in its early innings,"
    " as organisations around the globe move their operations to remote data centres and pay for what they use."
)
_SECTIONS = {
    "Salesforce": "When talking about cloud computing, Salesforce needs to be part of the conversation: the company"
    " was a pioneer of software that used the cloud, and it has since branched out into many other areas of work.",
    "Adobe": "Adobe moved its creative software to subscriptions a decade ago, and the steady revenue that came with"
    " the move has paid for new tools, from document services to the analytics that marketers use every day.",
    "Snowflake": "Snowflake stores and shares the data that companies gather about their customers and operations,"
    " and its revenue grew quickly after it listed its shares, although the growth has since moderated a little.",
}


def _streamed_page() -> str:
    """A guide whose sections come after the footer in hidden parts, each with a placeholder (and a "Loading"
    fallback) where it belongs, and the script that would move it there."""
    placeholders = "".join(
        f'<h2>{n + 1}. {name}</h2><!--$?--><template id="B:{n}"></template><div>Loading paragraph...</div><!--/$-->'
        for n, name in enumerate(_SECTIONS)
    )
    parts = "".join(
        f'<div hidden id="S:{n}"><p>{text}</p></div><script>$RC("B:{n}","S:{n}")</script>'
        for n, text in enumerate(_SECTIONS.values())
    )
    teasers = "".join(f'<li><a href="/news/{n}">Other story number {n} of the day</a></li>' for n in range(8))
    return (
        "<html><head><title>The best cloud stocks to buy</title></head><body>"
        '<header><nav><a href="/">Home</a> <a href="/investing">Investing</a></nav></header>'
        f"<main><article><h1>The best cloud stocks to buy</h1><p>{_INTRO}</p>{placeholders}</article></main>"
        f"<aside><ul>{teasers}</ul></aside><footer><p>Copyright the guide's publisher.</p></footer>{parts}"
        "</body></html>"
    )


def test_a_streamed_guides_sections_are_read_where_they_belong() -> None:
    article = extract(_streamed_page(), url="https://guide.example/investing/best-cloud-stocks/")
    assert isinstance(article, Article)
    text = article.text
    for name, section in _SECTIONS.items():
        assert section in text
        assert text.index(name) < text.index(section)  # under its own heading, not after the story
    assert "Loading paragraph" not in text


def test_a_part_replaces_its_placeholder_and_fallback_and_a_segment_its_template() -> None:
    tree = lxml_html.document_fromstring(
        '<html><body><div id="story"><p>one</p><!--$?--><template id="B:0"></template><div>Loading...</div>'
        '<!--/$-->after<template id="P:1"></template>end</div><footer>f</footer>'
        '<div hidden id="S:0"><p>two</p><p>three</p></div><div hidden id="S:1">segment <b>bold</b></div>'
        '<div hidden id="S:9"><p>no placeholder</p></div></body></html>'
    )
    assert place_streamed(tree) == 2
    story = tree.get_element_by_id("story")
    assert " ".join(story.text_content().split()) == "onetwothreeaftersegment boldend"
    assert "Loading" not in story.text_content()
    assert tree.find(".//template") is None
    assert tree.get_element_by_id("S:9") is not None  # its placeholder is not on the page: left as it is


def test_a_fallback_without_its_closing_marker_stays() -> None:
    tree = lxml_html.document_fromstring(
        '<html><body><div id="story"><template id="B:0"></template><p>kept</p></div>'
        '<div hidden id="S:0"><p>part</p></div></body></html>'
    )
    assert place_streamed(tree) == 1
    assert " ".join(tree.get_element_by_id("story").text_content().split()) == "partkept"


_POST = (
    "This is partly a response to an essay on interpretability, and partly a proposal of my own: we should train"
    " assistants whose only task is to explain what a larger model computes, and judge them by how well they do.",
    "The approach gives us grounded measures of progress, because every explanation can be checked against the"
    " model's behaviour, and it still ties things back to the model's internal states in a direct way.",
    "In summary: instead of training ever larger general systems first, let us train specialised assistants that"
    " help us understand the systems we already have, and scale them as our understanding of them grows.",
)


def test_a_posts_wrapper_named_like_comments_is_the_post() -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in _POST)
    comments = "".join(
        f'<div class="comment-item"><p>Reader {n}: thanks, a very interesting post, I agree with it.</p></div>'
        for n in range(4)
    )
    page = (
        "<html><head><title>End-to-end interpretability</title></head><body><main><h1>End-to-end"
        ' interpretability</h1><div class="PostsPage-postContent content"><div class="commentOnSelection">'
        f'<div id="postContent">{paragraphs}</div></div></div><div class="comments-section">{comments}</div>'
        "</main></body></html>"
    )
    article = extract(page, url="https://forum.example/posts/qkhwh4/end-to-end-interpretability")
    assert isinstance(article, Article)
    for text in _POST:
        assert text in article.text
    assert "Reader 1" not in article.text


def test_a_comment_section_beside_the_post_or_in_a_main_area_keeps_its_name() -> None:
    tree = lxml_html.document_fromstring(
        '<html><body><main id="main"><section class="commenting-on-qna"><p>Ask a question about the ranking and'
        ' our experts will answer it here.</p></section></main><div class="entry-content"><p>The post itself, with'
        ' a few sentences of its own.</p><div class="comments"><p>A short reply.</p></div></div></body></html>'
    )
    assert unmark_story_wrappers(tree) == 0
    assert tree.find(".//section").get("class") == "commenting-on-qna"


def test_a_part_holding_its_own_placeholder_is_left_where_it_is() -> None:
    """Code review 48: a part holding its own placeholder (or another part's that holds it) had no place to go, and
    moving it raised, rejecting the whole page as an extraction error."""
    tree = lxml_html.document_fromstring(
        '<html><body><main><p>Opening.</p></main><div hidden id="S:0"><p>Part zero.<template id="P:0"></template>'
        '</p></div><div hidden id="S:1"><template id="P:2"></template></div>'
        '<div hidden id="S:2"><template id="P:1"></template></div></body></html>'
    )
    assert place_streamed(tree) <= 1
    assert "Part zero." in tree.text_content()


def test_a_boundarys_fallback_written_as_text_goes_with_it() -> None:
    """Code review 48: a fallback of bare text ("Loading sections, please wait…") stayed after the placed part."""
    tree = lxml_html.document_fromstring(
        '<html><body><main><p>Opening.</p><!--$?--><template id="B:0"></template>Loading sections, please wait'
        '<!--/$--><p>Closing.</p></main><div hidden id="S:0"><p>The section.</p></div></body></html>'
    )
    assert place_streamed(tree) == 1
    text = " ".join(tree.find(".//main").text_content().split())
    assert text == "Opening.The section.Closing."
