"""The bylines the page marks (``rel="author"``, ``class="byline"``, ``itemprop="author"``) that are the story's.

A page marks its story's byline and, as often, the bylines of the cards beside it (related stories, books) and
the writer's bio under the story: the first few distinct ones are the story's, a list of many is the cards'.
"""

from __future__ import annotations

import re

from scraper.extraction.bylinetext import NAME_PARTICLES
from scraper.extraction.bylinewords import BY_PREFIX


def own_bylines(bylines: list[str]) -> list[str]:
    """The first bylines marked in the page, unless they are many different ones: the authors of cards or books.

    A byline's own parts are often marked too ("von Jemima Kelly" inside "capital von Jemima Kelly 05.
    November 2024"): a text held in an earlier one is not another byline.
    """
    distinct: list[str] = []
    kept: list[str] = []
    for byline in bylines:
        text = " ".join(byline.split()).lower()
        if not any(text in seen for seen in distinct):
            distinct.append(text)
        if not any(_a_bio_of(byline, seen) for seen in distinct):
            kept.append(byline)
    return [] if len(distinct) >= MANY_BYLINES else kept[:3]


def _a_bio_of(text: str, byline: str) -> bool:
    """``text`` is ``byline``'s name again in sentences: the writer's bio ("Author: Ann Lee lives in Leeds, …")."""
    text = " ".join(text.split())
    name = BY_PREFIX.sub("", byline)
    found = re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE) if name else None
    if found is None or len(name) == len(text):
        return False
    rest = (text[: found.start()] + " " + text[found.end() :]).split()
    return sum(1 for w in rest if w.islower() and w.isalpha() and w not in NAME_PARTICLES) >= _BIO_LOWER_WORDS


_BIO_LOWER_WORDS = 4  # a sentence's words: "Dan lives and works in Calgary"; not "and … in Washington"


MANY_BYLINES = 3  # different bylines marked in one page: a list's items (related posts, books), not the story's
