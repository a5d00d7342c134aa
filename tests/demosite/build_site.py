"""Regenerate the static Harbour Gazette demo site and its test truth.

Run ``python -m tests.demosite.build_site`` after editing ``content.py`` or the
templates below; the generated files under ``scraper/demo/site/`` and
``tests/data/demo_truth.json`` are committed, so the server and the tests
never need to run this script.

Why a generator: the same facts (paths, dates, authors, which article is
linked from where) appear in many files — pages, feeds, sitemaps and the
truth — and must agree exactly. The four article templates deliberately use
different markup for the same kinds of boilerplate (breadcrumbs, datelines,
captions, "ALSO READ" links, share/newsletter/related boxes, cookie banners),
because real sites do, and a cleaner tuned on one layout must be tested on
others. Every boilerplate string a template emits is recorded and becomes
``must_not_contain`` in the truth; the build fails if any of those strings
also occurs in the real article text, or if a ``must_contain`` string is not
in it.
"""

from __future__ import annotations

import argparse
import colorsys
import gzip
import hashlib
import html
import json
import posixpath
import re
import shutil
import struct
import zlib
from collections.abc import Iterable, Sequence
from datetime import datetime
from email.utils import format_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

from scraper.demo.server import SITE_DIR
from tests.demosite.content import (
    ARTICLES,
    ARTICLES_BY_KEY,
    AUTHORS,
    SECTIONS,
    SITE_NAME,
    Advert,
    AlsoRead,
    Article,
    Block,
    Bullets,
    Heading,
    Image,
    Newsletter,
    Para,
    Quote,
    Table,
)

BASE = "__BASE__"
SUFFIX = f" | {SITE_NAME}"
REPO_TRUTH = Path(__file__).resolve().parents[2] / "tests" / "data" / "demo_truth.json"

SECTION_PAGE_SIZE = {"Local": 4, "Business": 2, "Sport": 6, "Culture": 6}
"""Teasers per section page; Local and Business spill onto /page/2/."""

RSS_COUNT = 8
ATOM_SLICE = slice(3, 11)
NEWS_SITEMAP_COUNT = 6

NEWSLETTERS = {
    "Local": (
        "The Morning Tide",
        "Sign up to our morning newsletter, The Morning Tide, for the day's top stories from Port Wenlow.",
    ),
    "Business": (
        "The Ledger",
        "Sign up to The Ledger, our weekly business newsletter, and never miss a deal on the quay.",
    ),
    "Sport": (
        "The Final Whistle",
        "Sign up to The Final Whistle, our weekly sport newsletter, for results, reports and fixtures.",
    ),
    "Culture": (
        "Curtain Call",
        "Sign up to Curtain Call, our weekly arts newsletter, for what's on in Port Wenlow and the islands.",
    ),
}

LINK_RE = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


# --------------------------------------------------------------------------- helpers


def esc(text: str) -> str:
    """Escape element text."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    """Escape an attribute value."""
    return html.escape(text, quote=True)


def inline(text: str) -> str:
    """Escape text, turning ``[text](href)`` into links."""
    out: list[str] = []
    pos = 0
    for match in LINK_RE.finditer(text):
        out.append(esc(text[pos : match.start()]))
        out.append(f'<a href="{attr(match[2])}">{esc(match[1])}</a>')
        pos = match.end()
    out.append(esc(text[pos:]))
    return "".join(out)


def plain(text: str) -> str:
    """Visible text of an inline-marked string."""
    return LINK_RE.sub(r"\1", text)


def when(iso: str) -> datetime:
    """Parse an ISO 8601 timestamp with offset."""
    return datetime.fromisoformat(iso)


def long_date(iso: str) -> str:
    """``3 November 2026``."""
    dt = when(iso)
    return f"{dt.day} {dt:%B %Y}"


def rel(from_path: str, to_path: str) -> str:
    """Relative URL from the page at ``from_path`` to ``to_path``."""
    from_dir = from_path if from_path.endswith("/") else posixpath.dirname(from_path) + "/"
    target = posixpath.relpath(to_path, from_dir)
    if to_path.endswith("/") and not target.endswith("/"):
        target += "/"
    return target


def href(from_path: str, to_path: str, style: str) -> str:
    """Link in one of three styles: ``root`` (/x), ``rel`` (../x) or ``abs`` (__BASE__/x)."""
    if style == "rel":
        return rel(from_path, to_path)
    if style == "abs":
        return BASE + to_path
    return to_path


def author_link(name: str, style: str = "root", from_path: str = "/") -> str:
    """Author name linked to their page."""
    target = f"/author/{AUTHORS[name].slug}/"
    return f'<a href="{attr(href(from_path, target, style))}" rel="author">{esc(name)}</a>'


def join_names(parts: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def slugify(text: str) -> str:
    """Tag slug: lower case, hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def listed(article: Article) -> bool:
    """True if the article may be linked from ordinary pages, feeds and related boxes."""
    return article.reachable_only_via is None


def in_sections(article: Article) -> bool:
    """Section listings show everything except the sitemap-only article."""
    return article.reachable_only_via != "sitemap-gz"


def in_sitemaps(article: Article) -> bool:
    """Sitemaps list everything except the article reachable only via section page 2."""
    return article.reachable_only_via != "section-page-2"


def jsonld_script(data: dict[str, Any]) -> str:
    """A JSON-LD script element (``</`` escaped so it cannot close the script)."""
    text = json.dumps(data, indent=2, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def png(width: int, height: int, seed: str) -> bytes:
    """A small solid-colour PNG (stdlib only), colour derived from ``seed``."""
    hue = int(hashlib.sha1(seed.encode()).hexdigest()[:4], 16) / 0xFFFF
    rgb = bytes(int(c * 255) for c in colorsys.hsv_to_rgb(hue, 0.35, 0.75))
    raw = b"".join(b"\x00" + rgb * width for _ in range(height))

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


class TextCollector(HTMLParser):
    """Visible text of a page, roughly as a browser shows it (no head/script/style)."""

    HIDDEN = frozenset({"head", "script", "style", "template", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def visible_text(page: str) -> str:
    """Whitespace-collapsed visible text of an HTML page."""
    collector = TextCollector()
    collector.feed(page)
    return " ".join("".join(collector.parts).split())


def body_text(article: Article) -> str:
    """The real article text (what cleaning must keep), one block per line."""
    lines: list[str] = []
    for block in article.body:
        match block:
            case Para(text=text) | Heading(text=text):
                lines.append(plain(text))
            case Bullets(items=items):
                lines.extend(plain(item) for item in items)
            case Quote(text=text, source=source):
                lines.extend((text, source))
            case Table(caption=caption, header=header, rows=rows):
                lines.append(caption)
                lines.extend(" ".join(row) for row in (header, *rows))
            case _:
                pass
    return "\n".join(lines)


def prose_words(article: Article) -> int:
    """Word count of the real article text."""
    return len(body_text(article).split())


# --------------------------------------------------------------------------- page chrome


def site_header(current: str | None = None) -> str:
    """Masthead, section navigation and search form (same on every page)."""
    items = ['<li><a href="/">Home</a></li>']
    for name, slug in SECTIONS.items():
        mark = ' aria-current="page"' if name == current else ""
        items.append(f'<li><a href="/section/{slug}/"{mark}>{name}</a></li>')
    items.append('<li><a href="/about.html">About</a></li>')
    nav = "\n      ".join(items)
    return f"""<header class="masthead">
  <a class="logo" href="/"><img src="/img/logo.png" alt="{SITE_NAME}" width="240" height="60"></a>
  <p class="tagline">News from Port Wenlow and the islands since 1868</p>
  <nav class="main-nav" aria-label="Sections">
    <ul>
      {nav}
    </ul>
  </nav>
  <form class="search-form" action="/search" method="get" role="search">
    <input type="search" name="q" placeholder="Search the Gazette" aria-label="Search">
    <button type="submit">Search</button>
  </form>
</header>"""


def site_footer() -> str:
    """Footer with internal, disallowed and off-site links."""
    return f"""<footer class="site-footer">
  <ul class="footer-links">
    <li><a href="/about.html">About us</a></li>
    <li><a href="/feed.rss">RSS feed</a></li>
    <li><a href="/search?q=storm">Archive search</a></li>
    <li><a href="/admin/">Staff login</a></li>
    <li><a href="https://example.org/terms">Terms and conditions</a></li>
    <li><a href="https://example.org/privacy">Privacy notice</a></li>
    <li><a href="https://example.org/advertise">Advertise with us</a></li>
  </ul>
  <p class="follow">Follow us:
    <a href="https://social.example.com/harbourgazette">Social</a>
    <a href="https://video.example.net/@harbourgazette">Video</a></p>
  <p class="copyright">&copy; 2026 {SITE_NAME}, 4 Quay Street, Port Wenlow.
    A fictional newspaper: every story, place and person on this site is invented.</p>
</footer>"""


COOKIE_CLASSIC = "We use cookies to give you the best experience on our website."


def cookie_classic() -> str:
    """Cookie dialog used by the classic template and the listing pages."""
    return f"""<div class="cc-banner" id="cookie-consent" role="dialog" aria-label="Cookie consent">
  <p>{COOKIE_CLASSIC} You can change your cookie settings at any time.</p>
  <button type="button" class="cc-accept">Accept all</button>
  <button type="button" class="cc-reject">Reject</button>
</div>"""


def head(
    *,
    title: str,
    description: str,
    canonical: str,
    meta: Sequence[tuple[str, str]],
    links: Sequence[str] = (),
    scripts: Sequence[str] = (),
) -> str:
    """``<head>`` with title, description, canonical, property/name meta, JSON-LD."""
    lines = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f'<meta name="description" content="{attr(description)}">',
        f'<link rel="canonical" href="{attr(canonical)}">',
    ]
    for key, value in meta:
        kind = "property" if key.startswith(("og:", "article:")) else "name"
        lines.append(f'<meta {kind}="{key}" content="{attr(value)}">')
    lines.append('<link rel="stylesheet" href="/static/site.css">')
    lines.extend(links)
    lines.extend(scripts)
    return "<head>\n" + "\n".join(lines) + "\n</head>"


def document(head_html: str, body_class: str, body: str) -> str:
    """A full HTML document."""
    return f'<!DOCTYPE html>\n<html lang="en">\n{head_html}\n<body class="{body_class}">\n{body}\n</body>\n</html>\n'


# --------------------------------------------------------------------------- article metadata


PUBLISHER = {
    "@type": "Organization",
    "name": SITE_NAME,
    "url": f"{BASE}/",
    "logo": {"@type": "ImageObject", "url": f"{BASE}/img/logo.png", "width": 240, "height": 60},
}


def article_jsonld(article: Article) -> list[dict[str, Any]]:
    """JSON-LD blocks for an article, varied per template (shapes seen in the wild)."""
    if article.schema is None:
        return []
    url = BASE + article.path
    image_url = f"{BASE}/img/{article.lead.name}"
    persons: list[dict[str, Any]] = [
        {"@type": "Person", "name": n, "url": f"{BASE}/author/{AUTHORS[n].slug}/"} for n in article.authors
    ]
    template = article.template
    author: Any = persons if template in {"classic", "legacy"} or len(persons) > 1 else persons[0]
    image: Any
    if template == "classic":
        image = [image_url]
    elif template == "legacy":
        image = image_url
    else:
        image = {"@type": "ImageObject", "url": image_url, "width": 1200, "height": 675}
    keywords: Any = ", ".join(article.tags) if template == "classic" else list(article.tags)
    core: dict[str, Any] = {
        "@type": "NewsArticle" if article.schema == "graph" else article.schema,
        "headline": article.title,
        "description": article.description,
        "image": image,
        "datePublished": article.published,
        "dateModified": article.modified,
        "author": author,
        "publisher": PUBLISHER,
        "articleSection": article.section,
        "keywords": keywords,
        "inLanguage": "en",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
    }
    blocks: list[dict[str, Any]]
    if article.schema == "graph":
        org, site = f"{BASE}/#organization", f"{BASE}/#website"
        blocks = [
            {
                "@context": "https://schema.org",
                "@graph": [
                    {**PUBLISHER, "@id": org},
                    {
                        "@type": "WebSite",
                        "@id": site,
                        "url": f"{BASE}/",
                        "name": SITE_NAME,
                        "publisher": {"@id": org},
                        "inLanguage": "en",
                    },
                    {
                        "@type": "WebPage",
                        "@id": url,
                        "url": url,
                        "name": article.title + SUFFIX,
                        "isPartOf": {"@id": site},
                        "inLanguage": "en",
                        "datePublished": article.published,
                        "dateModified": article.modified,
                    },
                    {
                        **core,
                        "@id": url + "#article",
                        "isPartOf": {"@id": url},
                        "mainEntityOfPage": {"@id": url},
                        "publisher": {"@id": org},
                    },
                ],
            }
        ]
    else:
        blocks = [{"@context": "https://schema.org", **core}]
    if template == "classic":
        section_url = f"{BASE}/section/{SECTIONS[article.section]}/"
        blocks.append(
            {
                "@context": "https://schema.org",
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{BASE}/"},
                    {"@type": "ListItem", "position": 2, "name": article.section, "item": section_url},
                    {"@type": "ListItem", "position": 3, "name": article.crumb},
                ],
            }
        )
    return blocks


def article_head(article: Article, title_tag: str) -> str:
    """``<head>`` of an article page: OpenGraph, article:*, canonical, JSON-LD."""
    url = BASE + article.path
    meta: list[tuple[str, str]] = [("og:site_name", SITE_NAME)]
    if article.og_type:
        meta.append(("og:type", "article"))
    meta += [
        ("og:title", article.title + (SUFFIX if article.og_title_suffix else "")),
        ("og:description", article.description),
        ("og:url", url),
        ("og:image", f"{BASE}/img/{article.lead.name}"),
        ("og:image:alt", article.lead.alt),
        ("og:locale", "en_GB"),
        ("article:published_time", article.published),
        ("article:modified_time", article.modified),
        ("article:section", article.section),
    ]
    meta += [("article:tag", tag) for tag in article.tags]
    meta += [("twitter:card", "summary_large_image"), ("twitter:site", "@harbourgazette")]
    if article.template == "legacy":
        meta.append(("author", ", ".join(article.authors)))
    scripts = [jsonld_script(block) for block in article_jsonld(article)]
    return head(title=title_tag, description=article.description, canonical=url, meta=meta, scripts=scripts)


# --------------------------------------------------------------------------- article templates


class Noise:
    """Visible boilerplate strings emitted on one page (they become must_not_contain)."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.captions: list[str] = []

    def add(self, *texts: str) -> None:
        """Record boilerplate strings (once each)."""
        for text in texts:
            if text not in self.items:
                self.items.append(text)

    def caption(self, image: Image) -> None:
        """Record an image caption and its credit."""
        self.captions.append(image.caption)
        self.add(image.caption, image.credit)


class ArticleTemplate:
    """Shared rendering of content blocks; subclasses own the layout and the boilerplate."""

    also_label = "ALSO READ:"

    def __init__(self, article: Article) -> None:
        self.a = article
        self.noise = Noise()

    # content blocks (kept by cleaning) ---------------------------------------
    def blocks(self) -> str:
        """The body blocks in template markup."""
        return "\n".join(self.block(block) for block in self.a.body)

    def block(self, block: Block) -> str:
        """One block."""
        match block:
            case Para(text=text):
                return f"<p>{inline(text)}</p>"
            case Heading(text=text, level=level):
                return f"<h{level}>{esc(text)}</h{level}>"
            case Bullets(items=items, ordered=ordered):
                tag = "ol" if ordered else "ul"
                lis = "\n".join(f"  <li>{inline(item)}</li>" for item in items)
                return f"<{tag}>\n{lis}\n</{tag}>"
            case Quote():
                return self.quote(block)
            case Table():
                return self.table(block)
            case Image():
                self.noise.caption(block)
                return self.image(block)
            case AlsoRead():
                label, target, text = self.also_target(block)
                self.noise.add(f"{label} {text}")
                return self.also_read(label, target, text)
            case Advert():
                return self.advert()
            case Newsletter():
                name, text = NEWSLETTERS[self.a.section]
                self.noise.add(text)
                return self.newsletter(name, text)
        raise TypeError(block)

    def quote(self, block: Quote) -> str:
        """A block quotation."""
        return (
            f"<blockquote>\n  <p>{esc(block.text)}</p>\n  <footer>&mdash; {esc(block.source)}</footer>\n</blockquote>"
        )

    def table(self, block: Table) -> str:
        """A data table."""
        head_row = "".join(f'<th scope="col">{esc(c)}</th>' for c in block.header)
        rows = "\n".join("    <tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in block.rows)
        return (
            f'<table class="data">\n  <caption>{esc(block.caption)}</caption>\n'
            f"  <thead><tr>{head_row}</tr></thead>\n  <tbody>\n{rows}\n  </tbody>\n</table>"
        )

    def also_target(self, block: AlsoRead) -> tuple[str, str, str]:
        """(label, path, link text) of an ALSO READ block."""
        label = block.label or self.also_label
        if block.target.startswith("/"):
            return label, block.target, block.text
        other = ARTICLES_BY_KEY[block.target]
        assert listed(other), f"{self.a.key} links to restricted article {other.key}"
        return label, other.path, other.title

    def related_heading(self, related: Sequence[Article], fallback: str) -> str:
        """ "More from <Section>" when every related story is from this section."""
        same = all(r.section == self.a.section for r in related)
        return f"More from {self.a.section}" if same else fallback

    def related_articles(self) -> list[Article]:
        """Related stories (never the restricted articles)."""
        related = [ARTICLES_BY_KEY[key] for key in self.a.related]
        assert all(listed(r) and r is not self.a for r in related), self.a.key
        assert 3 <= len(related) <= 5, self.a.key
        return related

    def img_tag(self, image: Image, *, lazy: bool = False) -> str:
        """An ``<img>`` element."""
        loading = ' loading="lazy"' if lazy else ""
        return f'<img src="/img/{image.name}" alt="{attr(image.alt)}" width="1200" height="675"{loading}>'

    def tag_links(self, style: str = "root", sep: str = " ") -> str:
        """Links to the article's tag pages."""
        return sep.join(
            f'<a rel="tag" href="{attr(href(self.a.path, f"/tag/{slugify(t)}/", style))}">{esc(t)}</a>'
            for t in self.a.tags
        )

    def share_url(self, service: str) -> str:
        """Off-site share link."""
        return f"https://social.example.com/{service}?url={BASE}{self.a.path}&amp;text={quote(self.a.title)}"

    # boilerplate hooks -------------------------------------------------------
    def image(self, image: Image) -> str:
        """An inline picture with caption."""
        raise NotImplementedError

    def also_read(self, label: str, target: str, text: str) -> str:
        """An ALSO READ line."""
        raise NotImplementedError

    def advert(self) -> str:
        """An advertisement slot."""
        raise NotImplementedError

    def newsletter(self, name: str, text: str) -> str:
        """A newsletter prompt."""
        raise NotImplementedError

    def render(self) -> str:
        """The whole page."""
        raise NotImplementedError


class Classic(ArticleTemplate):
    """Main CMS layout: <article> with h1, figure/figcaption, div.story-body, boxes after."""

    def image(self, image: Image) -> str:
        return (
            f'<figure class="inline-figure">\n  {self.img_tag(image, lazy=True)}\n'
            f'  <figcaption>{esc(image.caption)} <span class="credit">{esc(image.credit)}</span>'
            "</figcaption>\n</figure>"
        )

    def also_read(self, label: str, target: str, text: str) -> str:
        return f'<p><strong>{esc(label)}</strong> <a href="{attr(target)}">{esc(text)}</a></p>'

    def advert(self) -> str:
        self.noise.add("Advertisement")
        return (
            '<div class="adv-marker" aria-hidden="true">Advertisement</div>\n'
            '<div class="adv-slot" id="div-gpt-ad-mpu-1"></div>'
        )

    def newsletter(self, name: str, text: str) -> str:
        return (
            f'<div class="inline-signup" data-newsletter="{attr(name)}">\n  <p>{esc(text)}</p>\n'
            '  <button type="button">Subscribe</button>\n</div>'
        )

    def render(self) -> str:
        a, n = self.a, self.noise
        section_slug = SECTIONS[a.section]
        n.add(COOKIE_CLASSIC)
        crumbs = f"Home » {a.section} » {a.crumb}"
        n.add(crumbs)
        crumb_html = (
            f'<div class="breadcrumbs"><a href="/">Home</a> » <a href="/section/{section_slug}/">'
            f"{esc(a.section)}</a> » <span>{esc(a.crumb)}</span></div>"
        )
        dateline = f"{when(a.published):%d.%m.%Y %H:%M}"
        n.add(dateline)
        n.caption(a.lead)
        byline = "By " + join_names([author_link(name) for name in a.authors])
        body = self.blocks()
        tags = self.tag_links()
        n.add("Share this article", "Share on Facebook", "Tweet", "Copy link")
        bios = "\n".join(f"  <p>{esc(AUTHORS[name].bio)}</p>" for name in a.authors)
        n.add(*(AUTHORS[name].bio for name in a.authors))
        related = self.related_articles()
        heading = self.related_heading(related, "Related stories")
        n.add(heading, *(r.title for r in related))
        rel_items = "\n".join(f'    <li><a href="{r.path}">{esc(r.title)}</a></li>' for r in related)
        comments = f"Have your say: {a.comments} comments. Sign in to join the discussion."
        n.add(comments)
        main = f"""{cookie_classic()}
{site_header(a.section)}
<main id="main" class="container">
{crumb_html}
<article class="story">
  <header class="story-head">
    <h1 class="headline">{esc(a.title)}</h1>
    <p class="byline">{byline}</p>
  </header>
  <figure class="lead-image">
    {self.img_tag(a.lead)}
    <figcaption>{esc(a.lead.caption)} {esc(a.lead.credit)}</figcaption>
  </figure>
  <div class="story-body">
<p class="story-date">{dateline}</p>
{body}
  </div>
  <div class="story-tags">Topics: {tags}</div>
  <div class="tools">
    <span>Share this article</span>
    <a href="{self.share_url("share")}">Share on Facebook</a>
    <a href="{self.share_url("tweet")}">Tweet</a>
    <button type="button" data-copy="{BASE}{a.path}">Copy link</button>
  </div>
  <div class="author-box">
{bios}
  </div>
</article>
<section class="more-stories">
  <h2>{heading}</h2>
  <ul>
{rel_items}
  </ul>
</section>
<div class="comments-cta"><p>{comments}</p></div>
</main>
{site_footer()}"""
        return document(article_head(a, a.title + SUFFIX), "article-page tpl-classic", main)


class Magazine(ArticleTemplate):
    """Feature layout: h1 outside the body, headline repeated as h2.kicker-title inside it,
    p.caption/span.credit instead of figcaption, share and "More from" boxes inside the body."""

    also_label = "Read more:"

    def quote(self, block: Quote) -> str:
        return (
            f'<blockquote class="pullquote">\n  <p>{esc(block.text)}</p>\n'
            f"  <cite>{esc(block.source)}</cite>\n</blockquote>"
        )

    def image(self, image: Image) -> str:
        return (
            f'<div class="inline-img">\n  {self.img_tag(image, lazy=True)}\n'
            f'  <p class="caption">{esc(image.caption)}</p>\n'
            f'  <span class="credit">{esc(image.credit)}</span>\n</div>'
        )

    def also_read(self, label: str, target: str, text: str) -> str:
        return f'<p><em>{esc(label)}</em> <a href="{attr(target)}">{esc(text)}</a></p>'

    def advert(self) -> str:
        self.noise.add("ADVERTISEMENT")
        return '<div class="mpu-wrapper">\n  <p>ADVERTISEMENT</p>\n</div>'

    def newsletter(self, name: str, text: str) -> str:
        return (
            f'<aside class="nl-box">\n  <h4>{esc(name)}</h4>\n  <p>{esc(text)}</p>\n'
            '  <button type="button">Subscribe</button>\n</aside>'
        )

    def render(self) -> str:
        a, n = self.a, self.noise
        section_slug = SECTIONS[a.section]
        crumbs = f"Home > {a.section}"
        n.add(crumbs)
        section_href = rel(a.path, f"/section/{section_slug}/")
        crumb_html = (
            f'<nav aria-label="breadcrumb" class="bc"><a href="/">Home</a> &gt; '
            f'<a href="{section_href}">{esc(a.section)}</a></nav>'
        )
        n.caption(a.lead)
        byline = join_names([f"{author_link(name)}, {esc(AUTHORS[name].role)}" for name in a.authors])
        dt = when(a.published)
        dateline = f"Published {dt.day} {dt:%B %Y, %H:%M}"
        n.add(dateline)
        body = self.blocks()
        n.add("Share on Facebook", "Share on X", "Email this story")
        related = self.related_articles()
        heading = self.related_heading(related, "More stories")
        n.add(heading, *(r.title for r in related))
        rel_items = "\n".join(f'    <li><a href="{rel(a.path, r.path)}">{esc(r.title)}</a></li>' for r in related)
        bios = "\n".join(f"  <p>{esc(AUTHORS[name].bio)}</p>" for name in a.authors)
        n.add(*(AUTHORS[name].bio for name in a.authors))
        cookie = "This site uses cookies. By continuing to browse you agree to our use of cookies."
        n.add(cookie)
        main = f"""{site_header(a.section)}
<div class="page page-magazine">
{crumb_html}
<header class="article-header">
  <span class="section-label">{esc(a.section)}</span>
  <h1>{esc(a.title)}</h1>
  <div class="article-meta"><span class="author">{byline}</span></div>
</header>
<div class="hero">
  {self.img_tag(a.lead)}
  <p class="caption">{esc(a.lead.caption)}</p>
  <span class="credit">{esc(a.lead.credit)}</span>
</div>
<div class="article-content">
<h2 class="kicker-title">{esc(a.title)}</h2>
<p class="pubdate">{dateline}</p>
{body}
<ul class="social-buttons">
  <li><a href="{self.share_url("facebook")}">Share on Facebook</a></li>
  <li><a href="{self.share_url("x")}">Share on X</a></li>
  <li><a href="mailto:?subject={quote(a.title)}">Email this story</a></li>
</ul>
<div class="tag-list"><span>Tags:</span> {self.tag_links("rel", ", ")}</div>
<div class="more-from">
  <h3>{heading}</h3>
  <ul>
{rel_items}
  </ul>
</div>
</div>
<div class="contributor">
{bios}
</div>
</div>
<div id="consent" class="consent-bar">{cookie} <a href="#accept">Accept all</a> <a href="#reject">Reject</a></div>
{site_footer()}"""
        title_tag = f"{a.title} | {a.section} | {SITE_NAME}"
        return document(article_head(a, title_tag), "tpl-magazine", main)


class Modern(ArticleTemplate):
    """Block-editor layout: crumbs and share row inside <article>, div.entry body,
    dateline as a bare first paragraph, "You may also like" aside."""

    also_label = "Related:"

    def quote(self, block: Quote) -> str:
        return (
            f'<blockquote class="wp-block-quote">\n  <p>{esc(block.text)}</p>\n'
            f"  <cite>{esc(block.source)}</cite>\n</blockquote>"
        )

    def image(self, image: Image) -> str:
        return (
            f'<figure class="wp-block-image">\n  {self.img_tag(image, lazy=True)}\n'
            f'  <figcaption>{esc(image.caption)} <span class="credit">{esc(image.credit)}</span>'
            "</figcaption>\n</figure>"
        )

    def also_read(self, label: str, target: str, text: str) -> str:
        if label == self.also_label:
            return f'<p class="inline-related">{esc(label)} <a href="{attr(target)}">{esc(text)}</a></p>'
        return f'<p><strong>{esc(label)}</strong> <a href="{attr(target)}">{esc(text)}</a></p>'

    def advert(self) -> str:
        self.noise.add("Advertisement")
        return '<div class="ad-container" data-slot="mpu"><span>Advertisement</span></div>'

    def newsletter(self, name: str, text: str) -> str:
        return (
            f'<div class="signup-box" data-list="{attr(name)}">\n  <p>{esc(text)}</p>\n'
            '  <input type="email" placeholder="Your email address" aria-label="Email">\n'
            '  <button type="button">Subscribe</button>\n</div>'
        )

    def render(self) -> str:
        a, n = self.a, self.noise
        section_slug = SECTIONS[a.section]
        cookie = "We value your privacy. We and our partners use cookies to personalise content and ads."
        n.add(cookie)
        crumbs = f"Home / {a.section} / {a.crumb}"
        n.add(crumbs)
        byline = "By " + join_names([f"{author_link(name)}, {esc(AUTHORS[name].role)}" for name in a.authors])
        n.add("Copy link", "WhatsApp")
        n.caption(a.lead)
        dateline = f"{when(a.published):%d-%m-%y %H:%M}"
        n.add(dateline)
        body = self.blocks()
        bios = "\n".join(f"<p><em>{esc(AUTHORS[name].bio)}</em></p>" for name in a.authors)
        n.add(*(AUTHORS[name].bio for name in a.authors))
        tag_items = self.tag_links("abs", "</li>\n    <li>")
        comments = f"Join the conversation: {a.comments} comments. Log in or register to comment."
        n.add(comments)
        related = self.related_articles()
        n.add("You may also like", *(r.title for r in related))
        rel_items = "\n".join(f'    <li><a href="{BASE}{r.path}">{esc(r.title)}</a></li>' for r in related)
        main = f"""<div class="gdpr" id="gdpr-notice">
  <p>{cookie}</p>
  <button type="button">Accept all</button> <button type="button">Reject all</button>
</div>
{site_header(a.section)}
<main class="site-main">
<article class="post-article">
  <p class="crumbs"><a href="/">Home</a> / <a href="/section/{section_slug}/">{esc(a.section)}</a> / {esc(a.crumb)}</p>
  <h1>{esc(a.title)}</h1>
  <div class="meta-row">
    <span class="by">{byline}</span>
    <div class="social"><span>Share:</span>
      <a href="{self.share_url("share")}">Facebook</a>
      <a href="{self.share_url("x")}">X</a>
      <a href="https://wa.example.com/send?text={BASE}{a.path}">WhatsApp</a>
      <button type="button">Copy link</button>
    </div>
  </div>
  <figure class="wp-block-image lead">
    {self.img_tag(a.lead)}
    <figcaption>{esc(a.lead.caption)} <span class="credit">{esc(a.lead.credit)}</span></figcaption>
  </figure>
  <div class="entry">
<p>{dateline}</p>
{body}
{bios}
  </div>
  <ul class="post-tags">
    <li>{tag_items}</li>
  </ul>
  <div class="comments-cta"><p>{comments}</p></div>
</article>
<aside class="recirc">
  <h2>You may also like</h2>
  <ul>
{rel_items}
  </ul>
</aside>
</main>
{site_footer()}"""
        return document(article_head(a, a.title + SUFFIX), "single tpl-modern", main)


class Legacy(ArticleTemplate):
    """Old CMS layout: div#content/div.post, visible "By ... | <time>" byline, wp-caption,
    share line and comment form, sidebar, cookie notice at the bottom."""

    also_label = "READ MORE:"

    def quote(self, block: Quote) -> str:
        return (
            f"<blockquote>\n  <p>{esc(block.text)}</p>\n"
            f'  <p class="attribution">- {esc(block.source)}</p>\n</blockquote>'
        )

    def image(self, image: Image) -> str:
        # Old editor output: picture and italic caption in one bare paragraph.
        return f"<p>{self.img_tag(image)}<br>\n<em>{esc(image.caption)} {esc(image.credit)}</em></p>"

    def also_read(self, label: str, target: str, text: str) -> str:
        return f'<p><b>{esc(label)}</b> <a href="{attr(target)}">{esc(text)}</a></p>'

    def advert(self) -> str:
        self.noise.add("Advertisement")
        return '<div class="advert"><small>Advertisement</small></div>'

    def newsletter(self, name: str, text: str) -> str:
        return (
            f'<p class="signup"><b>{esc(name)}:</b> {esc(text)} '
            '<a href="https://example.org/newsletter">Subscribe</a></p>'
        )

    def render(self) -> str:
        a, n = self.a, self.noise
        section_slug = SECTIONS[a.section]
        crumb_tail = f' » <a href="/section/{section_slug}/">{esc(a.section)}</a>'
        crumbs = f"You are here: Home » {a.section}"
        if a.crumb == "Opinion":
            crumb_tail += f" » {esc(a.crumb)}"
            crumbs += f" » {a.crumb}"
        n.add(crumbs)
        byline = "By " + join_names([author_link(name) for name in a.authors])
        dateline = f"{when(a.published):%d.%m.%Y - %H:%M}"
        n.add(dateline)
        n.caption(a.lead)
        body = self.blocks()
        n.add("Share this article:")
        share_html = (
            f'<p class="entry-utility">Share this article: <a href="{self.share_url("share")}">Facebook</a> | '
            f'<a href="{self.share_url("tweet")}">Twitter</a> | '
            f'<a href="mailto:?subject={quote(a.title)}">Email</a></p>'
        )
        bios = "\n".join(f"  <p><b>About the author:</b> {esc(AUTHORS[name].bio)}</p>" for name in a.authors)
        n.add(*(AUTHORS[name].bio for name in a.authors))
        related = self.related_articles()
        n.add("Related posts", *(r.title for r in related))
        rel_items = "\n".join(f'    <li><a href="{rel(a.path, r.path)}">{esc(r.title)}</a></li>' for r in related)
        n.add("Leave a comment", f"{a.comments} comments so far", "Your email address will not be published.")
        popular = [x for x in ARTICLES if listed(x) and x is not self.a][:4]
        pop_items = "\n".join(f'    <li><a href="{x.path}">{esc(x.title)}</a></li>' for x in popular)
        cookie = (
            "We use cookies on this website. By using this site, you agree that we may store "
            "and access cookies on your device."
        )
        n.add(cookie)
        main = f"""<div id="wrapper">
{site_header(a.section)}
<div id="content">
 <div class="path">You are here: <a href="/">Home</a>{crumb_tail}</div>
 <div class="post" id="post-{a.key}">
  <h1 class="post-title">{esc(a.title)}</h1>
  <div class="post-info">{byline} | <time datetime="{a.published}">{long_date(a.published)}</time></div>
  <div class="post-body">
<p><strong>{dateline}</strong></p>
<div class="wp-caption">
  {self.img_tag(a.lead)}
  <p class="wp-caption-text">{esc(a.lead.caption)} {esc(a.lead.credit)}</p>
</div>
{body}
{share_html}
  </div>
  <p class="postmetadata">Filed under: {self.tag_links("rel", ", ")}</p>
  <div class="about-author">
{bios}
  </div>
  <div class="related-posts">
   <h3>Related posts</h3>
   <ul>
{rel_items}
   </ul>
  </div>
  <div id="respond">
   <h3>Leave a comment</h3>
   <p class="comment-count">{a.comments} comments so far</p>
   <p>Your email address will not be published.</p>
   <form action="/comments/post" method="post">
    <textarea name="comment" rows="4" aria-label="Comment"></textarea>
    <button type="submit">Post comment</button>
   </form>
  </div>
 </div>
</div>
<div id="sidebar">
  <h3>Most popular</h3>
  <ul>
{pop_items}
  </ul>
</div>
{site_footer()}
<div id="cookie-notice">{cookie} <a href="#ok">OK</a></div>
</div>"""
        return document(article_head(a, f"{a.title} - {SITE_NAME}"), "single-post tpl-legacy", main)


TEMPLATES: dict[str, type[ArticleTemplate]] = {
    "classic": Classic,
    "magazine": Magazine,
    "modern": Modern,
    "legacy": Legacy,
}


# --------------------------------------------------------------------------- listing pages


def teaser(article: Article, from_path: str, style: str, level: int = 2) -> str:
    """A teaser card linking to an article."""
    link = href(from_path, article.path, style)
    authors = join_names(list(article.authors))
    return f"""<article class="teaser">
  <h{level}><a href="{attr(link)}">{esc(article.title)}</a></h{level}>
  <p class="teaser-meta"><span class="section">{esc(article.section)}</span> &middot;
    <time datetime="{article.published}">{long_date(article.published)}</time> &middot; {esc(authors)}</p>
  <p>{esc(article.description)}</p>
</article>"""


def listing_head(
    path: str,
    title: str,
    description: str,
    *,
    links: Sequence[str] = (),
    scripts: Sequence[str] = (),
) -> str:
    """``<head>`` of a non-article page (og:type website)."""
    meta = [
        ("og:site_name", SITE_NAME),
        ("og:type", "website"),
        ("og:title", title),
        ("og:description", description),
        ("og:url", BASE + path),
        ("og:image", f"{BASE}/img/logo.png"),
        ("twitter:card", "summary"),
    ]
    return head(title=title, description=description, canonical=BASE + path, meta=meta, links=links, scripts=scripts)


FEED_LINKS = (
    f'<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} (RSS)" href="/feed.rss">',
    f'<link rel="alternate" type="application/atom+xml" title="{SITE_NAME} (Atom)" href="/feed.atom">',
)


def listing_page(
    path: str,
    *,
    title: str,
    heading: str,
    intro: str,
    items: Iterable[Article],
    style: str,
    current: str | None = None,
    links: Sequence[str] = (),
    scripts: Sequence[str] = (),
    pager: str = "",
    extra: str = "",
) -> str:
    """A section, tag or author listing."""
    teasers = "\n".join(teaser(a, path, style) for a in items)
    body = f"""{cookie_classic()}
{site_header(current)}
<main id="main" class="container listing">
<h1>{esc(heading)}</h1>
<p class="intro">{esc(intro)}</p>
{extra}
<div class="teasers">
{teasers}
</div>
{pager}
</main>
{site_footer()}"""
    head_html = listing_head(path, title, intro, links=links, scripts=scripts)
    return document(head_html, "listing", body)


def section_pages(section: str) -> dict[str, str]:
    """Section listing, paginated when it has more stories than fit on a page."""
    slug = SECTIONS[section]
    articles = [a for a in ARTICLES if a.section == section and in_sections(a)]
    size = SECTION_PAGE_SIZE[section]
    chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
    pages: dict[str, str] = {}

    def page_path(number: int) -> str:
        return f"/section/{slug}/" if number == 1 else f"/section/{slug}/page/{number}/"

    for number, chunk in enumerate(chunks, start=1):
        path = page_path(number)
        links = list(FEED_LINKS)
        pager: list[str] = []
        if number > 1:
            links.append(f'<link rel="prev" href="{BASE}{page_path(number - 1)}">')
            pager.append(f'<a rel="prev" href="{rel(path, page_path(number - 1))}">Newer stories</a>')
        if number < len(chunks):
            links.append(f'<link rel="next" href="{BASE}{page_path(number + 1)}">')
            pager.append(f'<a rel="next" href="{rel(path, page_path(number + 1))}">Older stories</a>')
        pager_html = f'<nav class="pagination" aria-label="Pages">{" ".join(pager)}</nav>' if pager else ""
        suffix = f" - page {number}" if number > 1 else ""
        collection = {
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": f"{section}{suffix}",
            "url": BASE + path,
            "isPartOf": {"@type": "WebSite", "name": SITE_NAME, "url": f"{BASE}/"},
        }
        pages[path] = listing_page(
            path,
            title=f"{section}{suffix}{SUFFIX}",
            heading=section,
            intro=f"The latest {section.lower()} news from Port Wenlow and the islands.",
            items=chunk,
            style="rel",
            current=section,
            links=links,
            scripts=[jsonld_script(collection)],
            pager=pager_html,
        )
    return pages


def all_tags() -> dict[str, str]:
    """Tag name -> slug, for every tag used by any article."""
    return {tag: slugify(tag) for a in ARTICLES for tag in a.tags}


def tag_page(tag: str, slug: str) -> str:
    """A tag listing."""
    path = f"/tag/{slug}/"
    items = [a for a in ARTICLES if tag in a.tags and listed(a)]
    assert items, f"tag {tag} has no listed article"
    extra = (
        f'<p class="search-hint">Looking for something older? '
        f'<a href="/search?q={quote(tag.lower())}">Search the archive</a>.</p>'
    )
    return listing_page(
        path, title=f"{tag}{SUFFIX}", heading=tag, intro=f"Stories tagged {tag}.", items=items, style="rel", extra=extra
    )


def author_page(name: str) -> str:
    """An author profile with their stories (absolute links)."""
    author = AUTHORS[name]
    path = f"/author/{author.slug}/"
    items = [a for a in ARTICLES if name in a.authors and listed(a)]
    extra = f'<div class="profile"><p class="role">{esc(author.role)}</p><p>{esc(author.bio)}</p></div>'
    return listing_page(
        path,
        title=f"{name}{SUFFIX}",
        heading=name,
        intro=f"Stories by {name}, {author.role}.",
        items=items,
        style="abs",
        extra=extra,
    )


def home_page() -> str:
    """Front page: lead story, latest teasers, most read."""
    visible = [a for a in ARTICLES if listed(a)]
    lead = ARTICLES_BY_KEY["storm"]
    latest = [a for a in visible[:8] if a is not lead]
    most_read = [ARTICLES_BY_KEY[k] for k in ("bridge", "school", "theatre", "regatta")]
    website = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": SITE_NAME,
        "url": f"{BASE}/",
        "potentialAction": {
            "@type": "SearchAction",
            "target": f"{BASE}/search?q={{search_term_string}}",
            "query-input": "required name=search_term_string",
        },
    }
    teasers = "\n".join(teaser(a, "/", "root", level=3) for a in latest)
    topics = " &middot; ".join(
        f'<a href="tag/{slugify(t)}/">{esc(t)}</a>' for t in ("Harbour", "Council", "Football", "Weather")
    )
    popular = "\n".join(f'    <li><a href="{a.path.lstrip("/")}">{esc(a.title)}</a></li>' for a in most_read)
    body = f"""{cookie_classic()}
{site_header()}
<main id="main" class="container home">
<section class="lead-story">
  <figure>
    <img src="/img/{lead.lead.name}" alt="{attr(lead.lead.alt)}" width="1200" height="675">
    <figcaption>{esc(lead.lead.caption)} {esc(lead.lead.credit)}</figcaption>
  </figure>
  <h2><a href="{lead.path}">{esc(lead.title)}</a></h2>
  <p>{esc(lead.description)}</p>
  <p class="teaser-meta">By {esc(join_names(list(lead.authors)))} &middot;
    <time datetime="{lead.published}">{long_date(lead.published)}</time></p>
</section>
<section class="latest">
  <h2>Latest news</h2>
{teasers}
</section>
<aside class="most-read">
  <h2>Most read</h2>
  <ol>
{popular}
  </ol>
</aside>
<section class="topics">
  <h2>Popular topics</h2>
  <p>{topics}</p>
</section>
<section class="newsletter-promo">
  <p>{esc(NEWSLETTERS["Local"][1])}</p>
  <button type="button">Subscribe</button>
</section>
</main>
{site_footer()}"""
    head_html = listing_head(
        "/",
        f"{SITE_NAME} - News from Port Wenlow",
        "Local news, business, sport and culture from Port Wenlow and the islands.",
        links=FEED_LINKS,
        scripts=[jsonld_script(website)],
    )
    return document(head_html, "home", body)


def about_page() -> str:
    """Static 'about us' page (not an article)."""
    staff = "\n".join(
        f"    <li>{author_link(name, 'rel', '/about.html')}, {esc(a.role)}</li>" for name, a in AUTHORS.items()
    )
    body = f"""{cookie_classic()}
{site_header()}
<main id="main" class="container static-page">
<h1>About {SITE_NAME}</h1>
<p>{SITE_NAME} has covered Port Wenlow, the harbour and the islands since 1868. We publish local news,
business, sport and culture every day, and a printed edition every Friday.</p>
<p>Our newsroom is at 4 Quay Street. We welcome story ideas, letters and corrections from readers.</p>
<h2>Our team</h2>
<ul>
{staff}
</ul>
<p>This is a fictional publication created as a demonstration site: every story, place and person is invented.</p>
</main>
{site_footer()}"""
    description = "Who we are and how to contact the newsroom."
    return document(listing_head("/about.html", f"About us{SUFFIX}", description), "static", body)


def admin_pages() -> dict[str, str]:
    """Staff area, disallowed by robots.txt, with an article-looking draft."""
    index = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex, nofollow">
<title>Staff area{SUFFIX}</title>
</head>
<body class="admin">
<h1>Staff area</h1>
<p>Drafts awaiting approval:</p>
<ul>
  <li><a href="secret-draft.html">EMBARGOED: Harbour master to step down after 22 years</a></li>
</ul>
</body>
</html>
"""
    draft_ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Harbour master to step down after 22 years",
        "datePublished": "2026-11-20T07:00:00+01:00",
        "author": {"@type": "Person", "name": "Jane Doe"},
        "articleSection": "Local",
    }
    draft = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex, nofollow">
<title>Harbour master to step down after 22 years{SUFFIX}</title>
<meta property="og:type" content="article">
<meta property="og:title" content="Harbour master to step down after 22 years">
<meta property="article:published_time" content="2026-11-20T07:00:00+01:00">
{jsonld_script(draft_ld)}
</head>
<body>
<article>
<h1>Harbour master to step down after 22 years</h1>
<p class="byline">By Jane Doe</p>
<p>EMBARGOED DRAFT - NOT FOR PUBLICATION. Gwen Ashby, who has run Port Wenlow harbour since 2004,
will announce her retirement at the harbour board meeting next week. This secret draft must never be
fetched by a crawler that honours robots.txt.</p>
<p>Ms Ashby is expected to stay on until a successor is appointed in the spring.</p>
</article>
</body>
</html>
"""
    return {"/admin/": index, "/admin/secret-draft.html": draft}


# --------------------------------------------------------------------------- feeds and sitemaps


def rss_feed(items: Sequence[Article]) -> str:
    """RSS 2.0 with dc:creator and RFC 822 dates."""
    entries = []
    for a in items:
        creators = "\n".join(f"      <dc:creator>{esc(name)}</dc:creator>" for name in a.authors)
        categories = "\n".join(f"      <category>{esc(tag)}</category>" for tag in a.tags)
        entries.append(f"""    <item>
      <title>{esc(a.title)}</title>
      <link>{BASE}{a.path}</link>
      <guid isPermaLink="true">{BASE}{a.path}</guid>
      <pubDate>{format_datetime(when(a.published))}</pubDate>
{creators}
      <category>{esc(a.section)}</category>
{categories}
      <description>{esc(a.description)}</description>
    </item>""")
    build = max(when(a.modified) for a in items)
    entries_xml = "\n".join(entries)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{SITE_NAME}</title>
    <link>{BASE}/</link>
    <description>Latest news from Port Wenlow and the islands (fictional demo site).</description>
    <language>en</language>
    <lastBuildDate>{format_datetime(build)}</lastBuildDate>
    <atom:link href="{BASE}/feed.rss" rel="self" type="application/rss+xml"/>
{entries_xml}
  </channel>
</rss>
"""


def atom_feed(items: Sequence[Article]) -> str:
    """Atom 1.0 feed."""
    entries = []
    for a in items:
        authors = "\n".join(
            f"    <author><name>{esc(name)}</name><uri>{BASE}/author/{AUTHORS[name].slug}/</uri></author>"
            for name in a.authors
        )
        entries.append(f"""  <entry>
    <title>{esc(a.title)}</title>
    <link rel="alternate" type="text/html" href="{BASE}{a.path}"/>
    <id>{BASE}{a.path}</id>
    <published>{a.published}</published>
    <updated>{a.modified}</updated>
{authors}
    <category term="{attr(a.section)}"/>
    <summary type="text">{esc(a.description)}</summary>
  </entry>""")
    updated = max(items, key=lambda a: when(a.modified)).modified
    entries_xml = "\n".join(entries)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>{SITE_NAME}</title>
  <subtitle>Latest news from Port Wenlow and the islands (fictional demo site).</subtitle>
  <id>{BASE}/</id>
  <link rel="self" type="application/atom+xml" href="{BASE}/feed.atom"/>
  <link rel="alternate" type="text/html" href="{BASE}/"/>
  <updated>{updated}</updated>
{entries_xml}
</feed>
"""


def sitemap_index() -> str:
    """Sitemap index pointing at the three child sitemaps."""
    newest = max(when(a.modified) for a in ARTICLES).isoformat()
    maps = ("sitemap-news.xml", "sitemap-articles.xml.gz", "sitemap-pages.xml")
    body = "\n".join(
        f"  <sitemap>\n    <loc>{BASE}/{name}</loc>\n    <lastmod>{newest}</lastmod>\n  </sitemap>" for name in maps
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{body}\n</sitemapindex>\n"
    )


def news_sitemap(items: Sequence[Article]) -> str:
    """Google News sitemap."""
    urls = []
    for a in items:
        urls.append(f"""  <url>
    <loc>{BASE}{a.path}</loc>
    <news:news>
      <news:publication>
        <news:name>{SITE_NAME}</news:name>
        <news:language>en</news:language>
      </news:publication>
      <news:publication_date>{a.published}</news:publication_date>
      <news:title>{esc(a.title)}</news:title>
      <news:keywords>{esc(", ".join(a.tags))}</news:keywords>
    </news:news>
  </url>""")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"\n'
        '        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + "\n".join(urls) + "\n</urlset>\n"
    )


def urlset(entries: Sequence[tuple[str, str | None]]) -> str:
    """Plain sitemap urlset of (path, lastmod)."""
    urls = []
    for path, lastmod in entries:
        mod = f"\n    <lastmod>{lastmod}</lastmod>" if lastmod else ""
        urls.append(f"  <url>\n    <loc>{BASE}{path}</loc>{mod}\n  </url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "\n".join(urls) + "\n</urlset>\n"
    )


ROBOTS = f"""# {SITE_NAME} (demo site)
User-agent: *
Disallow: /admin/
Disallow: /search

Sitemap: {BASE}/sitemap_index.xml
"""

CSS = """/* Minimal styling so the demo is readable in a browser. */
body { font-family: Georgia, serif; max-width: 60rem; margin: 0 auto; padding: 0 1rem; color: #222; }
.main-nav ul, .footer-links { list-style: none; padding: 0; display: flex; gap: 1rem; flex-wrap: wrap; }
.cc-banner, .gdpr, .consent-bar, #cookie-notice { background: #ffe; border: 1px solid #cc9; padding: .5rem; }
img { max-width: 100%; height: auto; background: #ccd; }
figcaption, .caption, .credit, .wp-caption-text { font-size: .85rem; color: #555; }
.adv-marker, .mpu-wrapper, .ad-container, .advert { font-size: .7rem; color: #999; text-transform: uppercase; }
.teaser { border-bottom: 1px solid #ddd; padding: .5rem 0; }
.site-footer { border-top: 2px solid #333; margin-top: 2rem; font-size: .85rem; }
"""


# --------------------------------------------------------------------------- build


def write(root: Path, url_path: str, content: str | bytes) -> None:
    """Write a page at the file that serves ``url_path``."""
    rel_path = url_path.lstrip("/")
    if not rel_path or rel_path.endswith("/"):
        rel_path += "index.html"
    target = root / rel_path
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8", newline="\n")


def check_article(article: Article, page: str, noise: Noise) -> None:
    """Fail the build if the truth for an article is inconsistent with its page."""
    text = body_text(article)
    shown = visible_text(page)
    words = prose_words(article)
    assert 250 <= words <= 700, f"{article.key}: {words} words"
    for phrase in article.must_contain:
        assert phrase in text, f"{article.key}: must_contain not in body: {phrase!r}"
        assert " ".join(phrase.split()) in shown, f"{article.key}: must_contain not shown: {phrase!r}"
    for phrase in noise.items:
        assert phrase in shown, f"{article.key}: boilerplate not shown: {phrase!r}"
        assert phrase not in text, f"{article.key}: boilerplate also in body: {phrase!r}"
        assert phrase not in article.title, f"{article.key}: boilerplate in title: {phrase!r}"


def build(root: Path, truth_path: Path | None) -> None:
    """Write every site file under ``root`` and, optionally, the truth JSON."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    truth_articles: list[dict[str, Any]] = []
    images: set[str] = {"logo.png"}
    for article in ARTICLES:
        template = TEMPLATES[article.template](article)
        page = template.render()
        check_article(article, page, template.noise)
        write(root, article.path, page)
        images.add(article.lead.name)
        images.update(b.name for b in article.body if isinstance(b, Image))
        truth_articles.append(
            {
                "path": article.path,
                "title": article.title,
                "authors": list(article.authors),
                "published": article.published,
                "modified": article.modified,
                "section": article.section,
                "tags": list(article.tags),
                "language": "en",
                "must_contain": list(article.must_contain),
                "must_not_contain": template.noise.items,
                "captions": template.noise.captions,
                "reachable_only_via": article.reachable_only_via,
            }
        )

    non_articles: list[str] = ["/"]
    write(root, "/", home_page())
    for section in SECTIONS:
        pages = section_pages(section)
        for path, page in pages.items():
            write(root, path, page)
            non_articles.append(path)
    page_two = visible_text(section_pages("Local")["/section/local/page/2/"])
    assert ARTICLES_BY_KEY["seals"].title in page_two, "seals must be on /section/local/page/2/"
    for tag, slug in sorted(all_tags().items(), key=lambda kv: kv[1]):
        write(root, f"/tag/{slug}/", tag_page(tag, slug))
        non_articles.append(f"/tag/{slug}/")
    for name, author in AUTHORS.items():
        write(root, f"/author/{author.slug}/", author_page(name))
        non_articles.append(f"/author/{author.slug}/")
    write(root, "/about.html", about_page())
    non_articles.append("/about.html")
    for path, page in admin_pages().items():
        write(root, path, page)

    feedable = [a for a in ARTICLES if listed(a)]
    write(root, "/feed.rss", rss_feed(feedable[:RSS_COUNT]))
    write(root, "/feed.atom", atom_feed(feedable[ATOM_SLICE]))
    write(root, "/robots.txt", ROBOTS)
    write(root, "/sitemap_index.xml", sitemap_index())
    write(root, "/sitemap-news.xml", news_sitemap(feedable[:NEWS_SITEMAP_COUNT]))
    pages_map = [("/", None), *((f"/section/{s}/", None) for s in SECTIONS.values()), ("/about.html", None)]
    write(root, "/sitemap-pages.xml", urlset(pages_map))
    article_map = [(a.path, a.modified) for a in ARTICLES if in_sitemaps(a)]
    # mtime=0: identical bytes on every build, so regenerating does not dirty git.
    write(root, "/sitemap-articles.xml.gz", gzip.compress(urlset(article_map).encode(), mtime=0))
    write(root, "/static/site.css", CSS)
    for name in sorted(images):
        write(root, f"/img/{name}", png(240, 60, "logo") if name == "logo.png" else png(240, 135, name))

    if truth_path is not None:
        truth = {
            "articles": truth_articles,
            "non_articles": non_articles,
            "disallowed": ["/admin/", "/admin/secret-draft.html"],
        }
        truth_path.parent.mkdir(parents=True, exist_ok=True)
        truth_path.write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description="Regenerate the Harbour Gazette demo site.")
    parser.add_argument("--root", type=Path, default=SITE_DIR, help="output folder (default: package site/)")
    parser.add_argument("--truth", type=Path, default=REPO_TRUTH, help="where to write demo_truth.json")
    parser.add_argument("--no-truth", action="store_true", help="do not write the truth file")
    args = parser.parse_args(argv)
    build(args.root, None if args.no_truth else args.truth)
    print(f"site written to {args.root}")
    if not args.no_truth:
        print(f"truth written to {args.truth}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
