"""An article's verdict from the top of the page, without parsing the rest of it.

The spider needs three things from a page: its kind (follow it or hand it to extraction), its
canonical URL, and, only on pages that are not articles, its links. The kind and the canonical
URL come from ``<meta>``, ``<link>`` and JSON-LD, which almost every article states before
``<body>``; parsing the whole page for them cost the crawl process about 5 ms a page (the parse
3 ms, freeing the tree 0.7), and the extraction worker parses it again anyway.

:func:`head_verdict` parses the text before the first ``<body`` and returns its verdict only
when the rest of the page cannot change what the spider does with it (the verdict it puts on
the ``Page`` and the canonical URL it compares), so the spider decides exactly as a full parse
would; otherwise it returns None and the spider parses the whole page. What the rest could
change depends on what the head already says (:func:`_undecided`):

- a JSON-LD article with a headline decides the kind for good (``classify``'s first rule: a
  later article node can only replace it by another with a headline); otherwise an ``ld+json``
  further down could still make it ``article/jsonld``, and, unless the head's first ``og:type``
  settled the rule that fired, so could a ``<meta`` (``og:type``, ``article:published_time``);
- a ``<link rel=canonical>`` in the head is the document's first, the one the signals keep;
  without it a ``canonical`` further down would win, and without an ``og:url`` either, so
  could a ``<meta`` naming one.

The words are looked for in the text after the cut, ``ld+json`` as XPath tests it (case
matters), the others in any case. (Written with character references, ``ld&#43;json``, they
would slip by: a page that hides its own metadata so gets the head's verdict.) Only the words
that matter are looked for: on the news corpus most articles need none or only ``ld+json``,
so the text after the head is no longer lower-cased whole (1.5 ms a page).

A page that is not an article is parsed in full (its links are followed), so it pays the
small head parse twice. On the news corpus 126 of 174 pages take the short way (98 before the
checks above were narrowed to what matters), with the same verdicts and canonical URLs as the
whole page's tree (``tests/test_spiders_verdict.py``).
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree
from parsel.selector import create_root_node
from scrapy.http import HtmlResponse
from scrapy.utils.response import get_base_url

from scraper.extraction.pagekind import Kind, Verdict, classify
from scraper.extraction.signals import PageSignals, read_head_signals

_BODY_START = re.compile(r"<body[\s/>]", re.IGNORECASE)
JSONLD = "ld+json"  # what the signals' XPath looks for in a script's type, case-sensitively
_ANY_CASE = {word: re.compile(re.escape(word), re.IGNORECASE) for word in ("<meta", "canonical", "og:url")}


def head_verdict(response: HtmlResponse) -> tuple[PageSignals, Verdict] | None:
    """The signals and verdict of an article page read from before ``<body``; None: parse it all.

    Raises what decoding the response raises (``UnicodeError``, ``LookupError``, ``ValueError``),
    as ``response.selector`` would.
    """
    text = response.text
    start = _BODY_START.search(text)
    if start is None:  # no <body> tag: where the head ends is the parser's guess
        return None
    # parsel's own normalisation and parser, so the head parses as it does in the whole page's tree
    try:
        root = create_root_node(text[: start.start()], lxml.html.HTMLParser, base_url=get_base_url(response))
    except etree.LxmlError:  # whatever the head alone does to lxml, the whole page is parsed as before
        return None
    if not isinstance(root, lxml.html.HtmlElement):  # always one, from lxml.html's parser
        return None
    signals = read_head_signals(root)
    verdict = classify(signals, response.url)
    if verdict.kind is not Kind.ARTICLE:
        return None  # its links are read: the whole page is parsed anyway
    if any(_below(text, start.start(), word) for word in _undecided(signals, verdict)):
        return None
    return signals, verdict


def _undecided(signals: PageSignals, verdict: Verdict) -> list[str]:
    """The words that, found below the head, could change the verdict or the canonical URL."""
    words: list[str] = []
    if signals.article_ld is None or not signals.article_ld.get("headline"):
        words.append(JSONLD)  # a JSON-LD article with a headline below would decide it
        settled = verdict.signal == "og_type" or (verdict.signal == "published_time" and signals.first_meta("og:type"))
        if not settled:  # a first og:type or published_time below could fire an earlier rule
            words.append("<meta")
    if not signals.canonical:
        words.append("canonical")
        if not signals.first_meta("og:url"):
            words += ["<meta", "og:url"]
    return words


def _below(text: str, start: int, word: str) -> bool:
    if word == JSONLD:
        return text.find(word, start) >= 0
    return _ANY_CASE[word].search(text, start) is not None
