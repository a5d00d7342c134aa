"""The writer's box under the story: a writing credit heading the last few short blocks.

Blog platforms close a post with a box of its writer: "Written by Priya Raghunathan", her follower
count, a line of bio that opens with her post, not her name ("Platform engineer in Bengaluru.
Writing about…"), then "More from Priya Raghunathan" teasers whose titles trafilatura drops. The bio
reader (:func:`~scraper.extraction.boilerplate.strip_author_bio`) looks for the writer's name at a
paragraph's start; here the name is in the credit above it. A credit that names one of the
article's writers, alone on its line, in the last blocks, with only a few short blocks after it,
opens the box: it goes with what follows. A story's own closing line naming its writer ("Written by
Ann Lee for the Clarion, with reporting from…") runs on, and is the byline rule's; so is a credit with
more than half as much text after it as before (a short story's byline), one over a correction or an editor's note,
and a briefing's, whose items are each signed.
"""

from __future__ import annotations

import re

from scraper.extraction.blocks import Block
from scraper.extraction.context import CleaningContext
from scraper.text import normalise

BOX_TAIL = 4  # the credit is among the body's last blocks (the box's own lines follow it)
BOX_MAX_WORDS = 80  # what follows the credit: a count, a bio line, a teaser line or two
BLOCK_MAX_WORDS = 40  # ... each of them short
_CREDITS = ("written by", "posted by", "published by", "by", "about")
# A note the paper adds under the signature, in the story's own words (review 44): normalised openings.
_NOTES = (
    "correction", "clarification", "editor s note", "editors note", "update", "note", "corrección", "aclaración",
    "nota", "rectificatif", "précision", "berichtigung", "korrektur", "anmerkung", "rettifica", "correção",
)  # fmt: skip


def strip_author_box(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Remove the writer's box: a credit line naming an author, and the few short blocks after it."""
    site = normalise(ctx.site_name or "")
    names = {n for n in (normalise(a) for a in ctx.authors) if len(n.split()) >= 2 and n != site}
    if not names:
        return blocks
    for k in range(max(1, len(blocks) - BOX_TAIL), len(blocks) - 1):
        if not _credits(blocks[k], names):
            continue
        before, after = blocks[:k], blocks[k + 1 :]
        if (
            all(b.kind in ("p", "head") and b.words <= BLOCK_MAX_WORDS for b in after)
            and sum(b.words for b in after) <= BOX_MAX_WORDS
            and sum(b.words for b in before) >= 2 * sum(b.words for b in after)  # not a brief under its byline
            and not any(b.norm.startswith(_NOTES) for b in after)  # "Correction, 3 April: …" under the signature
            and not any(_credits(b, names) for b in before)  # a briefing's items, each signed by its writer
        ):
            return before
    return blocks


def _credits(block: Block, names: set[str]) -> bool:
    """The block is a writing credit of one of ``names`` and nothing else: "Written by Priya Raghunathan"."""
    if block.kind not in ("p", "head") or block.words > 8:
        return False
    text = block.norm
    return any(text.startswith(credit + " ") and text[len(credit) + 1 :] in names for credit in _CREDITS)


def strip_greeting_bio(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """A blogger's box past the post's opening that greets the reader and names its writer: "Hey, I'm Jessica!".

    A blog closes a post (or a review its buying guide) with its writer's box: "Hi there! I'm Shivya, and I started
    this travel blog back in 2011…", "Hello, and welcome! I'm the editor & founder of this site…". No byline names
    the writer, so :func:`~scraper.extraction.boilerplate.strip_author_bio` cannot see it; the greeting, the
    self-introduction and the site it speaks of can. A post that opens so ("Hi, I'm Daniel. I'm a 16-year-old…") is
    the writer's own story: only a block after the body's first ``GREETING_OPENING`` blocks goes. Over both shared
    corpora, all four such blocks past the opening were the writer's box, not in the truth's body; the three
    openings stayed.
    """
    site = ctx.site_name or ""
    kept = blocks[:GREETING_OPENING]
    kept.extend(b for b in blocks[GREETING_OPENING:] if not _greets(b, site))
    return kept if len(kept) < len(blocks) else blocks


GREETING_OPENING = 3  # a post's first blocks: one that greets there opens the writer's own story
GREETING_MAX_WORDS = 150  # a box's bio; a longer block is a section of the post
# A greeting, then the writer naming themselves within its first words ("Hi there! I'm Shivya", "Hello, and welcome!
# I'm the editor", "Hallo, ich bin Anna", "Bonjour, je m'appelle Claire", "Hola, soy Marta"); not in quotation marks,
# where someone the story quotes greets (“Hi, I'm Tom,” he said at the door).
_GREETING = re.compile(
    r"^[^\w\"“”„«»'‘’]*(?:hi|hey|hello|howdy|hallo|servus|moin|bonjour|salut|hola)\b[^.!?]{0,12}[.!?,]?\s*"
    r"(?:there\W+)?(?:(?:and\s+)?welcome\b[^.!?]{0,40}[.!?]\s*)?"
    r"(?:i['’]m|i\s+am|my\s+name\s+is|ich\s+bin|ich\s+heiße|je\s+suis|je\s+m['’]appelle|soy|me\s+llamo)\s+\w",
    re.IGNORECASE,
)


# The box speaks of the site the writer writes for: "this travel blog", "the editor & founder of this site" (or names
# it: "Welcome to The Organized Mama", "all laptop coverage at PCWorld"). A story's greeting does not: an interview's
# answer, a speech, a podcast's host, a letter, a column's "Hi, I'm Jessica, and I'm an addict" (review 48).
_OF_THE_SITE = re.compile(
    r"\b(?:this|my|our)\s+(?:\w+\s+)?(?:blog|site|website)\b|\b(?:diesem|diesen|meinem|meinen)\s+blog\b"
    r"|\b(?:ce|mon)\s+(?:blog|site)\b|\b(?:este|mi)\s+(?:blog|sitio)\b",
    re.IGNORECASE,
)


def _greets(block: Block, site: str) -> bool:
    """A short paragraph that greets, introduces its writer and speaks of the site (``site``: its name, matched as
    printed and as whole words: a site called "TIME" is not "the first time I have spoken": code review 48)."""
    if block.kind != "p" or block.words > GREETING_MAX_WORDS or _GREETING.match(block.text) is None:
        return False
    if _OF_THE_SITE.search(block.text) is not None:
        return True
    return len(site) >= SITE_NAME_CHARS and re.search(rf"(?<!\w){re.escape(site)}(?!\w)", block.text) is not None


SITE_NAME_CHARS = 4  # a shorter name ("AP", "BBC") is too often a word or a part of one
