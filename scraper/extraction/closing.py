"""The lines that close an article and are no part of it: co-reporters' and agencies' credits, the site's copyright,
a comment section.

The first two are recognised by their phrase (``phrases.toml``) and only among the body's last few short
blocks, where a layout or a CMS footer inside the article container leaves them; a comment section by
WordPress's heading ("3 thoughts on “Title”"), in the body's second half.
"""

from __future__ import annotations

import re
from functools import cache

from scraper.extraction.blocks import Block
from scraper.extraction.context import CleaningContext
from scraper.text import count_words, normalise, phrases, starts_with_phrase


def strip_contributions(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """``With additional reporting by…``, ``Mit Agenturmaterial``: credit lines at the end.

    Newsrooms close an article by crediting agencies and co-reporters; the line names who
    worked on the story and is no part of it. Only short blocks among the last four count.
    """
    start = max(0, len(blocks) - 4)
    return [b for i, b in enumerate(blocks) if i < start or not _is_contribution(b)]


def _is_contribution(block: Block) -> bool:
    if block.kind != "p" or block.words > 25:
        return False
    text = block.text.strip(" -–—_*")
    ending = " ".join(text.casefold().rstrip(" .").split())
    return starts_with_phrase(text, "contribution") or ending.endswith(phrases()["contribution_end"])


# "© 2026", "(c) 2019-2026", "Copyright © 2026", "Copyright 2026": the notice names its year.
_COPYRIGHT_START = re.compile(r"^(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:(?:19|20)\d{2}\s*[-–]\s*)?(?:19|20)\d{2}\b",
                              re.IGNORECASE)  # fmt: skip


def strip_copyright_notices(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """``Copyright © 2026 The Daily Example. All rights reserved.``: the site footer's notice, and its line of the
    site's own pages (``Daily Example Ltd | Impressum | Privacy policy``).

    Sites laid out with tables (and some CMS footers inside the article container) hand the
    notice to the extractor as the last paragraph, or, a masthead's, as one of the first (on a page
    without a headline element, whose text starts at the top of the page). Only short blocks among
    the last three, and on such a page the first three, count; ``© dpa`` style agency credits are left to the
    contribution rule.
    """
    top = 3 if ctx.headless else 0  # a page with an <h1> starts its text at the story (review: a lede quoting one)
    start = max(top, len(blocks) - 3)
    return [b for i, b in enumerate(blocks) if top <= i < start or not (is_copyright_notice(b) or _lists_site_pages(b))]


# A footer's line of fields: the publisher, then the site's own pages ("Dalmatinski glas d.o.o. Split | Impressum
# | Uvjeti korištenja"), in a short block of at least three fields, one of them a site page's name.
_FIELD_BARS = re.compile(r" [|·•] ")
_FOOTER_FIELDS = 3
_FIELD_WORDS = 5  # "Dalmatinski glas d.o.o. Split", "Politique de confidentialité"


def _lists_site_pages(block: Block) -> bool:
    """A short line of short fields, set off by bars or dots, that names one of the site's own pages."""
    if block.kind != "p" or block.words > 30:
        return False
    fields = _FIELD_BARS.split(" ".join(block.text.split()))  # one space a run: no backtracking over a long one
    if len(fields) < _FOOTER_FIELDS or any(count_words(f) > _FIELD_WORDS for f in fields):
        return False  # a sentence that opens on such names is the story's ("… | Impressum: Diese drei Seiten …")
    return any(normalise(f) in _site_pages() for f in fields)


@cache
def _site_pages() -> frozenset[str]:
    return frozenset(normalise(phrase) for phrase in phrases()["site_page_title"])


def is_copyright_notice(block: Block) -> bool:
    """A short paragraph that reserves the rights or opens by naming the year and the holder.

    Each only as a notice states it, not as a sentence of the story that quotes one: "All rights
    reserved" ends its sentence ("…, it said in small print under the picture" goes on), and the
    holder after "© 2026" is a name, not a clause ("Copyright 2021 Aoife Kerr was also embedded in
    the file's metadata").
    """
    if block.kind != "p" or block.words > 30:
        return False
    text = " ".join(block.text.split())
    return _reserves_rights(text.casefold()) or _names_holder(text)


def _reserves_rights(lowered: str) -> bool:
    """The text reserves the rights as a notice does: the phrase ends its sentence or goes on as a notice
    goes on (:data:`_GOES_ON`), and the story does not quote it."""
    for phrase in phrases()["copyright"]:
        at = lowered.find(phrase)
        if at < 0:
            continue
        if " " not in phrase:  # a script written without spaces: the notice runs on ("無断転載を禁じます")
            return True
        if lowered[at - 1 : at] in _QUOTES:
            continue  # the story quotes the words: '… the words "All rights reserved."'
        after = lowered[at + len(phrase) :].lstrip()
        if not after[:1] or not (after[:1].isalnum() or after[:1] == ",") or after.startswith(_GOES_ON):
            return True
    return False


_QUOTES = frozenset("\"'“”„‘’«»")
# What a notice adds after the phrase: "All rights reserved worldwide", "… by the author", ", including for
# text and data mining".
_GOES_ON = ("worldwide", "by ", ", including", "including", ", except")


def _names_holder(text: str) -> bool:
    """``Copyright 2026 The Daily Example``: the year, then a holder's name up to the sentence's end (at most
    two lower-case words longer than three letters: "by the author", "a division of …"), not a clause of the
    story."""
    opening = _COPYRIGHT_START.match(text)
    if opening is None:
        return False
    holder = _SENTENCE_END.split(text[opening.end() :], maxsplit=1)[0]
    return sum(1 for word in holder.split() if word[:1].islower() and len(word) > 3) <= _HOLDER_LOWER_WORDS


_SENTENCE_END = re.compile(r"[.!?|](?:\s|$)")
_HOLDER_LOWER_WORDS = 2  # of four letters or more: "by the Regents of the University of …", "a division of …"


# The heading WordPress and its themes open a comment section with, counting the comments and quoting the story's
# title: "3 thoughts on “Title”", "2 Replies to “Title”", "12 Responses to “Title”". A bare count is no such
# heading: "Responses (312)" heads a survey story's section, "Reactions (2)" a match report's quotes (review),
# and "Comments (4)", "Kommentare (3)" are prompts (strip_prompts) before this rule reads them.
_COMMENTS_HEADING = re.compile(
    r"^\d+\s+(?:thoughts?|responses?|repl(?:y|ies)|comments?)\s+(?:on|to)\s+[“\"'„«].*$", re.IGNORECASE
)
_COMMENTS_HEADING_WORDS = 12  # "3 thoughts on" and a short title: a longer line is a sentence


def strip_comment_section(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """A comment section left in the body: its heading, which counts the comments and quotes the title, and the rest.

    Markup names most comment sections and pruning takes them; a theme whose comment list has other class
    names leaves it under the story, its heading first. Only in the story's second half by words (no more
    after it than before).
    """
    total = sum(b.words for b in blocks)
    before = 0
    for index, block in enumerate(blocks):
        if before * 2 >= total and _opens_comments(block):
            return blocks[:index]
        before += block.words
    return blocks


def _opens_comments(block: Block) -> bool:
    if block.kind not in ("head", "p") or block.words > _COMMENTS_HEADING_WORDS:
        return False
    text = " ".join(block.text.split())
    return _COMMENTS_HEADING.match(text) is not None
