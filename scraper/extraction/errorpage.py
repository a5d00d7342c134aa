"""A page that says it is an error ("Page not found | The Daily Example", an ``<h1>`` "404"), served with 200.

Sites answer a dead or moved address with their error page and status 200 (a "soft 404"): the crawl
then holds a page of chrome, a search box and "latest stories" where an article was, and the page-kind
model, which reads layout, sees a short text under a headline. The page's own words decide: a part of
its title or its headline is one of ``phrases.toml``'s ``error_page`` and nothing else but an
exclamation's words ("Oops!", "Sorry", "Error"). "404 jobs cut", "Highway 404 closed", "Missing hiker
not found" and a site called "404 Media" are no error pages.
"""

from __future__ import annotations

import re
from functools import cache

from scraper.extraction.signals import PageSignals
from scraper.text import normalise, phrases

# Words an error page's title may hold beside its phrase: "Oops! Page not found", "Error 404 - Page not found".
_EXCLAMATIONS = frozenset(
    {"oops", "whoops", "sorry", "error", "page", "erreur", "fehler", "hoppla", "oups", "ups", "uh", "oh", "ohh"}
)
# Between a page's title and the site's name: "Page not found | Site", "404 – Site", "Site :: Not found",
# "ページが見つかりません｜新聞", "Site » News » Headline" (title_rules.TITLE_SEPARATORS less the slash, plus the
# full-width bar and the guillemets of old CMSs' trails).
TITLE_PARTS = re.compile(r"\s+[|–—:·•»›-]+\s+|\s*[|｜–—·•]\s*|::")


def error_page(signals: PageSignals) -> str | None:
    """``"title"`` or ``"headline"``: where the page says it is an error page; ``"challenge"`` for a bot check
    served in place of the page; None for any other page."""
    if _checks(signals) and not _declares_an_article(signals):
        return "challenge"
    if signals.html_title and any(_says_error(part) for part in TITLE_PARTS.split(signals.html_title)[:3]):
        return "title"
    if signals.h1 and _says_error(signals.h1[0]):
        return "headline"
    return None


def _says_error(text: str) -> bool:
    words = normalise(text)
    if not words or len(words) > _MAX_CHARS:
        return False
    for phrase in _phrases():
        at = words.find(phrase)
        if at >= 0 and _whole_words(words, at, phrase):
            rest = f"{words[:at]} {words[at + len(phrase) :]}".split()
            return all(word in _EXCLAMATIONS or _phrase_words(word) for word in rest)
    return False


def _checks(signals: PageSignals) -> bool:
    """The title is a bot check's; or it is only a vendor's name ("DDoS-Guard") over a check's headline."""
    title = signals.html_title or ""
    if _is_challenge(title):
        return True
    return bool(title.strip()) and not _without_vendors(title) and bool(signals.h1) and _is_challenge(signals.h1[0])


def _declares_an_article(signals: PageSignals) -> bool:
    """An article's JSON-LD or ``og:type``: a bot check serves neither, a story headed "One More Step" does."""
    return signals.article_ld is not None or any(v.strip().lower() == "article" for v in signals.all_meta("og:type"))


def _is_challenge(text: str) -> bool:
    """The whole title is a bot check's ("Just a moment...", "Attention Required! | Cloudflare", "Making sure
    you're not a bot!"), a vendor's name beside it at most: a story's title says more ("Just a moment of silence
    for the harbour | The Daily Example"). The headline is read only under a vendor's title: a check's is often
    the site's address, and a hidden sign-up box's "One more step" stands before a story's own."""
    said = _without_vendors(text)
    exclaimed = " ".join(w for w in said.split() if w not in _EXCLAMATIONS)  # "Oops! Verify you are human"
    return said in _challenges() or exclaimed in _challenges()


def _without_vendors(text: str) -> str:
    said = f" {normalise(text)} "
    for vendor in _vendors():
        said = said.replace(f" {vendor} ", " ")
    return " ".join(said.split())


@cache
def _challenges() -> frozenset[str]:
    return frozenset(normalise(p) for p in phrases()["challenge_page"])


@cache
def _vendors() -> tuple[str, ...]:
    return tuple(normalise(p) for p in phrases()["challenge_vendor"])


_MAX_CHARS = 80  # a headline that long is a story's, whatever words it holds


def _whole_words(words: str, at: int, phrase: str) -> bool:
    end = at + len(phrase)
    return ((at == 0 or words[at - 1] == " ") and (end == len(words) or words[end] == " ")) or not phrase.isascii()


def _phrase_words(word: str) -> bool:
    """A word of another phrase: "Error 404 - Page not found" holds two."""
    return any(word in phrase.split() for phrase in _phrases())


@cache
def _phrases() -> tuple[str, ...]:
    return tuple(sorted((normalise(p) for p in phrases()["error_page"]), key=len, reverse=True))
