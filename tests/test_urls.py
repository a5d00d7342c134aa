"""URL canonicalisation: one spelling per page before any request is made."""

from __future__ import annotations

import pytest

from scraper.urls import UrlCanonicalizer


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
