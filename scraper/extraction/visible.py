"""What a reader sees: headings, bylines, ``<time>``, captions, teaser cards, the standfirst.

These signals need a walk over the whole body (about 5 ms a page), so they are read only in the
extraction worker, added to the head signals of ``signals.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.authorlinks import author_link_names
from scraper.extraction.collector import collector_paused
from scraper.extraction.declared import split_url
from scraper.extraction.namesearch import values_holding
from scraper.extraction.signals import Heading, PageSignals, element_text, ld_text, microdata_name, read_head_signals
from scraper.extraction.signoff import signoff_candidates
from scraper.extraction.writtenby import written_by
from scraper.text import normalise, phrases


def read_signals(tree: lxml_html.HtmlElement) -> PageSignals:
    """Everything the page says about itself: head signals plus what a reader sees."""
    signals = read_head_signals(tree)
    _read_visible(tree, signals)
    signals.author_links = author_link_names(tree)
    signals.written_by = written_by(tree)
    signals.signoffs = signoff_candidates(tree)
    ld_description = ld_text((signals.article_ld or {}).get("description"))
    descriptions = [*signals.all_meta("og:description", "description", "twitter:description"), ld_description]
    signals.lead = visible_lead(tree, [d for d in descriptions if d])
    return signals


# Class words of byline and caption containers, matched in one walk over the tree (two XPath ``contains(@class, …)``
# scans cost about 5 ms a page): a class *contains* one, as XPath's ``contains`` would; the byline's ``author`` must
# be a whole class token (XML white space around it). One regex each: a search in C, not a Python test per word.
_BYLINE_CLASS = re.compile(
    r"byline|author-name|article-author|author__name|authors|(?<![^ \t\r\n])author(?![^ \t\r\n])"
    r"|(?<![\w-])(?:autor|autora|autores|auteur|auteurs|autore|autori|post-author)(?![a-z])|created-?by"
    # + Blogger's and WordPress themes' post author, Joomla's "createdby"
)
_CAPTION_CLASS = re.compile(r"caption|Caption|credit|copyright|bildunterschrift|legende|didascalia|leyenda|legenda")
_BYLINE, _CAPTION = 1, 2


@lru_cache(maxsize=4096)
def _class_marks(value: str) -> int:
    """Byline and caption flags for a class attribute; memoised, as templates repeat their classes."""
    byline = _BYLINE if _BYLINE_CLASS.search(value) is not None else 0
    return byline | (_CAPTION if _CAPTION_CLASS.search(value) is not None else 0)


def document_elements(tree: lxml_html.HtmlElement) -> Iterator[lxml_html.HtmlElement]:
    """Every element of the document, in order, as XPath's ``//*`` sees them.

    libxml2 leaves markup after a second ``<html>`` as a sibling of the root element, so a walk
    from the root alone misses it.
    """
    root = tree.getroottree().getroot()
    for top in (*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()):
        yield from top.iter(etree.Element)


# What can mark an element as either, every element of the document as ``document_elements``
# walks them: its class, rel and itemprop values (each with its element) and <figcaption>s.
_MAY_MARK = etree.XPath(  # ``//@class | //@rel | //@itemprop | //figcaption`` (see basicclean.NAMES)
    "/descendant::*/@class | /descendant::*/@rel | /descendant::*/@itemprop | /descendant::figcaption"
)
# A word in every value that can mark anything (both class regexes are case-sensitive, as is
# ``str.find``; a rel or itemprop marks when it is "author"; a <figcaption> stands as "caption").
_MARK_WORDS = ("author", "byline", "autor", "auteur", "created", "caption", "Caption", "credit", "copyright",
               "bildunterschrift", "legende", "didascalia", "leyenda", "legenda")  # fmt: skip


def _marked_elements(
    tree: lxml_html.HtmlElement, bylines: int = 20, captions: int = 200
) -> tuple[list[lxml_html.HtmlElement], list[lxml_html.HtmlElement]]:
    """The first byline-like and caption-like elements, in document order.

    Only the values holding one of ``_MARK_WORDS`` (:func:`~scraper.extraction.namesearch.values_holding`,
    case-sensitive as the class regexes are) are looked at one by one: judging each of ~700
    elements in Python cost more.
    """
    with collector_paused():  # while the page's class, rel and itemprop values are held as smart strings
        return _marked(tree, bylines, captions)


def _marked(
    tree: lxml_html.HtmlElement, bylines: int, captions: int
) -> tuple[list[lxml_html.HtmlElement], list[lxml_html.HtmlElement]]:
    found: tuple[list[lxml_html.HtmlElement], list[lxml_html.HtmlElement]] = ([], [])
    byline_elements, caption_elements = found
    items = _MAY_MARK(tree)
    values = [item if isinstance(item, str) else "caption" for item in items]
    last = None
    for index in values_holding(values, _MARK_WORDS):
        item = items[index]
        element = item.getparent() if isinstance(item, etree._ElementUnicodeResult) else item  # a <figcaption>
        if element is None or element is last:
            continue
        last = element
        value = element.get("class")
        marks = _class_marks(value) if value else 0
        if element.get("rel") == "author" or element.get("itemprop") == "author":
            marks |= _BYLINE
        if marks & _BYLINE and len(byline_elements) < bylines:
            byline_elements.append(element)
        if (marks & _CAPTION or element.tag == "figcaption") and len(caption_elements) < captions:
            caption_elements.append(element)
    return found


def _read_visible(tree: lxml_html.HtmlElement, signals: PageSignals) -> None:
    headings: list[lxml_html.HtmlElement] = []  # h1, h2 and h3, in document order
    labels = frozenset(phrases()["author_label"])
    writers: list[str] = []
    # One walk for headings, <time>, <img> and "label: value" fields: a walk over the tree costs
    # about 0.2 ms whatever it selects, and each of these used to take its own.
    for element in tree.iter("h1", "h2", "h3", "time", "img", *_LABEL_TAGS):
        if element.tag in ("h1", "h2", "h3"):
            headings.append(element)
        elif element.tag == "time":
            if value := (element.get("datetime") or "").strip():
                signals.time_datetimes.append(value)
        elif element.tag == "img":
            if len(signals.images) <= 300:
                src = element.get("src") or element.get("data-src") or ""
                alt = " ".join((element.get("alt") or "").split()) or None
                if src or alt:
                    signals.images.append((src, alt))
        elif len(writers) < 2 and (writer := _labelled_writer(element, labels)):
            writers.append(writer)
    h1s = [h for h in headings if h.tag == "h1"]
    signals.h1 = [t for t in (lines_text(h, " ") for h in h1s) if 0 < len(t) < 400]
    signals.h1_in_nav = bool(h1s) and _in_navigation(h1s[0])
    signals.headings = _headings([h for h in headings if h.tag != "h3"])
    signals.h3 = [h.text for h in _headings([h for h in headings if h.tag == "h3"], 6)]
    signals.bylines.extend(writers)
    byline_elements, caption_elements = _marked_elements(tree)
    for element in byline_elements:
        if element.tag in ("script", "style", "meta", "link"):
            continue
        if element.get("itemprop") == "author" and (name := microdata_name(element)) is not None:
            element = name  # microdata's Person: its name, not the post printed beside it in a <span>
        text = lines_text(element)
        if 0 < len(text) < 200:
            signals.bylines.append(text)
    for element in caption_elements:
        if element.tag in ("script", "style", "body", "html"):
            continue
        text = element_text(element)
        if 0 < len(text) < 1000:
            signals.captions.append(text)
    signals.teasers = _teaser_texts(tree, signals.all_meta("og:description", "description"), signals.canonical)


# Where a byline's text breaks: its lines and blocks hold a field each (a name, a post, a date).
_BREAKS = frozenset(
    {"br", "hr", "p", "div", "section", "blockquote", "ul", "ol", "li", "dl", "dd", "dt", "table", "tr", "td", "th",
     "h1", "h2", "h3", "h4", "h5", "h6"}
)  # fmt: skip


def lines_text(element: lxml_html.HtmlElement, glue: str = "; ") -> str:
    """An element's text, whitespace collapsed, with ``glue`` where a line or block ends right against the next.

    A byline in blocks or lines of its own (``<h2>Matt Check</h2><div>Head Winemaker</div>``, "… and
    science<br>Joanna Nelius") may have no space between them in the source: read as one run,
    "science" and "Joanna" became one word of a name. Where the source has a space, the text reads
    as before (a profile card of several blocks stays one run, too long to be taken for a name).
    A heading's lines (``<h1>Best Notion Alternatives<br>Top Note-taking Tools</h1>``) are kept
    apart by a space (``glue=" "``). Scripts and controls (a menu button in an ``<h1>``) are not read.
    """
    parts: list[str] = []
    hidden = 0  # inside a script, a style or a control (a menu button's "Open Menu Close Menu")
    for event, node in etree.iterwalk(element, events=("start", "end")):
        named = isinstance(node.tag, str)
        unread = named and node.tag in _UNREAD
        if named and node.tag in _BREAKS and node is not element:
            parts.append("\x00")
        if event == "start":
            hidden += unread
            if named and not hidden:
                parts.append(node.text or "")
        else:
            hidden -= unread
            if node is not element and not hidden:
                parts.append(node.tail or "")
    text = _GLUED.sub(glue, "".join(parts)).replace("\x00", " ")
    return " ".join(text.split())


_UNREAD = frozenset({"script", "style", "template", "button", "select"})
_GLUED = re.compile(r"(?<=\S)\x00+(?=\S)")  # a break with no space at it: the words would run together


_NAVIGATION_TAGS = frozenset({"nav", "li"})


# Where a heading is a link to another page, a menu entry or a footer/sidebar title.
_NOT_HEADLINE_TAGS = _NAVIGATION_TAGS | {"a", "aside", "footer"}


def _in_navigation(element: lxml_html.HtmlElement) -> bool:
    """Inside a ``<nav>``, a list item or a breadcrumb trail.

    Many CMSs print the SEO title as the last crumb of the breadcrumb, marked up as ``<h1>``,
    and show the article's display headline in a heading of its own.
    """
    return any(a.tag in _NAVIGATION_TAGS or _is_breadcrumb(a) for a in element.iterancestors())


def _is_breadcrumb(element: lxml_html.HtmlElement) -> bool:
    marks = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return "breadcrumb" in marks


# Elements that have no place inside a headline: an ``<h1>`` holding them was left open.
_NON_HEADLINE_CHILDREN = frozenset({"time", "address", "p", "div", "ul", "ol", "table", "figure", "img"})


def _holds_non_headline(heading: lxml_html.HtmlElement) -> bool:
    """The heading took in a date, a paragraph or a byline that follows it in the source."""
    for child in heading.iterdescendants():
        marks = f"{child.get('class') or ''} {child.get('rel') or ''}".lower()
        if child.tag in _NON_HEADLINE_CHILDREN or "byline" in marks or "author" in marks:
            return True
    return False


def _headings(elements: list[lxml_html.HtmlElement], limit: int = 12) -> list[Heading]:
    """The first ``<h1>``/``<h2>`` headings (of ``elements``) outside navigation, links, asides and footers."""
    found: list[Heading] = []
    for element in elements:
        if any(a.tag in _NOT_HEADLINE_TAGS or _is_breadcrumb(a) for a in element.iterancestors()):
            continue
        text = lines_text(element, " ")
        if not 0 < len(text) < 400:
            continue
        parts = tuple(p for p in (element_text(c) for c in element if isinstance(c.tag, str)) if p)
        lead = " ".join((element.text or "").split()) if _holds_non_headline(element) else ""
        found.append(Heading(tag=str(element.tag), text=text, parts=parts if len(parts) > 1 else (), lead=lead))
        if len(found) >= limit:
            break
    return found


_LABEL_TAGS = ("strong", "b", "dt", "th")


def _labelled_writer(label: lxml_html.HtmlElement, labels: frozenset[str]) -> str | None:
    """The name given in a "label: value" field whose label is an ``author_label`` phrase.

    Fact boxes print ``<li><strong>Author</strong> Jane Doe</li>`` or ``<dt>Text</dt><dd>…</dd>``
    without any byline class; the label, in the page's language, is what marks the value.
    """
    if normalise(element_text(label)) not in labels:
        return None
    value = _labelled_value(label)
    return value if value and 0 < len(value) < 120 else None


def _labelled_value(label: lxml_html.HtmlElement) -> str | None:
    """The value beside a label: the next ``<dd>``/``<td>``, or the rest of the label's parent."""
    if label.tag in ("dt", "th"):
        sibling = label.getnext()
        return element_text(sibling) if sibling is not None and sibling.tag in ("dd", "td") else None
    parent = label.getparent()
    if parent is None or (parent.text or "").strip() or parent.index(label) != 0:
        return None  # the label must open its field
    rest = lines_text(parent)[len(lines_text(label)) :]
    return rest.strip(" :;") or None


# A standfirst inside these is a teaser, a menu, a caption or a button, not the article's lead.
_NOT_LEAD_ANCESTORS = frozenset({"a", "nav", "footer", "aside", "figure", "figcaption", "button", "head",
                                 "noscript", "script", "template"})  # fmt: skip


def visible_lead(tree: lxml_html.HtmlElement, descriptions: list[str]) -> str | None:
    """The standfirst: a visible element whose whole text is the page's meta description.

    Publishers print the summary they give search engines and social cards between headline
    and body; it is the first paragraph of the article, yet sits outside the node trafilatura
    takes for the main text. An element whose text is exactly a description (meta, OpenGraph or
    JSON-LD) is that summary shown to the reader; one inside a link, menu, figure or aside is not.
    """
    wanted: dict[str, str] = {}  # normalised description -> its first three words, in the order given
    for description in descriptions:
        words = description.split()
        if len(words) >= 8:
            wanted.setdefault(normalise(description), " ".join(words[:3]))
    if not wanted:
        return None
    # One scan of the text for every description's opening (each used to scan the page alone).
    openings = list(dict.fromkeys(wanted.values()))
    nodes = _text_containing(len(openings))(tree, **{f"p{i}": p for i, p in enumerate(openings)})
    for description, opening in wanted.items():
        for node in [n for n in nodes if opening in n][:5]:
            lead = _lead_element_text(node, description)
            if lead:
                return lead
    return None


@lru_cache(maxsize=8)
def _text_containing(count: int) -> etree.XPath:
    """The body's text nodes that contain any of ``count`` strings (variables ``$p0``, ``$p1``, …)."""
    tests = " or ".join(f"contains(., $p{i})" for i in range(count))
    return etree.XPath(f"/descendant::body/descendant::text()[{tests}]")  # ``//body//text()``: see basicclean.NAMES


def _lead_element_text(node: Any, wanted: str) -> str | None:
    """Climb from a text node to the element whose text is ``wanted``; None if there is none."""
    element = node.getparent()
    if element is not None and node.is_tail:
        element = element.getparent()
    for _ in range(4):
        if element is None:
            return None
        text = element_text(element)
        if len(text) > 2 * len(wanted) + 20:
            return None  # far longer than the description: cheap to tell before normalising
        normalised = normalise(text)
        if normalised == wanted:
            blocked = any(a.tag in _NOT_LEAD_ANCESTORS for a in element.iterancestors())
            return None if blocked or element.tag in _NOT_LEAD_ANCESTORS else text
        if len(normalised) > len(wanted):
            return None
        element = element.getparent()
    return None


# Links holding a paragraph or heading (``//a[.//p or .//h2 …]`` tested six paths under every link).
_TEASER_XPATH = "(//p|//h2|//h3|//h4|//h5|//h6)/ancestor::a"
_TEASER_PARTS = ("p", "h2", "h3", "h4", "h5", "h6")


def teaser_links(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """What :data:`_TEASER_XPATH` selects: every link around a paragraph or heading, in document order.

    One walk in C (lxml's ``iter`` over the six tags; the XPath's union walked the page six
    times, 0.4 ms) and each part's links above it. A link is first met at the first part inside
    it, its outer links just before it: document order.
    """
    root = tree.getroottree().getroot()
    links: dict[lxml_html.HtmlElement, None] = {}
    for top in (*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()):
        for part in top.iter(*_TEASER_PARTS):
            above = list(part.iterancestors("a"))
            if above:
                links.update(dict.fromkeys(reversed(above)))
    return list(links)


_IDS = etree.XPath("//@id | //a/@name", smart_strings=False)  # the places a fragment can name


def _same_path(address: str, canonical: str | None) -> bool:
    """``address`` (a link's, before its fragment) names the page's canonical address (its path, at least)."""
    if not canonical:
        return False
    try:
        return split_url(address).path.rstrip("/") == split_url(canonical).path.rstrip("/")
    except ValueError:  # a port that is no number
        return False


def _teaser_texts(
    tree: lxml_html.HtmlElement, descriptions: list[str], canonical: str | None = None, limit: int = 150
) -> list[str]:
    """Headings and paragraphs wrapped in a link: teaser cards for other articles.

    Article text never nests a paragraph inside a link, so when trafilatura takes a card's
    paragraph for body text it can be recognised here. A card repeating the page's own
    description links to the article itself and is left out, and so is a link to a place in
    this page (``<a href="#what-is-a-hub"><h2>What is a hub?</h2></a>``: a heading's permalink; the
    page's own address, or the link itself, before the fragment).
    """
    own = {" ".join(d.split()) for d in descriptions}
    texts: list[str] = []
    anchors: set[str] | None = None  # the page's element ids, read when a link has a fragment
    for link in teaser_links(tree)[:limit]:
        address, _, fragment = (link.get("href") or "").partition("#")
        if fragment and (not address or link.get("id") == fragment or _same_path(address, canonical)):
            if anchors is None:
                anchors = set(_IDS(tree))
            if fragment in anchors:  # a heading's permalink or a contents entry: a place in this page
                continue
        for part in link.iter(*_TEASER_PARTS):
            text = element_text(part)
            if text and text not in own:
                texts.append(text)
    return texts
