"""Story prose that trafilatura's class/id discard list would remove with the chrome it targets.

trafilatura removes, from its candidate main-text container, every element whose ``class`` or
``id`` holds one of a long list of words ("widget", "bar", "menu", "meta", "-icon", ...): the
page builder's names, not the content's. Story paragraphs often sit in such containers
("elementor-widget-text-editor", "entry-content sidebar-none"). Its guard undoes the whole
prune when under a seventh of the candidate's text would remain, judged as if every match went.

:func:`sparing` stands in for that prune (``prune_unwanted_nodes`` called ``with_backup``): the
undo decision is trafilatura's own, computed as if every match were removed, and only when it
decides to prune are the matches that read as the story's prose left in place. So it never
removes more than trafilatura does; un-marking single containers beforehand would have changed
the guard's decision and had every other match removed (measured: worse on both corpora).

A match is story prose (:func:`is_story_prose`) only when all of these hold:

* its markup is not chrome: not navigation, header, footer, form or complementary matter by
  tag or ARIA role, on itself or any ancestor, and it holds no such element;
* it is running prose: enough words, in sentences of a reader's length, few of them in links;
* it is in the main text run: story paragraphs that stay come both before and after it, or
  the sibling after it is one (it leads into the story), or it says more than all of them
  together (it is the story, in a container named like chrome);
* it is not repeated elsewhere on the page (a teaser, a pull quote, a boxed summary).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lxml import etree

from scraper.extraction.hidden import marked_hidden

if TYPE_CHECKING:
    from collections.abc import Callable

# Chrome by markup role: tags (as left by trafilatura's tag conversion, which keeps these names)
# and ARIA roles whose content is not the story.
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "menu", "button", "select", "dialog"})
_CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "toolbar"}
)
_LINK_TAGS = ("ref", "a")

MIN_WORDS = 40  # a story paragraph or two, not a caption or a call to action
MIN_SENTENCE_WORDS = 8  # mean words per sentence: prose, not a list of labels
MAX_SENTENCE_WORDS = 60  # a block longer per sentence end is text run together, not sentences
MAX_LINK_SHARE = 0.2  # share of the text inside links
MIN_NEIGHBOUR_CHARS = 80  # a neighbour that is itself story text
PROSE_SHARE = 0.7  # share of the words in prose blocks
MAX_MATCHES = 300  # more matches in one candidate: trafilatura's own prune (each match reads the page text)
# Inline tags, in trafilatura's converted tree (ref, hi) and in plain HTML: their text runs on in its block.
_INLINE = frozenset({"ref", "hi", "span", "a", "b", "i", "em", "strong", "u", "sub", "sup", "small", "abbr", "mark"})
_CODE = re.compile(r"[{}=]|\b(?:import|def|function|var|const|return)\b.*[({]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]?(?:\s|$)")


def sparing(
    original: Callable[..., Any], delete: Callable[[Any], None], tally: list[int] | None = None
) -> Callable[..., Any]:
    """``prune_unwanted_nodes`` that leaves story prose in place when it prunes with its guard.

    ``original`` is trafilatura's function (called as is without the guard), ``delete`` its
    ``delete_element`` (which keeps the tail text of what it removes). ``tally[0]``, if given, is
    increased by the characters left in place that trafilatura would have removed: its later
    decisions on the text's length are to be taken as if they were gone (see ``lean.Cascade``).
    """

    def prune_unwanted_nodes(tree: Any, nodelist: list[Any], with_backup: bool = False) -> Any:
        if not with_backup:
            return original(tree, nodelist)
        matches = dict.fromkeys(elem for expression in nodelist for elem in expression(tree))
        if len(matches) > MAX_MATCHES:  # each is weighed against the page's text: bounded work
            return original(tree, nodelist, with_backup)
        outer = [elem for elem in matches if _matched_above(elem, matches) is None]
        old_len = len(tree.text_content())
        matched = sum(_length(elem) for elem in outer)
        if old_len - matched > old_len / 7:  # trafilatura's guard
            doomed = _unspared(outer, Candidate(tree, matches))
            if tally is not None:
                tally[0] += matched - sum(_length(elem) for elem in doomed)
            for elem in doomed:
                delete(elem)
        return tree

    return prune_unwanted_nodes


def _length(elem: Any) -> int:
    """The length of an element's text, as trafilatura's guard measures it (``text_content``)."""
    return len(elem.text_content())


def _matched_above(elem: etree._Element, matches: dict[Any, None]) -> etree._Element | None:
    """The nearest of ``elem``'s ancestors that the discard list matched, if any."""
    return next((above for above in elem.iterancestors() if above in matches), None)


def _unspared(elems: list[etree._Element], candidate: Candidate) -> list[etree._Element]:
    """The matches among ``elems`` to delete: all but story prose; inside a spared one, its own
    matches (an author box, a share bar) are weighed alike, as trafilatura would have taken them
    with it. Decided before anything is deleted."""
    doomed: list[etree._Element] = []
    for elem in elems:
        if not is_story_prose(elem, candidate):
            doomed.append(elem)
            continue
        inner = [node for node in elem.iterdescendants() if node in candidate.matches]
        doomed += _unspared([node for node in inner if _matched_above(node, candidate.matches) is elem], candidate)
    return doomed


@dataclass(slots=True)
class Candidate:
    """trafilatura's main-text candidate being pruned, its discard-list ``matches``, and what is read of it once."""

    tree: etree._Element
    matches: dict[Any, None]
    _page: str | None = None
    _order: dict[etree._Element, int] = field(default_factory=dict)
    _prose: list[int] = field(default_factory=list)  # positions of the unmatched prose paragraphs
    _prose_chars: int = 0  # their length

    def page(self) -> str:
        """The whole document's text, white space collapsed."""
        if self._page is None:
            self._page = " ".join(_text(self.tree.getroottree().getroot()).split())
        return self._page

    def matched(self, elem: etree._Element) -> bool:
        """``elem`` is a match or inside one."""
        return elem in self.matches or any(a in self.matches for a in elem.iterancestors())

    def inside_run(self, elem: etree._Element) -> bool:
        """Unmatched story paragraphs come both before and after ``elem`` in the candidate."""
        if not self._order:
            self._order = {node: i for i, node in enumerate(self.tree.iter())}
            paragraphs = [p for p in self.tree.iter("p") if _paragraph(p) and not self.matched(p)]
            self._prose = [self._order[p] for p in paragraphs]
            self._prose_chars = sum(len(_text(p)) for p in paragraphs)
        start = self._order.get(elem)
        if start is None:
            return False
        end = start + sum(1 for _ in elem.iter()) - 1
        return any(i < start for i in self._prose) and any(i > end for i in self._prose)

    def main_run(self, elem: etree._Element, length: int) -> bool:
        """``elem``, of ``length`` characters, says more than all the unmatched story paragraphs together."""
        self.inside_run(elem)  # reads the paragraphs
        return length > self._prose_chars


def is_story_prose(elem: etree._Element, candidate: Candidate) -> bool:
    """``elem`` (matched by the discard list, in ``candidate``) reads as the story's own prose."""
    text = " ".join(_text(elem).split())
    if len(text.split()) < MIN_WORDS or _chrome(elem) or not _prose_blocks(elem):
        return False
    if _linked(elem) > MAX_LINK_SHARE * len(text):
        return False
    if not (_continues_story(elem, candidate) or candidate.inside_run(elem) or candidate.main_run(elem, len(text))):
        return False
    return candidate.page().count(text[:120]) <= 1  # not repeated elsewhere on the page


def _paragraph(elem: etree._Element) -> bool:
    """``elem`` holds a story paragraph: long enough, a sentence end, few links."""
    text = " ".join(_text(elem).split())
    return (
        len(text) >= MIN_NEIGHBOUR_CHARS
        and _SENTENCE_END.search(text) is not None
        and _linked(elem) <= MAX_LINK_SHARE * len(text)
    )


def _linked(elem: etree._Element) -> int:
    """Characters of ``elem``'s text inside links."""
    return sum(len(" ".join(_text(link).split())) for tag in _LINK_TAGS for link in elem.iter(tag))


def _prose_blocks(elem: etree._Element) -> bool:
    """Most of ``elem``'s words are in blocks of running sentences (not labels, specs, code or dates run together).

    A block is the text between block boundaries (any element but inline ones); it is prose when
    it has a sentence end and sentences of a reader's length, and no code punctuation.
    """
    words = prose = 0
    for block in _blocks(elem):
        count = len(block.split())
        words += count
        ends = len(_SENTENCE_END.findall(block))
        if ends and MIN_SENTENCE_WORDS <= count / ends <= MAX_SENTENCE_WORDS and not _CODE.search(block):
            prose += count
    return prose >= MIN_WORDS and prose >= PROSE_SHARE * words


def _blocks(elem: etree._Element) -> list[str]:
    """The texts of ``elem`` split at block elements (inline ones, like links and emphasis, run on)."""
    blocks: list[str] = []
    current: list[str] = []
    for event, node in etree.iterwalk(elem, events=("start", "end")):
        inline = isinstance(node.tag, str) and node.tag in _INLINE
        if event == "start":
            if not inline:
                blocks.append("".join(current))
                current = []
            current.append(node.text or "")
        else:
            if not inline:
                blocks.append("".join(current))
                current = []
            if node is not elem:
                current.append(node.tail or "")
    blocks.append("".join(current))
    return [" ".join(block.split()) for block in blocks if block.strip()]


def _text(elem: etree._Element) -> str:
    """All text of ``elem`` (its tail aside)."""
    return "".join(elem.itertext())


def _chrome(elem: etree._Element) -> bool:
    """Navigation, header, footer, form or aside by tag or role, on ``elem``, its ancestors or inside
    it; or hidden from the reader, on ``elem`` or its ancestors.

    The story's collapsed sections were shown before extraction (``recall.reveal_collapsed``); what
    is still hidden (a footnote list, a mobile copy) stays out.
    """
    for node in (elem, *elem.iterancestors()):
        if marked_hidden(node):
            return True
    for node in (elem, *elem.iterancestors(), *elem.iterdescendants()):
        if not isinstance(node.tag, str):
            continue
        if node.tag in _CHROME_TAGS or (node.get("role") or "").strip().lower() in _CHROME_ROLES:
            return True
    return False


def _continues_story(elem: etree._Element, candidate: Candidate) -> bool:
    """The nearest sibling with text after ``elem`` is an unmatched story paragraph: ``elem`` leads into the story.

    Only the following sibling counts: what comes after the story's last paragraph (an author's
    bio, a call to action, notes) has the story before it; on WCXB articles that path spared no
    text of the truth's (457 tokens of author bios).
    """
    for sibling in elem.itersiblings():
        if not isinstance(sibling.tag, str) or not _text(sibling).strip():
            continue
        return not candidate.matched(sibling) and _paragraph(sibling)
    return False
