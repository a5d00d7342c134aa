"""Markup of the fault site: article layouts, listing pages, feeds, sitemaps and binary blobs.

Real news sites are not one template: the same crawl meets a modern CMS (div soup, JSON-LD
``@graph``), a WordPress theme (``article:published_time`` meta, Yoast JSON-LD at the end of the
body, comments), a table-and-``<FONT>`` legacy template with no ``<h1>``, AMP and print variants.
Each layout here is a small function of a :class:`~tests.faultsite.stories.Story` and the base
URL, so absolute links (canonical, og:url, sitemaps, feeds) name the port the server really got.
Everything returns ``str`` (or ``bytes`` for binaries); the server decides how to encode it,
which is how the charset faults are made.
"""

from __future__ import annotations

import gzip
import json
import random
import secrets
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from email.utils import format_datetime
from html import escape
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from tests.faultsite.stories import (
    AUTHOR_SLUGS,
    BROKEN,
    BUDGET,
    BUS_ROUTES,
    CAFE,
    CHOIR,
    COAST_PATH,
    CYCLE_LANES,
    FERRY,
    HARBOUR_MASTER,
    HARBOUR_WALL,
    IN_WINDOW,
    LIBRARY,
    LIGHTHOUSE,
    MARKET,
    OLD_BRIDGE,
    PIER_LIGHTS,
    QUOTA,
    REGATTA,
    STORM,
    Story,
)

SITE_NAME = "The Kestrel Point Chronicle"
TODAY = date(2026, 11, 20)
"""The site's "today": listings, sitemaps and feeds are written as of this date."""

AMP_PATH = "/news/ferry-timetable-overhaul.amp.html"
OLD_REDIRECT_PATH = "/old/path-to-story.html"


def e(text: str) -> str:
    """HTML-escape text and attribute values."""
    return escape(text, quote=True)


def slug(text: str) -> str:
    """Tag slug as the site writes it: ``Gannet Island`` -> ``gannet-island``."""
    return "-".join(text.lower().split())


def human_date(story: Story) -> str:
    """``Thursday 19 November 2026, 07:45`` (the visible date; JSON-LD carries the offset)."""
    d = story.when
    return f"{d:%A} {d.day} {d:%B %Y, %H:%M}"


def _article_ld(story: Story, base: str, *, type_: str = "NewsArticle") -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": type_,
        "headline": story.title,
        "description": story.standfirst,
        "datePublished": story.published,
        "author": {"@type": "Person", "name": story.author, "url": f"{base}/author/{AUTHOR_SLUGS[story.author]}/"},
        "publisher": {"@type": "NewsMediaOrganization", "name": SITE_NAME, "url": f"{base}/"},
        "mainEntityOfPage": f"{base}{story.path}",
        "image": [f"{base}/img/photo.jpg"],
        "articleSection": story.section,
        "keywords": list(story.tags),
        "inLanguage": "en-GB",
    }
    if story.modified:
        data["dateModified"] = story.modified
    return data


def _ld_script(data: dict[str, Any], *, css_class: str = "") -> str:
    attr = f' class="{css_class}"' if css_class else ""
    payload = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False, indent=1)
    return f'<script type="application/ld+json"{attr}>{payload}</script>'


def _paragraphs(story: Story, *, indent: str = "    ") -> str:
    return "\n".join(f"{indent}<p>{e(p)}</p>" for p in story.paragraphs)


def _others(story: Story, count: int = 2) -> list[Story]:
    """Other in-window stories for "related" boxes (deterministic, never the story itself)."""
    pool = [s for s in IN_WINDOW if s.path != story.path]
    start = sum(map(ord, story.path)) % len(pool)
    return [pool[(start + i) % len(pool)] for i in range(count)]


MASTHEAD = """<header class="masthead">
  <div class="cookie-banner" role="dialog" aria-label="Cookies">
    <p>We use cookies to keep the Chronicle free to read. <button type="button">Accept all</button>
    <a href="/about/#cookies">Manage preferences</a></p>
  </div>
  <a class="masthead__logo" href="/">The Kestrel Point Chronicle</a>
  <nav class="masthead__nav" aria-label="Sections">
    <ul><li><a href="/">Home</a></li><li><a href="/section/news/">News</a></li>
    <li><a href="/section/business/">Business</a></li><li><a href="/tag/harbour/">Harbour</a></li>
    <li><a href="/about/">About us</a></li></ul>
  </nav>
</header>"""

FOOTER = """<footer class="site-footer">
  <p>&copy; 2026 The Kestrel Point Chronicle, 4 Fore Street, Kestrel Point. A fictional newspaper.</p>
  <p><a href="/about/">About us</a> &middot; <a href="/about/#contact">Contact</a> &middot;
  <a href="/feed.xml">RSS</a></p>
</footer>"""


# --- article layouts -------------------------------------------------------------------------


def classic_article(story: Story, base: str, *, extra_head: str = "") -> str:
    """A tidy modern template: ``<article>``, ``<time>``, JSON-LD in the head."""
    author_slug = AUTHOR_SLUGS[story.author]
    tags = "".join(f'<li><a href="/tag/{slug(t)}/">{e(t)}</a></li>' for t in story.tags)
    related = "".join(f'<li><a href="{s.path}">{e(s.title)}</a></li>' for s in _others(story))
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(story.title)} | {SITE_NAME}</title>
<meta name="description" content="{e(story.standfirst)}">
<link rel="canonical" href="{base}{story.path}">
{extra_head}<meta property="og:type" content="article">
<meta property="og:title" content="{e(story.title)}">
<meta property="og:url" content="{base}{story.path}">
<meta property="og:site_name" content="{SITE_NAME}">
<meta property="article:published_time" content="{story.published}">
<link rel="stylesheet" href="/static/site.css">
{_ld_script(_article_ld(story, base))}
</head>
<body class="article-page">
{MASTHEAD}
<main id="content">
<article class="story">
  <header class="story__header">
    <p class="story__kicker"><a href="/section/{slug(story.section)}/">{e(story.section)}</a></p>
    <h1 class="story__title">{e(story.title)}</h1>
    <p class="story__standfirst">{e(story.standfirst)}</p>
    <p class="story__byline">By <a rel="author" href="/author/{author_slug}/">{e(story.author)}</a></p>
    <time class="story__date" datetime="{story.published}">{human_date(story)}</time>
  </header>
  <figure class="story__image">
    <img src="/img/photo.jpg" width="800" height="450" alt="Kestrel Point harbour at low tide">
    <figcaption>Kestrel Point harbour at low tide. Photo: Chronicle staff</figcaption>
  </figure>
  <div class="story__body">
{_paragraphs(story)}
  </div>
  <ul class="story__tags">{tags}</ul>
  <aside class="related"><h2>More from the Chronicle</h2><ul>{related}</ul></aside>
</article>
</main>
{FOOTER}
</body>
</html>
"""


def cms_article(story: Story, base: str) -> str:
    """A JavaScript-era CMS: div soup, JSON-LD ``@graph``, breadcrumbs, promos inside the body."""
    graph = {
        "@graph": [
            {"@type": "WebPage", "@id": f"{base}{story.path}#webpage", "url": f"{base}{story.path}",
             "name": story.title},
            _article_ld(story, base),
            {"@type": "BreadcrumbList", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{base}/"},
                {"@type": "ListItem", "position": 2, "name": story.section,
                 "item": f"{base}/section/{slug(story.section)}/"},
            ]},
        ]
    }  # fmt: skip
    blocks = [f'<div class="text-block"><p>{e(p)}</p></div>' for p in story.paragraphs]
    promo = _others(story, 1)[0]
    blocks.insert(2, f'<div class="c-inline-promo"><strong>Read more:</strong> <a href="{promo.path}">'
                     f"{e(promo.title)}</a></div>")  # fmt: skip
    updated = ""
    if story.modified:
        updated = (
            f' <span class="c-date c-date--updated" data-ts="{story.modified}">Updated {story.modified[11:16]}</span>'
        )
    share = f"https://social.example.com/share?u={base}{story.path}"
    return f"""<!doctype html><html lang="en"><head>
<meta charset="UTF-8"><meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{e(story.title)} - Kestrel Point Chronicle</title>
<link rel="canonical" href="{base}{story.path}">
<meta name="twitter:card" content="summary_large_image"><meta name="twitter:title" content="{e(story.title)}">
{_ld_script(graph)}
<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{"pageType":"article","section":"{e(story.section)}"}});</script>
</head><body><div id="__next"><div class="l-page">
<div class="c-consent" role="dialog"><p>We and our 312 partners value your privacy.</p>
<button>Accept</button><button>Reject</button></div>
<div class="c-header"><a class="c-header__logo" href="/">Kestrel Point Chronicle</a><div class="c-header__nav">
<a href="/section/news/">News</a><a href="/section/business/">Business</a>
<a href="/tag/harbour/">Harbour</a></div></div>
<div class="l-container"><div class="c-breadcrumbs"><a href="/">Home</a> &rsaquo;
<a href="/section/{slug(story.section)}/">{e(story.section)}</a></div>
<div class="c-article"><div class="c-article__head"><h1 class="c-article__headline">{e(story.title)}</h1>
<div class="c-article__standfirst">{e(story.standfirst)}</div>
<div class="c-article__meta">
<span class="c-author">By <a href="/author/{AUTHOR_SLUGS[story.author]}/">{e(story.author)}</a></span>
<span class="c-date" data-ts="{story.published}">{human_date(story)}</span>{updated}</div></div>
<div class="c-article__body">
{chr(10).join(blocks)}
<div class="c-share"><span>Share this article</span> <a href="{share}">Share</a>
<a href="mailto:?subject={e(story.title)}">Email</a></div>
<div class="c-newsletter"><h3>Get the Chronicle in your inbox</h3><p>Sign up for our free morning briefing.</p></div>
</div></div></div>
<div class="c-footer"><a href="/about/">About</a> <a href="/about/#contact">Contact</a>
<span>&copy; 2026 {SITE_NAME}</span></div>
</div></div></body></html>
"""


def blog_article(story: Story, base: str) -> str:
    """A WordPress theme: ``entry-content``, article meta tags, comments, Yoast JSON-LD at the end."""
    post_id = 2000 + sum(map(ord, story.path)) % 900
    d = story.when
    tags = ", ".join(f'<a href="/tag/{slug(t)}/" rel="tag">{e(t)}</a>' for t in story.tags)
    modified = f'<meta property="article:modified_time" content="{story.modified}">\n' if story.modified else ""
    yoast = {"@graph": [_article_ld(story, base, type_="NewsArticle"),
                        {"@type": "WebSite", "url": f"{base}/", "name": SITE_NAME}]}  # fmt: skip
    return f"""<!DOCTYPE html>
<html lang="en-GB" class="no-js">
<head>
<meta charset="utf-8">
<title>{e(story.title)} &#8211; {SITE_NAME}</title>
<meta name="robots" content="index, follow, max-image-preview:large">
<link rel="canonical" href="{base}{story.path}">
<meta property="og:locale" content="en_GB">
<meta property="og:type" content="article">
<meta property="og:title" content="{e(story.title)}">
<meta property="article:published_time" content="{story.published}">
{modified}<meta name="author" content="{e(story.author)}">
<link rel='stylesheet' id='wp-block-library-css' href='/static/site.css' media='all' />
</head>
<body class="post-template-default single single-post postid-{post_id} single-format-standard">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><p class="site-title"><a href="/" rel="home">{SITE_NAME}</a></p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
<li class="menu-item"><a href="/section/news/">News</a></li>
<li class="menu-item"><a href="/section/business/">Business</a></li>
<li class="menu-item"><a href="/about/">About</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{post_id}" class="post-{post_id} post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-title">{e(story.title)}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <a href="{story.path}" rel="bookmark">
<time class="entry-date published" datetime="{story.published}">{d:%B} {d.day}, {d.year}</time></a></span>
<span class="byline"> by <span class="author vcard">
<a class="url fn n" href="/author/{AUTHOR_SLUGS[story.author]}/">{e(story.author)}</a></span></span></div>
</header>
<div class="entry-content">
{_paragraphs(story, indent="")}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3>
<ul><li>
<a href="https://social.example.com/share?u={base}{story.path}" class="share-facebook">Facebook</a></li></ul></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in
<a href="/section/{slug(story.section)}/" rel="category tag">{e(story.section)}</a></span>
<span class="tags-links">Tagged {tags}</span></footer>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on &ldquo;{e(story.title)}&rdquo;</h2>
<ol class="comment-list">
<li class="comment"><div class="comment-author vcard"><b class="fn">Harbourwatcher</b>
<span class="says">says:</span></div>
<div class="comment-content"><p>About time somebody asked the obvious questions.</p></div></li>
<li class="comment"><div class="comment-author vcard"><b class="fn">Mo P.</b> <span class="says">says:</span></div>
<div class="comment-content"><p>Will the Chronicle be following this up next month?</p></div></li></ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form action="/wp-comments-post.php" method="post" id="commentform">
<p class="comment-notes">Your email address will not be published.</p>
<textarea id="comment" name="comment"></textarea>
<input name="submit" type="submit" value="Post Comment"></form></div></div>
</main></div></div>
<footer id="colophon" class="site-footer"><div class="site-info">
Proudly powered by a content management system &middot; <a href="/about/">About</a></div></footer>
</div>
{_ld_script(yoast, css_class="yoast-schema-graph")}
</body>
</html>
"""


def legacy_article(story: Story, base: str, *, charset: str = "utf-8") -> str:
    """A 2003 template still in service: tables, ``<FONT>``, ``<BR><BR>`` paragraphs, no ``<h1>``.

    ``charset`` is what the page's own ``<META http-equiv>`` declares, which may disagree with
    the HTTP header (the Café Müller page): a correct crawler notices the bytes are not UTF-8.
    """
    d = story.when
    body = "<BR><BR>\n".join(e(p) for p in story.paragraphs)
    nav = "<BR>\n".join(
        f'<A href="{href}" class=navlink>{label}</A>'
        for href, label in (("/", "Home"), ("/section/news/", "News"), ("/section/business/", "Business"),
                            ("/about/", "About the Chronicle"))
    )  # fmt: skip
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML>
<HEAD>
<META http-equiv="Content-Type" content="text/html; charset={charset}">
<TITLE>Kestrel Point Chronicle :: {e(story.title)}</TITLE>
<LINK rel="canonical" href="{base}{story.path}">
<META name="author" content="{e(story.author)}">
<META name="date" content="{story.published}">
<META name="keywords" content="{e(", ".join(story.tags))}">
{_ld_script(_article_ld(story, base))}
</HEAD>
<BODY bgcolor="#ffffff" leftmargin=0 topmargin=0 marginwidth=0 marginheight=0>
<TABLE width="100%" cellpadding=0 cellspacing=0 border=0>
<TR><TD colspan=2 class=masthead><A href="/">
<IMG src="/img/photo.jpg" alt="Kestrel Point Chronicle" border=0 width=468 height=60></A></TD></TR>
<TR><TD width=160 valign=top class=leftnav bgcolor="#eeeeee">
{nav}
</TD>
<TD valign=top class=bodytext>
<FONT face="Georgia, Times" size=5><B>{e(story.title)}</B></FONT><BR>
<FONT size=2 color="#666666">By {e(story.author)} | {d:%d/%m/%Y %H:%M}</FONT><BR><BR>
<FONT face="Georgia, Times" size=3>
{body}
</FONT>
<BR><BR><HR size=1 noshade>
<FONT size=1>Copyright &copy; 2026 Kestrel Point Chronicle Ltd. All rights reserved.</FONT>
</TD></TR></TABLE>
</BODY>
</HTML>
"""


def amp_article(story: Story, base: str) -> str:
    """The AMP variant: a different path, same story, ``rel=canonical`` to the regular page."""
    return f"""<!doctype html>
<html \u26a1 lang="en">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<title>{e(story.title)}</title>
<link rel="canonical" href="{base}{story.path}">
<meta name="viewport" content="width=device-width">
{_ld_script(_article_ld(story, base))}
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both}}</style>
<noscript><style amp-boilerplate>body{{-webkit-animation:none}}</style></noscript>
<style amp-custom>h1{{font-family:Georgia,serif}}.byline{{color:#666}}</style>
</head>
<body>
<header class="amp-header"><a href="/">{SITE_NAME}</a></header>
<article>
<h1>{e(story.title)}</h1>
<p class="byline">By {e(story.author)}, {human_date(story)}</p>
<amp-img src="/img/photo.jpg" width="800" height="450" layout="responsive" alt="Kestrel Point harbour"></amp-img>
{_paragraphs(story, indent="")}
</article>
<footer><a href="{story.path}">View the full site</a></footer>
</body>
</html>
"""


def print_article(story: Story, base: str) -> str:
    """The ``?print=1`` variant: bare markup, ``noindex``, same canonical as the regular page."""
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>{e(story.title)} (print) | {SITE_NAME}</title>
<link rel="canonical" href="{base}{story.path}">
<meta name="robots" content="noindex, follow">
{_ld_script(_article_ld(story, base))}
<style>@media print {{ nav, .no-print {{ display: none }} }}</style>
</head>
<body onload="window.print()">
<p class="no-print"><a href="{story.path}">Back to the article</a></p>
<h1>{e(story.title)}</h1>
<p><em>By {e(story.author)} &middot; {human_date(story)}</em></p>
{_paragraphs(story, indent="")}
<p class="print-footer">Printed from {base}{story.path}</p>
</body></html>
"""


def malformed_article(story: Story, base: str) -> str:
    """Tag soup a browser still renders: unclosed ``<p>``/``<li>``, stray ``</div>``s, ``<h1>``
    closed by ``</h2>``, unquoted attributes, a bare ``&nbsp``, no ``</html>``, and JSON-LD with a
    trailing comma (invalid JSON), so the date must come from ``article:published_time``."""
    p = [e(x) for x in story.paragraphs]
    return f"""<html>
<head>
<meta charset=utf-8>
<title>{e(story.title)} | The Kestrel Point Chronicle</title>
<link rel=canonical href={base}{story.path}>
<meta property="og:type" content="article">
<meta property=article:published_time content="{story.published}">
<meta name=author content="{e(story.author)}">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "{e(story.title)}", "datePublished": "{story.published}",
 "author": {{"@type": "Person", "name": "{story.author}"}},}}</script>
</head>
<body>
<div class="wrap">
<div class=nav><ul><li><a href="/">Home<li><a href="/section/news/">News<li><a href=/about/>About</ul>
</div></div></div>
<div class="article">
<h1>{e(story.title)}</h2>
<span class="byline">By <b>{e(story.author)}</span></b> &nbsp
<time datetime="{story.published}">{story.when.day} Nov 2026</time>
<p>{p[0]}
<p>{p[1]}</div>
<p>{p[2]} <i>
<table><tr><td><p>{p[3]}</td></table>
</i></div></div>
<p>{p[4]}
<div class=cont><p>{"<p>".join(p[5:])}
<div class="footer">&copy; The Kestrel Point Chronicle &amp more
</body>
"""


def truncated_article(story: Story, base: str) -> str:
    """The classic page cut off mid-tag after the body, as a crashed PHP worker leaves it."""
    full = classic_article(story, base)
    cut = full.index('<ul class="story__tags">') + len('<ul class="story__tags"><li><a hre')
    return full[:cut]


def article_page(story: Story, base: str) -> str:
    """Render a story with the layout it is written for."""
    if story.layout == "cms":
        return cms_article(story, base)
    if story.layout == "blog":
        return blog_article(story, base)
    if story.layout == "legacy":
        return legacy_article(story, base, charset="windows-1252" if story is CAFE else "utf-8")
    if story.layout == "malformed":
        return malformed_article(story, base)
    if story is COAST_PATH:
        return truncated_article(story, base)
    extra = f'<link rel="amphtml" href="{base}{AMP_PATH}">\n' if story is FERRY else ""
    return classic_article(story, base, extra_head=extra)


# --- listing pages ---------------------------------------------------------------------------


def _page(title: str, body: str, *, og_type: str = "website", ld: dict[str, Any] | None = None,
          head: str = "", canonical: str | None = None) -> str:  # fmt: skip
    ld_html = _ld_script(ld) + "\n" if ld else ""
    canon = f'<link rel="canonical" href="{canonical}">\n' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{e(title)}</title>
{canon}<meta property="og:type" content="{og_type}">
<meta property="og:site_name" content="{SITE_NAME}">
{head}{ld_html}</head>
<body>
{MASTHEAD}
<main id="content">
{body}
</main>
{FOOTER}
</body>
</html>
"""


def _teaser(story: Story, href: str | None = None, *, extra: str = "") -> str:
    return (
        f'<li class="teaser"><a href="{e(href or story.path)}"><h3>{e(story.title)}</h3></a>'
        f'<p>{e(story.standfirst)}</p><span class="teaser__date">{human_date(story)}</span>{extra}</li>'
    )


def home_page(base: str, port: int) -> str:
    """The front page: sections, recent stories (with tracking junk), variants, traps, faults."""
    session = secrets.token_hex(8)
    head = (f'<link rel="alternate" type="application/rss+xml" title="Chronicle RSS" href="{base}/feed.xml">\n'
            '<link rel="alternate" type="application/atom+xml" title="Chronicle Atom" href="/atom.xml">\n'
            '<meta name="description" content="News from Kestrel Point and Gannet Island.">\n')  # fmt: skip
    ld = {"@graph": [{"@type": "WebSite", "name": SITE_NAME, "url": f"{base}/"},
                     {"@type": "NewsMediaOrganization", "name": SITE_NAME, "url": f"{base}/"}]}  # fmt: skip
    top = f"""<section class="top-story">
  <div class="card card--lead">
    <a href="{FERRY.path}"><h2>{e(FERRY.title)}</h2></a>
    <p>{e(FERRY.standfirst)} <a href="{AMP_PATH}" class="amp-link">Lite version</a></p>
  </div>
</section>"""
    latest = "\n".join([
        _teaser(LIBRARY, OLD_REDIRECT_PATH),
        _teaser(LIBRARY, extra=' <a href="/news/library-reopens-after-flood.html">Read on</a>'),
        _teaser(CYCLE_LANES),
        _teaser(STORM, extra=f' <a href="{STORM.path}#comments">12 comments</a>'),
        _teaser(CHOIR),
        _teaser(LIGHTHOUSE, f"{LIGHTHOUSE.path}?fbclid=abc"),
        _teaser(MARKET, f"{MARKET.path}?utm_source=x&utm_medium=y#comments"),
    ])  # fmt: skip
    most_read = "\n".join([_teaser(CAFE), _teaser(BUDGET)])
    return _page(
        f"{SITE_NAME} | News from Kestrel Point",
        f"""<h1 class="visually-hidden">{SITE_NAME}</h1>
{top}
<section class="latest"><h2>Latest</h2><ul>
{latest}
</ul></section>
<section class="most-read"><h2>Most read</h2><ol>
{most_read}
</ol></section>
<section class="from-the-archive"><h2>From the archive</h2><ul>{_teaser(OLD_BRIDGE)}</ul></section>
<section class="downloads"><h2>Downloads and media</h2><ul>
<li><a href="/files/report.pdf">Harbour board annual report (PDF)</a></li>
<li><a href="/media/clip.mp4">Video: the storm from the breakwater</a></li>
<li><a href="/img/photo.jpg">Photo of the day</a></li>
</ul></section>
<section class="more"><h2>More stories</h2><ul>
<li><a href="/news/empty.html">Harbour board minutes</a></li>
<li><a href="/news/binary.html">Tide tables for December</a></li>
<li><a href="/news/huge.html">Full text: the harbour review</a></li>
</ul></section>
<aside class="browse"><h2>Browse</h2><ul>
<li><a href="/section/news/?sessionid={session}">Latest news</a></li>
<li><a href="/archive/2026/11/19/">Yesterday's paper</a></li>
<li><a href="/search?q=harbour&amp;sort=relevance">Popular search: harbour</a></li>
<li><a href="/author/jane/">Jane Pellow, chief reporter</a></li>
<li><a href="/private/draft.html">Preview: harbour redevelopment</a></li>
</ul></aside>
<aside class="elsewhere"><h2>Elsewhere</h2><ul>
<li><a href="http://offsite.invalid/world/2026/11/19/summit-talks.html">World: summit talks resume</a></li>
<li><a href="https://social.example.com/share?u={base}{FERRY.path}">Share the ferry story</a></li>
<li><a href="http://localhost:{port}/partner/kestrel-deals.html">Partner offers</a></li>
<li><a href="mailto:newsdesk@chronicle.invalid">Email the newsdesk</a> <a href="tel:+440000000000">Call us</a>
<a href="javascript:void(0)">Subscribe</a></li>
</ul></aside>""",
        ld=ld,
        head=head,
        canonical=f"{base}/",
    )


NEWS_PAGES: dict[int, tuple[Story, ...]] = {
    1: (FERRY, LIBRARY, CYCLE_LANES, STORM),
    2: (BUDGET, QUOTA, CHOIR, HARBOUR_MASTER),
    3: (LIGHTHOUSE, MARKET, COAST_PATH),
}
"""``/section/news/?page=N``: the stories on each page (page 3 is the last)."""

NEWS_PAGE_FAULTS: dict[int, tuple[tuple[str, str], ...]] = {
    1: (("/news/truncated.html", "Coastal path: the full story"), ("/news/malformed.html", "Harbour master retires")),
    2: (("/news/gone.html", "Ferry fares frozen"), ("/news/missing.html", "Lifeboat day postponed"),
        ("/news/slow.html", "Pier ticket prices to rise"), ("/news/drop.html", "Council tax explained"),
        (f"{FERRY.path}?print=1", "Print: winter ferry timetable")),
    3: (("/news/redirect-loop", "Parking charges"), ("/news/redirect-chain", "Live: storm updates"),
        ("/news/partial.html", "Election results in full")),
}  # fmt: skip
"""Fault links that only the section pages carry."""


def section_news(base: str, page: int) -> str:
    """``/section/news/``: paginated, with sort permutations and session-id trap links."""
    session = secrets.token_hex(8)
    items = "\n".join(_teaser(s) for s in NEWS_PAGES[page])
    faults = "\n".join(f'<li><a href="{e(href)}">{e(label)}</a></li>' for href, label in NEWS_PAGE_FAULTS[page])
    pager = " ".join(
        f'<a href="/section/news/?page={n}"{" aria-current=page" if n == page else ""}>{n}</a>' for n in NEWS_PAGES
    )
    if page < len(NEWS_PAGES):
        pager += f' <a rel="next" href="/section/news/?page={page + 1}">Next &rsaquo;</a>'
    ld = {"@type": "CollectionPage", "name": "News", "url": f"{base}/section/news/"} if page == 1 else None
    return _page(
        f"News | {SITE_NAME}" + (f" | Page {page}" if page > 1 else ""),
        f"""<h1>News</h1>
<div class="sort">Sort: <a href="/section/news/?sort=new&amp;page=1">Newest</a>
<a href="/section/news/?page=1&amp;sort=new">Newest first</a>
<a href="/section/news/?sort=old&amp;page={page}">Oldest</a></div>
<ol class="story-list">
{items}
</ol>
<ul class="also">
{faults}
</ul>
<nav class="pager">{pager}</nav>
<p class="session"><a href="/section/news/?sessionid={session}&amp;page={page}">Refresh</a>
<a href="/section/business/;jsessionid={session.upper()}">Business</a>
<a href="/archive/2026/11/19/">Archive</a> <a href="/search?q=harbour&amp;sort=new&amp;page=1">Search</a></p>""",
        ld=ld,
    )


def section_business(base: str) -> str:
    """``/section/business/``: one page, no JSON-LD, a PDF download without an extension."""
    session = secrets.token_hex(8)
    items = "\n".join(_teaser(s) for s in (CAFE, BUDGET, QUOTA, MARKET))
    return _page(
        f"Business | {SITE_NAME}",
        f"""<h1>Business</h1>
<div class="grid">
<ul class="cards">
{items}
</ul>
</div>
<p><a href="/news/annual-report">Download the harbour accounts</a> &middot;
<a href="/files/report.pdf">Annual report</a></p>
<p><a href="/section/business/;jsessionid={session.upper()}">Reload</a></p>""",
    )


def author_page(base: str, author: str) -> str:
    """``/author/<slug>/``: a profile (og:type profile, ProfilePage) listing the author's stories."""
    stories = [s for s in (*IN_WINDOW, *BROKEN) if s.author == author]
    items = "\n".join(_teaser(s) for s in stories)
    slug_ = AUTHOR_SLUGS[author]
    return _page(
        f"{author} | {SITE_NAME}",
        f"""<div class="profile"><h1>{e(author)}</h1>
<p class="profile__bio">{e(author)} writes for the Chronicle about the harbour, the council and the people of Kestrel
Point. Got a story? Write to the newsdesk.</p></div>
<ul class="author-stories">
{items}
</ul>""",
        og_type="profile",
        ld={
            "@type": "ProfilePage",
            "mainEntity": {"@type": "Person", "name": author},
            "url": f"{base}/author/{slug_}/",
        },
    )


def tag_page(tag_slug: str) -> str | None:
    """``/tag/<slug>/``: a bare list, no markup saying what it is (only the URL does)."""
    stories = [s for s in (*IN_WINDOW, *BROKEN, OLD_BRIDGE) if tag_slug in {slug(t) for t in s.tags}]
    if not stories:
        return None
    name = next(t for t in stories[0].tags if slug(t) == tag_slug)
    links = "\n".join(f'<li><a href="{s.path}">{e(s.title)}</a> <small>{s.when:%d %b %Y}</small></li>' for s in stories)
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Tagged: {e(name)}</title></head>
<body>{MASTHEAD}<h1>Stories tagged &ldquo;{e(name)}&rdquo;</h1><ul>
{links}
</ul>{FOOTER}</body></html>
"""


def about_page() -> str:
    """A short prose page that is not an article (no article markup, under 150 words)."""
    return _page(
        f"About us | {SITE_NAME}",
        """<h1>About the Chronicle</h1>
<p>The Kestrel Point Chronicle has covered the town, the harbour and Gannet Island since 1887. We are an
independent newsroom of six reporters and a photographer, and we publish online every day.</p>
<h2 id="contact">Contact</h2>
<p>Newsdesk: 4 Fore Street, Kestrel Point. We read every letter.</p>
<h2 id="cookies">Cookies</h2>
<p>We use a small number of cookies to remember your preferences and count visits.</p>""",
    )


def archive_day(day: date) -> str:
    """``/archive/YYYY/MM/DD/``: the calendar trap; every day links to the day before and after."""
    stories = [s for s in (*IN_WINDOW, *BROKEN, OLD_BRIDGE) if s.when.date() == day]
    items = "\n".join(_teaser(s) for s in stories) or "<li>No stories were published on this day.</li>"
    links = []
    if day > date.min:
        prev = day - timedelta(days=1)
        links.append(f'<a rel="prev" href="/archive/{prev:%Y/%m/%d}/">&lsaquo; {prev:%d %B %Y}</a>')
    if day < date.max:
        nxt = day + timedelta(days=1)
        links.append(f'<a rel="next" href="/archive/{nxt:%Y/%m/%d}/">{nxt:%d %B %Y} &rsaquo;</a>')
    links.append(f'<a href="/archive/{day:%Y/%m}/">All of {day:%B %Y}</a>')
    return _page(
        f"Archive: {day.day} {day:%B %Y} | {SITE_NAME}",
        f"""<h1>Archive: {day:%A} {day.day} {day:%B %Y}</h1>
<ul class="archive-list">
{items}
</ul>
<nav class="calendar">{" ".join(links)}</nav>""",
        ld={"@type": "CollectionPage", "name": f"Archive {day.isoformat()}"},
    )


def archive_month(year: int, month: int) -> str:
    """``/archive/YYYY/MM/``: a calendar grid linking every day, and the months either side."""
    first = date(year, month, 1)
    days = []
    d = first
    while d.month == month:
        days.append(f'<td><a href="/archive/{d:%Y/%m/%d}/">{d.day}</a></td>')
        if d == date.max:
            break
        d += timedelta(days=1)
    prev = first - timedelta(days=1) if first > date.min else None
    nxt = d if d.month != month else None
    nav = (f'<a href="/archive/{prev:%Y/%m}/">&lsaquo; {prev:%B %Y}</a> ' if prev else "") + (
        f'<a href="/archive/{nxt:%Y/%m}/">{nxt:%B %Y} &rsaquo;</a>' if nxt else "")  # fmt: skip
    rows = "".join(f"<tr>{''.join(days[i : i + 7])}</tr>" for i in range(0, len(days), 7))
    return _page(
        f"Archive: {first:%B %Y} | {SITE_NAME}",
        f'<h1>Archive: {first:%B %Y}</h1>\n<table class="calendar">{rows}</table>\n<nav>{nav}</nav>',
    )


def search_page(query: str, sort: str, page: int) -> str:
    """``/search``: the same three results for any query, and endless permuted pagination links."""
    session = secrets.token_hex(6)
    q = e(query)
    results = "\n".join(_teaser(s) for s in (FERRY, STORM, LIGHTHOUSE))
    links = [
        f"/search?q={q}&amp;sort=new&amp;page={page + 1}",
        f"/search?page={page + 1}&amp;sort=new&amp;q={q}",
        f"/search?sort=old&amp;q={q}&amp;page={page}",
        f"/search?q={q}&amp;sort=relevance&amp;page={page}&amp;sessionid={session}",
        f"/search?q={q}+news&amp;sort={e(sort)}",
    ]
    nav = " ".join(f'<a href="{href}">{label}</a>' for href, label in
                   zip(links, ("Next", "More", "Oldest first", "Refine", "Related search"), strict=True))  # fmt: skip
    return _page(
        f"Search: {query} | {SITE_NAME}",
        f"""<h1>Results for &ldquo;{q}&rdquo;</h1>
<form action="/search" method="get"><input name="q" value="{q}"><button>Search</button></form>
<ol class="results">
{results}
</ol>
<nav class="pager">{nav}</nav>""",
        head='<meta name="robots" content="noindex">\n',
        ld={"@type": "SearchResultsPage", "name": f"Search {query}"},
    )


def results_page(base: str) -> str:
    """``/news/partial.html``: a long results table; the server sends only the first 40% of it."""
    wards = ("Harbour", "Fore Street", "Gull Point", "Trenoweth", "Polwenna", "Gannet Island", "Nanscawen")
    rows = "\n".join(
        f"<tr><td>{ward} {n}</td><td>Candidate {n}A</td><td>{300 + 7 * n}</td>"
        f"<td>Candidate {n}B</td><td>{280 + 5 * n}</td></tr>"
        for n in range(1, 120)
        for ward in wards[n % len(wards) : n % len(wards) + 1]
    )
    return _page(
        f"Election results in full | {SITE_NAME}",
        f"""<h1>Election results in full</h1>
<p>Every ward, every candidate, every vote in the town council election.</p>
<table class="results">
<thead><tr><th>Ward</th><th>Winner</th><th>Votes</th><th>Runner-up</th><th>Votes</th></tr></thead>
{rows}
</table>""",
        canonical=f"{base}/news/partial.html",
    )


def partner_page() -> str:
    """Served only when a request names the off-site host ``localhost``: it must never be seen."""
    return _page("Partner offers", "<h1>Partner offers</h1><p>This host is off-site for the crawl.</p>")


def error_page(status: int, message: str) -> str:
    """The site's error page (404, 410, 5xx)."""
    return _page(f"{status} {message} | {SITE_NAME}", f"<h1>{e(message)}</h1><p>Sorry about that.</p>")


# --- robots, sitemaps, feeds -------------------------------------------------------------------


def robots_txt(base: str) -> str:
    """Plain prefixes only, and the sitemap index."""
    return f"""# The Kestrel Point Chronicle
User-agent: SomeOtherBot
Disallow: /

User-agent: *
Disallow: /private/

Sitemap: {base}/sitemap_index.xml
"""


ARCHIVE_SITEMAPS: dict[str, tuple[str, tuple[Story, ...]]] = {
    "/sitemaps/2024-01.xml": ("2024-01-31T22:00:00+00:00", (HARBOUR_WALL,)),
    "/sitemaps/2023-06.xml": ("2023-06-30", (REGATTA,)),
}
"""Archive sitemaps: index ``<lastmod>`` and the old stories each lists."""

NEWS_SITEMAP_STORIES: tuple[Story, ...] = tuple(s for s in IN_WINDOW if s.when.date() >= date(2026, 11, 14))
"""The Google News sitemap lists the last week's stories only, as Google asks."""

NOVEMBER_STORIES: tuple[Story, ...] = (*IN_WINDOW, *BROKEN)
"""The monthly (gzip) sitemap lists every in-window story, broken ones included."""


def sitemap_index(base: str) -> str:
    """The index robots.txt points at: news, this month (gzip) and two archive months."""
    entries = [
        (f"{base}/sitemaps/news.xml", "2026-11-20T06:00:00+00:00"),
        (f"{base}/sitemaps/2026-11.xml.gz", "2026-11-20"),
        *((f"{base}{path}", lastmod) for path, (lastmod, _) in ARCHIVE_SITEMAPS.items()),
    ]
    body = "\n".join(
        f"  <sitemap>\n    <loc>{loc}</loc>\n    <lastmod>{lm}</lastmod>\n  </sitemap>" for loc, lm in entries
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{body}
</sitemapindex>
"""


def _urlset(base: str, stories: Iterable[Story]) -> str:
    urls = "\n".join(
        f"  <url>\n    <loc>{base}{s.path}</loc>\n    <lastmod>{s.modified or s.published}</lastmod>\n"
        "    <changefreq>never</changefreq>\n  </url>"
        for s in stories
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{urls}
</urlset>
"""


def news_sitemap(base: str) -> str:
    """Google News sitemap: ``news:publication_date`` with offsets and ``news:title``."""
    urls = "\n".join(
        f"""  <url>
    <loc>{base}{s.path}</loc>
    <news:news>
      <news:publication><news:name>{SITE_NAME}</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>{s.published}</news:publication_date>
      <news:title>{xml_escape(s.title)}</news:title>
    </news:news>
  </url>"""
        for s in NEWS_SITEMAP_STORIES
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{urls}
</urlset>
"""


def november_sitemap_gz(base: str) -> bytes:
    """``/sitemaps/2026-11.xml.gz``: a gzip file (not a Content-Encoding), deterministic bytes."""
    return gzip.compress(_urlset(base, NOVEMBER_STORIES).encode("utf-8"), mtime=0)


def archive_sitemap(base: str, path: str) -> str:
    """An old month's urlset; a crawl with a recent ``since`` should never ask for it."""
    return _urlset(base, ARCHIVE_SITEMAPS[path][1])


FEED_STORIES: tuple[Story, ...] = IN_WINDOW
OLD_FEED_STORIES: tuple[Story, ...] = (BUS_ROUTES, PIER_LIGHTS)
"""Two 2025 entries left at the bottom of the RSS feed by a CMS that never prunes it."""


def rss_feed(base: str) -> str:
    """RSS 2.0: recent stories (one link with ``utm_*`` junk) and two stale 2025 entries."""

    def link(s: Story) -> str:
        url = f"{base}{s.path}"
        return xml_escape(url + "?utm_source=feed&utm_medium=rss") if s is CYCLE_LANES else url

    items = "\n".join(
        f"""    <item>
      <title>{xml_escape(s.title)}</title>
      <link>{link(s)}</link>
      <guid isPermaLink="false">kpc-{sum(map(ord, s.path))}</guid>
      <pubDate>{format_datetime(s.when)}</pubDate>
      <dc:creator>{xml_escape(s.author)}</dc:creator>
      <category>{xml_escape(s.section)}</category>
      <description>{xml_escape(s.standfirst)}</description>
    </item>"""
        for s in (*FEED_STORIES, *OLD_FEED_STORIES)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{SITE_NAME}</title>
    <link>{base}/</link>
    <description>News from Kestrel Point and Gannet Island</description>
    <language>en-gb</language>
    <lastBuildDate>Fri, 20 Nov 2026 06:00:00 +0000</lastBuildDate>
    <atom:link href="{base}/feed.xml" rel="self" type="application/rss+xml"/>
{items}
  </channel>
</rss>
"""


ATOM_STORIES: tuple[Story, ...] = (FERRY, LIBRARY, CAFE, BUDGET, STORM, QUOTA, CHOIR)


def atom_feed(base: str) -> str:
    """Atom 1.0 with relative entry links (resolved against ``xml:base``)."""
    entries = "\n".join(
        f"""  <entry>
    <title type="text">{xml_escape(s.title)}</title>
    <link rel="alternate" type="text/html" href="{s.path}"/>
    <id>tag:chronicle.invalid,2026:{s.path}</id>
    <published>{s.published}</published>
    <updated>{s.modified or s.published}</updated>
    <author><name>{xml_escape(s.author)}</name></author>
    <summary>{xml_escape(s.standfirst)}</summary>
  </entry>"""
        for s in ATOM_STORIES
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}/">
  <title>{SITE_NAME}</title>
  <link rel="self" href="{base}/atom.xml"/>
  <link rel="alternate" href="{base}/"/>
  <id>tag:chronicle.invalid,2026:feed</id>
  <updated>2026-11-20T06:00:00+00:00</updated>
{entries}
</feed>
"""


# --- binaries ----------------------------------------------------------------------------------


def pdf_bytes() -> bytes:
    """A small but well-formed one-page PDF (correct xref offsets), like a CMS download."""
    stream = b"BT /F1 18 Tf 72 720 Td (Kestrel Point Harbour Board - Annual Report 2026) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def jpeg_bytes() -> bytes:
    """JFIF header, noise, end-of-image marker: enough for any sniffer to say image/jpeg."""
    noise = random.Random(7).randbytes(6000)
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x48\x00\x48\x00\x00" + noise + b"\xff\xd9"


def mp4_bytes() -> bytes:
    """An ``ftyp`` box and an ``mdat`` of noise: what the start of an MP4 looks like."""
    ftyp = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41"
    payload = random.Random(11).randbytes(20000)
    return ftyp + (8 + len(payload)).to_bytes(4, "big") + b"mdat" + payload


def binary_noise() -> bytes:
    """Random bytes with plenty of NULs, served as ``text/html`` (a misconfigured download)."""
    rng = random.Random(3)
    return bytes(rng.choice((0, 0, 0, rng.randrange(256))) for _ in range(16384))


def huge_chunks(story_title: str, total: int, chunk_size: int = 64 * 1024) -> Iterator[bytes]:
    """A ``total``-byte HTML page produced chunk by chunk, never held in memory whole."""
    head = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{e(story_title)}</title>'
        f'<meta property="og:type" content="article"></head><body><article><h1>{e(story_title)}</h1>\n'
    ).encode()
    tail = b"</article></body></html>\n"
    paragraph = b"<p>The harbour review runs to many thousands of pages, and every one of them is here. </p>\n"
    block = paragraph * (chunk_size // len(paragraph))
    yield head
    remaining = total - len(head) - len(tail)
    while remaining > 0:
        piece = block[:remaining]
        remaining -= len(piece)
        yield piece
    yield tail


STYLESHEET = (
    "body{font-family:Georgia,serif;max-width:48rem;margin:auto}.visually-hidden{position:absolute;left:-9999px}\n"
)
