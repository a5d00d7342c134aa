"""The article's headline, chosen among JSON-LD, social, ``<title>`` and visible headings.

Readers see the headline, so what a visible heading displays decides between the JSON-LD,
social and ``<title>`` headlines, and a meta title only wins when no ``<h1>`` agrees.
"""

from __future__ import annotations

import html
import re

from scraper.extraction.fields import Fallback, Site
from scraper.extraction.signals import Heading, PageSignals, ld_str
from scraper.text import compact, count_words, normalise

_TITLE_SEPARATORS = re.compile(r"\s+(?:::|[|–—·•:»/-])\s+|\s+[-–—]{1,2}\s+|\s*\|\s*")


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
    headline = _clean_title(ld_str(ld.get("headline")))
    site = Site.of(signals, site_name, url)
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
    wanted = normalise(title)
    return any(wanted == _norm_text(h.text) or wanted in {_norm_text(p) for p in h.parts} for h in headings)


def _norm_text(text: str) -> str:
    """A visible text normalised like a cleaned title (soft hyphens dropped)."""
    return normalise(text.replace("\xad", "").replace("\u200b", ""))


def _displayed_headline(signals: PageSignals, headline: str | None, site: Site) -> str | None:
    """With a breadcrumb ``<h1>``: the meta title that a visible heading displays.

    When the ``<h1>`` is the last crumb of a breadcrumb trail, it holds the SEO title; the
    reader sees the display headline in a heading of the article (often an ``<h2>`` made of a
    kicker and the headline). The social, JSON-LD or ``<title>`` headline that this heading
    shows, in whole or as its headline part, is the article's title.
    """
    social = _social_titles(signals)
    if not signals.h1_in_nav or (headline and social and normalise(headline) == normalise(social[0])):
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
    if signals.h1_in_nav or not h1 or normalise(h1) == normalise(headline):
        return None
    confirmed = normalise(h1) in {normalise(t) for t in _social_titles(signals)}
    return h1 if confirmed and not _is_shown(headline, signals.headings) else None


def _meta_titles(signals: PageSignals, fallback: Fallback) -> list[str]:
    ld = signals.article_ld or {}
    og_title = signals.first_meta("og:title")
    raw = (
        og_title,
        signals.first_meta("twitter:title"),
        ld_str(ld.get("name")),
        signals.html_title,
        # trafilatura's title is og:title when there is one; it is read only when there is none.
        None if og_title else fallback.title,
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
    normalised = {normalise(o) for o in others}
    for cut in range(len(parts) - 1, 0, -1):
        head = " ".join(parts[:cut])
        if normalise(head) in normalised:
            end = title.find(parts[cut - 1]) + len(parts[cut - 1])
            return title[:end].strip()
    return title


def _untruncated(title: str, h1s: list[str]) -> str:
    """A headline cut with an ellipsis (``Long headline…``) gives way to the full ``<h1>``."""
    stem = title.rstrip(".… ")
    if stem == title:
        return title
    return next((h for h in h1s if normalise(h).startswith(normalise(stem)) and len(h) > len(stem)), title)


def _visible_title(signals: PageSignals, site: Site, fallback: Fallback) -> str | None:
    """Without JSON-LD: the ``<h1>`` a meta title confirms, else a lone headline-like one."""
    meta_titles = _meta_titles(signals, fallback)
    swallowed = _before_swallowed_text(signals.headings, meta_titles)
    if swallowed:
        return swallowed
    normalised = [normalise(t) for t in meta_titles]
    h1s = [t for t in (_clean_title(h) for h in signals.h1) if t]
    kicked = _without_kicker(h1s, meta_titles)
    if kicked:
        return kicked
    for h1 in h1s:
        n = normalise(h1)
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
    lead = normalise(h1.lead)
    for title in meta_titles:
        head = _unsuffixed(title, [h1.lead])
        if normalise(head) == lead:
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
    first = normalise(h1s[0]).replace(" ", "")
    for title in meta_titles:
        compact = normalise(title).replace(" ", "")
        if count_title_words(title) >= 3 and first != compact and first.endswith(compact):
            return title
    return None


def strip_site_suffix(title: str, site_keys: frozenset[str] = frozenset()) -> str:
    """Drop `` | Site`` / ``Site :: `` parts: the longest remaining part is the headline.

    ``site_keys`` are the compact forms of the site's names (see ``Site``): og:site_name, the
    JSON-LD publisher and the domain written as a name, so ``Valley Echo ::`` goes on
    valley-echo.example even when the page declares no site name.
    """
    title = " ".join(title.split())
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    kept = [p for p in parts if compact(p) not in site_keys]
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
