"""trafilatura's XML body as :class:`Block`s: the unit every cleaning rule works on.

trafilatura hands us the body as elements (paragraphs, sub-headings, lists, quotes, tables, code);
a block keeps the kind, the text (lines joined by newlines) and the share of its text inside
links, which is what the rules look at besides position and repetition.

A code block (``<pre>``, ``<pre><code>``, a highlighter's ``<div class=highlight><pre>``: trafilatura
tags them all ``<code>`` and keeps their white space) keeps its lines and indentation: code run
into one line no longer runs, and a reader who copies it expects what the page showed. Every
other block's white space is collapsed, as the page's HTML formatting is not the text's.
"""

from __future__ import annotations

import copy
import textwrap
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.lineruns import paragraph_runs
from scraper.items import BodyBlock
from scraper.text import count_words, normalise, without_permalink


@dataclass(slots=True)
class Block:
    """One block of body text, as trafilatura delimited it."""

    kind: str  # "p", "head", "list", "quote", "table", "code"
    text: str  # lines joined by "\n" (list items, table rows, code lines); never rewritten once made
    link_density: float = 0.0  # share of characters inside <a>/<ref>
    # Read by many rules, so worked out once, on first use (``words``, ``norm``): a page's
    # cleaning counted each block's words about a dozen times and normalised it up to 4 times.
    _words: int = field(default=-1, init=False, repr=False, compare=False)
    _norm: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def words(self) -> int:
        """``count_words(self.text)``."""
        if self._words < 0:
            self._words = count_words(self.text)
        return self._words

    @property
    def norm(self) -> str:
        """``normalise(self.text)``."""
        if self._norm is None:
            self._norm = normalise(self.text)
        return self._norm


def body_blocks(body: etree._Element, url: str = "") -> list[Block]:
    """trafilatura's XML body as blocks, with each block's link density.

    A link to a place on the same page (``#section``: a heading's permalink, a table of
    contents) leads nowhere else, so its text does not count as linked; ``url`` is the page's
    address, which trafilatura prefixes to such fragments.

    Text that trafilatura leaves loose in ``<body>`` (the tail of a heading or list, when the
    page's paragraph had no element of its own) is article text too: it becomes a paragraph.
    A table used for page layout (its cells hold paragraphs, as on sites built before CSS) is
    not data: its cells are read as blocks of their own, so the navigation column and the story
    column do not end up as one table row.
    """
    page = url.split("#", 1)[0]
    blocks: list[Block] = []
    for element in body:
        _read_element(element, page, blocks, 0)
        tail = " ".join((element.tail or "").split())
        if tail:
            blocks.append(Block(kind="p", text=tail))
    return blocks


def _read_element(element: etree._Element, page: str, blocks: list[Block], depth: int) -> None:
    """The blocks of one element of trafilatura's output, added to ``blocks``."""
    tag = element.tag
    if tag == "table" and _is_layout_table(element):
        blocks.extend(_layout_blocks(element, page))
    elif tag in ("div", "p") and depth < _MAX_WRAPPERS and any(child.tag in _WRAPPED for child in element):
        _read_wrapper(element, page, blocks, depth)
    elif tag == "p":
        blocks.extend(block for run in paragraph_runs(element) if (block := _block(run, tag, page)) is not None)
    elif isinstance(tag, str) and tag != "graphic":
        block = _block(element, tag, page)
        if block is not None:
            blocks.append(block)


def _read_wrapper(wrapper: etree._Element, page: str, blocks: list[Block], depth: int) -> None:
    """A ``<div>`` or ``<p>`` of trafilatura's that holds blocks: each block read as the body's, the text between
    them (with its links and emphasis) as paragraphs.

    trafilatura's recall runs keep the page's wrappers (a story's body, its header, an FAQ box) as a ``<div>``,
    or as a ``<p>`` around the headline, the standfirst and the story's paragraphs. Read flat, a wrapper was one
    paragraph of every heading, list, date line and ad label in it, which no rule then saw on its own.
    """
    run = etree.Element("p")
    run.text = wrapper.text
    for child in wrapper:
        if child.tag in _WRAPPED:
            blocks.extend(b for r in paragraph_runs(run) if (b := _block(r, "p", page)) is not None)
            _read_element(child, page, blocks, depth + 1)
            run = etree.Element("p")
            run.text = child.tail
        else:
            run.append(copy.deepcopy(child))  # with its tail
    blocks.extend(b for r in paragraph_runs(run) if (b := _block(r, "p", page)) is not None)


# What makes a <div> or a <p> of trafilatura's output a wrapper: a block inside it.
_WRAPPED = frozenset({"p", "head", "list", "quote", "table", "div"})
_MAX_WRAPPERS = 50  # wrappers within wrappers read as blocks; deeper ones (a hostile page) are read flat


def _is_layout_table(table: etree._Element) -> bool:
    """Whether a table lays out the page rather than holding data: a cell contains paragraphs, or lines of
    links (a navigation column: "SECTIONS", then a link a line)."""
    if any(child.tag in _BLOCK_TAGS for cell in table.iter("cell") for child in cell):
        return True
    # A column of links lays out a page in a table of a few rows without header cells; a data table's cells may
    # hold link lists too ("where to watch", a result's sources), under a header row (second review).
    rows = table.findall("row")
    if len(rows) > _LAYOUT_ROWS or any(cell.get("role") == "head" for cell in table.iter("cell")):
        return False
    return any(_link_lines(cell) for cell in table.iter("cell"))


def _link_lines(cell: etree._Element) -> bool:
    """The cell holds line breaks and links, at least ``_LINK_LINES`` of each: a column of links, one a line."""
    children = [child.tag for child in cell]
    return children.count("lb") >= _LINK_LINES and children.count("ref") >= _LINK_LINES


_LINK_LINES = 3
_LAYOUT_ROWS = 3  # a page's layout: a top bar, the columns, a footer


def _layout_blocks(table: etree._Element, page: str) -> list[Block]:
    """The blocks of a layout table, cell by cell: its inline runs become paragraphs."""
    blocks: list[Block] = []
    for cell in (cell for row in table.iterfind("row") for cell in row.iterfind("cell")):
        run = etree.Element("p")
        run.text = cell.text
        for child in cell:
            if child.tag not in _BLOCK_TAGS:
                run.append(copy.deepcopy(child))  # with its tail
                continue
            blocks.extend(b for b in [_block(run, "p", page)] if b is not None)
            if child.tag == "table" and _is_layout_table(child):
                blocks.extend(_layout_blocks(child, page))
            else:
                blocks.extend(b for b in [_block(child, str(child.tag), page)] if b is not None)
            run = etree.Element("p")
            run.text = child.tail
        blocks.extend(b for b in [_block(run, "p", page)] if b is not None)
    return blocks


def with_lead(blocks: list[Block], lead: str | None) -> list[Block]:
    """The visible standfirst as the first block, unless the body already holds it.

    trafilatura keeps to the node with the running text, so the lead printed above it (see
    :func:`scraper.metadata.visible_lead`) is often lost although readers see it as the
    article's first paragraph.
    """
    if not lead:
        return blocks
    wanted = normalise(lead)
    if any(wanted in b.norm or b.norm in wanted for b in blocks[:6] if len(b.text) > 40):
        return blocks
    if wanted in normalised_text(blocks):  # the blocks' normalised texts: the rules read them too
        return blocks
    return [Block(kind="p", text=lead), *blocks]


def normalised_text(blocks: list[Block]) -> str:
    """``normalise`` of the blocks' texts joined by white space, from each block's own ``norm``.

    The same string (:func:`scraper.text.normalised_hash` says why), without normalising the
    whole text again: blocks keep their normalised form for the cleaning rules.
    """
    return " ".join(norm for b in blocks if (norm := b.norm))


def _block(element: etree._Element, tag: str, page: str = "") -> Block | None:
    if tag == "list":
        text = "\n".join(_list_lines(element))
    elif tag == "table":
        rows = [" | ".join(_flat(c) for c in row.iter("cell")) for row in element.iter("row")]
        text = "\n".join(r for r in rows if r.strip(" |"))
    elif tag == "quote":  # a quote's paragraphs and its attribution (``<cite>``) on lines of their own
        text = "\n".join(_flat_lines(element))
    elif tag == "code" and _is_code(element) and "\n" in (code := code_text(element)):
        text = code  # a block of code lines; code on one line reads (and is cleaned) as before
    else:
        text = without_permalink(_flat(element)) if tag == "head" else _flat(element)
    if not text or (tag != "code" and not any(ch.isalnum() for ch in text)):
        return None  # nothing to read: "--" (a clap count), "* * *", an arrow
    link_chars = sum(len(_flat(ref)) for ref in element.iter("ref") if _leads_away(ref.get("target"), page))
    density = min(1.0, link_chars / max(1, len(text.replace("\n", " "))))
    kind = {"head": "head", "list": "list", "quote": "quote", "table": "table"}.get(tag, "p")
    if tag == "code" and "\n" in text:
        kind = "code"
    return Block(kind=kind, text=text, link_density=density)


def _is_code(element: etree._Element) -> bool:
    """A ``<code>`` block of trafilatura's that holds code, not prose it tagged so.

    trafilatura also tags a quote with a ``lang`` attribute as code (an embedded post's
    ``<blockquote lang=en>``): its paragraphs and the page's indentation between them are no code.
    """
    return not any(isinstance(node.tag, str) and node.tag in _BLOCK_TAGS for node in element.iterdescendants())


def code_text(element: etree._Element) -> str:
    """A code block's text as the page shows it: its lines, their indentation (less what all share).

    A line break element (``<lb/>``) ends a line; blank lines at either end, white space at line
    ends and the indentation every line shares (the HTML's, not the code's) are dropped. Tabs
    and non-breaking spaces are kept as written.
    """
    pieces: list[str] = []
    for node in element.iter():
        if node is not element and node.tag == "lb":
            pieces.append("\n")
        elif isinstance(node.tag, str) and node.text:
            pieces.append(node.text)
        if node is not element and node.tail:
            pieces.append(node.tail)
    lines = [line.rstrip() for line in "".join(pieces).replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return textwrap.dedent("\n".join(lines))


def _leads_away(target: str | None, page: str) -> bool:
    """The link leads off the page: it has an address, and not one into the page itself.

    Not ``#part`` or the page's own address with a fragment (a permalink, a table of contents),
    and not an anchor without an address (``<a id="_msocom_1"></a>``, a word processor's comment
    mark): trafilatura moves the text after an empty element into it, so the paragraph that
    follows such an anchor would read as all link.
    """
    if not target:
        return False
    return not (target.startswith("#") or (bool(page) and "#" in target and target.split("#", 1)[0] == page))


def _flat(element: etree._Element, skip: str = "") -> str:
    """An element's text on one line; a line break (``<lb/>``) separates words.

    Elements tagged ``skip`` inside it are left out (their tails are not).
    """
    pieces: list[str] = []
    _collect(element, pieces, skip=skip)
    return " ".join("".join(pieces).split())


def _flat_lines(element: etree._Element) -> list[str]:
    """An element's text with one line per block it holds (and per loose text between them)."""
    pieces: list[str] = []
    _collect(element, pieces, block_break="\n")
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return [line for line in lines if line]


_BLOCK_TAGS = frozenset({"p", "head", "list", "item", "quote", "table", "row", "cell"})
# HTML cells trafilatura leaves loose (a spec table in a list item): "Equipment Costs", "$250" are two cells' words.
_CELL_TAGS = frozenset({"th", "td", "tr"})


def _list_lines(element: etree._Element) -> list[str]:
    """A list's items, a line each; a sub-list's items are lines of their own, where the sub-list stands
    ("What We Like", its items, "What We Don't Like", its items: not both labels on one line, then all items)."""
    lines: list[str] = []
    for item in element.iter("item"):
        if next((a.tag for a in item.iterancestors() if a is element or a.tag == "item"), None) == "item":
            continue  # an item of a sub-list: read with the item that holds it
        pieces: list[str] = []
        _collect(item, pieces, skip="list", lines=lines)
        lines.append(" ".join("".join(pieces).split()))
    return [line for line in lines if line]


def _collect(
    element: etree._Element, pieces: list[str], block_break: str = " ", skip: str = "", lines: list[str] | None = None
) -> None:
    """Text nodes in document order; a line break is a space, a block boundary ``block_break``. With ``lines``,
    a left-out ``skip`` element is a list: the text so far goes there as a line, then its items."""
    if element.tag == "lb":
        pieces.append(" ")
    elif element.text:
        pieces.append(element.text)
    for child in element:
        if child.tag == skip:
            pieces.append(block_break)  # what follows a left-out sub-list is not glued to what came before
            if lines is not None:
                lines.append(" ".join("".join(pieces).split()))
                pieces.clear()
                lines.extend(_list_lines(child))
        elif isinstance(child.tag, str):
            brk = block_break if child.tag in _BLOCK_TAGS else " " if child.tag in _CELL_TAGS else ""
            pieces.append(brk)
            _collect(child, pieces, block_break, skip, lines)
            pieces.append(brk)
        if child.tail:
            pieces.append(child.tail)


def blocks_to_text(blocks: list[Block]) -> str:
    """Blocks separated by one blank line; lines within a block (list items, code) by newlines."""
    return "\n\n".join(shown for b in blocks if (shown := _shown(b)))


def _shown(block: Block) -> str:
    """The block's text as the record shows it: trimmed, but a code block keeps its first line's indentation."""
    return block.text.strip("\n") if block.kind == "code" else block.text.strip()


def text_words(blocks: list[Block]) -> int:
    """``count_words(blocks_to_text(blocks))``, from each block's own count.

    The blocks are joined by white space, so no word spans two; and a block without CJK
    characters counts the same by ``str.split`` as by the CJK-aware expression.
    """
    return sum(b.words for b in blocks)


BODY_TYPES = {"head": "heading", "list": "list", "quote": "quote", "table": "table", "code": "code"}  # else: paragraph


def body_of(blocks: list[Block]) -> list[BodyBlock]:
    """The record's ``body``: exactly the blocks :func:`blocks_to_text` joins, typed for readers.

    Built from the same stripped texts and the same filter, so ``"\n\n".join`` of the body's
    texts is the record's ``text``, character for character.
    """
    return [BodyBlock(BODY_TYPES.get(b.kind, "paragraph"), shown) for b in blocks if (shown := _shown(b))]


def mean_link_density(blocks: list[Block]) -> float:
    """The share of all block text that sits inside links, weighted by block length."""
    total = sum(len(b.text) for b in blocks)
    return sum(b.link_density * len(b.text) for b in blocks) / total if total else 0.0


def only_links(tree: lxml_html.HtmlElement, text: str) -> bool:
    """The extracted text is made of the page's link texts: a link list, whatever its markup.

    Some CMSs mark every page ``og:type=article``, tag and archive pages included, and
    trafilatura's last resort glues such a page's text into one block. Measured on the text
    itself, word by word against the words of the page's link-sized anchors (each counted once,
    outermost only), so menus beside a real story do not count against it.
    """
    linked: Counter[str] = Counter()
    for anchor in tree.iter("a"):
        if any(parent.tag == "a" for parent in anchor.iterancestors()):
            continue  # counted with the outer anchor
        anchor_words = normalise(anchor.text_content()).split()
        if len(anchor_words) <= 50:  # an unclosed <a> that swallowed an article is no link to a reader
            linked.update(anchor_words)
    words = Counter(normalise(text).split())
    covered = sum(min(n, linked[w]) for w, n in words.items())
    return covered > 0.8 * words.total()


def flagged_runs(flags: list[bool]) -> Iterator[tuple[int, int]]:
    """Each maximal run of consecutive true ``flags``, as ``(start, end)`` (end excluded), in order."""
    start = 0
    while start < len(flags):
        if not flags[start]:
            start += 1
            continue
        end = start
        while end < len(flags) and flags[end]:
            end += 1
        yield start, end
        start = end


def short_text(element: etree._Element, max_chars: int) -> str | None:
    """The element's text pieces joined by spaces if they hold at most ``max_chars`` characters (white space
    aside), else None: read no further than that, as pages run to megabytes."""
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        size += len(piece.strip())
        if size > max_chars:
            return None
        parts.append(piece)
    return " ".join(parts)
