"""A service's page whose only story claim is ``og:type`` "article" (pagekind._agreed, ``service_blurbs``).

CMSs print ``og:type`` "article" on every page, a firm's service pages too: ten WCXB services (a consultancy's
practice page, a tutoring offer, an SEO tool's landing page) were emitted over the low threshold, the model finding
each likelier a service than a story. Their words sit in blurbs under headings, each in a box of its own, so no run
of prose holds a quarter of the page (``main_share`` 0.03 to 0.18); the two WCXB articles so placed hold 0.29 and 0.72.
"""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from scraper.extraction import pagekind
from scraper.extraction.article import extract_article
from scraper.extraction.pagekind import Kind, Verdict, decide, kind_probabilities, page_features
from scraper.extraction.visible import read_signals
from scraper.items import Article, DropReason, Rejection
from tests.helpers import make_page

_OFFERS = [
    ("Security assessments", "We test your networks, applications and people the way an attacker would, and tell "
     "you what to fix first."),
    ("Managed detection", "Our analysts watch your systems around the clock and answer an alert within fifteen "
     "minutes, every day of the year."),
    ("Incident response", "When something goes wrong, our responders are on site or online within hours to contain "
     "it and restore service."),
    ("Cloud security", "We review how your cloud accounts are set up and harden them against the mistakes that lead "
     "to most breaches."),
    ("Compliance readiness", "Our consultants prepare you for audits against the standards your customers and "
     "regulators ask for."),
    ("Security training", "We run short, practical sessions that teach your staff to spot phishing and report it "
     "before harm is done."),
    ("Identity and access", "We design sign-in, roles and reviews so that each person reaches what their work needs "
     "and nothing more."),
    ("Virtual security officer", "Our seasoned leaders set your security strategy and report to your board, part "
     "time, at a fraction of the cost."),
]  # fmt: skip
_PLAN = (
    "Each engagement starts with a short call about your goals, your systems and the people who run them, and ends "
    "with a plain written plan that your own team can follow, with costs and dates for every step we recommend."
)
_URL = "https://northgate.example/cybersecurity-consulting/"
_OG_ARTICLE = '<meta property="og:type" content="article">'


def _page(main: str, head: str = _OG_ARTICLE) -> str:
    nav = "".join(f'<li><a href="/services/{n}">{title}</a></li>' for n, (title, _) in enumerate(_OFFERS))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cybersecurity Consulting | Northgate</title>'
        f'{head}<meta property="og:title" content="Cybersecurity Consulting"></head><body><header><a href="/">'
        f'<img src="/logo.svg" alt="Northgate"></a><nav><ul>{nav}</ul></nav><a class="button" href="/contact">Contact '
        f"us</a></header><main>{main}</main><footer><p>Northgate Security, 200 Harbor Street, Boston, MA 02110. Call "
        '(617) 555-0142.</p><p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p></footer></body></html>'
    )


def _service_page(head: str = _OG_ARTICLE) -> str:
    """A consultancy's practice page: a hero, an intro, eight offers in boxes of their own, a call to action."""
    boxes = "".join(
        f'<section class="service-card"><div class="inner"><h3>{title}</h3><p>{blurb}</p><p>{_PLAN}</p><p>{_PLAN}</p>'
        f'<a class="button" href="/services/{n}">Learn more</a></div></section>'
        for n, (title, blurb) in enumerate(_OFFERS)
    )
    return _page(
        '<div class="hero"><h1>Cybersecurity consulting</h1><p>Protect what matters with a partner who knows your '
        'industry.</p><a class="button" href="/contact">Talk to an expert</a></div><div class="intro"><p>Attackers do '
        "not wait for a budget cycle. Northgate has helped hospitals, banks, schools and manufacturers across New "
        "England find their weak points and close them for twenty years, with consultants who have run security "
        f'teams themselves.</p></div><div class="grid">{boxes}</div><section class="cta"><h2>Ready to get started?'
        "</h2><p>Tell us about your organisation and we will call you back within one business day.</p></section>",
        head,
    )


def _features(html: str) -> dict[str, float]:
    tree = lxml_html.document_fromstring(html)
    return page_features(tree, _URL, read_signals(tree))


def test_a_service_page_of_blurbs_that_says_og_article_is_a_service() -> None:
    features = _features(_service_page())
    probability, _ = kind_probabilities(features)
    assert features["og_article"] == 1.0
    assert 0.0 < features["main_share"] < 0.25
    assert pagekind._model().threshold <= probability[Kind.ARTICLE] < probability[Kind.SERVICE]
    assert decide(features) == Verdict(Kind.SERVICE, "service_blurbs")
    result = extract_article(make_page(_service_page(), _URL))
    assert isinstance(result, Rejection), result
    assert result.reason is DropReason.NOT_ARTICLE
    assert result.verdict == "service/service_blurbs"


@pytest.mark.parametrize("declared", ["ld_article", "published_meta"])
def test_a_head_that_declares_a_story_leaves_the_models_verdict(declared: str) -> None:
    features = _features(_service_page())
    probability, _ = kind_probabilities(features)
    assert pagekind._agreed({**features, declared: 1.0}, probability) is None


@pytest.mark.parametrize("share", [0.0, 0.25, 0.29, 0.72])
def test_a_run_of_prose_or_none_measured_is_no_witness(share: float) -> None:
    """A run holding a quarter of the page or more is a story's (the price guide at 0.29); a share of 0 is a page
    whose walk found no paragraph at all (a list-built page), not one of blurbs."""
    features = _features(_service_page())
    probability, _ = kind_probabilities(features)
    assert pagekind._agreed({**features, "main_share": share}, probability) is None


def test_the_rule_needs_the_model_to_find_a_service_likelier_than_a_story() -> None:
    features = _features(_service_page())
    probability, _ = kind_probabilities(features)
    assert pagekind._agreed(features, {**probability, Kind.ARTICLE: probability[Kind.SERVICE] + 0.01}) is None
    docs_likeliest = {**probability, Kind.DOCUMENTATION: probability[Kind.SERVICE] + 0.01}
    assert pagekind._agreed(features, docs_likeliest) is None


def test_a_story_in_the_same_template_stays_an_article() -> None:
    """The firm's blog post: og:type article, one run of prose under its headline."""
    story = "".join(f"<p>{blurb} {_PLAN}</p>" for _, blurb in _OFFERS)
    html = _page(f"<article><h1>What we learned from a year of incident response</h1>{story}</article>")
    result = extract_article(make_page(html, "https://northgate.example/blog/a-year-of-incident-response/"))
    assert isinstance(result, Article), getattr(result, "detail", "")
