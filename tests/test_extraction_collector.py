"""Pruning and the visible signals hold a page's attribute values without setting off the collector.

Both read every class, id (and more) of a page through one XPath, as lxml smart strings, which
the cyclic collector tracks: on a page of a thousand named elements they used to set off young
collections (and, over many pages, full ones, each a walk over every object of the process).
The collector is paused while they are held (:func:`~scraper.extraction.namesearch.collector_paused`)
and put back as it was, also when the code under it raises or the program had turned it off.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from lxml import html as lxml_html

from scraper.extraction.namesearch import collector_paused
from scraper.extraction.prune import prune_page
from scraper.extraction.visible import read_signals


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


def test_the_collector_is_put_back_as_it_was() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a bug under it")
    assert gc.isenabled()
    gc.disable()  # a program that runs without the collector keeps it off
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
