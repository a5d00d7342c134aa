"""Which element is the page's headline: where a reader looks for the story's byline and date.

Read by :mod:`scraper.extraction.dateline`, which reads the lines printed by it.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from scraper.extraction.errorpage import TITLE_PARTS
from scraper.text import compact
from scraper.urls import host_of

_NOT_HEADLINE = frozenset({"nav", "a", "aside", "footer", "li"})
_ROOT_LINK = re.compile(r"(?:https?://[^/]+)?/(?:index\.\w+)?|https?://[^/]+")  # "/", "https://site/"


def headline(tree: lxml_html.HtmlElement, url: str = "") -> lxml_html.HtmlElement | None:
    """The first ``<h1>`` that is the page's headline, not the site's name in its masthead.

    Never one in navigation, links, asides and footers, one that links to the site's root or one
    that is the site's name. One in the page's banner (a ``<header>`` or ``role=banner`` outside
    ``<article>``/``<main>``) is taken only when no other is found: a masthead prints today's date
    beside its logo, but many pages put the article's own header in a top-level ``<header>``.
    A heading-like element before it that is the page's declared title wins (:func:`_titled`).
    """
    metas: list[lxml_html.HtmlElement] = []  # read once for the site's names and the declared titles
    headings: list[lxml_html.HtmlElement] = []  # in the same walk of the tree (each walk ~0.2 ms)
    for element in tree.iter("h1", "meta"):
        (metas if element.tag == "meta" else headings).append(element)
    site = _site_names(tree, metas)
    found: lxml_html.HtmlElement | None = None
    for element in headings:
        ancestors = list(element.iterancestors())
        if any(a.tag in _NOT_HEADLINE for a in ancestors):
            continue
        text = " ".join(element.text_content().split())
        if not 0 < len(text) < 400 or compact(text) in site:
            continue
        hrefs = (a.get("href") for a in element.iterdescendants("a"))  # ".//a/@href", without an XPath's compiling
        if any(_ROOT_LINK.fullmatch(href.strip()) for href in hrefs if href is not None):
            continue
        in_banner = any(a.tag == "header" or (a.get("role") or "").lower() == "banner" for a in ancestors)
        if not in_banner or any(a.tag in ("article", "main") for a in ancestors):
            found = element
            break
        found = found if found is not None else element
    return _titled(tree, found, metas, site | {compact(host_of(url))})


_DECLARED_TITLES = frozenset({"og:title", "twitter:title"})


def _titled(
    tree: lxml_html.HtmlElement,
    found: lxml_html.HtmlElement | None,
    metas: list[lxml_html.HtmlElement],
    site: frozenset[str],
) -> lxml_html.HtmlElement | None:
    """``found``, unless a heading-like element before it (``<h2>``, ``<h3>``, ``<legend>``) is
    the page's declared title (og:title). Some templates keep ``<h1>`` for the site's name and
    print the article's title elsewhere; an ``<h1>`` further down is a section heading in the story.
    A page with neither an ``<h1>`` nor og:title (a blog's post title in ``<h2>``) is read by its ``<title>``.
    """
    titles = (m for m in metas if (m.get("property") or m.get("name") or "").lower() in _DECLARED_TITLES)
    wanted = {compact(m.get("content") or "") for m in titles} - {""}
    if found is None and not wanted and (head := tree.find("head")) is not None:  # a blog's <h2> post title
        title = head.findtext("title") or ""  # "Headline - Site": the headline is the title or one of its parts
        wanted = {compact(part) for part in (title, *TITLE_PARTS.split(title)) if len(part.split()) > 1} - {""}
        wanted = {part for part in wanted if not any(part in name for name in site)}  # not the site's name
    shown = compact(found.text_content()) if found is not None else ""
    if not wanted or (shown and any(shown in title or title in shown for title in wanted)):
        return found  # the <h1> is the title, with or without the site's name or a kicker
    for element in tree.iter("h1", "h2", "h3", "legend"):
        if element is found:
            break
        is_title = compact(element.text_content()[:400]) in wanted
        if is_title and not any(a.tag in _NOT_HEADLINE for a in element.iterancestors()):
            return element
    return found


def _site_names(tree: lxml_html.HtmlElement, metas: list[lxml_html.HtmlElement]) -> frozenset[str]:
    """og:site_name and application-name from ``metas`` (``tree``'s own) and those of the root's siblings.

    Markup after a second ``<html>`` is a sibling of the root element; the XPath ``//meta`` this
    replaces read it too, at 0.3 ms a page.
    """
    root = tree.getroottree().getroot()
    others = (*root.itersiblings(preceding=True), *root.itersiblings())
    metas = [*(metas if root is tree else root.iter("meta")), *(m for top in others for m in top.iter("meta"))]
    named = (m for m in metas if m.get("property") == "og:site_name" or m.get("name") in _SITE_META)
    contents = (m.get("content") for m in named)
    return frozenset(k for k in (compact(c) for c in contents if c is not None) if k)


_SITE_META = frozenset({"og:site_name", "application-name"})
