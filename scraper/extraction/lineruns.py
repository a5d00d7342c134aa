"""A paragraph of trafilatura's output whose lines a blank line parts, read as the paragraphs a reader sees.

Pages built without ``<p>`` (Blogger, Weebly, Tilda, a CMS's "detail text" field, old table layouts) part their
paragraphs with two line breaks, which trafilatura keeps inside one paragraph as ``<lb/><lb/>``. Kept apart from
:mod:`scraper.extraction.blocks`, which reads every block through it, for the module size.
"""

from __future__ import annotations

import copy

from lxml import etree

from scraper.text import count_words


def paragraph_runs(paragraph: etree._Element) -> list[etree._Element]:
    """A paragraph whose lines a blank line parts (``<lb/><lb/>``: the page's ``<br><br>``) as one paragraph a run.

    Pages built without ``<p>`` (Blogger, Weebly, Tilda, a CMS's "detail text" field, old table layouts)
    part their paragraphs with two line breaks; trafilatura keeps such a text as one paragraph, and a
    byline, an ad label or a credit printed on a line of its own inside it was no block any rule could see.
    """
    children = list(paragraph)
    if not any(_blank_line(children, i) for i in range(len(children) - 1)):
        return [paragraph]
    runs: list[etree._Element] = []
    run = etree.Element("p")
    run.text = paragraph.text
    index = 0
    while index < len(children):
        if index + 1 < len(children) and _blank_line(children, index):
            runs.append(run)
            while index + 1 < len(children) and _blank_line(children, index):
                index += 1  # a third break is no more than a second
            run = etree.Element("p")
            run.text = children[index].tail  # the text after the last break
            index += 1
            continue
        run.append(copy.deepcopy(children[index]))  # with its tail
        index += 1
    runs.append(run)
    # Prose parted by blank lines; a poem's or a song's stanzas (lines all short) stay one block, as before:
    # read apart, a chorus printed three times was a placeholder and went (second review). A run of one line
    # is a paragraph, not a stanza: a story in short paragraphs (a brief's, or in a language of long words).
    sizes = [count_words(" ".join(r.itertext())) for r in runs]
    one_line = not any(child.tag == "lb" for r in runs for child in r)
    if max(sizes) < (_LINE_RUN_WORDS if one_line else _PROSE_RUN_WORDS):
        return [paragraph]
    return runs


_PROSE_RUN_WORDS = 20
_LINE_RUN_WORDS = 10


def _blank_line(children: list[etree._Element], index: int) -> bool:
    """``children[index]`` and the next are line breaks with nothing but white space between them."""
    first, second = children[index], children[index + 1]
    return first.tag == "lb" and second.tag == "lb" and not (first.tail or "").strip()
