"""Decide each metadata field but title and authors from the sources a page offers.

Order of trust, per field: what the publisher states for machines about this article
(JSON-LD), then OpenGraph/``article:*``/Dublin Core meta, then what a reader sees
(``<time>``), then trafilatura's own guesses (passed in as ``fallback``). The title is decided in
``title.py`` and the authors in ``people.py``; both use :class:`Site` from here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast
from urllib.parse import urlsplit

import pycld2
from lxml import html as lxml_html

from scraper.dates import as_utc, format_date, parse_date
from scraper.extraction.dateline import Shown
from scraper.extraction.signals import MODIFIED_META, PUBLISHED_META, SECTION_META, TAG_META, PageSignals, ld_str
from scraper.text import compact, normalise, unique
from scraper.urls import absolute_url, same_site, site_of

FALLBACK_FIELDS = ("title", "author", "date", "sitename", "description", "language", "image", "categories", "tags")


class Fallback:
    """trafilatura's metadata guesses, used only where the page states nothing better.

    Reading them costs about a third of trafilatura's time (regexes over the JSON-LD we parse
    ourselves, htmldate, XPath scans for bylines and tags), and most pages state every field in
    markup our signals already read. So a field is read on first use, through ``load``, which
    runs only on a page whose own sources leave that field empty; values given here are kept.
    """

    __slots__ = ("_load", "_values")

    def __init__(self, load: Callable[[str], Any] | None = None, **values: Any) -> None:
        unknown = set(values) - set(FALLBACK_FIELDS)
        if unknown:
            raise TypeError(f"unknown fallback field(s): {', '.join(sorted(unknown))}")
        self._load = load  # field name -> trafilatura's value for it
        self._values: dict[str, Any] = values

    def _get(self, name: str) -> Any:
        if name not in self._values:
            self._values[name] = self._load(name) if self._load is not None else None
        return self._values[name]

    @property
    def title(self) -> str | None:
        return cast("str | None", self._get("title"))

    @property
    def author(self) -> str | None:
        return cast("str | None", self._get("author"))

    @property
    def date(self) -> str | None:
        return cast("str | None", self._get("date"))

    @property
    def sitename(self) -> str | None:
        return cast("str | None", self._get("sitename"))

    @property
    def description(self) -> str | None:
        return cast("str | None", self._get("description"))

    @property
    def language(self) -> str | None:
        return cast("str | None", self._get("language"))

    @property
    def image(self) -> str | None:
        return cast("str | None", self._get("image"))

    @property
    def categories(self) -> list[str] | None:
        return cast("list[str] | None", self._get("categories"))

    @property
    def tags(self) -> list[str] | None:
        return cast("list[str] | None", self._get("tags"))


@dataclass(slots=True, frozen=True)
class Site:
    """The publisher's names and domain, to tell the site (or its desk) from a writer.

    Bylines and ``author`` meta often name the publication: its og:site_name, its JSON-LD
    publisher, its domain written as a name (``Mdr De`` for mdr.de, ``Stuttgarter Zeitung`` for
    stuttgarter-zeitung.de, ``LTO`` for lto.de), or a name followed by the site's address.
    """

    keys: frozenset[str]  # compact (lower-case, no spaces or punctuation) forms of the names
    domain: str  # registered domain, e.g. "dw.com"

    @classmethod
    def of(cls, signals: PageSignals, site_name: str | None, url: str) -> Site:
        """The site of a page, from its declared names and its URL's host."""
        publisher = (signals.article_ld or {}).get("publisher")
        ld_name = ld_str(publisher.get("name")) if isinstance(publisher, dict) else None
        domain = site_of(url)
        names = (site_name, ld_name, domain, domain.split(".")[0] if "." in domain else None)
        return cls(keys=frozenset(k for k in (compact(n or "") for n in names) if len(k) >= 2), domain=domain)

    def is_named(self, name: str) -> bool:
        """The name is one of the site's own names."""
        return compact(name) in self.keys

    def mentioned_in(self, raw: str) -> bool:
        """The raw byline carries the site's domain (``Deutsche Welle (www.dw.com)``)."""
        return bool(self.domain) and self.domain in raw.casefold()


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
    signals: PageSignals, shown: Sequence[Shown], fallback: Callable[[], str | None], fetched_at: str | None = None
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
    then ``fallback`` (htmldate's pick from anywhere in the page) lose to a date the header prints;
    a revision's ("Updated March 4", then the page's only date) beats ``fallback`` alone.
    """
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)  # a later "date" is an event's, not the article's
    published, raw = pick_date(signals, "published", None)
    published, raw = (published, raw) if published else _page_level_date(signals, tomorrow) or (None, None)
    marked = published is not None  # stated by the markup (the article's node, else the page's), not guessed
    published, raw = (published, raw) if marked else pick_date(signals, "published", fallback())
    if published is not None and _days(published, raw) & {d for s in shown if not s.updated for d in s.days}:
        return published, raw
    revised = _modified_days(signals)
    candidates = [s for s in shown if not s.updated and not s.days & revised and s.day <= tomorrow]
    if marked and fetched_at:
        today = _days(fetched_at, None)
        candidates = [s for s in candidates if not s.days & today]
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
            if when.tzinfo is not None:
                days.add(as_utc(when).date())
    return days


def _modified_days(signals: PageSignals) -> set[date]:
    nodes = (signals.article_ld or {}, signals.page_ld or {})  # the article's and the page's revision dates
    raws = [*(ld_str(n.get("dateModified")) for n in nodes), *signals.all_meta(*MODIFIED_META)]
    return {d for r in raws if r for d in _days(r, r)}


def _same_instant(published: str, day: date) -> bool:
    """The header's day is the published instant's day in some time zone (UTC-12 to UTC+14)."""
    when = parse_date(published)
    if when is None or when.tzinfo is None:
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
        offset = other.utcoffset() if other is not None else None
        if offset and other is not None and abs(other - value) <= timedelta(days=2):
            return value.astimezone(other.tzinfo)
    return value


def has_date_signals(signals: PageSignals) -> bool:
    """A date stated in markup (JSON-LD, meta, ``<time>``, the ``WebPage`` node): htmldate's guess goes unused."""
    ld = signals.article_ld or {}
    raws = [ld_str(ld.get("datePublished")), ld_str(ld.get("dateCreated")), *signals.all_meta(*PUBLISHED_META)]
    return any(parse_date(r) for r in [*raws, *signals.time_datetimes[:1]] if r) or bool(_page_level_date(signals))


def pick_fallback_date(pruned: str | None, whole_page: str | None) -> str | None:
    """trafilatura's date (read after pruning), unless it is only a year guess or missing.

    htmldate writes a page whose only date is a year (a copyright line, "© 2026") as January
    1st of it; then the date read on the whole page before pruning (see :func:`page_date`) is
    the better one. Otherwise the pruned page's date wins: pruning removed teaser boxes, whose
    dates belong to other articles.
    """
    return pruned if pruned and not re.fullmatch(r"\d{4}-01-01", pruned.strip()[:10]) else whole_page or pruned


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


def pick_site_name(signals: PageSignals, fallback: Fallback) -> str | None:
    """og:site_name, the JSON-LD publisher, then trafilatura's guess.

    trafilatura guesses a page without a declared site name from its ``<title>``, which on such
    pages is often the headline alone; a guess that is one of the page's headline forms names
    the article, not the site (and would make the record look like it had no headline).
    """
    publisher = (signals.article_ld or {}).get("publisher")
    ld_name = ld_str(publisher.get("name")) if isinstance(publisher, dict) else None
    declared = signals.first_meta("og:site_name", "application-name") or ld_name
    if declared or not fallback.sitename:
        return declared
    headlines = {normalise(h) for h in (signals.html_title or "", *signals.h1, *signals.all_meta("og:title"))}
    return None if normalise(fallback.sitename) in headlines else fallback.sitename


def pick_language(signals: PageSignals, fallback: Fallback, text: str = "") -> str | None:
    """From markup (``<html lang>``, JSON-LD, og:locale), then trafilatura's, else detected in ``text``."""
    ld_lang = ld_str((signals.article_ld or {}).get("inLanguage"))
    for raw in (signals.html_lang, ld_lang, signals.first_meta("og:locale", "content-language",
                                                               "language", "dc.language")):  # fmt: skip
        if raw and re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*", raw.strip()):
            primary, _, region = raw.strip().replace("_", "-").partition("-")
            return primary.lower() + (f"-{region.upper()}" if len(region) == 2 else "")
    return fallback.language or detect_language(text)


def detect_language(text: str, min_chars: int = 200) -> str | None:
    """The language of an article's text (BCP 47: ``de``, ``zh-Hant``), when CLD2 is sure of it.

    Used only when the page names no language: short texts and unreliable guesses give None
    rather than a wrong tag. CLD2 (Chromium's detector, built for web text) keeps its tables in
    its shared library, so an extraction worker pays about 2 MB for it, not a model load.
    """
    sample = " ".join(text.split())[:3000]
    if len(sample) < min_chars:
        return None
    try:
        reliable, _, guesses = pycld2.detect(sample, isPlainText=True)
    except (pycld2.error, UnicodeError):  # lone surrogates or bytes CLD2 refuses: no guess
        return None
    code = _CLD2_LEGACY.get(str(guesses[0][1]), str(guesses[0][1]))
    if not reliable or code in ("un", "xxx") or code.startswith(("xx-", "zz")):
        return None  # unknown, or only a script named ("xx-Cyrl"), or CLD2's pseudo-languages
    return code


# Codes CLD2 still writes in their withdrawn ISO 639 form.
_CLD2_LEGACY = {"iw": "he", "jw": "jv", "in": "id", "ji": "yi", "mo": "ro"}


def pick_section(signals: PageSignals, fallback: Fallback) -> str | None:
    """``articleSection`` or ``article:section``."""
    ld = signals.article_ld or {}
    section = ld_str(ld.get("articleSection")) or signals.first_meta(*SECTION_META)
    if not section and fallback.categories:
        section = fallback.categories[0]
    return section or None


def pick_tags(signals: PageSignals, fallback: Fallback) -> list[str]:
    """Keywords from JSON-LD and meta, split on commas, de-duplicated in page order."""
    ld_keywords = (signals.article_ld or {}).get("keywords")
    raw: list[str] = []
    if isinstance(ld_keywords, list):
        raw.extend(str(k) for k in ld_keywords)
    elif isinstance(ld_keywords, str):
        raw.append(ld_keywords)
    raw.extend(signals.all_meta(*TAG_META))
    if not raw:  # trafilatura reads the same meta and JSON-LD; its own guess (tag links) only for the rest
        raw.extend(fallback.tags or [])
    tags = [t.strip() for value in raw for t in value.split(",")]
    return unique([t for t in tags if 0 < len(t) <= 100])


def pick_image(signals: PageSignals, base_url: str, fallback: Fallback) -> str | None:
    """og:image, the JSON-LD image, then trafilatura's guess; absolute."""
    ld_image = (signals.article_ld or {}).get("image")
    if isinstance(ld_image, list):
        ld_image = ld_image[0] if ld_image else None
    if isinstance(ld_image, dict):
        ld_image = ld_image.get("url") or ld_image.get("contentUrl")
    image = signals.first_meta("og:image", "og:image:url", "twitter:image") or ld_str(ld_image)
    image = image or fallback.image
    return absolute_url(base_url, image) if image else None


def pick_description(signals: PageSignals, fallback: Fallback) -> str | None:
    """og:description, meta description, the JSON-LD description."""
    ld = signals.article_ld or {}
    return (
        signals.first_meta("og:description", "description", "twitter:description")
        or ld_str(ld.get("description"))
        or fallback.description
    )


def pick_canonical(signals: PageSignals, url: str) -> str:
    """``<link rel=canonical>`` or og:url when it stays on the page's own site, else url."""
    for raw in (signals.canonical, signals.first_meta("og:url")):
        candidate = absolute_url(url, raw) if raw else None
        if candidate and urlsplit(candidate).scheme in ("http", "https") and same_site(url, candidate):
            return candidate
    return url


def is_paywalled(signals: PageSignals) -> bool:
    """JSON-LD ``isAccessibleForFree: false`` is the publishers' standard paywall marker."""
    value = (signals.article_ld or {}).get("isAccessibleForFree")
    return value is False or (isinstance(value, str) and value.strip().lower() == "false")
