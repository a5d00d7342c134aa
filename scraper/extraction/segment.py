"""The paragraphs of an ``<article>`` that trafilatura's baseline rescue ran into one.

When trafilatura's extraction finds too little text (a template it cannot read: Dotdash Meredith's
``mntl-sc-block`` pages; a photo gallery whose captions it skips), its baseline rescue takes the
page's ``<article>`` element's whole text as *one* paragraph: the headline, the byline, the date, a
table of contents, every caption and the story run together, where no cleaning rule can tell them
apart, and a reader gets a 4,000-word paragraph. :func:`resegmented` puts the article's own block
structure back (paragraphs, sub-headings, lists, tables, quotes, code; links as ``<ref>``), in the
elements trafilatura's extraction writes, so that the cleaning rules see what they see on any page.
The words are the rescue's words: only where the text breaks changes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import suppress
from copy import copy
from typing import Any

from lxml import etree

from scraper.extraction.boilerplate import is_credit_line

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol"})
# Elements of the article's flow that start and end a paragraph: each one's own text is one.
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "figure", "figcaption", "dl", "dt",
        "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "li", "center", "details",
        "summary", "address", "hgroup", "form", "fieldset", "nav", "aside", "hr", "blockquote", "pre",
        "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    }
)  # fmt: skip
_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "svg", "button", "select", "input", "textarea", "iframe"}
)
_TABLE_PARTS = frozenset({"thead", "tbody", "tfoot", "tr", "td", "th", "caption"})
# The most paragraphs a rescue may have for each to be checked against the page's articles: the
# article branch gives one per ``<article>`` of the page; more are its paragraph branch's.
_MAX_RESCUED = 8

# A paragraph being written: its text runs and its links (target, text), in order.
_Run = list[str | tuple[str, str]]


def rescued(baseline: Callable[[Any], Any], tree: etree._Element) -> Any:
    """trafilatura's ``baseline(tree)``: its body, text and length, the body :func:`resegmented`.

    The rescue's tree cleaning and block text are read from its own module; under a trafilatura
    whose module has neither, its body is left as it is.
    """
    body, text, length = baseline(tree)
    rescuer = vars(sys.modules.get(getattr(baseline, "__module__", ""), object()))
    clean, block_text = rescuer.get("basic_cleaning"), rescuer.get("block_text")
    if callable(clean) and callable(block_text):
        # an article nested deeper than Python's stack, or text lxml will not store (a control character):
        # its text stays one paragraph
        with suppress(RecursionError, ValueError):
            body = resegmented(tree, body, clean, block_text)
    return body, text, length


def resegmented(
    tree: etree._Element,
    body: etree._Element,
    clean: Callable[[Any], Any],
    block_text: Callable[[Any], str],
) -> etree._Element:
    """``body`` (the baseline rescue's) with each paragraph that is an ``<article>``'s whole text split.

    ``clean`` and ``block_text`` are the rescue's own: the tree it read is ``clean(copy(tree))``
    and a paragraph is an article's when its text is ``block_text`` of that article, exactly.
    Any other paragraph (embedded JSON's ``articleBody``, the page's ``<p>`` texts) stays.
    """
    paragraphs = list(body)
    if not paragraphs or len(paragraphs) > _MAX_RESCUED or any(p.tag != "p" for p in paragraphs):
        return body
    cleaned = clean(copy(tree))
    articles: dict[str, etree._Element] = {}
    for article in cleaned.xpath(".//article[not(ancestor::article)]"):
        articles.setdefault(block_text(article), article)
    out = etree.Element("body")
    split = False
    for paragraph in paragraphs:
        article = articles.get(paragraph.text or "")
        if article is None:
            out.append(copy(paragraph))
            continue
        out.extend(_Writer.blocks_of(article))
        split = True
    return out if split and len(out) else body


class _Writer:
    """Writes an element's flow as trafilatura's body elements, one paragraph per run of inline text."""

    def __init__(self) -> None:
        self.out: list[etree._Element] = []
        self.run: _Run = []

    @classmethod
    def blocks_of(cls, element: etree._Element) -> list[etree._Element]:
        writer = cls()
        writer.flow(element)
        writer.flush()
        return writer.out

    def flow(self, element: etree._Element) -> None:
        """A block element: its own text, its children in order, each child's tail between them."""
        self.run.append(element.text or "")
        caption = element.tag == "figcaption"
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if not tag or tag in _SKIPPED:
                pass
            elif tag in _HEADINGS:
                self.emit(_block("head", _inline(child), rend=tag))
            elif tag in _LISTS and _is_plain_list(child):
                items = [_inline(item) for item in child if item.tag == "li"]
                self.emit(_block("list", [], items=items))
            elif tag == "table" and not _holds_blocks(child, _TABLE_PARTS):
                for caption_element in child.iterchildren("caption"):
                    self.emit(_block("p", _inline(caption_element)))
                rows = [[_inline(cell) for cell in row if cell.tag in ("td", "th")] for row in child.iter("tr")]
                self.emit(_block("table", [], rows=rows))
            elif tag == "blockquote":
                self.emit(_block("quote", _inline(child)))
            elif tag == "pre":
                self.emit(_block("code", [_text(child)]))
            elif tag == "br":
                self.run.append(" ")
            elif tag in _BLOCKS or (tag == "a" and _holds_blocks(child)):
                self.flush()  # a block, or a link around blocks (a card): a paragraph of its own
                if tag == "a":
                    self.run.extend(_link(child))
                else:
                    self.flow(child)
                self.flush()
            elif caption and is_credit_line(credit := " ".join(_text(child).split())):
                self.flush()  # a photo credit set in the caption's line (``<span class=credit>``): a line of its own
                self.run.append(credit)
                self.flush()
            else:
                self.run.extend(_inline(child))
            self.run.append(child.tail or "")

    def emit(self, block: etree._Element | None) -> None:
        self.flush()
        if block is not None:
            self.out.append(block)

    def flush(self) -> None:
        block, self.run = _block("p", self.run), []
        if block is not None:
            self.out.append(block)


def _is_plain_list(element: etree._Element) -> bool:
    """Every child of the list an ``<li>`` and no text between them (else its children are read as blocks).

    Page builders put ``<div>`` slides in a ``<ul>``, and text loose in an ``<ol>`` is shown: written
    as items, they would be lost (only ``<li>`` becomes an item).
    """
    if (element.text or "").strip():
        return False
    for child in element:
        if isinstance(child.tag, str) and child.tag != "li" and child.tag not in _SKIPPED:
            return False
        if (child.tail or "").strip():
            return False
    return True


def _holds_blocks(element: etree._Element, parts: frozenset[str] = frozenset()) -> bool:
    """A block element (a paragraph, a heading, a list) somewhere inside, other than ``parts``: a layout
    table (its cells hold paragraphs; a data table holds rows of cells), a card's link."""
    return any(
        isinstance(node.tag, str) and node.tag in _BLOCKS and node.tag not in parts
        for node in element.iterdescendants()
    )


def _link(link: etree._Element) -> _Run:
    """A link as (target, its words), with the space its text had at either edge kept outside it."""
    text = _text(link)
    words = " ".join(text.split())
    if not words:
        return [text]
    return [" " if text[:1].isspace() else "", (link.get("href", ""), words), " " if text[-1:].isspace() else ""]


def _inline(element: etree._Element) -> _Run:
    """``element``'s text as one run: links as (target, text), a block or line break inside as a space."""
    run: _Run = []
    stack: list[tuple[etree._Element, bool]] = [(element, False)]  # (node, its end): no recursion
    while stack:
        node, end = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        if end:
            if node is not element:  # the element's own edges need no space: its caller separates it
                run.append(" " if tag in _BLOCKS or tag == "br" else "")
                run.append(node.tail or "")
            continue
        if tag in _SKIPPED or (not tag and node is not element):
            run.append(node.tail or "")
            continue
        if tag == "a" and node.get("href"):
            run.extend(_link(node))
            if node is not element:
                run.append(node.tail or "")
            continue
        run.append(" " if node is not element and (tag in _BLOCKS or tag == "br") else "")
        run.append(node.text or "" if tag else "")
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return run


def _block(
    tag: str, run: _Run, rend: str = "", items: list[_Run] | None = None, rows: list[list[_Run]] | None = None
) -> etree._Element | None:
    """A body element of trafilatura's: ``tag`` holding ``run`` (a list's items, a table's rows); None if no words."""
    block = etree.Element(tag)
    if rend:
        block.set("rend", rend)
    if items is not None:
        for item in items:
            _fill(etree.SubElement(block, "item"), item)
    elif rows is not None:
        for cells in rows:
            row = etree.SubElement(block, "row")
            for cell in cells:
                _fill(etree.SubElement(row, "cell"), cell)
    else:
        _fill(block, run)
    return block if "".join(block.itertext()).strip() else None


def _fill(target: etree._Element, run: _Run) -> None:
    """``target``'s text and ``<ref>`` children from ``run``, each text joined once (no quadratic appends)."""
    pieces: list[str] = []
    last: etree._Element | None = None
    for part in run:
        if isinstance(part, str):
            pieces.append(part)
            continue
        text = "".join(pieces)
        if last is None:
            target.text = text
        else:
            last.tail = text
        pieces = []
        last = etree.SubElement(target, "ref", target=part[0])
        last.text = part[1]
    text = "".join(pieces)
    if last is None:
        target.text = text
    else:
        last.tail = text


def _text(element: etree._Element) -> str:
    """The element's text with its blocks and line breaks spaced apart (comments are no text)."""
    return "".join(part for part in _inline(_plain(element)) if isinstance(part, str))


def _plain(element: etree._Element) -> etree._Element:
    """``element`` with links read as text: ``_inline`` of it gives no (target, text) parts."""
    if not any(True for _ in element.iter("a")):
        return element
    plain = copy(element)
    for link in plain.iter("a"):
        link.attrib.pop("href", None)
    return plain
