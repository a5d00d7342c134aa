"""An article's verdict from the top of the page, without parsing the rest of it.

The spider needs three things from a page: its kind (follow it or hand it to extraction), its
canonical URL, and, only on pages that are not articles, its links. The kind and the canonical
URL come from ``<meta>``, ``<link>`` and JSON-LD, which almost every article states before
``<body>``; parsing the whole page for them cost the crawl process about 5 ms a page (the parse
3 ms, freeing the tree 0.7), and the extraction worker parses it again anyway.

Once the head says "article", the rest of the page cannot say otherwise: every rule of
``classify`` that more signals could fire before the head's own names an article too (a JSON-LD
article with a headline, a first ``og:type`` of ``article``, ``article:published_time``, an
article type), and the head's meta come first in the document. What the rest could still change
is which of those rules fired, the signal named in the verdict (``article/og_type`` in the head,
``article/jsonld`` for the whole page when a JSON-LD article with a headline sits in the body):
that name is only diagnostics (the ``news/pagekind/...`` stats key and the head verdict quoted in
a rejection's detail; the worker decides the kind again from the whole page's structure), so it is
the head's. Parsing the whole page to rename it cost the crawl process about 6 ms on each such
page (the parse, the signals of the whole tree, freeing it): 38 of the news corpus's 174 pages.

:func:`head_verdict` parses the text before the first ``<body`` and returns its verdict only
when it says "article" and the rest of the page cannot change the canonical URL the spider
compares; otherwise it returns None and the spider parses the whole page. A ``<link
rel=canonical>`` in the head is the document's first, the one the signals keep; without it a
``canonical`` further down would win, and without an ``og:url`` either, so could a ``<meta``
naming one (:func:`_undecided`). The words are looked for in the text after the cut, in any case.

A page that is not an article is parsed in full (its links are followed), so it pays the
small head parse twice. On the news corpus 164 of 174 pages take the short way (126 while the
verdict's signal had to be the whole page's, 98 before the checks were narrowed to what
matters), with the same kinds and canonical URLs as the whole page's tree
(``tests/test_spiders_verdict.py``).
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree
from parsel.selector import create_root_node
from scrapy.http import HtmlResponse

from scraper.extraction.pagekind import Kind, Verdict, classify
from scraper.extraction.signals import PageSignals, read_head_signals
from scraper.fetching.prefix import base_url, head_cut

_WORDS = ("<meta", "canonical", "og:url")
_ANY_CASE = {word: re.compile(re.escape(word), re.IGNORECASE) for word in _WORDS}
_ANY_CASE_BYTES = {word: re.compile(re.escape(word.encode()), re.IGNORECASE) for word in _WORDS}


def head_verdict(response: HtmlResponse) -> tuple[PageSignals, Verdict] | None:
    """The signals and verdict of an article page read from before ``<body``; None: parse it all.

    Raises what decoding the response raises (``UnicodeError``, ``LookupError``, ``ValueError``),
    as ``response.selector`` would.
    """
    cut = head_cut(response)  # from the bytes where the encoding allows: the page is not decoded whole
    if cut is None:  # no <body> tag: where the head ends is the parser's guess
        return None
    head, rest = cut
    # parsel's own normalisation and parser, so the head parses as it does in the whole page's tree
    try:
        root = create_root_node(head, lxml.html.HTMLParser, base_url=base_url(response))
    except etree.LxmlError:  # whatever the head alone does to lxml, the whole page is parsed as before
        return None
    if not isinstance(root, lxml.html.HtmlElement):  # always one, from lxml.html's parser
        return None
    signals = read_head_signals(root)
    verdict = classify(signals, response.url)
    if verdict.kind is not Kind.ARTICLE:
        return None  # its links are read: the whole page is parsed anyway
    if any(_below(rest, word) for word in _undecided(signals)):
        return None
    return signals, verdict


def _undecided(signals: PageSignals) -> list[str]:
    """The words that, found below the head, could change the canonical URL the spider compares."""
    if signals.canonical:
        return []
    if signals.first_meta("og:url"):
        return ["canonical"]
    return ["canonical", "<meta", "og:url"]


def _below(rest: str | bytes, word: str) -> bool:
    """Whether ``word`` is in the rest of the page, in any case.

    In bytes only ASCII letters fold; in text ``i`` also matches ``İ`` and ``ı``, which lxml does
    not read as an ``i`` in a ``rel`` or a tag name: either way the answer is the same.
    """
    if isinstance(rest, bytes):
        return _ANY_CASE_BYTES[word].search(rest) is not None
    return _ANY_CASE[word].search(rest) is not None
