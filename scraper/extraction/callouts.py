"""A short note the story sets in a box of its own (a callout, a tip, a warning) is a paragraph of it.

Editors put a sentence the reader must not miss in a box between the story's paragraphs: a
callout card, a "note" or "tip" panel, an alert. The templates build the box from ``<div>``s,
not ``<p>``: an icon in one, the sentence in another. trafilatura reads ``<div>`` text only in
a container without enough ``<p>`` text (``handle_other_elements``: "div" is a potential tag
only there), so in a story of paragraphs the box's sentence is dropped whatever its class
says, while the same sentence in a ``<p>`` is kept.

:func:`mark_callouts` renames the ``<div>`` holding such a sentence ``<p>`` before trafilatura
runs, when all of these hold:

* the box is in the main text run: the element right before it is a story paragraph (a ``<p>``
  of a sentence or more, hardly linked), and another comes after it in the same container;
* the box (a ``<div>`` or ``<section>``) says a sentence or three of prose (it ends one, enough
  words, few of them in links), all of it in one ``<div>`` of text and inline markup but for a
  label or an icon, shown once on the page;
* it holds no heading, picture or form, sits in no navigation, header, footer or aside, and is
  not one of a row of boxes alike (three or more siblings with its class: teaser cards, a list
  of links).

Teaser cards (a headline link and a line of teaser, repeated) fail the heading, link and
repetition tests; a caption fails the picture test, or follows its picture, not a paragraph.
Only the elements right after a paragraph are read (0.5 ms a page over WCXB; a walk over every
``<div>`` cost 3 ms).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from lxml import html as lxml_html

# Inline markup: its text runs on in the sentence (anything else makes the <div> a container).
_INLINE = frozenset(
    {"a", "span", "em", "strong", "b", "i", "u", "code", "kbd", "mark", "small", "sub", "sup", "abbr", "br", "time"}
)
# In the box, any of these makes it something other than a note: a card, a figure, a form (an <svg> is an icon).
_NOT_A_NOTE = frozenset(
    {"img", "picture", "figure", "video", "iframe", "object", "embed", "form", "input", "button", "select", "textarea"}
    | {"h1", "h2", "h3", "h4", "h5", "h6"}
)
_CHROME = frozenset({"nav", "header", "footer", "aside", "form", "menu", "dialog"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu"})
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*(?:\s|$)")

MIN_WORDS = 8  # a sentence, not a label ("Note", "Advertisement", "Read more")
MAX_WORDS = 80
MAX_SENTENCES = 3  # a note; a longer run in a <div> is a layout trafilatura reads its own way
MAX_LINK_SHARE = 0.2
LABEL_WORDS = 3  # what the box may add to the sentence: an icon, "Note:", "Warning"
STORY_MIN_CHARS = 80  # a story paragraph
REPEATED_BOXES = 3  # this many siblings with the box's class: a row of cards


# The boxes right after a paragraph: from the paragraphs (``/descendant::``: see basicclean.NAMES), 0.45 ms a
# page, where ``//*[self::div or self::section][preceding-sibling::*[1][self::p]]`` cost 0.9 ms.
_AFTER_PARAGRAPH = etree.XPath("/descendant::p/following-sibling::*[1][self::div or self::section]")


def mark_callouts(tree: lxml_html.HtmlElement) -> int:
    """Rename the ``<div>`` of each boxed note in the main text run ``<p>`` (see the module); their number."""
    body = tree.find("body")
    if body is None:
        return 0
    found: list[tuple[lxml_html.HtmlElement, str]] = []
    for box in _AFTER_PARAGRAPH(body):
        if not _story(next(s for s in box.itersiblings(preceding=True) if isinstance(s.tag, str))):
            continue
        note = _note(box)
        if note is not None and _in_story(box):
            found.append(note)
    if not found:
        return 0
    page = " ".join(body.text_content().split())
    for div, text in found:
        if page.count(text) == 1:
            div.tag = "p"
    return sum(1 for div, _ in found if div.tag == "p")


def _note(box: lxml_html.HtmlElement) -> tuple[lxml_html.HtmlElement, str] | None:
    """The ``<div>`` of text and inline markup in ``box`` that says what the box says, but for a label; and its text."""
    if any(isinstance(node.tag, str) and node.tag in _NOT_A_NOTE for node in box.iter()):
        return None
    words = len(box.text_content().split())
    if not MIN_WORDS <= words <= MAX_WORDS + LABEL_WORDS:
        return None
    leaves = [div for div in box.iter("div") if _inline_only(div)]
    texts = [" ".join(div.text_content().split()) for div in leaves]
    best = max(range(len(leaves)), key=lambda i: len(texts[i]), default=None)
    if best is None:
        return None
    div, text = leaves[best], texts[best]
    count = len(text.split())
    if count < MIN_WORDS or count > MAX_WORDS or words - count > LABEL_WORDS:
        return None
    if not _SENTENCE_END.search(text[-3:] + " ") or len(_SENTENCE_END.findall(text)) > MAX_SENTENCES:
        return None
    linked = sum(len(" ".join(a.text_content().split())) for a in div.iter("a"))
    return (div, text) if linked <= MAX_LINK_SHARE * len(text) else None


def _inline_only(div: lxml_html.HtmlElement) -> bool:
    return not any(isinstance(node.tag, str) and node.tag not in _INLINE for node in div.iterdescendants())


def _in_story(box: lxml_html.HtmlElement) -> bool:
    """Not in chrome, not a card of a row of them, and a story paragraph comes after it."""
    for node in (box, *box.iterancestors()):
        if node.tag in _CHROME or (node.get("role") or "").strip().lower() in _CHROME_ROLES:
            return False
    classes = box.get("class")
    if classes:
        alike = sum(1 for s in box.itersiblings() if s.get("class") == classes)
        alike += sum(1 for s in box.itersiblings(preceding=True) if s.get("class") == classes)
        if alike >= REPEATED_BOXES - 1:
            return False
    return any(_story(sibling) for sibling in box.itersiblings())


def _story(element: lxml_html.HtmlElement) -> bool:
    """A story paragraph: a ``<p>`` of a sentence or more, hardly linked."""
    if element.tag != "p":
        return False
    text = " ".join(element.text_content().split())
    linked = sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))
    return len(text) >= STORY_MIN_CHARS and bool(_SENTENCE_END.search(text)) and linked <= MAX_LINK_SHARE * len(text)
