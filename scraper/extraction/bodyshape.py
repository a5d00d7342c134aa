"""What the shape of an extracted text says of the page: figures and fields, not a story told in sentences.

The page-kind model reads the page's layout before extraction; these read the text trafilatura kept, after
cleaning, for the pages whose head and layout pass for an article's (a headline, a date, ``og:type`` article):
a page of lottery numbers or live scores has no line of prose (:func:`figures_only`); a job advert, a flat for
sale, a used car, a study programme or a stock's page opens on its item's short fields, the description after
them (:func:`fields_first`). Both are measured on both shared corpora and the unseen-page probes: see each rule.
"""

from __future__ import annotations

import re

from scraper.extraction.blocks import Block
from scraper.text import count_words

# A story is told in sentences: some paragraph (or quote, or list item) of it runs to this many words. A page whose
# every line is shorter is figures and fields (lottery numbers, live scores, a crossword's clues, a changelog's
# one-line entries, a price plan's cells), whatever its head declares or its length. Over both shared corpora and
# the unseen-page probes the shortest longest-paragraph of an article is 18 words (a Maltese brief, a Tilda page);
# the pages with none of 15 are a service's price plan (7), lottery results (7), a crossword (9), live scores (10)
# and a changelog (12). A poem's stanza is one paragraph, its lines joined: it stays.
PROSE_WORDS = 15
# A line that ends a sentence: a police log's entries are short ("Tuesday, 10:30 a.m.: Resident lost $900 to a phone
# scam."), but each is one; a result's, a score's or a clue's line is not ("Harwick Town 2 - 1 Skelton Rovers").
_SENTENCE = re.compile(r"\w\W{0,2}[.!?。！？؟۔।።…][\"'”’»)\]]*\s*$")


def _lines(blocks: list[Block]) -> list[str]:
    """The paragraphs, quotes and list items: a table's cells, headings and code are no prose."""
    items = (item for block in blocks if block.kind == "list" for item in block.text.split("\n"))
    return [*items, *(block.text for block in blocks if block.kind in ("p", "quote"))]


def figures_only(blocks: list[Block]) -> int | None:
    """The longest line's words, if no line is prose: none runs to ``PROSE_WORDS`` and most are not sentences."""
    lines = _lines(blocks)
    longest = max(map(count_words, lines), default=0)
    if longest >= PROSE_WORDS or 2 * sum(1 for line in lines if _SENTENCE.search(line)) >= len(lines):
        return None
    return longest


# A page that opens on its item's fields: a list or a table of at least ``FIELD_COUNT`` items of at most
# ``FIELD_WORDS`` words on average ("Zwolle / 32-36 uur per week / € 3.250 - € 4.680 bruto per maand", "Rok
# produkcji | 2017 | Przebieg | 186 000 km"), few of them links (a breadcrumb's are), before any paragraph longer
# than ``LEAD_WORDS`` (a "Stand: 27.11.2025, 05:40 Uhr" line may come first), on a page of fewer than
# ``FIELDS_PAGE_WORDS`` words that names no writer (the caller checks that). Unseen-page probes: ten job adverts,
# flats, cars, study programmes, weather and stock pages caught, no article. Both shared corpora: the articles that
# open so have a byline (an Indian daily's key points) or a thousand words and more (a fact box over a guide).
FIELD_COUNT = 4
FIELD_WORDS = 4.0
LEAD_WORDS = 12
FIELDS_PAGE_WORDS = 300
_FIELDS_AMONG = 3  # the blocks the fields must come in
_LINKED = 0.5  # link density from which a list is a breadcrumb or a menu, not fields


def fields_first(blocks: list[Block]) -> int | None:
    """How many short fields open the text, before any prose, on a short page; None if it does not open so."""
    if sum(block.words for block in blocks) >= FIELDS_PAGE_WORDS:
        return None
    for block in blocks[:_FIELDS_AMONG]:
        if block.kind in ("list", "table"):
            fields = [field for field in re.split(r"\n|\|", block.text) if field.strip()]
            short = len(fields) >= FIELD_COUNT and sum(map(count_words, fields)) <= FIELD_WORDS * len(fields)
            return len(fields) if short and block.link_density < _LINKED else None
        if block.kind != "head" and block.words > LEAD_WORDS:
            return None
    return None
