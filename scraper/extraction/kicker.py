"""The kicker left at the top of the body: the section or genre label a page prints above its headline.

Templates print a label over the headline ("RÖPORTAJ", "Interview", "Finanzmärkte", "Opinion") in the
story's container, and trafilatura keeps it as the body's first line when it takes the container whole
(a recall run that kept the header). The header reader (:mod:`dateline`) has read the short lines
printed just above the headline; a block that opens the body and is one of them, a few words long, is
that label. Only at the body's top: the same words further down ("Interview" as a sub-heading of a
profile) are the story's.
"""

from __future__ import annotations

from scraper.extraction.blocks import Block
from scraper.extraction.context import CleaningContext
from scraper.text import count_words, normalise

KICKER_WORDS = 4  # "Interview", "Analyse", "Local news", "Climate crisis in focus"
_TOP_BLOCKS = 2  # a kicker and a breadcrumb's last part, at most, before the story


def strip_kickers(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """The body's first blocks that are lines printed just above the headline, a few words each."""
    labels = {normalise(line) for line in ctx.above if count_words(line) <= KICKER_WORDS}
    start = 0
    while (
        start < min(_TOP_BLOCKS, len(blocks) - 1)
        and blocks[start].kind in ("p", "head")
        and blocks[start].words <= KICKER_WORDS
        and blocks[start].norm in labels
    ):
        start += 1
    return blocks[start:]
