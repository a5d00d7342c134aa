"""Pruning and the visible signals hold a page's attribute values without setting off the collector.

Both read every class, id (and more) of a page through one XPath, as lxml smart strings, which
the cyclic collector tracks: on a page of a thousand named elements they used to set off young
collections (and, over many pages, full ones, each a walk over every object of the process).
The collector is paused while they are held (:func:`~scraper.extraction.collector.collector_paused`)
and put back as it was, also when the code under it raises, the program had turned it off or
turns it off meanwhile, and when pages overlap in threads.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from scraper.extraction.article import extract_article
from scraper.extraction.collector import collector_paused
from scraper.extraction.prune import prune_page
from scraper.extraction.visible import read_signals
from tests.helpers import make_page

PAGES = Path(__file__).parent / "data" / "pages"


def _page(cards: int) -> str:
    """A listing-like page: many elements with a class and an id, some of them marked boxes."""
    rows = "".join(
        f'<div class="card card-{i % 7} author" id="c{i}"><span class="meta caption">Item {i}</span>'
        f'<p class="teaser">Some words of teaser {i}.</p></div>'
        for i in range(cards)
    )
    return f'<html><body><main class="page"><h1>A title</h1>{rows}<div class="related">More</div></main></body></html>'


@contextmanager
def _collections() -> Iterator[list[int]]:
    """The generations of the collections run inside the block, under the default thresholds."""
    seen: list[int] = []

    def count(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    thresholds = gc.get_threshold()
    gc.collect()
    gc.set_threshold(700, 10, 10)
    gc.callbacks.append(count)
    try:
        yield seen
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*thresholds)


def test_pruning_a_page_of_a_thousand_named_elements_sets_off_no_collection() -> None:
    tree = lxml_html.document_fromstring(_page(1000))
    with _collections() as seen:
        removed = prune_page(tree)
    assert removed == 1  # the "related" box (author and caption are no boilerplate words)
    assert seen == []
    assert gc.isenabled()


def test_reading_the_visible_signals_of_such_a_page_sets_off_no_collection_in_the_marked_search() -> None:
    tree = lxml_html.document_fromstring(_page(1000))
    with _collections() as seen:
        signals = read_signals(tree)
    assert len(signals.captions) == 200  # the caption-like elements kept, as before
    assert len(signals.bylines) == 20  # and the first byline-like ones
    # The rest of read_signals allocates a few hundred objects a page: at most one young collection.
    assert seen.count(0) <= 1
    assert 2 not in seen
    assert gc.isenabled()


def _collects_on_allocation() -> bool:
    """Whether allocating makes the collector run (a young collection is due after 700 objects)."""
    seen: list[str] = []

    def count(phase: str, info: dict[str, Any]) -> None:
        seen.append(phase)

    gc.callbacks.append(count)
    try:
        _garbage = [[] for _ in range(5000)]  # tracked containers: past any young threshold we set
        del _garbage
    finally:
        gc.callbacks.remove(count)
    return bool(seen)


def test_the_collector_is_put_back_as_it_was() -> None:
    thresholds = gc.get_threshold()
    assert gc.isenabled()
    with collector_paused():
        assert not _collects_on_allocation()
    assert gc.get_threshold() == thresholds
    assert _collects_on_allocation()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a bug under it")
    assert gc.get_threshold() == thresholds
    gc.disable()  # a program that runs without the collector keeps it off
    try:
        with collector_paused():
            assert not _collects_on_allocation()
        assert not gc.isenabled()
        assert not _collects_on_allocation()
    finally:
        gc.enable()


def _in_thread(entered: threading.Event, leave: threading.Event) -> threading.Thread:
    """A thread extracting a page: inside a pause from ``entered`` until ``leave`` is set."""

    def work() -> None:
        with collector_paused():
            entered.set()
            leave.wait(10)

    thread = threading.Thread(target=work)
    thread.start()
    assert entered.wait(10)
    return thread


def test_a_program_that_turns_the_collector_off_during_a_page_keeps_it_off() -> None:
    entered, leave = threading.Event(), threading.Event()
    thread = _in_thread(entered, leave)
    try:
        gc.disable()  # the program, in its own thread, while another one extracts a page
        leave.set()
        thread.join(10)
        assert not gc.isenabled()
    finally:
        leave.set()
        gc.enable()


def test_thresholds_the_program_sets_during_a_page_are_kept() -> None:
    thresholds = gc.get_threshold()
    entered, leave = threading.Event(), threading.Event()
    thread = _in_thread(entered, leave)
    try:
        gc.set_threshold(5000, 20, 20)
        leave.set()
        thread.join(10)
        assert gc.get_threshold() == (5000, 20, 20)
    finally:
        leave.set()
        gc.set_threshold(*thresholds)


def test_overlapping_pages_in_two_threads_stay_paused_until_the_last_ends() -> None:
    thresholds = gc.get_threshold()
    first, leave_first = threading.Event(), threading.Event()
    second, leave_second = threading.Event(), threading.Event()
    one = _in_thread(first, leave_first)
    two = _in_thread(second, leave_second)
    try:
        leave_first.set()
        one.join(10)
        assert not _collects_on_allocation()  # the second page is still being extracted
        leave_second.set()
        two.join(10)
        assert gc.get_threshold() == thresholds
        assert _collects_on_allocation()
    finally:
        leave_first.set()
        leave_second.set()


def test_pages_that_overlap_end_to_end_do_not_starve_the_collector() -> None:
    """Pauses that overlap, never all over at once (threads extracting back to back), still collect.

    The overlap is made in one thread, deterministically: each new page begins before the last
    one ends, so the pause count never drops to 0; each page's end makes the collection then due.
    """
    with _collections() as seen:
        page = collector_paused()
        page.__enter__()
        try:
            for _ in range(20):
                following = collector_paused()
                following.__enter__()
                page.__exit__(None, None, None)
                page = following
                _cycles(500)
            during = len(seen)  # before the last page ends (an int: no allocation the collector counts)
        finally:
            page.__exit__(None, None, None)
    assert during > 0, "no collection ran while the pages' pauses overlapped"
    assert gc.collect() < 500  # the cycles were collected as the pages ended, not left for later


def _cycles(n: int) -> None:
    """``n`` two-object reference cycles, left as garbage for the collector."""
    for _ in range(n):
        a: list[Any] = []
        b: list[Any] = [a]
        a.append(b)


def test_extracting_pages_sets_off_no_collection_and_leaves_no_cycle() -> None:
    """The collector is paused for a page's extraction (a page makes no cycle: there is nothing for it)."""
    pages = [make_page(path.read_bytes()) for path in sorted(PAGES.glob("*.html"))]
    pages += [make_page(_story(200).encode())] * 3
    assert len(pages) >= 8
    extract_article(pages[0])  # imports and memos first, as a worker's preload does
    with _collections() as seen:
        kinds = [type(extract_article(page)).__name__ for page in pages]
        assert gc.isenabled()
    assert kinds[-1] == "Article"
    # What the pages keep (memos) adds up between pages: a collection may run as one begins.
    assert seen.count(0) <= 2
    assert 1 not in seen
    assert 2 not in seen
    assert gc.collect() == 0  # and nothing left that the paused collector would have found


def _story(paragraphs: int) -> str:
    """A long article with a byline and many named elements (share bars, captions)."""
    body = "".join(
        f'<div class="para-wrap block-{i % 9}" id="p{i}"><p class="text">Paragraph {i} of the story about the '
        "harbour footbridge, which reopened on Monday after months of repairs to its deck.</p>"
        f'<span class="share-bar"><a href="/s{i}">Share</a></span></div>'
        for i in range(paragraphs)
    )
    return (
        "<html><head><title>Footbridge reopens</title></head><body><article><h1>Footbridge reopens</h1>"
        f'<p class="byline">By Ann Lee</p>{body}</article></body></html>'
    )
