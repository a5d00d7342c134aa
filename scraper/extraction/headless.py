"""A page without a headline element: its header read from the first lines of the story's text.

A page laid out before CSS (tables, ``<font>``, ``<br><br>`` paragraphs) prints its headline as a
bold line, then the byline and the date on lines of their own ("Grain elevator fire contained …",
"By Hank Sorensen, Staff Writer", "03/04/2025"). With no ``<h1>`` the header reader
(``dateline.py``) finds nothing to stand by, so trafilatura's text stands for the header: the byline
is read as under a headline (:func:`~scraper.extraction.bylinetext.header_byline`), the line above
it is the headline when it reads as one, and the dates on the byline's line and the short line
under it are the ones the page prints by its headline (they beat htmldate's pick from a sidebar).
"""

from __future__ import annotations

from dataclasses import dataclass

from scraper.extraction.bylinetext import header_byline
from scraper.extraction.dateline import Shown, language_code
from scraper.extraction.datescan import scanner

HEADER_LINES = 3  # of the cleaned text: a headline, the byline, a date line
_HEADLINE_WORDS = 20
_DATE_LINE_WORDS = 8  # "03/04/2025", "Updated: Tuesday, March 4, 2025 at 10:30 am"


@dataclass(frozen=True, slots=True)
class Headless:
    """What the first lines of a headless page's text say about it."""

    byline: str  # "By" and its names
    headline: str | None  # the line just above the byline, when it reads as a headline
    line: int  # the byline's index among the lines read


def headless_header(lines: list[str]) -> Headless | None:
    """The byline among a page's first lines, and the headline above it (None: no line is a byline).

    The line above is a headline when it has a few words and no full stop: "The council met on
    Tuesday evening." over a byline is the end of something else.
    """
    for index, line in enumerate(lines):
        if (byline := header_byline([line])) is not None:
            above = " ".join(lines[index - 1].split()) if index else ""
            headline = above if 3 <= len(above.split()) <= _HEADLINE_WORDS and above[-1:] not in ".:;!?" else None
            return Headless(byline, headline, index)
    return None


def headless_dates(lines: list[str], byline: str, language: str | None) -> list[Shown]:
    """The dates printed on the ``byline``'s line and the short line under it, among ``lines``.

    ``lines`` are trafilatura's before cleaning, which removes a date line on its own; ``byline`` is
    the line :func:`headless_header` found in the cleaned text (a sidebar's dated headlines may come
    first). A date further down, or in a long line (a sentence that mentions a day), is not the header's.
    """
    wanted = " ".join(byline.split())
    index = next((i for i, line in enumerate(lines) if " ".join(line.split()) == wanted), None)
    if index is None:
        return []
    header = [lines[index]]
    if index + 1 < len(lines) and len(lines[index + 1].split()) <= _DATE_LINE_WORDS:
        header.append(lines[index + 1])
    scan = scanner(language_code(language))
    return [shown for line in header for shown, _, _ in scan.spans(line, ranges=False)]
