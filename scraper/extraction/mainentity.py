"""A page that declares one thing other than an article, heads itself with that thing's name and names no writer:
that thing's page.

JSON-LD says what a page describes; the headline says what a reader sees first. A job advert, a shop's
product, a business's service: when the page's structured data names such an item and its headline is that
very name, the page is the item's, however much prose sits under it (a job advert's "About the role", a
contractor's "Why choose us"). The two sources together decide, never the markup alone, and only where the
page names no writer (byline markup, an author link or meta, "Written by"): a review headed by the product's
name ("Aurelo Pods 3") has one, and a page that also declares an article or a review is left to the model.

Not every type is evidence. A local business's types (``Restaurant``, ``Hotel``, ``LocalBusiness``) also
describe a whole site, whose old theme prints its name in every page's ``<h1>``, and a restaurant review is
headed by the restaurant's name; an FAQ block's ``Question`` repeats a story's headline; a ``Course`` names
a lesson's page as often as a catalogue's (a WCXB lesson was dropped). An app's or a book's page is headed by
its name as a product's is, where the page declares an offer for it (a story about an app or a book
review is headed by the item's name too, and declares no offer; an ``Event`` heads a recap as often as a ticket
page, and is left out). Adding these types changed no page of either corpus (session 43). Over both shared
corpora the rule takes two pages the model emits (service pages declaring ``Service`` and ``Product``) and
no article.
"""

from __future__ import annotations

import re

from scraper.extraction.pagekind import Kind, Verdict
from scraper.extraction.signals import ARTICLE_TYPES, AUTHOR_META, PUBLISHED_META, PageSignals
from scraper.text import normalise

# The declared types whose page is that item's, by the kind of page it is.
_KINDS: dict[str, Kind] = {
    **dict.fromkeys(("Product", "ProductGroup", "IndividualProduct", "ProductModel"), Kind.PRODUCT),
    **dict.fromkeys(("JobPosting", "Service"), Kind.SERVICE),
}
# Items a story is headed by as often as a shop's page (an app's launch, a book's review, review 43): their page
# only where it sells them, an ``Offer`` declared beside them (an app store's, a book shop's page), and the page
# states no publication time (a story about a free app declares its offer too).
_SOLD = dict.fromkeys(("SoftwareApplication", "MobileApplication", "WebApplication", "VideoGame", "Book"), Kind.PRODUCT)


def declared_item(signals: PageSignals) -> Verdict | None:
    """The kind of the item the page declares and is headed by; None for any other page (and any article).

    The headline is the page's first ``<h1>`` (not a breadcrumb's), compared as :func:`normalise` reads text,
    and must be the item's whole name, or a job's and a bracketed note (:data:`_BRACKETED_TAIL`): a job's title
    that opens a story's headline ("Reporter wins state press award", beside a jobs widget) is the story's
    subject (second review). Read once the byline by the headline is (``signals.header_byline``), as a
    plain-text "By Jane Doe" names a writer too.
    """
    if signals.article_ld is not None or not signals.h1 or signals.h1_in_nav or _names_a_writer(signals):
        return None
    if any(t in ARTICLE_TYPES or t.endswith("Article") or t == "Review" for t in signals.jsonld_types):
        return None  # a review names the product it tests, and may be headed by that name alone
    headline, noted = normalise(signals.h1[0]), normalise(_BRACKETED_TAIL.sub("", signals.h1[0]))
    sold = signals.ld_offers and not signals.all_meta(*PUBLISHED_META)  # a story dates itself: "FloodWatch" launch
    kinds = {**_KINDS, **_SOLD} if sold else _KINDS
    for kind_name, name in signals.ld_named:
        if (kind := kinds.get(kind_name)) is None or not (declared := normalise(name)):
            continue
        if declared == headline or (kind_name == "JobPosting" and declared == noted):
            return Verdict(kind, "ld_headline")
    return None


# A bracketed note after a job's title, which the advert's headline adds and its data leaves out: the hours or the
# genders ("Verslaggever regio Zwolle (32-36 uur)", "Redakteur (m/w/d)"). Not after a product's name: a recall
# story is headed "Kinderbett Luna (Rückruf)" over the product's JSON-LD (review).
_BRACKETED_TAIL = re.compile(r"\s*[(\[][^()\[\]]{1,40}[)\]]\s*$")


def _names_a_writer(signals: PageSignals) -> bool:
    """Byline markup or text by the headline, a writer's link, a "Written by" credit, an author meta or the page's
    JSON-LD author: a story's, not a shop's (a "deal of the day" post headed by the product's name, review)."""
    page = signals.page_ld or {}
    return bool(
        signals.bylines or signals.header_byline or signals.author_links or signals.written_by
        or signals.all_meta(*AUTHOR_META) or page.get("author") or page.get("creator")
    )  # fmt: skip
