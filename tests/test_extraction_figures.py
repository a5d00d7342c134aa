"""Captioned images outside ``<figure>``: which text beside a picture is its caption."""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.extraction.figures import read_figures


def test_an_image_after_words_in_an_inline_element_sits_in_running_text() -> None:
    """A paragraph's span with the picture after its sentence: the sentence is the story's, no caption."""
    sentence = "If you run a local business, local SEO puts your site in nearby search results."
    tree = lxml_html.document_fromstring(
        f"<html><body><p><span>{sentence} <img src=map.png alt='Local SEO' width=217></span></p>"
        "<p><span><!-- lazy --><b>Reviews</b> matter too. <img src=stars.png width=200></span></p>"
        "<div><img src=pier.jpg><p>The north pier at low tide</p></div></body></html>"
    )
    assert [(f.src, f.caption) for f in read_figures(tree)] == [("pier.jpg", "The north pier at low tide")]


def test_a_caption_above_its_picture_in_a_block_of_their_own_is_its_caption() -> None:
    """Review 47b: the caption's ``<p>`` before the picture is no running text the picture sits in."""
    tree = lxml_html.document_fromstring(
        f"<html><body><p>{'Word ' * 30}</p><div><p>The north pier at low tide</p><img src='pier.jpg'></div>"
        f"<p>{'Word ' * 30}</p></body></html>"
    )
    assert [(f.src, f.caption) for f in read_figures(tree)] == [("pier.jpg", "The north pier at low tide")]
