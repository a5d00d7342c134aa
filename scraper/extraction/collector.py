"""Python's cyclic collector is paused while a page is extracted: reference counting frees what a page makes.

Extracting a page allocates and frees hundreds of thousands of objects (lxml proxies and smart
strings, trafilatura's and our lists, dicts, tuples) and leaves no cycle behind (over the
corpus, ``gc.collect()`` after a page finds nothing: see ``worker_process.settle_collector``).
The collector still ran on them: a young collection every 700 net allocations, which moved
whatever a page still held (the attribute values of a whole page from one XPath, the element
lists of trafilatura's run) to the older generations, whose growth set off full collections,
each a walk over every object of the process (~25 ms with trafilatura loaded). In a process
with the default thresholds (``scraper extract``, ``scraper.api``, the quality bench), over the
news corpus: 903 young, 82 middle and 7 full collections, 1.76 ms a page of collector time;
with the collector paused while a page is extracted, 19 young and 2 middle ones (after pages),
0.15 ms a page. Plain trafilatura in the same process: 307/28/1, 0.75 ms a page.

Nothing is collected later than it would be: objects go when their count drops, as before, and
cyclic garbage (should a page ever make some) at the first collection after the page.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

_lock = threading.Lock()
_pauses = 0  # blocks inside collector_paused, in all threads
_thresholds = gc.get_threshold()  # as they were when the first of them began


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic collection during the block; then the thresholds as they were.

    The pause is a young threshold of 0 (CPython collects nothing on allocation then), not
    ``gc.disable()``: the program's own switch stays the program's, whatever thread flips it and
    when. Blocks nest and overlap across threads: the pause begins with the first and ends with
    the last, so a thread's page never finishes with the collector back on because another
    thread's page did, and each page's end makes the collection then due (see
    :func:`_collect_as_due`), so overlapping threads do not starve the collector. Thresholds the
    program sets during a pause are left as it set them.
    """
    _begin()
    try:
        yield
    finally:
        _end()


def _begin() -> None:
    global _pauses, _thresholds
    with _lock:
        if _pauses == 0:
            _thresholds = gc.get_threshold()
            gc.set_threshold(0, *_thresholds[1:])
        _pauses += 1


def _end() -> None:
    global _pauses
    with _lock:
        _pauses -= 1
        if _pauses == 0 and gc.get_threshold() == (0, *_thresholds[1:]):
            gc.set_threshold(*_thresholds)
            return
        others_paused = _pauses > 0
    if others_paused:
        _collect_as_due()


def _collect_as_due() -> None:
    """The collection the thresholds of before the pause would have made by now, if any.

    Threads whose pages overlap one after another (``scraper.api`` called from a thread pool)
    may never all be out of a pause at once: without this, nothing in the process would be
    collected while they run. Each page's end does what the collector would have done on the
    next allocation, oldest generation due first (as CPython picks it). Outside the lock: a
    collection can run finalizers, which may extract a page themselves.
    """
    counts, limits = gc.get_count(), _thresholds
    if limits[0] == 0 or counts[0] <= limits[0]:
        return
    generation = 2 if counts[2] > limits[2] else 1 if counts[1] > limits[1] else 0
    gc.collect(generation)
