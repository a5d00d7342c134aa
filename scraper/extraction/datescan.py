"""Full dates (day, month and year) as pages print them, in English and the page's language.

The scanner behind ``dateline.py``: "March 4, 2025", "4. März 2025", "04.03.2025", "3/4/2025"
(either order, the page's usual one first), "2025年3月4日", "04-ago-2021"; each with whether the
text before it labels it a revision ("Updated", "Aktualisiert am").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from scraper.extraction.months import compact_month_names, month_names


@dataclass(slots=True, frozen=True)
class Shown:
    """A date printed in the header, as the reader sees it (``raw``) and as a day."""

    day: date
    raw: str
    alternative: date | None = None  # "03/04/2025": the other reading of an ambiguous numeric date
    updated: bool = False  # labelled as the date of a revision ("Updated", "Aktualisiert am")

    @property
    def days(self) -> frozenset[date]:
        """Every day the text can mean."""
        return frozenset(d for d in (self.day, self.alternative) if d is not None)


# The label of a revision date, in the languages of months.py's month names (stems: "Updated",
# "Last modified", "Aktualisiert am", "Mis à jour le", "Actualizado el", "Aggiornato il", ...).
_UPDATED_LABEL = re.compile(
    r"(?:updat|modifi|revis|edited|aktualisi|geändert|bearbeitet|mis à jour|mise à jour|actualis|actualiz|aggiorna|"
    r"bijgewerkt|atualiz|zaktualiz|aktualiz|uppdater|opdater|oppdater|päivit)\w*\W{0,3}(?:\w{1,3}\W{1,3})?"
    r"(?:[^\W\d_]{2,12}\.?\W{1,3})?"  # a weekday: "Updated on Tuesday, March 18", "Aktualisiert: Dienstag, 4. März"
    r"(?:\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\b\.?)?(?:\s+[^\W\d_]{2,5})?\W{1,3})?"  # a time: "Updated 6:05 PM EDT, "
    r"(?:[^\W\d_]{2,12}\.?\W{1,3})?$",  # and a weekday after it: "…, Tue March 18"
    re.IGNORECASE,
)
_YEAR = re.compile(r"\d{4}")
_LABEL_CHARS = 45  # read before a date for its label


_MONTH_FIRST = frozenset({"en-us", "en", ""})  # where "03/04/2025" is read as March 4th first


class Scanner:
    """Finds full dates (day, month and year) in a text, in the order they are written."""

    def __init__(self, language: str) -> None:
        self.months = month_names(language)
        self.month_first = language in _MONTH_FIRST
        month = "|".join(sorted((re.escape(n) for n in self.months), key=len, reverse=True))
        self.compact = {**compact_month_names(), **self.months}
        short = "|".join(sorted((re.escape(n) for n in self.compact), key=len, reverse=True))
        day = r"(\d{1,2})(?:st|nd|rd|th|er|º)?"
        self.pattern = re.compile(
            rf"(?<![\d.])(?:(\d{{4}})\s?[-/.–]\s?(\d{{1,2}})\s?[-/.–]\s?(\d{{1,2}})(?!\d)"  # 2025-03-04
            rf"|(\d{{1,2}})\.\s?(\d{{1,2}})\.\s?(\d{{4}})(?!\d)"  # 04.03.2025
            rf"|(\d{{1,2}})[/-](\d{{1,2}})[/-](\d{{4}})(?!\d)"  # 03/04/2025 (either order)
            rf"|({month})\.?\s+{day},?\s+(\d{{4}})(?!\d)"  # March 4, 2025
            rf"|{day}\.?\s+(?:de\s+)?({month})\.?,?\s+(?:de\s+)?(\d{{4}})(?!\d)"  # 4 March 2025, 4. März 2025
            rf"|(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日"  # 2025年3月4日
            rf"|(\d{{1,2}})-({short})\.?-(\d{{4}})(?!\d))",  # 04-ago-2021
            re.IGNORECASE,
        )

    def __call__(self, text: str) -> list[Shown]:
        return [shown for shown, _, _ in self.spans(text)]

    def spans(self, text: str) -> list[tuple[Shown, int, int]]:
        """Each date with where it is written in ``text``."""
        found: list[tuple[Shown, int, int]] = []
        if _YEAR.search(text) is None:  # every form writes a four-digit year: most texts have none
            return found
        for match in self.pattern.finditer(text):
            shown = self._shown(match)
            if shown is not None:
                label = text[max(0, match.start() - _LABEL_CHARS) : match.start()]
                updated = bool(_UPDATED_LABEL.search(label))
                found.append((Shown(shown.day, shown.raw, shown.alternative, updated), match.start(), match.end()))
        return found

    def _shown(self, match: re.Match[str]) -> Shown | None:
        g = match.groups()
        raw = match.group(0)
        if g[0]:
            return _day(raw, g[0], g[1], g[2])
        if g[3]:  # day first, but "09.10.2024" may be a US writer's September 10th
            return _either(_day(raw, g[5], g[4], g[3]), _day(raw, g[5], g[3], g[4]))
        if g[6]:
            month_first, day_first = _day(raw, g[8], g[6], g[7]), _day(raw, g[8], g[7], g[6])
            return _either(*((month_first, day_first) if self.month_first else (day_first, month_first)))
        if g[9]:
            return _day(raw, g[11], self.months.get(g[9].lower().rstrip(".")), g[10])
        if g[12]:
            return _day(raw, g[14], self.months.get(g[13].lower().rstrip(".")), g[12])
        if g[15]:
            return _day(raw, g[15], g[16], g[17])
        return _day(raw, g[20], self.compact.get(g[19].lower()), g[18])


def _either(preferred: Shown | None, other: Shown | None) -> Shown | None:
    """An ambiguous numeric date: the reading usual where the page is from, the other one kept."""
    if preferred is None or other is None or preferred.day == other.day:
        return preferred or other
    return Shown(preferred.day, preferred.raw, other.day)


def _day(raw: str, year: str | int, month: str | int | None, day: str | int) -> Shown | None:
    try:
        value = date(int(year), int(month or 0), int(day))
    except ValueError:
        return None
    return Shown(value, raw) if 1990 <= value.year <= 2100 else None


@lru_cache(maxsize=64)
def scanner(language: str) -> Scanner:
    """The scanner for a language code (cached: building one compiles its month-name pattern)."""
    return Scanner(language)
