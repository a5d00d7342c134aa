"""Text a page leaves loose between its blocks is given a paragraph of its own.

Hand-written and older pages (a researcher's page, a society's newsletter, a CMS's "source" field) put prose
straight into ``<body>`` or a ``<div>``, between headings, lists and pictures:
``<h2>Problem</h2> What shapes can result ...? <ol>...</ol> Are all shapes possible? <p>``. A browser shows each
run as a paragraph; trafilatura reads a container's own text and its children's tails only in some places, so
such a story lost its opening question and every sentence that stood outside a ``<p>``.

Each run of loose text (with the inline elements in it: links, emphasis, ``<br>``, an icon) between two block
children of a container is wrapped in a ``<p>``, once the run's own words read as prose (``MIN_WORDS``), so
that trafilatura judges it as it judges the page's other paragraphs: a separator ("|"), a bare label, a date
line's element or a link on its own stays as it was. In a container with paragraphs of its own, only a run
among them is (:func:`_in_the_text`): a cookie notice atop ``<body>``, or the lines after a rule (``<hr>``:
"Last updated", a visitor counter, the copyright) are the page's, not the story's (review 46). Containers
with no block child are left alone: a ``<div>`` that is one paragraph written with ``<br>`` lines is already
read whole; but not among paragraphs, where trafilatura reads only the paragraphs: a ``<div>`` of sentences
with two paragraphs beside it is one of them (:func:`_box_of_prose`; a guide's boxed "Updates:" notes). So is
the text of a container the page hides, a script's data (JSON) left in the markup, and a byline's lines, which
the header reader reads where they are.

A page with no container at all (a print version: the story's paragraphs are ``<body>``'s own children) gets a
``<main>`` around them (:func:`wrap_bare_body`): trafilatura's recovery of a page without one keeps paragraphs, not
lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.bylinewords import BY_PREFIX
from scraper.extraction.hidden import marked_hidden
from scraper.text import count_words

# Children that break a run of loose text: what a browser lays out as a block of its own (a stray list item,
# a table's row or cell and a definition list's parts too: the parser leaves them where the page put them).
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "figure", "ul", "ol", "dl",
        "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "form", "hr", "center", "address",
        "fieldset", "details", "menu", "iframe", "noscript", "script", "style", "template", "video", "audio",
        "li", "dt", "dd", "tr", "td", "th", "caption", "summary", "figcaption", "legend",
    }
)  # fmt: skip
# Containers whose loose text is wrapped: not a paragraph, heading or list item, which hold their text as theirs.
_CONTAINERS = ("body", "div", "section", "article", "main", "td", "center", "blockquote")
# A run of fewer words is a separator, a label or a lone link, not a paragraph.
MIN_WORDS = 5
# A container with no paragraph of its own is a story's when at least two of its runs are this long: a story
# written with ``<br>``s between its sub-headings. One such run is a banner's or a widget's text (a cookie notice).
PROSE_RUN_WORDS = 20
_PROSE_RUNS = 2
_TEXT_BLOCKS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote", "pre", "table"})
_BYLINE_WORDS = 12  # a byline's lines: name, title, date
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]?(?:\s|$)")
_MAX_LINKED = 0.2  # share of a box's text in links: more is a link list's, not a paragraph's
# Data a script reads, left in the markup as text: an object, or a list of objects, strings or lists.
_DATA = re.compile(r"\s*(?:\{\s*[\"'}]|\[\s*[\[{\"'\]])")


@dataclass(slots=True)
class _Run:
    """The loose text after ``anchor`` (the container's own text when None) and the inline elements with it."""

    anchor: lxml_html.HtmlElement | None
    text: str | None
    elements: list[lxml_html.HtmlElement] = field(default_factory=list)

    def words(self) -> int:
        """The words loose in the run, not those inside its elements: a date line's ``<font>`` or a link is not
        loose text, and wrapped on its own it made a paragraph of what trafilatura passed over."""
        return count_words(" ".join([self.text or "", *(element.tail or "" for element in self.elements)]))


def wrap_loose_text(tree: lxml_html.HtmlElement) -> int:
    """Wrap each run of loose prose between the blocks of a container in a ``<p>``; the number wrapped."""
    wrapped = 0
    hidden: dict[lxml_html.HtmlElement, bool] = {}  # an element's, or an ancestor's, hidden marking: read once each
    counted: dict[lxml_html.HtmlElement, int] = {}  # a parent's paragraphs, counted once however many boxes it holds
    for container in list(tree.iter(*_CONTAINERS)):
        runs = _runs(container)
        if len(runs) < 2:  # no block child: one paragraph already, read whole unless it stands among paragraphs
            if _box_of_prose(container, runs[0], counted) and not _in_hidden(container, hidden):
                _wrap(container, runs[0])
                wrapped += 1
            continue
        words = [run.words() for run in runs]
        if max(words) < MIN_WORDS:
            continue
        has_paragraph = any(child.tag == "p" and _holds_words(child, MIN_WORDS) for child in container)
        if not has_paragraph and sum(count >= PROSE_RUN_WORDS for count in words) < _PROSE_RUNS:
            continue  # a widget's, a banner's or a menu's text, not a story's
        if _in_hidden(container, hidden):
            continue  # not shown: a closed dialog's or a template's text
        last_paragraph = max(
            (i for i, run in enumerate(runs) if run.anchor is not None and run.anchor.tag == "p"), default=0
        )
        for index, run in enumerate(runs):
            inside = not has_paragraph or _in_the_text(runs, index, last_paragraph)
            if words[index] >= MIN_WORDS and inside and _reads_as_text(run, words[index]):
                _wrap(container, run)
                wrapped += 1
    return wrapped


def _box_of_prose(container: lxml_html.HtmlElement, run: _Run, counted: dict[lxml_html.HtmlElement, int]) -> bool:
    """A ``<div>`` with no block inside, beside ``_PROSE_RUNS`` paragraphs of its parent's, whose text is sentences
    (``PROSE_RUN_WORDS`` and more, ``_PROSE_RUNS`` sentence ends, few of its words linked): trafilatura, reading the
    parent's paragraphs, passed over it."""
    parent = container.getparent()
    if container.tag != "div" or parent is None:
        return False
    if parent not in counted:  # first: most such divs (a menu's, a card's) stand among no paragraphs
        counted[parent] = sum(1 for child in parent if child.tag == "p" and _holds_words(child, MIN_WORDS))
    if counted[parent] < _PROSE_RUNS:
        return False
    text = container.text_content()
    words = count_words(text)
    if words < PROSE_RUN_WORDS or len(_SENTENCE_END.findall(text)) < _PROSE_RUNS:
        return False
    if sum(len(link.text_content()) for link in container.iter("a")) > _MAX_LINKED * len(text):
        return False
    return _reads_as_text(run, words)


def _in_the_text(runs: list[_Run], index: int, last_paragraph: int) -> bool:
    """Whether a run stands among a container's paragraphs (``last_paragraph``: the index of the last run that
    follows a ``<p>``): before its first block only when that is a ``<p>`` (the story's opening sentence, then its
    paragraphs; not a cookie notice above the header); after a rule (``<hr>``) only when a paragraph follows (a
    story's part after a break; not "Last updated", a visitor counter or the copyright under the page's rule);
    after the container's last block only when that is a paragraph, a sub-heading, a list, a quote, code or a table."""
    anchor = runs[index].anchor
    if anchor is None:
        return runs[1].anchor is not None and runs[1].anchor.tag == "p"
    if anchor.tag == "hr":
        return index < last_paragraph
    return index < len(runs) - 1 or anchor.tag in _TEXT_BLOCKS


def _in_hidden(element: lxml_html.HtmlElement, known: dict[lxml_html.HtmlElement, bool]) -> bool:
    """Whether the element or an ancestor is marked hidden, each element read once (``known``) on a deep page."""
    path: list[lxml_html.HtmlElement] = []
    node: lxml_html.HtmlElement | None = element
    while node is not None and node not in known:
        path.append(node)
        node = node.getparent()
    hidden = known[node] if node is not None else False
    for above in reversed(path):
        hidden = hidden or marked_hidden(above)
        known[above] = hidden
    return hidden


def _reads_as_text(run: _Run, words: int) -> bool:
    """Not a script's data (JSON) nor a byline's lines ("By DALE HENNINGS<br>Staff Writer<br>March 3"), which the
    header reader takes from the page as it is; a short sentence that opens so ("By Tuesday the wall had fallen
    into the sea.", "De nombreux habitants …") is written on one line."""
    text = run.text or ""
    if _DATA.match(text):
        return False
    lines = any(element.tag == "br" for element in run.elements)
    return not (lines and words <= _BYLINE_WORDS and BY_PREFIX.match(text.strip()))


def _runs(container: lxml_html.HtmlElement) -> list[_Run]:
    """The runs of loose text between the container's blocks: one more than the blocks."""
    runs = [_Run(None, container.text)]
    for child in container:
        if _is_block(child):
            runs.append(_Run(child, child.tail))
        else:
            runs[-1].elements.append(child)
    return runs


def _holds_words(element: lxml_html.HtmlElement, wanted: int) -> bool:
    """Whether the element's text has ``wanted`` words: read only as far as needed (a ``<p>`` the parser left
    open around the rest of a page holds all of it)."""
    words = 0
    for piece in element.itertext():
        words += count_words(piece)
        if words >= wanted:
            return True
    return False


def _is_block(element: lxml_html.HtmlElement) -> bool:
    """Whether ``element`` breaks a run: a block, an inline element with a block inside (a link around a card), or
    a hidden element with text (a widget's data, a toast). An icon marked hidden for screen readers, or an empty
    hidden ``<span>``, stays in the sentence it stands in."""
    tag = element.tag
    if not isinstance(tag, str):
        return False  # a comment or processing instruction goes with the run it stands in
    if tag in _BLOCKS or any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in element.iterdescendants()):
        return True
    return marked_hidden(element) and _holds_words(element, 1)


def _wrap(container: lxml_html.HtmlElement, run: _Run) -> None:
    """Wrap the run's text and inline elements in a ``<p>`` after its anchor."""
    paragraph = container.makeelement("p", {})
    paragraph.text = run.text
    if run.anchor is None:
        container.text = None
        container.insert(0, paragraph)
    else:
        run.anchor.tail = None
        run.anchor.addnext(paragraph)
    for element in run.elements:
        paragraph.append(element)  # its tail goes with it


# A page whose story stands straight in ``<body>``: this many paragraphs of ``_BARE_PROSE_WORDS`` and more are its
# children, and no ``<article>`` or ``<main>`` is anywhere.
_BARE_PARAGRAPHS = 2
_BARE_PROSE_WORDS = 10
_MENU_ITEM_WORDS = 3


def wrap_bare_body(tree: lxml_html.HtmlElement) -> bool:
    """Put a ``<main>`` around the story in a ``<body>`` that holds its paragraphs itself; whether it did.

    A print version or a hand-written page has no container: trafilatura finds none of its own candidates there and
    recovers the page's loose paragraphs, tables and quotes in its default mode, not its lists (a print page's "Exempt
    are:" lost the list under it). Inside a ``<main>``, the page is read as any story's container is. The ``<main>``
    holds all of the body but the page's chrome at its edges (:func:`_page_chrome`): from after the last menu above
    the first paragraph to before the first menu or tag list under the last one (code review 47: a plain menu's
    list had become the story's first lines; cut at the paragraphs themselves, a story lost its closing table,
    quote and short lines). Run after :func:`wrap_loose_text`, so that a story's loose runs count as paragraphs.
    """
    body = tree if tree.tag == "body" else tree.find("body")
    if body is None:
        return False
    children = list(body)
    prose = [i for i, child in enumerate(children) if child.tag == "p" and _holds_words(child, _BARE_PROSE_WORDS)]
    if len(prose) < _BARE_PARAGRAPHS:
        return False  # most pages: their body's children are containers; no walk of the whole tree for them
    if tree.find(".//article") is not None or tree.find(".//main") is not None or _ROLE_MAIN(tree):
        return False
    start = 1 + max((i for i in range(prose[0]) if _page_chrome(children[i])), default=-1)
    end = next((i for i in range(prose[-1] + 1, len(children)) if _page_chrome(children[i])), len(children))
    main = body.makeelement("main", {})
    children[start].addprevious(main)
    main.extend(children[start:end])  # each with its tail
    return True


def _page_chrome(element: lxml_html.HtmlElement) -> bool:
    """A menu or a tag list at the page's edge: a ``<nav>``, ``<header>``, ``<footer>`` or ``<form>``, or a list
    whose every item is a word or three ("Home", "Contact us", "Tags: budget")."""
    if element.tag in ("nav", "header", "footer", "form"):
        return True
    if element.tag not in ("ul", "ol", "dl"):
        return False
    items = [child for child in element if child.tag in ("li", "dt", "dd")]
    return bool(items) and all(count_words(item.text_content()) <= _MENU_ITEM_WORDS for item in items)


_ROLE_MAIN = etree.XPath("//*[@role='main']")
