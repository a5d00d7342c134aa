"""What the shape of an extracted text says of the page: figures, not a story told in sentences.

The page-kind model reads the page's layout before extraction; this reads the text trafilatura kept, after
cleaning, for the pages whose head and layout pass for an article's (a headline, a date, ``og:type`` article):
a page of lottery numbers or live scores has no line of prose and is mostly figures (:func:`figures_only`).

Measured and not shipped: a short unsigned page whose text opens on a list or table of short fields (a job
advert's place, hours and pay; a used car's year and mileage) caught ten such pages of the unseen-page probes,
and two reviews' pages showed 32 real articles built so: a road closure's "At a glance" box, a match report's
score table, an election's results, a recipe's ingredients, an event's "When / Where" list.
"""

from __future__ import annotations

import re

from scraper.extraction.blocks import Block
from scraper.text import SPACELESS, count_words

# A story is told in sentences: some paragraph (or quote, or list item) of it runs to this many words. Over both shared
# corpora and the unseen-page probes the shortest longest-paragraph of an article is 18 words (a Maltese brief, a
# Tilda page); lottery results, live scores and a crossword have none of 15.
PROSE_WORDS = 15
# A line that ends a sentence: a police log's entries are short ("Tuesday, 10:30 a.m.: Resident lost $900 to a phone
# scam."), but each is one; a result's, a score's or a clue's line is not ("Harwick Town 2 - 1 Skelton Rovers").
_SENTENCE = re.compile(r"\w\W{0,2}[.!?。！？؟۔।።…։။។།][\"'”’»)\]]*\s*$")
# A sentence this long is the story's lead, however many figures follow it (an election's tally under "The
# Socialists won 12 of 21 seats on Sunday", a statistics brief, a round's results, "Der Dax hat am Freitag leicht
# zugelegt."; reviews): a lottery's or a score page's sentences are notes ("Alle Angaben ohne Gewähr."). A lead may
# end on a colon, introducing the figures ("Here are Saturday's results from around the League:").
LEAD_WORDS = 6
_LEAD_IN = re.compile(r"\w\W{0,2}[:：][\"'”’»)\]]*\s*$")
# ... and at least this share of the lines' words are figures (hold a digit): lottery numbers 0.70, a duty
# pharmacies' list 0.46, live scores 0.34. A review's short-line stories are words: a police log without full stops
# 0.15, a poem one ``<p>`` a line 0, a photo story's captions 0.01, live blogs of short entries 0.07 to 0.22.
FIGURES_SHARE = 0.3


def _lines(blocks: list[Block]) -> list[str]:
    """The paragraphs, quotes and list items: a table's cells, headings and code are no prose."""
    items = (item for block in blocks if block.kind == "list" for item in block.text.split("\n"))
    return [*items, *(block.text for block in blocks if block.kind in ("p", "quote"))]


def figures_only(blocks: list[Block]) -> int | None:
    """The longest line's words, if no line is prose and the lines are figures: none runs to ``PROSE_WORDS``, most
    are no sentence, none is a sentence (or a colon's lead-in) of ``LEAD_WORDS``, and ``FIGURES_SHARE`` of their
    words hold a digit. None for any other text, and for a text in a script without sentence marks or spaces."""
    lines = _lines(blocks)
    if any(SPACELESS.search(line) for line in lines):
        return None  # Thai and its neighbours mark no sentence's end, and a space parts phrases, not words
    longest = max(map(count_words, lines), default=0)
    sentences = [line for line in lines if _SENTENCE.search(line)]
    if longest >= PROSE_WORDS or 2 * len(sentences) >= len(lines):
        return None
    leads = [*sentences, *(line for line in lines if _LEAD_IN.search(line))]
    if any(count_words(lead) >= LEAD_WORDS for lead in leads):
        return None
    words = [word for line in lines for word in line.split()]
    figures = sum(1 for word in words if any(character.isdigit() for character in word))
    return longest if figures >= FIGURES_SHARE * len(words) else None
