"""A body that is other stories' teasers: a section front whose head says it is an article.

Some CMSs print the same head on every page: a section front ("Politik", a dozen cards of a linked
headline over a teaser sentence or two) declares ``NewsArticle`` in its JSON-LD and ``og:type``
article like a story. The page-kind model weighs the declaration, and the teaser-run rule of
:mod:`scraper.extraction.pagekind` leaves a declared article to the model (a 60-word brief over a
rail of eight "More news" cards has a teaser's length of prose), so such a front came out as an
article whose text is the teasers. After extraction the two are told apart by the text itself: a
brief's paragraphs are its own, a front's are each the teaser of a card whose headline links to
another page of the site.

A paragraph is a teaser when, a few levels up, the smallest ancestor holding a linked heading holds
exactly one such link, to another page of the same host, few words beside the paragraph, and a date.
A listicle's items also have linked headings over their text, but they link to other sites (the
restaurants, the brands, the shops), and a story's section headings link nowhere: measured over
both shared corpora, the largest share of an article's body in same-site cards is 0.60, with the
body read paragraph by paragraph. A digest of the site's own stories ("Weekend reads", "5 things to
know", a morning briefing), a timeline of earlier stories or a live blog is built like a front, but
it is headed by a headline, not a section's name that the site's menu links to the page, and it is
often signed: a page that names a writer is left alone (``assemble.py``) unless the writer is named only inside
a card (the lead story's byline under the section's name: :func:`signed_in_cards`), and so is one headed by
more than a few words, or by words no link of the page to itself shows, or with fewer dated cards.
Four reviews' pages: nine such pages were taken as fronts before these conditions, none after.
"""

from __future__ import annotations

from itertools import islice
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.blocks import Block
from scraper.extraction.datescan import scanner
from scraper.text import count_words, normalise
from scraper.urls import host_of

# The body's words in teasers, at least this share, in at least this many cards: a front's text.
TEASER_BODY_SHARE = 0.9
TEASER_BODY_CARDS = 4
# ... under a title of at most this many words that a link to the page itself shows: a front is headed by its
# section's name, which the site's menu links to it ("Politik" -> /politik); a digest, a timeline or a live blog
# is headed by a headline ("Week in review: the stories that mattered"), or by a short one no menu links to this
# page ("Week in review" over five dated items, fourth review), and its items may be dated too.
FRONT_TITLE_WORDS = 4
_LEVELS = 4  # paragraph, text wrapper, card, card's wrapper
_CARD_WORDS = 40  # a card's words beside its teaser: a headline, a date, a kicker, a "Read more"
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TEXT_TAGS = ("p", "li", "dd", "blockquote")
_MAX_NODES = 5000  # a hostile page's nested items past these are not read (each reads its subtree's text)


def teaser_cards(tree: lxml_html.HtmlElement, url: str, blocks: list[Block]) -> int:
    """How many dated cards the body's paragraphs are the teasers of, when they hold ``TEASER_BODY_SHARE`` of its
    words (its headings aside); else 0, as soon as the paragraphs outside cards are more than the rest allows (a
    story's first one, mostly).

    The paragraphs' elements are looked up in the page's order, as far as the last one needs: the body follows it.
    """
    paragraphs = [block for block in blocks if block.kind == "p"]
    told = [block for block in blocks if block.kind != "head"]  # a card's linked headline may be a heading
    total = sum(block.words for block in told)
    outside, allowed = total - sum(block.words for block in paragraphs), (1.0 - TEASER_BODY_SHARE) * total
    if outside > allowed:
        return 0
    found, seen = _Elements(tree), _Ancestors(url)
    host, dated = host_of(url), set[str]()
    for block in paragraphs:
        element = found.get(" ".join(block.text.split()))
        card = _card_link(element, block.words, host, seen) if element is not None else None
        if card is None:
            outside += block.words
            if outside > allowed:
                return 0
        elif card[1]:
            dated.add(card[0])
    return len(dated)


class _Elements:
    """The page's paragraphs and items by their text (white space collapsed), read in order as far as asked."""

    def __init__(self, tree: lxml_html.HtmlElement) -> None:
        self._nodes = islice(tree.iter(_TEXT_TAGS), _MAX_NODES)
        self._seen: dict[str, lxml_html.HtmlElement] = {}

    def get(self, text: str) -> lxml_html.HtmlElement | None:
        if (element := self._seen.get(text)) is not None:
            return element
        for node in self._nodes:
            key = " ".join(node.text_content().split())
            self._seen.setdefault(key, node)
            if key == text:
                return node
        return None


def names_its_section(tree: lxml_html.HtmlElement, url: str, title: str) -> bool:
    """A link of the page to the page itself (query and fragment aside) shows its title: a menu's section."""
    wanted, here = normalise(title), _path_of(url)
    if not wanted or here is None:
        return False
    for link in tree.iter("a"):
        href = (link.get("href") or "").strip()
        if href and normalise(link.text_content()) == wanted and _path_of(url, href) == here:
            return True
    return False


def signed_in_cards(tree: lxml_html.HtmlElement, url: str, authors: list[str]) -> bool:
    """Every writer is named only inside a card: the lead story's byline under a front's section name ("경제",
    then the lead card: its photo, linked headline, teaser and "김도윤 기자 2026-12-05"), not the page's own.

    The writer's name is looked for in the page's text nodes; each element holding it must have, a few levels
    up, an ancestor with exactly one linked heading, to another page of the host: a card (a digest's signature
    under its headline sits above all its cards, whose ancestor holds many such links)."""
    host, seen = host_of(url), _Ancestors(url)
    for author in authors:
        owners = [node.getparent() for node in _TEXTS(tree) if author in node]
        if not owners or not all(_in_card(owner, host, seen) for owner in owners[:_MAX_OWNERS] if owner is not None):
            return False
    return True


_TEXTS = etree.XPath("//body//text()[normalize-space()]")
_MAX_OWNERS = 20  # a name printed more often than this is read in its first places only


def _in_card(element: lxml_html.HtmlElement, host: str, seen: _Ancestors) -> bool:
    # the byline's own span and line sit a level or two below the card's text
    found = _linked_ancestor(element, _LEVELS + 2, seen)
    if found is None or len(found[1]) != 1:
        return False
    (link,) = found[1]
    return host_of(link) == host and link.rstrip("/") != seen.page.rstrip("/")


def _path_of(url: str, href: str = "") -> tuple[str, str] | None:
    """The host and path of ``href`` read on ``url``, without a trailing slash; None if it cannot be read (a
    hostile page's "http://[::1/politik")."""
    try:
        parts = urlsplit(urljoin(url, href))
        return (parts.hostname or "", parts.path.rstrip("/"))
    except ValueError:
        return None


def _card_link(element: lxml_html.HtmlElement, words: int, host: str, seen: _Ancestors) -> tuple[str, bool] | None:
    """The link of the card ``element`` is the teaser of, if it is one, and whether the card is dated: the first
    ancestor with a linked heading holds one, to another page of the host, and at most ``_CARD_WORDS`` words
    beside the teaser; a date is a ``<time>`` or one in its text (a front dates its stories, a digest's items
    are today's)."""
    found = _linked_ancestor(element, _LEVELS, seen)
    if found is None or len(found[1]) != 1:
        return None
    ancestor, (link,), text_words = found
    if host_of(link) != host or link.rstrip("/") == seen.page.rstrip("/") or text_words > words + _CARD_WORDS:
        return None
    return (link, seen.dated(ancestor))


def _linked_ancestor(
    element: lxml_html.HtmlElement, levels: int, seen: _Ancestors
) -> tuple[lxml_html.HtmlElement, set[str], int] | None:
    """The first of ``element``'s ancestors, up to ``levels`` up, with a linked heading: it, its headings' links
    (two at most) and its words (when it has one link); None if there is none."""
    ancestor: lxml_html.HtmlElement | None = element
    for _ in range(levels):
        ancestor = ancestor.getparent() if ancestor is not None else None
        if ancestor is None:
            return None
        links, text_words = seen.read(ancestor)
        if links:
            return ancestor, links, text_words
    return None


class _Ancestors:
    """What each ancestor holds, read once: a flat page's paragraphs share their ``<article>``, whose headings
    and text were read again for every one of them (fourth review: 5,000 paragraphs under 5,000 headings, 44 s)."""

    def __init__(self, page: str) -> None:
        self.page = page
        self._read: dict[lxml_html.HtmlElement, tuple[set[str], int]] = {}

    def read(self, ancestor: lxml_html.HtmlElement) -> tuple[set[str], int]:
        """Its headings' links (two at most: one is a card's, more is no card's) and, for a card's, its words."""
        if (known := self._read.get(ancestor)) is None:
            links = _heading_links(ancestor, self.page)
            known = self._read[ancestor] = (links, count_words(ancestor.text_content()) if len(links) == 1 else 0)
        return known

    def dated(self, ancestor: lxml_html.HtmlElement) -> bool:
        return next(ancestor.iter("time"), None) is not None or bool(
            scanner("").spans(ancestor.text_content(), ranges=False)
        )


def _heading_links(container: lxml_html.HtmlElement, page: str) -> set[str]:
    """The addresses (fragment dropped) of the links under ``container`` in a heading or around one, up to two."""
    found: set[str] = set()
    for heading in container.iter(_HEADINGS):
        for link in [*heading.iter("a"), *_link_around(heading, container)]:
            href = (link.get("href") or "").strip()
            if not href or href.startswith("#"):
                continue
            try:
                found.add(urldefrag(urljoin(page, href)).url)
            except ValueError:  # a bad IPv6 host: no page of the site
                continue
            if len(found) > 1:
                return found
    return found


def _link_around(heading: lxml_html.HtmlElement, container: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The link that holds ``heading``, below ``container`` (a card built as one link), if any."""
    for node in heading.iterancestors():
        if node is container:
            return []
        if node.tag == "a":
            return [node]
    return []
