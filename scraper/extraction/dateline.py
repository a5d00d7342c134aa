"""The dateline: the dates a page prints beside its headline, where a reader looks for them.

Markup dates are often not the date a page shows: an SEO plugin keeps the post's first draft
as ``datePublished`` while the page prints "Updated March 4, 2025", a template fills in January
1st, a feed importer stamps the import time. The line under (or just above) the headline is
what the publisher presents as the article's date, so ``pubdate.pick_published`` checks the
markup against it. Only that short stretch of text is read: a date deeper in the page may be a
teaser's, a comment's, an event's or the copyright line's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import html as lxml_html

from scraper.extraction.bylinetext import header_byline, opens_byline
from scraper.extraction.datescan import CLOCK, Scanner, scanner
from scraper.extraction.datescan import Shown as Shown  # article.py and callers import it from here
from scraper.extraction.headline import headline
from scraper.urls import host_of

# Text inside these is not shown, or is not the article's header (a link's text may be a
# teaser's date, but a dateline is often a link to the day's archive, so links are read).
_UNSEEN = frozenset({"script", "style", "noscript", "template", "svg", "button", "select", "option"})
# Pictures and their captions: a caption's date is the photo's ("Kyiv, 24 April 2023").
_PICTURE_TAGS = frozenset({"figure", "figcaption", "picture"})
_PICTURE_CLASS = re.compile(r"caption|credit|figure|gallery|photo|\bpic", re.IGNORECASE)
# Menus and the site's masthead, which may print today's date beside the headline's container.
_NAVIGATION = frozenset({"nav", "header", "menu"})
_AFTER_CHARS = 400  # header text read after the headline: bylines, dates, reading time
_BEFORE_CHARS = 120  # and before it: a kicker or a date printed above the headline
_PARAGRAPH_CHARS = 160  # a text this long is body prose: the header ended before it
# A header date stands alone in its text run: "By Ann Lee, March 4, 2025", "Published 4 Mar 2025
# 10:02 GMT". One inside a sentence ("Five years since the storm of 11 March 2020", "first proposed
# on January 6, 2021, passed 7-2") is a date the story is about, not the story's own.
_RUN_OTHER_CHARS = 25
_BYLINE_LOWER_WORDS = 2  # lower-case words a byline may hold beside names and labels ("and", "von")
_LETTERS = re.compile(r"[^\W\d_]{3,}")
# Unless the page marks it as a date: a <time>, or an element whose class names its role.
_DATE_CLASS = re.compile(r"date|time(?!line)|byline|meta|posted|publish|stamp", re.IGNORECASE)
_CLASS_LEVELS = 2  # ancestors above the text's block whose class is read ("entry-meta" > p > span)
# Inline elements: their text is part of the run of the block that holds them.
_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "cite", "em", "font", "i", "label", "mark", "q", "s", "small", "span", "strong",
     "sub", "sup", "time", "u"}
)  # fmt: skip
# What is left of a run beside its date that says nothing: times of day, zones, weekdays' digits.
_NOT_WORDS = re.compile(r"[\W_]+")
_SEPARATOR = re.compile(r"\s[|•·]\s|\s[|•·]$|^[|•·]\s")  # "Dec 26, 2025 • Mahua Das in Project Management"
# A subheading with words beside its date is a title: "Timeline: what happened since October 7, 2023".
_SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_SUBHEADING_OTHER_CHARS = 10
_CONTAINERS = frozenset({"article", "main", "body", "section"})  # their class names the page, not the date


@dataclass(slots=True, frozen=True)
class _Piece:
    """One visible text and the element whose content it is (a tail belongs to the parent)."""

    text: str
    owner: lxml_html.HtmlElement
    line: lxml_html.HtmlElement | None = None  # the <br> of a blank line its block's text starts again after

    def block(self) -> lxml_html.HtmlElement:
        """The block the text is read in: its owner's, or the part of it after a blank line (``<br><br>``)."""
        return self.line if self.line is not None else _block(self.owner)


@dataclass(slots=True, frozen=True)
class Header:
    """What the page prints by its headline: the dates a reader sees there, and the short lines under it."""

    dates: list[Shown]  # after the headline, then before it, nearest first
    lines: list[str]  # the short texts just after it, one per block (a byline, a date line, a kicker)
    above: list[str] = field(default_factory=list)  # and just before it, in reading order
    headings: frozenset[str] = frozenset()  # the lines that are sub-headings (h2-h6): a story's, not a byline

    def byline(self, language: str = "") -> str | None:
        """The byline printed in the lines after the headline, else in those above it (see bylinetext.py)."""
        return header_byline(self.lines, language, self.headings) or header_byline(self.above, language)


def read_header(tree: lxml_html.HtmlElement, language: str | None = None, url: str = "") -> Header:
    """The dates printed just after the page's headline, then just before it, and the lines after it.

    A line is a block's text with its inline elements joined: ``Von <span>Jens Hartmann</span> |
    <time>…</time>`` is one line, as a reader sees it (``bylinetext`` reads a byline in it). Both
    come from one reading of the header: finding the headline costs about 1 ms a page.
    """
    shown = headline(tree, url)
    if shown is None:
        return Header([], [])
    after = _window(_following_texts(shown), _AFTER_CHARS)
    before = _window(_preceding_texts(shown), _BEFORE_CHARS)
    scan = scanner(language_code(language, url))
    found = _header_dates(scan, after)
    found += list(reversed(_header_dates(scan, list(reversed(before)))))
    lines = _lines(after)
    headings = frozenset(text for block, text in lines.items() if block.tag in _SUBHEADINGS)
    return Header(found, list(lines.values()), list(_lines(list(reversed(before))).values()), headings)


def _lines(pieces: list[_Piece]) -> dict[lxml_html.HtmlElement, str]:
    """The pieces' texts joined per block: the lines a reader sees, by the block each is printed in."""
    lines: dict[lxml_html.HtmlElement, list[str]] = {}
    for piece in pieces:
        lines.setdefault(piece.block(), []).append(piece.text)
    return {block: " ".join(texts) for block, texts in lines.items()}


def dateline(tree: lxml_html.HtmlElement, language: str | None = None) -> list[Shown]:
    """Dates printed just after the page's headline, then just before it, nearest first."""
    return read_header(tree, language).dates


def _header_dates(scan: Scanner, pieces: list[_Piece]) -> list[Shown]:
    """The dates in ``pieces`` that are shown as a date, not mentioned in a sentence.

    The texts are read joined, so a date split over spans is found; each date is then judged by
    the run of text it sits in (its block: a paragraph, a div, with their inline elements).
    """
    blocks = [p.block() for p in pieces]
    # Blocks on lines of their own: a cue of a life's span is read on the dates' line, not in the standfirst.
    seps = ["" if i == 0 else " " if blocks[i] is blocks[i - 1] else "\n" for i in range(len(pieces))]
    text = "".join(sep + piece.text for sep, piece in zip(seps, pieces, strict=True))
    dates = scan.spans(text, ranges=False)  # a span of time ("1938 – 2026", an event's days) is no page's date
    if not dates:
        return []
    spans: list[tuple[int, int]] = []
    position = 0
    for piece in pieces:
        spans.append((position, position + len(piece.text)))
        position += len(piece.text) + 1
    found: list[Shown] = []
    for shown, start, end in dates:
        touched = [i for i, (a, b) in enumerate(spans) if a < end and b > start]
        if not touched:
            continue
        run = " ".join(p.text for p, b in zip(pieces, blocks, strict=True) if b in {blocks[i] for i in touched})
        marked = shown.updated or any(_marked(pieces[i].owner, _block(pieces[i].owner)) for i in touched)
        if marked or _stands_alone(scan, _segment(run, shown.raw), blocks[touched[0]].tag in _SUBHEADINGS):
            found.append(shown)
    return found


def _block(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """The nearest element (``element`` itself or an ancestor) that is not inline."""
    node = element
    parent = node.getparent()
    while node.tag in _INLINE and parent is not None:
        node, parent = parent, parent.getparent()
    return node


def _marked(owner: lxml_html.HtmlElement, block: lxml_html.HtmlElement) -> bool:
    """The text is inside a ``<time>`` or an element whose class says it holds a date or byline."""
    node: lxml_html.HtmlElement | None = owner
    levels = -1
    while node is not None and levels < _CLASS_LEVELS and node.tag not in _CONTAINERS:
        if node.tag == "time" or _DATE_CLASS.search(node.get("class") or ""):
            return True
        if node is block or levels >= 0:
            levels += 1
        node = node.getparent()
    return False


def _segment(run: str, raw: str) -> str:
    """The part of the run the date is in, between separators: "Essay - Published: 2025.12.17 | tags"."""
    return next((part for part in _SEPARATOR.split(run) if raw in part), run)


def _stands_alone(scan: Scanner, segment: str, subheading: bool) -> bool:
    """The dates dominate their text: beside them at most a label, a name and a time of day.

    "By Ann Lee, March 4, 2025, 5:00 PM", "Published", "Updated" stand alone; "The plan, first
    proposed on January 6, 2021, passed 7-2." does not.
    """
    rest = CLOCK.sub(" ", scan.pattern.sub(" ", segment))
    limit = _SUBHEADING_OTHER_CHARS if subheading else _RUN_OTHER_CHARS
    if len(" ".join(_NOT_WORDS.sub(" ", rest).split())) <= limit:
        return True
    # A longer byline is labels, names and connectors ("Veröffentlicht am …, 10:02 Uhr von Hans
    # Müller", "By Jane Roe and John Smith"): names are capitalised, so a run with at most two
    # lower-case words of three letters or more is no sentence, in any language that has case.
    return not subheading and sum(1 for word in _LETTERS.findall(rest) if word.islower()) <= _BYLINE_LOWER_WORDS


def _window(pieces: Iterator[_Piece], limit: int) -> list[_Piece]:
    """Short texts until ``limit`` characters are read or the body's prose begins.

    One long text is passed over: a standfirst often sits between the headline and the byline.
    """
    taken: list[_Piece] = []
    total = 0
    prose = 0
    for piece in pieces:
        text = " ".join(piece.text.split())
        if not text:
            continue
        if len(text) >= _PARAGRAPH_CHARS:
            prose += 1
            if prose > 1:
                break
            continue
        taken.append(_Piece(text, piece.owner, piece.line))
        total += len(text)
        if total >= limit:
            break
    return taken


def _texts(element: lxml_html.HtmlElement, backwards: bool = False) -> Iterator[_Piece]:
    """The visible text of an element's subtree, in document order or ``backwards`` (its own tail excluded).

    Backwards lazily, for the window before the headline: not the whole subtree listed and reversed. Read
    forwards, a blank line (``<br><br>``) parts its element's text: what follows it is read as a block of its
    own ("<em>By Gwen Partridge</em><br><br>The fire company served…" is a byline, then a paragraph). One
    ``<br>`` parts no block: it wraps a standfirst's or an address's lines.
    """
    if not isinstance(element.tag, str) or element.tag in _UNSEEN or element.tag in _PICTURE_TAGS:
        return
    if (element.tag in _NAVIGATION and not _story_header(element)) or _a_pictures(element):
        return
    text = _shown(element.text)
    if text and not backwards:
        yield _Piece(text, element)
    line: lxml_html.HtmlElement | None = None  # read forwards: the blank line the text now follows
    for child in reversed(element) if backwards else element:
        tail = _shown(child.tail)
        if tail and backwards:
            yield _Piece(tail, element)
        if not backwards and _blank_line(child):
            line = child
        if len(child) or child.text:  # an element with neither holds no text
            for piece in _texts(child, backwards):
                inline = line is not None and piece.line is None and _block(piece.owner) is element
                yield _Piece(piece.text, piece.owner, line) if inline else piece
        if tail and not backwards:
            yield _Piece(tail, element, line)
    if text and backwards:
        yield _Piece(text, element)


def _blank_line(element: lxml_html.HtmlElement) -> bool:
    """A ``<br>`` right after another, nothing but white space between them."""
    before = element.getprevious() if element.tag == "br" else None
    return before is not None and before.tag == "br" and not (before.tail or "").strip()


def _story_header(element: lxml_html.HtmlElement) -> bool:
    """A ``<header>`` inside an ``<article>`` that holds no navigation: the story's own (its byline and date, as
    Drupal's Olivero prints them under a headline outside it), not the site's banner. Not one inside ``<main>``
    alone: templates put the masthead, with today's date, there too (review)."""
    return (
        element.tag == "header"
        and any(True for _ in element.iterancestors("article"))
        and not any(True for _ in element.iter("nav"))
    )


def _a_pictures(element: lxml_html.HtmlElement) -> bool:
    """The element's class names a picture or its credit, and its text credits no writer.

    A story's credits line takes the class a photo's credit does ("credits"), but opens with the
    writer's lead: "Words by Hannah Clarke · Photography by Ben Whitaker", "Text: Lena Fischer / Photos:
    Mark Hale". That line is the byline; a class naming the picture itself ("photo-credit") is never one, nor a
    credit that opens with a bare "By" ("By Mark Hale | AP Photo" under a picture, review).
    """
    classes = element.get("class") or ""
    if not _PICTURE_CLASS.search(classes):
        return False
    if _PICTURE_CLASS.search(_CREDIT.sub("", classes)):
        return True
    line = " ".join(element.text_content()[:_CREDIT_CHARS].split())
    return not opens_byline(line) or _BARE_BY.match(line) is not None  # "By Mark Hale | AP Photo": a picture's


_CREDIT = re.compile(r"credit", re.IGNORECASE)
_BARE_BY = re.compile(r"by\b", re.IGNORECASE)  # "By Mark Hale", "By: Mark Hale"
_CREDIT_CHARS = 200  # a credits line's opening: enough for its lead and first name


def _shown(text: str | None) -> str | None:
    """``text`` unless it is only white space (which :func:`_window` passes over)."""
    return text if text and not text.isspace() else None


def _following_texts(element: lxml_html.HtmlElement) -> Iterator[_Piece]:
    """Visible texts after ``element`` in document order, climbing out through its ancestors."""
    node: lxml_html.HtmlElement | None = element
    while node is not None:
        parent = node.getparent()
        if (tail := _shown(node.tail)) and parent is not None:
            yield _Piece(tail, parent)
        for sibling in node.itersiblings():
            yield from _texts(sibling)
            if (tail := _shown(sibling.tail)) and parent is not None:
                yield _Piece(tail, parent)
        node = parent


def _preceding_texts(element: lxml_html.HtmlElement) -> Iterator[_Piece]:
    """Visible texts before ``element``, nearest first, climbing out through its ancestors."""
    node: lxml_html.HtmlElement | None = element
    while node is not None:
        parent = node.getparent()
        for sibling in node.itersiblings(preceding=True):
            if (tail := _shown(sibling.tail)) and parent is not None:
                yield _Piece(tail, parent)
            yield from _texts(sibling, backwards=True)
        if parent is not None and (text := _shown(parent.text)):
            yield _Piece(text, parent)
        node = parent


def language_code(language: str | None, url: str = "") -> str:
    """The page's language as the date scanner reads it, the address's country standing in for a bare one.

    "03/04/2025" is March 4th on a page marked ``en`` or not marked at all (the scanner's default), but
    on ``.co.uk`` or ``.com.au`` without ``lang="en-GB"`` it is the 3rd of April.
    """
    code = (language or "").strip().replace("_", "-").lower()
    code = code if re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]{2,8})*", code) else ""
    if code in ("", "en") and url:
        country = host_of(url).rsplit(".", 1)[-1]
        if country in _DAY_FIRST_COUNTRIES:
            return f"en-{country}"
    return code


# Countries whose English writes the day first (the scanner reads any language but en/en-US so).
_DAY_FIRST_COUNTRIES = frozenset({"uk", "ie", "au", "nz", "in", "za", "sg", "my", "ng", "ke", "gh", "pk", "lk"})


def dates_standing_alone(scan: Scanner, line: str) -> list[Shown]:
    """The dates of a line that stand alone in it (beside a label, a name, a time of day), not in a sentence."""
    spans = scan.spans(line, ranges=False)
    return [shown for shown, _, _ in spans if _stands_alone(scan, _segment(line, shown.raw), subheading=False)]
