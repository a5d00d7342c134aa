"""A line anywhere on the page that credits its writer in words: "Written by Cassidy Horton".

Blogs and company sites often print no byline under the headline but an author box under the story
("Written by John Crenshaw", an ``<h3>`` over the writer's bio), in markup nothing else reads: no
``author`` class, no link to a writer's page. A byline opener of more than one word (``byline_lead`` in
``phrases.toml``: "written by", "geschrieben von") says a writer follows wherever the line stands,
where a bare "By" may open a kicker or a slogan. The line must read as a byline
(:func:`~scraper.extraction.bylinetext.header_byline`); a page crediting several different writers so
is a list of posts, and names none.
"""

from __future__ import annotations

from functools import cache
from itertools import islice

from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.bylinetext import header_byline
from scraper.text import phrases

_LINE_CHARS = 100  # "Written by Moses Kim and Kate Shokurova · April 8, 2024"
_MAX_TEXTS = 50  # text nodes that hold an opener: more is a directory of posts (bounded on hostile pages)
MANY_WRITERS = 3


@cache
def _openers() -> tuple[str, ...]:
    """The byline openers that name the act of writing ("written by", "geschrieben von")."""
    return tuple(lead for lead in phrases()["byline_lead"] if len(lead.split()) == 2 and "'" not in lead)


@cache
def _candidates() -> etree.XPath:
    """Text nodes of the body holding an opener's verb (a scan in C, no Python per node).

    Lower-casing in XPath (``translate()``) cost 70 ms a page, and each spelling tested about 0.3 ms: the
    verb without its first letter ("ritten ") finds "Written" and "written" in one test (a line in capitals
    is mostly CSS's doing, not the text's); :func:`written_by` checks the whole opener.
    """
    verbs = {lead.split()[0][1:] for lead in _openers()}
    tests = " or ".join(f"contains(., '{verb} ')" for verb in sorted(verbs))
    return etree.XPath(f"//body//text()[{tests}]")


def written_by(tree: lxml_html.HtmlElement) -> list[str]:
    """The bylines ("Written by John Crenshaw") of the page's writing credits, in page order, each once."""
    found: list[str] = []
    openers = _openers()
    for node in islice(_candidates()(tree), _MAX_TEXTS):
        if not any(opener in node.lower() for opener in openers):
            continue  # "written in 1923", "well-written"
        element = node.getparent()
        if element is None:
            continue
        if node.is_tail:  # "<i class=icon></i> Written by <a>…</a>": the line is the parent's
            element = element.getparent()
        if element is None or element.tag in ("script", "style", "a"):
            continue
        line = " ".join(element.text_content().split())
        if len(line) > _LINE_CHARS:
            continue
        byline = header_byline([line])
        if byline is not None and byline.lower().startswith(_openers()) and byline not in found:
            found.append(byline)
    return found if len(found) < MANY_WRITERS else []
