"""trafilatura's recall escalation, kept to candidates that tell the text it already holds.

When the balanced run's text is short and a small share of the page's, trafilatura escalates: a
recall-mode retry and a justext pass over the whole page, and it takes a candidate that is
"clearly bigger". On a news brief of sixty words beside a rail of eight "More news" teasers, the
bigger text is the rail's: the story was replaced by other stories' teasers. A retry that finds more
of the same story holds the story it found first; one that holds none of it has read another part of
the page. :func:`gated` wraps the steps so that a candidate counts only when it holds most of the
text the run held (its word trigrams); the retry itself still runs (its result stays available to
the recall run's own, overlap-checked choice in :mod:`scraper.extraction.recall`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from scraper.extraction.recall import contained, words

# The share of the held text's word trigrams a candidate must hold to replace it.
HELD_SHARE = 0.5


def gated(steps: dict[str, Any], stand_ins: dict[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """``stand_ins`` for trafilatura's ``core`` (``_extract_and_compare``, ``baseline``), with the escalation gated.

    ``steps`` is the module's namespace: its ``justext_rescue`` and ``_recall_retry`` are wrapped
    when both are there (else the escalation is left as trafilatura has it). The text the balanced
    run holds is that of its extraction and comparison, or of its baseline rescue when trafilatura took it.
    """
    justext, retry = steps.get("justext_rescue"), steps.get("_recall_retry")
    extract, rescue = stand_ins.get("_extract_and_compare"), stand_ins.get("baseline")
    if not (callable(justext) and callable(retry) and callable(extract) and callable(rescue)):
        return stand_ins
    held: list[str] = []

    def extract_and_compare(cleaned: Any, backup: Any, tree: Any, how: Any) -> tuple[etree._Element, str]:
        body, text = extract(cleaned, backup, tree, how)
        if how.focus == "balanced":
            held[:] = [text]
        return body, text

    def baseline(tree: Any) -> Any:
        body, text, length = rescue(tree)
        if not held or length > len(held[0]):  # trafilatura keeps the rescue's text only when it is longer
            held[:] = [text]
        return body, text, length

    def gate(found: tuple[etree._Element, str]) -> tuple[etree._Element, str]:
        if not held or tells(held[0], found[1]):
            return found
        return etree.Element("body"), ""  # no candidate: the run keeps what it holds

    return {
        **stand_ins,
        "_extract_and_compare": extract_and_compare,
        "baseline": baseline,
        "justext_rescue": lambda tree, how: gate(justext(tree, how)),
        "_recall_retry": lambda tree, how, url: gate(retry(tree, how, url)),
    }


def tells(held: str, candidate: str) -> bool:
    """``candidate`` holds at least ``HELD_SHARE`` of ``held``'s word trigrams (a held text of fewer
    than three words is no evidence either way)."""
    wanted = words(held)
    return len(wanted) < 3 or contained(wanted, words(candidate), HELD_SHARE, size=3)
