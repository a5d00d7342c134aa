"""What a page says about itself for machines: ``<meta>``, JSON-LD, ``<link>``, ``<title>``.

Pages describe themselves several times over: JSON-LD (``NewsArticle`` and kin, possibly in
an ``@graph``), OpenGraph and ``article:*`` meta, Dublin Core and other ``<meta>`` names. This
module reads them into a :class:`PageSignals` (raw, per source); what a reader sees is added by
``visible.py``, and ``title.py``/``people.py``/``fields.py`` decide which value wins. These are
the cheap signals (no walk over the body), so the spider can read them to decide
follow-or-extract. Nothing here raises on bad markup: a source that cannot be read is absent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.decoding import decode_body, parse_html, strip_control
from scraper.text import normalise, phrases

if TYPE_CHECKING:
    from scraper.extraction.signoff import Signoff

# Where ``twitter:labelN``/``twitter:dataN`` pairs (and ``twitter:misc:<label>``) that name the
# writer are filed; SEO plugins of many CMSs emit them with a per-language "Written by" label.
WRITTEN_BY_META = "twitter:written-by"


# schema.org types whose instances are articles (plus anything ending in "Article").
ARTICLE_TYPES = frozenset({"Article", "NewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle"})


# A critic's review: the page's piece when it declares no article (its ``name`` is the headline).
REVIEW_TYPES = frozenset({"Review", "CriticReview"})


# The page as a whole, whose dates stand in when no article node states one (SEO plugins describe a
# post as a ``WebPage`` with ``datePublished`` when the site's template says it is no article).
PAGE_TYPES = frozenset({"WebPage", "ItemPage"})


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


TAG_META = ("article:tag", "keywords", "news_keywords", "parsely-tags",
            "tags", "shareaholic:keywords", "citation_keywords", "dcterms.subject")  # fmt: skip


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
    ld_named: list[tuple[str, str]] = field(default_factory=list)  # (first type, name) of each named JSON-LD node
    ld_offers: bool = False  # a JSON-LD node declares ``offers``: something on the page is sold (mainentity.py)
    article_ld: dict[str, Any] | None = None  # the JSON-LD object describing the article
    page_ld: dict[str, Any] | None = None  # the JSON-LD ``WebPage`` node, for its dates when the article states none
    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name/property
    html_title: str | None = None
    h1: list[str] = field(default_factory=list)
    h1_in_nav: bool = False  # the first <h1> is a breadcrumb's last crumb, not the displayed headline
    headings: list[Heading] = field(default_factory=list)  # h1/h2 outside navigation and links
    h3: list[str] = field(default_factory=list)  # the first <h3> texts outside them: a blog's post title (title.py)
    canonical: str | None = None
    html_lang: str | None = None
    time_datetimes: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    header_byline: str | None = None  # a byline printed under the headline without byline markup (article.py)
    author_links: list[str] = field(default_factory=list)  # names linked to their writer's page (authorlinks.py)
    written_by: list[str] = field(default_factory=list)  # "Written by …" credits anywhere (writtenby.py)
    signoffs: list[Signoff] = field(default_factory=list)  # closing lines that read as a signature (signoff.py)
    signoff: Signoff | None = None  # the one of them that closes trafilatura's story (assemble.py)
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


def read_head_signals(tree: lxml_html.HtmlElement) -> PageSignals:
    """The page's machine-readable self-description: meta, ``<title>``, links and JSON-LD."""
    signals = PageSignals()
    _read_meta(tree, signals)
    _read_jsonld(tree, signals)
    return signals


def head_signals_of(body: bytes, encoding: str | None = None) -> PageSignals | None:
    """:func:`read_head_signals` of a page's raw bytes; None when they decode or parse to no page.

    For code that holds bytes rather than a tree (a saved file, a WARC record, the Python API):
    decoded and parsed the way extraction does it.
    """
    text = decode_body(body, encoding)
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        return read_head_signals(parse_html(text))
    except (etree.ParserError, ValueError):
        return None


def microdata_name(author: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The one ``itemprop=name`` of a microdata author, not one of a thing nested in it (its ``worksFor``);
    None when it names several people ("… and …": the author element's text says both)."""
    names = []
    for name in author.iterfind(".//*[@itemprop='name']"):
        node = name.getparent()
        while node is not None and node is not author and node.get("itemscope") is None:
            node = node.getparent()
        if node is author:
            names.append(name)
    return names[0] if len(names) == 1 else None


def element_text(element: lxml_html.HtmlElement) -> str:
    """An element's text, whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())


def _read_meta(tree: lxml_html.HtmlElement, signals: PageSignals) -> None:
    for element in tree.iter("meta", "link"):  # one walk for both
        if element.tag == "meta":
            key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
            content = element.get("content")
            if key and content is not None:
                signals.meta.setdefault(key.strip(), []).append(content)
        elif "canonical" in (element.get("rel") or "").lower().split() and element.get("href"):
            signals.canonical = signals.canonical or element.get("href", "").strip()
    _file_written_by(signals)
    root = tree.getroottree().getroot()
    # The document's first <title> (as XPath's ``//title`` finds it: after a second <html> too), read
    # from the top rather than by a search of the whole tree.
    tops = (*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings())
    title = next((found for top in tops for found in top.iter("title")), None)
    if title is not None:
        signals.html_title = element_text(title) or None
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


# ``//script[contains(@type, "ld+json")]`` (see basicclean.NAMES), compiled once.
_LD_SCRIPTS = etree.XPath('/descendant::script[contains(@type, "ld+json")]')


def _read_jsonld(tree: lxml_html.HtmlElement, signals: PageSignals) -> None:
    candidates: list[dict[str, Any]] = []
    reviews: list[dict[str, Any]] = []
    named: dict[str, dict[str, Any]] = {}  # nodes by their @id, for references to them
    for script in _LD_SCRIPTS(tree):
        try:
            data = _scrubbed(json.loads(script.text or "", strict=False))
        except (ValueError, RecursionError):  # not JSON, or nested deeper than Python recurses
            continue
        for node in _walk_ld(data):
            if isinstance(node_id := node.get("@id"), str) and len(node) > 1:
                named.setdefault(node_id, node)
            types = _ld_types(node)
            signals.jsonld_types.extend(types)
            if types and isinstance(name := node.get("name") or node.get("title"), str):
                signals.ld_named.append((types[0], name))  # what the page says it is about (mainentity.py)
            signals.ld_offers = signals.ld_offers or "offers" in node
            if any(t in ARTICLE_TYPES or t.endswith("Article") for t in types):
                candidates.append(node)
            elif any(t in REVIEW_TYPES for t in types) and node.get("itemReviewed"):
                reviews.append(node)  # a critic's review of a film, a book, a product: the page's own piece
            elif any(t in PAGE_TYPES for t in types) and "datePublished" not in (signals.page_ld or {}):
                signals.page_ld = node  # the first, or the first that states a date
    # A review page declares a Review (with what it reviews) and no article: it stands for the article. A
    # shop's customer reviews sit inside its Product, which names the item: no "itemReviewed" of their own.
    # Only one: a "best of" page declares a Review per product, each by its own critic (review).
    candidates = candidates or (reviews if len(reviews) == 1 else [])
    if candidates:
        # The article node with the most fields is the page's own one; teasers are thin.
        signals.article_ld = _with_people(max(candidates, key=lambda n: ("headline" in n, len(n))), named)
        # A CMS that fills the image caption with the article's description gives no caption.
        ld_description = signals.article_ld.get("description")
        meta_descriptions = signals.all_meta("og:description", "description")
        described = {" ".join(str(d).split()) for d in (ld_description, *meta_descriptions)}
        signals.captions.extend(c for c in _ld_image_captions(signals.article_ld) if c not in described)


def _with_people(article: dict[str, Any], named: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The article node with its ``author``, ``creator`` and ``publisher`` references replaced by the nodes they name.

    Yoast and other generators write ``"author": {"@id": ".../#/schema/person/5380"}`` and put the
    ``Person`` with its name elsewhere in the ``@graph``: the reference alone names no one.
    """
    resolved = dict(article)
    for key in ("author", "creator", "publisher"):
        value = article.get(key)
        if isinstance(value, list):
            if any(_reference(item) in named for item in value):
                resolved[key] = [named.get(_reference(item) or "", item) for item in value]
        elif (reference := _reference(value)) in named:
            resolved[key] = named[reference or ""]
    return resolved


def _reference(item: Any) -> str | None:
    """The @id of a bare reference (a node with an @id and no name), else None."""
    if isinstance(item, dict) and "name" not in item and isinstance(ref := item.get("@id"), str):
        return ref
    return None


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


def ld_text(value: Any) -> str | None:
    """A JSON-LD string value, whitespace collapsed; None for anything else."""
    return " ".join(value.split()) or None if isinstance(value, str) else None


def ld_str(value: Any) -> str | None:
    """A JSON-LD value as text: the first string, a node's ``name``/``@value``, a number; else None."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str | dict)), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, str | int | float) and str(value).strip():
        return " ".join(str(value).split())
    return None
