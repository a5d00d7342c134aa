"""The article's headline, chosen among JSON-LD, social, ``<title>`` and visible headings.

Readers see the headline, so what a visible heading displays decides between the JSON-LD,
social and ``<title>`` headlines: the ``<h1>`` over the story beats the SEO wording that the
meta titles share, and a meta title only wins when no heading agrees. Whatever wins loses the
site's name and a ``| tagline``, and keeps a count or year that another copy states.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scraper.extraction.fields import Fallback, Site
from scraper.extraction.signals import Heading, PageSignals, ld_str
from scraper.extraction.title_rules import (
    LABEL_SEPARATOR,
    TITLE_SEPARATORS,
    after_site_label,
    as_copies_spell,
    clean_title,
    count_title_words,
    headline_part,
    names_the_blog,
    shown_markup,
    stated_h3,
    untruncated,
    without_host,
    without_stamp,
)
from scraper.text import name_key, normalise, without_permalink

_PIPE = re.compile(r"\s+\|\s+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MAX_CACHED_CHARS = 2000  # longer arguments are not memoised (a hostile page's megabyte title)
_INSTALMENT = re.compile(r"\w+\.? (?:\d{1,3}|[ivx]{1,4})")  # a numbered part: "Part 2", "Episode 4", "Teil II"


def pick_title(signals: PageSignals, site_name: str | None, fallback: Fallback, url: str = "") -> str | None:
    """The article's headline (see :func:`_pick_title`), without the site's name or a ``| tagline``."""
    site = Site.of(signals, site_name, url)
    title = without_permalink(_pick_title(signals, site, fallback) or "")
    if not title:
        return None
    unsuffixed = without_host(strip_site_suffix(title, site.loose, named_only=True), site.loose, signals.headings)
    untagged = _without_tagline(unsuffixed, signals.headings)
    numbered = _with_number(untagged, signals, site)
    copies = [v for t in _meta_titles(signals, Fallback()) for v in (t, strip_site_suffix(t, site.loose))]
    return shown_markup(as_copies_spell(numbered, copies), signals.headings)


def _with_number(title: str, signals: PageSignals, site: Site) -> str:
    """The same headline as another source states it with a count or year (``15 Best …``, ``… 2025``).

    Templates drop the number from one of the headline's copies (the ``<h1>`` shows "Best
    Tutoring Platforms", og:title "15 Best Tutoring Platforms 2025"); the number is part of what
    the article is, so the copy that keeps it wins. A count leads; after the headline only a year
    does (a trailing "12" is a comment count or badge), and not one in a child element of the
    ``<h1>`` nor "in 2026", which SEO titles append.
    """
    h1 = next((h for h in signals.headings if h.tag == "h1"), None)
    ld = ld_str((signals.article_ld or {}).get("headline"))
    raw = [h1.lead or h1.text if h1 else None, *_social_titles(signals), ld, signals.html_title]
    badges = {normalise(p) for p in h1.parts} if h1 and not h1.lead else set()
    words = normalise(title).split()
    for index, candidate in enumerate(clean_title(r) or "" for r in raw):
        full = strip_site_suffix(strip_site_suffix(candidate, site.loose), site.loose, named_only=True)
        other = normalise(full).split()
        if len(other) != len(words) + 1:
            continue
        lead, last = other[0].isdigit() and other[1:] == words, _YEAR.fullmatch(other[-1]) and other[:-1] == words
        if (lead or last) and (index > 0 or (other[0] if lead else other[-1]) not in badges):
            return full
    return title


def _without_tagline(title: str, headings: list[Heading]) -> str:
    """``Best movers in Leeds 2026 | Top 19 Companies`` -> the part before the pipe.

    A pipe is how a page title separates its fields (headline, tagline, section, brand);
    headlines use dashes and colons, not pipes. Short fields after a headline of several
    words go; a pipe after a short kicker (``BUDGET 3.0 | Sars gets…``) stays, and so does a
    numbered part that a heading shows the reader (``Interview with the mayor | Part 2``).
    """
    parts = _PIPE.split(title)
    if len(parts) < 2:
        return title
    head, tails = count_title_words(parts[0]), [count_title_words(p) for p in parts[1:]]
    if head < 4 or max(tails) > 4 or max(tails) >= head:
        return title
    return title if _INSTALMENT.fullmatch(normalise(parts[-1])) and _is_shown(title, headings) else parts[0]


def _pick_title(signals: PageSignals, site: Site, fallback: Fallback) -> str | None:
    """The article's headline: the JSON-LD ``headline`` when present, else the visible ``<h1>``.

    The JSON-LD headline is the one the publisher states for this article (an ``<h1>`` often
    carries a kicker or topic label glued to it); it only loses a brand suffix that another
    source shows without, or its truncation to an ``<h1>`` that it starts. What the reader sees
    comes first, though: the headline a display heading shows when the ``<h1>`` is only a
    breadcrumb crumb, the heading the social titles confirm when no heading shows the JSON-LD
    headline, and the ``<h1>`` that words the story differently from one SEO title.
    """
    ld = signals.article_ld or {}
    others = [*signals.h1, *_meta_titles(signals, fallback)]
    headline = clean_title(ld_str(ld.get("headline")))
    displayed = _displayed_headline(signals, headline, site)
    if displayed:
        return displayed
    if headline and count_title_words(headline) >= 2 and not site.spells(headline):
        headline = untruncated(_unsuffixed(headline, others), signals.h1)
        shown = _shown_h1(signals, headline) or without_stamp(headline, signals.headings, site.spells)
        return shown or _displayed_variant(signals, headline, site) or headline
    return _visible_title(signals, site, fallback)


def _social_titles(signals: PageSignals) -> list[str]:
    """og:title and twitter:title, cleaned: the titles written for sharing this article."""
    raw = (signals.first_meta("og:title"), signals.first_meta("twitter:title"))
    return [t for t in (clean_title(r) for r in raw) if t]


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
    html_title = clean_title(signals.html_title)
    candidates = [*social, *(t for t in (headline, html_title) if t)]
    candidates += [strip_site_suffix(html_title, site.loose)] if html_title else []
    for heading in signals.headings:
        for title in candidates:
            if count_title_words(title) >= 2 and _is_shown(title, [heading]):
                return title
    return None


def _shown_h1(signals: PageSignals, headline: str) -> str | None:
    """The visible ``<h1>`` when the social titles repeat it and the JSON-LD headline is shown nowhere.

    A JSON-LD ``headline`` that no heading on the page displays is a search-engine variant (or
    one cut to a field's length); the ``<h1>`` that og:title or twitter:title confirm, less a
    ``| Site`` suffix, is what the reader sees. A page without an ``<h1>`` shows its headline
    as an ``<h2>``.
    """
    if signals.h1_in_nav or _is_shown(headline, signals.headings):
        return None
    h1 = next((h for h in signals.headings if h.tag == "h1"), None)
    social = _social_titles(signals)
    for heading in [h1] if h1 else signals.headings[:6]:
        text = clean_title(heading.text)
        if not text or normalise(text) == normalise(headline) or count_title_words(text) < 2:
            continue
        if normalise(text) in {normalise(_unsuffixed(t, [text])) for t in social}:
            return text
    return None


def _displayed_variant(signals: PageSignals, headline: str, site: Site) -> str | None:
    """The ``<h1>`` over the story when the JSON-LD and social titles state an SEO variant of it.

    SEO plugins fill JSON-LD, og:title and ``<title>`` from one search title; the writer's
    headline is what the ``<h1>`` at the top of the article shows. When no heading displays
    the JSON-LD headline, og:title repeats it (or is absent), and the ``<h1>`` is a different
    wording of the same story (it shares words with it, neither holds the other as a kicker
    or suffix, and it is not the site's or a section's name), the reader's headline wins.
    """
    h1 = next((h for h in signals.headings if h.tag == "h1"), None)
    if signals.h1_in_nav or h1 is None or h1.parts:
        return None
    text = clean_title(h1.lead or h1.text)
    if not text or site.spells(text) or _is_shown(headline, signals.headings):
        return None
    if not 3 <= count_title_words(text) <= 2 * count_title_words(headline):
        return None  # a label, or a paragraph set as <h1> (a description), not a headline
    shown, stated = normalise(text).split(), normalise(headline).split()
    extra = len(shown) - len(stated)
    if extra > 0 and shown[-len(stated) :] == stated:
        if not all(w.isdigit() for w in shown[:extra]):
            return None  # a kicker before the headline ("Kultur: …"), not a count or year
    elif extra > 0 and shown[: len(stated)] == stated:
        if all(w.isdigit() for w in shown[len(stated) :]) and not _YEAR.fullmatch(shown[-1]):
            return None  # a comment count or badge after the headline, not where it was cut
    elif " ".join(stated) in " ".join(shown) or " ".join(shown) in " ".join(stated):
        return None  # one holds the other: a kicker, a suffix or a cut, not a variant
    social = [normalise(_unsuffixed(t, [headline])) for t in _social_titles(signals)[:1]]
    if social and social[0] != " ".join(stated):
        return None  # JSON-LD and og:title disagree: no single SEO title to set aside
    labels = {normalise(p) for t in _meta_titles(signals, Fallback()) for p in TITLE_SEPARATORS.split(t)[1:]}
    if " ".join(shown) in labels:
        return None  # the <h1> is the blog's or section's name that the <title> ends with
    return text if _same_story(text, headline) else None


def _same_story(shown: str, stated: str) -> bool:
    """The ``<h1>`` shares half the shorter one's words: the story's, not a section's name.

    An SEO title built of fields (``Electrician in Leeds - Costs 2025 - Brand``) lists search
    keywords rather than the headline's wording: there a tenth of all their words will do.
    """
    words, stated_words = set(normalise(shown).split()), set(normalise(stated).split())
    shared = len(words & stated_words)
    if TITLE_SEPARATORS.search(stated):
        return shared >= 0.1 * len(words | stated_words)
    return shared >= 0.5 * min(len(words), len(stated_words))


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
    return [t for t in (clean_title(r) for r in raw) if t]


def _unsuffixed(title: str, others: list[str]) -> str:
    """``Headline | Sport`` -> ``Headline`` when another source shows the bare headline."""
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2 or len(parts[-1].split()) > 4:
        return title
    normalised = {normalise(o) for o in others}
    for cut in range(len(parts) - 1, 0, -1):
        head = " ".join(parts[:cut])
        if normalise(head) in normalised:
            end = title.find(parts[cut - 1]) + len(parts[cut - 1])
            return title[:end].strip()
    return title


def _visible_title(signals: PageSignals, site: Site, fallback: Fallback) -> str | None:
    """Without JSON-LD: the ``<h1>`` a meta title confirms, else a lone headline-like one."""
    meta_titles = _meta_titles(signals, fallback)
    swallowed = _before_swallowed_text(signals.headings, meta_titles)
    if swallowed:
        return swallowed
    normalised = [normalise(t) for t in meta_titles]
    all_h1s = [t for t in (clean_title(h) for h in signals.h1) if t]
    h1s = [t for t in all_h1s if not site.spells(t)]  # a site's name as <h1> is its logo
    heads = [*meta_titles, *(TITLE_SEPARATORS.split(t)[0] for t in meta_titles)]  # "Headline | Site"
    kicked = _without_kicker(h1s, meta_titles, site.loose) or headline_part(signals.headings, heads, site.spells)
    if kicked:
        return kicked
    own = [normalise(t) for t in _meta_titles(signals, Fallback())]
    confirmed = (_confirmed_h1(h1s, own, signals.h3) or _prefixed_h1(h1s, meta_titles, site)
                 or _confirmed_heading(signals, site) or _confirmed_h1(h1s, normalised, signals.h3))  # fmt: skip
    if confirmed:
        return confirmed
    visible = [h for h in h1s if len(h.split()) >= 3 and not site.spells(h)]
    if len(visible) == 1 or (len(visible) == 2 and h1s[:2] == visible and normalise(h1s[0]) == normalise(h1s[1])):
        return visible[0]  # the one headline-like <h1> the reader sees (twice in responsive templates)
    shown = [t for t in (clean_title(h.text) for h in signals.headings if h.tag == "h1") if t and not site.spells(t)]
    if shown and h1s and h1s[0] == shown[0] and [h for h in shown if h in visible] == shown[:1]:
        return shown[0]  # the page's first <h1>; the others are in menus, links, asides or footers
    for candidate in meta_titles:
        stripped = after_site_label(strip_site_suffix(candidate, site.loose), [], site.spells)
        if stripped:
            return stripped
    return all_h1s[0] if all_h1s else None


def _confirmed_h1(h1s: list[str], normalised: list[str], h3s: list[str]) -> str | None:
    """The first ``<h1>`` that a meta title states, in whole or as its start (``H1 | Site``).

    Not the start of ``Blog name: Headline`` when another meta title or an ``<h3>`` is that headline
    alone: the ``<h1>`` is then the blog's name over the page, not the post's headline.
    """
    shown = {*normalised, *map(normalise, h3s)}
    for h1 in h1s:
        n = normalise(h1)
        if len(n) >= 8 and any(n == m or (m.startswith(n) and len(n) > 0.4 * len(m) and m[len(n) :].strip()
                                          not in shown) for m in normalised):  # fmt: skip
            return h1
    return None


def _prefixed_h1(h1s: list[str], meta_titles: list[str], site: Site) -> str | None:
    """The first ``<h1>`` that a meta title states after a leading label (``Blog name: H1``).

    Not when the ``<h1>`` is the site's name: ``Get help | Site`` ends with it, as a brand.
    """
    tails = set()
    for title in meta_titles:
        match = LABEL_SEPARATOR.search(title)
        if match and count_title_words(title[: match.start()]) < count_title_words(title[match.end() :]):
            tails.add(normalise(title[match.end() :]))
    first = normalise(h1s[0]) if h1s else ""
    return h1s[0] if count_title_words(first) >= 3 and first in tails and not site.spells(first) else None


def _confirmed_heading(signals: PageSignals, site: Site) -> str | None:
    """A display heading that the page's own titles state, when no ``<h1>`` is stated by them.

    Blog and CMS templates set the blog's name or a section label as ``<h1>`` and the post's
    headline as an ``<h2>``; og:title or ``<title>`` (less the site's name) repeat that heading.
    """
    titles = _meta_titles(signals, Fallback())
    stated = {normalise(v) for t in titles for v in (t, strip_site_suffix(t, site.loose))}
    for shown in (h.text for h in signals.headings[:6]):
        text = clean_title(shown)
        if text and count_title_words(text) >= 3 and normalise(text) in stated:
            return text
    if not names_the_blog(signals.h1, titles, site.spells):
        return None  # a headline <h1> stands over an <h3> (a share box repeats og:title in one)
    return stated_h3(signals.h3, stated | {normalise(after_site_label(t, signals.h1, site.spells)) for t in titles})


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


def _without_kicker(h1s: list[str], meta_titles: list[str], site_keys: frozenset[str]) -> str | None:
    """A meta title that ends the first ``<h1>``: the ``<h1>`` holds a kicker before it.

    Templates put a topic label in a ``<span>`` inside the ``<h1>`` (``<h1><span>Flooding</span>
    River wall holds</h1>``), so the element's text glues the two; the social title is the
    headline alone.
    """
    if not h1s:
        return None
    first = normalise(h1s[0]).replace(" ", "")
    for title in (t for m in meta_titles for t in (m, strip_site_suffix(m, site_keys))):
        compact = normalise(title).replace(" ", "")
        # A lone article ("The Best …") is the headline's own first word, not a kicker.
        if count_title_words(title) >= 3 and first.endswith(compact) and len(first) - len(compact) > 3:
            return title
    return None


def strip_site_suffix(title: str, site_keys: frozenset[str] = frozenset(), named_only: bool = False) -> str:
    """Drop `` | Site`` / ``Site :: `` parts: the longest remaining part is the headline.

    ``site_keys`` are the keys (:func:`~scraper.text.name_key`) of the site's names (see ``Site``):
    og:site_name, the JSON-LD publisher and the domain written as a name, so ``Valley Echo ::`` goes on
    valley-echo.example even when the page declares no site name. ``named_only`` keeps a last
    part that is not one of them (for a headline, where a short last part may be its own).
    Memoised for title-sized arguments only: a hostile page's megabyte "title" is not kept.
    """
    if len(title) + sum(map(len, site_keys)) > _MAX_CACHED_CHARS:
        return _strip_site_suffix.__wrapped__(title, site_keys, named_only)
    return _strip_site_suffix(title, site_keys, named_only)


@lru_cache(maxsize=2048)  # called for every title copy, often with the same one (a pure function)
def _strip_site_suffix(title: str, site_keys: frozenset[str], named_only: bool) -> str:
    title = " ".join(title.split())
    parts = [p for p in TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    kept = [p for p in parts if name_key(p) not in site_keys]
    if not kept:
        return title  # every part names the site: nothing to tell apart
    if len(kept) == len(parts):
        # No part names the site: only drop a short last part (a likely brand).
        if not named_only and len(parts[-1].split()) <= 4 and len(" ".join(parts[:-1]).split()) >= 3:
            kept = parts[:-1]
        else:
            return title
    # Rejoin with the separators the page used, keeping the headline's own punctuation.
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if start >= 0 and end > start else kept[0]
