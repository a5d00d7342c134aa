"""Alike teaser cards found from their linked headlines, however the template names its items.

A listing or a collection is a run of alike items, each a headline (or a title) linking to
another page of the site over a line or two of teaser; an article is one text under one headline.
:mod:`scraper.extraction.structure` counts cards as siblings whose class attribute is the same
string and that are not page chrome, which misses two common builds: per-item class tokens
(``post-123``, ``tag-news``, ``article-index-4`` in each item's class), and a ``<header>`` inside
each item holding its headline (chrome at the top of a page, not inside an item). Here an item is
found from its headline instead: each linked heading outside the page's nav, footer and sidebar
climbs a few levels, and at each level its ancestor is filed under (parent, tag, first class token
without digits). The fullest group of short items (a teaser, not a story's section that happens to
link its heading) is the page's run of cards; the share of the page's words it holds is the feature
(:func:`scraper.extraction.pagekind.page_features` adds it to those of :mod:`structure`).

Pure tree arithmetic: no site's words or markup. It reads headings only (tens a page), not links.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import html as lxml_html

from scraper.extraction.declared import split_url
from scraper.text import WordCount, spaced_words

_HEADINGS = ("h1", "h2", "h3", "h4", "h5")
_CHROME = frozenset({"nav", "footer", "aside"})
_CHROME_ROLES = frozenset({"navigation", "contentinfo", "complementary"})
_LEVELS = 5  # how far up from a headline its card may be (link, heading, wrapper, body, card)
_HEADLINE_WORDS = (2, 30)  # a headline: not "More", not a paragraph
_MAX_CARD_WORDS = 80  # a teaser card: headline, a line or two, a date; not a section of a story
_MIN_RUN = 3  # cards in a group before it is a run
_MAX_HEADINGS = 1000  # a hostile page's headings beyond these are not read
_CHECKED = 8  # the fullest groups whose items are weighed (each costs their text)

_Key = tuple[lxml_html.HtmlElement, str, str]


def _headline_link(heading: lxml_html.HtmlElement) -> tuple[lxml_html.HtmlElement, lxml_html.HtmlElement] | None:
    """The link a heading holds or sits in, and where its card's climb starts (the inner of the two)."""
    for link in heading.iter("a"):
        return link, link  # <h2><a>
    el = heading.getparent()
    for _ in range(2):
        if el is None:
            return None
        if el.tag == "a":
            return el, heading  # <a><h2>
        el = el.getparent()
    return None


def _in_chrome(el: lxml_html.HtmlElement, known: dict[lxml_html.HtmlElement, bool]) -> bool:
    """Whether ``el`` sits in a nav, footer or sidebar; ``known`` holds the answers for elements met before.

    Each answer is remembered for every ancestor passed on the way up, so a page's headings cost
    one climb over the tree's shared levels, not one per heading (876 headings were 6 ms).
    """
    chain = []
    verdict = False
    for ancestor in el.iterancestors():
        seen = known.get(ancestor)
        if seen is not None:
            verdict = seen
            break
        if ancestor.tag in _CHROME or ancestor.get("role") in _CHROME_ROLES:
            verdict = True
            break
        chain.append(ancestor)
    for ancestor in chain:
        known[ancestor] = verdict
    return verdict


@lru_cache(maxsize=4096)
def _first_class(classes: str) -> str:
    """The first class token without a digit: ``post-37400`` or ``index-4`` vary per item, the base class not."""
    for token in classes.split():
        if not any(c.isdigit() for c in token):
            return token
    return ""


@lru_cache(maxsize=1024)
def _host_of(authority: str) -> str:
    """``www.Example.com:8080`` -> ``example.com``; memoised, as a page links to a few hosts many times."""
    return (split_url("//" + authority).hostname or "").lower().removeprefix("www.")


def _words_upto(el: lxml_html.HtmlElement, limit: int, words_of: WordCount = spaced_words) -> int:
    """The element's word count, read only until it passes ``limit``.

    Headings share one link when an ``<a>`` is left open (the parser puts the rest of the page in
    it): counting it whole for each of them read the page once per heading (a minute on a 1.5 MB
    page of 1,000 sections, found by review).
    """
    count, glued = 0, False  # glued: the text so far ends inside a word
    for text in el.itertext():
        if not text:
            continue
        words = words_of(text)
        if glued and words and not text[0].isspace():
            words -= 1  # "foo<b>bar</b>" is one word, as in text_content()
        count += words
        glued = not text[-1].isspace() and (glued or words > 0)
        if count > limit:
            break
    return count


def _own_page(href: str, host: str) -> bool:
    """A link to another page of this site (not a fragment, a script, a mail or another host)."""
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return False
    if href[:6].lower().startswith(("http:", "https:", "//")):
        authority = href.split("/", 3)[2] if href.count("/") >= 2 else ""
        return not host or _host_of(authority) == host
    return True


def card_features(
    tree: lxml_html.HtmlElement, url: str, words: float, words_of: WordCount = spaced_words
) -> dict[str, float]:
    """The share of the page's ``words`` (linked or not) in its run of alike linked-headline cards.

    Only the share is a feature: the count of cards was measured beside it (5-fold nested CV by
    site, five fold assignments) and weighed for the article, as many stories end on a run of
    related cards; the share of the page they take is what tells a listing.
    """
    body = tree.find("body")
    if body is None:
        return {"alike_card_share": 0.0}
    host = (split_url(url).hostname or "").lower().removeprefix("www.")
    groups: dict[_Key, dict[lxml_html.HtmlElement, str]] = {}  # per group, each item and its link
    known: dict[lxml_html.HtmlElement, bool] = {}  # elements in chrome or not, as found
    for n, heading in enumerate(body.iter(_HEADINGS)):
        if n >= _MAX_HEADINGS:
            break
        found = _headline_link(heading)
        if found is None:
            continue
        link, el = found
        href = (link.get("href") or "").strip().split("#", 1)[0]
        if not _own_page(href, host):
            continue
        if not _HEADLINE_WORDS[0] <= _words_upto(link, _HEADLINE_WORDS[1] + 1, words_of) <= _HEADLINE_WORDS[1]:
            continue
        if _in_chrome(link, known):
            continue
        for _ in range(_LEVELS):
            parent = el.getparent()
            if parent is None or parent.tag in ("body", "html"):
                break
            items = groups.setdefault((parent, str(el.tag), _first_class(el.get("class") or "")), {})
            if el in items:
                break  # another headline of an item met before: the levels above are filed already
            items[el] = href
            el = parent
    best: list[lxml_html.HtmlElement] = []
    for items in sorted(groups.values(), key=len, reverse=True)[:_CHECKED]:
        if len(items) < max(_MIN_RUN, len(best) + 1):
            break
        if len(set(items.values())) < _MIN_RUN:
            continue  # one page linked from every item: buttons, not a list of pages
        cards = [el for el in items if words_of(el.text_content()) <= _MAX_CARD_WORDS]
        if len(cards) > len(best):
            best = cards
    if len(best) < _MIN_RUN:
        return {"alike_card_share": 0.0}
    card_words = sum(words_of(el.text_content()) for el in best)
    return {"alike_card_share": card_words / max(1.0, words, card_words)}
