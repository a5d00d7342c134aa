"""justext's paragraph, minus the XPath string nobody reads: the rescue's slowest part on big pages.

trafilatura's justext rescue (run when its own extraction keeps ``<figure>``, ``<time>``... or
is short) turns the page into paragraphs with justext's SAX handler, which makes a paragraph
object at every block boundary, most of them empty and dropped. Each one builds two strings of
its place in the tree: ``dom_path`` (read by justext's classifier) and ``xpath`` (read by
justext's command-line output only, neither by trafilatura nor by us). On the corpus's slowest
page the ``xpath`` strings were a tenth of the whole extraction. :class:`LeanParagraph` stands in
for justext's ``Paragraph`` during our trafilatura call (see ``article._lean``); it keeps the
place as the tuple of tags, joined into ``dom_path`` only when the classifier reads it.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from justext.paragraph import Paragraph

_TAG = itemgetter(0)  # a path entry is (tag, position, children)


class LeanParagraph(Paragraph):  # type: ignore[misc]  # justext ships no type hints
    """justext's ``Paragraph`` with ``dom_path`` read on first use and no ``xpath``."""

    def __init__(self, path: Any) -> None:
        # The tags of the path where this paragraph starts: the path itself changes as the walk goes on.
        self._tags = tuple(map(_TAG, path._elements))
        self.text_nodes: list[str] = []
        self.chars_count_in_links = 0
        self.tags_count = 0
        self.class_type = ""  # short | neargood | good | bad

    @property
    def dom_path(self) -> str:
        """``"html.body.div.p"``: what justext's ``PathInfo.dom`` gave when the paragraph was made."""
        return ".".join(self._tags)


def supported() -> bool:
    """justext's paragraph and path still look as :class:`LeanParagraph` expects (checked per call: cheap)."""
    from justext import core

    return getattr(core, "Paragraph", None) is Paragraph and hasattr(core.PathInfo(), "_elements")
