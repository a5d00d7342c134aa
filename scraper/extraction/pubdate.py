"""The publication date: the markup's dates, checked against the ones the page prints by its headline.

Order of trust: what the publisher states for machines about this article (JSON-LD, then
``article:*``/Dublin Core meta, then ``<time>``), then trafilatura's and htmldate's guesses (passed
in as ``fallback``). The dateline (``dateline.py``) is what a reader sees; :func:`pick_published`
decides when it overrules the markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta

from lxml import html as lxml_html

from scraper.dates import as_utc, format_date, parse_date
from scraper.extraction.datescan import Shown, scanner, stated_dates
from scraper.extraction.signals import MODIFIED_META, PUBLISHED_META, PageSignals, ld_str


def pick_date(signals: PageSignals, which: str, fallback: str | None) -> tuple[str | None, str | None]:
    """(normalised ISO 8601, raw string) for "published" or "modified".

    A UTC instant is written in the page's own offset when another of its timestamps shows one
    (``<time datetime="…-05:00">``): readers see the local day, and near midnight the UTC day is
    the next one.
    """
    ld = signals.article_ld or {}
    if which == "published":
        raws = [ld_str(ld.get("datePublished")), ld_str(ld.get("dateCreated"))]
        raws += signals.all_meta(*PUBLISHED_META) + signals.time_datetimes[:1] + [fallback]
    else:
        raws = [ld_str(ld.get("dateModified")), *signals.all_meta(*MODIFIED_META)]
    parsed = [(parse_date(r), r) for r in raws if r]
    valid = [(d, r) for d, r in parsed if d is not None and 1990 <= d.year <= 2100]
    if not valid:
        return None, None
    # Prefer a value with a time of day and an offset over a bare date from the same page.
    best, raw = valid[0]
    for d, r in valid:
        if d.date() == best.date() and _precision(d, r) > _precision(best, raw):
            best, raw = d, r
    return format_date(_in_local_offset(best, signals), raw), raw.strip()


def pick_published(
    signals: PageSignals,
    shown: Sequence[Shown],
    fallback: Callable[[], str | None],
    fetched_at: str | None = None,
    notes: list[str] | None = None,
    *,
    url: str = "",
    text: str = "",
    paragraphs: str | None = None,
    header: str = "",
) -> tuple[str | None, str | None]:
    """The publication date (normalised, raw), checked against the dates printed by the headline.

    The markup's date (:func:`pick_date`) stands when the header shows its day, no date, or only
    a revision's (labelled "Updated", or the markup's modified day: a page that prints when it
    was last changed has still been published when its markup says). Otherwise the header's date
    is the one the page presents, and the markup's one it does not show (an SEO plugin's first
    draft, a template's January 1st, an import stamp): the header's wins, taken from the page's
    other machine dates (created, ``<time>``) when one has its day, for the time of day. A header
    date on the day the page was fetched (``fetched_at``) never overrides the markup's: more
    likely a masthead's "today" than a misdated article (one the markup misdates is the cost).

    Without an article date in the markup, the ``WebPage`` node's date (when the CMS made the page),
    then ``fallback`` (htmldate's pick from anywhere in the page) lose to a date the header prints.
    A line of the story's ``paragraphs`` (its text without quotes, lists or tables; ``text`` if
    None) that states its publication ("Published in The Post on November 25, 2026",
    :func:`~scraper.extraction.datescan.stated_dates`) is the last resort: read only when the
    header prints no date, the address holds none, and the guess is none or a date the story's
    text does not print (a masthead's "today"); never a first or original publication. A guess
    that the story's text or the ``header`` (the lines under the headline) prints only as an end of
    a span of time ("June 3 – June 9, 2026", a life's) is an event's day, and dropped. A revision's
    ("Updated March 4", then the page's only date) beats ``fallback`` alone. A guess
    matches an ambiguous header date ("3/4/2025") only in the reading usual where the page is from:
    htmldate reads such dates day first everywhere (the page's ``url`` counts as evidence). A January
    1st guess that neither the header, the address nor the article's ``text`` prints in full is
    dropped (:func:`_year_guess`); when no other date is found, ``date/year_only_dropped`` is added
    to ``notes`` (a stats key).

    A header that prints only a revision, later than a publication date stated by the JSON-LD
    alone (no meta, no ``<time>`` agrees with it), gives the revision (:func:`_lone_ld_date`).
    """
    dropped: list[str] = []
    found = _pick_published(signals, shown, fallback, fetched_at, dropped, url, text, paragraphs, header)
    if dropped and found[0] is None and notes is not None:
        notes.append(YEAR_ONLY_DROPPED)
    return found


def _pick_published(
    signals: PageSignals,
    shown: Sequence[Shown],
    fallback: Callable[[], str | None],
    fetched_at: str | None,
    dropped: list[str],
    url: str,
    text: str,
    paragraphs: str | None,
    header: str,
) -> tuple[str | None, str | None]:
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)  # a later "date" is an event's, not the article's
    published, raw = pick_date(signals, "published", None)
    published, raw = (published, raw) if published else _page_level_date(signals, tomorrow) or (None, None)
    marked = published is not None  # stated by the markup (the article's node, else the page's), not guessed
    if not marked:
        guess = fallback()
        if not shown and not _URL_DATE.search(url) and not _printed(guess, text, signals.html_lang):
            shown = stated_dates(text if paragraphs is None else paragraphs, _code(signals.html_lang))
        kept = _year_guess(guess, shown, url, text, signals.html_lang)
        if guess and kept is None:
            dropped.append(guess)
        elif not shown and _spanned(kept, header, signals.html_lang) and not _URL_DATE.search(url):
            kept = None  # the header prints the guess only as an end of a span (a life's), not the story's text
        published, raw = pick_date(signals, "published", kept)
    printed = {d for s in shown if not s.updated for d in (s.days if marked else _readings(s, signals, url))}
    if published is not None and _days(published, raw) & printed:
        return published, raw
    revised = _modified_days(signals)
    today = _days(fetched_at, None) if fetched_at else set()
    candidates = [s for s in shown if not s.updated and not s.days & revised and s.day <= tomorrow]
    if marked:
        candidates = [s for s in candidates if not s.days & today and not _anniversary(s, published, raw)]
    if marked and not candidates and published is not None and _lone_ld_date(signals, published, raw):
        revision = _revision_shown(signals, shown, published, raw, today, tomorrow)
        if revision is not None:
            return revision
    if not candidates and not marked:
        candidates = [s for s in shown if s.day <= tomorrow]  # revisions too: the page shows no other date
        if published is not None and _days(published, raw) & {d for s in candidates for d in s.days}:
            return published, raw
    if not candidates or (published is not None and _same_instant(published, candidates[0].day)):
        return published, raw
    others = [(value, other_raw) for value, other_raw in _other_dates(signals) if not _days(value, other_raw) & revised]
    for seen in candidates:
        for value, other_raw in others:
            if _days(value, other_raw) & seen.days:
                return value, other_raw
    return candidates[0].day.isoformat(), candidates[0].raw


def _anniversary(seen: Shown, published: str | None, raw: str | None) -> bool:
    """The header's date falls on the markup's day of another year: a kicker's anniversary ("Ten years ago
    · 6 December 2016", "Vor 50 Jahren"), not a misdated page (an import stamp has a day of its own)."""
    if published is None:
        return False
    marked = _days(published, raw)
    # Not the markup's year printed with Java's "YYYY" (the week's year): "2025-12-30" for 30 December 2024
    return not seen.days & marked and any(
        (d.month, d.day) == (m.month, m.day) and d.isocalendar().year != m.year for d in seen.days for m in marked
    )


YEAR_ONLY_DROPPED = "date/year_only_dropped"
"""Note (counted as ``news/extract/date/year_only_dropped``): no date but a year's January 1st was found."""


def _lone_ld_date(signals: PageSignals, published: str, raw: str | None) -> bool:
    """The publication date is stated by the JSON-LD alone: no ``<meta>``, no ``<time>`` and (for the
    article's node) not the page's node gives its day.

    A date a site also states in its meta tags and ``<time>`` elements is its declared publication
    date; one only the JSON-LD holds, while the header prints a later revision, is more often the
    CMS record's creation (a draft, an import, the page's first version) than the date the page
    presents. Measured on both corpora, on pages whose headline shows only a later revision: the
    revision was the reference date on 18 of 20 where the JSON-LD alone states the publication, and
    on 7 of 20 where meta, a ``<time>`` or the other JSON-LD node agree (the news corpus's two, a live
    ticker among them, are in the second group). A date from the meta tags alone keeps its rank: the
    revision was the reference on 4 of 21 such pages.
    """
    ld = signals.article_ld or {}
    article = [v for v in (ld_str(ld.get("datePublished")), ld_str(ld.get("dateCreated"))) if v]
    page = [v for v in (ld_str((signals.page_ld or {}).get("datePublished")),) if v]
    if raw is None or raw.strip() not in {v.strip() for v in (*article, *page)}:
        return False  # from the meta tags or a <time>
    others = [*signals.all_meta(*PUBLISHED_META), *signals.time_datetimes, *(page if raw in article else [])]
    days = _days(published, raw)
    return not any(_days(other, other) & days for other in others)


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _readings(seen: Shown, signals: PageSignals, url: str) -> set[date]:
    """The days an ambiguous header date ("03/10/2023") is matched on by a guess: the reading usual where
    the page is from, and the other one only when the page's address (``url``, canonical, og:url) has that
    year and month.

    htmldate reads such a date day first, whatever the page's language; a guess on the other reading
    is only as good as the evidence beside it, such as ``/2023/october/03/`` in the URL.
    """
    days = {seen.day}
    other = seen.alternative
    addresses = " ".join(a for a in (url, signals.canonical, signals.first_meta("og:url")) if a).lower()
    if other is not None and addresses:
        month = rf"(?:0?{other.month}|{_MONTHS[other.month - 1]}[a-z]*)"
        if re.search(rf"\b{other.year}[/_-]{month}(?![0-9a-z])", addresses):
            days.add(other)
    return days


def _revision_shown(
    signals: PageSignals, shown: Sequence[Shown], published: str, raw: str | None, today: set[date], latest: date
) -> tuple[str, str] | None:
    """The first date the header prints that is later than ``published`` (a revision), with the markup's
    modified time when that falls on the printed day; None if the header prints no such date."""
    after = max(_days(published, raw))
    for seen in shown:
        if after < seen.day <= latest and not seen.days & today:
            ld = (signals.article_ld or {}, signals.page_ld or {})
            for modified in (ld_str(n.get("dateModified")) for n in ld):
                found = _normalised(modified, signals)
                if found and (parse_date(found[0]) or datetime.min).date() == seen.day:
                    return found
            return seen.day.isoformat(), seen.raw
    return None


def _year_guess(guess: str | None, shown: Sequence[Shown], url: str, text: str, language: str | None) -> str | None:
    """``guess`` unless it is a January 1st nothing prints in full: htmldate's reading of a year alone.

    A page whose only date is a year (a copyright line, "© 2026") gets January 1st of it from
    htmldate; that is no publication date, and no date is better than a false one. A real New
    Year's Day article prints its date: by the headline, in its address (``/2026/01/01/``) or in
    its text ("Posted on January 1, 2026").
    """
    if guess is None or not re.fullmatch(r"\d{4}-01-01", guess.strip()[:10]):
        return guess
    day = parse_date(guess.strip()[:10])
    if day is None:
        return None
    if any(day.date() in s.days for s in shown) or re.search(rf"(?<!\d){day.year}[/_.-]?0?1[/_.-]?0?1(?!\d)", url):
        return guess
    scans = {scanner("en"), scanner(_code(language))}
    printed = str(day.year) in text and any(day.date() in s.days for scan in scans for s in scan(text))
    return guess if printed else None


_URL_DATE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?:/\d{1,2}/|-\d{2}-\d{2}(?!\d)|\d{4}(?!\d))")  # /2026/11/, 2026-11-25


def _printed(guess: str | None, text: str, language: str | None, *, ranges: bool = False) -> bool:
    """The guessed date is one the story's text prints (htmldate's guess then has the story's word).

    An end of a span of time ("March 3, 1938 – November 21, 2026") counts only with ``ranges``.
    """
    day = _days(guess, None) if guess else set()
    if not day or not any(str(d.year) in text for d in day):
        return False
    scans = {scanner("en"), scanner(_code(language))}
    return any(d in s.days for scan in scans for s, _, _ in scan.spans(text, ranges=ranges) for d in day)


def _spanned(guess: str | None, text: str, language: str | None) -> bool:
    """The text prints the guessed day only as an end of a span of time ("June 3 – June 9, 2026")."""
    return _printed(guess, text, language, ranges=True) and not _printed(guess, text, language)


def _code(language: str | None) -> str:
    """A language tag as the date scanner takes it ("en-us"), or "" when it is none."""
    code = (language or "").strip().replace("_", "-").lower()
    return code if re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]{2,8})*", code) else ""


def _page_level_date(signals: PageSignals, latest: date | None = None) -> tuple[str, str] | None:
    """The JSON-LD ``WebPage`` node's ``datePublished`` (normalised, raw), if it parses and is by ``latest``."""
    found = _normalised(ld_str((signals.page_ld or {}).get("datePublished")), signals)
    return found if found and min(_days(*found)) <= (latest or datetime.now(UTC).date() + timedelta(days=1)) else None


def _normalised(raw: str | None, signals: PageSignals) -> tuple[str, str] | None:
    """A machine date as written out (ISO 8601, the page's offset) and as the page gave it; None if it is none."""
    when = parse_date(raw)
    if raw is None or when is None or not 1990 <= when.year <= 2100:
        return None
    return format_date(_in_local_offset(when, signals), raw), raw.strip()


def _days(value: str, raw: str | None) -> set[date]:
    """The days a timestamp can be shown as: in the offset it is written in, and in UTC."""
    days: set[date] = set()
    for text in (value, raw):
        when = parse_date(text)
        if when is not None:
            days.add(when.date())
            if when.tzinfo is not None and 1 < when.year < 9999:  # UTC of 9999-12-31T23:00-05:00 overflows
                days.add(as_utc(when).date())
    return days


def _modified_days(signals: PageSignals) -> set[date]:
    nodes = (signals.article_ld or {}, signals.page_ld or {})  # the article's and the page's revision dates
    raws = [*(ld_str(n.get("dateModified")) for n in nodes), *signals.all_meta(*MODIFIED_META)]
    return {d for r in raws if r for d in _days(r, r)}


def _same_instant(published: str, day: date) -> bool:
    """The header's day is the published instant's day in some time zone (UTC-12 to UTC+14)."""
    when = parse_date(published)
    if when is None or when.tzinfo is None or not 1 < when.year < 9999:
        return False
    utc = as_utc(when)
    return (utc - timedelta(hours=12)).date() <= day <= (utc + timedelta(hours=14)).date()


def _other_dates(signals: PageSignals) -> list[tuple[str, str]]:
    """The page's machine dates besides the published one, normalised, most trusted first."""
    ld = signals.article_ld or {}
    raws = [ld_str(ld.get("dateCreated")), *signals.all_meta(*PUBLISHED_META), *signals.time_datetimes]
    return [found for raw in raws if (found := _normalised(raw, signals))]


def _in_local_offset(value: datetime, signals: PageSignals) -> datetime:
    """``value`` (a UTC instant) in the offset the page's other timestamps are written in."""
    if value.utcoffset() != timedelta(0):
        return value
    ld = signals.article_ld or {}
    others = [ld_str(ld.get("datePublished")), ld_str(ld.get("dateModified")), *signals.time_datetimes]
    others += signals.all_meta(*PUBLISHED_META, *MODIFIED_META)
    for other in (parse_date(r) for r in others if r):
        offset = other.utcoffset() if other is not None and 1 < other.year < 9999 else None
        if offset and other is not None and abs(other - value) <= timedelta(days=2):
            return value.astimezone(other.tzinfo)
    return value


def has_date_signals(signals: PageSignals) -> bool:
    """A date stated in markup (JSON-LD, meta, ``<time>``, the ``WebPage`` node): htmldate's guess goes unused."""
    ld = signals.article_ld or {}
    raws = [ld_str(ld.get("datePublished")), ld_str(ld.get("dateCreated")), *signals.all_meta(*PUBLISHED_META)]
    return any(parse_date(r) for r in [*raws, *signals.time_datetimes[:1]] if r) or bool(_page_level_date(signals))


def pick_fallback_date(pruned: str | None, whole_page: Callable[[], str | None]) -> str | None:
    """trafilatura's date (read after pruning), unless it is only a year guess or missing.

    htmldate writes a page whose only date is a year (a copyright line, "© 2026") as January
    1st of it; then the date read on the whole page before pruning (see :func:`page_date`) is
    the better one. Otherwise the pruned page's date wins: pruning removed teaser boxes, whose
    dates belong to other articles. ``whole_page`` is called only then: a second htmldate run
    costs as much as the first (up to 200 ms on a large page).
    """
    if pruned and not re.fullmatch(r"\d{4}-01-01", pruned.strip()[:10]):
        return pruned
    return whole_page() or pruned


def page_date(tree: lxml_html.HtmlElement, url: str) -> str | None:
    """The publication date htmldate reads from the whole page (text, URL, odd markup).

    Called before pruning: a page with no machine-readable date often prints it in a box that
    pruning removes (a share bar, a breadcrumb row), and the date trafilatura then finds in
    what is left is a copyright year or a comment's. htmldate copies the tree it is given.
    """
    from htmldate import find_date  # in the extraction worker only: the crawl process never needs it

    try:
        found = find_date(tree, url=url or None, original_date=True, extensive_search=True,
                          max_date=datetime.now().strftime("%Y-%m-%d"))  # fmt: skip
    except (ValueError, TypeError, RecursionError):
        return None
    return found if isinstance(found, str) else None


def _precision(value: datetime, raw: str) -> int:
    has_time = not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.strip())
    return int(has_time) + int(value.tzinfo is not None)
