"""The paragraphs of an ``<article>`` that trafilatura's baseline rescue ran into one.

When trafilatura's extraction finds no text (a template it cannot read: Dotdash Meredith's
``mntl-sc-block`` pages, a photo gallery of a few captions), its baseline rescue takes the page's
``<article>`` element's whole text as *one* paragraph: the headline, the byline, the date, a table
of contents, every caption and the story run together, where no cleaning rule can tell them apart,
and a reader gets a 4,000-word paragraph. :func:`resegmented` puts the article's own block
structure back (paragraphs, sub-headings, lists, quotes, code, links as ``<ref>``), in the
elements trafilatura's extraction writes, so that the cleaning rules see what they see on any page.
The text is the same text: only where it breaks changes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from copy import copy
from typing import Any

from lxml import etree

from scraper.extraction.boilerplate import is_credit_line

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol"})
# Blocks of the article's flow: each starts and ends a paragraph (its own text is one).
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "figure", "figcaption", "dl", "dt", "dd",
        "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "li", "center", "details",
        "summary", "address", "hgroup", "form", "fieldset", "nav", "hr",
    }
)  # fmt: skip
_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "svg", "button", "select", "input", "textarea", "iframe"}
)
# The most paragraphs a rescue may have for each to be checked against the page's articles: the
# article branch gives one per ``<article>`` of the page; more are its paragraph branch's.
_MAX_RESCUED = 8


def rescued(baseline: Callable[[Any], Any], tree: etree._Element) -> Any:
    """trafilatura's ``baseline(tree)``: its body, text and length, the body :func:`resegmented`.

    The rescue's tree cleaning and block text are read from its own module; under a trafilatura
    whose module has neither, its body is left as it is.
    """
    body, text, length = baseline(tree)
    rescuer = vars(sys.modules.get(getattr(baseline, "__module__", ""), object()))
    clean, block_text = rescuer.get("basic_cleaning"), rescuer.get("block_text")
    if callable(clean) and callable(block_text):
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
        self.run: etree._Element | None = None

    @classmethod
    def blocks_of(cls, element: etree._Element) -> list[etree._Element]:
        writer = cls()
        writer.flow(element)
        writer.flush()
        return writer.out

    def flow(self, element: etree._Element) -> None:
        """A block element: its own text, its children in order, each child's tail between them."""
        self.text(element.text)
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _SKIPPED or not tag:
                pass
            elif tag == "br":
                self.text(" ")
            elif tag in _HEADINGS:
                self.emit("head", child, rend=tag)
            elif tag in _LISTS:
                self.flush()
                items = [item for item in child if item.tag == "li"]
                if items:
                    listed = etree.Element("list")
                    for item in items:
                        _inline(item, etree.SubElement(listed, "item"))
                    self.out.append(listed)
            elif tag == "blockquote":
                self.emit("quote", child)
            elif tag == "pre":
                self.flush()
                code = etree.Element("code")
                code.text = _text(child)
                self.out.append(code)
            elif tag in _BLOCKS:
                self.flush()
                self.flow(child)
                self.flush()
            elif is_credit_line(credit := " ".join(_text(child).split())):
                self.flush()  # a photo credit set in a caption's line (``<span class=credit>``): a line of its own
                _append_text(self.paragraph(), credit)
                self.flush()
            else:
                _inline(child, self.paragraph())
            self.text(child.tail)

    def emit(self, tag: str, element: etree._Element, rend: str = "") -> None:
        self.flush()
        block = etree.Element(tag)
        if rend:
            block.set("rend", rend)
        _inline(element, block)
        if "".join(block.itertext()).strip():
            self.out.append(block)

    def paragraph(self) -> etree._Element:
        if self.run is None:
            self.run = etree.Element("p")
        return self.run

    def text(self, text: str | None) -> None:
        if text and not text.isspace():
            _append_text(self.paragraph(), text)
        elif text and self.run is not None:
            _append_text(self.run, " ")  # white space between two inline runs: the words stay apart

    def flush(self) -> None:
        if self.run is not None and "".join(self.run.itertext()).strip():
            self.out.append(self.run)
        self.run = None


def _inline(element: etree._Element, target: etree._Element) -> None:
    """``element``'s text into ``target``: links as ``<ref target>``, everything else as plain text."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIPPED:
        return
    if tag == "a" and element.get("href"):
        ref = etree.SubElement(target, "ref", target=element.get("href", ""))
        ref.text = " ".join(_text(element).split())
        return
    if tag in _BLOCKS or tag == "br":
        _append_text(target, " ")  # a block or a line break inside an inline run: its words stay apart
    if tag:
        _append_text(target, element.text or "")
        for child in element:
            _inline(child, target)
            _append_text(target, child.tail or "")


def _text(element: etree._Element) -> str:
    """The element's text, as ``text_content()`` reads it (comments and instructions are no text)."""
    return etree.tostring(element, method="text", encoding="unicode", with_tail=False)


def _append_text(target: etree._Element, text: str) -> None:
    """``text`` after whatever ``target`` holds: its text, or its last child's tail."""
    if not text:
        return
    if len(target):
        last = target[-1]
        last.tail = (last.tail or "") + text
    else:
        target.text = (target.text or "") + text
