"""A byline under the headline without a lead word: the writer's name, then their post or social handle.

"Amira Haddad, Contributor", "Daniel Kim | Staff Writer | Nov 3, 2026", "Devon Wright @devwrites",
"社会部　山田太郎記者": no "By" opens them, so :func:`~scraper.extraction.bylinetext.header_byline` reads
none. Only a post that names the writing (``byline_writing_role`` of ``phrases.toml``: writer, reporter, correspondent,
contributor …) makes such a line a byline: a section's name beside an editor ("Climate Desk | Senior
Editor"), an interviewee's card ("Maria Lopez, Executive Director of the Valley Food Bank") and a
picture's credit ("Jane Doe, Staff Photographer", "Video Journalist") are not. Only the first lines
under the headline are read: further down, a name and a post are a quoted person's or a card's.
"""

from __future__ import annotations

import re
from functools import cache

from scraper.extraction.bylinetext import FIELD_DOTS, names_only
from scraper.text import phrases

_LINES = 2  # the lines under the headline read: a kicker or a date line may come before the byline
_FIELDS = re.compile(rf"\s*(?:[|{FIELD_DOTS},–—]|\s-\s)\s*")
_HANDLE = re.compile(r"\s+@[A-Za-z0-9_]{2,30}(?=$|\s*[|·•,–—])")  # "@devwrites" after the name
# "社会部　山田太郎記者": a desk, then the name with the reporter's post glued after it (not a paper's "読売新聞記者")
_KISHA = re.compile(
    r"(?:\S{1,12}[部局]\s)?([\u3040-\u30ff\u4e00-\u9fff]{2,5}(?: [\u3040-\u30ff\u4e00-\u9fff]{1,4})?)"
    r"(?<!新聞)(?<![社部局])(?:記者|特派員|編集委員|論説委員)"
)
_POST_WORDS = 4  # "Senior Political Correspondent"; a longer field is a sentence or an employer's name
_PICTURE_WORDS = ("photo", "foto", "video", "illustrat", "graphic", "grafik", "camera", "kamera")


def post_byline(lines: list[str]) -> str | None:
    """The writer's names from the first of ``lines`` that prints them beside a writing post or a handle."""
    for line in lines[:_LINES]:
        line = " ".join(line.split())
        if kisha := _KISHA.fullmatch(line):
            return kisha.group(1)
        if handle := _HANDLE.search(line):
            if names := names_only(line[: handle.start()]):
                return names
            continue
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
