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

from bisect import bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING, AnyStr

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

SEPARATOR = "\0"  # in no attribute value libxml2 hands back, so no word is found across two values


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
        return _hits(SEPARATOR.join(values), words, list(map(len, values)))
    encoded = [value.encode() for value in values]
    joined = SEPARATOR.encode().join(encoded).lower()
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
