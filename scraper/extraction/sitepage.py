"""A page the site keeps about itself: its privacy policy, terms, legal notice, contact, sign-up and log-in pages.

A crawl that follows a site's footer, or a list of addresses handed to ``scraper extract``, reaches
these pages, and many CMSs print them like their posts: ``og:type`` article, an ``Article`` JSON-LD
with a date, long paragraphs under an ``<h1>``. The page-kind model, which reads layout and head,
then finds an article. What the page is, its address and its title say in a few stock words:
the last segment of its path is one of ``phrases.toml``'s ``site_page_path`` (``/privacy``,
``/impressum/``, ``/mentions-legales``, ``/kontakt``), or a part of its title is one of the
``site_page_title`` phrases ("Privacy Policy | The Daily Example", "Datenschutzerklärung").

Only whole segments and whole title parts count, and neither where a story could stand: an address counts in
a folder of the site's own pages (``/legal/``, ``/about/``, ``/pages/``, ``/sso/``), or at the site's top (a
language's folder aside) under a title of a few words (a post "Privacy" at ``/p/privacy``, a review of the
film "Contact" at ``/reviews/contact/`` and "Game studios finally take accessibility seriously" at
``/accessibility`` are stories); a title counts when a part of it set off by a bar (``|``, the site name's
usual separator) is the phrase, as "Terms of Service – the contract nobody reads" and "Politique de
confidentialité : la CNIL inflige une amende" are headlines. An "about" page is left to the model: a
newsletter's "About" page is one of its posts.
"""

from __future__ import annotations

import re
from functools import cache

from scraper.extraction.declared import split_url
from scraper.extraction.errorpage import TITLE_PARTS  # any separator: the words of the title's first part
from scraper.extraction.signals import PageSignals
from scraper.text import normalise, phrases

# Between a page's title and the site's name: a bar ("Privacy Policy | Site"); a dash or a colon also joins a
# headline's parts ("Terms of Service – the contract nobody reads").
_SITE_NAME_BAR = re.compile(r"\s*[|｜]\s*|::")
_TITLE_PARTS_READ = 3  # "Privacy Policy | Legal | The Daily Example"
_TITLE_WORDS = 4  # a site page's title names it in a few words; a longer one is a headline
_PAGE_SUFFIX = re.compile(r"\.(?:html?|php|aspx?|jsp)$", re.IGNORECASE)
_LANGUAGE_FOLDER = re.compile(r"([a-z]{2})(?:[-_][a-z]{2})?")  # "/en/", "/de-ch/"
# Languages a site's folders are named for; not "tv", "ai", "us" (sections, second review).
_LANGUAGES = frozenset(
    (
        "en", "de", "fr", "es", "it", "nl", "pt", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "bg", "ro", "hu", "el",
        "tr", "ru", "uk", "be", "sv", "da", "no", "nb", "nn", "fi", "et", "lv", "lt", "is", "ga", "cy", "ja", "zh",
        "ko", "ar", "he", "fa", "ur", "hi", "bn", "ta", "id", "ms", "th", "vi", "tl", "sw", "ca", "eu", "gl", "mt",
        "sq", "mk", "ka", "hy", "az", "kk", "uz", "af",
    )
)  # fmt: skip
_YEAR = re.compile(r"(?:19|20)\d{2}")


def site_page(signals: PageSignals, url: str) -> str | None:
    """``"address"`` or ``"title"``: where the page says it is one of the site's own pages; None otherwise."""
    title = signals.html_title or ""
    segments = [s.casefold() for s in (split_url(url).path if url else "").split("/") if s]
    dated = any(_YEAR.fullmatch(s) for s in segments)  # "/fiction/2024/contact-us": a story's address
    if title and not dated and any(normalise(p) in _titles() for p in _SITE_NAME_BAR.split(title)[:_TITLE_PARTS_READ]):
        return "title"
    if not segments or _PAGE_SUFFIX.sub("", segments[-1]) not in _paths():
        return None
    folders = [s for s in segments[:-1] if not _language(s)]
    if folders:  # in the site's own folder ("/about/ethics-policy/"), or a story's ("/p/privacy", "/reviews/contact/")
        return "address" if all(s in _folders() for s in folders) else None
    # At the top, where a blog's slug-only posts sit too: the title must name the page, not head a story.
    return "address" if len((TITLE_PARTS.split(title)[0] if title else "").split()) <= _TITLE_WORDS else None


def _language(segment: str) -> bool:
    """A folder named for a language ("en", "de-ch")."""
    match = _LANGUAGE_FOLDER.fullmatch(segment)
    return match is not None and match.group(1) in _LANGUAGES


# Folders a site keeps its own pages in ("/legal/privacy", "/about/ethics-policy/", "/pages/contact", "/sso/login").
_FOLDERS = (
    "legal", "about", "about-us", "info", "help", "hilfe", "aide", "support", "policies", "policy", "pages",
    "page", "site", "service", "services", "sso", "account", "user", "auth", "company", "corporate", "ueber-uns",
    "a-propos", "contact", "impressum", "static",
)  # fmt: skip


@cache
def _folders() -> frozenset[str]:
    return frozenset(_FOLDERS)


@cache
def _paths() -> frozenset[str]:
    return frozenset(p.casefold() for p in phrases()["site_page_path"])


@cache
def _titles() -> frozenset[str]:
    return frozenset(normalise(p) for p in phrases()["site_page_title"])
