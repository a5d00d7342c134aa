"""A byline under the headline without a lead word: the writer's name, then their post.

"Amira Haddad, Contributor", "Daniel Kim | Staff Writer | Nov 3, 2026": no "By" opens them, so
:func:`~scraper.extraction.bylinetext.header_byline` reads none. Only a post that names the writing
(``byline_writing_role`` of ``phrases.toml``: writer, reporter, correspondent, contributor …) makes such a line
a byline: a section's name beside an editor ("Climate Desk | Senior Editor"), an interviewee's card ("Maria
Lopez, Executive Director of the Valley Food Bank") and a picture's credit ("Jane Doe, Staff Photographer",
"Video Journalist") are not, nor an obituary's subtitle that gives a life's years ("Helen Marsh, Foreign
Correspondent, 1950–2025"). Only the first lines under the headline are read: further down, a name and a
post are a quoted person's or a card's. Not read (review): a name beside a social handle ("Ann Lee
@GovAnnLee" is a politician's post card as often), a Japanese "…記者" line ("本紙記者", "若手記者" are no names).
"""

from __future__ import annotations

import re
from functools import cache

from scraper.extraction.bylinetext import FIELD_DOTS, names_only
from scraper.text import phrases

_LINES = 2  # the lines under the headline read: a kicker or a date line may come before the byline
_FIELDS = re.compile(rf"\s*(?:[|{FIELD_DOTS},–—]|\s-\s)\s*")
_LIFESPAN = re.compile(r"\b(?:1[89]|20)\d{2}\s*[-–—]\s*(?:1[89]|20)\d{2}\b")  # "1950–2025"
_POST_WORDS = 4  # "Senior Political Correspondent"; a longer field is a sentence or an employer's name
_PICTURE_WORDS = ("photo", "foto", "video", "illustrat", "graphic", "grafik", "camera", "kamera")


def post_byline(lines: list[str]) -> str | None:
    """The writer's names from the first of ``lines`` that prints them beside a writing post."""
    for line in lines[:_LINES]:
        line = " ".join(line.split())
        if _LIFESPAN.search(line):
            continue  # an obituary's subtitle: the dead's name, post and years
        fields = _FIELDS.split(line, maxsplit=2)
        if len(fields) >= 2 and _writing_post(fields[1]) and (names := names_only(fields[0])):
            return names
    return None


def _writing_post(field: str) -> bool:
    """A writer's post: a writing role word last, capitalised qualifiers before it ("Staff Writer", "Contributor")."""
    words = field.split()
    if not 0 < len(words) <= _POST_WORDS or not all(w[:1].isupper() for w in words):
        return False
    writing, qualifiers = _posts()
    lower = [w.lower() for w in words]
    if any(w.startswith(_PICTURE_WORDS) for w in lower):
        return False
    return lower[-1] in writing and all(w in qualifiers for w in lower[:-1])


@cache
def _posts() -> tuple[frozenset[str], frozenset[str]]:
    """The writing role words and the qualifiers a post may put before them ("Senior", "Staff", "Political")."""
    table = phrases()
    return frozenset(table["byline_writing_role"]), frozenset(table["byline_role_qualifier"])
