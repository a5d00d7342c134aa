"""Link lists in the body: related-story boxes to drop, and the story's own linked lists and fields to keep.

trafilatura keeps a block of links when it sits inside the article's container: a "Related
stories" box, a teaser list. A block that is mostly link text is such a list unless the story
announces it (a sentence ending in a colon), it is made of sentences (steps that link), it is a
field's value under its short label (``Registration:`` then an address), or it carries most of
the body's words (a page of annotated links is its own text).
"""

from __future__ import annotations

import re

from scraper.extraction.blocks import Block, flagged_runs
from scraper.extraction.boilerplate import HEADLINE_MIN_WORDS
from scraper.extraction.context import CleaningContext
from scraper.text import count_words


def strip_link_lists(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Related-article lists: runs of link-only headline-length blocks, and link lists.

    A real paragraph is rarely mostly link text; a teaser list is nothing else. A heading
    directly above such a run ("Related stories", "Mehr zum Thema") goes with it. A linked
    heading on its own introduces the section under it (a listicle's item) and stays, as does one
    that ends a run over more text (the item's linked caption line above it is no link list), when
    it is one heading: a teaser grid's last cards are a section's label and a headline. A list of
    sentences that link (steps, tips), a list the story's own paragraph introduces (``Some
    examples include:``, ``Here's a selection:``) and a run holding most of the body's words (a
    page of annotated links is its own text) are not such lists. Over both shared corpora the
    introduced lists held 662 story tokens and 150 of boilerplate; the news corpus' inline
    related-story lists follow a full stop, not a colon.
    """
    linky = [
        b.link_density >= 0.6
        and b.kind in ("list", "p", "head")
        and b.words <= 60
        and not _is_prose_list(b)
        and not (i > 0 and (_introduces(blocks[i - 1], b) if b.kind == "list" else _labels(blocks[i - 1], b)))
        for i, b in enumerate(blocks)
    ]
    total = sum(b.words for b in blocks)
    drop = [False] * len(blocks)
    for i, j in flagged_runs(linky):
        if (
            j - 1 > i
            and j < len(blocks)
            and blocks[j].kind == "p"
            and blocks[j - 1].kind == "head"
            and blocks[j - 2].kind != "head"
        ):
            j -= 1  # a linked heading over the text after the run (a listicle's next item) opens that section
        run = blocks[i:j]
        alone = len(run) == 1 and (run[0].kind == "list" or (run[0].kind == "p" and run[0].link_density >= 0.9))
        if (len(run) >= 2 or alone) and not is_main_run(run, total):
            for k in range(i, j):
                drop[k] = True
            if i > 0 and blocks[i - 1].kind == "head":
                drop[i - 1] = True
    return [b for b, d in zip(blocks, drop, strict=True) if not d]


def _introduces(block: Block, items: Block) -> bool:
    """A paragraph that ends in a colon announces what follows: the list under it is the story's.

    Not a label in front of headlines, though: ``You might also like:``, ``Further reading:``
    or ``More from our harbour coverage:`` over a list whose every item is a short link is a
    related-stories box. The story introduces its own lists with a sentence
    (``The inspection report lists three urgent repairs:``), so a label under
    ``INTRO_MIN_WORDS`` words over headline-shaped items protects nothing.
    """
    if block.kind != "p" or not block.text.rstrip().endswith((":", "：")):
        return False
    return block.words >= INTRO_MIN_WORDS or not _is_headline_list(items)


def _labels(block: Block, value: Block) -> bool:
    """A field's label over its value, a web address (``Registration:`` then the event's site): the story's.

    Only a label of a few words over an address written out: ``Read more:`` over a linked
    headline is a cross-link, ``Next:``, ``Tags:`` or ``By:`` over a name is navigation or a byline,
    and a sentence ending in a colon over an address is a newsletter's "copy and paste this link".
    """
    return (
        block.kind == "p"
        and value.kind == "p"
        and block.text.rstrip().endswith((":", "："))
        and block.words <= FIELD_LABEL_WORDS
        and _WEB_ADDRESS.fullmatch(value.text.strip()) is not None
    )


FIELD_LABEL_WORDS = 3  # "Registration:", "Official website:", "Source code:"
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def _is_headline_list(block: Block) -> bool:
    """(Nearly) all of the list link text, its items short lines that read as headlines.

    Items of a name or two (``IT support``, ``Data Cleaning``) are the story's list of things,
    not other articles (under ``HEADLINE_MIN_WORDS`` words on average).
    """
    words = [count_words(line) for line in block.text.split("\n") if line.strip()]
    return (
        block.link_density >= 0.75
        and bool(words)
        and max(words) <= 15
        and sum(words) >= HEADLINE_MIN_WORDS * len(words)
    )


# A colon-ended paragraph shorter than this is a label ("Further reading:"), not the story's sentence.
INTRO_MIN_WORDS = 6


def _is_prose_list(block: Block) -> bool:
    """A list whose items are sentences (steps, tips) is text that links, not a list of links."""
    if block.kind != "list":
        return False
    items = [line for line in block.text.split("\n") if line.strip()]
    sentences = sum(1 for line in items if count_words(line) >= 12 and line.rstrip()[-1:] in ".!?:")
    return bool(items) and sentences * 2 > len(items)


def is_main_run(run: list[Block], total_words: int) -> bool:
    """The run carries most of the body's words: it is the main text, not something beside it."""
    return sum(b.words for b in run) > MAIN_RUN_SHARE * total_words


# A run of blocks holding more than this share of the body's words is the main text.
MAIN_RUN_SHARE = 0.5
