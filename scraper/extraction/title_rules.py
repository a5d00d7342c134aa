"""Title text rules that need no choice between sources: cleaning, counting, and repairs.

``title.py`` decides which source states the headline; the rules here read or repair one
title's text: what cannot be a headline, how many words it has, a character its encoding
lost, markup a heading shows as text, and the site's address written before the headline.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import lru_cache

from scraper.extraction.signals import Heading
from scraper.text import count_words, name_key, normalise

# Inline markup some CMSs leave in titles; other "<...>" is text ("Vec<T>", "a <3 b").
TAG = re.compile(r"</?(?:b|i|em|strong|span|a|br|sup|sub|small|u|mark|font|q|cite)(?:\s[^<>]{0,200})?/?>",
                 re.IGNORECASE)  # fmt: skip
# A separator left at either end ("| Site" with the headline missing); "-40°C" keeps its sign.
_EDGE_SEPARATOR = re.compile(r"^(?:[|–—·•:/-]+\s+)+|(?:\s+[|–—·•:/-]+)+$|^\|+|\|+$")
_MAX_TITLE_CHARS = 500  # longer is a paragraph or a stuffed field, not a headline
_UNSPACED_SCRIPTS = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")  # Thai, Lao, Myanmar, Khmer
# "?" or U+FFFD inside a title, not only at its end: where a lost character may have been.
_LOST_CHARACTER = re.compile(r"[?\ufffd](?!\s*$)")
_LOST_RUN = re.compile(r"[?\ufffd]+")
_MAX_LOST_RUNS = 4
_MAX_RUN = 3  # "?" stands for one to three characters, "??" for one: longer runs are the title's own
# A "?" stands for no space ("Fall? Here's" is not "Fall — Here's" with a dash lost), and one of
# them at least for a character ASCII lacks or an apostrophe: a copy that only has other
# punctuation there ("Who, What, Where") is a rewording of a title that asks real questions.
_FILL = r"\S"
_LOST_FILL = re.compile(r"[^\x00-\x7f]|'")
# What separates a page title's fields ("Headline | Site", "Site - Headline"), and a label's colon ("Blog: Post").
TITLE_SEPARATORS = re.compile(r"\s+(?:::|[|–—·•:»/-])\s+|\s+[-–—]{1,2}\s+|\s*\|\s*")
LABEL_SEPARATOR = re.compile(f"{TITLE_SEPARATORS.pattern}|:\\s+")
# A host name before the headline, with no separator: "example.com Headline".
_LEADING_HOST = re.compile(r"((?:[\w-]+\.)+[a-z]{2,})\s+(\S.*)", re.IGNORECASE)


def clean_title(raw: str | None) -> str | None:
    """Entities decoded (some CMSs escape twice), tags, soft hyphens and spacing removed.

    None for what cannot be a headline: nothing but separators (``| Site`` with the headline
    left out), or hundreds of words.
    """
    if not raw or len(raw) > 4 * _MAX_TITLE_CHARS:
        return None  # before the cache: it keeps only title-sized keys
    return _clean_title(raw)


@lru_cache(maxsize=2048)  # a page reads each of its titles several times over (a pure function)
def _clean_title(raw: str) -> str | None:
    text = html.unescape(html.unescape(raw)).replace("\xad", "").replace("\u200b", "")
    text = _EDGE_SEPARATOR.sub("", " ".join(TAG.sub("", text).split())).strip()
    if not any(ch.isalnum() for ch in text) or len(text) > _MAX_TITLE_CHARS:
        return None
    return text


def count_title_words(title: str) -> int:
    """Words of a title; CJK characters count one each, other unspaced scripts per two characters."""
    words = count_words(title)
    return len(title) // 2 if words == 1 and _UNSPACED_SCRIPTS.search(title) else words


def respelled(title: str, others: list[str]) -> str:
    """The copy that spells out what this one shows as ``?`` (``Beginner? Guide``).

    A page saved or converted through a charset without curly quotes or dashes shows ``?``
    (or U+FFFD) in their place, often in its visible heading only; another copy of the same
    headline with those characters intact, and otherwise the same text, is the headline.
    """
    runs = _LOST_RUN.findall(title)
    if not _LOST_CHARACTER.search(title) or len(runs) > _MAX_LOST_RUNS or max(map(len, runs)) > _MAX_RUN:
        return title  # many or long runs: a "???" ASCII-art title (and a match too costly to try)
    pieces = _LOST_RUN.split(title)
    gaps = [f"({_FILL}{{1,{_MAX_RUN}}})" for _ in runs]  # "?" for 1 to 3 characters ("'s"), "??" for one (é)
    pattern = re.compile("".join(re.escape(p) + g for p, g in zip(pieces, [*gaps, ""], strict=True)), re.I)
    for other in others:
        if other == title or _LOST_CHARACTER.search(other):
            continue
        match = pattern.fullmatch(other)
        if match and any(_LOST_FILL.search(fill) for fill in match.groups()):
            return other
    return title


def as_copies_spell(title: str, others: list[str]) -> str:
    """The headline as its other copies spell it: characters a charset lost (:func:`respelled`), the
    writer's capitalisation of a heading shown in capitals (:func:`recased`)."""
    return recased(respelled(title, others), others)


def recased(title: str, others: list[str]) -> str:
    """The copy in mixed case of a headline shown in capitals (``WEEKEND CODING AGENT``).

    A heading in capitals is mostly the stylesheet's or the template's doing; the meta title or
    JSON-LD headline with the same words keeps the writer's capitalisation.
    """
    if not title.isupper() or len(title.split()) < _CAPITALS_WORDS:
        return title
    wanted = normalise(title)
    return next((other for other in others if not other.isupper() and normalise(other) == wanted), title)


_CAPITALS_WORDS = 2  # one word in capitals is an acronym or a name ("NASA", "IKEA"), not a styled headline


def shown_markup(title: str, headings: list[Heading]) -> str:
    """A heading's own text when it shows a tag as text (``30 Years of <br> Tags``).

    Tags are removed from titles because meta fields carry stray markup; in a heading's text
    a ``<br>`` is not markup but characters the reader sees (the page escaped them).
    """
    wanted = normalise(title)
    for heading in headings:
        if TAG.search(heading.text) and normalise(TAG.sub(" ", heading.text)) == wanted:
            return " ".join(heading.text.split())
    return title


def without_host(title: str, site_keys: frozenset[str], headings: list[Heading]) -> str:
    """``example.com Headline`` -> ``Headline`` when the host is the site's own address, and the
    page shows ``Headline`` as a heading of its own or its ``<h1>`` is the address (a logo).

    Some templates print the site's domain before the post's title with only a space. A brand
    named by its address ("Hotels.com reveals …", "Node.js 22 is out") is the headline's own
    first word: then no heading states the rest alone, and the ``<h1>`` is the whole headline.
    """
    match = _LEADING_HOST.fullmatch(title)
    if not match or name_key(match[1]) not in site_keys or not count_words(match[2]):
        return title
    rest, h1 = normalise(match[2]), next((h.text for h in headings if h.tag == "h1"), "")
    return match[2] if name_key(h1) in site_keys or any(normalise(h.text) == rest for h in headings) else title


def headline_part(headings: list[Heading], titles: list[str], is_site: Callable[[str], bool]) -> str | None:
    """The last element of a two-part ``<h1>`` that a meta title states: a kicker precedes it.

    ``<h1><span>Get that tech stack</span><span>Klatch Coffee</span></h1>`` reads as one
    string, which no meta title repeats; the element a meta title states on its own is the
    headline. Element boundaries make a two-word headline safe to match, unlike a text's end.
    """
    h1 = next((h for h in headings if h.tag == "h1"), None)
    if h1 is None or not h1.parts or count_title_words(h1.parts[-1]) < 2 or is_site(h1.parts[-1]):
        return None  # a site's name closing the heading is its signature, not the headline
    wanted = normalise(h1.parts[-1])
    return h1.parts[-1] if any(normalise(t) == wanted for t in titles) else None


_STAMP = re.compile(r"\w+ (?:19|20)\d\d")  # "december 2025", normalised


def without_stamp(stated: str, headings: list[Heading], is_site: Callable[[str], bool]) -> str | None:
    """The ``<h1>`` when a meta headline is it plus ``, Month Year`` (a freshness stamp).

    Sites append the current month to the headline they give search engines ("…, December
    2025") so that it looks fresh; the reader sees the headline without it. The ``<h1>`` is
    the first one that does not name the site (a logo set as ``<h1>`` comes before it).
    """
    h1 = next((h.text for h in headings if h.tag == "h1" and not is_site(h.text)), None)
    if not h1 or ", " not in stated:
        return None
    head, _, stamp = stated.rpartition(", ")
    return h1 if normalise(head) == normalise(h1) and _STAMP.fullmatch(normalise(stamp)) else None


def after_site_label(title: str, h1s: list[str], is_site: Callable[[str], bool]) -> str:
    """``Blog name: Headline`` -> ``Headline`` when the label is the site's name or its ``<h1>`` (its logo).

    Blogger and many blog themes title a post "Blog: Post", with no space before the colon or with
    one, and show the blog's name as the page's ``<h1>`` over the post's ``<h3>``. Not a headline
    before the site's name ("Get Free Tax Help | United Way"), nor a label longer than what follows it.
    """
    match = LABEL_SEPARATOR.search(title)
    if match is None:
        return title
    label, tail = title[: match.start()], title[match.end() :]
    if is_site(tail) or count_title_words(tail) <= count_title_words(label):
        return title
    return tail if is_site(label) or normalise(label) in {normalise(h) for h in h1s} else title


def untruncated(title: str, h1s: list[str]) -> str:
    """A headline cut with an ellipsis (``Long headline…``) gives way to the full ``<h1>``."""
    stem = title.rstrip(".… ")
    if stem == title:
        return title
    return next((h for h in h1s if normalise(h).startswith(normalise(stem)) and len(h) > len(stem)), title)


def stated_h3(h3s: list[str], stated: set[str]) -> str | None:
    """The first ``<h3>`` that the page's titles (``stated``, normalised) state: a blog theme's post title.

    Not an ``<h3>`` that glues a kicker to a stated title ("Premiere in X - Headline" where og:title is
    the headline alone): its headline is read from the titles.
    """
    for text in (t for t in (clean_title(h) for h in h3s) if t and count_title_words(t) >= 3):
        key = normalise(text)
        if key in stated and not any(other and key != other and f" {other} " in f" {key} " for other in stated):
            return text
    return None


def names_the_blog(h1s: list[str], titles: list[str], is_site: Callable[[str], bool]) -> bool:
    """Every ``<h1>`` is the site's name or the label before a page title's headline ("Blog: Post"): its logo.

    Only then is a blog theme's ``<h3>`` the post's title (:func:`stated_h3`); a page with no ``<h1>`` has no logo
    in one, and its ``<h3>`` is weighed the same way.
    """
    return all(is_site(h) or any(after_site_label(t, [h], is_site) != t for t in titles) for h in h1s)
