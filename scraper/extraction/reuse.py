"""What one page's lean calls share (see :mod:`scraper.extraction.lean`): results read once a page."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html


@dataclass(slots=True)
class Reuse:
    """What one page's lean calls share: readability's reading of its raw tree (see :meth:`Cascade.compare`).

    Every lean call on ``page`` (unchanged between the calls) hands trafilatura the same raw tree,
    or an equal copy pruned alike, and readability reads nothing else: its result for one call
    is its result for every other. Kept as readability returned it, handed out as copies (the
    comparison may clean the one it takes).
    """

    page: lxml_html.HtmlElement | None = None
    readability: lxml_html.HtmlElement | None = None
    names: str | None = None  # the page's attribute values before pruning, for :func:`raw_prunes`
    # justext's rescue by what it reads: the cleaned tree (a digest of it serialized), the URL and the language
    justext: dict[tuple[bytes, str | None, str | None], tuple[etree._Element, str]] = field(default_factory=dict)

    def for_page(self, page: lxml_html.HtmlElement) -> Reuse:
        """This, for ``page``'s calls; a fresh one when it holds another page's."""
        return self if self.page is page else Reuse(page)
