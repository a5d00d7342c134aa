"""Blocks after the story that come from outside the page's ``<main>``, when the story lies in it.

A page that marks its main content with one ``<main>`` (or ``role="main"``) puts its sidebar, its
"about me" box and its teasers of other posts after that element's end. trafilatura keeps to one
container as a rule, but its wild-text recovery (taken when the container it chose reads short)
collects paragraphs from the whole page: the story then ends with the sidebar's about-me box and
teaser excerpts ("Hey, I'm Jessica! Welcome to …", "Here's a crazy thought, …"). When most of the
kept text is text of the ``<main>``, the blocks that close it and are found only outside it are
those of another part of the page, and go. Only trailing blocks: a block outside ``<main>`` between
the story's own (a standfirst printed above it, a fact box) is left to the other rules, and a
block found nowhere as one run of the page's text (a heading trafilatura rebuilt) stops the cut.

Measured over both shared corpora (article pages): one WCXB page lost its sidebar (precision
0.714 -> 0.891; WCXB body precision 0.94949 -> 0.94972), no news page changed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from lxml import html as lxml_html

    from scraper.extraction.blocks import Block

_WORD = re.compile(r"\w+")
# The share of the kept words that must be text of the <main> for it to stand for the story's container.
MAIN_SHARE = 0.5
# Text that is no reader's text (its words could match a block by chance).
_NOT_SHOWN = ("script", "style", "noscript", "template")


def drop_trailing_outside_main(blocks: list[Block], tree: lxml_html.HtmlElement) -> list[Block]:
    """``blocks`` without the trailing ones found only outside the page's single ``<main>``."""
    if len(blocks) < 2:
        return blocks
    mains = tree.xpath("//main|//*[@role='main']")
    outermost = [m for m in mains if not any(a in mains for a in m.iterancestors())]
    if len(outermost) != 1:
        return blocks  # no <main>, or several (a page of cards, each its own): nothing to tell apart
    main = outermost[0]
    inside = _run(_text(main))
    keys = [_run(block.text) for block in blocks]
    words = [key.count(" ") - 1 for key in keys]
    held = sum(n for key, n in zip(keys, words, strict=True) if key in inside)
    if held < MAIN_SHARE * sum(words):
        return blocks
    page: str | None = None
    end = len(blocks)
    while end > 1 and keys[end - 1] not in inside:
        if page is None:
            page = _run(_text(tree))
        if keys[end - 1] not in page:
            break  # not one run of the page's text: no telling where it came from
        end -= 1
    if end == len(blocks) or held < MAIN_SHARE * sum(words[:end]) or not any(k in inside for k in keys[:end]):
        return blocks
    return blocks[:end]


def _text(element: lxml_html.HtmlElement) -> str:
    """The element's shown text in reading order, its pieces joined by spaces (scripts and styles left out)."""
    parts: list[str] = []
    walk = etree.iterwalk(element, events=("start", "end", "comment", "pi"))
    for event, node in walk:
        if event == "start":
            if node.tag in _NOT_SHOWN:
                walk.skip_subtree()
            elif node.text:
                parts.append(node.text)
            continue
        if node.tail and node is not element:
            parts.append(node.tail)
    return " ".join(parts)


def _run(text: str) -> str:
    """``text``'s words, lower-cased, between single spaces (and one at either end: whole words match)."""
    return f" {' '.join(_WORD.findall(text.casefold()))} "
