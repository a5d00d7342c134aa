"""A page without a headline element: its header read from the first lines of the story's text.

A page laid out before CSS (tables, ``<font>``, ``<br><br>`` paragraphs) prints its headline as a
bold line, then the byline and the date on lines of their own ("Grain elevator fire contained …",
"By Hank Sorensen, Staff Writer", "03/04/2025"). With no ``<h1>`` the header reader
(``dateline.py``) finds nothing to stand by, so trafilatura's text stands for the header: the byline
is read as under a headline (:func:`~scraper.extraction.bylinetext.header_byline`), the line above
it is the headline when it reads as one, and the dates on the byline's line and the short lines
under it are the ones the page prints by its headline (they beat htmldate's pick from a sidebar).
"""

from __future__ import annotations

from dataclasses import dataclass

from scraper.extraction.blocks import Block
from scraper.extraction.boilerplate import is_credit_line
from scraper.extraction.bylinetext import header_byline
from scraper.extraction.dateline import Shown, dates_standing_alone
from scraper.extraction.datescan import scanner

HEADER_LINES = 5  # of the cleaned text: a sidebar line and a standfirst trafilatura kept, the headline, the byline
_HEADLINE_WORDS = 20
_DATE_LINE_WORDS = 8  # "03/04/2025", "Updated: Tuesday, March 4, 2025 at 10:30 am"


@dataclass(frozen=True, slots=True)
class Headless:
    """What the first lines of a headless page's text say about it."""

    byline: str  # "By" and its names
    headline: str | None  # the line just above the byline, when it reads as a headline
    line: int  # the byline's index among the lines read


def headless_header(lines: list[str], raw: list[str] | None = None) -> Headless | None:
    """The byline among a page's first lines, and the headline above it (None: no line is a byline).

    The line above is a headline when it has a few words and no full stop: "The council met on
    Tuesday evening." over a byline is the end of something else. A bare "By Hank Sorensen" is a
    byline with the date printed under it, which cleaning took out of ``lines``: read in ``raw``,
    trafilatura's lines before cleaning.
    """
    for index, line in enumerate(lines):
        if (byline := header_byline([line]) or _dated_in(line, raw or [])) is not None:
            above = " ".join(lines[index - 1].split()) if index else ""
            headline = above if 3 <= len(above.split()) <= _HEADLINE_WORDS and above[-1:] not in ".:;!?" else None
            return Headless(byline, headline, index)
    return None


def _dated_in(line: str, raw: list[str]) -> str | None:
    """The byline ``line`` is with the lines under it in ``raw`` (a bare "By" and names over a date)."""
    wanted = " ".join(line.split())
    for index, text in enumerate(raw):
        if " ".join(text.split()) == wanted:
            byline = header_byline(raw[index : index + 1 + _UNDER_LINES])
            return byline if byline is not None and " ".join(byline.split()) in wanted else None
    return None


def headless_dates(lines: list[str], found: Headless, above: str, language: str) -> list[Shown]:
    """The dates printed on the byline's line and the short lines just under it, among ``lines``.

    ``lines`` are trafilatura's before cleaning, which removes a date on a line of its own; ``found`` was
    read in the cleaned text, where ``above`` is the line above the byline ("" when it is the first).
    The byline's line is the one with that line above it (a sidebar may print the same byline first).
    Under it, up to :data:`_UNDER_LINES` short lines are read ("Millbrook Bureau", then "03/04/2025");
    a date counts only standing alone in its line (:func:`~scraper.extraction.dateline.dates_standing_alone`:
    not "The bridge closed on January 6, 2025.") and not in a photo credit ("Photo: file, May 2, 2019").
    ``language`` is :func:`~scraper.extraction.dateline.language_code`'s.
    """
    index = _byline_index(lines, found.byline, above)
    if index is None:
        return []
    scan = scanner(language)
    dates = dates_standing_alone(scan, lines[index])
    for line in lines[index + 1 : index + 1 + _UNDER_LINES]:
        if len(line.split()) > _DATE_LINE_WORDS or dates:
            break
        if not is_credit_line(line):
            dates = dates_standing_alone(scan, line)
    return dates


_UNDER_LINES = 2
_SEARCH_LINES = 1000  # trafilatura's lines before the byline: a menu, a sidebar (bounded on hostile pages)


def _byline_index(lines: list[str], byline: str, above: str) -> int | None:
    """Where the byline's line is in ``lines``: the copy with ``above`` just before it, else the first."""
    names = byline.split(None, 1)[-1]  # a cheap test first: the line holds the names
    copies = [
        i
        for i, line in enumerate(lines[:_SEARCH_LINES])
        if names in line and (header_byline([line]) or header_byline(lines[i : i + 1 + _UNDER_LINES])) == byline
    ]  # a bare byline is one with the date under it (:func:`_dated_in`)
    if not copies:
        return None
    wanted = " ".join(above.split())
    return next((i for i in copies if i and " ".join(lines[i - 1].split()) == wanted), copies[0])


def sidebar_lines(blocks: list[Block], found: Headless, headline_kept: bool = True) -> set[str]:
    """The texts of the link lines trafilatura kept above the headline: a sidebar's "Latest News" and its headlines.

    Only lines that are mostly links: a standfirst or a lede printed above a bold headline is the story's.
    ``headline_kept`` is False when cleaning took the headline's line (it repeats the title): the line above the
    byline is then a sidebar's too.
    """
    if found.headline is None:
        return set()
    above = blocks[: found.line - 1] if headline_kept else blocks[: found.line]
    return {block.text for block in above if block.link_density >= _SIDEBAR_LINK_DENSITY}


_SIDEBAR_LINK_DENSITY = 0.5
