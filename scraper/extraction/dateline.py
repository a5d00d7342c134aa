"""The dateline: the dates a page prints beside its headline, where a reader looks for them.

Markup dates are often not the date a page shows: an SEO plugin keeps the post's first draft
as ``datePublished`` while the page prints "Updated March 4, 2025", a template fills in January
1st, a feed importer stamps the import time. The line under (or just above) the headline is
what the publisher presents as the article's date, so ``fields.pick_published`` checks the
markup against it. Only that short stretch of text is read: a date deeper in the page may be a
teaser's, a comment's, an event's or the copyright line's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from lxml import html as lxml_html

# Text inside these is not shown, or is not the article's header (a link's text may be a
# teaser's date, but a dateline is often a link to the day's archive, so links are read).
_UNSEEN = frozenset({"script", "style", "noscript", "template", "svg", "button", "select", "option"})
# Pictures and their captions: a caption's date is the photo's ("Kyiv, 24 April 2023").
_PICTURE_TAGS = frozenset({"figure", "figcaption", "picture"})
_PICTURE_CLASS = re.compile(r"caption|credit|figure|gallery|photo|\bpic", re.IGNORECASE)
# Menus and the site's masthead, which may print today's date beside the headline's container.
_NAVIGATION = frozenset({"nav", "header", "menu"})
_NOT_HEADLINE = frozenset({"nav", "a", "aside", "footer", "li"})
_AFTER_CHARS = 400  # header text read after the headline: bylines, dates, reading time
_BEFORE_CHARS = 120  # and before it: a kicker or a date printed above the headline
_PARAGRAPH_CHARS = 160  # a text this long is body prose: the header ended before it


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


def dateline(tree: lxml_html.HtmlElement, language: str | None = None) -> list[Shown]:
    """Dates printed just after the page's headline, then just before it, nearest first."""
    headline = _headline(tree)
    if headline is None:
        return []
    after = _window(_following_texts(headline), _AFTER_CHARS)
    before = _window(_preceding_texts(headline), _BEFORE_CHARS)
    scan = _scanner(_language_code(language))
    found = scan(" ".join(after))
    found += list(reversed(scan(" ".join(reversed(before)))))
    return found


def _headline(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The first ``<h1>`` outside navigation, links, asides and footers."""
    for element in tree.iter("h1"):
        if any(a.tag in _NOT_HEADLINE for a in element.iterancestors()):
            continue
        if 0 < len(" ".join(element.text_content().split())) < 400:
            return element
    return None


def _window(texts: Iterator[str], limit: int) -> list[str]:
    """Short texts until ``limit`` characters are read or the body's prose begins.

    One long text is passed over: a standfirst often sits between the headline and the byline.
    """
    taken: list[str] = []
    total = 0
    prose = 0
    for text in texts:
        text = " ".join(text.split())
        if not text:
            continue
        if len(text) >= _PARAGRAPH_CHARS:
            prose += 1
            if prose > 1:
                break
            continue
        taken.append(text)
        total += len(text)
        if total >= limit:
            break
    return taken


def _texts(element: lxml_html.HtmlElement) -> Iterator[str]:
    """The visible text of an element's subtree, in document order (its own tail excluded)."""
    if not isinstance(element.tag, str) or element.tag in _UNSEEN or element.tag in _PICTURE_TAGS:
        return
    if element.tag in _NAVIGATION or _PICTURE_CLASS.search(element.get("class") or ""):
        return
    if element.text:
        yield element.text
    for child in element:
        yield from _texts(child)
        if child.tail:
            yield child.tail


def _following_texts(element: lxml_html.HtmlElement) -> Iterator[str]:
    """Visible texts after ``element`` in document order, climbing out through its ancestors."""
    node: lxml_html.HtmlElement | None = element
    while node is not None:
        if node.tail:
            yield node.tail
        for sibling in node.itersiblings():
            yield from _texts(sibling)
            if sibling.tail:
                yield sibling.tail
        node = node.getparent()


def _preceding_texts(element: lxml_html.HtmlElement) -> Iterator[str]:
    """Visible texts before ``element``, nearest first, climbing out through its ancestors."""
    node: lxml_html.HtmlElement | None = element
    while node is not None:
        for sibling in node.itersiblings(preceding=True):
            if sibling.tail:
                yield sibling.tail
            yield from reversed(list(_texts(sibling)))
        parent = node.getparent()
        if parent is not None and parent.text:
            yield parent.text
        node = parent


def _language_code(language: str | None) -> str:
    code = (language or "").strip().replace("_", "-").lower()
    return code if re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]{2,8})*", code) else ""


_ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
                   "september", "october", "november", "december")  # fmt: skip


@lru_cache(maxsize=64)
def _month_names(language: str) -> dict[str, int]:
    """Month names (full and abbreviated, lower-case, without dots) in English and ``language``."""
    names = {name: i for i, name in enumerate(_ENGLISH_MONTHS, 1)}
    names.update({name[:3]: i for i, name in enumerate(_ENGLISH_MONTHS, 1)})
    names["sept"] = 9
    primary = language.split("-")[0]
    if primary and primary != "en":
        from babel import UnknownLocaleError
        from babel.dates import get_month_names

        try:
            for width in ("wide", "abbreviated"):
                for context in ("format", "stand-alone"):
                    for number, name in get_month_names(width, context, locale=primary).items():
                        key = name.lower().rstrip(".")
                        if len(key) >= 3 and not key[0].isdigit():
                            names.setdefault(key, int(number))
        except (UnknownLocaleError, ValueError):
            pass
    return names


# The label of a revision date, in the languages of the month names above (stems: "Updated",
# "Last modified", "Aktualisiert am", "Mis à jour le", "Actualizado el", "Aggiornato il", ...).
_UPDATED_LABEL = re.compile(
    r"(?:updat|modifi|revis|aktualisi|geändert|mis à jour|mise à jour|actualis|actualiz|aggiorna|bijgewerkt|"
    r"atualiz|zaktualiz|aktualiz|uppdater|opdater|oppdater|päivit)\w*\W{0,3}(?:\w{1,3}\W{1,3})?$",
    re.IGNORECASE,
)


_MONTH_FIRST = frozenset({"en-us", "en", ""})  # where "03/04/2025" is read as March 4th first


class _Scanner:
    """Finds full dates (day, month and year) in a text, in the order they are written."""

    def __init__(self, language: str) -> None:
        self.months = _month_names(language)
        self.month_first = language in _MONTH_FIRST
        month = "|".join(sorted((re.escape(n) for n in self.months), key=len, reverse=True))
        day = r"(\d{1,2})(?:st|nd|rd|th|er|º)?"
        self.pattern = re.compile(
            rf"(?<![\d.])(?:(\d{{4}})\s?[-/.–]\s?(\d{{1,2}})\s?[-/.–]\s?(\d{{1,2}})(?!\d)"  # 2025-03-04
            rf"|(\d{{1,2}})\.\s?(\d{{1,2}})\.\s?(\d{{4}})(?!\d)"  # 04.03.2025
            rf"|(\d{{1,2}})[/-](\d{{1,2}})[/-](\d{{4}})(?!\d)"  # 03/04/2025 (either order)
            rf"|({month})\.?\s+{day},?\s+(\d{{4}})(?!\d)"  # March 4, 2025
            rf"|{day}\.?\s+(?:de\s+)?({month})\.?,?\s+(?:de\s+)?(\d{{4}})(?!\d)"  # 4 March 2025, 4. März 2025
            rf"|(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日)",  # 2025年3月4日
            re.IGNORECASE,
        )

    def __call__(self, text: str) -> list[Shown]:
        found: list[Shown] = []
        for match in self.pattern.finditer(text):
            shown = self._shown(match)
            if shown is not None:
                updated = bool(_UPDATED_LABEL.search(text[max(0, match.start() - 30) : match.start()]))
                found.append(Shown(shown.day, shown.raw, shown.alternative, updated))
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
        return _day(raw, g[15], g[16], g[17])


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
def _scanner(language: str) -> _Scanner:
    return _Scanner(language)
