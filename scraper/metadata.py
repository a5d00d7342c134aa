"""Read article metadata from every source a page offers, before any text extraction.

Pages describe themselves several times over: JSON-LD (``NewsArticle`` and kin, possibly in
an ``@graph``), OpenGraph and ``article:*`` meta, Dublin Core and other ``<meta>`` names,
``<time>`` elements, bylines and the visible ``<h1>``. This module collects all of them into a
:class:`PageSignals` (raw, per source); ``reconcile.py`` decides which value wins. Nothing here
imports trafilatura or Scrapy, and nothing here raises on bad markup: a source that cannot be
read is simply absent.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

from scraper.cleaning import normalise, phrases
from scraper.decoding import strip_control

# Where ``twitter:labelN``/``twitter:dataN`` pairs (and ``twitter:misc:<label>``) that name the
# writer are filed; SEO plugins of many CMSs emit them with a per-language "Written by" label.
WRITTEN_BY_META = "twitter:written-by"

# schema.org types whose instances are articles (plus anything ending in "Article").
ARTICLE_TYPES = frozenset({"Article", "NewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle"})
LISTING_TYPES = frozenset({"CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage", "AboutPage", "WebSite"})

AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                "dcterms.creator", "byl", "cxenseparse:author",
                WRITTEN_BY_META)  # fmt: skip
PUBLISHED_META = ("article:published_time", "og:published_time", "published_time",
                   "datepublished", "pubdate", "publishdate", "publish-date", "date",
                   "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued",
                   "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
                   "article.published", "publication_date", "release_date")  # fmt: skip
MODIFIED_META = ("article:modified_time", "og:updated_time", "modified_time", "datemodified",
                  "dcterms.modified", "last-modified", "lastmod",
                  "article.updated")  # fmt: skip
SECTION_META = ("article:section", "section", "parsely-section", "cxenseparse:section")
TAG_META = ("article:tag", "keywords", "news_keywords", "parsely-tags")


@dataclass(slots=True, frozen=True)
class Heading:
    """A visible ``<h1>``/``<h2>``: its text and the texts of its child elements.

    Templates build a display headline from parts (``<h2><span>Kicker</span><span>Headline
    </span></h2>``); the parts let a meta title match the headline without its kicker.
    """

    tag: str
    text: str
    parts: tuple[str, ...] = ()
    lead: str = ""  # its own text before its children, when they include a byline or date


@dataclass(slots=True)
class PageSignals:
    """Everything the page says about itself, per source, not yet reconciled."""

    jsonld_types: list[str] = field(default_factory=list)
    article_ld: dict[str, Any] | None = None  # the JSON-LD object describing the article
    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name/property
    html_title: str | None = None
    h1: list[str] = field(default_factory=list)
    h1_in_nav: bool = False  # the first <h1> is a breadcrumb's last crumb, not the displayed headline
    headings: list[Heading] = field(default_factory=list)  # h1/h2 outside navigation and links
    canonical: str | None = None
    html_lang: str | None = None
    time_datetimes: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)  # figcaption / caption-like text
    teasers: list[str] = field(default_factory=list)  # headings/paragraphs inside links
    images: list[tuple[str, str | None]] = field(default_factory=list)  # (src, alt)
    lead: str | None = None  # the visible standfirst that repeats the meta description

    def first_meta(self, *names: str) -> str | None:
        """The first non-empty content among the given meta names, in the order given."""
        for name in names:
            for value in self.meta.get(name, ()):
                if value.strip():
                    return value.strip()
        return None

    def all_meta(self, *names: str) -> list[str]:
        """Every non-empty content of the given meta names, in the order given."""
        return [v.strip() for name in names for v in self.meta.get(name, ()) if v.strip()]


def read_signals(tree: lxml_html.HtmlElement) -> PageSignals:
    """Collect the raw metadata of a parsed page."""
    signals = PageSignals()
    _read_meta(tree, signals)
    _read_jsonld(tree, signals)
    _read_visible(tree, signals)
    ld_description = _ld_str_value((signals.article_ld or {}).get("description"))
    descriptions = [*signals.all_meta("og:description", "description", "twitter:description"), ld_description]
    signals.lead = visible_lead(tree, [d for d in descriptions if d])
    return signals


def _text(element: lxml_html.HtmlElement) -> str:
    return " ".join("".join(element.itertext()).split())


def _read_meta(tree: lxml_html.HtmlElement, signals: PageSignals) -> None:
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key and content is not None:
            signals.meta.setdefault(key.strip(), []).append(content)
    _file_written_by(signals)
    titles = tree.xpath("//head/title|//title")
    if titles:
        signals.html_title = _text(titles[0]) or None
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and link.get("href") and not signals.canonical:
            signals.canonical = link.get("href", "").strip()
    root = tree.getroottree().getroot()
    signals.html_lang = (root.get("lang") or root.get("xml:lang") or "").strip() or None


def _file_written_by(signals: PageSignals) -> None:
    """Copy the writer named by Twitter label/data pairs to :data:`WRITTEN_BY_META`.

    ``<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="…">``
    is how WordPress SEO plugins state the author; the label is in the site's language, so it is
    matched against the ``author_label`` phrases rather than a fixed key.
    """
    labels = frozenset(phrases()["author_label"])
    for key, values in list(signals.meta.items()):
        if key.startswith("twitter:label") and values and normalise(values[0]) in labels:
            written = signals.meta.get("twitter:data" + key.removeprefix("twitter:label"), [])
        elif key.startswith("twitter:misc:") and normalise(key.removeprefix("twitter:misc:")) in labels:
            written = values
        else:
            continue
        signals.meta.setdefault(WRITTEN_BY_META, []).extend(written)


def _read_jsonld(tree: lxml_html.HtmlElement, signals: PageSignals) -> None:
    candidates: list[dict[str, Any]] = []
    for script in tree.xpath('//script[contains(@type, "ld+json")]'):
        try:
            data = _scrubbed(json.loads(script.text or "", strict=False))
        except (ValueError, RecursionError):  # not JSON, or nested deeper than Python recurses
            continue
        for node in _walk_ld(data):
            types = _ld_types(node)
            signals.jsonld_types.extend(types)
            if any(t in ARTICLE_TYPES or t.endswith("Article") for t in types):
                candidates.append(node)
    if candidates:
        # The article node with the most fields is the page's own one; teasers are thin.
        signals.article_ld = max(candidates, key=lambda n: ("headline" in n, len(n)))
        # A CMS that fills the image caption with the article's description gives no caption.
        ld_description = signals.article_ld.get("description")
        meta_descriptions = signals.all_meta("og:description", "description")
        described = {" ".join(str(d).split()) for d in (ld_description, *meta_descriptions)}
        signals.captions.extend(c for c in _ld_image_captions(signals.article_ld) if c not in described)


def _ld_image_captions(article: dict[str, Any]) -> list[str]:
    """Captions the publisher states for the article's images (``ImageObject.caption``).

    The same text is often printed under the picture, where trafilatura takes it for body text.
    """
    captions: list[str] = []
    for key in ("image", "associatedMedia"):
        value = article.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                text = item.get("caption")  # not "description": often the article's own
                if isinstance(text, str) and text.strip():
                    captions.append(" ".join(text.split()))
    return captions


def _scrubbed(value: Any, depth: int = 0) -> Any:
    """JSON-LD with control characters and lone surrogates taken out of every string."""
    if isinstance(value, str):
        return strip_control(value)
    if depth > 20:
        return None  # real JSON-LD is a few levels deep; deeper is noise
    if isinstance(value, list):
        return [_scrubbed(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {strip_control(str(k)): _scrubbed(v, depth + 1) for k, v in value.items()}
    return value


def _walk_ld(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    """Flatten JSON-LD: top-level lists, ``@graph`` and ``mainEntity`` nodes."""
    if depth > 4:
        return []
    if isinstance(data, list):
        return [n for item in data for n in _walk_ld(item, depth + 1)]
    if not isinstance(data, dict):
        return []
    nodes = [data]
    for key in ("@graph", "mainEntity", "mainEntityOfPage"):
        if isinstance(data.get(key), list | dict):
            nodes.extend(_walk_ld(data[key], depth + 1))
    return nodes


def _ld_types(node: dict[str, Any]) -> list[str]:
    value = node.get("@type", [])
    values = value if isinstance(value, list) else [value]
    return [v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)]


_BYLINE_XPATH = (
    '//*[@rel="author" or @itemprop="author" or contains(@class, "byline")'
    ' or contains(@class, "author-name") or contains(@class, "article-author")'
    ' or contains(@class, "author__name") or contains(@class, "authors")'
    ' or contains(concat(" ", normalize-space(@class), " "), " author ")]'
)
_CAPTION_XPATH = (
    '//figcaption|//*[contains(@class, "caption") or contains(@class, "Caption")'
    ' or contains(@class, "credit") or contains(@class, "copyright")'
    ' or contains(@class, "bildunterschrift") or contains(@class, "legende")]'
)


def _read_visible(tree: lxml_html.HtmlElement, signals: PageSignals) -> None:
    signals.h1 = [t for t in (_text(h) for h in tree.iter("h1")) if 0 < len(t) < 400]
    first_h1 = next(tree.iter("h1"), None)
    signals.h1_in_nav = first_h1 is not None and _in_navigation(first_h1)
    signals.headings = _headings(tree)
    for time_el in tree.iter("time"):
        value = (time_el.get("datetime") or "").strip()
        if value:
            signals.time_datetimes.append(value)
    signals.bylines.extend(_labelled_writers(tree))
    for element in tree.xpath(_BYLINE_XPATH)[:20]:
        if element.tag in ("script", "style", "meta", "link"):
            continue
        text = _text(element)
        if 0 < len(text) < 200:
            signals.bylines.append(text)
    for element in tree.xpath(_CAPTION_XPATH)[:200]:
        if element.tag in ("script", "style", "body", "html"):
            continue
        text = _text(element)
        if 0 < len(text) < 1000:
            signals.captions.append(text)
    signals.teasers = _teaser_texts(tree, signals.all_meta("og:description", "description"))
    for img in tree.iter("img"):
        src = img.get("src") or img.get("data-src") or ""
        alt = " ".join((img.get("alt") or "").split()) or None
        if src or alt:
            signals.images.append((src, alt))
        if len(signals.images) > 300:
            break


_NAVIGATION_TAGS = frozenset({"nav", "li"})
# Where a heading is a link to another page, a menu entry or a footer/sidebar title.
_NOT_HEADLINE_TAGS = _NAVIGATION_TAGS | {"a", "aside", "footer"}


def _in_navigation(element: lxml_html.HtmlElement) -> bool:
    """Inside a ``<nav>``, a list item or a breadcrumb trail.

    Many CMSs print the SEO title as the last crumb of the breadcrumb, marked up as ``<h1>``,
    and show the article's display headline in a heading of its own.
    """
    return any(a.tag in _NAVIGATION_TAGS or _is_breadcrumb(a) for a in element.iterancestors())


def _is_breadcrumb(element: lxml_html.HtmlElement) -> bool:
    marks = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return "breadcrumb" in marks


# Elements that have no place inside a headline: an ``<h1>`` holding them was left open.
_NON_HEADLINE_CHILDREN = frozenset({"time", "address", "p", "div", "ul", "ol", "table", "figure", "img"})


def _holds_non_headline(heading: lxml_html.HtmlElement) -> bool:
    """The heading took in a date, a paragraph or a byline that follows it in the source."""
    for child in heading.iterdescendants():
        marks = f"{child.get('class') or ''} {child.get('rel') or ''}".lower()
        if child.tag in _NON_HEADLINE_CHILDREN or "byline" in marks or "author" in marks:
            return True
    return False


def _headings(tree: lxml_html.HtmlElement, limit: int = 12) -> list[Heading]:
    """The first ``<h1>``/``<h2>`` headings outside navigation, links, asides and footers."""
    found: list[Heading] = []
    for element in tree.iter("h1", "h2"):
        if any(a.tag in _NOT_HEADLINE_TAGS or _is_breadcrumb(a) for a in element.iterancestors()):
            continue
        text = _text(element)
        if not 0 < len(text) < 400:
            continue
        parts = tuple(p for p in (_text(c) for c in element if isinstance(c.tag, str)) if p)
        lead = " ".join((element.text or "").split()) if _holds_non_headline(element) else ""
        found.append(Heading(tag=str(element.tag), text=text, parts=parts if len(parts) > 1 else (), lead=lead))
        if len(found) >= limit:
            break
    return found


_LABEL_TAGS = ("strong", "b", "dt", "th")


def _labelled_writers(tree: lxml_html.HtmlElement, limit: int = 2) -> list[str]:
    """Names given in a "label: value" field whose label is an ``author_label`` phrase.

    Fact boxes print ``<li><strong>Author</strong> Jane Doe</li>`` or ``<dt>Text</dt><dd>…</dd>``
    without any byline class; the label, in the page's language, is what marks the value.
    """
    labels = frozenset(phrases()["author_label"])
    found: list[str] = []
    for label in tree.iter(*_LABEL_TAGS):
        if normalise(_text(label)) not in labels:
            continue
        value = _labelled_value(label)
        if value and 0 < len(value) < 120:
            found.append(value)
            if len(found) >= limit:
                break
    return found


def _labelled_value(label: lxml_html.HtmlElement) -> str | None:
    """The value beside a label: the next ``<dd>``/``<td>``, or the rest of the label's parent."""
    if label.tag in ("dt", "th"):
        sibling = label.getnext()
        return _text(sibling) if sibling is not None and sibling.tag in ("dd", "td") else None
    parent = label.getparent()
    if parent is None or (parent.text or "").strip() or parent.index(label) != 0:
        return None  # the label must open its field
    rest = _text(parent)[len(_text(label)) :]
    return rest.strip(" :") or None


# A standfirst inside these is a teaser, a menu, a caption or a button, not the article's lead.
_NOT_LEAD_ANCESTORS = frozenset({"a", "nav", "footer", "aside", "figure", "figcaption", "button", "head",
                                 "noscript", "script", "template"})  # fmt: skip


def visible_lead(tree: lxml_html.HtmlElement, descriptions: list[str]) -> str | None:
    """The standfirst: a visible element whose whole text is the page's meta description.

    Publishers print the summary they give search engines and social cards between headline
    and body; it is the first paragraph of the article, yet sits outside the node trafilatura
    takes for the main text. An element whose text is exactly a description (meta, OpenGraph or
    JSON-LD) is that summary shown to the reader; one inside a link, menu, figure or aside is not.
    """
    seen: set[str] = set()
    for description in descriptions:
        wanted = normalise(description)
        words = description.split()
        if len(words) < 8 or wanted in seen:
            continue
        seen.add(wanted)
        for node in tree.xpath("//body//text()[contains(., $p)]", p=" ".join(words[:3]))[:5]:
            lead = _lead_element_text(node, wanted)
            if lead:
                return lead
    return None


def _lead_element_text(node: Any, wanted: str) -> str | None:
    """Climb from a text node to the element whose text is ``wanted``; None if there is none."""
    element = node.getparent()
    if element is not None and node.is_tail:
        element = element.getparent()
    for _ in range(4):
        if element is None:
            return None
        text = _text(element)
        if len(text) > 2 * len(wanted) + 20:
            return None  # far longer than the description: cheap to tell before normalising
        normalised = normalise(text)
        if normalised == wanted:
            blocked = any(a.tag in _NOT_LEAD_ANCESTORS for a in element.iterancestors())
            return None if blocked or element.tag in _NOT_LEAD_ANCESTORS else text
        if len(normalised) > len(wanted):
            return None
        element = element.getparent()
    return None


def _ld_str_value(value: Any) -> str | None:
    """A JSON-LD string value, whitespace collapsed; None for anything else."""
    return " ".join(value.split()) or None if isinstance(value, str) else None


_TEASER_XPATH = "//a[.//p or .//h2 or .//h3 or .//h4 or .//h5 or .//h6]"


def _teaser_texts(tree: lxml_html.HtmlElement, descriptions: list[str], limit: int = 150) -> list[str]:
    """Headings and paragraphs wrapped in a link: teaser cards for other articles.

    Article text never nests a paragraph inside a link, so when trafilatura takes a card's
    paragraph for body text it can be recognised here. A card repeating the page's own
    description links to the article itself and is left out.
    """
    own = {" ".join(d.split()) for d in descriptions}
    texts: list[str] = []
    for link in tree.xpath(_TEASER_XPATH)[:limit]:
        for part in link.iter("p", "h2", "h3", "h4", "h5", "h6"):
            text = _text(part)
            if text and text not in own:
                texts.append(text)
    return texts


@dataclass(slots=True)
class Figure:
    """An image shown in the page with its caption and credit, if any."""

    src: str
    alt: str | None
    caption: str | None
    credit: str | None


_CREDIT_SPLIT = re.compile(
    r"\s*(?:\(|\[)?\b((?:photo|foto|bild|image|picture|credit|crédit|quelle|source|fotos?)"
    r"\s*(?:credit)?\s*:.*|©.*|\(c\).*)$",
    re.IGNORECASE,
)


def split_credit(caption: str) -> tuple[str | None, str | None]:
    """``"Caption text. Photo: Jane Doe / Agency"`` -> (caption, credit)."""
    match = _CREDIT_SPLIT.search(caption)
    if not match:
        return caption or None, None
    text = caption[: match.start()].strip() or None
    return text, match.group(1).strip(" )]") or None


def read_figures(tree: lxml_html.HtmlElement, limit: int = 50) -> list[Figure]:
    """Images shown with a caption: ``<figure>``s, then captioned images in plain wrappers."""
    figures: list[Figure] = []
    for figure in tree.iter("figure"):
        img = next(figure.iter("img"), None)
        caption_el = next(figure.iter("figcaption"), None)
        caption, credit = _caption_and_credit(caption_el)
        src, alt = _src_alt(img)
        if src or caption:
            figures.append(Figure(src=src, alt=alt, caption=caption, credit=credit))
        if len(figures) >= limit:
            return figures
    for img, wrapper in _captioned_wrappers(tree, limit):
        caption, credit = _caption_and_credit(wrapper)
        src, alt = _src_alt(img)
        figures.append(Figure(src=src, alt=alt, caption=caption, credit=credit))
    return figures[:limit]


def _src_alt(img: lxml_html.HtmlElement | None) -> tuple[str, str | None]:
    if img is None:
        return "", None
    src = (img.get("src") or img.get("data-src") or "").strip()
    return src, " ".join((img.get("alt") or "").split()) or None


def _caption_and_credit(element: lxml_html.HtmlElement | None) -> tuple[str | None, str | None]:
    """A caption element's text, with the credit taken from its own element or split off."""
    if element is None:
        return None, None
    caption = _text(element)
    credit_els = element.xpath(
        './/*[contains(@class, "credit") or contains(@class, "copyright")'
        ' or contains(@class, "source") or contains(@class, "author")]'
    )
    credit = _text(credit_els[0]) or None if credit_els else None
    if credit:
        return caption.replace(credit, "").strip() or None, credit
    return split_credit(caption) if caption else (None, None)


_INLINE_PARENTS = frozenset({"a", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "blockquote", "button"})


def _captioned_wrappers(
    tree: lxml_html.HtmlElement, limit: int
) -> list[tuple[lxml_html.HtmlElement, lxml_html.HtmlElement]]:
    """(image, wrapper) pairs: an image outside ``<figure>`` with a caption beside it.

    Many CMSs print ``<div><img><p>Caption</p><p>Image: credit</p></div>`` or ``<p><img><br>
    <em>Caption</em></p>`` instead of a ``<figure>``. The nearest ancestor (up to four levels)
    that has text besides the image is such a wrapper when it holds just this one image, at
    most three paragraphs and a caption's length of text. A paragraph counts only when the image
    opens it: an image inside running text (an emoji, an icon) is part of that text.
    """
    pairs = []
    for img in list(tree.iter("img"))[: 2 * limit]:
        if _is_icon(img) or next(img.iterancestors("figure"), None) is not None:
            continue
        parent = img.getparent()
        for _ in range(4):
            if parent is None or parent.tag in _INLINE_PARENTS or len(parent) > 8:
                break
            if parent.tag == "p" and (parent.text or "").strip():
                break  # text before the image: the image sits in running text
            text = _text(parent)
            if text:
                words = len(text.split())
                if 2 <= words <= 80 and _count(parent, "img") == 1 and _count(parent, "p") <= 3:
                    pairs.append((img, parent))
                break
            parent = parent.getparent()
    return pairs[:limit]


def _is_icon(img: lxml_html.HtmlElement) -> bool:
    """Emoji, icons and tracking pixels: small declared size or an emoji class."""
    sizes = [img.get("width") or "", img.get("height") or ""]
    small = any(v.isdigit() and int(v) < 64 for v in sizes)
    return small or "emoji" in (img.get("class") or "").lower()


def _count(element: lxml_html.HtmlElement, tag: str) -> int:
    return sum(1 for _ in element.iter(tag))
