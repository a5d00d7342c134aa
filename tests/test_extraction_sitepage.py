"""A site's own pages (privacy policy, terms, legal notice, contact) are no articles, however they are printed."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from scraper.api import extract
from scraper.extraction.sitepage import site_page
from scraper.extraction.visible import read_signals
from scraper.items import Article, DropReason, Rejection

POLICY = " ".join(
    ["We collect the email address you give us when you sign up for our newsletters and keep it until you leave."] * 6
)
STORY = " ".join(["The council voted on Tuesday to rebuild the harbour wall before the winter storms."] * 8)
# What a CMS that marks every page as a post prints in its head: the page-kind model reads an article.
HEAD = (
    '<meta property="og:type" content="article">'
    '<meta property="article:published_time" content="2025-03-01T09:00:00Z">'
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article", '
    '"headline": "%s", "datePublished": "2025-03-01T09:00:00Z"}</script>'
)


def _page(title: str, h1: str, body: str) -> str:
    return (
        f'<html lang="en"><head><title>{title}</title>{HEAD % h1}</head><body><header><a href="/">The Daily Example'
        f"</a></header><main><article><h1>{h1}</h1>{body}</article></main>"
        '<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>'
    )


def _where(url: str, title: str) -> str | None:
    return site_page(read_signals(lxml_html.document_fromstring(_page(title, title, "<p>x</p>"))), url)


@pytest.mark.parametrize(
    ("url", "title", "where"),
    [
        ("https://daily.example/privacy", "Privacy | The Daily Example", "address"),
        ("https://daily.example/legal/terms-of-service/", "Terms | The Daily Example", "address"),
        ("https://zeitung.example/impressum.html", "Die Zeitung", "address"),
        ("https://gazet.example/kontakt/", "Redakcia", "address"),
        ("https://www.echo.example/newsletters", "Nos newsletters - L'Écho", "address"),
        ("https://www.echo.example/sso/login?redirect=%2Fregion%2Fstory-123", "Anmelden", "address"),
        ("https://daily.example/page/4831", "Privacy Policy | The Daily Example", "title"),
        ("https://journal.example/?page_id=12", "Mentions légales | Journal", "title"),
        ("https://www.lakeshore.example/about/ethics-policy/", "Ethics Policy", "address"),
        ("https://www.shop.example/en/pages/contact", "Contact", "address"),
        ("https://caphe.example.vn/gioi-thieu", "Về chúng tôi", "address"),  # the site's page about itself
        ("https://www.rosterei.example/ueber-uns/", "Unsere Geschichte", "address"),
    ],
)
def test_the_address_or_the_title_names_the_sites_own_page(url: str, title: str, where: str) -> None:
    assert _where(url, title) == where


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("https://daily.example/news/privacy-rules-tightened", "Privacy rules tightened | The Daily Example"),
        ("https://daily.example/tech/2025/03/01/facebook-privacy-policy", "Facebook's new privacy policy, explained"),
        ("https://daily.example/privacy/2025/03/01/data-brokers-fined", "Data brokers fined"),
        ("https://films.example/reviews/contact-1997", "Contact | Film Reviews"),  # a film's review
        ("https://letter.example/about", "About | The Letter"),  # a newsletter's About page: the model's call
        ("https://gazette.example/arts/about-us-review", "About Us | Theatre review | Gazette"),  # a play's review
        ("https://mueller.example/ueber-uns/news/neuer-standort", "Neuer Standort | Über uns | Müller GmbH"),
        # the review's: one-word posts, a film review, headlines that open with the phrase
        ("https://annaswriting.substack.com/p/privacy", "Privacy"),
        ("https://filmcritic.example/reviews/contact/", "Contact"),
        ("https://techweekly.example/accessibility", "Game studios finally take accessibility seriously"),
        ("https://news.example/2025/politique", "Politique de confidentialité : la CNIL inflige une amende record"),
        ("https://news.example/tech/terms", "Terms of Service – the contract nobody reads"),
        ("https://blog.example/abmahnwelle", "Impressum – Abmahnwelle trifft kleine Blogs"),
        # the second review's: a section's two letters are no language, a dated address is a story's
        ("https://news.example/ai/privacy", "AI's privacy problem"),
        ("https://quarterly.example/fiction/2024/contact-us", "Contact Us | Fiction | The Quarterly"),
    ],
)
def test_a_story_about_privacy_or_titled_so_is_no_site_page(url: str, title: str) -> None:
    assert _where(url, title) is None


def test_a_privacy_policy_printed_like_a_post_is_rejected_with_its_reason() -> None:
    policy = _page("Privacy Policy | The Daily Example", "Privacy Policy", f"<p>{POLICY}</p><p>{POLICY}</p>")
    result = extract(policy, url="https://daily.example/privacy-policy/")
    assert isinstance(result, Rejection), result
    assert result.reason is DropReason.NOT_ARTICLE
    assert result.detail.startswith("site_page (title)"), result.detail
    story = _page("Harbour wall | The Daily Example", "Harbour wall", f"<p>{STORY}</p><p>{STORY}</p>")
    assert isinstance(extract(story, url="https://daily.example/news/2025/03/01/harbour-wall"), Article)
