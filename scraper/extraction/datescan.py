"""Full dates (day, month and year) as pages print them, in English and the page's language.

The scanner behind ``dateline.py``: "March 4, 2025", "4. März 2025", "04.03.2025", "3/4/2025"
(either order, the page's usual one first), "2025年3月4日", "2025년 3월 4일", "2025. március 4.",
"04-ago-2021"; each with whether the text before it labels it a revision ("Updated", "Aktualisiert am").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from scraper.extraction.months import compact_month_names, month_names
from scraper.text import phrases


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
    r"bijgewerkt|atualiz|zaktualiz|aktualiz|uppdater|opdater|oppdater|päivit|frissít|수정)\w*\W{0,3}(?:\w{1,3}\W{1,3})?"
    r"(?:[^\W\d_]{2,12}\.?\W{1,3})?"  # a weekday: "Updated on Tuesday, March 18", "Aktualisiert: Dienstag, 4. März"
    r"(?:\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\b\.?)?(?:\s+[^\W\d_]{2,5})?\W{1,3})?"  # a time: "Updated 6:05 PM EDT, "
    r"(?:[^\W\d_]{2,12}\.?\W{1,3})?$",  # and a weekday after it: "…, Tue March 18"
    re.IGNORECASE,
)
_YEAR = re.compile(r"\d{4}")
_LABEL_CHARS = 45  # read before a date for its label
# What joins the two ends of a span of time: "March 3, 1938 – November 21, 2026", "4. März bis 6. März
# 2025", "Nov 20 to Nov 22, 2026". A life, an event or a period is printed so; no page states its own
# publication as a span. Only a dash or a word for "to" between two dates (or a day and a date) counts.
_RANGE_JOIN = r"\s*(?:[-–—]|to|until|till|through|thru|bis|au|al|a|tot|do)\s*"
# Years between two dates joined by a bare dash that make them a life's span without a cue: a page's
# published and updated dates are rarely this far apart (the web itself is about thirty years old).
_LIFE_YEARS = 30
# Before a pair of dates, what says they are a life's: "born", "*", "†", "geboren", "né", "nacido", "obituary".
_LIFE_CUE = re.compile(
    r"\b(?:born|died|obituary|in memoriam|geb\.|geboren|gestorben|né|née|décédée?|nacid[oa]|fallecid[oa]|"
    r"nat[oa]|mort[oa]|geboren|overleden)\b",
    re.IGNORECASE,
)
_LIFE_MARK = re.compile(r"[*†✝]\s*$")  # "* 3. März 1938 – † 21. November 2026": right before the first date
_CUE_CHARS = 60  # read before the first date, on its own line, for a cue of a life


def _spanned(preceding: str, first: str, join: str, second: str) -> bool:
    """Two full dates joined by ``join``: a span of time (see :meth:`Scanner._range_ends`), not two fields."""
    if re.search(r"[^\W\d_]", join):  # a word for "to": "to", "bis", "au"
        return True
    years = [int(y) for y in re.findall(r"(?<!\d)(?:1[89]|20|21)\d{2}(?!\d)", f"{first} {second}")]
    if len(years) >= 2 and abs(years[-1] - years[0]) >= _LIFE_YEARS:
        return True
    line = preceding.rsplit("\n", 1)[-1]  # a cue in the standfirst above ("who died on Tuesday") is not this line's
    return bool(_LIFE_CUE.search(line[-_CUE_CHARS:]) or _LIFE_MARK.search(line))


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
        ends = rf"(?:(?:{month})\.?\s+{day}|{day}\.?\s+(?:de\s+)?(?:{month})\.?)"  # "March 3", "3. März"
        opening = rf"(?<![\w.])(?:{ends}{_RANGE_JOIN}|\d{{1,2}}\.{_RANGE_JOIN}|\d{{1,2}}[-–])$"  # "20.–", "20–22 Nov"
        self.range_start = re.compile(opening, re.IGNORECASE)
        self.range_join = re.compile(rf"{_RANGE_JOIN}", re.IGNORECASE)
        self.pattern = re.compile(
            rf"(?<![\d.])(?:(\d{{4}})\s?[-/.–]\s?(\d{{1,2}})\s?[-/.–]\s?(\d{{1,2}})(?!\d)"  # 2025-03-04
            rf"|(\d{{1,2}})\.\s?(\d{{1,2}})\.\s?(\d{{4}})(?!\d)"  # 04.03.2025
            rf"|(\d{{1,2}})[/-](\d{{1,2}})[/-](\d{{4}})(?!\d)"  # 03/04/2025 (either order)
            rf"|({month})\.?\s+{day},?\s+(\d{{4}})(?!\d)"  # March 4, 2025
            rf"|{day}\.?\s+(?:de\s+)?({month})\.?,?\s+(?:de\s+)?(\d{{4}})(?!\d)"  # 4 March 2025, 4. März 2025
            rf"|(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日"  # 2025年3月4日
            rf"|(\d{{1,2}})-({short})\.?-(\d{{4}})(?!\d)"  # 04-ago-2021
            rf"|(\d{{4}})\s*년\s*(\d{{1,2}})\s*월\s*(\d{{1,2}})\s*일"  # 2025년 3월 4일
            rf"|(\d{{4}})\.\s?({month})\.?\s+{day}(?:\.|-[áé]n\b))",  # 2025. március 4. / 4-én (Hungarian)
            re.IGNORECASE,
        )

    def __call__(self, text: str) -> list[Shown]:
        return [shown for shown, _, _ in self.spans(text)]

    def spans(self, text: str, *, ranges: bool = True) -> list[tuple[Shown, int, int]]:
        """Each date with where it is written in ``text``.

        ``ranges=False`` leaves out the dates that are an end of a span of time (:data:`_RANGE_JOIN`):
        a life's "March 3, 1938 – November 21, 2026", an event's "Nov 20 – Nov 22, 2026". Either end
        is left out, even when the other's year is outside the years a page's date can have.
        """
        found: list[tuple[Shown, int, int]] = []
        if _YEAR.search(text) is None:  # every form writes a four-digit year: most texts have none
            return found
        matches = list(self.pattern.finditer(text))
        spanned = set() if ranges else self._range_ends(text, matches)
        for index, match in enumerate(matches):
            shown = self._shown(match)
            if shown is not None and index not in spanned:
                label = text[max(0, match.start() - _LABEL_CHARS) : match.start()]
                updated = bool(_UPDATED_LABEL.search(label))
                found.append((Shown(shown.day, shown.raw, shown.alternative, updated), match.start(), match.end()))
        return found

    def _range_ends(self, text: str, matches: list[re.Match[str]]) -> set[int]:
        """The indices of the ``matches`` that open or close a span of time, on evidence of one.

        Two full dates joined by a bare dash are a span only with evidence: a word for "to" ("Nov 20
        to Nov 22, 2026"), years far apart (a life: "March 3, 1938 – November 21, 2026") or a cue of a
        life ("born", "†") before them. Otherwise "Nov 20, 2026 - Nov 21, 2026" is a header's two
        dates (published, updated), and the first is the page's. A first end without its year
        ("March 3 – November 21, 2026", "20.–22.11.2026") is a span's by its form.
        """
        ends: set[int] = set()
        for index, match in enumerate(matches):
            before = text[matches[index - 1].end() if index else max(0, match.start() - 40) : match.start()]
            if index and self.range_join.fullmatch(before):
                if _spanned(text[: matches[index - 1].start()], matches[index - 1].group(0), before, match.group(0)):
                    ends |= {index - 1, index}
            elif self.range_start.search(before):
                ends.add(index)  # "March 3 – November 21, 2026", "20.–22.11.2026": the first end has no year
        return ends

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
        if g[18]:
            return _day(raw, g[20], self.compact.get(g[19].lower()), g[18])
        if g[21]:
            return _day(raw, g[21], g[22], g[23])
        return _day(raw, g[24], self.months.get(g[25].lower().rstrip(".")), g[26])


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


# A line that states when the page was published: "Published in The Post on November 25, 2026", "Posted
# on", "This article was published on", "Veröffentlicht am", "Publié le". The label opens the line; the
# date follows within a few words that hold no digit (the paper's name), and after it come at most a
# couple of lower-case words ("by Ann Lee"), not the rest of a sentence. A first or original publication
# ("This story was originally published on March 3, 2019") is a republished story's earlier date: never.
_PUBLISHED_STATEMENT = re.compile(
    r"(?:this\s+(?:article|story|post|piece|obituary|column|interview|page)\s+(?:was|is)\s+)?"
    r"(?:published|posted|veröffentlicht|erschienen|publiziert|publié|publiée|mis en ligne|publicad[oa]|"
    r"pubblicat[oa]|gepubliceerd|geplaatst|opublikowano|publicerad|publiceret|publisert|julkaistu)"
    r"\b[^\d\n]{0,60}$",
    re.IGNORECASE,
)
_EARLIER = re.compile(
    r"\b(?:originally|first|earlier|initially|ursprünglich|zuerst|erstmals|initialement|originalmente|"
    r"originariamente|oorspronkelijk|eerder|pierwotnie|ursprungligen|oprindeligt|opprinnelig)\b",
    re.IGNORECASE,
)
_STATEMENT_CHARS = 160  # a longer line is a sentence of the story that mentions a publication
_STATEMENT_LOWER_WORDS = 2  # lower-case words after the date ("by Ann Lee"); more are a sentence's


def stated_dates(text: str, language: str = "") -> list[Shown]:
    """The dates the text's lines state as the page's publication, in the order written.

    An obituary or a press release often prints no date by its headline (or there a life's span)
    and says at its end "Published in The Post on November 25, 2026": that is the page's date. A
    line that only labels it is read, short and opening with the label, never a sentence of the story.
    """
    scan = scanner(language)
    found: list[Shown] = []
    for line in text.splitlines():
        line = line.strip()
        if len(line) > _STATEMENT_CHARS or _YEAR.search(line) is None:
            continue
        spans = scan.spans(line, ranges=False)
        label = line[: spans[0][1]].rstrip() if spans else ""
        if not spans or spans[0][0].updated or not _PUBLISHED_STATEMENT.fullmatch(label) or _EARLIER.search(label):
            continue
        after = [w for w in re.findall(r"[^\W\d_]{3,}", line[spans[0][2] :]) if w.islower()]
        if len(after) <= _STATEMENT_LOWER_WORDS:
            found.append(spans[0][0])
    return found


@lru_cache(maxsize=64)
def scanner(language: str) -> Scanner:
    """The scanner for a language code (cached: building one compiles its month-name pattern)."""
    return Scanner(language)


def without_dates(text: str, language: str = "") -> str:
    """``text`` with its full dates blanked: "⋅ Editor ⋅ Updated May 6, 2025" reads as a byline's fields."""
    for _, start, end in reversed(scanner(language).spans(text, ranges=False)):
        text = f"{text[:start]} {text[end:]}"
    return text


_DATE_LINE_CHARS = 48  # a line of its own per date: "Published March 9, 2026", "November 3, 2026 at 9:15 a.m. EST"
_DATE_LINE_WORDS = 2  # longer words besides the dates, their times and labels ("Posted on Tuesday")
# A reading time printed beside the date: "8 min read", "11 Minute Read", "4 Min. Lesezeit", "5 min de lecture".
_READING_TIME = re.compile(
    r"\b\d{1,3}\s*(?:min(?:ute)?s?|min\.)\s*(?:read|de lecture|de lectura|di lettura|lesezeit|leestijd)\b",
    re.IGNORECASE,
)
# A time of day beside a date ("9:15 a.m.", "14:30 Uhr", "19h30", "10:02:31 PM", Malay and Indonesian "10:32 pagi",
# "19.00 malam", Spanish "18:30 hrs"): no word of the line's own.
CLOCK = re.compile(
    r"\b\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:\s*(?:[ap]\.?\s?m\b\.?|(?:uhr|pagi|siang|sore|petang|malam|hrs?|horas)\b))?",
    re.IGNORECASE,
)
# "2 hours ago", "vor 3 Stunden", "il y a 2 heures", "hace 2 horas": a date told from now.
_AGO = re.compile(
    r"\b\d{1,2}\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago\b|\bvor\s+\d{1,2}\s+(?:minuten|stunden|tagen)\b|"
    r"\bil y a\s+\d{1,2}\s+(?:minutes?|heures?|jours?)\b|\bhace\s+\d{1,2}\s+(?:minutos?|horas?|días?)\b",
    re.IGNORECASE,
)


def is_date_line(text: str, language: str = "", other_words: int = _DATE_LINE_WORDS) -> bool:
    """A short line that is dates on their own: "Apr 17, 2025", "Published 3 November 2026 · Last updated 4
    November 2026", "03.11.2026, 14:30 Uhr", "November 3, 2026 at 9:15 a.m. EST", or a date told from now
    ("Updated 2 hours ago"). Besides the dates and their times, only their labels, short words and at most
    ``other_words`` longer ones (a byline's "Posted on Tuesday"; none for a line the body may hold: "Go 1.26 is
    released, 10 February 2026" is an archive's entry)."""
    spans = scanner(language).spans(text, ranges=False)
    if len(text) > _DATE_LINE_CHARS * max(1, len(spans)):
        return False
    if spans:
        for _, start, end in reversed(spans):
            text = f"{text[:start]} {text[end:]}"
    elif (ago := _AGO.search(text)) is not None:
        text = f"{text[: ago.start()]} {text[ago.end() :]}"
    else:
        return False
    text = _stamp_labels().sub(" ", CLOCK.sub(" ", _READING_TIME.sub(" ", text)))
    return len([w for w in text.split() if not _particle_or_zone(w)]) <= other_words


def _particle_or_zone(word: str) -> bool:
    """ "le", "am", "on", "at", "à", "EST", "CEST": a date's particles and time zones, no words of a sentence."""
    letters = sum(ch.isalpha() for ch in word)
    return letters <= 2 or (letters <= 4 and word.strip(".,()").isupper())


@lru_cache(maxsize=1)
def _stamp_labels() -> re.Pattern[str]:
    """The labels of a date stamp ("Published", "mis à jour"), as ``phrases.toml`` lists them."""
    labels = sorted(phrases()["date_stamp_label"], key=len, reverse=True)
    return re.compile(rf"\b(?:last\s+)?(?:{'|'.join(map(re.escape, labels))})\b", re.IGNORECASE)  # "Last updated"
