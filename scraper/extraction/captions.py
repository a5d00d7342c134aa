"""Figure captions, alt texts and photo credits that trafilatura keeps as paragraphs of the story.

A caption is text the page shows *beside a picture* (``<figcaption>``, a caption class, an ``alt``, a table
layout's photo cell): repeated as a block of the body, it goes, and into ``Article.images`` through the
context. Long running prose set beside an image stays, and so do captions that carry a photo story.
"""

from __future__ import annotations

import re

from scraper.extraction.blocks import Block
from scraper.extraction.boilerplate import CREDIT_MAX_WORDS, is_credit_line
from scraper.extraction.context import CleaningContext
from scraper.extraction.creditcaption import ends_in_credit
from scraper.text import count_words, normalise


def strip_captions(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Blocks that repeat a figure caption, alt text or photo credit shown on the page.

    A block matches when it is a caption, the start of one, or a caption followed by a short credit
    (``Caption | Jane Doe/dpa``); so does a short paragraph ending on a picture's credit, marked as a
    caption or not (:mod:`~scraper.extraction.creditcaption`). A heading matches only a whole caption
    a picture prints over its credit line (``ctx.credited_captions``): an image box's caption set in
    a heading's type (``<div><img><h1>Caption</h1><p>Photo: AFP</p></div>``); a heading repeating an
    alt text, or a caption with no credit, is the story's (a section named as its picture). Removed
    captions are kept in ``ctx.removed_captions`` for ``images``.
    """
    captions = {normalise(c) for c in set(ctx.captions) if count_words(c) >= 3}  # a caption is often its alt too
    heads = _by_head(captions)
    with_credit = {normalise(c) for c in ctx.credited_captions if count_words(c) >= 3}  # not a place's name alone
    shown = [
        bool(captions)
        and (
            _is_caption(block.norm, captions, heads)
            if block.kind in ("p", "quote")
            else (block.kind == "head" and block.norm in with_credit) or _photo_cell(block, captions)
        )
        and not _is_running_prose(block)
        for block in blocks  # cheapest test first: most blocks are no caption
    ]
    if _is_gallery(blocks, shown):
        shown = [False] * len(blocks)
    credited = _credited(blocks)
    kept: list[Block] = []
    for block, caption, ends in zip(blocks, shown, credited, strict=True):
        if (
            caption
            or ends
            or (
                block.kind == "p" and block.words <= CREDIT_MAX_WORDS and is_credit_line(block.text, block.link_density)
            )
        ):
            ctx.removed_captions.append(block.text)
        else:
            kept.append(block)
    return kept


# Paragraphs ending on a credit that hold this share of the body's words tell the story: a photo essay or
# report whose text is its captions, a competition's winners each credited (review 44).
CREDITED_MAX_SHARE = 0.4


def _credited(blocks: list[Block]) -> list[bool]:
    """Which paragraphs end on a picture's credit (:func:`ends_in_credit`), unless together they are the story."""
    credited = [
        block.kind == "p" and block.words <= CAPTION_MAX_WORDS and ends_in_credit(block.text) for block in blocks
    ]
    words = sum(block.words for block, ends in zip(blocks, credited, strict=True) if ends)
    if words and words >= CREDITED_MAX_SHARE * sum(block.words for block in blocks):
        return [False] * len(blocks)
    return credited


def _photo_cell(block: Block, captions: set[str]) -> bool:
    """A one-cell table that is a caption: a table layout's photo table (``cellcaptions``); or a definition list
    that is one, whole (SPIP prints a picture as ``<dl>``: the image, its title and its credit as ``<dt>``/``<dd>``)."""
    if block.kind == "list":
        return block.norm in captions
    return block.kind == "table" and "|" not in block.text and block.norm in captions


GALLERY_MIN_CAPTIONS = 3


def _is_gallery(blocks: list[Block], captions: list[bool]) -> bool:
    """The captions carry the story: three or more, with more words than the rest of the body.

    A photo gallery's text is its pictures' captions under a line or two of introduction; taken
    for a story's captions, they left the introduction alone, under the fewest words an article has.
    """
    if sum(captions) < GALLERY_MIN_CAPTIONS:
        return False
    shown = sum(block.words for block, caption in zip(blocks, captions, strict=True) if caption)
    return shown > sum(block.words for block, caption in zip(blocks, captions, strict=True) if not caption)


def _is_running_prose(block: Block) -> bool:
    """Several sentences of some length: how story paragraphs read, and captions rarely do.

    A paragraph set beside an image (cards, listicles, image-and-text sections) is read as
    that image's caption by the page's markup; its length and sentences say it is text.
    Measured over both shared corpora: at 45 words and three sentences this rule removed more
    story than captions (1,920 story tokens, 1,402 others); at 40 words and two sentences, 1,232
    story tokens and the same captions (no caption leaked on the news corpus that did not before).
    """
    if block.words < CAPTION_MAX_WORDS:
        return False
    return sum(1 for s in SENTENCE_END.split(block.text) if count_words(s) >= 4) >= 2


SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")
# Captions this long, in two or more sentences, are prose (a news caption is a line or two, shorter).
CAPTION_MAX_WORDS = 40


def _is_caption(text: str, captions: set[str], heads: dict[str, list[str]]) -> bool:
    """``text`` is a caption, the start of one, or a caption and a few words (a credit).

    The last two need more than ``_HEAD`` characters in common, so only captions that begin as
    ``text`` does (``heads``, by their first ``_HEAD + 1`` characters) are compared.
    """
    if not text:
        return False
    if text in captions:
        return True
    if len(text) <= _HEAD:
        return False
    return any(
        c.startswith(text) or (len(c) > _HEAD and text.startswith(c) and count_words(text[len(c) :]) <= 6)
        for c in heads.get(text[: _HEAD + 1], ())
    )


_HEAD = 20  # a text or caption of up to this many characters must match whole


def _by_head(captions: set[str]) -> dict[str, list[str]]:
    """Captions longer than ``_HEAD`` by their first ``_HEAD + 1`` characters (shorter ones match only whole)."""
    heads: dict[str, list[str]] = {}
    for caption in captions:
        if len(caption) > _HEAD:
            heads.setdefault(caption[: _HEAD + 1], []).append(caption)
    return heads
