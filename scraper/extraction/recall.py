"""When trafilatura's main text looks cut short, and whether its recall run found the rest.

trafilatura picks one container for the main text; on pages whose story runs through several
sibling containers (a guide in sections, a post whose middle sits in a differently classed
box) its default settings keep the first part only. Its ``favor_recall`` settings find the
rest on such pages but add boilerplate on the others (a second story, teaser lists), so the
recall run is asked for only when the text kept is well short of the page's own running text,
and its result is taken only when it holds what the default run kept and adds a bounded amount:
a fuller telling of the same text, not a different container or the whole page.

Measured on both shared corpora (article pages, cleaned text): the check fires on 14% of pages
and swaps the text on 3%; body recall rose by 0.8 points on the corpus of untuned sites, with no
change on the news corpus.

Before trafilatura runs, ``reveal_collapsed`` unmarks the story's collapsed sections (accordion
panels, hidden tabs, embeds of prose), which trafilatura discards by their markup under any
setting: WCXB body recall 0.943 -> 0.947 (F1 0.9415 -> 0.9433), the news corpus unchanged.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.hidden import HIDDEN_STYLE, marked_hidden
from scraper.text import opening_phrase, phrases

_WORD = re.compile(r"\w+")

# Text that is no running text wherever it sits (code, controls, links), and the page's chrome.
_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "svg", "select", "option", "button", "a"})
_CHROME = frozenset({"nav", "header", "footer", "aside", "form"})
# Chrome holding more than this share of the text is markup left open (a <header> never closed).
CHROME_MAX_SHARE = 0.5

# The kept text is "short" below this share of the page's unlinked running text.
SHORT_SHARE = 0.8
# The recall run's text must be this many times longer (and at most ``MAX_GROWTH`` times) ...
MIN_GROWTH = 1.2
MAX_GROWTH = 3.0
# ... unless it stays within this share of the page's running words (see ``is_fuller``).
RUNNING_SHARE = 0.8
# ... and hold this share of the kept text's word 5-grams (the same text, told more fully).
MIN_CONTAINED = 0.8
SHINGLE = 5
# A page with more running text than this is a dump, not a story cut short: the recall run on it
# costs several times the first run (hostile pages of 100k text runs: seconds) and its result,
# bounded by ``MAX_GROWTH``, could not be taken anyway when the kept text is a small share.
MAX_RUNNING_WORDS = 30_000


def words(text: str) -> list[str]:
    """The text's words, lower-cased (``\\w+`` runs, as the scorer counts them)."""
    return _WORD.findall(text.casefold())


def running_words(tree: lxml_html.HtmlElement) -> int:
    """Words of the page's text outside links, navigation, header, footer, asides and forms.

    When the chrome holds most of the text, a ``<header>`` or ``<nav>`` was left open and took
    the page in: then only links and controls are left out. One walk over the body (an XPath
    with ancestor tests per text node took four times as long) that does not enter what is not
    text (links, scripts, SVG pictures: a fifth of a page's elements).
    """
    body = tree.find("body")
    if body is None:
        return 0
    own: list[str] = []
    chrome: list[str] = []
    in_chrome = [False]  # for each open element (and above the body): inside the chrome
    walk = etree.iterwalk(body, events=("start", "end", "comment", "pi"))
    for event, element in walk:
        if event == "start":
            tag = element.tag
            state = in_chrome[-1] or tag in _CHROME
            in_chrome.append(state)
            if tag in _NOT_TEXT:  # nothing under it is text: its subtree is not walked (its tail is read)
                walk.skip_subtree()
            elif text := element.text:  # each text read once: lxml builds a new string a read
                (chrome if state else own).append(text)
            continue
        if event == "end":
            in_chrome.pop()
        if (tail := element.tail) and element is not body:  # a tail belongs to the parent
            (chrome if in_chrome[-1] else own).append(tail)
    words_own, words_chrome = len(_WORD.findall(" ".join(own))), len(_WORD.findall(" ".join(chrome)))
    total = words_own + words_chrome
    return words_own if words_chrome <= CHROME_MAX_SHARE * total else total


def looks_short(kept: str, running: int) -> bool:
    """The kept text is well short of the page's running text (``running``, :func:`running_words`):
    the story may have been cut.

    Never on a page whose running text is over ``MAX_RUNNING_WORDS`` (a dump, not a cut story).
    """
    return running <= MAX_RUNNING_WORDS and len(_WORD.findall(kept)) < SHORT_SHARE * running


def is_fuller(kept: str, recalled: str, running: int = 0) -> bool:
    """``recalled`` tells ``kept`` more fully: it contains it and is longer, within bounds.

    ``running`` is the page's running text in words (:func:`running_words`): a recall text more
    than ``MAX_GROWTH`` times the kept one is still taken when it stays within
    ``RUNNING_SHARE`` of it (the default run kept one section of a long guide; the rest is the
    page's own prose, not its chrome, which ``running_words`` leaves out).
    """
    short, full = words(kept), words(recalled)
    if not short:
        return bool(full)
    within_page = len(full) <= RUNNING_SHARE * running
    if len(full) < MIN_GROWTH * len(short) or (len(full) > MAX_GROWTH * len(short) and not within_page):
        return False
    return contained(short, full, MIN_CONTAINED)


def contained(short: list[str], full: list[str], share: float, size: int = SHINGLE) -> bool:
    """At least ``share`` of ``short``'s runs of ``size`` words are in ``full`` (word lists, :func:`words`)."""
    inner = _shingles(short, size)
    return len(inner & _shingles(full, size)) >= share * len(inner)


def _shingles(toks: list[str], size: int) -> set[tuple[str, ...]]:
    return {tuple(toks[i : i + size]) for i in range(max(1, len(toks) - size + 1))}


# Class tokens and styles that say "collapsed, not shown until clicked" (an accordion panel, a
# tab, a "read more" box) or "an embed": trafilatura drops such elements whatever they hold, and
# on guides and reviews they hold the story's sections. Not "slide": a slideshow story shown
# whole was read by trafilatura's fallback, and with its slides unmarked its own run kept a quarter
# of it (news corpus: one page, recall 1.00 -> 0.27; WCXB: one listicle gained).
_HIDING = re.compile(r"hid|hide|collaps|expand|embed", re.IGNORECASE)
# ... but menus, dialogs and the page's chrome are hidden that way too, and stay hidden: a class or
# id word that begins or ends with a ``chrome_markup`` word (phrases.toml), or has one among its
# three or fewer parts (``mobile-menu-bar``, ``nav-container``; not ``kt-pane-header-alignment-left``).
_NAME_PARTS = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")  # "CybotCookiebotDialog": three words
# ... and so is an element whose role or tag makes it a dialog, a landmark of the chrome or no content.
_CHROME_ROLES = frozenset({"dialog", "alertdialog", "navigation", "banner", "contentinfo", "complementary", "menu"})
_NO_CONTENT = frozenset({"dialog", "template", "noscript"})
_PROSE_END = re.compile(r"[.!?][\"”’)]*\s*$")
# A paragraph of at least this many words that ends a sentence, hardly linked, is story prose.
PROSE_MIN_WORDS = 20
PROSE_MAX_LINKED = 0.2
# A collapsed element is shown when it holds this many words of such prose.
REVEAL_MIN_WORDS = 40


def reveal_collapsed(tree: lxml_html.HtmlElement) -> int:
    """Show the story's collapsed sections to trafilatura: accordion panels, tabs, embeds of prose.

    Guides and reviews put whole sections in elements classed or styled as hidden (``kt-accordion-
    panel-hidden``, ``display:none`` until a click) or as an embed (``w-embed`` around a table and
    its commentary); trafilatura discards those by their markup, and no setting of its brings them
    back. An element so marked that holds paragraphs of prose (sentences, hardly linked) not shown
    anywhere else on the page loses the marking. Chrome stays hidden: an element in or named as
    navigation, a menu, a dialog, a footer; so does text repeated elsewhere (a mobile copy of a
    desktop block). Returns the number of elements shown.
    """
    body = tree.find("body")
    if body is None:
        return 0
    # Paragraphs only: counting list items of sentences too also showed hidden footnote lists, and
    # lost more than it gained (WCXB body F1 0.9433 -> 0.9424).
    paragraphs = [(p, " ".join(p.text_content().split())) for p in body.iter("p")]
    seen = Counter(text for _, text in paragraphs if text)
    hidden: dict[lxml_html.HtmlElement, int] = {}
    memo: dict[lxml_html.HtmlElement, list[lxml_html.HtmlElement] | None] = {}
    for p, text in paragraphs:
        if seen[text] != 1 or not _is_prose(p, text):
            continue
        for element in _hiding_ancestors(p, body, memo):
            hidden[element] = hidden.get(element, 0) + len(text.split())
    shown = 0
    for element, prose in hidden.items():
        if prose >= REVEAL_MIN_WORDS and not _titled_box(element):
            _unhide(element)
            shown += 1
    return shown


def _titled_box(element: lxml_html.HtmlElement) -> bool:
    """The collapsed element opens with a box's title ("You might also like...", "Related articles"):
    other posts' teasers a template hides on some screens, however much prose their excerpts run to."""
    opening = " ".join(" ".join(text for _, text in zip(range(6), element.itertext(), strict=False)).split())
    return opening_phrase(opening, "box_title") is not None or opening_phrase(opening, "crosslink") is not None


def _is_prose(p: lxml_html.HtmlElement, text: str) -> bool:
    if len(text.split()) < PROSE_MIN_WORDS or not _PROSE_END.search(text):
        return False
    linked = sum(len(a.text_content()) for a in p.iter("a"))
    return linked <= PROSE_MAX_LINKED * len(text)


def _hiding_ancestors(
    p: lxml_html.HtmlElement,
    body: lxml_html.HtmlElement,
    memo: dict[lxml_html.HtmlElement, list[lxml_html.HtmlElement] | None],
) -> list[lxml_html.HtmlElement]:
    """The elements around ``p`` marked as collapsed; none when ``p`` sits in the page's chrome.

    ``memo`` holds each element's answer (``None``: chrome), so a page's paragraphs share the walk
    up their common ancestors.
    """
    chain: list[lxml_html.HtmlElement] = []
    above: list[lxml_html.HtmlElement] | None = []
    for element in (p, *p.iterancestors()):
        if element is body:
            break
        if element in memo:
            above = memo[element]
            break
        chain.append(element)
    for element in reversed(chain):  # outermost first, each one's answer from its parent's
        if above is not None and (element.tag in _CHROME or _names_chrome(element)):
            above = None
        elif above is not None and _is_hiding(element):
            above = [*above, element]
        memo[element] = above
    return above or []


@cache
def _chrome_words() -> frozenset[str]:
    return frozenset(phrases()["chrome_markup"])


def _names_chrome(element: lxml_html.HtmlElement) -> bool:
    """The element is chrome: a class or id word names a part of it (``chrome_markup``), or its role
    (a dialog, a landmark such as navigation) or tag (``<dialog>``, ``<template>``) says so."""
    if element.tag in _NO_CONTENT or element.get("aria-modal") == "true":
        return True
    if (element.get("role") or "").strip().lower() in _CHROME_ROLES:
        return True
    chrome = _chrome_words()
    for name in _CAMEL.sub("-", f"{element.get('class', '')} {element.get('id', '')}").lower().split():
        parts = [part for part in _NAME_PARTS.split(name) if part]
        if parts and (parts[0] in chrome or parts[-1] in chrome or (len(parts) <= 3 and not chrome.isdisjoint(parts))):
            return True
    return False


def _is_hiding(element: lxml_html.HtmlElement) -> bool:
    names = f"{element.get('class', '')} {element.get('id', '')}"
    return bool(_HIDING.search(names)) or marked_hidden(element)


def _unhide(element: lxml_html.HtmlElement) -> None:
    """Drop the marking: the hiding class tokens, a hiding id, style and ``hidden`` attributes."""
    classes = (element.get("class") or "").split()
    if any(_HIDING.search(c) for c in classes):
        element.set("class", " ".join(c for c in classes if not _HIDING.search(c)))
    if _HIDING.search(element.get("id", "")):
        del element.attrib["id"]
    for name in ("style", "aria-hidden", "hidden"):
        if name == "style" and not HIDDEN_STYLE.search(element.get("style", "")):
            continue
        element.attrib.pop(name, None)
