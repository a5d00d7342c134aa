"""A page the site keeps about itself: its privacy policy, terms, legal notice, contact, sign-up and log-in pages.

A crawl that follows a site's footer, or a list of addresses handed to ``scraper extract``, reaches
these pages, and many CMSs print them like their posts: ``og:type`` article, an ``Article`` JSON-LD
with a date, long paragraphs under an ``<h1>``. The page-kind model, which reads layout and head,
then finds an article. What the page is, its address and its title say in a few stock words:
the last segment of its path is one of ``phrases.toml``'s ``site_page_path`` (``/privacy``,
``/impressum/``, ``/mentions-legales``, ``/kontakt``), or a part of its title is one of the
``site_page_title`` phrases ("Privacy Policy | The Daily Example", "Datenschutzerklärung").

Only whole segments and whole title parts count: "/news/privacy-rules-tightened" and "Facebook's new
privacy policy, explained" are stories. Titles hold only phrases no story is titled by alone; a film
review may be titled "Contact", so "contact" is read from the address only. An "about" page is left to
the model: a newsletter's "About" page is one of its posts.
"""

from __future__ import annotations

import re
from functools import cache

from scraper.extraction.declared import split_url
from scraper.extraction.signals import PageSignals
from scraper.text import normalise, phrases

# Between a page's title and the site's name (as errorpage.py splits it): "Privacy Policy | Site", "Site – Impressum".
_TITLE_PARTS = re.compile(r"\s+[|–—:·•-]+\s+|\s*[|｜–—·•]\s*|::")
_TITLE_PARTS_READ = 3  # "Privacy Policy | Legal | The Daily Example"
_PAGE_SUFFIX = re.compile(r"\.(?:html?|php|aspx?|jsp)$", re.IGNORECASE)


def site_page(signals: PageSignals, url: str) -> str | None:
    """``"address"`` or ``"title"``: where the page says it is one of the site's own pages; None otherwise."""
    path = split_url(url).path if url else ""
    last = _PAGE_SUFFIX.sub("", path.rstrip("/").rsplit("/", 1)[-1]).casefold()
    if last and last in _paths():
        return "address"
    if signals.html_title and any(
        normalise(part) in _titles() for part in _TITLE_PARTS.split(signals.html_title)[:_TITLE_PARTS_READ]
    ):
        return "title"
    return None


@cache
def _paths() -> frozenset[str]:
    return frozenset(p.casefold() for p in phrases()["site_page_path"])


@cache
def _titles() -> frozenset[str]:
    return frozenset(normalise(p) for p in phrases()["site_page_title"])
