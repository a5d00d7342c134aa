"""A page headed by the name of the one item its JSON-LD declares (not an article) is that item's page."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

from scraper.extraction.article import extract_article
from scraper.extraction.mainentity import declared_item
from scraper.extraction.pagekind import Kind, Verdict
from scraper.extraction.visible import read_signals
from scraper.items import Article
from tests.helpers import make_page

_PROSE = (
    "<p>Our crews have fitted and repaired flat roofs on warehouses, offices and shops across the county since "
    "1996, and every job starts with a survey of the deck, the drainage and the flashing around each opening.</p>"
    "<p>We explain what we found in plain words, with photographs, and give a fixed price before any work begins; "
    "most repairs are finished within a week of the survey, weather permitting, and we clear the site each day.</p>"
)


def _page(h1: str, *nodes: dict[str, object], nav_h1: bool = False) -> str:
    ld = "".join(f'<script type="application/ld+json">{json.dumps(node)}</script>' for node in nodes)
    crumb = "<nav><h1>Home</h1></nav>" if nav_h1 else ""
    return (
        f'<html lang="en"><head><title>{h1} | Brightline</title>{ld}</head><body>{crumb}'
        f"<main><h1>{h1}</h1>{_PROSE * 2}</main></body></html>"
    )


def _item(html: str) -> Verdict | None:
    return declared_item(read_signals(lxml_html.document_fromstring(html)))


@pytest.mark.parametrize(
    ("h1", "node", "kind"),
    [
        ("Commercial Roofing", {"@type": "Service", "name": "Commercial Roofing"}, Kind.SERVICE),
        ("Trail Kettle", {"@type": "Product", "name": "Trail Kettle", "offers": {"price": "39"}}, Kind.PRODUCT),
        ("Junior Reporter", {"@type": "JobPosting", "title": "Junior Reporter"}, Kind.SERVICE),
        # unseen-page probe: the headline adds a bracketed note the data leaves out (hours, "m/w/d", a year)
        ("Verslaggever regio Zwolle (32-36 uur)", {"@type": "JobPosting", "title": "Verslaggever regio Zwolle"},
         Kind.SERVICE),
        ("Redakteur Lokales [m/w/d]", {"@type": "JobPosting", "title": "Redakteur Lokales"}, Kind.SERVICE),
        # session 43's probe pages: an app's store page, a book's shop page, an event's page
        ("Tidewatch", {"@type": "MobileApplication", "name": "Tidewatch", "offers": {"@type": "Offer", "price": "0"}},
         Kind.PRODUCT),
        ("Ledgerly", {"@type": "SoftwareApplication", "name": "Ledgerly", "offers": {"@type": "Offer"}}, Kind.PRODUCT),
        ("Sista sommaren", {"@type": "Book", "name": "Sista sommaren", "offers": {"@type": "Offer", "price": "229"}},
         Kind.PRODUCT),
    ],
)  # fmt: skip
def test_a_page_headed_by_its_declared_items_name_is_that_items(h1: str, node: dict[str, object], kind: Kind) -> None:
    assert _item(_page(h1, {"@context": "https://schema.org", **node})) == Verdict(kind, "ld_headline")


@pytest.mark.parametrize(
    ("h1", "nodes"),
    [
        # a review is headed by more than the product's name, or declares the review
        ("Trail Kettle 1.2 L review: light, loud and quick", ({"@type": "Product", "name": "Trail Kettle 1.2 L"},)),
        ("Trail Kettle", ({"@type": "Review", "itemReviewed": {"@type": "Product", "name": "Trail Kettle"}},)),
        # a story that declares itself an article, whatever else it names
        ("Brightline Roofing", ({"@type": "NewsArticle", "headline": "Brightline Roofing"},
                                {"@type": "LocalBusiness", "name": "Brightline Roofing"})),
        # second review: a job's title that opens a story's headline (a jobs widget beside it) is its subject
        ("Reporter wins state press award", ({"@type": "JobPosting", "title": "Reporter"},)),
        ("Reporter wins state press award (video)", ({"@type": "JobPosting", "title": "Reporter"},)),
        # review: a recall story headed by the product's name and a note; only a job's title takes one
        ("Kinderbett Luna (Rückruf)", ({"@type": "Product", "name": "Kinderbett Luna"},)),
        # a course, an organisation, a web site: no kind of page here (a blog's header names its site)
        ("Writing for the web", ({"@type": "Course", "name": "Writing for the web"},)),
        ("Brightline Roofing", ({"@type": "Organization", "name": "Brightline Roofing"},)),
        # review: a site that declares itself a local business and prints its name in an <h1>, a restaurant's
        # review headed by its name, an FAQ block asking the story's headline
        ("Valley Gazette", ({"@type": "LocalBusiness", "name": "Valley Gazette"},)),
        ("Osteria Lupa", ({"@type": "Restaurant", "name": "Osteria Lupa"},)),
        ("What happens in a shutdown?", ({"@type": "FAQPage", "mainEntity": [{"@type": "Question",
                                         "name": "What happens in a shutdown?"}]},)),
        # review of session 43: a story headed by an app's, a book's or an event's name, no offer declared
        ("Pebble Notes", ({"@type": "MobileApplication", "name": "Pebble Notes"},)),
        ("The Salt Orchard", ({"@type": "Book", "name": "The Salt Orchard", "author": "Mara Quill"},)),
        ("Winter Lantern Festival", ({"@type": "Event", "name": "Winter Lantern Festival",
                                      "offers": {"@type": "Offer"}},)),
        # the breadcrumb's h1 is not the headline
        ("Home", ({"@type": "Product", "name": "Home"},)),
    ],
)  # fmt: skip
def test_other_pages_are_left_to_the_model(h1: str, nodes: tuple[dict[str, object], ...]) -> None:
    assert _item(_page(h1, *nodes, nav_h1=h1 == "Home")) is None


def test_a_page_that_names_its_writer_is_left_to_the_model() -> None:
    """Review: a gadget review headed by the product's exact name, its JSON-LD a ``Product`` without a ``Review``;
    its byline says a story."""
    product = {"@type": "Product", "name": "Trail Kettle"}
    assert _item(_page("Trail Kettle", product)) == Verdict(Kind.PRODUCT, "ld_headline")
    signed = _page("Trail Kettle", product).replace(
        "<main><h1>Trail Kettle</h1>",
        '<main><h1>Trail Kettle</h1><p class="byline">By <a rel="author" href="/a/jo">Jo Lee</a></p>',
    )
    assert _item(signed) is None
    meta = _page("Trail Kettle", product).replace("<title>", '<meta name="author" content="Jo Lee"><title>')
    assert _item(meta) is None
    page_author = {"@type": "WebPage", "name": "Deal", "author": {"@type": "Person", "name": "Jo Lee"}}
    assert _item(_page("Trail Kettle", page_author, product)) is None  # second review: the WebPage's author
    signals = read_signals(lxml_html.document_fromstring(_page("Trail Kettle", product)))
    signals.header_byline = "By Jane Doe, Deals Editor"  # printed as plain text under the headline
    assert declared_item(signals) is None


def test_a_story_that_declares_itself_and_the_firm_it_is_about_stays_an_article() -> None:
    """End to end at an address that says nothing: a news story headed by a firm's name, whose JSON-LD declares the
    story and the firm's service, is an article (the job advert of ``tests/fixtures/unseen/40_job_posting`` is
    the rule's case end to end: ``test_unseen_failing.test_job_posting_is_not_an_article``)."""
    url = "https://brightline.example/node/42"
    node = {"@context": "https://schema.org", "@type": "Service", "name": "Brightline Roofing"}
    story = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Brightline Roofing",
             "datePublished": "2026-11-20"}  # fmt: skip
    assert _item(_page("Brightline Roofing", story, node)) is None
    kept = extract_article(make_page(_page("Brightline Roofing", story, node), url))
    assert isinstance(kept, Article), getattr(kept, "detail", "")


def test_a_story_about_a_free_app_that_dates_itself_is_no_app_page() -> None:
    """Review of session 43: a launch story headed by the app's name declares the app and its free offer, and its
    publication time; an app store's page states none."""
    node = {"@context": "https://schema.org", "@type": "WebApplication", "name": "FloodWatch",
            "offers": {"@type": "Offer", "price": "0"}}  # fmt: skip
    html = _page("FloodWatch", node)
    assert _item(html) == Verdict(Kind.PRODUCT, "ld_headline")
    dated = html.replace("</head>", '<meta property="article:published_time" content="2026-12-03T13:00:00Z"></head>')
    assert _item(dated) is None
