"""Skipping trafilatura steps whose result it would discard changes nothing but the time.

``_run_trafilatura`` skips the raw-tree prunes (and the tree copy) when ``raw_prunes`` says they
cannot match, and readability when ``readability_cannot_win``. These tests hold that to the
installed trafilatura: its own XPaths never match where the check says they cannot, readability
never finds more text than ``page_text_bound``, and the body equals ``bare_extraction``'s on
real pages, with the caller's tree left as it was.
"""

from __future__ import annotations

import gzip
import json
from copy import copy
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.article import _run_trafilatura
from scraper.extraction.decoding import decode_page, parse_page
from scraper.extraction.lean import page_text_bound, raw_prunes, readability_cannot_win
from scraper.extraction.options import ExtractionOptions
from scraper.extraction.prune import prune_page
from scraper.items import Rejection

trafilatura = pytest.importorskip("trafilatura")
xpaths = pytest.importorskip("trafilatura.xpaths")
external = pytest.importorskip("trafilatura.external")

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
_PARAGRAPH = "The harbour board agreed on Tuesday to repair the northern sea wall before the winter storms. " * 3


def _page(extra: str = "") -> lxml_html.HtmlElement:
    paragraphs = "".join(f"<p>{_PARAGRAPH} Part {i}.</p>" for i in range(6))
    return lxml_html.document_fromstring(
        f"<html><head><title>Wall repairs</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Harbour board agrees wall repairs</h1>{paragraphs}</article>{extra}"
        "<footer>© 2026 Example</footer></body></html>"
    )


def _matches(tree: lxml_html.HtmlElement) -> tuple[bool, bool]:
    scroll = any(xpath(tree) for xpath in xpaths.RAW_TREE_PRUNE_XPATH)
    comments = any(xpath(tree) for xpath in xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH)
    return scroll, comments


def _bare_body(tree: lxml_html.HtmlElement, url: str, recall: bool) -> bytes | None:
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        include_links=True,
        favor_recall=recall,
    )
    return None if document is None or document.body is None else etree.tostring(document.body)


def _our_body(tree: lxml_html.HtmlElement, url: str, recall: bool) -> bytes | None:
    document = _run_trafilatura(tree, url, ExtractionOptions(), favor_recall=recall)
    return None if document is None or document.body is None else etree.tostring(document.body)


@pytest.mark.parametrize(
    ("markup", "scroll", "comments"),
    [
        ("", False, False),
        ("<div class='mvp-post-add-box'><p>Next story</p></div>", True, False),
        ("<section id='infinite-scroll'><p>Next story</p></section>", True, False),
        ("<div class='elementor-share-buttons'><a href='/s'>Share</a></div>", True, False),
        ("<div id='comments'><p>First!</p></div>", False, True),
        ("<div class='post-comments'><p>First!</p></div>", False, True),
        ("<ol class='Comment-list'><li>First!</li></ol>", False, True),
        ("<div id='disqus_thread'></div>", False, True),
        ("<div id='comol-1'><p>First!</p></div>", False, True),
    ],
)
def test_the_check_finds_every_container_trafilatura_would_prune(markup: str, scroll: bool, comments: bool) -> None:
    tree = _page(markup)
    assert _matches(tree) == (scroll, comments), "trafilatura's own XPaths disagree: the case tests nothing"
    found = raw_prunes(tree)
    assert (found.scroll, found.comments) == (scroll, comments)
    assert found.idle is not (scroll or comments)


@pytest.mark.parametrize("recall", [False, True])
def test_a_page_with_comments_gets_bare_extractions_body_and_keeps_its_tree(recall: bool) -> None:
    tree = _page("<div class='comments-area'><p>I disagree with the harbour board entirely, says a reader.</p></div>")
    assert raw_prunes(tree).comments
    before = etree.tostring(tree)
    ours = _our_body(tree, "https://news.example/wall", recall)
    assert ours is not None
    assert b"I disagree" not in ours
    assert etree.tostring(tree) == before, "the comment prune ran on the caller's tree, not a copy"
    assert ours == _bare_body(tree, "https://news.example/wall", recall)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent (pages of real sites)")
def test_real_pages_get_bare_extractions_body_and_keep_their_tree() -> None:
    rows = [json.loads(line) for line in (CORPUS / "truth.jsonl").read_text("utf-8").splitlines()]
    idle = 0
    for row in rows[::4]:  # a quarter of the corpus: every kind of site, 10 s
        decoded = decode_page(gzip.decompress((CORPUS / "pages" / f"{row['id']}.html.gz").read_bytes()), None)
        assert not isinstance(decoded, Rejection)
        tree = parse_page(decoded)
        prune_page(tree)  # as extraction hands it over
        prunes = raw_prunes(tree)
        scroll, comments = _matches(tree)
        assert prunes.scroll or not scroll, row["id"]
        assert prunes.comments or not comments, row["id"]
        idle += prunes.idle
        found = external.try_readability(copy(tree))  # what readability makes of the page (it writes to it)
        assert len(" ".join(found.text_content().split())) <= page_text_bound(tree), row["id"]
        before = etree.tostring(tree)
        assert _our_body(tree, row["url"], False) == _bare_body(tree, row["url"], False), row["id"]
        assert etree.tostring(tree) == before, row["id"]
    assert idle > len(rows[::4]) / 2, "the check says almost every page may match: it saves nothing"


def test_readability_is_run_where_it_could_win() -> None:
    tree = _page()
    bound = page_text_bound(tree)
    body = etree.fromstring("<body><p>Harbour board agrees wall repairs.</p></body>")
    assert readability_cannot_win(body, bound // 2 + 1, tree)
    assert not readability_cannot_win(body, bound // 2 - 1, tree), "readability's text could be twice as long"
    assert not readability_cannot_win(body, 0, tree), "trafilatura found nothing: readability's text wins"
    tables = etree.fromstring("<body><p>Scores</p><table><row><cell>1</cell></row></table><table/></body>")
    assert not readability_cannot_win(tables, bound, tree), "more tables than paragraphs: readability may win"
    empty = etree.fromstring("<body><p/><list><item>Harbour</item></list></body>")
    assert not readability_cannot_win(empty, bound, tree), "no paragraph text: readability may win"


def test_the_bound_counts_what_readability_writes_into_video_embeds() -> None:
    """readability writes "VIDEO" into each video ``<iframe>`` it keeps: text the page never had."""
    embeds = "".join(
        f"<p>{_PARAGRAPH} Clip {i}.</p><iframe src='https://www.youtube.com/embed/v{i}'></iframe>" for i in range(10)
    )
    tree = lxml_html.document_fromstring(f"<html><body><article>{embeds}</article></body></html>")
    found = external.try_readability(copy(tree))
    assert "VIDEO" in found.text_content()
    assert len(" ".join(found.text_content().split())) <= page_text_bound(tree)


def test_a_plaintext_element_sends_the_page_the_ordinary_way() -> None:
    tree = lxml_html.document_fromstring(f"<html><body><p>{_PARAGRAPH}</p><plaintext>raw <p>text</p></body></html>")
    body = etree.fromstring(f"<body><p>{_PARAGRAPH}</p></body>")
    assert not readability_cannot_win(body, page_text_bound(tree), tree)


def test_threads_extracting_at_once_get_each_pages_own_body_and_leave_trafilatura_as_it_was() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from trafilatura import core

    pages = [_page(), _page("<div id='comments'><p>I disagree with the harbour board, says a reader.</p></div>")] * 6
    alone = [_bare_body(tree, "https://news.example/wall", False) for tree in pages[:2]]
    originals = (core.RAW_TREE_PRUNE_XPATH, core.REMOVE_COMMENTS_AND_LISTS_XPATH, core.compare_extraction)
    with ThreadPoolExecutor(4) as pool:
        bodies = list(pool.map(lambda tree: _our_body(tree, "https://news.example/wall", False), pages))
    assert bodies == alone * 6
    assert b"I disagree" not in bodies[1]
    assert (core.RAW_TREE_PRUNE_XPATH, core.REMOVE_COMMENTS_AND_LISTS_XPATH, core.compare_extraction) == originals


@pytest.mark.parametrize("shape", ["reshaped", "compiled"])
@pytest.mark.parametrize("extra", ["", "<div id='comments'><p>A reader's comment.</p></div>"])
def test_a_trafilatura_without_the_internals_gets_the_public_call(
    monkeypatch: pytest.MonkeyPatch, extra: str, shape: str
) -> None:
    """A trafilatura whose ``trafilatura_sequence`` was reshaped (a later release) still extracts the page.

    The installed module's function is replaced by one with other parameter names, which only
    trafilatura's own code can call: the page takes ``bare_extraction`` and gets the body the
    lean call gave, the caller's tree untouched.
    """
    from trafilatura import core

    from scraper.extraction import article

    url, options = "https://example.com/a", ExtractionOptions()
    article._lean_supported.cache_clear()
    assert article._lean_supported(), "the installed trafilatura is the one the lean call knows"
    lean = _run_trafilatura(_page(extra), url, options)
    article._lean_supported.cache_clear()
    original = core.trafilatura_sequence

    def reshaped(html_tree: object, settings: object, address: object = None) -> object:
        return original(html_tree, settings, address)  # type: ignore[arg-type]

    class Compiled:  # a compiled function: callable, with no signature to read
        def __call__(self, *args: Any) -> object:
            return original(*args)

        @property
        def __signature__(self) -> None:
            raise ValueError("no signature found for builtin")

    monkeypatch.setattr(core, "trafilatura_sequence", reshaped if shape == "reshaped" else Compiled())
    tree = _page(extra)
    before = etree.tostring(tree)
    try:
        public = _run_trafilatura(tree, url, options)
        assert not article._lean_supported()
    finally:
        article._lean_supported.cache_clear()
    assert lean is not None
    assert public is not None
    assert etree.tostring(public.body) == etree.tostring(lean.body)
    assert etree.tostring(tree) == before
