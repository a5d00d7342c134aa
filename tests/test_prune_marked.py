"""``prune._marked_elements`` finds what judging every named element would, in the same order.

It looks for the words in all of a page's attribute values joined (bytes, ASCII case folded)
and maps each hit back to its value by offset: multi-byte characters before a hit, words in
upper or camel case, roles and ``_NEVER`` tags are where such a shortcut could go wrong.
"""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.extraction import prune
from scraper.extraction.prune import prune_page

PAGE = """<html><body class="related"><main id="share">
<div aria-label="Ünterstützung für Ärzte — «Newsletter»"><p>sign up</p></div>
<div class="née" id="RelatedArticles"><a href="/x">x</a></div>
<section aria-label="日本語のテキスト"><div class="story"><p>Text of the story.</p></div></section>
<aside role="Complementary">Most read</aside><div role="dialogue">not a dialog role</div>
<div class="shareholders">the word is in a longer token: kept</div>
<ul class="wp-block-footnotes"><li><a href="/a">Doe J. 2019.</a></li></ul>
<h1 class="share">The headline</h1><p class="comments">A paragraph stays.</p>
<span data-x="newsletter">not a name attribute</span><div class="SHARE-bar">Share</div>
</main></body></html>"""


def _every_named(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The reference: every element with a name attribute that ``_marked_as`` judges marked."""
    named = tree.xpath("//*[@class or @id or @aria-label or @role]")
    return [e for e in named if e.tag not in prune._NEVER and prune._marked_as(e, inside_notes=False)]


def test_the_joined_search_finds_exactly_the_elements_judged_one_by_one() -> None:
    tree = lxml_html.document_fromstring(PAGE)
    found = list(prune._marked_elements(tree))
    assert found == _every_named(tree)
    assert [e.get("class") or e.get("id") or e.get("aria-label") or e.get("role") for e in found] == [
        "Ünterstützung für Ärzte — «Newsletter»",
        "née",
        "Complementary",
        "wp-block-footnotes",
        "SHARE-bar",
    ]


def test_pruning_after_multibyte_values_removes_the_marked_boxes_only() -> None:
    tree = lxml_html.document_fromstring(PAGE)
    assert prune_page(tree) == 5
    text = tree.text_content()
    for kept in ("Text of the story.", "The headline", "A paragraph stays.", "longer token: kept", "not a dialog role"):
        assert kept in text
    for gone in ("sign up", "Most read", "Doe J.", "Share\n"):
        assert gone not in text
