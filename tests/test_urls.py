"""URL canonicalisation: one spelling per page before any request is made."""

from __future__ import annotations

import pytest

from scraper.urls import UrlCanonicalizer, registered_domain, same_site


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("HTTP://News.Example.COM:80/a.html#comments", "http://news.example.com/a.html"),
        ("https://news.example:443", "https://news.example/"),
        ("https://news.example/a?utm_source=x&utm_medium=rss&id=7", "https://news.example/a?id=7"),
        ("https://news.example/a?fbclid=abc&gclid=def", "https://news.example/a"),
        ("https://news.example/a;jsessionid=0AF3?page=2", "https://news.example/a?page=2"),
        ("https://news.example/s?sort=new&page=1", "https://news.example/s?page=1&sort=new"),
        ("https://news.example/s?page=1&sort=new&sessionid=42", "https://news.example/s?page=1&sort=new"),
        ("http://127.0.0.1:8080/x/", "http://127.0.0.1:8080/x/"),
        ("mailto:someone@news.example", "mailto:someone@news.example"),
    ],
)
def test_canonical_spelling(raw: str, canonical: str) -> None:
    assert UrlCanonicalizer()(raw) == canonical


def test_parameters_are_configurable_with_prefixes() -> None:
    canonicalize = UrlCanonicalizer.from_names(["ref", "trk_*"])
    assert canonicalize("https://n.example/a?ref=home&trk_x=1&utm_source=kept") == "https://n.example/a?utm_source=kept"


def test_trailing_slash_is_left_to_the_canonical_link() -> None:
    canonicalize = UrlCanonicalizer()
    assert canonicalize("https://n.example/story/") != canonicalize("https://n.example/story")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("https://www.bbc.co.uk/news/1", "https://www.thesun.co.uk/news/2", False),  # two sites under co.uk
        ("https://www.bbc.co.uk/news/1", "https://feeds.bbc.co.uk/news/rss.xml", True),
        ("https://a.github.io/x", "https://b.github.io/y", False),  # a public suffix, not a site
        ("https://news.example.com/a", "https://example.com/b", True),
        ("http://127.0.0.1:8080/a", "http://127.0.0.1:9090/b", False),  # a site is its origin: another port
        ("http://127.0.0.1:8080/a", "http://127.0.0.1:8080/b", True),
        ("https://x.example.com/a", "https://x.example.com:443/b", True),  # default ports normalised
        ("https://x.example.com/a", "http://www.example.com/b", True),  # http and https on their defaults
        ("https://example.com/a", "https://example.com:8443/b", False),
        ("http://127.0.0.1/a", "http://127.0.0.2/b", False),
        ("https://www.site.example/a", "https://site.example/b", True),  # a suffix the list does not know
        ("not a url", "https://example.com/", False),
    ],
)
def test_same_site_reads_the_public_suffix_list(a: str, b: str, same: bool) -> None:
    assert same_site(a, b) is same
    assert same_site(b, a) is same


def test_registered_domain() -> None:
    assert registered_domain("WWW.BBC.CO.UK.") == "bbc.co.uk"
    assert registered_domain("localhost") == "localhost"
    assert registered_domain("[::1]") == "[::1]"


def test_a_canonical_on_another_site_under_the_same_suffix_is_not_taken() -> None:
    """Regression: the canonical of a BBC page pointing at The Sun kept the page's own URL."""
    from lxml import html as lxml_html

    from scraper.extraction.fields import pick_canonical
    from scraper.extraction.visible import read_signals

    tree = lxml_html.document_fromstring(
        '<html><head><link rel="canonical" href="https://www.thesun.co.uk/news/1"></head><body></body></html>'
    )
    assert pick_canonical(read_signals(tree), "https://www.bbc.co.uk/news/1") == "https://www.bbc.co.uk/news/1"
    tree = lxml_html.document_fromstring(
        '<html><head><link rel="canonical" href="https://www.bbc.co.uk/news/1"></head><body></body></html>'
    )
    assert pick_canonical(read_signals(tree), "https://m.bbc.co.uk/news/1?x=1") == "https://www.bbc.co.uk/news/1"
