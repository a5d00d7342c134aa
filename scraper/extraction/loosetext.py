"""Text a page leaves loose between its blocks is given a paragraph of its own.

Hand-written and older pages (a researcher's page, a society's newsletter, a CMS's "source" field) put prose
straight into ``<body>`` or a ``<div>``, between headings, lists and pictures:
``<h2>Problem</h2> What shapes can result ...? <ol>...</ol> Are all shapes possible? <p>``. A browser shows each
run as a paragraph; trafilatura reads a container's own text and its children's tails only in some places, so
such a story lost its opening question and every sentence that stood outside a ``<p>``.

Each run of loose text (with the inline elements in it: links, emphasis, ``<br>``) between two block
children of a container is wrapped in a ``<p>``, once the run reads as prose (``MIN_WORDS``), so that
trafilatura judges it as it judges the page's other paragraphs: a separator ("|"), a bare label or a link
on its own stays as it was. Containers with no block child are left alone: a ``<div>`` that is one paragraph
written with ``<br>`` lines is already read whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import html as lxml_html

from scraper.extraction.hidden import marked_hidden

# Children that break a run of loose text: what a browser lays out as a block of its own.
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "figure", "ul", "ol", "dl",
        "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "form", "hr", "center", "address",
        "fieldset", "details", "menu", "iframe", "noscript", "script", "style", "template", "video", "audio",
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


@dataclass(slots=True)
class _Run:
    """Loose text after ``anchor`` (the container's own text when None) and the inline elements with it."""

    anchor: lxml_html.HtmlElement | None
    elements: list[lxml_html.HtmlElement] = field(default_factory=list)

    def words(self, container: lxml_html.HtmlElement) -> int:
        """The words loose in the run, not those inside its elements: a date line's ``<font>`` or a link is not
        loose text, and wrapped on its own it made a paragraph of what trafilatura passed over."""
        text = container.text if self.anchor is None else self.anchor.tail
        return len((text or "").split()) + sum(len((element.tail or "").split()) for element in self.elements)


def wrap_loose_text(tree: lxml_html.HtmlElement) -> int:
    """Wrap each run of loose prose between the blocks of a container in a ``<p>``; the number wrapped."""
    wrapped = 0
    for container in list(tree.iter(*_CONTAINERS)):
        runs = _runs(container)
        if len(runs) < 2:
            continue  # no block child: one paragraph already, read whole
        words = [run.words(container) for run in runs]
        has_paragraph = any(child.tag == "p" and _words(child) >= MIN_WORDS for child in container)
        if not has_paragraph and sum(count >= PROSE_RUN_WORDS for count in words) < _PROSE_RUNS:
            continue  # a widget's, a banner's or a menu's text, not a story's
        for run, count in zip(runs, words, strict=True):
            if count >= MIN_WORDS and _wrap(container, run):
                wrapped += 1
    return wrapped


def _runs(container: lxml_html.HtmlElement) -> list[_Run]:
    """The runs of loose text between the container's blocks: one more than the blocks."""
    runs = [_Run(None)]
    for child in container:
        if _is_block(child):
            runs.append(_Run(child))
        else:
            runs[-1].elements.append(child)
    return runs


def _words(element: lxml_html.HtmlElement) -> int:
    return len(element.text_content().split())


def _is_block(element: lxml_html.HtmlElement) -> bool:
    """Whether ``element`` breaks a run: a block, or an inline element with a block inside (a link around a card)."""
    tag = element.tag
    if not isinstance(tag, str):
        return False  # a comment or processing instruction goes with the run it stands in
    if marked_hidden(element):
        return True  # not shown (a widget's data, a toast): never the start of a paragraph
    return tag in _BLOCKS or any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in element.iterdescendants())


def _wrap(container: lxml_html.HtmlElement, run: _Run) -> bool:
    """Wrap the run's text and inline elements in a ``<p>`` after its anchor; False for data (JSON) a script reads."""
    text = container.text if run.anchor is None else run.anchor.tail
    if (text or "").lstrip().startswith(("{", "[")):
        return False
    paragraph = container.makeelement("p", {})
    paragraph.text = text
    if run.anchor is None:
        container.text = None
        container.insert(0, paragraph)
    else:
        run.anchor.tail = None
        run.anchor.addnext(paragraph)
    for element in run.elements:
        paragraph.append(element)  # its tail goes with it
    return True
