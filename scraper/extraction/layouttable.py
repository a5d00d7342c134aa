"""Tables that lay a page out are read as the blocks they hold, not as data.

Sites built before CSS layouts (and CMSs still serving them: local papers, councils, schools) put the whole page
in a table: the logo row, the menu row, a column of boxes beside the story's cell, the footer row. trafilatura
keeps a table as a table, all of it, so such a page came out as its menu, its poll, its footer and the story run
together. Read as rows and cells of ``<div>``, the story's cell is a container like any other, and the boxes
around it are judged as boxes.

Which tables lay out rather than hold data, after Readability's test (``_isDataTable`` in Mozilla's
Readability.js): one without a caption, header cells or column groups, of a page's size (under ten rows, at
most four columns), that holds another table and a headline element: the page's grid. Inside it, a table is
a box of the layout when one of its cells holds what a data cell does not: a heading, a form, or prose. A
table on its own is left a table, whatever it holds: modern pages put headings and paragraphs in the cells of
real tables (a meal plan, a comparison chart), and the corpora's truth keeps them as tables; so is any table
of a data table's size, inside a grid too. A table's ``role="presentation"`` is not read: e-mails served as
pages mark every table so, and keep their event dates only as tables.
"""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.extraction.blocks import short_text
from scraper.text import count_words

# The attribute a layout table's cell keeps as a ``<div>``: a photo's small table in it is still set in the layout's
# cell (:mod:`~scraper.extraction.cellcaptions`).
LAYOUT_CELL = "data-layout-cell"
# What makes a table data: a caption, header cells, column groups (Readability's list).
_DATA_PARTS = frozenset({"caption", "thead", "tfoot", "th", "col", "colgroup"})
_TABLE_PARTS = frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_FORMS = frozenset({"form", "input", "select", "textarea"})
# A cell holding this many words is a column of the page, not a value: a data table's longest cells (a
# description, a note) run to a sentence or two.
PROSE_CELL_WORDS = 80
_PROSE_PARAGRAPHS = 2  # ... or this many paragraphs
_PROSE_CHARS = 2000  # ... or this many characters, in any script


def unwrap_layout_tables(tree: lxml_html.HtmlElement) -> int:
    """Turn each layout table, with its own rows and cells, into ``<div>`` elements; the number turned.

    Outer tables first (document order), each judged on its own parts: a data table inside a layout table
    stays a table.
    """
    turned: set[lxml_html.HtmlElement] = set()
    for table in list(tree.iter("table")):
        inside = any(ancestor in turned for ancestor in table.iterancestors("div"))
        if not _lays_out(table, inside):
            continue
        for part in _own_parts(table):
            if part.tag == "td":
                part.set(LAYOUT_CELL, "")
                _break_lines(part)
            part.tag = "div"
        table.tag = "div"
        turned.add(table)
    return len(turned)


# Inline elements a cell's line of type sits in (``<font size="5"><b>Headline</b></font><br>``).
_INLINE = frozenset({"font", "b", "strong", "i", "em", "span", "small", "big", "u", "a"})


def _break_lines(cell: lxml_html.HtmlElement) -> None:
    """Each line break of the cell's own type a paragraph's end, as it is in a cell: the headline, byline and date
    set on lines of their own (``<font>``, ``<br>``) stay lines of their own, not one run-on paragraph."""
    for br in list(cell.iter("br")):
        parent = br.getparent()
        while parent is not None and parent is not cell and parent.tag in _INLINE:
            parent = parent.getparent()
        if parent is cell:
            second = lxml_html.Element("br")
            second.tail, br.tail = br.tail, None
            br.addnext(second)


def _own_parts(table: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The table's rows, row groups and cells, not those of a table inside a cell."""
    parts: list[lxml_html.HtmlElement] = []
    stack = list(table)
    while stack:
        element = stack.pop()
        if element.tag in _TABLE_PARTS:
            parts.append(element)
            stack.extend(element)
    return parts


def _lays_out(table: lxml_html.HtmlElement, inside: bool) -> bool:
    """No data table's parts, and the page's grid: a table in its cells, a headline element (``<h1>``-``<h3>``)
    in them, and no more rows and columns than a page's; or any block in the cells of a box inside a grid."""
    parts = _own_parts(table)
    if any(part.tag in _DATA_PARTS for part in parts) or any(child.tag in _DATA_PARTS for child in table):
        return False
    cells = [part for part in parts if part.tag == "td"]
    rows = [part for part in parts if part.tag == "tr"]
    if len(rows) >= _GRID_MAX_ROWS or any(sum(1 for c in row if c.tag == "td") > _GRID_MAX_COLUMNS for row in rows):
        return False  # Readability's size of a data table: a price list, election results, a comparison
    if inside:
        return any(_holds_blocks(cell) for cell in cells)
    if not any(sum(1 for c in row if c.tag == "td") > 1 for row in rows):
        return False  # one column: a wrapper (an e-mail's, a centred page's), no column of boxes beside the story
    return any(next(cell.iter("table"), None) is not None for cell in cells) and any(
        next(cell.iter(*_HEADLINES), None) is not None for cell in cells
    )


# A page's grid: a header row, a menu row, the columns' row, a footer row. Readability takes a table of ten
# rows or more than four columns for data.
_GRID_MAX_ROWS = 10
_GRID_MAX_COLUMNS = 4
# A story's headline element in the grid: an old page whose headline is a line of large type (``<font
# size="5">``) is left as it was, its headline, byline and date lines read from the table's cell (review 45:
# as ``<div>``s those loose lines before the first paragraph left trafilatura's text, and with them the
# fields the page without a headline element is read by).
_HEADLINES = ("h1", "h2", "h3")


def _holds_blocks(cell: lxml_html.HtmlElement) -> bool:
    """A table, a heading, a form or prose inside the cell."""
    paragraphs = 0
    for element in cell.iterdescendants():
        tag = element.tag
        if tag == "table" or tag in _HEADINGS or tag in _FORMS:
            return True
        if tag == "p":
            paragraphs += 1
    if paragraphs >= _PROSE_PARAGRAPHS:
        return True
    text = short_text(cell, _PROSE_CHARS)  # read no further than a column's worth: a page's cell may be all of it
    return text is None or count_words(text) >= PROSE_CELL_WORDS


# A layout cell whose words are mostly links is the page's navigation: the sections' menu, "latest" or
# "most read" headlines in a side column. Read as a ``<div>`` of ``<br>``-parted links it is one paragraph that
# cleaning's link lists, made of list items and headline blocks, do not recognise.
NAV_CELL_LINK_SHARE = 0.6
_NAV_CELL_CHARS = 1500  # a side column's menu and headlines; a longer cell is read no further and kept


def drop_link_cells(tree: lxml_html.HtmlElement) -> int:
    """Remove the layout cells (:func:`unwrap_layout_tables`) holding no other and mostly links; how many."""
    removed = 0
    for cell in list(tree.iterfind(f".//div[@{LAYOUT_CELL}]")):
        if cell.find(f".//div[@{LAYOUT_CELL}]") is not None or cell.find(".//h1") is not None:
            continue  # the grid's outer cell, or the story's
        text = short_text(cell, _NAV_CELL_CHARS)
        words = count_words(text) if text is not None else 0
        if words < 3:
            continue
        linked = sum(count_words(" ".join(link.itertext())) for link in cell.iter("a"))
        if linked >= NAV_CELL_LINK_SHARE * words:
            cell.drop_tree()  # its tail (the text after it in the parent) stays
            removed += 1
    return removed
