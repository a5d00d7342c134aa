"""Sub-headings trafilatura dropped between two paragraphs it kept, put back.

When trafilatura finds no container it knows (a theme's ``longread-body``), it gathers the page's paragraphs one
by one, and headings are not among the elements it gathers: a long read came out without its sections' titles
("Vuokrat nousivat", "Why choose it?"), which the product keeps as content. A heading of the page that stands
between two paragraphs the text keeps, one right after the other there, is the story's: it goes back between
them. A heading beside a box (a related list, a sign-up form) has the box, not a kept paragraph, on one side.
The first section's title, right under the page's ``<h1>`` and before the text's first block, goes back when
other sections' titles of its level do: alone it may be a byline or a reading time set as a heading.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from scraper.text import count_words

_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
SUBHEADING_MAX_WORDS = 25  # a section's title; a longer "heading" is a paragraph set in large type
_MAX_RESTORED = 200  # headings put back in one text, bounded on hostile pages
_MAX_TRIED = 2000  # headings of the page looked at


def restore_subheadings(body: etree._Element | None, tree: lxml_html.HtmlElement) -> int:
    """Insert into trafilatura's ``body`` each page heading set between two of its consecutive paragraphs; how many.

    Idempotent: a heading whose text the body already holds is not inserted again.
    """
    if body is None:
        return 0
    children = [element for element in body if isinstance(element.tag, str)]
    kept = _Kept()
    for index, element in enumerate(children):
        if element.tag != "head":
            kept.add(_text(element), index)
    held = {_text(element) for element in children if element.tag == "head"}
    found: list[tuple[int, str, str]] = []
    opening: tuple[str, str] | None = None  # a heading right under the page's <h1>, before the text's first block
    for tried, heading in enumerate(tree.iter(*_HEADINGS)):
        if tried >= _MAX_TRIED:
            break
        text = _text(heading)
        if not text or text in held or count_words(text) > SUBHEADING_MAX_WORDS:
            continue
        after = _paragraph_beside(heading, False, kept)
        second = kept.at(after, ends=False) if after is not None else None
        if second == 0 and _opens_under_headline(heading):
            opening = (text, str(heading.tag))  # the first section's title, before the text's first block ...
            continue
        before = _paragraph_beside(heading, True, kept)
        first = kept.at(before, ends=True) if before is not None else None
        if first is not None and second == first + 1:
            found.append((second, text, str(heading.tag)))
            held.add(text)
            if len(found) >= _MAX_RESTORED:
                break
    levels = {tag for _, _, tag in found} | {str(e.get("rend")) for e in children if e.tag == "head"}
    if opening is not None and opening[1] in levels and opening[0] not in held:
        found.append((0, *opening))  # ... when more sections' titles of its level are the text's, not a lone line
    for index, text, tag in sorted(found, reverse=True):
        head = etree.Element("head", rend=tag)
        head.text = text
        body.insert(body.index(children[index]), head)
    return len(found)


# A kept block this long may end (or open) the wrapper beside a heading: ``<div class="intro"><p>…</p><p>…</p></div>
# <h2>…``. A shorter one ("Yes.") ends too many texts to place the heading by.
_WRAPPED_CHARS = 40
_ALIKE_BLOCKS = 8


class _Kept:
    """The body's kept blocks by their text, and by their first and last ``_WRAPPED_CHARS`` characters: a wrapper's
    text is matched against the few blocks it may open or end with, not against every block (a page of thousands
    of headings and paragraphs)."""

    def __init__(self) -> None:
        self.position: dict[str, int] = {}
        self.opening: dict[str, list[tuple[str, int]]] = {}
        self.ending: dict[str, list[tuple[str, int]]] = {}

    def add(self, text: str, index: int) -> None:
        if text in self.position:
            return
        self.position[text] = index
        if len(text) >= _WRAPPED_CHARS:
            self.opening.setdefault(text[:_WRAPPED_CHARS], []).append((text, index))
            self.ending.setdefault(text[-_WRAPPED_CHARS:], []).append((text, index))

    def at(self, text: str, ends: bool) -> int | None:
        """Where in the body the block of this text is kept: the block itself, or the kept block that ends the
        wrapper before the heading (``ends``) or opens the one after it, nothing of the wrapper's text past it."""
        if (index := self.position.get(text)) is not None:
            return index
        if len(text) < _WRAPPED_CHARS:
            return None
        bucket = self.ending.get(text[-_WRAPPED_CHARS:], []) if ends else self.opening.get(text[:_WRAPPED_CHARS], [])
        if len(bucket) > _ALIKE_BLOCKS:
            return None  # many blocks end (or open) alike: a template's, and no place to tell apart
        found = [index for kept, index in bucket if (text.endswith(kept) if ends else text.startswith(kept))]
        return found[0] if len(found) == 1 else None


def _paragraph_beside(heading: lxml_html.HtmlElement, preceding: bool, kept: _Kept) -> str | None:
    """The text of the block next to the heading on one side: a sibling's, or, for a heading that opens its section
    (``<section><h2>…</h2><p>…``), the block before the section."""
    if not preceding and (heading.tail or "").strip():
        return None  # loose text after the heading: no block follows it
    element: lxml_html.HtmlElement | None = heading
    for _ in range(_SECTION_LEVELS + 1 if preceding else 1):
        if element is None:
            return None
        for sibling in element.itersiblings(preceding=preceding):
            if isinstance(sibling.tag, str) and (text := _text(sibling)):
                if _is_picture(sibling, text) and text not in kept.position:
                    continue  # a picture set beside the text; a kept paragraph with an icon in it is the text's
                return text
        parent = element.getparent()
        if parent is None or (parent.text or "").strip():
            return None
        element = parent
    return None


def _opens_under_headline(heading: lxml_html.HtmlElement) -> bool:
    """The heading stands right under the page's ``<h1>`` (``<h1>The Fold-and-Cut Problem</h1><h2>Problem</h2>``)."""
    above = next((s for s in heading.itersiblings(preceding=True) if isinstance(s.tag, str) and _text(s)), None)
    return above is not None and above.tag == "h1"


_SECTION_LEVELS = 2  # a heading opening a section inside a section
_PICTURES = ("img", "picture", "svg", "video")
_CAPTION_WORDS = 30  # a picture's caption and credit; more is a box with a picture in it


def _is_picture(element: lxml_html.HtmlElement, text: str) -> bool:
    """A picture with its caption (``<div class="float"><img>…<br>Caption</div>``): set beside the text, not a block
    of it, so the heading's neighbour is the block past it."""
    return count_words(text) <= _CAPTION_WORDS and next(element.iter(*_PICTURES), None) is not None


def _text(element: etree._Element) -> str:
    return " ".join(" ".join(element.itertext()).split())
