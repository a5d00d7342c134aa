"""Zero-width joiners kept through trafilatura, which drops every character that is not printable.

trafilatura cleans each line of text of the characters Python does not call printable, the
zero-width joiner (U+200D) and non-joiner (U+200C) among them. They are letters' business, not
markup's: Sinhala writes its conjuncts with the joiner ("ශ්‍රී" became "ශ්රී", another spelling),
Persian, Urdu and Pashto break a word's letters apart with the non-joiner ("می‌شود" became
"میشود"), Indic scripts choose a half form with either, and emoji sequences (a family, a flag) are
joined by the joiner. The story's text should read as the page printed it, and what our cleaning
compares between the tree and trafilatura's output should be the same text on both sides (with
the joiners gone from one side only, a Sinhala photo story came out as one flat paragraph).

So, for the length of a trafilatura run, each joiner in the tree's text is written as a printable
stand-in no page of the run holds, and trafilatura's output is written back. A page without
joiners (most) costs a look for them in its decoded text, as characters and as references.
"""

from __future__ import annotations

import html
import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml.etree import _Element

# The joiners and their stand-ins: printable symbols (U+2BD1 UNCERTAINTY SIGN, U+2BD2 GROUP MARK) that a page's
# prose has no use for; a page that uses either is left as it is.
_STAND_INS = {"\u200c": "\u2bd1", "\u200d": "\u2bd2"}
_BACK = {stand_in: joiner for joiner, stand_in in _STAND_INS.items()}
# The joiners and the stand-ins written as character references, named, decimal or hexadecimal.
_WRITTEN = re.compile(r"&(?:zwn?j|#0*(?:8204|8205|11217|11218)|#x0*(?:200[cd]|2bd[12]));?", re.IGNORECASE)
_TO_STAND_INS = str.maketrans(_STAND_INS)
_TO_JOINERS = str.maketrans(_BACK)


class _HasBody(Protocol):
    """What :meth:`Joiners.restored` reads of trafilatura's ``Document`` (only ``article.py`` imports trafilatura)."""

    @property
    def body(self) -> _Element | None: ...


_Bodied = TypeVar("_Bodied", bound=_HasBody)


@dataclass(slots=True, frozen=True)
class Joiners:
    """Whether a page's text holds joiners that its trafilatura runs should keep."""

    present: bool

    @classmethod
    def of(cls, text: str) -> Joiners:
        """The page whose decoded text is ``text``: joiners in it, and none of their stand-ins, as characters or as
        character references (``&zwj;``, ``&#8204;``: code review 48)."""
        found = {html.unescape(m) for m in _WRITTEN.findall(text)} if "&" in text else set()
        found.update(c for c in (*_STAND_INS, *_BACK) if c in text)
        return cls(any(j in found for j in _STAND_INS) and not any(s in found for s in _BACK))

    @contextmanager
    def kept(self, tree: _Element) -> Iterator[None]:
        """``tree`` with its joiners as stand-ins while the block runs, as it was after it."""
        if not self.present:
            yield
            return
        _translate(tree, _TO_STAND_INS, _STAND_INS)
        try:
            yield
        finally:
            _translate(tree, _TO_JOINERS, _BACK)

    def restore(self, element: _Element | None) -> None:
        """The joiners back in ``element``'s text (trafilatura's output, built while they were stand-ins)."""
        if self.present and element is not None:
            _translate(element, _TO_JOINERS, _BACK)

    def restored(self, document: _Bodied) -> _Bodied:
        """``document`` (trafilatura's ``Document``) with the joiners back in its body."""
        self.restore(document.body)
        return document


NO_JOINERS = Joiners(present=False)  # a page without joiners, or a call that was not told of them


def _translate(root: _Element, table: dict[int, str], chars: dict[str, str]) -> None:
    """Each text and tail under ``root`` (itself included) with ``table``'s characters replaced."""
    for element in root.iter():
        text, tail = element.text, element.tail
        if text and any(c in text for c in chars):
            element.text = text.translate(table)
        if tail and any(c in tail for c in chars):
            element.tail = tail.translate(table)
