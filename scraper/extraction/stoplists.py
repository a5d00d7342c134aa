"""justext's stop-lists for a page of no known language, without the copy trafilatura would make of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


class AllStoplists:
    """Every justext stop-list's words, for trafilatura to hand justext on a page of no known language.

    trafilatura would build a tuple of the union (154,000 words, 14 MB per worker) and keep it;
    justext keys an ``lru_cache`` on that argument, so it hashes the whole tuple on every page
    it classifies (about 5 ms), and keeps its own lower-cased frozenset of the words (19 MB).
    This stands in for the tuple: the same words when justext reads them (once, on the first
    page that needs them), hashed by identity, holding nothing itself. Same words, same sets:
    the extracted text is unchanged.
    """

    __slots__ = ()

    def __iter__(self) -> Iterator[str]:
        from justext.utils import get_stoplist, get_stoplists

        for language in sorted(get_stoplists()):
            yield from get_stoplist(language)
