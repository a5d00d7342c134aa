"""Captions of pages laid out in tables: a picture's line in a small table of its own inside the story's cell.

Before ``<figure>``, a story set its photo in a small right- or left-aligned table nested in the layout table's
story cell, the caption under the ``<img>`` in small or italic type (``<font size="1">``, ``<i>``: "Volunteers sort
donated books in the library basement. Bulletin photo"). No class or element says "caption", so trafilatura keeps
the line as a paragraph; the markup's shape and type do say it: one picture and a line set small or italic in a
small table inside another table's cell. A lead paragraph, a brief or a quote set beside a picture in a nested
table is in the story's type, and stays. The captions join the page's, which cleaning takes out of the story.
"""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.extraction.layouttable import LAYOUT_CELL
from scraper.text import count_words

_MAX_WORDS = 40  # a caption's line or two; more is text set beside a picture
_MAX_CELLS = 3  # a photo's table: the picture and its line, in one or two cells
_MAX_FOUND = 20
_SMALL_SIZES = frozenset({"1", "-1", "-2"})  # <font size="1">: the smallest type, a caption's


def _in_a_layout_cell(table: lxml_html.HtmlElement) -> bool:
    """In another table's cell, or in a layout table's cell read as a ``<div>``."""
    return any(a.tag in ("td", "th") or a.get(LAYOUT_CELL) is not None for a in table.iterancestors())


def cell_captions(tree: lxml_html.HtmlElement) -> list[str]:
    """The texts of small nested tables that hold one picture and a caption's words in small or italic type."""
    found: list[str] = []
    seen: set[lxml_html.HtmlElement] = set()  # each table is read once, however many pictures it holds
    for img in tree.iter("img"):
        cell = next(img.iterancestors("td", "th"), None)
        table = next(cell.iterancestors("table"), None) if cell is not None else None
        if table is None or table in seen or not _in_a_layout_cell(table):
            continue  # not in a table nested in a layout table's cell
        seen.add(table)
        if not _one_picture_in_few_cells(table):
            continue
        text = " ".join(" ".join(table.itertext()).split())
        if 3 <= count_words(text) <= _MAX_WORDS and text not in found and _set_as_caption(table):
            found.append(text)
            if len(found) >= _MAX_FOUND:
                break
    return found


def _one_picture_in_few_cells(table: lxml_html.HtmlElement) -> bool:
    """At most ``_MAX_CELLS`` cells and one picture, counted only as far as the answer needs."""
    cells = pictures = 0
    for element in table.iter("td", "th", "img"):
        if element.tag == "img":
            pictures += 1
        else:
            cells += 1
        if cells > _MAX_CELLS or pictures > 1:
            return False
    return pictures == 1


def _set_as_caption(table: lxml_html.HtmlElement) -> bool:
    """Every word of the table is set small or italic (inside ``<i>``, ``<em>``, ``<small>``, a size-1 ``<font>``)."""
    for element in table.iter():
        texts = [(element.tail, element.getparent())] if element is not table else []
        if isinstance(element.tag, str):
            texts.append((element.text, element))
        for text, owner in texts:
            if text and text.strip() and not _small_or_italic(owner, table):
                return False
    return True


def _small_or_italic(element: lxml_html.HtmlElement | None, table: lxml_html.HtmlElement) -> bool:
    while element is not None and element is not table:
        tag = element.tag
        if tag in ("i", "em", "small") or (tag == "font" and (element.get("size") or "").strip() in _SMALL_SIZES):
            return True
        element = element.getparent()
    return False
