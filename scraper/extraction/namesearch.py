"""Which of a page's attribute values hold any of a few words: one search over them all, joined.

Pruning and the visible signals both ask it of every class, id (and more) of a page, about 700
values, of which about nine in ten hold none of the words. Judging each value in Python cost
more than the rest of either step; here the values are joined and each word looked for in the
whole (``find``, a search in C), and a hit is mapped back to its value by offset. After a hit the
search moves on to the next value: the value is a candidate already, and a page of one class
repeated (a hostile 8 MB page) would otherwise be searched once per occurrence of each word.
Each distinct value is searched once, as templates repeat their classes.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from contextlib import contextmanager
from itertools import accumulate
from typing import TYPE_CHECKING, AnyStr

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

_SEPARATOR = "\0"  # in no attribute value libxml2 hands back, so no word is found across two values


def values_holding(values: Sequence[str], words: Iterable[str], *, fold: bool = False) -> list[int]:
    """The indices, ascending, of the ``values`` that contain at least one of ``words``.

    ``fold``: ASCII letters match whatever their case (``words`` are then given in lower case).
    The values are folded as UTF-8 bytes, whose ``lower()`` folds ASCII only and keeps every
    offset (``str.lower`` may change a string's length: ``İ`` becomes two characters). Without
    it the match is exact, as ``str.find`` and the case-sensitive regexes of the callers are.
    Nothing here is kept after the call: the values may be lxml smart strings, each of which
    holds its whole tree.
    """
    distinct = list(dict.fromkeys(values))
    found = _distinct_holding(distinct, words, fold)
    if len(found) == len(distinct):
        return list(range(len(values)))
    if not found:
        return []
    holding = {distinct[index] for index in found}
    return [index for index, value in enumerate(values) if value in holding]


def _distinct_holding(values: list[str], words: Iterable[str], fold: bool) -> set[int]:
    """:func:`values_holding` on values without repeats: the search itself."""
    if not fold:
        return _hits(_SEPARATOR.join(values), words, list(map(len, values)))
    encoded = [value.encode() for value in values]
    joined = _SEPARATOR.encode().join(encoded).lower()
    return _hits(joined, [word.encode() for word in words], list(map(len, encoded)))


def _hits(joined: AnyStr, needles: Iterable[AnyStr], lengths: list[int]) -> set[int]:
    """Which of the values joined (each ``lengths`` long, one separator after each) hold a needle."""
    starts = [0, *accumulate(length + 1 for length in lengths)]  # where each value begins in ``joined``
    found: set[int] = set()
    for needle in needles:
        at = joined.find(needle)
        while at >= 0:
            index = bisect_right(starts, at) - 1
            found.add(index)
            at = joined.find(needle, starts[index + 1])  # the value is a candidate: on to the next one
    return found


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a page's attribute values are held (then as before).

    The values callers search come from one XPath as lxml smart strings: a ``str`` subclass the
    collector tracks, 800 to 900 of them on a typical page, all alive at once and freed by their
    reference counts when the caller is done (they hold no cycle). Allocated in one burst, they
    set off a young collection on nearly every page, which moved them to the older generations,
    whose growth set off full collections (each a walk over every object of the process: ~25 ms
    with trafilatura loaded). Over the news corpus in one process, the collections under pruning
    and the visible signals fell from 564 to 9 young ones and from 5 to 0 full ones (all: 7 to 3), 1.76 to
    0.83 ms of collector time a page. Nothing is collected later than it would be by a call
    made with the collector off: objects freed by count go at once, cycles at the next
    collection. A collector the program turned off stays off; another thread's collections wait.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
