"""Work trafilatura would do only to discard its result, told in advance from the tree.

trafilatura's cascade runs steps whose result is then thrown away on most pages. Two are known
beforehand, cheaply, from the tree itself; ``_run_trafilatura`` skips them there and nowhere
else, so the text is the same (both corpora: byte-identical output), for less work:

* **The raw-tree prunes** (:func:`raw_prunes`). Before its cascade, trafilatura prunes the raw
  tree with two XPaths (infinite-scroll and share boxes; comment sections and comment lists)
  that call a Python regular expression on the ``id`` and ``class`` of every container: about
  3.5 ms a page, on each run. Both match only elements whose ``id`` or ``class`` holds one of a
  few words, so looking for the words in the page's ``id`` and ``class`` values (one scan, no
  Python call per element) tells the pages where they cannot match, about nine in ten. There
  the prunes are skipped and, as nothing else trafilatura does writes to its input, the tree is
  handed over without the copy ``bare_extraction`` makes (5 ms a run saved with the prunes).
* **The readability comparison** (:func:`readability_cannot_win`). After its own extraction,
  trafilatura runs readability (about 7 ms a page) and takes its text only when it is over twice
  as long as its own, or when its own has no paragraph text or more tables than paragraphs.
  readability's text is a part of the page's, so when trafilatura's own text is already half
  the page's and well formed, readability cannot win: it is not run.

The words below are a superset of those in trafilatura's patterns (``tests/test_lean.py``
checks that against the XPaths of the installed trafilatura): a page that might match goes the
ordinary way.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree
from lxml import html as lxml_html

if TYPE_CHECKING:
    from collections.abc import Iterator

# RAW_TREE_PRUNE_XPATH: 'mvp-post-add-(?:box|wrap)|infinite-?scroll' on @id or @class, and
# contains(@class, 'elementor-share-buttons').
SCROLL_WORDS = ("mvp-post-add-", "infinite", "elementor-share-buttons")
# REMOVE_COMMENTS_AND_LISTS_XPATH: '^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)' on @id,
# '^[Cc]omment(?!ary)|(?:article|post)-comments' on @class.
COMMENT_WORDS = ("omment", "comol", "disqus_thread", "dsq-comments")


# Every id and class value of the page, in one XPath; the words are then looked for in their
# joined text (a superset: a word across two values only sends the page the ordinary way).
_NAMES = etree.XPath("//@id | //@class", smart_strings=False)


@dataclass(slots=True, frozen=True)
class RawPrunes:
    """Which of trafilatura's raw-tree prunes may remove something from this tree."""

    scroll: bool  # infinite-scroll and share-button containers
    comments: bool  # comment sections and comment lists

    @property
    def idle(self) -> bool:
        """Neither can match: trafilatura would leave its input tree untouched."""
        return not (self.scroll or self.comments)


def raw_prunes(tree: lxml_html.HtmlElement) -> RawPrunes:
    """Which raw-tree prunes could match ``tree`` (one attribute scan, under 1 ms a page)."""
    names = " ".join(_NAMES(tree))
    return RawPrunes(
        scroll=any(word in names for word in SCROLL_WORDS), comments=any(word in names for word in COMMENT_WORDS)
    )


# The page's text nodes, but for scripts and styles (readability drops those before it reads).
_PAGE_TEXT = etree.XPath("//text()[not(parent::script or parent::style)]", smart_strings=False)


_IFRAMES = etree.XPath("//iframe[@src]", smart_strings=False)
# A <plaintext> element turns the rest of the page into text in ways readability reads otherwise.
_PLAINTEXT = etree.XPath("//plaintext", smart_strings=False)


def page_text_bound(tree: lxml_html.HtmlElement) -> int:
    """An upper bound on the length of any text readability takes from the page, white space trimmed.

    Every text node but those of scripts and styles, joined with a space (more separators than
    an extractor could add), then runs of white space collapsed as trafilatura's ``trim`` does;
    plus the one word readability writes itself: "VIDEO" into each video ``<iframe>`` it keeps
    (counted, with a separator, for every ``<iframe>`` with a source).
    """
    return len(" ".join(" ".join(_PAGE_TEXT(tree)).split())) + len(_IFRAMES(tree)) * len(" VIDEO")


def readability_cannot_win(body: etree._Element, text_length: int, raw_tree: lxml_html.HtmlElement) -> bool:
    """trafilatura would keep its own text ``body`` over readability's, whatever readability finds.

    Its balanced mode prefers readability only when its own text is empty, when readability's is
    over twice as long, or when its own has no paragraph text or more tables than paragraphs
    (``_prefer_readability``). None of these can hold when its own text is well formed and at least
    half of everything the page's body says (:func:`page_text_bound`).
    """
    if text_length == 0 or not body.xpath(".//p//text()"):
        return False
    if len(body.findall(".//table")) > len(body.findall(".//p")) or _PLAINTEXT(raw_tree):
        return False
    return 2 * text_length >= page_text_bound(raw_tree)


class AllStoplists:
    """Every justext stop-list's words, for trafilatura to hand justext on a page of no known language.

    trafilatura would build a tuple of the union (154,000 words, 14 MB per worker) and keep it;
    justext keys an ``lru_cache`` on that argument, so it hashes the whole tuple on every page
    it classifies (about 5 ms), and keeps its own lower-cased frozenset of the words (19 MB).
    This stands in for the tuple: the same words when justext reads them (once, on the first
    page that needs them), hashed by identity, holding nothing itself. Same words, same sets:
    the extracted text is unchanged.
    """

    __slots__ = ()

    def __iter__(self) -> Iterator[str]:
        from justext.utils import get_stoplist, get_stoplists

        for language in sorted(get_stoplists()):
            yield from get_stoplist(language)


@contextmanager
def swapped(module: object, values: dict[str, object]) -> Iterator[None]:
    """``module``'s attributes set to ``values`` for the ``with`` block, then put back."""
    saved = {name: getattr(module, name) for name in values}
    try:
        for name, value in values.items():
            setattr(module, name, value)
        yield
    finally:
        for name, value in saved.items():
            setattr(module, name, value)
