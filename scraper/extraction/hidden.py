"""Markup that hides an element from the reader: one reading for every rule that asks.

The pre-pruning (a dialog not opened: :func:`closed_dialog`), the collapsed sections shown again after it, the
spared boxes and the loose text between blocks all ask whether a page shows an element before a click.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def marked_hidden(element: etree._Element) -> bool:
    """Whether the element itself is marked hidden: ``hidden``, ``aria-hidden="true"`` or a hiding style."""
    return (
        element.get("hidden") is not None
        or _true(element.get("aria-hidden"))
        or bool(HIDDEN_STYLE.search(element.get("style") or ""))
    )


def closed_dialog(element: lxml_html.HtmlElement) -> bool:
    """A dialog the page has not opened: a ``<dialog>`` without ``open``, or a box with the dialog's role or
    ``aria-modal`` marked hidden (or inside an element that is); or a box marked hidden around one (the role a
    child or grandchild's: Bootstrap's and Micromodal's wrappers). A box the page shows is none, whatever dialog
    it holds (a share sheet's in a story's wrapper).

    A reader never sees it until a click, whatever it holds: a "republish this story" modal carries a copy of
    the story (headline and all) beside its terms, so the pre-pruning's share guard, which keeps a marked story
    wrapper, kept the copy and the terms with it. An open dialog, or a hidden box that is no dialog (a collapsed
    section, which :func:`~scraper.extraction.recall.reveal_collapsed` may show), keeps the guard.
    """
    if _is_dialog(element):
        if element.tag == "dialog" and element.get("open") is None:
            return True
    elif not any(_is_dialog(node) for child in element.iterchildren() for node in (child, *child.iterchildren())):
        return False
    return any(marked_hidden(node) for node in (element, *element.iterancestors()))


def _is_dialog(node: etree._Element) -> bool:
    if not isinstance(node.tag, str):
        return False
    roles = (node.get("role") or "").lower().split()
    return node.tag == "dialog" or "dialog" in roles or "alertdialog" in roles or _true(node.get("aria-modal"))


def _true(value: str | None) -> bool:
    return (value or "").strip().lower() == "true"
