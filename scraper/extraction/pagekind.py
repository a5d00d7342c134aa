"""Is this page an article? Decided twice: cheaply from the head, then from the page's structure.

The spider reads only what a page declares (JSON-LD, ``og:type``, ``article:*`` meta) and its URL
(:func:`classify`) to choose follow-or-extract: a page that declares itself a listing is only
followed, anything else goes on to extraction with that head verdict on the ``Page``. The extraction
stage, which parses the whole tree anyway, decides from structure (:func:`decide`): the features of
:mod:`scraper.extraction.structure` (one dominant prose run vs repeated cards, link share, headline
links, dates and bylines, posts, prices, code, paragraphs that address the reader) weighed by a
small multinomial logistic regression shipped as ``pagekind_model.json`` and trained by
``tests/benchmarks/train_pagekind.py`` (figures on held-out sites are in the JSON): an article needs
P(article) at the threshold and no other kind at its gate (a page the model is sure is a manual
is not emitted because its P(article) is 0.3; the forum's gate only where the address or markup names a
forum and the head declares no article: a story with its readers' comments under it is built like a
thread). Declared types are features like any other, never the whole verdict, and the amount of text is
not a reason to drop a page that is built like an article. Each verdict names the feature that weighed
most for it, which becomes a stats key (``news/pagekind/<verdict>/<signal>``) and the rejection's
detail, so both kinds of error can be traced to their cause.

The model stays linear because nothing measured beat it on sites it did not see (session 46; nested 5-fold CV by
site, ten fold assignments; 114 non-articles of 704 emitted, 102 to 127 by assignment): boosted stumps emitted 227,
stumps boosted on its scores no fewer, and 50 more layout features (calls to action, contact links and forms in the
content, sections and their prose, heading anchors, inline code, sidebar depth, runs of dated or signed posts,
markup density) moved the count by less than the spread between fold assignments. What holds the threshold is a
handful of WCXB "articles" laid out as a service or a list page (a portfolio, a home page, a help desk's landing
page): out of fold, 70 non-articles would cost some 30 of its 793 articles.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path

from lxml import html as lxml_html

from scraper.extraction.declared import names_one_item, split_url
from scraper.extraction.linkitems import card_features
from scraper.extraction.signals import ARTICLE_TYPES, LISTING_TYPES, PageSignals
from scraper.extraction.structure import measure
from scraper.text import word_counter

MODEL_PATH = Path(__file__).with_name("pagekind_model.json")  # where the training script writes it


class Kind(StrEnum):
    """What a page is, as far as the crawl cares."""

    ARTICLE = "article"
    LISTING = "listing"  # a list of articles: home, section, tag, author, archive pages
    COLLECTION = "collection"  # a list of other things: a shop category, a directory
    PRODUCT = "product"
    SERVICE = "service"  # what a business or office offers; no story
    FORUM = "forum"  # a thread of posts by several people
    DOCUMENTATION = "documentation"
    UNKNOWN = "unknown"  # head signals only, and they say nothing either way: structure decides
    ERROR_PAGE = "error_page"  # "Page not found" served with status 200 (a soft 404): see errorpage.py
    SITE_PAGE = "site_page"  # the site's privacy policy, terms, legal notice, contact page: see sitepage.py


# The model's kinds, in the order of its weights; the first is the article.
KINDS = (Kind.ARTICLE, Kind.LISTING, Kind.COLLECTION, Kind.PRODUCT, Kind.SERVICE, Kind.FORUM, Kind.DOCUMENTATION)


@dataclass(slots=True, frozen=True)
class Verdict:
    """A page kind and the signal that decided it."""

    kind: Kind
    signal: str
    # Of an article verdict: the other kind the model finds likelier, over the article threshold all the same
    # (the recall margin); a page of little text is that kind (assemble.py, ``SHORT_PAGE_WORDS``).
    rival: Kind | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return f"{self.kind}/{self.signal}"

    @classmethod
    def parse(cls, text: str) -> Verdict | None:
        """The verdict written by ``str()`` (as the spider puts it on a ``Page``), or None."""
        kind, _, signal = text.partition("/")
        try:
            return cls(Kind(kind), signal) if signal else None
        except ValueError:
            return None


# The root of an XML document that is a feed or a sitemap, after any prolog, comments or doctype.
_XML_ROOT = re.compile(
    r"^\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*"  # prolog, comments, doctype
    r"<(?:[\w-]+:)?(rss|feed|rdf|urlset|sitemapindex)\b",
    re.IGNORECASE | re.DOTALL,
)
_XML_KINDS = {"rss": "feed", "feed": "feed", "rdf": "feed", "urlset": "sitemap", "sitemapindex": "sitemap"}


def xml_document(text: str) -> str | None:
    """``feed`` or ``sitemap`` when the text is one (served as a page), else None.

    Served as ``text/html`` or linked like a page, an RSS feed would otherwise parse as HTML and
    come out as an "article" made of the channel name and every item run together.
    """
    match = _XML_ROOT.match(text[:4096])
    return _XML_KINDS[match.group(1).lower()] if match else None


# Path segments of pages that list articles rather than being one.
_LISTING_PATH = re.compile(
    r"/(?:tag|tags|topic|topics|thema|themen|author|authors|autor|autoren|category|categories|"
    r"kategorie|section|sections|rubrik|ressort|archive|archiv|page|seite|search|suche|feed)"
    r"(?:/|$)|/(?:page|seite)/\d+/?$|[?&](?:page|paged|p)=\d+",
    re.IGNORECASE,
)
# A site's front controller: its query says which page it serves.
_FRONT_FILES = frozenset({"index.php", "index.html", "index.htm", "default.aspx"})
# Article URLs usually carry a date, a long slug or a numeric id.
_ARTICLE_PATH = re.compile(
    r"/(?:19|20)\d{2}/\d{1,2}/|/(?:19|20)\d{2}-\d{2}-\d{2}|"
    r"/[^/?#]*[a-z0-9]+(?:-[a-z0-9]+){3,}[^/?#]*(?:\.html?)?/?$|[-_/.]\d{6,}(?:\.html?)?/?$",
    re.IGNORECASE,
)


def classify(signals: PageSignals, url: str) -> Verdict:
    """The page kind from markup and URL alone (no text extraction)."""
    types = set(signals.jsonld_types)
    article_types = {t for t in types if t in ARTICLE_TYPES or t.endswith("Article")}
    og_type = (signals.first_meta("og:type") or "").strip().lower()
    if signals.article_ld is not None and signals.article_ld.get("headline"):
        return Verdict(Kind.ARTICLE, "jsonld")
    if og_type == "article":
        return Verdict(Kind.ARTICLE, "og_type")
    if signals.first_meta("article:published_time"):
        return Verdict(Kind.ARTICLE, "published_time")
    if article_types:
        return Verdict(Kind.ARTICLE, "jsonld")
    if types & LISTING_TYPES and "WebSite" not in types - LISTING_TYPES and types & (LISTING_TYPES - {"WebSite"}):
        return Verdict(Kind.LISTING, "jsonld")
    parts = split_url(url)
    if not parts.netloc:  # no web address (none, or a file's path): nothing to say from it
        return Verdict(Kind.UNKNOWN, "no_signal")
    path = parts.path or "/"
    # WordPress's /?p=4830 (also /blog/?p=4830, /index.php?p=4830): one post, neither home nor pager.
    front = path.endswith("/") or path.rsplit("/", 1)[-1].lower() in _FRONT_FILES
    post_by_query = front and names_one_item(parts.query)
    address = path if post_by_query or not parts.query else f"{path}?{parts.query}"
    if (path == "/" and not post_by_query) or _LISTING_PATH.search(address):
        return Verdict(Kind.LISTING, "url")
    if og_type == "profile":
        return Verdict(Kind.LISTING, "og_type")
    if og_type in ("website", "object"):
        return Verdict(Kind.UNKNOWN, "og_website")  # many CMSs say website for everything
    if _ARTICLE_PATH.search(path):
        return Verdict(Kind.UNKNOWN, "url_article_shape")
    return Verdict(Kind.UNKNOWN, "no_signal")


@dataclass(slots=True, frozen=True)
class _Model:
    """The shipped weights (see ``tests/benchmarks/train_pagekind.py``)."""

    features: tuple[str, ...]
    center: tuple[float, ...]
    scale: tuple[float, ...]
    weights: dict[Kind, tuple[float, ...]]
    bias: dict[Kind, float]
    threshold: float
    # The log of each kind's weight in the training loss: weighing a kind k times raises its score
    # by about log(k), a cost and not evidence, so it is taken off when naming the likeliest kind.
    offset: dict[Kind, float]
    # Per kind, the probability at which the page is that kind even with P(article) over the
    # threshold: a page the model is sure is a manual or a shop's product is not emitted because
    # its P(article) is 0.2. Chosen in training (see ``train_pagekind.pick_gates``); a kind
    # without one is never gated.
    gates: dict[Kind, float]


@cache
def _model() -> _Model:
    # Read as package data, so that it is found inside a zipped egg (Scrapyd) as well.
    data = json.loads(resources.files("scraper.extraction").joinpath(MODEL_PATH.name).read_text(encoding="utf-8"))
    return _Model(
        features=tuple(data["features"]),
        center=tuple(data["center"]),
        scale=tuple(data["scale"]),
        weights={Kind(k): tuple(w) for k, w in data["weights"].items()},
        bias={Kind(k): float(b) for k, b in data["bias"].items()},
        threshold=float(data["article_threshold"]),
        offset={Kind(k): float(v) for k, v in data.get("kind_offset", {}).items()},
        gates={Kind(k): float(v) for k, v in data.get("kind_gates", {}).items()},
    )


def page_features(tree: lxml_html.HtmlElement, url: str, signals: PageSignals) -> dict[str, float]:
    """Every feature the model weighs: the layout of :mod:`structure`, and the runs of :mod:`linkitems`.

    The card run's share is of all the page's words, linked or not: :func:`measure` gives the
    unlinked words and the linked share, which make the whole (a page all links has its cards
    for a whole).
    """
    features = measure(tree, url, signals)
    features.update(card_features(tree, url, _all_words(features), word_counter(signals.html_lang, signals.html_title)))
    return features


def _all_words(features: dict[str, float]) -> float:
    """The page's words, linked or not, from :func:`measure`'s unlinked words and linked share."""
    linked = features.get("link_share", 0.0)
    return math.expm1(features.get("log_words", 0.0)) / (1.0 - linked) if linked < 1.0 else 0.0


def article_probability(features: dict[str, float]) -> tuple[float, dict[Kind, list[float]]]:
    """P(article) under the model, and each kind's per-feature contributions (for explaining)."""
    probability, parts = kind_probabilities(features)
    return probability[Kind.ARTICLE], parts


def kind_probabilities(features: dict[str, float]) -> tuple[dict[Kind, float], dict[Kind, list[float]]]:
    """Each kind's probability under the model, and its per-feature contributions (for explaining)."""
    model = _model()
    # A feature the page could not give (no URL, say) sits at the training mean: it weighs nothing.
    z = [(features.get(name, c) - c) / s for name, c, s in zip(model.features, model.center, model.scale, strict=True)]
    parts = {kind: [w * v for w, v in zip(model.weights[kind], z, strict=True)] for kind in KINDS}
    scores = {kind: model.bias[kind] + sum(parts[kind]) for kind in KINDS}
    top = max(scores.values())
    total = sum(math.exp(score - top) for score in scores.values())
    return {kind: math.exp(score - top) / total for kind, score in scores.items()}, parts


def decide(features: dict[str, float]) -> Verdict:
    """Article or which other kind, from the page's structure, with the feature that weighed most.

    The page is an article when the model gives it at least the shipped threshold (chosen in
    training to keep article recall at 0.99 on held-out sites) and no other kind reaches its gate
    (``_Model.gates``); otherwise it is the gated kind, or else the likeliest other kind (less
    the cost weight training gave it, see ``_Model.offset``). The signal is the feature that
    pushed hardest from the runner-up to the verdict. Rules stand over the model where a witness of
    their own agrees with its second opinion: a page whose words sit mostly in a run of alike teaser
    cards is a list when the model finds a list likelier than an article, gate or not (signal
    ``teaser_run``); a site's home page or a page marked up to sell, over the threshold, see
    :func:`_agreed`.
    """
    probability, parts = kind_probabilities(features)
    model = _model()
    others = {kind: sum(parts[kind]) + model.bias[kind] - model.offset.get(kind, 0.0) for kind in KINDS[1:]}
    rival = max(others, key=lambda kind: others[kind])
    gated = [kind for kind, gate in model.gates.items() if probability[kind] >= gate and gate_applies(kind, features)]
    if gated:
        rival = max(gated, key=lambda kind: probability[kind] - model.gates[kind])
    elif _teaser_run(features) and (listed := _likelier_list(probability)) is not None:
        return Verdict(listed, "teaser_run")  # a rule over the model: its signal is the rule's name
    elif probability[Kind.ARTICLE] >= model.threshold and (other := _agreed(features, probability)) is not None:
        return Verdict(*other)  # as above
    if probability[Kind.ARTICLE] >= model.threshold and not gated:
        winner, loser = Kind.ARTICLE, rival
    else:
        winner, loser = rival, Kind.ARTICLE
    margins = [a - b for a, b in zip(parts[winner], parts[loser], strict=True)]
    best = max(range(len(margins)), key=margins.__getitem__)
    likeliest = max(KINDS[1:], key=probability.__getitem__)
    likelier = likeliest if winner is Kind.ARTICLE and probability[likeliest] > probability[Kind.ARTICLE] else None
    return Verdict(winner, _signal_name(model.features[best]), likelier)


# Both card measures of :mod:`structure` and :mod:`linkitems` at least this: most of the page's words
# sit in a run of alike teaser cards (a linked headline over a teaser each). No article of either
# corpus reaches it (the highest, a story with a related-stories rail, is at 0.44); ten lists do.
TEASER_RUN_SHARE = 0.5
# ... and the page's longest run of prose is no longer than this many of its teasers: a list has no
# text of its own above an item's. Nine of the ten lists' runs are 0 to 1.4 teasers long (one 1.6); a
# short story over a rail of big teasers, 2.8; the stories of both corpora with a rail (share 0.3+),
# 2.4 to 30.
TEASER_RUN_PROSE = 1.5
# A page whose head declares an article (JSON-LD, ``article:published_time``) is left to the model: a
# 60-word brief over a rail of eight "More news" cards has a teaser's length of prose. Not ``og:type``
# alone: CMSs print "article" on every page, their section fronts too (no record of either corpus moves).
_DECLARED_ARTICLE = ("ld_article", "published_meta")


# The forum's gate applies only to a page whose address or markup names a forum (``/threads/``, ``/forum/``,
# ``/t/123``, ``DiscussionForumPosting``) and whose head does not declare an article (JSON-LD,
# ``article:published_time``). A story with its readers' comments under it (a WordPress comment list:
# avatars, times, Reply links), or a live blog of signed, dated entries, is built like a thread: at a
# story's address, or declared, the threshold alone decides there, as before the gates.
_GATE_NEEDS = {Kind.FORUM: ("url_forum", "ld_forum")}
_GATE_SPARED = {Kind.FORUM: _DECLARED_ARTICLE}


def gate_applies(kind: Kind, features: dict[str, float]) -> bool:
    """Whether the kind's gate may reject this page (see ``_GATE_NEEDS`` and ``_GATE_SPARED``)."""
    needs = _GATE_NEEDS.get(kind)
    if needs and not any(features.get(name, 0.0) >= 1.0 for name in needs):
        return False
    return not any(features.get(name, 0.0) > 0 for name in _GATE_SPARED.get(kind, ()))


def _teaser_run(features: dict[str, float]) -> bool:
    """The page's text is mostly a run of alike teaser cards, no prose of its own outgrows them, and its head
    does not declare an article."""
    card_share = min(features.get("card_share", 0.0), features.get("alike_card_share", 0.0))
    if card_share < TEASER_RUN_SHARE or any(features.get(name, 0.0) > 0 for name in _DECLARED_ARTICLE):
        return False
    teaser = features["card_share"] * _all_words(features) / max(1.0, math.expm1(features.get("log_cards", 0.0)))
    return math.expm1(features.get("log_main_run", 0.0)) <= TEASER_RUN_PROSE * teaser


def _likelier_list(probability: dict[Kind, float]) -> Kind | None:
    """The list kind (listing or collection), when together they are likelier than an article.

    Beside a teaser run this is a section front whose P(article) a headline's date and byline
    hold over the threshold (each teaser shares the page's ``<main>`` with the headline) but
    whose listing gate its cards fall short of: the cards carry no pictures, say.
    """
    listing, collection = probability[Kind.LISTING], probability[Kind.COLLECTION]
    if listing + collection <= probability[Kind.ARTICLE]:
        return None
    return Kind.LISTING if listing >= collection else Kind.COLLECTION


# Class names of a shop's markup (``price``, ``cart``, ``basket``, ``checkout``: structure.py's ``log_price_class``) on
# at least this many elements: the page sits in a shop's template (a mini cart, an added-to-cart box, price slots).
# Four of the five shop categories WCXB emits have 5 to 29, their items drawn by script and their own words a buying
# guide's; a story's page may carry a cart widget's two or three, and a shop's blog post declares itself (og:type).
SHOP_SLOTS = 5
# ... and the model gives the shop's kinds (collection and product) together at least this. Those four pages are at
# 0.32 to 0.40 (each kind under its gate); the articles of both corpora with as many slots and no article declared,
# 0.23 at most (an essay on a site that sells prints, a cart in its header).
SHOP_SHARE = 0.3
# What a head says of a story: the rules below stand over the model only where the head declares none (JSON-LD,
# ``article:published_time``). ``og:type`` "article" alone, which CMSs print on every page, leaves only the rule of
# :data:`SERVICE_PROSE`: a shop's blog post in the shop's template, an electrician's price guide that declares the
# business (two WCXB articles), say "article" there and nowhere else.
# A manual the model finds likelier than a story, its head declaring none, is one where a witness of its own is
# there: its code, a docs address or a declared technical article (a book's or a tool's manual on a static host: two
# WCXB pages, no article of either corpus). Not without one: a bare story of six paragraphs with no date, byline or
# head is as likely a manual's page to the model. Not a thread: a short story with many readers' comments is likelier
# one (review 47), however signed and dated its posts. Not a service or a list: stories laid out as a service's or a
# list's page are likelier those (twelve WCXB articles against nine pages).
_LIKELIER_THAN_STORY = {Kind.DOCUMENTATION: ("log_pre_code", "url_docs", "ld_tech")}
# A page whose only story claim is ``og:type`` "article", likelier a service than a story to the model, is a service's
# when its longest run of prose (``main_share``) holds less than this share of its words: blurbs under headings, each
# in a box of its own. Ten WCXB services at 0.03 to 0.18; the two WCXB articles so placed, 0.29 (a price guide) and
# 0.72. A share of 0 is no run found at all (no ``<p>``), not blurbs. Out of fold (ten site splits) 7 to 10 services
# and 0 to 1 article (a "best projectors" roundup of sections).
SERVICE_PROSE = 0.25


def _agreed(features: dict[str, float], probability: dict[Kind, float]) -> tuple[Kind, str] | None:
    """Another kind where the model's second opinion and a witness of its own agree on it, over the threshold.

    The threshold is low (recall), so a page the model finds likelier a list than a story is emitted when the
    list's gate is not reached: a blog's home of dated, signed teasers (the first teaser's date and author read as
    the headline's). Where the address is the site's home (``url_listing`` at depth 0) the two agree: a list
    (signal ``home_list``; a blog whose home shows its latest post whole has a story's odds). Not any listing's
    address: an old CMS files its stories at ``/page/48211`` as a pager files its pages at ``/page/2``. Likewise a
    page marked up to sell (:data:`SHOP_SLOTS`) that the model finds a shop's page at :data:`SHOP_SHARE`: a shop's
    category whose items a script draws, its own words a buying guide's (``shop_markup``). And a page whose head
    declares a business, its service, a job, an FAQ or a contact page (``ld_service``) that the model finds likelier
    a service page than a story: a mover's or a pest controller's local page (``declared_service``; the WCXB articles
    that declare a business, as its blog's posts do, are 0.3 to 0.9 likelier stories, those pages 0.2 to 0.45
    likelier services). A manual the model finds likelier than a story is one (``likelier_than_story``:
    see :data:`_LIKELIER_THAN_STORY`). A head that declares a story leaves the model's verdict: a blog's home that
    declares its latest post, a review with a shop's widgets, a business's post declared an article beside the
    business.
    Where the head's only story claim is ``og:type`` (CMSs print it on every page), only a service page of blurbs
    (``service_blurbs``, see :data:`SERVICE_PROSE`).
    """
    likeliest = max(KINDS[1:], key=probability.__getitem__)
    over = probability[likeliest] > probability[Kind.ARTICLE]
    if any(features.get(name, 0.0) > 0 for name in _DECLARED_ARTICLE):
        return None
    if features.get("og_article", 0.0) > 0:
        blurbs = 0.0 < features.get("main_share", 0.0) < SERVICE_PROSE
        return (Kind.SERVICE, "service_blurbs") if likeliest is Kind.SERVICE and over and blurbs else None
    home = features.get("url_listing", 0.0) >= 1.0 and features.get("url_depth", 0.0) == 0
    if home and (listed := _likelier_list(probability)) is not None:
        return listed, "home_list"
    if features.get("ld_service", 0.0) >= 1.0 and likeliest is Kind.SERVICE and over:
        return Kind.SERVICE, "declared_service"
    witnesses = _LIKELIER_THAN_STORY.get(likeliest, ())
    if over and any(features.get(w, 0.0) > 0 for w in witnesses):
        return likeliest, "likelier_than_story"
    shop = probability[Kind.COLLECTION] + probability[Kind.PRODUCT]
    if features.get("log_price_class", 0.0) >= math.log1p(SHOP_SLOTS) and shop >= SHOP_SHARE:
        return max((Kind.COLLECTION, Kind.PRODUCT), key=probability.__getitem__), "shop_markup"
    return None


def _signal_name(feature: str) -> str:
    """``log_cards`` -> ``cards``: the stats key names the evidence, not its scaling."""
    return feature.removeprefix("log_")
