"""How close a page's date, byline and main prose run sit to its headline (features of :mod:`structure`).

An article states its date and author beside its headline, and its story hangs under it; a
landing page's headline tops a hero banner, its longest prose run is far down among feature
tiles, and its only date is in the footer. Split from :mod:`structure` (which finds the
headline and the marks in its walk) to keep each module small; pure tree arithmetic, no text.
"""

from __future__ import annotations

from lxml import html as lxml_html

NEAR = 6  # levels above the headline within which a date or byline shares its block


def ancestors(el: lxml_html.HtmlElement, levels: int) -> list[lxml_html.HtmlElement]:
    """The element and up to ``levels`` ancestors, nearest first."""
    chain = [el]
    for _ in range(levels):
        parent = chain[-1].getparent()
        if parent is None:
            break
        chain.append(parent)
    return chain


def near_headline(h1: lxml_html.HtmlElement | None, marks: list[lxml_html.HtmlElement]) -> float:
    """1 when a mark (a date, a byline) shares a block with the headline, below ``<body>``, else 0.

    A page that only has a date in its footer shares nothing with its headline but ``<body>``.
    """
    if h1 is None or not marks:
        return 0.0
    blocks = {block for block in ancestors(h1, NEAR)[1:] if block.tag not in ("body", "html")}
    return 1.0 if any(not blocks.isdisjoint(ancestors(mark, NEAR + 2)) for mark in marks) else 0.0


def main_near_headline(h1: lxml_html.HtmlElement | None, main: lxml_html.HtmlElement | None) -> float:
    """How close the main prose run (``main``, its parent element) is to the headline: 1 when under its block."""
    if h1 is None or main is None:
        return 0.0
    up = ancestors(h1, 8)[1:]
    for level, ancestor in enumerate(ancestors(main, 8)):
        if ancestor in up:
            return 1.0 / (1 + max(level, up.index(ancestor)))
    return 0.0
