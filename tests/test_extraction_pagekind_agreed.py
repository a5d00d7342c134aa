"""Rules over the page-kind model where a witness of their own agrees with its second opinion (pagekind._agreed).

The pages are built like the WCXB non-articles the model emitted over its low threshold: a blog's home of dated,
signed teasers (the first teaser's date and author read as the headline's), a shop's category page whose items a
script draws, its template full of cart and price markup, its own words a buying guide's; and a section's front at
its section's address.
"""

from __future__ import annotations

import math

import pytest
from lxml import html as lxml_html

from scraper.extraction import pagekind
from scraper.extraction.article import extract_article
from scraper.extraction.declared import head_features
from scraper.extraction.pagekind import Kind, Verdict, decide, kind_probabilities, page_features
from scraper.extraction.signals import PageSignals
from scraper.extraction.visible import read_signals
from scraper.items import Article, DropReason, Rejection
from tests.helpers import make_page

_POSTS = [
    ("Allocating on the stack", "27 February 2026", "Keith Randall",
     "A description of recent changes to allocate on the stack instead of the heap."),
    ("Using the fix command to modernise code", "17 February 2026", "Alan Donovan",
     "The new release includes a rewritten fix command that helps you use more modern features."),
    ("Version 1.26 is released", "10 February 2026", "Carlos Amedee",
     "The release adds a new garbage collector, lower call overhead and two experimental packages."),
    ("Results from the 2025 developer survey", "21 January 2026", "Todd Kulesza",
     "The survey results, focused on developer sentiment, use cases, challenges and environments."),
    ("Sixteen years old", "14 November 2025", "Austin Clements",
     "Happy birthday to the language and to everyone who builds with it."),
    ("The green tea garbage collector", "29 October 2025", "Michael Knyszek",
     "Version 1.25 includes a new experimental garbage collector for large heaps."),
    ("Flight recorder in 1.25", "26 September 2025", "Carlos Amedee",
     "Version 1.25 introduces a new tool in the diagnostic toolbox, flight recording."),
    ("A new experimental API for JSON", "9 September 2025", "Joe Tsai",
     "Experimental support for two new packages that encode and decode JSON faster."),
    ("Testing time and other asynchronicities", "26 August 2025", "Damien Neil",
     "A discussion of testing asynchronous code and an exploration of a new testing package."),
    ("Generic interfaces", "7 July 2025", "Axel Wagner",
     "How to write interfaces with type parameters, and when not to."),
]  # fmt: skip
_MENU = [("Case studies", "Common problems companies solve"),
         ("Use cases", "Stories about how and why companies use it"),
         ("Security", "How it keeps you secure by default"), ("Specification", "The official language specification"),
         ("Documentation", "A complete introduction to building software"),
         ("Standard library", "Reference documentation for the standard library"),
         ("Release notes", "Learn what is new in each release"),
         ("Effective code", "Tips for writing clear, performant code"),
         ("Talks", "Videos from prior events"), ("Meetups", "Meet other local developers"),
         ("Conferences", "Learn and network with developers from around the world"),
         ("Playground", "Try the language in your browser"), ("Tour", "An interactive introduction"),
         ("Downloads", "Installers for every platform")]  # fmt: skip


def _blog_home(head: str = "") -> str:
    """A project's blog home (WCXB's blog.golang.org): each post a linked title, its date and author, a summary."""
    posts = "".join(
        f'<p class="blogtitle"><a href="/blog/post-{n}">{title}</a>, <span class="date">{date}</span><br>'
        f'<span class="author">{author}<br></span></p><p class="blogsummary">{summary}</p>'
        for n, (title, date, author, summary) in enumerate(_POSTS)
    )
    menu = "".join(f'<li><a href="/m/{n}"><img src="/i/{n}.svg" alt="">{t}</a><p>{d}</p></li>' for n, (t, d) in
                   enumerate(_MENU))  # fmt: skip
    foot = "".join(f'<li><a href="/f/{n}"><img src="/s/{n}.svg" alt="">Link {n}</a></li>' for n in range(24))
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Gopher Blog</title>{head}</head><body>'
        f'<header><a href="/">Gopher</a><ul class="menu">{menu}</ul><div class="search"><input type="search" name="q">'
        '<input type="submit" value="Search"></div><nav><a href="/learn/">Learn</a><a href="/doc/">Docs</a>'
        '<a href="/blog/">Blog</a><a href="/help/">Help</a></nav></header>'
        f'<main><div class="Article"><h1>The Gopher Blog</h1><div id="blogindex">{posts}</div>'
        '<p class="links"><a href="/blog/all">More articles</a></p></div></main>'
        f'<footer><ul class="footer-links">{foot}</ul><p>Copyright 2026. <a href="/privacy">Privacy</a> '
        '<a href="/terms">Terms</a></p></footer></body></html>'
    )


_GUIDE = [
    "We offer dress sneakers that are a step up from the ordinary tennis shoe. Refined leather uppers and cushioned "
    "soles make our styles the most comfortable city shoes you can find, and every pair is built to be resoled.",
    "Our casual sneakers are made for work and for the weekend. From canvas lace-ups to suede slip-ons, each one is "
    "cut on a last that leaves room for your toes and holds your heel, so they feel broken in on the first day.",
    "Wondering how to wear a dress sneaker? Pair a white leather pair with chinos and an oxford shirt, or a dark suede "
    "pair with wool trousers in winter. Brush suede weekly and use a cream on leather once a month.",
    "Not sure of your size? Measure your foot in the evening, when it is at its largest, and compare it with the chart "
    "in the size guide. Returns are free for thirty days on every pair, worn indoors only, in the original box.",
    "Our leather sneakers come in full-grain and nubuck, lined with soft calfskin so they breathe on warm days. The "
    "rubber cupsole is stitched, not glued, so a cobbler can replace it when the tread wears down after years.",
    "Looking for something lighter? Our knit sneakers weigh under three hundred grams a shoe and pack flat in a "
    "suitcase. They wash on a cool cycle, and the recycled yarn in the upper keeps its shape after dozens of washes.",
    "Every pair ships free on orders over fifty dollars, and our fit team answers questions by chat seven days a "
    "week. Sign up for our emails to hear about new colours, restocks and the two seasonal sales before anyone else.",
]
_FACETS = {"Size": [str(s) for s in range(6, 15)], "Width": ["Narrow", "Medium", "Wide", "Extra wide"],
           "Colour": ["Black", "White", "Grey", "Navy", "Brown", "Tan", "Green", "Red"],
           "Material": ["Leather", "Suede", "Canvas", "Knit", "Recycled"],
           "Style": ["Lace-up", "Slip-on", "High-top", "Low-top"],
           "Price": ["Under $50", "$50 to $100", "$100 to $150", "Over $150"]}  # fmt: skip
_SECTIONS = ["New arrivals", "Sneakers", "Boots", "Sandals", "Dress shoes", "Slippers", "Socks", "Care", "Gift cards",
             "Clearance", "Factory seconds", "Kids", "Stores"]  # fmt: skip


def _shop_category(head: str = "") -> str:
    """A shoe shop's category page: filters, a grid of empty product tiles a script fills, a buying guide."""
    facets = "".join(
        f'<form class="facet"><h3>{name}</h3><ul>'
        + "".join(f'<li><label><input type="checkbox" name="{name}" value="{v}"> {v}</label></li>' for v in values)
        + "</ul></form>"
        for name, values in _FACETS.items()
    )
    menu = "".join(f'<li><a href="/browse/{n}">{section}</a></li>' for n, section in enumerate(_SECTIONS))
    tiles = "".join(
        f'<div class="product-tile" data-pid="{n}"><div class="tile-image"></div><div class="product-price">'
        '<span class="price-sales"></span><span class="price-standard"></span></div>'
        '<button class="add-to-cart" disabled>Add to cart</button></div>'
        for n in range(8)
    )
    guide = "".join(f"<p>{paragraph}</p>" for paragraph in _GUIDE)
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Men's Sneakers | Stride Shoes</title>{head}"
        f'</head><body><header><a href="/"><img src="/logo.svg" alt="Stride Shoes"></a><nav><ul>{menu}</ul></nav>'
        '<div class="minicart"><a class="cart-link" href="/cart"><img src="/i/bag.svg" alt="">Cart '
        '<span class="cart-items-count">0</span></a><div class="cart-empty">Your cart is empty</div>'
        '<div class="cart-full"></div><a class="checkout-link" href="/checkout">Checkout</a></div>'
        '<form class="search" action="/search"><input type="search" name="q"><button>Search</button></form></header>'
        '<main><nav class="breadcrumb"><a href="/">Home</a> / <a href="/browse/shoes">Shoes</a> / '
        "<a href='/browse/shoes/mens'>Men</a></nav><h1>Men's Sneakers</h1><p class='promo'>Shop "
        '<a href="/browse/clearance">clearance sneakers</a> | <a href="/browse/seconds">factory second sneakers</a></p>'
        f'<div class="row"><aside class="refinements"><h2>Filter by</h2>{facets}</aside>'
        f'<div class="product-grid">{tiles}</div></div><section class="seo-copy"><h2>Shop sneakers for men</h2>{guide}'
        '</section><div class="addedtocart-container"><p>Added to your basket</p>'
        '<a class="basket-link" href="/cart">View basket</a></div></main>'
        '<footer><p>Questions? Call <a href="tel:+18005550100">1-800-555-0100</a> or '
        '<a href="mailto:help@stride.example">email us</a>. Stride Shoes, 12 Mill Road, Lowell, MA 01852.</p>'
        '<p>© 2026 Stride Shoes. <a href="/returns">Returns</a> <a href="/privacy">Privacy</a></p></footer>'
        "</body></html>"
    )


_SHOP_URL = "https://www.stride.example/browse/shoes/mens/sneakers"


def _features(html: str, url: str) -> dict[str, float]:
    tree = lxml_html.document_fromstring(html)
    return page_features(tree, url, read_signals(tree))


def test_a_blogs_home_of_dated_signed_teasers_is_a_list() -> None:
    """WCXB's blog.golang.org: its first teaser's date and author read as the headline's, P(article) over the
    threshold, the listing's gate not reached, a list likelier. At the site's root the address agrees."""
    features = _features(_blog_home(), "https://blog.gopher.example/")
    probability, _ = kind_probabilities(features)
    shipped = pagekind._model()
    assert shipped.threshold <= probability[Kind.ARTICLE] < probability[Kind.LISTING] < shipped.gates[Kind.LISTING]
    assert decide(features) == Verdict(Kind.LISTING, "home_list")
    result = extract_article(make_page(_blog_home(), "https://blog.gopher.example/"))
    assert isinstance(result, Rejection), result
    assert result.reason is DropReason.NOT_ARTICLE
    assert result.verdict == "listing/home_list"


@pytest.mark.parametrize(
    "url",
    [
        "https://gopher.example/page/48211",  # an old CMS's story address (probe D a04), also a pager's shape
        "https://gopher.example/tag/releases/",  # a tag's address: the model's gates decide there, as before
        "https://blog.gopher.example/?p=12",  # WordPress's permalink of one post, at the root's path
    ],
)
def test_the_same_page_elsewhere_than_a_sites_home_is_left_to_the_model(url: str) -> None:
    assert decide(_features(_blog_home(), url)).kind is Kind.ARTICLE


def test_a_head_that_declares_a_story_leaves_the_models_verdict() -> None:
    """A blog's home that declares its latest post, a shop's blog post (og:type article) in the shop's template."""
    for page, url in ((_blog_home(), "https://blog.gopher.example/"), (_shop_category(), _SHOP_URL)):
        features = _features(page, url)
        probability, _ = kind_probabilities(features)
        assert pagekind._agreed(features, probability) is not None
        for declared in ("ld_article", "published_meta", "og_article"):
            assert pagekind._agreed({**features, declared: 1.0}, probability) is None


def test_a_story_at_a_sites_home_stays_an_article() -> None:
    """A blog whose home page shows its latest post whole (WCXB has one): a story's odds, no list likelier."""
    from tests.test_extraction_pagekind import SHORT_ARTICLE

    result = extract_article(make_page(SHORT_ARTICLE, "https://courier.example/"))
    assert isinstance(result, Article), getattr(result, "detail", "")


def test_a_shops_category_whose_items_a_script_draws_is_no_article() -> None:
    """Four WCXB shop categories: a buying guide's prose over empty product tiles, the template's cart, checkout and
    price markup; the collection's gate not reached, P(article) over the threshold. The shop's kinds together at
    ``SHOP_SHARE`` and the markup agree."""
    features = _features(_shop_category(), _SHOP_URL)
    probability, _ = kind_probabilities(features)
    shipped = pagekind._model()
    assert probability[Kind.COLLECTION] < shipped.gates[Kind.COLLECTION]
    assert probability[Kind.PRODUCT] < shipped.gates[Kind.PRODUCT]
    assert probability[Kind.ARTICLE] >= shipped.threshold
    assert decide(features) == Verdict(Kind.COLLECTION, "shop_markup")
    result = extract_article(make_page(_shop_category(), _SHOP_URL))
    assert isinstance(result, Rejection), result
    assert result.reason is DropReason.NOT_ARTICLE
    few = {**features, "log_price_class": math.log1p(pagekind.SHOP_SLOTS - 1)}  # a story's cart widget
    assert pagekind._agreed(few, probability) is None


@pytest.mark.parametrize(
    ("path", "listing"),
    [("/news", True), ("/blog/", True), ("/en/stories", True), ("/news/council-votes-on-budget", False),
     ("/blog/2026/03/why-we-moved", False), ("/newsroom-guide", False),
     # code review 47: an old CMS's story at its section's address, named by the query
     ("/news?id=4830", False), ("/blog?p=4830", False), ("/news?page=2", True)],
)  # fmt: skip
def test_an_address_that_ends_at_a_sections_name_is_its_front(path: str, listing: bool) -> None:
    """WCXB's consultingpoint.com/news: a section's front; its stories' addresses go on past the section's name."""
    assert head_features(PageSignals(), "https://firm.example" + path)["url_listing"] == float(listing)


_PEST = [
    ("Pest control in Queen Creek", "Desert homes draw scorpions, roaches and ants indoors when the monsoon rains "
     "start, and a single treatment rarely keeps them out for long. Our technicians live in the East Valley and "
     "know which pests come out in which month, so every plan starts with an inspection of your yard, walls and "
     "attic."),
    ("Scorpion control", "Bark scorpions climb stucco and slip under a door through a gap the width of a credit card. "
     "We seal the gaps, treat the block walls and the landscaping where they hide during the day, and come back at "
     "night with black lights to find the nests others miss."),
    ("Termite treatment", "Subterranean termites cause more damage in Arizona than fires and floods together. We drill "
     "and treat the soil around your foundation, install bait stations that work for years, and give you a written "
     "warranty that transfers when you sell the house."),
    ("Why homeowners choose us", "We are a family business, licensed by the state board, and every technician is "
     "trained for at least eight weeks before treating a home alone. Our products are chosen to be safe around "
     "children and pets once dry, and we always explain what we used and where."),
    ("Our service plans", "Most customers choose a quarterly plan: four visits a year, free call-backs between visits, "
     "and a discount on termite work. If pests come back between treatments, so do we, at no charge, usually within "
     "two working days of your call."),
    ("Rodent exclusion", "Roof rats nest in citrus trees and palm skirts and run along block walls into attics. We "
     "trim the routes, seal every vent and pipe gap with steel mesh, set traps in the attic and check them until the "
     "last rat is gone, then clean and sanitise the insulation they soiled."),
    ("Bed bug heat treatment", "Bed bugs hide in mattress seams, outlets and picture frames, and sprays alone miss the "
     "eggs. We heat the whole room to a temperature no stage of the insect survives, hold it for hours, and return "
     "two weeks later to make sure nothing hatched after the treatment."),
]  # fmt: skip
_PESTS = ["Scorpions", "Termites", "Bed bugs", "Rodents", "Ants", "Roaches", "Spiders", "Mosquitoes"]
_AREAS = ["Gilbert", "Mesa", "Chandler", "San Tan Valley", "Queen Creek", "Tempe"]
_BUSINESS = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "LocalBusiness", '
    '"name": "Termio Pest", "telephone": "+14805550100"}</script>'
)
_PEST_URL = "https://www.termio.example/pest-control-queen-creek"


def _pest_control(head: str = "") -> str:
    """A pest controller's page for one town (WCXB's termiopest.com): its services' cards, a section each in a
    page builder's nested blocks, the areas it serves; the head declares the business and says "website"."""
    sections = "".join(
        f'<section class="block"><div class="col"><div class="widget"><h2>{heading}</h2></div>'
        f'<div class="widget"><p>{text}</p></div></div></section>'
        for heading, text in _PEST
    )
    cards = "".join(
        f'<li class="card"><a href="/services/{n}"><h3>{pest}</h3></a><p>Fast, guaranteed {pest.lower()} treatment.</p>'
        "</li>"
        for n, pest in enumerate(_PESTS)
    )
    areas = "".join(f'<li><a href="/areas/{n}">{area}</a></li>' for n, area in enumerate(_AREAS))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pest Control Queen Creek AZ | Termio Pest'
        f'</title><meta property="og:type" content="website">{head}</head><body><header><a href="/">Termio Pest</a>'
        '<nav><a href="/services">Services</a><a href="/areas">Areas</a><a href="/about">About</a>'
        '<a href="/contact">Contact</a></nav><a class="phone" href="tel:+14805550100">(480) 555-0100</a></header>'
        f'<main><h1>Queen Creek Pest Control Services</h1><ul class="services">{cards}</ul>{sections}'
        '<p>Call <a href="tel:+14805550100">(480) 555-0100</a> or <a href="mailto:office@termio.example">email us</a>.'
        f'</p><section class="block"><h2>Areas we serve</h2><ul>{areas}</ul></section></main>'
        "<footer><p>Termio Pest, 21805 S Ellsworth Rd, Queen Creek, AZ 85142. © 2026</p></footer></body></html>"
    )


def test_a_page_that_declares_a_business_and_is_built_like_its_service_page_is_no_article() -> None:
    """Four WCXB service pages (a mover's, a pest controller's, a course's): the head declares a business or an FAQ
    (``ld_service``) and no story, the model finds a service likelier than an article but short of its gate."""
    features = _features(_pest_control(_BUSINESS), _PEST_URL)
    probability, _ = kind_probabilities(features)
    shipped = pagekind._model()
    assert shipped.threshold <= probability[Kind.ARTICLE] < probability[Kind.SERVICE] < shipped.gates[Kind.SERVICE]
    assert decide(features) == Verdict(Kind.SERVICE, "declared_service")
    result = extract_article(make_page(_pest_control(_BUSINESS), _PEST_URL))
    assert isinstance(result, Rejection), result
    assert result.reason is DropReason.NOT_ARTICLE
    # the same page declaring nothing: the model's verdict stands (the declaration is the rule's witness)
    assert decide(_features(_pest_control(), _PEST_URL)).kind is Kind.ARTICLE
    dated = '<meta property="article:published_time" content="2026-01-02T10:00:00Z">'  # a business's dated post
    assert decide(_features(_pest_control(_BUSINESS + dated), _PEST_URL)).kind is Kind.ARTICLE


def test_a_story_whose_site_declares_a_business_stays_an_article() -> None:
    """A local paper, or a business's blog, that declares itself a ``LocalBusiness`` on every page (WCXB: five articles
    declare a business or an FAQ and no story, 0.3 to 0.9 likelier stories than services; twelve more declare their
    article beside the business)."""
    from tests.test_extraction_pagekind import SHORT_ARTICLE

    page = SHORT_ARTICLE.replace("</head>", _BUSINESS + "</head>")
    result = extract_article(make_page(page, "https://courier.example/news/footbridge"))
    assert isinstance(result, Article), getattr(result, "detail", "")


_REPLIES = (
    "Mine has lasted twelve years and the enamel is still fine, just never heat it empty on high.",
    "Bar Keepers Friend takes the grey marks off the inside, it looks new after a soak.",
    "I bought the cheaper one from the supermarket and it chipped within a year, so I would say spend more.",
    "Honestly the lifetime warranty is worth it, they replaced mine without asking many questions.",
    "Low and slow is the answer for almost everything in these pans, you rarely need more than medium.",
    "Do not use metal utensils on it, the scratches are where the staining starts in the first place.",
)


def _thread(head: str = "", story: str = "") -> str:
    """A link aggregator's comments page: a question, then its readers' replies, each signed, dated and scored."""
    replies = "".join(
        f'<div class="comment"><div class="meta"><a class="author" href="/user/cook{n}/">cook{n}</a> '
        f'<span class="score">{n * 7 + 2} points</span> <time datetime="2026-03-0{1 + n % 8}T10:00:00Z">{1 + n % 9}h '
        f'ago</time></div><div class="md"><p>{_REPLIES[n % 6]}</p></div><ul class="buttons"><li><a href="#">Reply'
        '</a></li><li><a href="#">Share</a></li><li><a href="#">Report</a></li></ul></div>'
        for n in range(24)
    )
    return (
        f"<html><head><title>Is an enamelled pan worth the price? : r/Cooking</title>{head}</head><body>"
        '<header><a href="/">home</a> <a href="/r/Cooking/">r/Cooking</a> <a href="/login">Log in</a></header>'
        '<div class="content"><h1>Is an enamelled pan worth the price?</h1><div class="tagline">submitted 9 hours '
        f'ago by <a class="author" href="/user/newcook/">newcook</a></div>{story}<div class="usertext"><p>I keep '
        "seeing these pans recommended everywhere but the good ones cost a fortune. Are they really better than a "
        "normal pan, and how do you keep the inside from staining?</p></div>"
        f'<div class="commentarea">{replies}</div></div><footer><a href="/help">help</a></footer></body></html>'
    )


_THREAD_URL = "https://old.example.com/r/Cooking/comments/1rl0nt4/is_an_enamelled_pan_worth_the_price/"


def test_a_manual_the_model_finds_likelier_than_a_story_is_one_with_a_witness_of_its_own() -> None:
    """WCXB's book on a static host (0498, 0499): documentation 0.42 against an article's 0.26, code in its text. A
    bare story as likely a manual to the model has no code (see the test below); a declared story stays one."""
    probability = dict.fromkeys(pagekind.KINDS, 0.02)
    probability.update({Kind.ARTICLE: 0.26, Kind.DOCUMENTATION: 0.42, Kind.SERVICE: 0.18})
    code = {"log_pre_code": math.log1p(10)}
    assert pagekind._agreed(code, probability) == (Kind.DOCUMENTATION, "likelier_than_story")
    assert pagekind._agreed({}, probability) is None
    assert pagekind._agreed({**code, "og_article": 1.0}, probability) is None
    thread = {**probability, Kind.DOCUMENTATION: 0.02, Kind.FORUM: 0.42}
    assert pagekind._agreed({"log_posts": math.log1p(24), "url_forum": 1.0}, thread) is None  # see below


def test_a_story_with_its_readers_comments_stays_an_article() -> None:
    """Readers' replies under a story: a thread likelier than the story to the model is no reason to drop it (review
    47: a short story with many comments at ``/article/48211``)."""
    story = "".join(
        f"<p>Enamelled cast iron has been made in the same foundries for a century, and the test kitchen tried {n} of "
        "the best-selling pans over six months of braises, breads and stews before judging them.</p>"
        for n in range(3, 11)
    )
    result = extract_article(make_page(_thread("", story), url="https://news.example/article/48211"))
    assert isinstance(result, Article)


def test_a_bare_story_the_model_finds_as_likely_a_manual_stays_an_article() -> None:
    """Six paragraphs under a headline, no date, byline or head: the model's documentation is likelier than its
    article (0.35 against 0.23), but no manual's witness (code, a docs address) is there."""
    story = "It's the council's final offer, and the harbour plan is going ahead after a long debate."
    paragraphs = "".join(f"<p>{story} Paragraph {n} adds more.</p>" for n in range(6))
    page = f"<html><head><title>Harbour plan</title></head><body><article><h1>Harbour plan</h1>{paragraphs}</article>"
    result = extract_article(make_page(page + "</body></html>", url="https://example.org/news/harbour-plan"))
    assert isinstance(result, Article), result
