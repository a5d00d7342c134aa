"""htmldate's date of the whole page before pruning, read only when the pruned page's date falls short.

A page without date markup gets its date guessed by htmldate twice: on the pruned page (trafilatura's
metadata pass, which stands unless it finds nothing or only a year) and on the whole page, which
finds a date in a box pruning removes (:func:`scraper.extraction.pubdate.page_date`). The second run
is wanted on few pages; it is deferred to the moment the first falls short.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy

from lxml import html as lxml_html

from scraper.extraction.pubdate import page_date

# A page this large gets htmldate's whole-page date at once, as before: a copy of its tree held until
# the date is read would cost more memory (~10 MB a MB of page) than the second run costs time.
COPY_BYTES = 2_000_000


def whole_page_date(tree: lxml_html.HtmlElement, url: str, size: int) -> Callable[[], str | None]:
    """htmldate's date of the whole page as it is now (before pruning), read when called (once).

    Run only when the pruned page's date is missing or a year guess (``pubdate.pick_fallback_date``):
    a copy of the tree (a few ms) instead of a second htmldate run (up to 200 ms) on every page
    without date markup. The copy is let go once read.
    """
    if size > COPY_BYTES:
        now = page_date(tree, url)
        return lambda: now
    kept: list[lxml_html.HtmlElement] = [deepcopy(tree)]
    found: list[str | None] = []

    def read() -> str | None:
        if not found:
            found.append(page_date(kept.pop(), url))
        return found[0]

    return read


def no_date() -> None:
    """The whole page's date when the markup states one: never read (the markup's wins)."""
