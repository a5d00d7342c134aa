"""Decide each metadata field from the sources a page offers (see ``metadata.py``).

Order of trust, per field: what the publisher states for machines about this article
(JSON-LD), then OpenGraph/``article:*``/Dublin Core meta, then what a reader sees (``<h1>``,
bylines, ``<time>``), then trafilatura's own guesses (passed in as ``fallback``). The title is
the exception: readers see the headline, so what a visible heading displays decides between
the JSON-LD, social and ``<title>`` headlines, and a meta title only wins when no ``<h1>`` agrees.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import pycld2

from scraper.cleaning import count_words
from scraper.metadata import (
    AUTHOR_META,
    MODIFIED_META,
    PUBLISHED_META,
    SECTION_META,
    TAG_META,
    Heading,
    PageSignals,
)
from scraper.urls import absolute_url, host_of


@dataclass(slots=True)
class Fallback:
    """trafilatura's metadata guesses, used only where the page states nothing better."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    description: str | None = None
    language: str | None = None
    image: str | None = None
    categories: list[str] | None = None
    tags: list[str] | None = None


# --- title -----------------------------------------------------------------------------

_TITLE_SEPARATORS = re.compile(r"\s+(?:::|[|–—·•:»/-])\s+|\s+[-–—]{1,2}\s+|\s*\|\s*")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def pick_title(signals: PageSignals, site_name: str | None, fallback: Fallback, url: str = "") -> str | None:
    """The article's headline: the JSON-LD ``headline`` when present, else the visible ``<h1>``.

    The JSON-LD headline is the one the publisher states for this article (an ``<h1>`` often
    carries a kicker or topic label glued to it); it only loses a brand suffix that another
    source shows without, or its truncation to an ``<h1>`` that it starts. What the reader sees
    comes first, though: the headline a display heading shows when the ``<h1>`` is only a
    breadcrumb crumb, and the ``<h1>`` the social titles confirm when no heading shows the
    JSON-LD headline.
    """
    ld = signals.article_ld or {}
    others = [*signals.h1, *_meta_titles(signals, fallback)]
    headline = _clean_title(_ld_str(ld.get("headline")))
    site = _Site.of(signals, site_name, url)
    displayed = _displayed_headline(signals, headline, site)
    if displayed:
        return displayed
    if headline and count_title_words(headline) >= 2 and not site.is_named(headline):
        return _shown_h1(signals, headline) or _untruncated(_unsuffixed(headline, others), signals.h1)
    return _visible_title(signals, site, fallback)


def _social_titles(signals: PageSignals) -> list[str]:
    """og:title and twitter:title, cleaned: the titles written for sharing this article."""
    raw = (signals.first_meta("og:title"), signals.first_meta("twitter:title"))
    return [t for t in (_clean_title(r) for r in raw) if t]


def _is_shown(title: str, headings: list[Heading]) -> bool:
    """The title is a visible heading's whole text, or one part of it (kicker left out)."""
    wanted = _norm(title)
    return any(wanted == _norm_text(h.text) or wanted in {_norm_text(p) for p in h.parts} for h in headings)


def _norm_text(text: str) -> str:
    """A visible text normalised like a cleaned title (soft hyphens dropped)."""
    return _norm(text.replace("\xad", "").replace("\u200b", ""))


def _displayed_headline(signals: PageSignals, headline: str | None, site: _Site) -> str | None:
    """With a breadcrumb ``<h1>``: the meta title that a visible heading displays.

    When the ``<h1>`` is the last crumb of a breadcrumb trail, it holds the SEO title; the
    reader sees the display headline in a heading of the article (often an ``<h2>`` made of a
    kicker and the headline). The social, JSON-LD or ``<title>`` headline that this heading
    shows, in whole or as its headline part, is the article's title.
    """
    social = _social_titles(signals)
    if not signals.h1_in_nav or (headline and social and _norm(headline) == _norm(social[0])):
        return None  # JSON-LD and og:title agreeing outweigh the heading
    html_title = _clean_title(signals.html_title)
    candidates = [*social, *(t for t in (headline, html_title) if t)]
    candidates += [strip_site_suffix(html_title, site.keys)] if html_title else []
    for heading in signals.headings:
        for title in candidates:
            if count_title_words(title) >= 2 and _is_shown(title, [heading]):
                return title
    return None


def _shown_h1(signals: PageSignals, headline: str) -> str | None:
    """The visible ``<h1>`` when the social titles repeat it and the JSON-LD headline is shown nowhere.

    A JSON-LD ``headline`` that no heading on the page displays is a search-engine variant; the
    ``<h1>`` that og:title or twitter:title confirm is what the reader sees.
    """
    h1 = _clean_title(next((h.text for h in signals.headings if h.tag == "h1"), None))
    if signals.h1_in_nav or not h1 or _norm(h1) == _norm(headline):
        return None
    confirmed = _norm(h1) in {_norm(t) for t in _social_titles(signals)}
    return h1 if confirmed and not _is_shown(headline, signals.headings) else None


def _meta_titles(signals: PageSignals, fallback: Fallback) -> list[str]:
    ld = signals.article_ld or {}
    raw = (
        signals.first_meta("og:title"),
        signals.first_meta("twitter:title"),
        _ld_str(ld.get("name")),
        signals.html_title,
        fallback.title,
    )
    return [t for t in (_clean_title(r) for r in raw) if t]


# Inline markup some CMSs leave in titles; other "<...>" is text ("Vec<T>", "a <3 b").
_TAG = re.compile(r"</?(?:b|i|em|strong|span|a|br|sup|sub|small|u|mark|font|q|cite)(?:\s[^<>]{0,200})?/?>",
                  re.IGNORECASE)  # fmt: skip
# A separator left at either end ("| Site" with the headline missing); "-40°C" keeps its sign.
_EDGE_SEPARATOR = re.compile(r"^(?:[|–—·•:/-]+\s+)+|(?:\s+[|–—·•:/-]+)+$|^\|+|\|+$")
_MAX_TITLE_CHARS = 500  # longer is a paragraph or a stuffed field, not a headline


def _clean_title(raw: str | None) -> str | None:
    """Entities decoded (some CMSs escape twice), tags, soft hyphens and spacing removed.

    None for what cannot be a headline: nothing but separators (``| Site`` with the headline
    left out), or hundreds of words.
    """
    if not raw or len(raw) > 4 * _MAX_TITLE_CHARS:
        return None
    text = html.unescape(html.unescape(raw)).replace("\xad", "").replace("\u200b", "")
    text = _EDGE_SEPARATOR.sub("", " ".join(_TAG.sub("", text).split())).strip()
    if not any(ch.isalnum() for ch in text) or len(text) > _MAX_TITLE_CHARS:
        return None
    return text


_UNSPACED_SCRIPTS = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")  # Thai, Lao, Myanmar, Khmer


def count_title_words(title: str) -> int:
    """Words of a title; CJK characters count one each, other unspaced scripts per two characters."""
    words = count_words(title)
    return len(title) // 2 if words == 1 and _UNSPACED_SCRIPTS.search(title) else words


def _unsuffixed(title: str, others: list[str]) -> str:
    """``Headline | Sport`` -> ``Headline`` when another source shows the bare headline."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2 or len(parts[-1].split()) > 4:
        return title
    normalised = {_norm(o) for o in others}
    for cut in range(len(parts) - 1, 0, -1):
        head = " ".join(parts[:cut])
        if _norm(head) in normalised:
            end = title.find(parts[cut - 1]) + len(parts[cut - 1])
            return title[:end].strip()
    return title


def _untruncated(title: str, h1s: list[str]) -> str:
    """A headline cut with an ellipsis (``Long headline…``) gives way to the full ``<h1>``."""
    stem = title.rstrip(".… ")
    if stem == title:
        return title
    return next((h for h in h1s if _norm(h).startswith(_norm(stem)) and len(h) > len(stem)), title)


def _visible_title(signals: PageSignals, site: _Site, fallback: Fallback) -> str | None:
    """Without JSON-LD: the ``<h1>`` a meta title confirms, else a lone headline-like one."""
    meta_titles = _meta_titles(signals, fallback)
    swallowed = _before_swallowed_text(signals.headings, meta_titles)
    if swallowed:
        return swallowed
    normalised = [_norm(t) for t in meta_titles]
    h1s = [t for t in (_clean_title(h) for h in signals.h1) if t]
    kicked = _without_kicker(h1s, meta_titles)
    if kicked:
        return kicked
    for h1 in h1s:
        n = _norm(h1)
        if len(n) >= 8 and any(n == m or (m.startswith(n) and len(n) > 0.4 * len(m))
                               for m in normalised):  # fmt: skip
            return h1
    visible = [h for h in h1s if len(h.split()) >= 3 and not site.is_named(h)]
    if len(visible) == 1:
        return visible[0]  # the one headline-like <h1> the reader sees
    for candidate in meta_titles:
        stripped = strip_site_suffix(candidate, site.keys)
        if stripped:
            return stripped
    return h1s[0] if h1s else None


def _before_swallowed_text(headings: list[Heading], meta_titles: list[str]) -> str | None:
    """The headline of an ``<h1>`` that runs on into the elements after it.

    An ``<h1>`` left open (``<h1>Headline</h2>``) takes in the byline and date that follow, so
    its text is the headline plus "By … 8 Nov 2026". When a meta title (less a ``| Site``
    suffix) is exactly the ``<h1>``'s own text before its first child element, that is the
    headline and the children are not part of it.
    """
    h1 = next((h for h in headings if h.tag == "h1"), None)
    if h1 is None or count_title_words(h1.lead) < 3:
        return None
    lead = _norm(h1.lead)
    for title in meta_titles:
        head = _unsuffixed(title, [h1.lead])
        if _norm(head) == lead:
            return head
    return None


def _without_kicker(h1s: list[str], meta_titles: list[str]) -> str | None:
    """A meta title that ends the first ``<h1>``: the ``<h1>`` holds a kicker before it.

    Templates put a topic label in a ``<span>`` inside the ``<h1>`` (``<h1><span>Flooding</span>
    River wall holds</h1>``), so the element's text glues the two; the social title is the
    headline alone.
    """
    if not h1s:
        return None
    first = _norm(h1s[0]).replace(" ", "")
    for title in meta_titles:
        compact = _norm(title).replace(" ", "")
        if count_title_words(title) >= 3 and first != compact and first.endswith(compact):
            return title
    return None


def strip_site_suffix(title: str, site_keys: frozenset[str] = frozenset()) -> str:
    """Drop `` | Site`` / ``Site :: `` parts: the longest remaining part is the headline.

    ``site_keys`` are the compact forms of the site's names (see ``_Site``): og:site_name, the
    JSON-LD publisher and the domain written as a name, so ``Valley Echo ::`` goes on
    valley-echo.example even when the page declares no site name.
    """
    title = " ".join(title.split())
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    kept = [p for p in parts if _compact(p) not in site_keys]
    if not kept:
        return title  # every part names the site: nothing to tell apart
    if len(kept) == len(parts):
        # No part names the site: only drop a short last part (a likely brand).
        if len(parts[-1].split()) <= 4 and len(" ".join(parts[:-1]).split()) >= 3:
            kept = parts[:-1]
        else:
            return title
    # Rejoin with the separators the page used, keeping the headline's own punctuation.
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if start >= 0 and end > start else kept[0]


# --- people ----------------------------------------------------------------------------

_BY_PREFIX = re.compile(
    r"^(?:by|von|par|por|door|av|af|di|da|de|od|przez|tekst|text|texte|written by|"
    r"autor(?:in)?|author|auteur|redakce|reporter)\s*[:\s]\s*",
    re.IGNORECASE,
)
_SPLIT_PEOPLE = re.compile(r"\s*(?:;|\||/|&|\band\b|\bund\b|\bet\b|\by\b|\bog\b|\bi\b|,)\s*")
_URL_IN_BYLINE = re.compile(r"(?:https?://|www\.)\S*|\b[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)
_NOT_A_NAME = re.compile(
    r"@|https?://|www\.|\d|\.(?:com|de|org)\b|^(?:image|photo|foto|bild|picture|getty)\b|istock",
    re.IGNORECASE,
)
_PARENTHESISED = re.compile(r"\([^)]*\)?|\[[^\]]*\]?")


def clean_person(raw: str, keep_lower: bool = False) -> list[str]:
    """Split a byline string into names, without "By", roles, emails or dates.

    ``keep_lower`` keeps all-lower-case parts, for names known to be organisations.
    """
    text = " ".join(html.unescape(raw).replace("\xa0", " ").split())
    text = _BY_PREFIX.sub("", _PARENTHESISED.sub(" ", _URL_IN_BYLINE.sub(" ", text)))
    names: list[str] = []
    for part in _SPLIT_PEOPLE.split(text):
        part = _BY_PREFIX.sub("", part.strip(" .:-–—()[]"))
        if not part or _NOT_A_NAME.search(part):
            continue
        words = part.split()
        if len(words) > 5 or (part.islower() and not keep_lower):
            continue  # a role, a sentence or a place, not a name
        names.append(part)
    return names


def _ld_people(value: Any) -> list[tuple[str, bool]]:
    """(name, is_person) pairs from a JSON-LD author/creator value.

    An organisation's name is kept as written: ``dpa`` or ``mbl.is`` is lower-case on purpose,
    where a lower-case "name" in a byline is a role or a sentence.
    """
    items = value if isinstance(value, list) else [value]
    people: list[tuple[str, bool]] = []
    for item in items:
        if isinstance(item, str):
            people.extend((n, True) for n in clean_person(item))
        elif isinstance(item, dict):
            name = _ld_str(item.get("name"))
            if not name and (item.get("givenName") or item.get("familyName")):
                name = f"{_ld_str(item.get('givenName')) or ''} {_ld_str(item.get('familyName')) or ''}"
            kind = item.get("@type")
            is_person = kind in (None, "Person") or (isinstance(kind, list) and "Person" in kind)
            if name and _names_an_outlet(name.strip()):
                people.append((name.strip(), False))  # "ndr.de", "dpa": the outlet, whatever @type says
            elif name:
                people.extend((n, is_person) for n in clean_person(name, keep_lower=not is_person))
    return people


_BARE_DOMAIN = re.compile(r"(?:[\w-]{2,}\.)+[a-z]{2,6}")  # "ndr.de", "NDR.de"; not "A.Kumar", "J.K.Rowling"


def _names_an_outlet(name: str) -> bool:
    """A bare domain (``nieuwsblad.be``) or one lower-case word (``dpa``): a site or agency.

    In a JSON-LD author field these are the outlet writing as itself, not a person and not a
    role; kept as written, they are the author when no person is named.
    """
    return bool(_BARE_DOMAIN.fullmatch(name)) or (name.islower() and len(name.split()) == 1 and name.isalpha())


def pick_authors(signals: PageSignals, site_name: str | None, fallback: Fallback, url: str = "") -> list[str]:
    """A clean list of people; the site name only when no person is named."""
    ld = signals.article_ld or {}
    site = _Site.of(signals, site_name, url)
    candidates: list[list[tuple[str, bool]]] = [
        _ld_people(ld.get("author")) or _ld_people(ld.get("creator")),
        [(n, not site.mentioned_in(v)) for v in signals.all_meta(*AUTHOR_META) for n in clean_person(v)],
        [(n, not site.mentioned_in(v)) for v in signals.bylines[:3] for n in clean_person(v)],
    ]
    if not any(candidates) and not ld.get("author"):
        # trafilatura's guess only where the page itself names no one: from a JSON-LD author we
        # rejected (a URL, a slug) it would only rebuild the same non-name.
        candidates.append([(n, True) for n in clean_person(fallback.author or "")])
    for people in candidates:
        persons = [n for n, is_person in people if is_person and not site.is_named(n)]
        if persons:
            return _unique(persons)
    # No person named anywhere: the desk, agency or site is the author.
    return next((_unique([n for n, _ in people]) for people in candidates if people), [])


_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "or", "ne", "go"})


def _compact(text: str) -> str:
    return _norm(text).replace(" ", "")


@dataclass(slots=True, frozen=True)
class _Site:
    """The publisher's names and domain, to tell the site (or its desk) from a writer.

    Bylines and ``author`` meta often name the publication: its og:site_name, its JSON-LD
    publisher, its domain written as a name (``Mdr De`` for mdr.de, ``Stuttgarter Zeitung`` for
    stuttgarter-zeitung.de, ``LTO`` for lto.de), or a name followed by the site's address.
    """

    keys: frozenset[str]  # compact (lower-case, no spaces or punctuation) forms of the names
    domain: str  # registered domain, e.g. "dw.com"

    @classmethod
    def of(cls, signals: PageSignals, site_name: str | None, url: str) -> _Site:
        """The site of a page, from its declared names and its URL's host."""
        publisher = (signals.article_ld or {}).get("publisher")
        ld_name = _ld_str(publisher.get("name")) if isinstance(publisher, dict) else None
        labels = host_of(url).removeprefix("www.").split(".")
        size = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else 2
        domain = ".".join(labels[-size:]) if len(labels) >= 2 else ""
        names = (site_name, ld_name, domain, labels[-size] if domain else None)
        return cls(keys=frozenset(k for k in (_compact(n or "") for n in names) if len(k) >= 2), domain=domain)

    def is_named(self, name: str) -> bool:
        """The name is one of the site's own names."""
        return _compact(name) in self.keys

    def mentioned_in(self, raw: str) -> bool:
        """The raw byline carries the site's domain (``Deutsche Welle (www.dw.com)``)."""
        return bool(self.domain) and self.domain in raw.casefold()


# --- dates -----------------------------------------------------------------------------


def parse_date(raw: str | None) -> datetime | None:
    """Parse ISO 8601 (any common variant) or RFC 2822; None when it is neither."""
    if not raw:
        return None
    value = raw.strip()
    if re.fullmatch(r"\d{10}(\d{3})?", value):  # epoch seconds or milliseconds
        return None
    candidate = value.replace("Z", "+00:00") if value.endswith("Z") else value
    candidate = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", candidate)
    try:
        return datetime.fromisoformat(candidate)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def format_date(value: datetime, raw: str) -> str:
    """ISO 8601: a date alone when the page gave only a date, else seconds and offset."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.strip()):
        return value.date().isoformat()
    return value.isoformat(timespec="seconds")


def pick_date(signals: PageSignals, which: str, fallback: str | None) -> tuple[str | None, str | None]:
    """(normalised ISO 8601, raw string) for "published" or "modified"."""
    ld = signals.article_ld or {}
    if which == "published":
        raws = [_ld_str(ld.get("datePublished")), _ld_str(ld.get("dateCreated"))]
        raws += signals.all_meta(*PUBLISHED_META) + signals.time_datetimes[:1] + [fallback]
    else:
        raws = [_ld_str(ld.get("dateModified")), *signals.all_meta(*MODIFIED_META)]
    parsed = [(parse_date(r), r) for r in raws if r]
    valid = [(d, r) for d, r in parsed if d is not None and 1990 <= d.year <= 2100]
    if not valid:
        return None, None
    # Prefer a value with a time of day and an offset over a bare date from the same page.
    best, raw = valid[0]
    for d, r in valid:
        if d.date() == best.date() and _precision(d, r) > _precision(best, raw):
            best, raw = d, r
    return format_date(best, raw), raw.strip()


def _precision(value: datetime, raw: str) -> int:
    has_time = not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.strip())
    return int(has_time) + int(value.tzinfo is not None)


# --- the rest --------------------------------------------------------------------------


def pick_site_name(signals: PageSignals, fallback: Fallback) -> str | None:
    """og:site_name, the JSON-LD publisher, then trafilatura's guess."""
    publisher = (signals.article_ld or {}).get("publisher")
    ld_name = _ld_str(publisher.get("name")) if isinstance(publisher, dict) else None
    return signals.first_meta("og:site_name", "application-name") or ld_name or fallback.sitename


def pick_language(signals: PageSignals, fallback: Fallback, text: str = "") -> str | None:
    """From markup (``<html lang>``, JSON-LD, og:locale), then trafilatura's, else detected in ``text``."""
    ld_lang = _ld_str((signals.article_ld or {}).get("inLanguage"))
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
    section = _ld_str(ld.get("articleSection")) or signals.first_meta(*SECTION_META)
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
    raw.extend(fallback.tags or [])
    tags = [t.strip() for value in raw for t in value.split(",")]
    return _unique([t for t in tags if 0 < len(t) <= 100])


def pick_image(signals: PageSignals, base_url: str, fallback: Fallback) -> str | None:
    """og:image, the JSON-LD image, then trafilatura's guess; absolute."""
    ld_image = (signals.article_ld or {}).get("image")
    if isinstance(ld_image, list):
        ld_image = ld_image[0] if ld_image else None
    if isinstance(ld_image, dict):
        ld_image = ld_image.get("url") or ld_image.get("contentUrl")
    image = signals.first_meta("og:image", "og:image:url", "twitter:image") or _ld_str(ld_image)
    image = image or fallback.image
    return absolute_url(base_url, image) if image else None


def pick_description(signals: PageSignals, fallback: Fallback) -> str | None:
    """og:description, meta description, the JSON-LD description."""
    ld = signals.article_ld or {}
    return (
        signals.first_meta("og:description", "description", "twitter:description")
        or _ld_str(ld.get("description"))
        or fallback.description
    )


def pick_canonical(signals: PageSignals, url: str) -> str:
    """``<link rel=canonical>`` or og:url when it stays on the page's own site, else url."""
    host = host_of(url)
    for raw in (signals.canonical, signals.first_meta("og:url")):
        candidate = absolute_url(url, raw) if raw else None
        if candidate and urlsplit(candidate).scheme in ("http", "https") and _same_site(host, host_of(candidate)):
            return candidate
    return url


def is_paywalled(signals: PageSignals) -> bool:
    """JSON-LD ``isAccessibleForFree: false`` is the publishers' standard paywall marker."""
    value = (signals.article_ld or {}).get("isAccessibleForFree")
    return value is False or (isinstance(value, str) and value.strip().lower() == "false")


def _same_site(a: str, b: str) -> bool:
    def base(h: str) -> str:
        return ".".join(h.removeprefix("www.").split(".")[-2:])

    return bool(a) and base(a) == base(b)


def _ld_str(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str | dict)), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, str | int | float) and str(value).strip():
        return " ".join(str(value).split())
    return None


def _unique(values: list[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for v in values:
        key = _norm(v)
        if key and key not in seen:
            seen.add(key)
            result.append(v)
    return result
