"""Decide each metadata field but title and authors from the sources a page offers.

Order of trust, per field: what the publisher states for machines about this article
(JSON-LD), then OpenGraph/``article:*``/Dublin Core meta, then what a reader sees
(``<time>``), then trafilatura's own guesses (passed in as ``fallback``). The title is decided in
``title.py``, the authors in ``people.py`` (both use :class:`Site` from here) and the publication
date in ``pubdate.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import urlsplit

import pycld2

from scraper.extraction.signals import SECTION_META, TAG_META, PageSignals, ld_str
from scraper.text import compact, count_words, name_key, normalise, unique
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
    loose: frozenset[str] = frozenset()  # the names' keys without accents (scraper.text.name_key), for titles

    @classmethod
    def of(cls, signals: PageSignals, site_name: str | None, url: str) -> Site:
        """The site of a page, from its declared names and its URL's host."""
        publisher = (signals.article_ld or {}).get("publisher")
        ld_name = ld_str(publisher.get("name")) if isinstance(publisher, dict) else None
        domain = site_of(url)
        names = (site_name, ld_name, domain, domain.split(".")[0] if "." in domain else None)
        keys = frozenset(k for k in (compact(n or "") for n in names) if len(k) >= 2)
        loose = frozenset(k for k in (name_key(n or "") for n in names) if len(k) >= 2)
        return cls(keys=keys, domain=domain, loose=loose)

    def is_named(self, name: str) -> bool:
        """The name is one of the site's own names."""
        return compact(name) in self.keys

    def spells(self, name: str) -> bool:
        """The name is one of the site's, accents aside: "Crônicas do Vale" on cronicasdovale.blogspot.com.

        For a title's parts and headings; a byline that spells the site's address is kept as a writer's
        (a blog named after its writer), so :meth:`is_named` stays exact.
        """
        return name_key(name) in self.loose

    def contains(self, name: str) -> bool:
        """The name is one of the site's names or a part of one ("Svenska Dagbladet" of "Svenska Dagbladet Plus")."""
        key = compact(name)
        return len(key) >= 2 and any(key in site for site in self.keys)

    def mentioned_in(self, raw: str) -> bool:
        """The raw byline carries the site's domain (``Deutsche Welle (www.dw.com)``)."""
        return bool(self.domain) and self.domain in raw.casefold()


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
    guess = normalise(fallback.sitename)
    # "VIDEO. Incendie à Lyon" of "VIDEO. Incendie à Lyon : les images …": the headline's first part
    in_headline = any(
        guess in h and count_words(h) - count_words(guess) >= _HEADLINE_REST for h in map(normalise, signals.h1)
    )
    return None if guess in headlines or in_headline else fallback.sitename


_HEADLINE_REST = 4  # words of an <h1> besides a guessed site name: the guess is a part of the headline


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
