"""Paragraphs the page prints more than once: placeholders go, a repeated paragraph keeps one copy.

A rule of :mod:`scraper.extraction.cleaning` (in its ``RULES``), kept apart for the module size.
"""

from __future__ import annotations

from scraper.extraction.blocks import Block, flagged_runs
from scraper.extraction.context import CleaningContext


def strip_repeated_blocks(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """A short paragraph printed several times is a placeholder (consent, embed, ad slot).

    Three or more identical short paragraphs go entirely; any other repeated paragraph keeps
    its first copy. Long prose printed three times, or three different paragraphs each printed
    three times, is the story rendered more than once (tabs, a mobile and a desktop copy), not a
    placeholder: dropping every copy would lose it (1,600 story words on one WCXB page). A line
    of a few words printed for every item of a list (``What you will learn:``, ``Location:
    Lisbon``) is the items' label, not a placeholder: each item keeps its own copy (over WCXB the
    later copies of lines under ``PLACEHOLDER_MIN_WORDS`` words were 316 story tokens, 27 others).
    Only paragraphs with words take part: a row of rating stars says nothing to match on (it
    once matched every heading and list of a page, which all went), and headings, lists and
    tables are never dropped here, except from a story printed again: there the headings and
    lists of its copy go with the copy's paragraphs (see :func:`_drop_copied_headings_and_lists`).
    """
    keys = [_repeat_key(block) for block in blocks]  # normalised once, read by both passes
    counts: dict[str, int] = {}
    lines: set[str] = set()  # labels' keys: no paragraph of a story printed again
    for block, key in zip(blocks, keys, strict=True):
        if key and block.words >= 4:
            counts[key] = counts.get(key, 0) + 1
            if block.words < PLACEHOLDER_MIN_WORDS:
                lines.add(key)
    # Several different paragraphs each printed three times or more: the story itself, repeated (not
    # the labels of a list's items, "Team Size: 11-50", "Case Studies: View all", each under every item).
    story_repeated = sum(1 for key, n in counts.items() if n >= 3 and key not in lines) >= 3
    seen: set[str] = set()
    dropped = [False] * len(blocks)
    for index, (block, key) in enumerate(zip(blocks, keys, strict=True)):
        count = counts.get(key, 0)
        placeholder = (
            not story_repeated and count >= 3 and PLACEHOLDER_MIN_WORDS <= block.words <= PLACEHOLDER_MAX_WORDS
        )
        label = not story_repeated and block.words < PLACEHOLDER_MIN_WORDS  # an item's: each item keeps its own
        if key and (placeholder or (key in seen and count >= 2 and not label)):
            dropped[index] = True
        seen.add(key)
    if story_repeated:
        _drop_copied_headings_and_lists(blocks, dropped)
    return [block for block, gone in zip(blocks, dropped, strict=True) if not gone]


def _drop_copied_headings_and_lists(blocks: list[Block], dropped: list[bool]) -> None:
    """Headings and lists printed before, inside a dropped copy of the story, go with it.

    A run of such repeats (``## Costs`` then its list) goes when the stretch of dropped and
    repeated blocks around it holds at least ``_COPY_PARAGRAPHS`` dropped paragraphs: a copy of
    the story. Elsewhere a heading or list printed twice is an item's label or facts (``Pros``,
    ``Plan to spend: $10-$40`` under each product, beside a line or two of repeated notes) and
    stays.
    """
    seen: set[str] = set()
    repeats: list[bool] = []
    for block in blocks:
        repeats.append(block.kind in _COPIED and bool(block.norm) and block.norm in seen)
        seen.add(block.norm if block.kind in _COPIED else "")
    for start, end in flagged_runs(repeats):
        low, high = start, end  # the stretch of dropped and repeated blocks around the run
        while low > 0 and (dropped[low - 1] or repeats[low - 1]):
            low -= 1
        while high < len(blocks) and (dropped[high] or repeats[high]):
            high += 1
        copied = sum(1 for i in range(low, high) if dropped[i] and blocks[i].kind == "p")
        if copied >= _COPY_PARAGRAPHS:
            dropped[start:end] = [True] * (end - start)


# Dropped paragraphs around a repeated heading or list that make it part of a copy of the story.
_COPY_PARAGRAPHS = 3


_COPIED = frozenset({"list", "head"})


def _repeat_key(block: Block) -> str:
    """What identifies a paragraph's repeats ("" for a block that never counts as one)."""
    return block.norm if block.kind == "p" else ""


# A repeated line shorter than this is an item's label (``Price:``, ``Why we like it``), kept under every item.
PLACEHOLDER_MIN_WORDS = 7
# Longer than this, a repeated paragraph is prose (consent and embed placeholders are a line or two).
PLACEHOLDER_MAX_WORDS = 40


def strip_pull_quotes(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """A quote printed again from the story's own text (a pull quote): the story keeps it where it was said.

    Templates set a sentence of the story apart in large type (``<blockquote class="pullquote">``, an
    ``<aside>`` of a quote); trafilatura keeps it as a quote block, and the sentence is then read twice. A
    quote of at most ``PULL_QUOTE_MAX_WORDS`` words whose text is inside a paragraph of the body goes; a
    quote the story does not repeat (a tweet, a letter quoted whole) stays.
    """
    paragraphs = [block.norm for block in blocks if block.kind == "p" and block.norm]
    quotes = sum(1 for block in blocks if block.kind == "quote")
    if not paragraphs or not quotes or quotes > PULL_QUOTES_MAX:  # a page of quotes (a collection): no layout's
        return blocks
    # One search a quote over the paragraphs joined (a page of thousands of each stays linear in them); a
    # paragraph that is the quote whole is the quote printed twice, which strip_repeated_blocks sees to.
    joined, whole = "\0".join(paragraphs), set(paragraphs)

    def pulled(block: Block) -> bool:
        key = block.norm
        if block.kind != "quote" or not PULL_QUOTE_MIN_WORDS <= block.words <= PULL_QUOTE_MAX_WORDS:
            return False
        found = joined.find(key)
        return found >= 0 and (key not in whole or joined.count(key) > 1)

    return [block for block in blocks if not pulled(block)]


PULL_QUOTES_MAX = 20  # a story sets a few apart; each is looked for in all the paragraphs (linear in them)
PULL_QUOTE_MIN_WORDS = 5  # "Never again.": too short to tell a pull quote from an echo
PULL_QUOTE_MAX_WORDS = 60
