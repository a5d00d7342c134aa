"""Remove containers the page itself marks as boilerplate, before trafilatura sees them.

Markup words shared across CMSs (``related``, ``newsletter``, ``share``, ``comments``) are the
cheapest evidence there is: the template says what the box is. The words are per-language data
in ``phrases.toml`` (``boilerplate_markup``).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.collector import collector_paused
from scraper.extraction.hidden import closed_dialog
from scraper.extraction.namesearch import SEPARATOR, values_holding
from scraper.extraction.streamed import place_streamed
from scraper.text import count_words, opening_phrase, phrases

if TYPE_CHECKING:
    from collections.abc import Iterator

_TOKEN_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")


# The attributes ``_marked_as`` reads, each with its element (``getparent()``), in document order.
# Their values are judged one by one (memoised): the words of an element's three name attributes
# are the union of each one's words, so an element can be marked only if one of its values names
# boilerplate or references, or its role is one of ``_ROLES``. Only those few elements are then
# read: judging each of the ~700 elements with a name (4 ms a page) cost more than the rest.
# Smart strings (each knows its attribute and element), so never a key of the memos below: there
# one would keep its whole page alive (8,192 entries, 170 MB more per crawl on the corpus bench).
_NAMES = etree.XPath(
    "/descendant::*/@class | /descendant::*/@id | /descendant::*/@aria-label | /descendant::*/@role"
)  # ``//@class``...: see basicclean.NAMES
_ROLES = ("complementary", "dialog", "alertdialog")
_NEVER = frozenset({"html", "body", "main", "article", "h1", "p"})  # marked or not, these stay


# Code is text whatever its highlighter calls a token (``<span class="hljs-comment">``). Asked
# only of the few marked elements: as an XPath predicate on every element it cost 1 ms a page.
_CODE = frozenset({"pre", "code"})


def _in_code(element: lxml_html.HtmlElement) -> bool:
    return element.tag in _CODE or any(a.tag in _CODE for a in element.iterancestors())


_BOILERPLATE, _NOTES, _AD = "boilerplate", "notes", "ad"
# An ad slot's label left where the ad was ("Reklama", "Iklan", "Διαφήμιση", "REKLAAM"): a box whose markup
# names an ad and whose text is no more than this many words, in whatever language the label is. A bigger
# box is left: "with-rail-video-ad" and the like wrap whole stories.
AD_LABEL_WORDS = 3


def _marked_as(element: lxml_html.HtmlElement, inside_notes: bool) -> str | None:
    """Class, id, aria-label or role words say "related", "newsletter", "share", "comments"...

    ``_BOILERPLATE`` for those and for a reference list of citations; ``_NOTES`` for a reference
    list of explanatory notes, whose nested lists share its verdict (``inside_notes``): each would
    otherwise read the whole subtree again, and a page of nested lists took seconds.
    """
    if (element.get("role") or "").lower() in _ROLES:
        return _BOILERPLATE
    anchor = element.get("id") or ""
    if element.tag in _SUBHEADINGS and _spells_its_text(anchor, element):
        anchor = ""
    words = f"{element.get('class') or ''} {anchor} {element.get('aria-label') or ''}"
    if _names_boilerplate(words):
        return _BOILERPLATE
    if _names_ad(words):
        return _AD
    if inside_notes or not _names_references(words):
        return None
    return _BOILERPLATE if _is_citations(element) else _NOTES


# Sub-headings whose ``id`` is often their own text as an anchor (``<h2 id="h-what-is-social-shopping">``,
# written by tables of contents and block editors): those words name the story's section, not a box.
_SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_HEADINGS = _SUBHEADINGS | {"h1"}


def _spells_its_text(value: str, element: lxml_html.HtmlElement) -> bool:
    """``value`` is made of the element's own words (numbers and one-letter prefixes aside): an anchor."""
    words = {t for t in _ALNUM.findall(value.lower()) if len(t) > 1 and not t.isdigit()}
    return bool(words) and words <= set(_ALNUM.findall(element.text_content().lower()))


_ALNUM = re.compile(r"[a-z0-9]+")  # a slug's words: lower case, whatever the text's camel case ("eCommerce")


def _marked_elements(tree: lxml_html.HtmlElement, values: list[Any] | None = None) -> Iterator[lxml_html.HtmlElement]:
    """The elements ``_marked_as`` may mark, in document order (a superset: it has the last word).

    ``values`` are the tree's :data:`_NAMES` (read here if not given). Only those holding one of the words
    (:func:`~scraper.extraction.namesearch.values_holding`, ASCII case folded, as tokens are
    ASCII), about one in ten, are looked at one by one. Pruned trees identical to judging every
    element, on both corpora.
    """
    if values is None:
        values = _NAMES(tree)
    last = None
    # Between empty values, so that a value's first and last characters follow and precede the separator
    # (see _words: "\0ad-" is a value that opens with the token "ad"); and "Ad" as written, a camel-cased
    # token's ("inlineAdHeader"), which folding loses.
    padded_values = ["", *values, ""]
    hits = set(values_holding(padded_values, _words(), fold=True))
    hits.update(values_holding(padded_values, ("Ad",)))
    for padded in sorted(hits):
        if not 0 < padded <= len(values):
            continue
        index = padded - 1
        value = values[index]
        if value.attrname == "role":
            if value.lower() not in _ROLES:
                continue
        elif not (_names_boilerplate(text := str(value)) or _names_references(text) or _names_ad(text)):  # see _NAMES
            continue
        element = value.getparent()
        if element is not last and element.tag not in _NEVER:
            last = element
            yield element


@cache
def _words() -> frozenset[str]:
    """Every word a value may name (lower case): one is in each value that names one (a token or role)."""
    words = (*phrases()["boilerplate_markup"], *phrases()["reference_markup"], *_ROLES)
    ads = [word.lower() for word in phrases()["ad_markup"]]
    marks = (" ", "-", "_", SEPARATOR)  # a value's own separator: where it opens or ends
    inside = [f"{a}{word}{b}" for word in ads if len(word) <= _SHORT_AD for a in marks for b in marks]
    return frozenset([*(word.lower() for word in words), *inside, *(word for word in ads if len(word) > _SHORT_AD)])


# "ad" is in "header", "read", "thread-title": a short ad token is looked for with a mark or a value's end on
# either side, a longer one ("adslot") anywhere.
_SHORT_AD = 3


@lru_cache(maxsize=8192)
def _names_boilerplate(words: str) -> bool:
    """Whether attribute words name boilerplate; memoised, as templates repeat the same classes."""
    return not _tokens(words).isdisjoint(phrases()["boilerplate_markup"])


@lru_cache(maxsize=8192)
def _names_references(words: str) -> bool:
    """Whether attribute words name a reference list (``footnotes``, ``wp-block-footnotes``)."""
    return not _tokens(words).isdisjoint(phrases()["reference_markup"])


def _visible_words(element: lxml_html.HtmlElement) -> int:
    """The words a reader sees in the element: an ad slot's script, which ``text_content`` holds, is none."""
    return count_words(" ".join(_VISIBLE_TEXT(element)))


_VISIBLE_TEXT = etree.XPath(
    "descendant-or-self::text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"
)


@lru_cache(maxsize=8192)
def _names_ad(words: str) -> bool:
    """Whether attribute words name an ad slot (``ad``, ``adslot``: a token of its own, not "header" or "read")."""
    return not _tokens(words).isdisjoint(phrases()["ad_markup"])


def _tokens(words: str) -> set[str]:
    return {t.lower() for t in _TOKEN_SPLIT.split(words) if t}


def _is_citations(element: lxml_html.HtmlElement) -> bool:
    """A reference list of citations: mostly links, short items, or items that each give a year.

    ``Harbour Board minutes, 2024.`` or ``Doe J. A study of stress. J Health 2017;3:1-9.`` cites;
    notes of a sentence or two (averaging over ``CITATION_MAX_WORDS`` words, without years)
    explain, as the story does, and stay with it. Over WCXB, three pages keep such notes (two of
    them in the truth's body, one not) and a list of 92 journal references still goes.
    """
    text = " ".join(element.text_content().split())
    if not text:
        return True
    linked = sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))
    items = [" ".join(li.text_content().split()) for li in element.iter("li")] or [text]
    words = sum(len(item.split()) for item in items) / len(items)
    dated = sum(1 for item in items if _YEAR.search(item))
    return linked >= CITATION_LINK_SHARE * len(text) or words <= CITATION_MAX_WORDS or 2 * dated > len(items)


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
CITATION_LINK_SHARE = 0.5  # a reference list this much link points elsewhere
CITATION_MAX_WORDS = 20  # a citation is a line (author, title, year); a note runs longer


def prune_page(tree: lxml_html.HtmlElement) -> int:
    """Remove containers the page itself marks as boilerplate, before trafilatura sees them.

    Markup words shared across CMSs (``related``, ``newsletter``, ``share``, ``comments``,
    ``breadcrumb``, ``cta``, ARIA ``complementary``/``dialog``) mark teaser lists, sign-up
    boxes, share bars and modals. A container holding a large share of the page's paragraph
    text is kept whatever its name: some templates put such words on the article wrapper.
    Returns the number of containers removed (the outermost ones: what they held went with them).
    """
    return prune_and_name(tree)[0]


def prune_and_name(tree: lxml_html.HtmlElement) -> tuple[int, str]:
    """:func:`prune_page`, and every class, id, aria-label and role value the page had before it, joined by spaces.

    The values are read for pruning anyway: :func:`~scraper.extraction.lean.raw_prunes` looks
    for its words in them rather than read the pruned page's again (pruning and the reveal of
    collapsed sections only take elements and class tokens away, so a word missing before is
    missing after).
    """
    with collector_paused():  # the walk holds every class, id... of the page as smart strings
        values = _NAMES(tree)
        removed, names = _prune(tree, values), " ".join(values)
        del values  # freed before the collector is back: they must not count towards its next run
    return removed, names


def _prune(tree: lxml_html.HtmlElement, values: list[Any]) -> int:
    paragraphs = sum(len(p.text_content()) for p in tree.iter("p"))
    shown = _Shown(tree)
    removed = 0
    dropped = None  # the last container removed: the marked elements inside it, next in document order, went with it
    notes = None  # the last list of explanatory notes kept: the lists inside it are notes too
    for element in _marked_elements(tree, values):
        if element.getparent() is None:
            continue
        if dropped is not None:
            if any(a is dropped for a in element.iterancestors()):
                continue
            dropped = None  # past it: no later element is inside it
        if notes is not None and not any(a is notes for a in element.iterancestors()):
            notes = None
        verdict = _marked_as(element, inside_notes=notes is not None)
        if verdict == _NOTES:
            notes = element
        if (
            verdict == _AD
            and element.tag not in _HEADINGS  # "subhead ad": a sub-heading a template styles so (review)
            and _visible_words(element) <= AD_LABEL_WORDS
            and not _in_code(element)
        ):
            element.drop_tree()
            dropped = element
            removed += 1
            continue
        if verdict != _BOILERPLATE or _in_code(element):
            continue
        own = sum(len(p.text_content()) for p in element.iter("p"))
        guarded = own > 0.25 * paragraphs or any(True for _ in element.iter("h1"))
        if guarded and not _a_closed_box(element, own, shown):
            continue
        element.drop_tree()
        dropped = element
        removed += 1
    return removed


class _Shown:
    """The page's paragraphs outside every dialog it has not opened: their length, and how often each text is
    printed there. Read once a page, and only on a page with a closed dialog the share guard would keep."""

    def __init__(self, tree: lxml_html.HtmlElement) -> None:
        self._tree = tree
        self._texts: Counter[str] | None = None
        self.chars = 0

    def texts(self) -> Counter[str]:
        if self._texts is None:
            dialogs = [node for node in self._tree.iter() if closed_dialog(node)]
            inner = set(dialogs)  # a dialog inside another is read with it: nested ones are not read again each
            closed = {p for d in dialogs if not any(a in inner for a in d.iterancestors()) for p in d.iter("p")}
            self._texts = Counter()
            for paragraph in self._tree.iter("p"):
                if paragraph not in closed:
                    text = " ".join(paragraph.text_content().split())
                    self.chars += len(text)
                    self._texts[text] += 1
        return self._texts


def _a_closed_box(element: lxml_html.HtmlElement, own: int, shown: _Shown) -> bool:
    """A dialog the page has not opened (:func:`~scraper.extraction.hidden.closed_dialog`) beside the text the page
    shows: as much of it outside every such dialog, or the dialog's longest paragraph printed there too. A
    "republish this story" modal (its terms, a copy of the story) goes; a story the page shows only in a modal
    behind a "Read the full report" button (once or twice: a desktop and a phone copy) is its main text (review 46)
    and keeps the guard.
    """
    if not closed_dialog(element):
        return False
    texts = shown.texts()
    if shown.chars >= own:
        return True
    longest = max((" ".join(p.text_content().split()) for p in element.iter("p")), key=len, default="")
    return not longest or texts[longest] > 0


def empty_style_sheets(tree: lxml_html.HtmlElement) -> None:
    """Empty the page's ``<style>`` elements once its layout is read: no reader sees their text.

    trafilatura, readability and justext remove them first thing; htmldate does not, and its text
    search (regexes over the serialized page, twice on a page without markup dates) read a megabyte
    of inlined CSS on some pages, and took an image path's ``/2022/05/`` for the page's date. The
    elements stay, empty: the text on either side of one stays apart ("4 March<style/>2025" was
    two pieces to the header's reading, and is), and trafilatura's recall cleaning, which can undo
    itself to a copy that still holds them, finds their tails where they were.
    """
    for sheet in tree.iter("style"):
        sheet.text = None


def drop_comments(tree: lxml_html.HtmlElement) -> None:
    """Remove comments and processing instructions, keeping the text that follows each one.

    React prints ``<!-- -->`` between the pieces of a sentence (``<p> <!-- -->Consider the…``):
    the text then sits in the comment's tail, where trafilatura, which reads an element's own
    text, does not look (its own loader parses with comments removed; a tree handed to it keeps
    them), and whole paragraphs went missing. Called once the page kind is decided: the model's
    features were measured on the tree as parsed. A page streamed in parts has each part put in place first
    (:func:`~scraper.extraction.streamed.place_streamed`): the comments mark where a part's fallback ends.
    """
    place_streamed(tree)
    parents = {
        parent
        for node in tree.iter(etree.Comment, etree.ProcessingInstruction)
        if (parent := node.getparent()) is not None
    }
    etree.strip_elements(tree, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for parent in parents:  # one text node where there were several: XPath's text() reads them one by one
        parent.text = parent.text
        for child in parent:
            child.tail = child.tail


def unlink_empty_links(tree: lxml_html.HtmlElement) -> None:
    """Take the address off links that show nothing (``<a href="/x"></a>``, an icon drawn by CSS).

    trafilatura moves the text after an element that has none into it, so the sentence after
    such a link read as link text, and a story paragraph as a link list. Without an address it
    is an anchor, which :mod:`scraper.extraction.blocks` does not count as a link; the element
    stays, so that trafilatura weighs the page's links as before.
    """
    for link in tree.iter("a"):
        if len(link) == 0 and (link.text is None or link.text.isspace()) and "href" in link.attrib:
            del link.attrib["href"]


def unwrap_linked_prose(tree: lxml_html.HtmlElement) -> None:
    """A paragraph of the story that is one link around a whole sentence keeps its text, not its link.

    Stories link a sentence to its source (an audit's PDF, an earlier story): trafilatura drops a
    paragraph that is all link as a link list, and the sentence went missing. Only one between the
    story's own paragraphs: unlinked prose before it, and after it unless it ends the text. Teasers
    of other stories, also paragraphs that are one link, sit among other teasers or headlines.
    """
    for paragraph in list(tree.iter("p")):  # listed first: the loop takes links out of the tree
        if len(paragraph) != 1 or (paragraph.text and not paragraph.text.isspace()):
            continue
        link = paragraph[0]
        if link.tag != "a" or (link.tail and not link.tail.isspace()):
            continue
        text = " ".join(link.text_content().split())
        if count_words(text) < LINKED_SENTENCE_WORDS or not text.endswith(_SENTENCE_ENDS):
            continue
        if opening_phrase(text, "crosslink") or opening_phrase(text, "prompt"):
            continue  # "READ MORE: Council votes to raise taxes …": a cross-link, which cleaning removes
        before, after = paragraph.getprevious(), paragraph.getnext()
        if _is_prose(before) and (after is None or _is_prose(after)):
            link.drop_tag()


def _is_prose(element: lxml_html.HtmlElement | None) -> bool:
    """A paragraph of running text, under a fifth of it linked."""
    if element is None or element.tag != "p":
        return False
    text = element.text_content()
    linked = sum(len(a.text_content()) for a in element.iter("a"))
    return count_words(text) >= LINKED_SENTENCE_WORDS and linked * 5 < len(text)


LINKED_SENTENCE_WORDS = 15
_SENTENCE_ENDS = (".", "!", "?", '."', ".”", "!”", "?”")
