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
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

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
    with ancestor tests per text node took four times as long).
    """
    body = tree.find("body")
    if body is None:
        return 0
    own: list[str] = []
    chrome: list[str] = []
    states = [(False, False)]  # (not text, in chrome) of the open elements
    for event, element in etree.iterwalk(body, events=("start", "end", "comment", "pi")):
        skip, in_chrome = states[-1]
        if event == "start":
            tag = element.tag
            state = (skip or tag in _NOT_TEXT, in_chrome or tag in _CHROME)
            states.append(state)
            if element.text and not state[0]:
                (chrome if state[1] else own).append(element.text)
            continue
        if event == "end":
            states.pop()
            skip, in_chrome = states[-1]
        if element.tail and element is not body and not skip:  # a tail belongs to the parent
            (chrome if in_chrome else own).append(element.tail)
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
    inner = _shingles(short)
    return len(inner & _shingles(full)) >= MIN_CONTAINED * len(inner)


def _shingles(toks: list[str]) -> set[tuple[str, ...]]:
    return {tuple(toks[i : i + SHINGLE]) for i in range(max(1, len(toks) - SHINGLE + 1))}
