"""How a page's own content is shaped for reading: features that tell a story from a manual, a pitch or a thread.

:mod:`scraper.extraction.structure` reads the layout (prose runs, cards, posts, links); this
module reads how the content outside the page chrome is built for its reader, from HTML
semantics and words that many unrelated templates share:

- documentation marks up code inline (``<code>`` outside ``<pre>``), gives its headings anchors
  (an ``id`` to link to) and links to them from a table of contents (``href="#..."``);
- a page that sells styles its links as buttons (class words ``btn``/``button``/``cta``) and asks
  its reader questions in its headings (an FAQ);
- a forum thread offers "Reply", "Quote", "Report" under every post;
- a story is told in paragraphs: its text blocks are long and few of its words sit in list items,
  where a landing page, a shop or a thread is made of short blocks and lists.

Measured on WCXB + the news corpus in 5-fold cross-validation by site (``tests/benchmarks/
train_pagekind.py``), at the threshold that drops at most 7 of 793 WCXB articles and none of the
174 news pages, the non-articles let through went from 132 to 124 of 704 (at most 5 dropped: 195
to 145; at most 9: 126 to 112); leaving any one of the eight out raised that mean over 5-10 dropped
articles. Each is a scale-free number (a log count or a share) and weighs only beside the others.
"""

from __future__ import annotations

import math
import re

from lxml import html as lxml_html

# The page chrome (navigation, header, footer, sidebars): what is under it is not the page's own content.
_CHROME_TAGS = ("nav", "header", "footer", "aside")
_CHROME_ROLES = "descendant::*[@role='navigation' or @role='banner' or @role='contentinfo' or @role='complementary']"
_HEADING_TAGS = ("h1", "h2", "h3", "h4")
_CLICKABLE_TAGS = ("a", "button")
_BLOCK_TAGS = ("p", "li", "dd", "td", "blockquote")
_CODE_INLINE = "descendant::code[not(ancestor::pre)]"
# Text blocks that hold no other block (a paragraph, a list item, a definition, a cell, a quote),
# outside what a reader never sees as page text. A union of name tests: ``.//*[self::p or ...]``
# tested every element of the page and cost twice as much.
_LEAF_BLOCKS = (
    "(descendant::p|descendant::li|descendant::dd|descendant::td|descendant::blockquote)"
    "[not(descendant::p or descendant::li or descendant::div or descendant::ul or descendant::ol"
    " or descendant::table)][not(ancestor::noscript or ancestor::template)]"
)
# A class word that styles a link as a button (matched on the whole class attribute).
_BUTTON_CLASS = re.compile(r"(?:^|[\s_-])(?:btn|button|cta)(?:$|[\s_-])", re.IGNORECASE)
# The actions a forum offers under each post: English, German, French, Spanish.
_POST_ACTION = re.compile(
    r"(?:reply|quote|report|upvote|downvote|permalink|antworten|zitieren|melden|répondre|citer|signaler|"
    r"responder|citar|reportar)\b",
    re.IGNORECASE,
)
_SHORT_BLOCK = 8  # words: a block this short is a label, a tile or a fragment, not a paragraph of a story
_BUTTON_WORDS = 5  # words: a button's label is short
_ACTION_CHARS = 20  # characters: an action link is a word or two


def _log(value: float) -> float:
    return math.log1p(max(0.0, value))


def _chrome(root: lxml_html.HtmlElement) -> set[lxml_html.HtmlElement]:
    """The elements inside the page chrome that this module reads (headings, links, code, blocks).

    A set to test the content's candidates against: a ``not(ancestor::nav or ...)`` predicate
    on each candidate cost more than the whole layout walk of :mod:`structure`.
    """
    inside: set[lxml_html.HtmlElement] = set()
    for el in [*root.iter(*_CHROME_TAGS), *root.xpath(_CHROME_ROLES)]:
        inside.update(el.iter(*_HEADING_TAGS, *_CLICKABLE_TAGS, *_BLOCK_TAGS, "code"))
    return inside


def shape_features(root: lxml_html.HtmlElement) -> dict[str, float]:
    """The content-shape features of the page whose ``<body>`` (or whole tree) is ``root``."""
    chrome = _chrome(root)
    heading_anchors = question_headings = 0
    for heading in root.iter(*_HEADING_TAGS):
        if heading in chrome:
            continue
        if heading.get("id") or any(isinstance(child.tag, str) and child.get("id") for child in heading):
            heading_anchors += 1
        if heading.text_content().rstrip().endswith("?"):
            question_headings += 1
    buttons = actions = anchor_links = 0
    for el in root.iter(*_CLICKABLE_TAGS):
        if el in chrome:
            continue
        href = el.get("href")
        if href is not None and len(href := href.strip()) > 1 and href[0] == "#":
            anchor_links += 1
        text = el.text_content().strip()
        if not text:
            continue
        classes = el.get("class")
        if classes and _BUTTON_CLASS.search(classes) and len(text.split()) <= _BUTTON_WORDS:
            buttons += 1
        if len(text) < _ACTION_CHARS and _POST_ACTION.match(text):
            actions += 1
    blocks = short = block_words = list_words = 0
    for block in root.xpath(_LEAF_BLOCKS):
        if block in chrome:
            continue
        words = len(block.text_content().split())
        if not words:
            continue
        blocks += 1
        block_words += words
        if words < _SHORT_BLOCK:
            short += 1
        if block.tag == "li":
            list_words += words
    return {
        "log_code_inline": _log(sum(1 for code in root.xpath(_CODE_INLINE) if code not in chrome)),
        "log_heading_anchors": _log(heading_anchors),
        "log_anchor_links": _log(anchor_links),
        "log_question_headings": _log(question_headings),
        "log_buttons": _log(buttons),
        "log_post_actions": _log(actions),
        "short_block_share": short / max(1, blocks),
        "list_word_share": list_words / max(1, block_words),
    }
