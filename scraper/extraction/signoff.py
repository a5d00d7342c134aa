"""A byline printed under the story's last paragraph, as its signature.

Many papers sign a story at its end, not under its headline: a Czech one "Text: Lenka Dvořáková, foto:
Martin Šebek", a paper built by hand "— Written by Gary Lutz, Clarion staff writer", a wire "Reporting by
Felix Grant; Editing by Paul Simmons". Such a line is read by its place and its words, not by the page's
language: short, right after the story's last paragraph (one short block may follow it, links aside), and
opening with a writing lead or label ("Text:", "Written by", "Reporting by"). A name alone, set apart in
bold or aligned right (as Vietnamese papers sign), is not taken: the review found a poem's "— Emily
Dickinson", a funeral home, "Related Coverage", a photographer's right-aligned name and "Happy Thanksgiving
Everyone" printed the same way. A quoted person's last words, a caption's credit, "Photo: Max Kurz" or
"Contact the reporter at …" open with no lead either.

Read in two steps: the candidates and the text just before each, from the page as it was
(:func:`signoff_candidates`: the pruning may drop a signature set outside the story's container), then
the one whose preceding text ends the story trafilatura kept (:func:`story_signoff`): a line closing a
sidebar's or the footer's prose closes no story. ``people.pick_authors`` reads it last of the page's own
sources, after JSON-LD, meta and every byline by the headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.bylinetext import header_byline, names_only, opens_byline
from scraper.extraction.caselessbyline import caseless_byline, korean_signature
from scraper.extraction.writtenby import elsewhere
from scraper.text import normalise


@dataclass(frozen=True, slots=True)
class Signoff:
    """A closing line read as a byline, and the normalised end of the text printed just before it."""

    byline: str  # "Text: Lenka Dvořáková", "Written by Gary Lutz, staff writer", "By Felix Grant and Mia Sørensen"
    before: str
    # a bare "By" and a name set apart (:func:`_set_apart`): a signature only where the markup names a desk and no
    # writer ("By Air Mail", a reviewed book's "By Stephen King" close stories so too)
    bare: bool = False


_LINE_CHARS = (
    160  # a wire's credits run longer than a byline: "Reporting by …; Additional reporting by …; Editing by …"
)
_MAX_CANDIDATES = 10  # a page full of them is a list of signed items, bounded on hostile pages
_BEFORE_CHARS = 200  # of the text before a candidate, kept to find the story's end in it
_TAIL_BLOCKS = 3  # the story's last paragraph, the signature, one short block after it
_MATCH_CHARS = 80  # of a story block's end, looked for at the end of the text before a candidate
_MIN_MATCH = 20  # a block shorter than this ("Tags") ends too many texts to place a line after it
_AFTER_LINE = 100  # characters of a block after the signature ("Foto: Max Kurz", "« Back to News")
_FOLLOWING = 6  # elements after a signature: a short line, a rule, links back, scripts
_SILENT = frozenset({"script", "style", "template", "noscript", "br", "hr"})
# Before a quotation, a figure, a table or a list, a short line is its attribution or credit, not the story's signature.
_NOT_STORY = frozenset({"blockquote", "q", "figure", "figcaption", "table", "ul", "ol", "dl", "img", "picture"})
_DASHES = " —–―-"
# A wire's credits, one per ";": "Reporting by Felix Grant in Rotterdam; Additional reporting by …; Editing by …".
# The reporters and writers are the authors; an editor, a compiler or a photographer is not.
_WRITING_CREDIT = re.compile(r"^(?:additional\s+)?(?:reporting|writing|written|reported)\s+by\s+", re.IGNORECASE)
_PLACE = re.compile(r"\s+(?:in|from)\s+[^\W\d_][^;]*$")  # "in Rotterdam": where the reporter was


def signoff_candidates(tree: lxml_html.HtmlElement) -> list[Signoff]:
    """Short closing lines that read as a signature, each with the text before it, in page order."""
    found: list[Signoff] = []
    for element in _short_blocks()(tree):
        lines = _lines(element)  # short: the XPath measured it
        if not lines:
            continue
        byline, bare = _as_byline(lines[0].lstrip(_DASHES), lines[1:]), False
        if byline is None and (byline := _set_apart(element, lines)) is not None:
            bare = True
            if _introduced(element):
                byline = None
        if byline is None or elsewhere(element):
            continue
        before = _before(element)
        if before and _closes(element) and all(c.byline != byline for c in found):
            found.append(Signoff(byline, before, bare))
        if len(found) >= _MAX_CANDIDATES:
            return []
    return found


@cache
def _short_blocks() -> etree.XPath:
    """The paragraphs and divisions of a line's length after a text, near their container's end, found in C.

    A Python walk reading each one's text cost about 6 ms a page (a division holding the whole story is
    read again for each level of it). Few elements follow a signature (:func:`_closes` reads them), and
    a text precedes it (:func:`_before`): of a signature's wrappers (``<div><p><b>Text: Anna Nowak</b></p>
    </div>``) the outermost is taken, the one that stands after the story.
    """
    return etree.XPath(
        f"/descendant::*[self::p or self::div][not(following-sibling::*[{_FOLLOWING + 1}])]"
        f"[string-length(normalize-space(preceding-sibling::node()[normalize-space()][1])) >= {_MIN_MATCH}]"
        "[string-length(.) <= 1000]"  # the indentation of a line's markup
        f"[string-length(normalize-space(.)) <= {_LINE_CHARS}][string-length(normalize-space(.)) > 3]"
    )


def story_signoff(candidates: list[Signoff], body: Any) -> Signoff | None:
    """The candidate printed right after one of the last blocks of trafilatura's ``body``."""
    if not candidates or body is None:
        return None
    tail = [normalise(" ".join(block.itertext())) for block in list(body)[-_TAIL_BLOCKS:]]
    ends = [text[-_MATCH_CHARS:] for text in tail if len(text) >= _MIN_MATCH]
    return next((c for c in candidates if any(c.before.endswith(end) for end in ends)), None)


def _lines(element: lxml_html.HtmlElement) -> list[str]:
    """The element's lines of text, parted where it breaks them (``<br>``): a credit per line ("Penulis: Rina
    Marlina<br>Editor: Dodi Hermawan", "Teksti: Aino Lehtinen<br>Kuvat: Mikko Rantanen") is read as the writer's
    line, with its neighbours for fields, not as one run of names ("Rina MarlinaEditor")."""
    if next(element.iter("br"), None) is None:  # one line, as most are: read at C speed
        line = " ".join("".join(element.itertext()).split())
        return [line] if line else []
    pieces: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end", "comment", "pi")):
        if event == "start":
            pieces.append("\n" if node.tag == "br" else node.text or "")
        elif node is not element:  # an element's end, a comment, a processing instruction: the text after it
            pieces.append(node.tail or "")
    return [line for line in (" ".join(part.split()) for part in "".join(pieces).split("\n")) if line]


def _as_byline(line: str, after: list[str]) -> str | None:
    """The line as a byline: a wire's writing credits, a Korean reporter's, or a writing lead with names and a field
    (the lines after it, a date or another credit, are fields)."""
    if (credits := _writing_credits(line) or korean_signature(line) or _conducted_by(line)) is not None:
        return credits
    if opens_byline(line):
        return header_byline([line, *after])  # "Text: Lenka Dvořáková, foto: …", "Written by Gary Lutz, staff writer"
    caseless = caseless_byline(line)  # "نویسنده: علی رضایی", "（记者 王晓燕）": a label and names, on their own
    return caseless[0] if caseless is not None and caseless[1] else None


# A Vietnamese interview's closing credit, its label after the names: "Thu Hà thực hiện", "Thu Hà (thực hiện)".
_CONDUCTED_BY = re.compile(r"^(.+?)\s*\(?thực hiện\)?\.?$", re.IGNORECASE)


def _conducted_by(line: str) -> str | None:
    """The interviewer's names of a closing "… thực hiện" ("conducted by") line, as "By" and the names."""
    match = _CONDUCTED_BY.match(line)
    names = names_only(match[1]) if match else None
    return f"By {names}" if names else None


_EMPHASIS = frozenset({"em", "i", "strong", "b"})
_SET_APART_NAMES = (2, 3)  # a writer's full name: "Anna Körber", "Ana María Ruiz"


def _set_apart(element: lxml_html.HtmlElement, lines: list[str]) -> str | None:
    """A bare "By" and one writer's full name, the line's only text, set in italics or bold ("<em>Von Anna
    Körber</em>"): a signature where the markup names a desk (``Signoff.bare``; ``people.pick_authors``). Under
    the headline such a line may be a kicker ("By Popular Demand"), and it is read there only with a date or a
    field."""
    children = [child for child in element if isinstance(child.tag, str)]  # comments aside
    if len(lines) != 1 or len(children) != 1 or children[0].tag not in _EMPHASIS:
        return None
    if (element.text or "").strip() or (children[0].tail or "").strip() or not opens_byline(lines[0]):
        return None
    lead, _, rest = lines[0].partition(" ")
    names = names_only(rest)
    if names is None or " and " in names or not _SET_APART_NAMES[0] <= len(names.split()) <= _SET_APART_NAMES[1]:
        return None
    return f"{lead} {names}"


def _introduced(element: lxml_html.HtmlElement) -> bool:
    """The text before the line ends on a colon: it introduces the line ("… answered by the manager:")."""
    previous = element.getprevious()
    while previous is not None and not isinstance(previous.tag, str) and not (previous.tail or "").strip():
        previous = previous.getprevious()  # a comment or a processing instruction between them
    if previous is None:
        return False
    text = (previous.tail or "").strip() or (
        "".join(previous.itertext()).strip() if isinstance(previous.tag, str) else ""
    )
    return text.endswith((":", "："))


def _writing_credits(line: str) -> str | None:
    """The reporters and writers of a wire's credits line, after a "By"; None for any other line.

    The line may stand in brackets, as Reuters prints it: "(Reporting by Ana Ruiz; Editing by Mark Hall)".
    """
    if line.startswith("(") and line.endswith(")"):
        line = line[1:-1]
    if _WRITING_CREDIT.match(line) is None:
        return None
    names = []
    for credit in line.split(";"):
        lead = _WRITING_CREDIT.match(credit.strip())
        found = names_only(_PLACE.sub("", credit.strip()[lead.end() :])) if lead else None
        if found:
            names.append(found)
    return "By " + " and ".join(names) if names else None


def _before(unit: lxml_html.HtmlElement) -> str | None:
    """The normalised end of the text printed just before the block; None after a quote, a figure or a list."""
    for sibling in unit.itersiblings(preceding=True):
        if (sibling.tail or "").strip():  # text loose between the elements, the story's where a page uses <br>s
            return normalise(sibling.tail or "")[-_BEFORE_CHARS:]
        if not isinstance(sibling.tag, str) or sibling.tag in _SILENT:
            continue
        text = " ".join(sibling.itertext()).strip()
        if text:
            return None if sibling.tag in _NOT_STORY else normalise(text)[-_BEFORE_CHARS:]
    return None


def _closes(unit: lxml_html.HtmlElement) -> bool:
    """No more than one short block follows the line in its container, links aside ("« Back to News")."""
    after = 1 if (unit.tail or "").strip() else 0
    for sibling in unit.itersiblings():
        if isinstance(sibling.tag, str) and sibling.tag not in _SILENT:
            text = " ".join(" ".join(sibling.itertext()).split())
            linked = sum(len(" ".join(a.itertext()).strip()) for a in sibling.iter("a"))
            if text and linked < len(text) * 0.8:
                if len(text) > _AFTER_LINE:
                    return False
                after += 1
        after += 1 if (sibling.tail or "").strip() else 0
    return after <= 1
