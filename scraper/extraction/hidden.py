"""Markup that hides an element from the reader: one reading for every rule that asks.

The pre-pruning (a dialog not opened), the collapsed sections shown again after it, the spared boxes and the
loose text between blocks all ask whether a page shows an element before a click.
"""

from __future__ import annotations

import re

from lxml import etree

HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def marked_hidden(element: etree._Element) -> bool:
    """Whether the element itself is marked hidden: ``hidden``, ``aria-hidden="true"`` or a hiding style."""
    return (
        element.get("hidden") is not None
        or (element.get("aria-hidden") or "").strip().lower() == "true"
        or bool(HIDDEN_STYLE.search(element.get("style") or ""))
    )
