"""``prune._marked_elements`` and ``visible._marked_elements`` find what judging every element would.

Both look for their words in all of a page's attribute values joined (``namesearch.values_holding``)
and map each hit back to its value by offset: multi-byte characters before a hit, words in upper
or camel case, repeated values, roles, rel/itemprop, <figcaption> and ``_NEVER`` tags are where
such a shortcut could go wrong.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from scraper.extraction import prune, visible
from scraper.extraction.namesearch import values_holding
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


BYLINES = """<html><body><div class="Ärzte-Übersicht — «x»"><p class="mündlich byline">By Ann</p></div>
<span class="AUTHOR">upper case: no byline</span><a rel="author" href="/b">Bob</a>
<figure class="日本"><img src="a.jpg"><figcaption>Harbour at dawn</figcaption></figure>
<div class="coauthored">not a whole token</div><span itemprop="author">Cy</span><p class="photo-credit">AP</p>
<div class="wp-caption-text"><span class="Caption">Quay</span></div><p class="author">Dee</p></body></html>"""


def _every_marked(tree: lxml_html.HtmlElement) -> tuple[list[str | None], list[str | None]]:
    """The reference: every element judged one by one, as before the joined search."""
    bylines, captions = [], []
    for element in tree.xpath("/descendant::*[@class or @rel or @itemprop or self::figcaption]"):
        marks = visible._class_marks(element.get("class") or "")
        if element.get("rel") == "author" or element.get("itemprop") == "author":
            marks |= visible._BYLINE
        if marks & visible._BYLINE:
            bylines.append(element.text)
        if marks & visible._CAPTION or element.tag == "figcaption":
            captions.append(element.text)
    return bylines, captions


def test_byline_and_caption_search_finds_what_judging_each_element_finds() -> None:
    tree = lxml_html.document_fromstring(BYLINES)
    bylines, captions = visible._marked_elements(tree)
    assert ([e.text for e in bylines], [e.text for e in captions]) == _every_marked(tree)
    assert [e.text for e in bylines] == ["By Ann", "Bob", "Cy", "Dee"]
    assert [e.text for e in captions] == ["Harbour at dawn", "AP", None, "Quay"]


def test_every_class_pattern_alternative_holds_a_searched_word() -> None:
    for pattern in (visible._BYLINE_CLASS, visible._CAPTION_CLASS):
        for alternative in re.sub(r"\(\?<?[!=][^)]*\)", "", pattern.pattern).split("|"):
            assert any(word in alternative for word in visible._MARK_WORDS), alternative


def test_pruning_keeps_no_element_of_a_page_alive_after_it() -> None:
    """The marked-name memos must not hold the page: a smart string as a key keeps its element.

    An element that names boilerplate is read through the memo; once the page is dropped, nothing
    of it may stay (it did: every page's tree, 170 MB more over a 174-page crawl).
    """
    import gc
    import weakref

    refs = []
    for index in range(20):
        tree = lxml_html.document_fromstring(
            f"<html><body><div class='disclaimer-{index}'><p>Not advice.</p></div>"
            f"<div class='story'><p>{'The board met on Tuesday. ' * 20}</p></div></body></html>"
        )
        marked = tree.find(".//div")
        refs.append(weakref.ref(marked))
        assert prune_page(tree) == 1
        del tree, marked
    gc.collect()
    assert sum(ref() is not None for ref in refs) == 0


VALUES = [
    "Ünterstützung für Ärzte — «Newsletter»",
    "née",
    "İstanbul SHARE",  # "İ".lower() is two characters: a str fold would shift every later offset
    "日本語",
    "share-bar",
    "Caption",
    "née",
    "",
    "related",
    "shareholders related",
    "coauthored",
    "İstanbul SHARE",
]


def test_values_holding_is_judging_each_value_folded_or_not() -> None:
    words = ["newsletter", "share", "related", "caption", "author"]
    for fold in (False, True):
        expected = [i for i, v in enumerate(VALUES) if any(w in (v.lower() if fold else v) for w in words)]
        assert values_holding(VALUES, words, fold=fold) == expected
    assert values_holding(VALUES, ["share"]) == [4, 9]
    assert values_holding(VALUES, ["share"], fold=True) == [2, 4, 9, 11]
    assert values_holding(VALUES, ["Caption", "İstanbul"]) == [2, 5, 11]
    assert values_holding(VALUES, ["absent"]) == values_holding([], ["share"]) == []


def test_values_holding_finds_every_repeat_of_a_value_and_a_word_once_per_value() -> None:
    """A page of one class repeated (the hostile case) is every index, found by one search of one value."""
    repeated = ["share share share"] * 50_000 + ["story"]
    assert values_holding(repeated, ["share", "hare"], fold=True) == list(range(50_000))
    assert values_holding(["story"] * 3, ["story"]) == [0, 1, 2]
