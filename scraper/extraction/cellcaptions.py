"""Captions of pages laid out in tables: a picture's line in a small table of its own inside the story's cell.

Before ``<figure>``, a story set its photo in a small right- or left-aligned table nested in the layout table's
story cell, the caption beside the ``<img>`` in ``<font>`` or ``<i>`` ("Volunteers sort donated books in the
library basement. Bulletin photo"). No class or element says "caption", so trafilatura keeps the line as a
paragraph; the markup's shape does say it: one picture and a line of text in a cell of a small table that sits
inside another table's cell. Its text joins the page's captions, which cleaning takes out of the story.
"""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.text import count_words

_MAX_WORDS = 40  # a caption's line or two; more is text set beside a picture
_MAX_CELLS = 3  # a photo's table: the picture and its line, in one or two cells
_MAX_FOUND = 20


def cell_captions(tree: lxml_html.HtmlElement) -> list[str]:
    """The texts of nested table cells that hold one picture and a caption's words."""
    found: list[str] = []
    for img in tree.iter("img"):
        cell = next((a for a in img.iterancestors("td", "th")), None)
        if cell is None or not _nested(cell) or len(cell.xpath(".//img")) != 1:
            continue
        table = next(cell.iterancestors("table"), None)
        if table is None or len(table.xpath(".//td|.//th")) > _MAX_CELLS:
            continue
        text = " ".join(" ".join(cell.itertext()).split())
        if 3 <= count_words(text) <= _MAX_WORDS and text not in found:
            found.append(text)
            if len(found) >= _MAX_FOUND:
                break
    return found


def _nested(cell: lxml_html.HtmlElement) -> bool:
    """The cell's table sits inside another table's cell (the layout's story cell)."""
    return next(cell.iterancestors("td", "th"), None) is not None
