"""A line anywhere on the page that credits its writer in words: "Written by Cassidy Horton".

Blogs and company sites often print no byline under the headline but an author box under the story
("Written by John Crenshaw", an ``<h3>`` over the writer's bio), in markup nothing else reads: no
``author`` class, no link to a writer's page. A byline opener of more than one word (``byline_lead`` in
``phrases.toml``: "written by", "geschrieben von") says a writer follows wherever the line stands,
where a bare "By" may open a kicker or a slogan. The line must read as a byline
(:func:`~scraper.extraction.bylinetext.header_byline`); a page crediting several different writers so
names none (a box and a related post's card, or a list of posts).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import chain, islice

from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.bylinetext import BOX_LINE, WRITING_VERBS, header_byline
from scraper.text import phrases

_LINE_CHARS = 100  # "Written by Moses Kim and Kate Shokurova · April 8, 2024"
_MAX_TEXTS = 50  # text nodes that hold an opener: more is a directory of posts (bounded on hostile pages)


@cache
def _openers() -> tuple[str, ...]:
    """The byline openers that name the act of writing ("written by", "geschrieben von")."""
    leads = phrases()["byline_lead"]
    return tuple(lead for lead in leads if len(lead.split()) == 2 and lead.split()[0] in WRITING_VERBS)


@cache
def _candidates() -> etree.XPath:
    """Text nodes of the body holding an opener's verb (a scan in C, no Python per node).

    Lower-casing in XPath (``translate()``) cost 70 ms a page, and each spelling tested about 0.3 ms: the
    verb without its first letter ("ritten") finds "Written" and "written" in one test (a line in capitals
    is mostly CSS's doing, not the text's), with whatever space follows ("Written&nbsp;by");
    :func:`written_by` checks the whole opener.
    """
    verbs = {lead.split()[0][1:] for lead in _openers()}
    tests = " or ".join(f"contains(., '{verb}')" for verb in sorted(verbs))
    return etree.XPath(f"//body//text()[{tests}]")


def written_by(tree: lxml_html.HtmlElement) -> list[str]:
    """The byline ("Written by John Crenshaw") of the page's one writing credit; none when several writers are.

    Not a credit in a card (a related post's: a linked heading beside it), in a quotation, a caption or the
    site's footer, nor one of a film's or a book's credits ("Directed by …" beside it): those name
    someone else's work. The same writer printed twice ("Written by", "Written By:") is one credit.
    """
    found: dict[str, str] = {}  # names -> the first byline naming them
    openers = _openers()
    for node in islice(_candidates()(tree), _MAX_TEXTS):
        if not any(opener in " ".join(node.lower().split()) for opener in openers):  # "Written&nbsp;by" too
            continue  # "written in 1923", "well-written"
        element = node.getparent()
        if element is not None and node.is_tail:  # "<i class=icon></i> Written by <a>…</a>": the parent's line
            element = element.getparent()
        if element is None or elsewhere(element):
            continue
        line = _short_text(element)
        if line is None:
            continue
        byline = header_byline([line])
        if byline is not None and byline.lower().startswith(openers) and not _in_credits(element):
            found.setdefault(" ".join(byline.split()[2:]).lower(), byline)
        if len(found) > 1:
            return []  # a box and a related post's card, or a list of posts
    return list(found.values())


def _in_credits(element: lxml_html.HtmlElement) -> bool:
    """A neighbour is another credit of a work ("Directed by …", "Publisher: Faber"): a film's or a book's."""
    neighbours = (_short_text(element.getprevious()), _short_text(element.getnext()))
    return any(line is not None and BOX_LINE.match(line) for line in neighbours)


def _short_text(element: lxml_html.HtmlElement | None) -> str | None:
    """The element's text, whitespace collapsed, when it is a line's length (read no further on a long one)."""
    if element is None or not isinstance(element.tag, str):
        return None
    parts: list[str] = []
    size = 0
    for text in element.itertext():
        size += len(text)
        if size > _RAW_CHARS:
            return None
        parts.append(text)
    line = " ".join("".join(parts).split())
    return line if len(line) <= _LINE_CHARS else None


_RAW_CHARS = 1000  # before white space is collapsed: indentation
_ELSEWHERE = frozenset(
    {"script", "style", "a", "cite", "blockquote", "q", "figcaption", "footer", "template", "noscript"}
)


def elsewhere(element: lxml_html.HtmlElement) -> bool:
    """A quotation's, a caption's, the footer's or a comment's line, or one in a card (a small block whose
    headline links away)."""
    for level, up in enumerate(chain([element], element.iterancestors())):
        if up.tag in _ELSEWHERE or _COMMENTS.search(f"{up.get('class', '')} {up.get('id', '')}"):
            return True
        if (
            level < _CARD_LEVELS
            and any(_linked(h) for h in islice(up.iter(*_SUBHEADINGS), _CARD_HEADINGS))
            and _text_size(up, _CARD_CHARS) <= _CARD_CHARS
        ):
            return True
    return False


# A reader's comment ("Written by Anna Miller" heads it): WordPress's, Disqus's, a forum's reply box.
_COMMENTS = re.compile(r"comment(?!ar|at)|disqus|\breply\b|\breplies\b", re.IGNORECASE)  # not "commentary"


def _text_size(element: lxml_html.HtmlElement, limit: int) -> int:
    """How many characters of text the element holds, counted up to just past ``limit``."""
    size = 0
    for text in element.itertext():
        size += len(text.strip())
        if size > limit:
            break
    return size


def _linked(heading: lxml_html.HtmlElement) -> bool:
    parent = heading.getparent()
    links = chain([parent] if parent is not None and parent.tag == "a" else [], heading.iter("a"))
    return any((link.get("href") or "").strip()[:1] not in ("", "#") for link in links)


_CARD_LEVELS = 3  # the credit's line, its card, the card's wrapper
_CARD_HEADINGS = 20
_CARD_CHARS = 400  # a teaser's headline, a line of summary and its credit
_SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")
