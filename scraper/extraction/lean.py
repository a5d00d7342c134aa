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
* **The raw tree's copy for readability** (:class:`Cascade`). trafilatura copies the raw tree
  for the comparison on every run (readability writes to its input); the copy is made where
  readability is run, and nowhere else (about one run in two).
* **The backup of the cleaned tree** (:meth:`Cascade.prepare`). trafilatura copies its cleaned
  tree before converting it, for justext to read in the comparison, which it does on few pages;
  there the same tree is built again from the raw one.
* **The page text for the recall escalation** (:meth:`Cascade.page_text`). A short text (under
  3,000 characters) that covers under a fifth of the page's text (``html2txt``: a copy and a
  cleaning of the tree) sends trafilatura to its recall run and justext. The page's text is
  never longer than :func:`page_text_bound`, so where the text is a fifth of that bound the
  escalation cannot happen and ``html2txt`` is not run.
* **readability run again on the same tree** (:class:`Reuse`). An escalating run compares its
  recall retry with readability's text of the raw tree it compared with already, and a recall
  call of ours after a default one on the same page reads the same raw tree: readability's
  result (tens of ms on a large page) is kept for the page and handed out as a copy.
* **The cookie-banner test of basic cleaning** (``basicclean.BasicClean``). ``html2txt``, the baseline
  rescue and justext's rescue clean their tree with an XPath that calls a Python regular
  expression on the ``class`` and ``id`` of every element (about 2 ms per 1,000 elements, each
  call). Where no ``class`` or ``id`` of the tree's document matches that expression (one search
  over their joined text), the same XPath without the test selects the same elements.

One stand-in changes the text, on purpose: the prune of the containers trafilatura's class/id word
list names (``prune_unwanted_nodes`` with its undo guard, called by ``extract_content``) is
:func:`spare.sparing`, which keeps trafilatura's decision and leaves story prose in place
(WCXB body F1 0.9433 -> 0.9458; news unchanged). The recall escalation still weighs the text
trafilatura would hold, without that prose (:meth:`Cascade.page_text`): counted, it kept a story
cut to a third of its words from the retry that reads it whole. :func:`knows` checks the extractor
module still has that function and its deletion with the parameters the stand-in is called with.

The words below are a superset of those in trafilatura's patterns (``tests/test_lean.py``
checks that against the XPaths of the installed trafilatura): a page that might match goes the
ordinary way.
"""

from __future__ import annotations

import hashlib
import inspect
import math
import sys
from copy import copy
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.basicclean import NAMES as _NAMES
from scraper.extraction.reuse import Reuse
from scraper.extraction.segment import rescued
from scraper.extraction.spare import sparing
from scraper.extraction.swap import swapped

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

# RAW_TREE_PRUNE_XPATH: 'mvp-post-add-(?:box|wrap)|infinite-?scroll' on @id or @class, and
# contains(@class, 'elementor-share-buttons').
SCROLL_WORDS = ("mvp-post-add-", "infinite", "elementor-share-buttons")
# REMOVE_COMMENTS_AND_LISTS_XPATH: '^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)' on @id,
# '^[Cc]omment(?!ary)|(?:article|post)-comments' on @class.
COMMENT_WORDS = ("omment", "comol", "disqus_thread", "dsq-comments")


@dataclass(slots=True, frozen=True)
class RawPrunes:
    """Which of trafilatura's raw-tree prunes may remove something from this tree."""

    scroll: bool  # infinite-scroll and share-button containers
    comments: bool  # comment sections and comment lists

    @property
    def idle(self) -> bool:
        """Neither can match: trafilatura would leave its input tree untouched."""
        return not (self.scroll or self.comments)


def raw_prunes(tree: lxml_html.HtmlElement, names_before: str | None = None) -> RawPrunes:
    """Which raw-tree prunes could match ``tree`` (one attribute scan, under 1 ms a page).

    ``names_before``: its class and id values (and maybe more) before steps that only take elements
    or class tokens away (:func:`~scraper.extraction.prune.prune_and_name`). Where they hold none of
    the words, the tree cannot either and is not scanned again (0.65 ms a call, nine pages in ten).
    """
    if names_before is not None and not any(word in names_before for word in (*SCROLL_WORDS, *COMMENT_WORDS)):
        return RawPrunes(scroll=False, comments=False)
    names = " ".join(_NAMES(tree))
    return RawPrunes(
        scroll=any(word in names for word in SCROLL_WORDS), comments=any(word in names for word in COMMENT_WORDS)
    )


# The page's text nodes, but for scripts and styles (readability drops those before it reads).
# ``/descendant::``: the nodes of ``//text()``, in order, at 0.6 of the cost (see basicclean.NAMES).
_PAGE_TEXT = etree.XPath("/descendant::text()[not(parent::script or parent::style)]", smart_strings=False)


def _elements(tree: lxml_html.HtmlElement, tag: str) -> Iterator[lxml_html.HtmlElement]:
    """The ``tag`` elements of ``tree``'s document (``//tag``, the root's siblings too), by lxml's ``iter``.

    lxml matches a tag by the document's name table: where no element has the name (``<plaintext>``,
    often ``<iframe>``) nothing is walked, where ``//iframe`` walked the page (0.25 ms) to find nothing.
    """
    root = tree.getroottree().getroot()
    for top in (*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()):
        yield from top.iter(tag)


# A <plaintext> element turns the rest of the page into text in ways readability reads otherwise.
_PLAINTEXT = "plaintext"
_PARAGRAPH_TEXT = etree.XPath(".//p//text()", smart_strings=False)  # compiled once, not on every call


def page_text_bound(tree: lxml_html.HtmlElement) -> int:
    """An upper bound on the length of any text readability takes from the page, white space trimmed.

    Every text node but those of scripts and styles, joined with a space (more separators than
    an extractor could add), then runs of white space collapsed as trafilatura's ``trim`` does;
    plus the one word readability writes itself: "VIDEO" into each video ``<iframe>`` it keeps
    (counted, with a separator, for every ``<iframe>`` with a source).
    """
    iframes = sum(1 for frame in _elements(tree, "iframe") if frame.get("src") is not None)  # //iframe[@src]
    return len(" ".join(" ".join(_PAGE_TEXT(tree)).split())) + iframes * len(" VIDEO")


def readability_cannot_win(
    body: etree._Element,
    text_length: int,
    raw_tree: lxml_html.HtmlElement,
    bound: Callable[[lxml_html.HtmlElement], int] | None = None,
) -> bool:
    """trafilatura would keep its own text ``body`` over readability's, whatever readability finds.

    Its balanced mode prefers readability only when its own text is empty, when readability's is
    over twice as long, or when its own has no paragraph text or more tables than paragraphs
    (``_prefer_readability``). None of these can hold when its own text is well formed and at least
    half of everything the page's body says (:func:`page_text_bound`, or ``bound``: the same, read once a call).
    """
    if text_length == 0 or not _PARAGRAPH_TEXT(body):
        return False
    if len(body.findall(".//table")) > len(body.findall(".//p")):
        return False
    if next(_elements(raw_tree, _PLAINTEXT), None) is not None:
        return False
    return 2 * text_length >= (bound or page_text_bound)(raw_tree)


_STORY = "<p>The harbour board agreed on Tuesday to repair the northern sea wall before the storms.</p>"
_MENU = "".join(
    f"<a href='/m{i}'>Market report {i}: fish and grain prices moved as traders expected.</a> " for i in range(40)
)
# Pages the lean call and ``bare_extraction`` must read alike for the lean call to be trusted
# (article.py's capability check): an ordinary one, and one whose short story beside a long menu
# makes the balanced run escalate, so the kept recall retry is checked against a real recall run.
PROBES = (
    f"<html><body><article><h1>Probe</h1>{_STORY * 8}</article><div id='comments'><p>A reply.</p></div></body></html>",
    f"<html><body><nav>{_MENU}</nav><article><h1>Wall</h1>{_STORY * 5}</article></body></html>",
)


@dataclass(slots=True)
class Cascade:
    """Stand-ins for steps of trafilatura's cascade, for one call: the same results, less work.

    Built from trafilatura's own functions (this module never imports it) and swapped into its
    modules for the call by the caller. ``text_length`` is the length of the text the cascade
    holds when it asks whether to escalate: that of its extraction and comparison, unknown once
    its baseline rescue has run (which may replace the text).

    A balanced run that escalates runs the cascade's extraction and comparison in recall mode on
    the tree it was given: what a recall run of the same tree (:attr:`retry`) finds first. Kept,
    it stands for that run wherever the run would not go on to its baseline rescue.
    """

    prepare_tree: Callable[..., tuple[lxml_html.HtmlElement, lxml_html.HtmlElement]]
    tree_cleaning: Callable[[Any, Any], lxml_html.HtmlElement]
    convert_tags: Callable[..., lxml_html.HtmlElement]
    extract_content: Callable[[Any, Any], tuple[etree._Element, str]]
    compare_extraction: Callable[..., tuple[etree._Element, str]]
    try_readability: Callable[[Any], lxml_html.HtmlElement]
    justext_rescue: Callable[[Any, Any], tuple[etree._Element, str]]
    baseline: Callable[[Any], Any]
    html2txt: Callable[..., str]
    page_share: float  # ESCALATION_PAGE_SHARE: the escalation needs a text under this share of the page's
    external: object  # the module whose ``try_readability`` ``compare_extraction`` calls
    extractor: object  # the module whose ``prune_unwanted_sections`` ``extract_content`` calls
    spare: Callable[..., Any]  # its ``prune_unwanted_nodes``, sparing story prose (:func:`spare.sparing`)
    spared: list[int]  # the characters ``spare`` left in place in the text the cascade holds (a one-item tally)
    text_length: int | None = None
    keep_retry: bool = False  # a balanced run: keep what its escalation's recall retry found (``retry``)
    retry: tuple[etree._Element, str] | None = None  # that retry's body (a copy) and text
    _bound: tuple[lxml_html.HtmlElement, int] | None = None  # a tree and its page_text_bound
    reuse: Reuse = field(default_factory=Reuse)  # what the page's other lean calls found

    @classmethod
    def of(cls, core: object, external: object, keep_retry: bool = False, reuse: Reuse | None = None) -> Cascade:
        """The stand-ins for one call, from trafilatura's ``core`` and ``external`` modules (see :func:`knows`)."""
        steps = vars(core)
        extractor = _extractor(core)
        spared = [0]
        return cls(
            prepare_tree=steps["_prepare_tree"],
            tree_cleaning=steps["tree_cleaning"],
            convert_tags=steps["convert_tags"],
            extract_content=steps["extract_content"],
            compare_extraction=steps["compare_extraction"],
            try_readability=vars(external)["try_readability"],
            justext_rescue=vars(external)["justext_rescue"],
            baseline=steps["baseline"],
            html2txt=steps["html2txt"],
            page_share=steps["ESCALATION_PAGE_SHARE"],
            external=external,
            extractor=extractor,
            spare=sparing(vars(extractor)["prune_unwanted_nodes"], vars(extractor)["delete_element"], spared),
            spared=spared,
            keep_retry=keep_retry,
            reuse=reuse or Reuse(),
        )

    def prepare(
        self, tree: lxml_html.HtmlElement, how: Any, url: str | None
    ) -> tuple[lxml_html.HtmlElement, lxml_html.HtmlElement | None]:
        """``_prepare_tree`` without its backup copy of the cleaned tree (None stands for it).

        Only justext, in the comparison, reads the backup (on about one run in twenty): it is
        built there from the raw tree (:meth:`_justext`), which nothing writes to in between.
        """
        if how.comments:  # trafilatura's comment capture reads the backup too
            return self.prepare_tree(tree, how, url)
        return self.convert_tags(self.tree_cleaning(copy(tree), how), how, url), None

    def extract_and_compare(
        self,
        cleaned: lxml_html.HtmlElement,
        backup: lxml_html.HtmlElement | None,
        tree: lxml_html.HtmlElement,
        how: Any,
    ) -> tuple[etree._Element, str]:
        """``_extract_and_compare`` with the raw tree handed over uncopied (see :meth:`compare`)."""
        self.spared[0] = 0
        with swapped(self.extractor, {"prune_unwanted_nodes": self.spare}):
            body, text = self.extract_content(cleaned, how)
        if not how.fast:
            own = text
            body, text = self.compare(backup, tree, body, text, how)
            if text is not own:  # readability's or justext's text: nothing in it was spared
                self.spared[0] = 0
        self.text_length = len(text)
        if self.keep_retry and how.focus == "recall":  # the cascade's body may become the caller's: a copy
            self.retry = (copy(body), text)
        return body, text

    def compare(
        self,
        cleaned: lxml_html.HtmlElement | None,
        raw: lxml_html.HtmlElement,
        body: etree._Element,
        text: str,
        how: Any,
    ) -> tuple[etree._Element, str]:
        """``compare_extraction``, readability run on a copy of ``raw`` only where it can win.

        Readability is the only step of the comparison that writes to the raw tree (the
        precision focus prunes it too: it gets its copy up front). justext gets the cleaned
        tree, built from ``raw`` if :meth:`prepare` did not keep it.
        """
        justext: dict[str, object] = {"justext_rescue": partial(self._justext, raw)}
        if how.focus == "precision":
            with swapped(self.external, justext):
                return self.compare_extraction(cleaned, copy(raw), body, text, how)
        cannot_win = how.focus == "balanced" and readability_cannot_win(body, len(text), raw, self.page_bound)
        readability = _found_nothing if cannot_win else self._readability_on_copy
        with swapped(self.external, {**justext, "try_readability": readability}):
            return self.compare_extraction(cleaned, raw, body, text, how)

    def _justext(
        self, raw: lxml_html.HtmlElement, cleaned: lxml_html.HtmlElement | None, how: Any
    ) -> tuple[etree._Element, str]:
        """justext's rescue on the cleaned tree: the one kept, or the same built from the raw tree.

        Where a page's default and recall runs both fall back on justext, they mostly hand it the same
        cleaned tree: a tree that serializes the same (with the URL and language, all justext reads)
        gets a copy of the first result (justext: ~120 ms on a large page; the serialization a few)."""
        tree = self.tree_cleaning(copy(raw), how) if cleaned is None else cleaned
        key = (hashlib.blake2b(etree.tostring(tree), digest_size=16).digest(), how.url, how.lang)
        if key not in self.reuse.justext:
            self.reuse.justext[key] = self.justext_rescue(tree, how)
        body, text = self.reuse.justext[key]
        return copy(body), text

    def _readability_on_copy(self, tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
        """readability's result for the page's raw tree (run once a page, on a copy: it writes to its input)."""
        if self.reuse.readability is None:
            self.reuse.readability = self.try_readability(copy(tree))
        return copy(self.reuse.readability)

    def rescue(self, tree: lxml_html.HtmlElement) -> Any:
        """trafilatura's baseline rescue, after which the cascade's text is no longer known here.

        Its body with an ``<article>`` it took whole split into that article's paragraphs again
        (:func:`~scraper.extraction.segment.resegmented`): same text, same length.
        """
        self.text_length = None
        self.spared[0] = 0
        return rescued(self.baseline, tree)

    def page_text(self, tree: lxml_html.HtmlElement, *args: Any, **kwargs: Any) -> str:
        """``html2txt``, or nothing where the escalation it gates cannot happen.

        The gate reads only the length of the page's text: the escalation needs the cascade's
        text under ``page_share`` of it, and the page's text is never longer than
        :func:`page_text_bound`. Where the text is not under that share of the bound, an empty
        text keeps the gate shut as the page's own would.
        """
        held, spared = self.text_length, self.spared[0]
        if held is not None and held - spared >= self.page_share * self.page_bound(tree):
            return ""
        text: str = self.html2txt(tree, *args, **kwargs)
        if held is None or not spared:
            return text
        # Story prose spared from trafilatura's prune makes the text longer than trafilatura's
        # own: the escalation is decided as if it were gone (the gate compares the text it holds
        # with ``page_share`` of this text's length, nothing else of it is read), unless with it the
        # text is twice that share of the page: then it is the story, whole, and a recall run would
        # only add what sits beside it (a letters page, comments).
        if held - spared >= self.page_share * len(text) or held >= 2 * self.page_share * len(text):
            return ""
        return text + " " * math.ceil(spared / self.page_share)

    def page_bound(self, tree: lxml_html.HtmlElement) -> int:
        """:func:`page_text_bound` of ``tree``, read once a call (the comparison and the gate read one tree)."""
        if self._bound is None or self._bound[0] is not tree:
            self._bound = (tree, page_text_bound(tree))
        return self._bound[1]


def _found_nothing(_: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """readability's own value for "nothing found", for where it cannot win."""
    return lxml_html.HtmlElement()


# The internals ``Cascade`` and the lean call use: trafilatura_sequence's first parameters, the
# raw-tree prune lists (in the order of ``RawPrunes``' fields), the steps called and the one
# replaced (with its parameters).
RAW_PRUNES = ("RAW_TREE_PRUNE_XPATH", "REMOVE_COMMENTS_AND_LISTS_XPATH")
_STEPS = ("tree_cleaning", "convert_tags", "extract_content", "compare_extraction", "baseline", "html2txt")
_REPLACED = {
    "_extract_and_compare": ["cleaned_tree", "cleaned_tree_backup", "tree", "options"],
    "_prepare_tree": ["tree", "options", "url"],
}


def _extractor(core: object) -> object:
    """The module of trafilatura's ``extract_content`` (``main_extractor``), read from ``core``'s own reference."""
    return sys.modules[vars(core)["extract_content"].__module__]


# The extractor module's prune (the one :func:`spare.sparing` wraps, with its parameters) and deletion.
_PRUNE = {"prune_unwanted_nodes": ["tree", "nodelist", "with_backup"], "delete_element": ["element", "keep_tail"]}


def knows(core: object, external: object) -> bool:
    """trafilatura's ``core`` and ``external`` modules have the internals this module relies on."""
    names, found = vars(core), vars(external)
    sequence = names.get("trafilatura_sequence")
    return (
        callable(sequence)
        and list(inspect.signature(sequence).parameters)[:3] == ["tree", "options", "url"]
        and all(isinstance(names.get(name), list) for name in RAW_PRUNES)
        and all(callable(names.get(name)) for name in _STEPS)
        and all(callable(names.get(name)) for name in _REPLACED)
        and all(list(inspect.signature(names[name]).parameters) == params for name, params in _REPLACED.items())
        and isinstance(names.get("ESCALATION_PAGE_SHARE"), float)
        and all(callable(found.get(name)) for name in ("try_readability", "justext_rescue"))
        and all(
            callable(pruning := vars(_extractor(core)).get(name)) and list(inspect.signature(pruning).parameters) == p
            for name, p in _PRUNE.items()
        )
    )
