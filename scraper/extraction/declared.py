"""What a page declares about its kind (JSON-LD types, OpenGraph, meta) and its address's shape, as features.

The cheap half of the page-kind features (:func:`scraper.extraction.structure.measure` adds the
layout): read from the head signals and the URL alone, no walk over the body. A page without a
web address gets no URL features at all, which the model reads as neutral: no URL, but also one
without a host (a saved file's ``file://`` path, or the text "None" a manifest's null URL became),
whose path is the disk's or nobody's and says nothing of how the site files its pages.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, parse_qsl, urlsplit

from scraper.extraction.signals import ARTICLE_TYPES, PageSignals

_PRODUCT_TYPES = frozenset({"Product", "Offer", "AggregateOffer", "ProductGroup", "IndividualProduct"})
_FORUM_TYPES = frozenset({"DiscussionForumPosting", "QAPage", "Question", "Answer", "Comment", "SocialMediaPosting"})
_LISTING_TYPES = frozenset({"CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage"})
_SERVICE_TYPES = frozenset(
    {"Service", "JobPosting", "LocalBusiness", "ProfessionalService", "ContactPage", "AboutPage", "FAQPage"}
)
_TECH_TYPES = frozenset({"TechArticle", "APIReference", "SoftwareSourceCode"})

_URL_DATE = re.compile(r"/(?:19|20)\d{2}/\d{1,2}/|/(?:19|20)\d{2}-\d{2}-\d{2}")
# A date archive's own address ends at its date ("/2026/11/", "/2026/11/05/", "/2026/11/page/2/"): a story's
# carries its slug after the date (session 43's probe: a WordPress month archive read as a dated story).
_DATE_ARCHIVE = re.compile(r"/(?:19|20)\d{2}/\d{1,2}/(?:\d{1,2}/)?(?:page/\d+/?)?$")
_URL_SLUG = re.compile(r"/[^/?#]*[a-z0-9]+(?:-[a-z0-9]+){3,}[^/?#]*(?:\.html?)?/?$", re.IGNORECASE)
# A section's front is the address that ends at the section's name ("/news", "/blog/"): its stories' go on past it.
_URL_LISTING = re.compile(
    r"/(?:tag|tags|topic|topics|author|authors|category|categories|section|sections|archive|archives|page|"
    r"search)(?:/|$)|/page/\d+/?$",
    re.IGNORECASE,
)
# ... unless its query names one item: an old CMS serves its stories at ``/news?id=4830``, WordPress at ``/blog?p=412``.
_SECTION_FRONT = re.compile(r"/(?:news|blogs?|articles|stories)/?$", re.IGNORECASE)
_URL_DOCS = re.compile(
    r"/(?:docs?|documentation|reference|api|manual|guides?|book|wiki|kb|help|support)(?:/|$|\.)", re.I
)
# A topic is a forum's thread when an id follows ("/topic/225132-…", "/topic/18427/"); "/topic/cloud" is
# a listing's tag, "/topic/history-of-coffee" an encyclopedia's entry.
_URL_FORUM = re.compile(
    r"/(?:forums?|threads?|t|discussions?|community|questions|showthread)(?:/|$|\.)|/topics?/\d|/viewtopic\.", re.I
)
_URL_PRODUCT = re.compile(r"/(?:products?|shop|store|item|p|dp)(?:/|$)", re.IGNORECASE)
_URL_SERVICE = re.compile(r"/(?:services?|solutions?|pricing|contact|about|programs?|departments?)(?:/|$|-|\.)", re.I)


def split_url(url: str) -> SplitResult:
    """``urlsplit``, but an unreadable URL (a bad IPv6 host, say) is an empty one: it costs a feature only."""
    try:
        return urlsplit(url)
    except ValueError:
        return urlsplit("")


# Query keys that name one page rather than a view of many: WordPress's default permalinks
# (``/?p=4830``, ``/?page_id=12``, ``/?attachment_id=7``) and the ids of older CMSs (``?id=``,
# ``?articleid=``, ``?story_id=``) with a number, ``?story=`` / ``?article=`` with a number or a
# slug. A list, not every key ending in "id": ``?sid=``, ``?cid=``, ``?catid=``, ``?Itemid=``
# (Joomla's menu) and ``?lang_id=`` name a session, a category or a menu, and a home page
# canonical carrying one is still the home page.
_ID_KEYS = frozenset(
    {"p", "page_id", "attachment_id", "id", "articleid", "article_id", "postid", "post_id", "storyid", "story_id",
     "newsid", "news_id", "nid"}
)  # fmt: skip
_NAMED_KEYS = frozenset({"post", "story", "article", "news", "item"})
_SLUG_VALUE = re.compile(r"[\w-]*[\d-][\w-]*")


def names_one_item(query: str) -> bool:
    """Whether a URL's query picks out one item (``?p=4830``), not a page of a listing."""
    for key, value in parse_qsl(query.replace(";", "&")):
        key, value = key.strip().lower(), value.strip()
        if key in _ID_KEYS and value.isdigit():
            return True
        if key in _NAMED_KEYS and _SLUG_VALUE.fullmatch(value):
            return True
    return False


def is_site_root(parts: SplitResult) -> bool:
    """Whether the address is a site's home page: path ``/`` and no query naming one item.

    ``/?p=4830`` is the same path as the home page, but it is WordPress's permalink of one post
    (the default for sites that never set "pretty" permalinks): reading it as the root made every
    such article a listing.
    """
    return (parts.path or "/") == "/" and not names_one_item(parts.query)


def head_features(signals: PageSignals, url: str) -> dict[str, float]:
    """What the page declares (JSON-LD, OpenGraph, meta) and its URL's shape, as 0/1 features."""
    types = set(signals.jsonld_types)
    og_type = (signals.first_meta("og:type") or "").strip().lower()
    parts = split_url(url)
    path = parts.path or "/"
    article_types = {t for t in types if t in ARTICLE_TYPES or t.endswith("Article")} - _TECH_TYPES
    published = signals.first_meta("article:published_time", "og:published_time", "datepublished", "date") or (
        signals.article_ld or {}
    ).get("datePublished")
    flags = {
        "ld_article": bool(article_types),
        "ld_article_headline": bool(signals.article_ld and signals.article_ld.get("headline")),
        "ld_product": bool(types & _PRODUCT_TYPES),
        "ld_forum": bool(types & _FORUM_TYPES),
        "ld_listing": bool(types & _LISTING_TYPES),
        "ld_service": bool(types & _SERVICE_TYPES),
        "ld_tech": bool(types & _TECH_TYPES),
        "og_article": og_type == "article",
        "og_product": "product" in og_type,
        "og_website": og_type == "website",
        "published_meta": bool(published),
        "author_meta": bool(signals.first_meta("author", "article:author")),
        "url_date": bool(_URL_DATE.search(path)) and not _DATE_ARCHIVE.search(path),
        "url_slug": bool(_URL_SLUG.search(path)),
        "url_listing": is_site_root(parts)
        or bool(_URL_LISTING.search(path))
        or (bool(_SECTION_FRONT.search(path)) and not names_one_item(parts.query)),
        "url_docs": bool(_URL_DOCS.search(path)),
        "url_forum": bool(_URL_FORUM.search(path)),
        "url_product": bool(_URL_PRODUCT.search(path)),
        "url_service": bool(_URL_SERVICE.search(path)),
    }
    features = {name: float(value) for name, value in flags.items()}
    features["url_depth"] = float(min(5, len([s for s in path.split("/") if s])))
    if not parts.netloc:
        # No web address (none, or a file's path): its shape is unknown, not a site's root. The
        # model reads a missing feature as neutral (see pagekind.article_probability), as training
        # does for a corpus page given without a URL.
        return {name: value for name, value in features.items() if not name.startswith("url_")}
    return features
